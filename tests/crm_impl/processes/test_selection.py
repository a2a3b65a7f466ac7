"""Process selection: the three criteria, the feasibility floor, and the scope quadrant."""

from __future__ import annotations

import pytest

from crm_impl.errors import ValidationError
from crm_impl.processes import Candidate, Weights, rank_candidates, scope_quadrant

CANDIDATES = [
    Candidate("service", "Customer service", importance=5, gap=5, feasibility=4, functions=6, departments=3),
    Candidate("billing", "Billing", importance=5, gap=4, feasibility=2, functions=3, departments=1),
    Candidate("leads", "Lead handling", importance=3, gap=3, feasibility=5, functions=2, departments=1),
    Candidate("repair", "After-sales repair", importance=4, gap=3, feasibility=3, functions=7, departments=2),
]


def test_ranked_by_weighted_score_and_infeasible_processes_last():
    ranked = rank_candidates(CANDIDATES)
    assert [(r.rank, r.candidate.key, r.selected) for r in ranked] == [
        (1, "service", True), (2, "leads", True), (3, "repair", True), (4, "billing", False)]
    assert ranked[0].score == pytest.approx(14 / 3)
    # billing scores above repair but cannot be done now
    billing = next(r for r in ranked if r.candidate.key == "billing")
    repair = next(r for r in ranked if r.candidate.key == "repair")
    assert billing.score > repair.score


def test_weights_change_the_order():
    ranked = rank_candidates(CANDIDATES, Weights(importance=3, gap=1, feasibility=1))
    assert [r.candidate.key for r in ranked][:3] == ["service", "repair", "leads"]
    assert ranked[1].score == pytest.approx((12 + 3 + 3) / 5)


def test_the_product_rule_and_a_custom_feasibility_floor():
    ranked = rank_candidates(CANDIDATES, method="product", min_feasibility=2)
    assert ranked[0].candidate.key == "service" and ranked[0].score == 100
    assert all(r.selected for r in ranked)
    assert [r.candidate.key for r in ranked] == ["service", "leads", "billing", "repair"]  # 100, 45, 40, 36


def test_each_process_lands_in_its_quadrant():
    quadrants = {r.candidate.key: r.quadrant for r in rank_candidates(CANDIDATES)}
    assert quadrants == {"service": "IV", "billing": "I", "leads": "I", "repair": "II"}
    assert scope_quadrant(2, 5) == "III"
    assert scope_quadrant(5, 2) == "I" and scope_quadrant(6, 3) == "IV"
    assert scope_quadrant(3, 1, many_functions=2, many_departments=0) == "IV"


@pytest.mark.parametrize(("candidates", "field"), [
    ([Candidate("a", "A", 0, 3, 3)], "candidates[0].importance"),
    ([Candidate("a", "A", 3, 6, 3)], "candidates[0].gap"),
    ([Candidate("a", "A", 3, 3, 2.5)], "candidates[0].feasibility"),
    ([Candidate("a", "A", 3, 3, 3, functions=-1)], "candidates[0].functions"),
    ([Candidate("a", "A", 3, 3, 3), Candidate("a", "B", 3, 3, 3)], "candidates"),
])
def test_bad_ratings_are_refused(candidates, field):
    with pytest.raises(ValidationError) as caught:
        rank_candidates(candidates)
    assert caught.value.field == field


def test_bad_weights_or_method_are_refused():
    with pytest.raises(ValidationError):
        rank_candidates(CANDIDATES, Weights(0, 0, 0))
    with pytest.raises(ValidationError):
        rank_candidates(CANDIDATES, method="vote")
