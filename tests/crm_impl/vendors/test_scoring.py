"""Weighted sum, ranks, group subtotals, consolidation of sheets, figures, knock-outs, TOPSIS."""

from __future__ import annotations

import numpy as np
import pytest

from crm_impl.errors import ValidationError
from crm_impl.vendors.criteria import CriteriaTree, Criterion, Group, catalogue_tree, direct_weights
from crm_impl.vendors.scoring import Score, Vendor, consolidate, evaluate, figure_scores, topsis
from tests.crm_impl.vendors.conftest import GROUP_WEIGHTS, TABLE, TOTALS, worked_example_tree


def run(selection):
    return evaluate(selection.tree, direct_weights(selection.tree), selection.vendors, selection.scores)


def test_the_worked_example_gives_the_methodology_totals_exactly(example):
    result = run(example)
    totals = {v.name: v.total for v in result.vendors}
    assert totals == pytest.approx(TOTALS, abs=1e-12)
    assert {name: f"{total:.3f}" for name, total in totals.items()} == {"Salesforce": "3.930", "Yonyou": "3.990",
                                                                         "Kingdee": "3.770"}
    assert [(v.name, v.rank) for v in result.ranking] == [("Yonyou", 1), ("Salesforce", 2), ("Kingdee", 3)]
    assert result.winner == "Yonyou"


def test_group_subtotals_and_contributions_add_up(example):
    result = run(example)
    salesforce = next(v for v in result.vendors if v.name == "Salesforce")
    assert salesforce.group_subtotals["functions"] == pytest.approx(0.30 * 4.65)
    assert sum(salesforce.group_subtotals.values()) == pytest.approx(salesforce.total)
    assert sum(salesforce.contributions.values()) == pytest.approx(salesforce.total)
    assert salesforce.group_scores["cost"] == pytest.approx(2.0)


def test_consolidation_mean_min_max_std():
    tree = worked_example_tree()
    scores = [Score("Ann", "A", "functions", 4, "strong pipeline"), Score("Bo", "A", "functions", 2),
              Score("Cy", "A", "functions", 3)]
    cell = consolidate(tree, [Vendor("A", "A")], scores)["A", "functions"]
    assert (cell.mean, cell.low, cell.high, cell.count) == (3.0, 2.0, 4.0, 3)
    assert cell.std == pytest.approx(np.std([4, 2, 3]))
    assert cell.sheets[0] == ("Ann", 4.0, "strong pipeline")


def test_a_ten_point_and_a_lower_is_better_criterion_map_onto_the_result_scale():
    ten = Criterion("c", "C", "g", scale=10)
    assert ten.utility(1) == 1 and ten.utility(10) == 5 and ten.utility(5.5) == pytest.approx(3)
    risk = Criterion("r", "R", "g", higher_is_better=False)
    assert risk.utility(1) == 5 and risk.utility(5) == 1


def test_figures_lowest_price_rule():
    cost = Criterion("cost", "Cost", "cost", higher_is_better=False, from_figures=True, scale=10)
    assert figure_scores(cost, {"A": 100.0, "B": 200.0, "C": 2000.0}) == {"A": 10.0, "B": 5.0, "C": 1.0}
    speed = Criterion("users", "Users", "tech", from_figures=True)
    assert figure_scores(speed, {"A": 500, "B": 1000}) == {"A": 2.5, "B": 5.0}
    with pytest.raises(ValidationError, match="must be a number above 0"):
        figure_scores(cost, {"A": 0})


def test_knock_out_disqualifies_and_says_why():
    tree = CriteriaTree((Group("tech", "Tech"),), (
        Criterion("security", "Security", "tech", knockout=3), Criterion("mobile", "Mobile", "tech"),
    ))
    scores = [Score("Ann", "A", "security", 5), Score("Ann", "A", "mobile", 2),
              Score("Ann", "B", "security", 2), Score("Bo", "B", "security", 3), Score("Ann", "B", "mobile", 5)]
    result = evaluate(tree, direct_weights(tree), [Vendor("A", "A"), Vendor("B", "B")], scores)
    b = next(v for v in result.vendors if v.key == "B")
    assert b.disqualified and b.rank is None and b.topsis_rank is None
    assert [(k.criterion, k.score, k.threshold) for k in b.knockouts] == [("security", 2.5, 3.0)]
    assert b.total > next(v for v in result.vendors if v.key == "A").total  # higher total, still out
    assert result.winner == "A" and [v.key for v in result.ranking] == ["A", "B"]


