"""Gate reviews: criteria from KPIs and checks, deliverable sign-off, decision rules."""

from __future__ import annotations

import pytest

from crm_impl.errors import ValidationError
from crm_impl.methodology import Gate, GateCriterion, get_template
from crm_impl.tracking.gates import (
    DECISIONS,
    CriterionState,
    DeliverableState,
    check_decision,
    evaluate_gate,
)

G5 = get_template("nine_phase").gate("G5")
G6 = get_template("nine_phase").gate("G6")

TINY = Gate(
    id="GX",
    phase_id="PX",
    name="Tiny gate",
    name_zh="小关口",
    criteria=(
        GateCriterion(key="GX.1", text="Ratio at least 90%.", text_zh="比例不低于90%。",
                      kpi="ratio", threshold=0.9, comparison=">="),
        GateCriterion(key="GX.2", text="Signed.", text_zh="已签署。"),
    ),
)
SIGNED = DeliverableState("PX.D1", "Report", mandatory=True, signed_off=True)
UNSIGNED = DeliverableState("PX.D2", "Plan", mandatory=True, signed_off=False)
OPTIONAL = DeliverableState("PX.D3", "Notes", mandatory=False, signed_off=False)


def test_nothing_known_leaves_every_criterion_open():
    review = evaluate_gate(TINY)
    assert [c.met for c in review.criteria] == [None, None]
    assert review.open_items == ("GX.1", "GX.2")
    assert review.unsigned_mandatory == ()
    assert review.can_pass is False
    assert review.can_pass_with_conditions is True


def test_all_met_and_signed_can_pass():
    review = evaluate_gate(TINY, measured={"ratio": 0.9}, checks={"GX.2": True},
                           deliverables=[SIGNED, OPTIONAL])
    assert review.criteria[0] == CriterionState(
        key="GX.1", text="Ratio at least 90%.", kpi="ratio", threshold=0.9, comparison=">=",
        measured=0.9, met=True,
    )
    assert review.open_items == ()
    assert review.can_pass is True
    check_decision(review, "pass")


@pytest.mark.parametrize(("value", "met"), [(0.9, True), (0.8999, False), (1.0, True)])
def test_measured_threshold_edge(value, met):
    assert evaluate_gate(TINY, measured={"ratio": value}).criteria[0].met is met


def test_strict_comparison_of_g6():
    # G6.2: consistency must *exceed* 95%.
    assert evaluate_gate(G6, measured={"parallel_run_consistency": 0.95}).criteria[1].met is False
    assert evaluate_gate(G6, measured={"parallel_run_consistency": 0.951}).criteria[1].met is True


def test_g5_go_live_floor():
    review = evaluate_gate(
        G5,
        measured={"training_coverage": 1.0, "data_validation_pass_rate": 0.994,
                  "data_migration_accuracy": 0.998},
        checks={"G5.4": True},
    )
    assert [(c.key, c.met) for c in review.criteria] == [
        ("G5.1", True), ("G5.2", False), ("G5.3", True), ("G5.4", True),
    ]
    assert review.open_items == ("G5.2",)


def test_false_check_is_open():
    review = evaluate_gate(TINY, measured={"ratio": 1.0}, checks={"GX.2": False})
    assert review.criteria[1].met is False
    assert review.open_items == ("GX.2",)


def test_measured_value_wins_over_check():
    review = evaluate_gate(TINY, measured={"ratio": 0.5}, checks={"GX.1": True})
    assert review.criteria[0].met is False


def test_check_stands_in_for_missing_measurement():
    review = evaluate_gate(TINY, measured={"ratio": None}, checks={"GX.1": True})
    assert (review.criteria[0].measured, review.criteria[0].met) == (None, True)


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), True])
def test_measured_must_be_a_finite_number(bad):
    with pytest.raises(ValidationError) as info:
        evaluate_gate(TINY, measured={"ratio": bad})
    assert info.value.field == "measured.ratio"


def test_texts_follow_locale():
    assert evaluate_gate(TINY, locale="zh_CN").criteria[1].text == "已签署。"
    assert evaluate_gate(TINY, locale="zh_CN").name == "小关口"
    assert evaluate_gate(G5, locale="en").name == G5.name
    assert evaluate_gate(G5, locale="zh_Hans").criteria[1].text == "数据校验通过率不低于99.5%。"


def test_unsigned_mandatory_blocks_pass():
    review = evaluate_gate(TINY, measured={"ratio": 1.0}, checks={"GX.2": True},
                           deliverables=[SIGNED, UNSIGNED, OPTIONAL])
    assert review.unsigned_mandatory == ("PX.D2",)
    assert review.can_pass is False
    assert review.can_pass_with_conditions is False
    for decision in ("pass", "pass_with_conditions"):
        with pytest.raises(ValidationError, match=r"not signed off: PX\.D2 Plan") as info:
            check_decision(review, decision, "fix later")
        assert info.value.field == "decision"
    check_decision(review, "fail")


def test_open_criteria_refuse_pass_but_allow_conditions():
    review = evaluate_gate(TINY, measured={"ratio": 0.5}, deliverables=[SIGNED])
    with pytest.raises(ValidationError, match=r"criteria are open: GX\.1, GX\.2") as info:
        check_decision(review, "pass")
    assert info.value.field == "decision"
    check_decision(review, "pass_with_conditions", "Reach 90% by week 12.")
    check_decision(review, "fail")


@pytest.mark.parametrize("text", ["", "   \n"])
def test_conditions_text_required(text):
    review = evaluate_gate(TINY, deliverables=[SIGNED])
    with pytest.raises(ValidationError) as info:
        check_decision(review, "pass_with_conditions", text)
    assert info.value.field == "conditions"


def test_unknown_decision():
    with pytest.raises(ValidationError, match="unknown decision 'maybe'") as info:
        check_decision(evaluate_gate(TINY), "maybe")
    assert info.value.field == "decision"


def test_decisions_listed():
    assert DECISIONS == ("pass", "pass_with_conditions", "fail")


@pytest.mark.parametrize("gate", get_template("nine_phase").gates, ids=lambda g: g.id)
def test_every_catalogue_gate_can_be_reviewed(gate):
    review = evaluate_gate(gate, checks={c.key: True for c in gate.criteria})
    assert review.can_pass is True
    assert len(review.criteria) == len(gate.criteria)
