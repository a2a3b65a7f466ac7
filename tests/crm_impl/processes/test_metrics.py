"""Metrics of small maps whose values are computed by hand in each test."""

from __future__ import annotations

import numpy as np
import pytest

from crm_impl.processes import Flow, Lane, Node, ProcessMap, ProcessMapError, process_metrics
from tests.crm_impl.processes.maps import gateway, linear, loop, parallel, parallel_choice


def test_a_straight_line_adds_its_tasks():
    m = process_metrics(linear())
    assert (m.steps, m.handoffs, m.decisions) == (2, 1, 0)
    assert m.cycle_time == 6  # 1 + 2 wait + 3
    assert (m.touch_time, m.waiting_time, m.cost_per_case) == (4, 2, 40)
    assert m.value_added_time == 3 and m.value_added_ratio == pytest.approx(3 / 6)
    assert m.channels == ("phone",) and m.channel_count == 1
    assert m.outcomes == {"e": 1.0} and m.success_rate == 1.0
    assert m.expected_handoffs == 1 and m.expected_steps == 2


def test_an_exclusive_gateway_weighs_each_branch_by_its_probability():
    m = process_metrics(gateway())
    assert m.cycle_time == pytest.approx(1 + 0.7 * 2)
    assert m.cost_per_case == pytest.approx(5 + 0.7 * 20)
    assert m.outcomes == pytest.approx({"ok": 0.7, "no": 0.3})
    assert m.success_rate == pytest.approx(0.7)
    assert m.decisions == 1 and m.handoffs == 0
    # automated executions over task executions: 0.7 of 1.7
    assert m.automation_share == pytest.approx(0.7 / 1.7)
    assert m.expected_steps == pytest.approx(1.7)


def test_a_loop_runs_as_often_as_expected():
    m = process_metrics(loop())
    runs = 1 / (1 - 0.25)  # expected passes through draft and review
    assert m.visits["d"] == pytest.approx(runs) and m.visits["r"] == pytest.approx(runs)
    assert m.cycle_time == pytest.approx(runs * (2 + 2))
    assert m.cost_per_case == pytest.approx(runs * 30)
    assert m.waiting_time == pytest.approx(runs * 1)
    # front → back every pass, back → front on each rework
    assert m.handoffs == 2
    assert m.expected_handoffs == pytest.approx(runs + runs * 0.25)
    assert m.value_added_ratio == pytest.approx(2 / 4)


def test_parallel_branches_take_the_longest_time_and_the_sum_of_the_costs():
    m = process_metrics(parallel())
    assert m.cycle_time == pytest.approx(max(4, 1 + 1 + 1) + 0.5)
    assert m.cost_per_case == pytest.approx(40 + 5 + 5 + 2)
    assert m.touch_time == pytest.approx(4 + 1 + 1 + 0.5) and m.waiting_time == pytest.approx(1)
    assert m.steps == 4 and m.automation_share == pytest.approx(1 / 4)
    # split (front) → credit (back) and credit → join (front)
    assert m.handoffs == 2 and m.expected_handoffs == pytest.approx(2)


def test_a_longer_branch_decides_the_time_whichever_it_is():
    pm = parallel().with_nodes([Node("credit", "task", "Credit check", lane="back", working_time=1, cost=40)])
    assert process_metrics(pm).cycle_time == pytest.approx(3 + 0.5)


def test_a_parallel_block_inside_a_loop_counts_once_per_pass():
    base = parallel()
    nodes = [n for n in base.nodes if n.id != "e"] + [
        Node("m", "exclusive", lane="front"), Node("g", "exclusive", lane="front"), Node("e", "end")]
    flows = [f for f in base.flows if f.key not in {("confirm", "e"), ("s", "p")}] + [
        Flow("s", "m"), Flow("m", "p"), Flow("confirm", "g"), Flow("g", "e", probability=0.5),
        Flow("g", "m", probability=0.5)]
    m = process_metrics(ProcessMap("pl", lanes=base.lanes, nodes=nodes, flows=flows))
    assert m.visits["credit"] == pytest.approx(2) and m.visits["p"] == pytest.approx(2)
    assert m.cycle_time == pytest.approx(2 * 4.5)
    assert m.cost_per_case == pytest.approx(2 * 52)


