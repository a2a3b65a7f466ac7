"""As-is vs to-be on small maps (the hotel maps are checked in test_hotel.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crm_impl.processes import Flow, Lane, Node, diff_maps
from crm_impl.processes.diff import FlowChange, NodeChange
from tests.crm_impl.processes.maps import gateway, loop


def test_a_map_against_itself_has_no_change_and_no_saving():
    d = diff_maps(loop(), loop(), cases_per_year=1000)
    assert d.unchanged and d.savings_per_case == 0 and d.annual_savings == 0
    assert all(delta.change in (0, None) for delta in d.deltas)


def test_removing_rework_and_automating_a_step():
    as_is = loop()
    to_be = replace(as_is.with_nodes([Node("r", "task", "Review", lane="front", working_time=0.2, cost=2,
                                           automated=True),
                                      Node("g", "exclusive", "OK?", lane="front"),
                                      Node("e", "end", lane="front", success=True)]),
                    flows=tuple(replace(f, probability={"e": 0.95, "d": 0.05}[f.target]) if f.source == "g" else f
                                for f in as_is.flows))
    d = diff_maps(as_is, to_be, cases_per_year=5000)
    assert d.changed_nodes == (NodeChange("r", ("lane", "working_time", "waiting_time", "cost", "automated")),
                               NodeChange("g", ("lane",)), NodeChange("e", ("lane",)))
    assert set(d.changed_flows) == {FlowChange("g", "e", ("probability",)), FlowChange("g", "d", ("probability",))}
    assert not (d.added_nodes or d.removed_nodes or d.added_flows or d.removed_flows)
    before, after = 4 / 3 * 30, 1 / 0.95 * 12
    assert d.savings_per_case == pytest.approx(before - after)
    assert d.annual_savings == pytest.approx((before - after) * 5000)
    assert d.hours_saved_per_case == pytest.approx(4 / 3 * 4 - 1 / 0.95 * 2.2)
    assert d.annual_touch_hours_saved == pytest.approx((4 / 3 * 3 - 1 / 0.95 * 2.2) * 5000)
    assert d.delta("handoffs").before == 2 and d.delta("handoffs").after == 0
    assert d.delta("automation_share").after == pytest.approx(0.5)
    assert d.delta("cost_per_case").relative == pytest.approx((after - before) / before)


def test_added_and_removed_nodes_flows_and_lanes():
    as_is = gateway()
    to_be = replace(as_is, lanes=(*as_is.lanes, Lane("partner")),
                    nodes=(*as_is.nodes, Node("alt", "task", "Offer partner hotel", lane="partner", working_time=0.5),
                           Node("ok2", "end", "Booked at partner", success=True)),
                    flows=tuple(f for f in as_is.flows if f.key != ("g", "no"))
                    + (Flow("g", "alt", "no", 0.3), Flow("alt", "ok2")))
    to_be = replace(to_be, nodes=tuple(n for n in to_be.nodes if n.id != "no"))
    d = diff_maps(as_is, to_be, cases_per_year=100)
    assert d.added_nodes == ("alt", "ok2") and d.removed_nodes == ("no",)
    assert d.added_flows == (("g", "alt"), ("alt", "ok2")) and d.removed_flows == (("g", "no"),)
    assert d.added_lanes == ("partner",) and d.removed_lanes == ()
    assert d.delta("success_rate").before == pytest.approx(0.7) and d.delta("success_rate").after == pytest.approx(1)
    assert d.savings_per_case == 0  # the partner offer costs nothing here, but the time grows
    assert d.delta("cycle_time").change == pytest.approx(0.3 * 0.5)
