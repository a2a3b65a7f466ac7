"""The methodology's hotel-booking maps (§5.5) as shipped in sample_projects/processes/: the files
hold exactly the methodology's nodes and edges, the to-be map measures better, and the diff lists
exactly what the methodology says changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_impl.formats.bpmn import import_bpmn
from crm_impl.processes import LaneStaff, Scenario, diff_maps, process_metrics, simulate_process

SAMPLES = Path(__file__).resolve().parents[3] / "sample_projects" / "processes"

#: §5.5 (and samples/reference/bpr.json) transcribed: node → type, edges with their labels.
METHODOLOGY = {
    "as_is": (
        {"S": "start", "C1": "task", "D1": "decision", "B1": "end", "D2": "decision", "W1": "end", "L1": "end"},
        {("S", "C1", None), ("C1", "D1", None), ("D1", "B1", "yes"), ("D1", "D2", "no"), ("D2", "W1", "yes"),
         ("D2", "L1", "no")},
    ),
    "to_be": (
        {"CH1": "start", "CH2": "start", "CH3": "start", "CH4": "start", "C1": "task", "D1": "decision", "B1": "end",
         "D2": "decision", "W1": "end", "C2": "task", "D3": "decision", "B2": "end", "C3": "task", "D4": "decision",
         "B3": "end", "L1": "end"},
        {("CH1", "C1", None), ("CH2", "C1", None), ("CH3", "C1", None), ("CH4", "C1", None), ("C1", "D1", None),
         ("D1", "B1", "yes"), ("D1", "D2", "no"), ("D2", "W1", "yes"), ("D2", "C2", "no"), ("C2", "D3", None),
         ("D3", "B2", "yes"), ("D3", "C3", "no"), ("C3", "D4", None), ("D4", "B3", "yes"), ("D4", "L1", "no")},
    ),
}
KINDS = {"start": "start", "task": "task", "decision": "exclusive", "end": "end"}


def hotel(version: str):
    return import_bpmn((SAMPLES / f"hotel_booking_{version}.bpmn").read_bytes()).process


@pytest.mark.parametrize("version", ["as_is", "to_be"])
def test_the_sample_files_hold_the_methodology_maps(version):
    pm = hotel(version)
    nodes, edges = METHODOLOGY[version]
    assert {n.id: n.kind for n in pm.nodes} == {k: KINDS[v] for k, v in nodes.items()}
    assert {(f.source, f.target, f.label or None) for f in pm.flows} == edges


def test_the_to_be_map_is_measurably_better():
    before, after = process_metrics(hotel("as_is")), process_metrics(hotel("to_be"))
    # 4 contact channels instead of 1
    assert before.channels == ("phone",) and after.channels == ("email", "fax", "phone", "web")
    # 3 booking outcomes instead of 1, and a no-room case can still end in a booking
    assert [e for e, p in before.outcomes.items() if p and e.startswith("B")] == ["B1"]
    assert sorted(e for e, p in after.outcomes.items() if p and e.startswith("B")) == ["B1", "B2", "B3"]
    assert before.success_rate == pytest.approx(0.7)
    assert after.success_rate == pytest.approx(0.7 + 0.3 * 0.6 * (0.6 + 0.4 * 0.5))
    # customers lost: 30 % no room × 60 % unwilling to wait, against the few the partners cannot place
    assert before.outcomes["L1"] == pytest.approx(0.18) and after.outcomes["L1"] == pytest.approx(0.036)
    assert after.cost_per_case < before.cost_per_case and after.cycle_time < before.cycle_time
    assert after.automation_share > 0.9 > before.automation_share == 0


def test_the_diff_lists_exactly_the_methodology_changes():
    d = diff_maps(hotel("as_is"), hotel("to_be"), cases_per_year=20_000)
    assert set(d.added_nodes) == {"CH1", "CH2", "CH3", "CH4", "C2", "D3", "B2", "C3", "D4", "B3"}
    assert d.removed_nodes == ("S",)
    assert set(d.added_flows) == {("CH1", "C1"), ("CH2", "C1"), ("CH3", "C1"), ("CH4", "C1"), ("D2", "C2"),
                                  ("C2", "D3"), ("D3", "B2"), ("D3", "C3"), ("C3", "D4"), ("D4", "B3"), ("D4", "L1")}
    assert set(d.removed_flows) == {("S", "C1"), ("D2", "L1")}
    assert d.changed_flows == ()
    # W1 is renamed as in the methodology; C1 keeps its place but is now done by the system
    changes = {c.id: c.fields for c in d.changed_nodes}
    assert set(changes) == {"C1", "W1"} and changes["W1"] == ("name", "name_zh")
    assert "automated" in changes["C1"]
    assert d.delta("channel_count").change == 3 and d.delta("decisions").change == 2
    assert d.savings_per_case == pytest.approx(12 - (1 + 0.18 * 1 + 0.072 * 8))
    assert d.annual_savings == pytest.approx(d.savings_per_case * 20_000)


def test_the_reservation_agents_load_falls_in_the_simulation():
    staff = {"reservation": LaneStaff(people=2)}  # a hotline staffed round the clock
    runs = {version: simulate_process(hotel(version), Scenario(arrival_rate=6, cases=3000, staff=staff, seed=4))
            for version in ("as_is", "to_be")}
    load = {v: next(lane for lane in r.lanes if lane.lane == "reservation").utilisation for v, r in runs.items()}
    # 6 calls an hour × 0.25 h over 2 agents = 0.75 as-is; the to-be agents only phone partner hotels
    assert load["as_is"] == pytest.approx(0.75, abs=0.05)
    assert load["to_be"] < 0.1
    assert runs["to_be"].p90 < runs["as_is"].p90
