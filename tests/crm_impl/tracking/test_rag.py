"""RAG status: boundary values of every area, overall colour, thresholds as data, labels."""

from __future__ import annotations

import doctest

import pytest

from crm_impl.errors import ValidationError
from crm_impl.tracking import rag
from crm_impl.tracking.rag import (
    AREAS,
    AreaStatus,
    RagThresholds,
    StatusFacts,
    area_label,
    assess_status,
    describe_thresholds,
    rag_label,
)


def colour(area: str, **facts) -> str:
    return assess_status(StatusFacts(**facts)).area(area).rag


@pytest.mark.parametrize(
    ("slip", "expected"),
    [(-3, "green"), (0, "green"), (5, "green"), (5.5, "amber"), (6, "amber"), (15, "amber"),
     (16, "red")],
)
def test_schedule_edges(slip, expected):
    assert colour("schedule", schedule_slip_days=slip) == expected


@pytest.mark.parametrize(
    ("eac", "expected"),
    [(90, "green"), (105, "green"), (105.01, "amber"), (110, "amber"), (110.01, "red")],
)
def test_cost_overrun_edges(eac, expected):
    assert colour("cost", bac=100, eac=eac) == expected


def test_cost_overrun_edge_survives_float_rounding():
    # (0.3 * 1.05 - 0.3) / 0.3 == 0.050000000000000044 in binary floating point.
    assert colour("cost", bac=0.3, eac=0.3 * 1.05) == "green"
    assert colour("cost", bac=0.3, eac=0.3 * 1.1) == "amber"


@pytest.mark.parametrize(("cpi", "expected"), [(1.2, "green"), (0.95, "green"), (0.949, "amber"),
                                               (0.9, "amber"), (0.899, "red")])
def test_cpi_edges(cpi, expected):
    assert colour("cost", cpi=cpi) == expected


def test_eac_wins_over_cpi():
    area = assess_status(StatusFacts(bac=100, eac=120, cpi=1.0)).area("cost")
    assert (area.rag, area.value, area.value_text) == ("red", 0.2, "20%")
    assert area.threshold_text == "EAC over BAC: green ≤ 5%, amber ≤ 10%, red > 10%"


def test_cost_without_eac_uses_cpi():
    area = assess_status(StatusFacts(bac=100, cpi=0.93)).area("cost")
    assert (area.rag, area.value_text, area.threshold_text) == (
        "amber", "0.93", "CPI: green ≥ 0.95, amber ≥ 0.9, red < 0.9")


@pytest.mark.parametrize(("used", "expected"), [(0, "green"), (50, "green"), (51, "amber"),
                                                (100, "amber"), (101, "red")])
def test_scope_reserve_edges(used, expected):
    assert colour("scope", change_reserve=100, approved_change_cost=used) == expected


def test_scope_without_reserve():
    assert colour("scope", change_reserve=0, approved_change_cost=0) == "green"
    area = assess_status(StatusFacts(change_reserve=0, approved_change_cost=1)).area("scope")
    assert (area.rag, area.value_text) == ("red", "∞")


@pytest.mark.parametrize(("count", "expected"), [(0, "green"), (3, "green"), (4, "amber"),
                                                 (8, "amber"), (9, "red")])
def test_scope_open_change_edges(count, expected):
    assert colour("scope", open_change_requests=count) == expected


@pytest.mark.parametrize(
    ("scores", "expected", "high"),
    [((), "green", 0), ((12, 14, 4), "green", 0), ((15,), "amber", 1), ((25, 16, 3), "amber", 2),
     ((15, 20, 25), "red", 3)],
)
def test_risk_edges(scores, expected, high):
    area = assess_status(StatusFacts(open_risk_scores=scores)).area("risk")
    assert (area.rag, area.value) == (expected, high)


def test_high_risk_score_is_data():
    facts = StatusFacts(open_risk_scores=(12, 12, 12))
    assert assess_status(facts, RagThresholds(high_risk_score=12)).area("risk").rag == "red"


@pytest.mark.parametrize(
    ("roles", "overdue", "expected"),
    [(0, 0, "green"), (1, None, "amber"), (None, 2, "amber"), (1, 1, "amber"), (2, 1, "red"),
     (0, 3, "red")],
)
def test_people_edges(roles, overdue, expected):
    assert colour("people", unstaffed_roles=roles, overdue_deliverables=overdue) == expected


def test_people_value_text():
    area = assess_status(StatusFacts(unstaffed_roles=1, overdue_deliverables=2)).area("people")
    assert (area.value, area.value_text) == (3, "1 unstaffed, 2 overdue")


@pytest.mark.parametrize(("met", "expected"), [(10, "green"), (9, "green"), (8, "amber"),
                                               (7, "amber"), (6, "red"), (0, "red")])