def test_alternative_start_events_take_their_shares():
    pm = ProcessMap("channels", lanes=(Lane("desk"),), nodes=(
        Node("phone", "start", lane="desk", channel="phone", share=0.6),
        Node("web", "start", lane="desk", channel="web", share=0.4),
        Node("call", "task", lane="desk", working_time=0.5, cost=6, channel="phone"),
        Node("form", "task", lane="desk", working_time=0.1, cost=1, channel="web", automated=True),
        Node("m", "exclusive", lane="desk"),
        Node("e", "end", lane="desk")),
        flows=(Flow("phone", "call"), Flow("web", "form"), Flow("call", "m"), Flow("form", "m"), Flow("m", "e")))
    m = process_metrics(pm)
    assert m.cycle_time == pytest.approx(0.6 * 0.5 + 0.4 * 0.1)
    assert m.cost_per_case == pytest.approx(0.6 * 6 + 0.4 * 1)
    assert m.channels == ("phone", "web") and m.automation_share == pytest.approx(0.4)


def test_the_absorbing_chain_agrees_with_walking_cases_one_by_one():
    """An independent check: sample 20 000 random walks through the loop map and average."""
    pm, rng = loop(), np.random.default_rng(7)
    times = []
    for _ in range(20_000):
        total = 0.0
        while True:
            total += 4  # draft + review + wait
            if rng.random() < 0.75:
                break
        times.append(total)
    assert process_metrics(pm).cycle_time == pytest.approx(np.mean(times), rel=0.01)


def test_an_unmeasurable_map_is_refused_with_its_problems():
    broken = gateway().with_nodes([Node("c", "task", "Check", lane="nowhere")])
    with pytest.raises(ProcessMapError) as caught:
        process_metrics(broken)
    assert caught.value.problems[0][0] == "nodes[c]"


def test_cost_per_success_divides_by_the_success_rate():
    m = process_metrics(gateway())
    assert m.cost_per_success == pytest.approx((5 + 0.7 * 20) / 0.7)
    unmarked = gateway().with_nodes([Node("ok", "end", "Booked", lane="desk")])
    assert process_metrics(unmarked).success_rate is None and process_metrics(unmarked).cost_per_success is None


def test_nested_parallel_blocks_and_a_timer_event():
    from tests.crm_impl.processes.maps import nested
    from crm_impl.processes import check_map
    pm = nested()
    assert check_map(pm) == {"p1": "j1", "p2": "j2"}
    m = process_metrics(pm)
    assert m.cycle_time == pytest.approx(max(3, max(4 + 1, 2)))
    assert m.cost_per_case == pytest.approx(10 + 5 + 7)
    assert m.waiting_time == pytest.approx(4) and m.touch_time == pytest.approx(6)
    assert m.steps == 3 and m.expected_steps == pytest.approx(3)


def test_a_choice_inside_a_parallel_branch_weighs_that_branch():
    pm = parallel_choice()
    m = process_metrics(pm)
    # the stock branch takes 2 h or 8 h (even odds), the credit check 4 h: the longest branch is
    # 4 h or 8 h, 6 h on average (the longest *expected* branch, 5 h, would be too short)
    assert m.cycle_time == pytest.approx(0.5 * 4 + 0.5 * 8 + 0.5)
    assert m.cost_per_case == pytest.approx(40 + 5 + 0.5 * 5 + 2)


def test_a_loop_inside_a_parallel_branch_falls_back_to_the_longest_expected_branch():
    base = parallel()
    pm = ProcessMap("loopy", lanes=base.lanes, nodes=(*base.nodes, Node("g", "exclusive", lane="front")),
                    flows=tuple(f for f in base.flows if f.key != ("reserve", "j")) + (
                        Flow("reserve", "g"), Flow("g", "reserve", probability=0.5), Flow("g", "j", probability=0.5)))
    # stock 2 h, then reserve (1 h) twice on average: 4 h, as long as the credit check
    assert process_metrics(pm).cycle_time == pytest.approx(4 + 0.5)


def test_node_loads_show_where_time_and_money_go():
    from crm_impl.processes import node_loads
    loads = {row.id: row for row in node_loads(loop())}
    runs = 4 / 3
    assert loads["d"].visits == pytest.approx(runs) and loads["d"].working_hours == pytest.approx(2 * runs)
    assert loads["r"].waiting_hours == pytest.approx(runs) and loads["r"].cost == pytest.approx(20 * runs)
    assert loads["d"].time_share == pytest.approx(0.5) and loads["r"].cost_share == pytest.approx(2 / 3)
    assert sum(row.time_share for row in loads.values()) == pytest.approx(1)
    assert [row.id for row in node_loads(parallel())][:2] == ["credit", "stock"]