def test_lower_is_better_knock_out_is_a_maximum():
    effort = Criterion("effort", "Effort", "g", higher_is_better=False, knockout=4)
    assert effort.knocked_out(4.5) and not effort.knocked_out(4)


def test_topsis_matches_a_hand_computation():
    matrix = np.array([[4.0, 2.0], [3.0, 5.0]])
    weights = np.array([0.6, 0.4])
    norm = matrix / np.sqrt((matrix ** 2).sum(axis=0)) * weights
    best, worst = norm.max(axis=0), norm.min(axis=0)
    d_best = np.sqrt(((norm - best) ** 2).sum(axis=1))
    d_worst = np.sqrt(((norm - worst) ** 2).sum(axis=1))
    assert topsis(matrix, weights) == pytest.approx(d_worst / (d_best + d_worst))


def test_the_worked_example_weighted_sum_and_topsis_disagree(example):
    result = run(example)
    assert result.winner == "Yonyou" and result.topsis_winner == "Salesforce" and not result.methods_agree


@pytest.mark.parametrize("score, message", [
    (Score("Ann", "Yonyou", "functions", 6), "outside the scale 1–5"),
    (Score("Ann", "Yonyou", "functions", 0), "outside the scale 1–5"),
    (Score("Ann", "Nobody", "functions", 3), "unknown vendor"),
    (Score("Ann", "Yonyou", "nothing", 3), "unknown criterion"),
])
def test_invalid_scores_are_refused(example, score, message):
    with pytest.raises(ValidationError, match=message):
        evaluate(example.tree, direct_weights(example.tree), example.vendors, [*example.scores, score])


def test_a_vendor_with_no_scores_is_refused(example):
    vendors = [*example.vendors, Vendor("Newco", "Newco")]
    with pytest.raises(ValidationError, match="vendor Newco has no scores"):
        evaluate(example.tree, direct_weights(example.tree), vendors, example.scores)


def test_a_missing_score_is_named_by_the_criterion_s_name_in_the_reader_s_language(example):
    """The message names the criterion (and vendor) as the pages show them, never by key."""
    tree = CriteriaTree(example.tree.groups, tuple(
        Criterion(c.key, "Total cost of ownership", c.group, name_zh="总拥有成本") if c.key == "cost" else c
        for c in example.tree.criteria))
    vendors = [Vendor(v.key, v.name, "金蝶") if v.key == "Kingdee" else v for v in example.vendors]
    scores = [s for s in example.scores if not (s.vendor == "Kingdee" and s.criterion == "cost")]
    with pytest.raises(ValidationError) as refused:
        evaluate(tree, direct_weights(tree), vendors, scores)
    assert refused.value.localized_reason("en") == "vendor Kingdee has no score on Total cost of ownership"
    assert "金蝶" in refused.value.localized_reason("zh_Hans") and "总拥有成本" in refused.value.localized_reason("zh_Hans")
    assert "cost" not in refused.value.localized_reason("zh_Hans")


def test_weights_summing_to_zero_are_refused():
    tree = CriteriaTree((Group("g", "G", weight=0),), (Criterion("c", "C", "g"),))
    with pytest.raises(ValidationError, match="the weights sum to zero"):
        direct_weights(tree)


def test_scoring_twice_by_one_evaluator_is_refused(example):
    with pytest.raises(ValidationError, match="scored Yonyou on Cost twice"):
        consolidate(example.tree, example.vendors, [Score("A", "Yonyou", "cost", 3), Score("A", "Yonyou", "cost", 4)])


def test_catalogue_tree_is_valid_and_weighs_to_one():
    tree = catalogue_tree().check()
    weights = direct_weights(tree)
    assert sum(weights.criteria.values()) == pytest.approx(1)
    assert weights.groups == pytest.approx(GROUP_WEIGHTS)
    assert {c.key for c in tree.criteria if c.from_figures} == {"implementation_time", "total_cost"}
    assert tree.criterion("security").knockout == 3
    assert len(TABLE) == 3