def test_kpi_edges(met, expected):
    assert colour("kpi", kpis_met=met, kpis_measured=10) == expected


def test_kpi_with_nothing_measured_is_grey():
    assert colour("kpi", kpis_met=0, kpis_measured=0) == "grey"
    assert assess_status(StatusFacts(kpis_met=9, kpis_measured=10)).area("kpi").value_text == "90% (9 of 10)"


def test_no_facts_is_all_grey():
    report = assess_status(StatusFacts())
    assert report.overall == "grey"
    assert [a.area for a in report.areas] == list(AREAS)
    assert {a.rag for a in report.areas} == {"grey"}
    assert all(a.value is None for a in report.areas)


@pytest.mark.parametrize(
    ("facts", "overall"),
    [
        (StatusFacts(schedule_slip_days=0), "green"),
        (StatusFacts(schedule_slip_days=0, cpi=0.92), "amber"),
        (StatusFacts(schedule_slip_days=16, cpi=0.92, open_risk_scores=()), "red"),
        (StatusFacts(open_change_requests=9, kpis_met=1, kpis_measured=1), "red"),
    ],
)
def test_overall_is_worst_known_area(facts, overall):
    assert assess_status(facts).overall == overall


def test_area_status_literal():
    assert assess_status(StatusFacts(schedule_slip_days=6)).area("schedule") == AreaStatus(
        area="schedule",
        rag="amber",
        value=6.0,
        threshold_text="working days of slip: green ≤ 5, amber ≤ 15, red > 15",
        label="Schedule",
        value_text="6",
    )


def test_custom_thresholds_move_the_edges():
    th = RagThresholds(schedule_green_days=0, schedule_amber_days=10)
    assert assess_status(StatusFacts(schedule_slip_days=1), th).area("schedule").rag == "amber"
    assert assess_status(StatusFacts(schedule_slip_days=11), th).area("schedule").rag == "red"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"schedule_green_days": 20}, "schedule_green_days"), ({"cpi_green": 0.8}, "cpi_green"),
     ({"kpi_amber_share": float("nan")}, "kpi_amber_share")],
)
def test_thresholds_are_checked(kwargs, field):
    with pytest.raises(ValidationError) as info:
        RagThresholds(**kwargs)
    assert info.value.field == field


@pytest.mark.parametrize(
    ("facts", "field"),
    [
        (StatusFacts(bac=0, eac=10), "bac"),
        (StatusFacts(bac=-1, eac=10), "bac"),
        (StatusFacts(schedule_slip_days=float("nan")), "schedule_slip_days"),
        (StatusFacts(open_risk_scores=(0,)), "open_risk_scores[0]"),
        (StatusFacts(kpis_met=3, kpis_measured=2), "kpis_met"),
        (StatusFacts(unstaffed_roles=-1), "unstaffed_roles"),
    ],
)
def test_bad_facts(facts, field):
    with pytest.raises(ValidationError) as info:
        assess_status(facts)
    assert info.value.field == field


def test_chinese_texts():
    report = assess_status(StatusFacts(schedule_slip_days=20, unstaffed_roles=1), locale="zh_CN")
    schedule = report.area("schedule")
    assert schedule.label == "进度"
    assert schedule.threshold_text == "延误工作日：绿 ≤ 5，黄 ≤ 15，红 > 15"
    assert report.area("people").value_text == "1 个角色未配备，? 项交付物逾期"
    assert (area_label("risk", "zh"), rag_label("amber", "zh_Hans"), rag_label("grey")) == ("风险", "黄", "no data")


def test_legend_lists_every_area_and_both_measures():
    legend = describe_thresholds()
    assert [row[0] for row in legend] == list(AREAS)
    assert legend[1][2] == (
        "EAC over BAC: green ≤ 5%, amber ≤ 10%, red > 10%; else CPI: green ≥ 0.95, amber ≥ 0.9, red < 0.9"
    )
    assert describe_thresholds(RagThresholds(kpi_green_share=1.0), "zh")[5] == (
        "kpi", "KPI目标", "达标KPI占比：绿 ≥ 100%，黄 ≥ 70%，红 < 70%")


def test_docstring_examples():
    result = doctest.testmod(rag)
    assert result.failed == 0 and result.attempted > 0


def test_measured_values_print_at_a_readable_precision():
    report = assess_status(StatusFacts(kpis_met=1, kpis_measured=3, cpi=0.952381, bac=100.0, eac=None,
                                       approved_change_cost=17.4497, change_reserve=100.0))
    texts = {a.area: a.value_text for a in report.areas}
    assert texts["kpi"].startswith("33.3%") and texts["scope"] == "17.4%" and "0.95" in texts["cost"]
