"""Gate thresholds, the KPI catalogue and the typical risks against methodology §2, §8 and §9."""

from __future__ import annotations

import pytest

from crm_impl.errors import ValidationError
from crm_impl.methodology import (
    GateCriterion,
    control_measures,
    get_template,
    kpi,
    kpis,
    typical_risks,
)

# Gate → {KPI: (comparison, threshold)} from §2.2 (G1), §2.6 (G4), §2.8 (G5), §2.9 (G6).
GATE_THRESHOLDS = {
    "G1": {"customization_reserve_share": (">=", 0.20), "poc_users": (">=", 200)},
    "G2": {},
    "G3": {},
    "G4": {"requirement_doc_completeness": (">=", 0.95)},
    "G5a": {},
    "G5": {
        "training_coverage": (">=", 1.0),
        "data_validation_pass_rate": (">=", 0.995),
        "data_migration_accuracy": (">=", 0.998),
    },
    "G6": {"parallel_run_consistency": (">", 0.95)},
    "G7": {},
}

# §9.1 implementation KPIs: target and comparison.
IMPLEMENTATION_KPIS = {
    "requirement_doc_completeness": (0.95, ">=", "需求文档完整度"),
    "training_coverage": (1.0, ">=", "员工培训覆盖率"),
    "data_migration_accuracy": (0.998, ">=", "数据迁移准确率"),
    "data_validation_pass_rate": (0.995, ">=", "数据校验通过率"),
    "parallel_run_consistency": (0.95, ">", "一致率"),
    "poc_users": (200, ">=", "POC"),
    "customization_reserve_share": (0.20, ">=", "定制开发预留"),
}
# §9.2 operating KPIs.
OPERATING_KPIS = {
    "customer_data_coverage": 0.90,
    "tag_system_completeness": 200,
    "automated_marketing_coverage": 0.65,
    "email_open_rate": 0.30,
    "click_rate": 0.25,
    "conversion_rate": 0.20,
}

# §8.1 nine risk factors and §8.3 implementation risks, in the brief's order.
TWELVE_RISKS = [
    "集成要求高",
    "缺乏专门的项目主管",
    "缺乏文化准备",
    "应用设计方法不当",
    "过多的自动化",
    "可扩展性差",
    "同步化支持弱",
    "缺乏相应的网络基础设施",
    "客户资源独占论",
    "数据迁移",
    "需求变更",
    "员工抵触",
]
# §8.2: control measure → the §8.1 risks (1..9) it mitigates.
CONTROL_MAPPING = {"CM1": {1, 4, 6, 8}, "CM2": {2, 3, 9}, "CM3": {4, 5}, "CM4": {1, 6, 7, 8}}


@pytest.mark.parametrize("gate_id", list(GATE_THRESHOLDS))
def test_gate_thresholds_follow_the_document(gate_id):
    gate = get_template("nine_phase").gate(gate_id)
    measured = {c.kpi: (c.comparison, c.threshold) for c in gate.criteria if c.kpi}
    assert measured == GATE_THRESHOLDS[gate_id]
    assert all(c.text and c.text_zh for c in gate.criteria)


def test_gate_criteria_name_known_kpis():
    known = {k.id for k in kpis()}
    for template in ("nine_phase", "seven_step"):
        for gate in get_template(template).gates:
            assert {c.kpi for c in gate.criteria if c.kpi} <= known


def test_parallel_run_needs_more_than_95_percent():
    criterion = get_template("nine_phase").gate("G6").criterion("G6.2")
    assert not criterion.is_met(0.95)
    assert criterion.is_met(0.951)


def test_go_live_floor_and_quality_target():
    gate = get_template("nine_phase").gate("G5")
    by_kpi = {c.kpi: c for c in gate.criteria}
    assert by_kpi["data_validation_pass_rate"].is_met(0.995)
    assert not by_kpi["data_validation_pass_rate"].is_met(0.994)
    assert not by_kpi["data_migration_accuracy"].is_met(0.997)
    assert not by_kpi["training_coverage"].is_met(0.99)


def test_a_criterion_without_threshold_cannot_be_compared():
    criterion = GateCriterion(key="x", text="approved", text_zh="已批准")
    assert not criterion.measurable
    with pytest.raises(ValueError):
        criterion.is_met(1.0)


@pytest.mark.parametrize(("kpi_id", "expected"), list(IMPLEMENTATION_KPIS.items()))
def test_implementation_kpis(kpi_id, expected):
    target, comparison, name_zh = expected
    item = kpi(kpi_id)
    assert (item.kind, item.target, item.comparison) == ("implementation", target, comparison)
    assert name_zh in item.name_zh
    assert item.direction == "higher_is_better"


def test_operating_kpis():
    found = {k.id: k for k in kpis() if k.kind == "operating"}
    assert {k: v.target for k, v in found.items()} == OPERATING_KPIS
    assert found["tag_system_completeness"].unit == "count"


def test_kpi_targets_and_units():
    for item in kpis():
        if item.unit == "ratio":
            assert 0 <= item.target <= 1, item.id
        assert item.is_met(item.target) == (item.comparison == ">="), item.id


def test_unknown_kpi_names_the_field():
    with pytest.raises(ValidationError) as caught:
        kpi("nps")
    assert caught.value.field == "kpi"


def test_the_twelve_typical_risks():
    risks = typical_risks()
    assert [r.name_zh for r in risks] == TWELVE_RISKS
    for risk in risks:
        assert 1 <= risk.probability <= 5 and 1 <= risk.impact <= 5, risk.id
        assert risk.score == risk.probability * risk.impact
        assert risk.response and risk.response_zh and risk.description_zh, risk.id


def test_s4_risk_responses_carry_the_document_controls():
    by_name = {r.name_zh: r for r in typical_risks()}
    assert "99.5%" in by_name["数据迁移"].response and "99.5%" in by_name["数据迁移"].response_zh
    assert "board" in by_name["需求变更"].response and "董事会" in by_name["需求变更"].response_zh
    assert "老带新" in by_name["员工抵触"].response_zh


def test_control_measures_map_as_section_8_2():
    assert [m.name_zh for m in control_measures()] == ["CRM的规划", "人的因素", "梳理企业内部流程", "选择适合的技术"]
    textbook = typical_risks()[:9]
    for measure, numbers in CONTROL_MAPPING.items():
        assert {i for i, r in enumerate(textbook, start=1) if measure in r.control_measures} == numbers


def test_risk_phases_are_nine_phase_ids():
    phase_ids = {p.id for p in get_template("nine_phase").phases}
    for risk in typical_risks():
        assert risk.phases and set(risk.phases) <= phase_ids, risk.id
