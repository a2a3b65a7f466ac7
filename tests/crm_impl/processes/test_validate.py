"""Validation names the node (or flow) of every problem, and passes sound maps."""

from __future__ import annotations

from dataclasses import replace

import pytest

from crm_impl.processes import (
    DataLink,
    Flow,
    Lane,
    Node,
    ProcessMap,
    assume_probabilities,
    check_map,
    map_problems,
)
from tests.crm_impl.processes.maps import gateway, linear, loop, parallel


def edit(pm: ProcessMap, nodes=(), flows=None, drop_nodes=(), drop_flows=(), add_flows=(), **changes) -> ProcessMap:
    kept = [n for n in pm.nodes if n.id not in drop_nodes]
    pm = ProcessMap(pm.key, pm.name, pm.lanes, kept, flows if flows is not None else pm.flows, pm.data_links)
    pm = pm.with_nodes(nodes)
    flows = [f for f in pm.flows if f.key not in drop_flows] + list(add_flows)
    return replace(pm, flows=tuple(flows), **changes)


def wheres(pm: ProcessMap) -> list[str]:
    return [where for where, _ in map_problems(pm)]


def texts(pm: ProcessMap) -> str:
    return " | ".join(f"{where}: {message}" for where, message in map_problems(pm))


@pytest.mark.parametrize("pm", [linear(), gateway(), loop(), parallel()], ids=lambda pm: pm.key)
def test_sound_maps_have_no_problem(pm):
    assert map_problems(pm) == []


@pytest.mark.parametrize(("pm", "where", "words"), [
    (edit(gateway(), drop_nodes=["s"], drop_flows=[("s", "c")]), "nodes", "no start event"),
    (edit(linear(), drop_flows=[("b", "e")], drop_nodes=["e"]), "nodes", "no end event"),
    (edit(gateway(), add_flows=[Flow("c", "s")], drop_flows=[("c", "g")]), "nodes[s]", "start event s has an incoming flow"),
    (edit(linear(), add_flows=[Flow("e", "a")]), "nodes[e]", "end event e has an outgoing flow"),
    (edit(linear(), nodes=[Node("x", "task", "Orphan")], add_flows=[Flow("x", "b")]), "nodes[x]",
     "x (Orphan) has no incoming flow"),
    (edit(linear(), nodes=[Node("x", "task", "Island"), Node("g2", "exclusive")],
          add_flows=[Flow("x", "g2"), Flow("g2", "x", probability=0.5), Flow("g2", "b", probability=0.5)]),
     "nodes[x]", "x (Island) cannot be reached from a start event"),
    (edit(linear(), nodes=[Node("x", "task", "Dead end"), Node("g", "exclusive")],
          drop_flows=[("a", "b")], add_flows=[Flow("a", "g"), Flow("g", "b", probability=0.5),
                                              Flow("g", "x", probability=0.5)]),
     "nodes[x]", "x (Dead end) has no outgoing flow"),
    (edit(gateway(), flows=[Flow("s", "c"), Flow("c", "g"), Flow("g", "b", "yes", 0.7), Flow("g", "no", "no", 0.2),
                            Flow("b", "ok")]), "nodes[g]", "sum to 0.9, not 1"),
    (edit(gateway(), flows=[Flow("s", "c"), Flow("c", "g"), Flow("g", "b", "yes", 0.7), Flow("g", "no", "no"),
                            Flow("b", "ok")]), "nodes[g]", "need a probability (missing towards no)"),
    (edit(linear(), add_flows=[Flow("a", "e")]), "nodes[a]", "a (Take call) has 2 outgoing flows"),
    (edit(linear(), nodes=[Node("a", "task", "Take call", lane="nowhere")]), "nodes[a]", "lane 'nowhere'"),
    (edit(linear(), add_flows=[Flow("a", "ghost")]), "flows[a→ghost]", "ghost, which the map does not have"),
    (edit(linear(), nodes=[Node("doc", "data", "Booking form")], add_flows=[Flow("b", "doc")]), "flows[b→doc]",
     "cannot join the data object doc"),
    (edit(linear(), nodes=[Node("a", "task", working_time=-1)]), "nodes[a]", "working_time of a must be a number"),
    (edit(linear(), nodes=[Node("a", "task", cost=float("nan"))]), "nodes[a]", "cost of a must be a number"),
    (edit(linear(), add_flows=[Flow("s", "a")]), "flows[s→a]", "two flows join the same two nodes"),
    (edit(gateway(), flows=[Flow("s", "c"), Flow("c", "g"), Flow("g", "b", "yes", 1.5), Flow("g", "no", "no", -0.5),
                            Flow("b", "ok")]), "flows[g→b]", "a probability must lie from 0 to 1"),
])
def test_each_broken_map_names_its_node(pm, where, words):
    assert where in wheres(pm), texts(pm)
    assert words in texts(pm)


def test_a_loop_a_case_never_leaves_is_refused_at_its_nodes():
    pm = loop()
    stuck = replace(pm, flows=tuple(replace(f, probability={"e": 0.0, "d": 1.0}[f.target]) if f.source == "g" else f
                                    for f in pm.flows))
    found = texts(stuck)
    for node in ("d", "r", "g"):
        assert f"nodes[{node}]: {node}" in found and "never reaches an end event" in found
    assert "nodes[e]" not in wheres(stuck)


def test_a_duplicate_id_is_named():
    pm = linear()
    twice = replace(pm, nodes=(*pm.nodes, Node("a", "task")))
    assert "nodes[a]" in wheres(twice) and "used twice" in texts(twice)


def test_a_parallel_split_whose_branches_never_meet_is_named():
    pm = ProcessMap("p", nodes=(Node("s", "start"), Node("p", "parallel", "Fork"), Node("a", "task"), Node("b", "task"),
                                Node("e1", "end"), Node("e2", "end")),
                    flows=(Flow("s", "p"), Flow("p", "a"), Flow("p", "b"), Flow("a", "e1"), Flow("b", "e2")))
    assert wheres(pm) == ["nodes[p]"]
    assert "p (Fork) do not all meet at one parallel join" in texts(pm)


def test_a_parallel_join_without_a_split_is_named():
    pm = ProcessMap("p", nodes=(Node("s", "start"), Node("g", "exclusive"), Node("a", "task"), Node("b", "task"),
                                Node("j", "parallel", "Wait for both"), Node("e", "end")),
                    flows=(Flow("s", "g"), Flow("g", "a", probability=0.5), Flow("g", "b", probability=0.5),
                           Flow("a", "j"), Flow("b", "j"), Flow("j", "e")))
    assert wheres(pm) == ["nodes[j]"] and "no matching parallel split" in texts(pm)


def test_a_branch_entered_from_outside_its_block_is_named():
    base = parallel()
    pm = edit(base, nodes=[Node("g", "exclusive", lane="front"), Node("s2", "start", lane="front")],
              drop_flows=[("s", "p")],
              add_flows=[Flow("s", "g"), Flow("g", "p", probability=0.5), Flow("g", "reserve", probability=0.5),
                         Flow("s2", "g")])
    assert "nodes[reserve]" in wheres(pm), texts(pm)
    assert "entered from outside the parallel block" in texts(pm)


def test_start_shares_must_all_be_given_and_sum_to_one():
    pm = ProcessMap("m", nodes=(Node("a", "start", share=0.5), Node("b", "start"), Node("e", "end")),
                    flows=(Flow("a", "e"), Flow("b", "e")))
    assert "a, b" not in texts(pm) and "b have none" in texts(pm)
    pm = pm.with_nodes([Node("b", "start", share=0.6)])
    assert "sum to 1.1, not 1" in texts(pm)
    assert map_problems(pm.with_nodes([Node("b", "start", share=0.5)])) == []
    # a single start event takes every case: a share given there must be 1
    single = ProcessMap("m", nodes=(Node("a", "start", share=0.5), Node("e", "end")), flows=(Flow("a", "e"),))
    assert "sum to 0.5, not 1" in texts(single)
    assert map_problems(single.with_nodes([Node("a", "start", share=1.0)])) == []


def test_data_links_must_join_a_flow_node_and_a_data_object():
    pm = edit(linear(), nodes=[Node("doc", "data", "Booking")])
    assert map_problems(replace(pm, data_links=(DataLink("b", "doc", "out"), DataLink("a", "doc", "in")))) == []
    bad = replace(pm, data_links=(DataLink("b", "a", "out"),))
    assert "data_links[b→a]" in wheres(bad)


def test_check_map_returns_the_parallel_blocks_or_raises_with_every_problem():
    assert check_map(parallel()) == {"p": "j"}
    broken = edit(linear(), nodes=[Node("a", "task", lane="x"), Node("b", "task", lane="y")])
    with pytest.raises(Exception) as caught:
        check_map(broken)
    assert [w for w, _ in caught.value.problems] == ["nodes[a]", "nodes[b]"]
    assert "nodes[a]" in str(caught.value) and "nodes[b]" in str(caught.value)


def test_every_problem_message_is_translated():
    from crm_impl.i18n import render
    broken = edit(gateway(), flows=[Flow("s", "c"), Flow("c", "g"), Flow("g", "b", "yes", 0.7),
                                    Flow("g", "no", "no", 0.2), Flow("b", "ok")])
    (where, message), = map_problems(broken)
    assert render(message, "zh_Hans") != render(message, "en")


def test_lanes_keys_are_unique():
    pm = replace(linear(), lanes=(Lane("front"), Lane("front"), Lane("back")))
    assert wheres(pm) == ["lanes"]


def test_a_map_with_many_problems_keeps_them_all_but_spells_out_twenty():
    from crm_impl.processes import ProcessMapError
    pm = ProcessMap("m", nodes=(Node("s", "start"), Node("e", "end"), *(Node(f"x{i}", "task") for i in range(30))),
                    flows=(Flow("s", "e"),))
    with pytest.raises(ProcessMapError) as caught:
        check_map(pm)
    assert len(caught.value.problems) == 60  # each orphan has no incoming and no outgoing flow
    assert str(caught.value).endswith("and 40 more problems")
    assert str(caught.value).count("nodes[x") == 20


@pytest.mark.parametrize(("node", "field"), [
    (Node("g", "exclusive", "Room?", lane="desk", working_time=1), "working_time"),
    (Node("g", "exclusive", "Room?", lane="desk", cost=3), "cost"),
    (Node("ok", "end", "Booked", lane="desk", success=True, automated=True), "automated"),
    (Node("s", "start", lane="desk", success=True), "success"),
    (Node("c", "task", "Check", lane="desk", working_time=1, cost=5, share=0.5), "share"),
])
def test_an_attribute_set_where_it_does_not_apply_is_named(node, field):
    pm = gateway().with_nodes([node])
    assert f"{field} does not apply to {node.id}" in texts(pm)
    assert f"nodes[{node.id}]" in wheres(pm)


def test_a_task_in_no_lane_is_named_when_the_map_has_lanes():
    outside = edit(linear(), nodes=[Node("b", "task", "Process", working_time=3, cost=30, value_adding=True)])
    assert wheres(outside) == ["nodes[b]"]
    assert "task b (Process) is in no lane" in texts(outside)
    # events and gateways may sit outside the lanes; a map with no lane at all needs none
    assert map_problems(edit(linear(), nodes=[Node("e", "end", success=True)])) == []
    bare = replace(linear(), lanes=(), nodes=tuple(replace(n, lane=None) for n in linear().nodes))
    assert map_problems(bare) == []


def test_every_sample_map_and_modeler_fixture_puts_its_tasks_in_lanes():
    from pathlib import Path

    from crm_impl.formats.bpmn import import_bpmn

    root = Path(__file__).resolve().parents[3]
    samples = sorted((root / "sample_projects" / "processes").glob("*.bpmn"))
    assert len(samples) == 10
    for path in samples:
        pm = import_bpmn(path.read_bytes()).process
        assert pm.lanes and map_problems(pm) == [], path.name
    # the files drawn in bpmn.io and bpmn-js carry no probabilities (a modeler has none), nothing else
    for path in sorted((root / "tests" / "crm_impl" / "formats" / "data").glob("*.bpmn")):
        pm = import_bpmn(path.read_bytes()).process
        assert pm.lanes and all(n.lane for n in pm.tasks()), path.name
        assert [str(m) for _, m in map_problems(pm) if "need a probability" not in str(m)] == [], path.name


def _leaving(pm: ProcessMap, node: str) -> dict[str, tuple[float | None, bool]]:
    return {f.target: (f.probability, f.assumed) for f in pm.outgoing(node)}


@pytest.mark.parametrize(("given", "expected"), [
    # a decision just drawn: equal shares, all assumed
    ({"b": None, "no": None}, {"b": (0.5, True), "no": (0.5, True)}),
    # a branch added to a decision that had room left: the new flow takes what is left
    ({"b": 0.7, "no": None}, {"b": (0.7, False), "no": (0.3, True)}),
    # nothing left for the missing flow: every flow an equal share
    ({"b": 1.0, "no": None}, {"b": (0.5, True), "no": (0.5, True)}),
    # all given but not summing to 1 (a branch removed): equal shares
    ({"b": 0.7, "no": 0.2}, {"b": (0.5, True), "no": (0.5, True)}),
    # complete: left alone
    ({"b": 0.7, "no": 0.3}, {"b": (0.7, False), "no": (0.3, False)}),
])
def test_a_decision_without_sound_probabilities_gets_assumed_ones(given, expected):
    pm = edit(gateway(), flows=[Flow("s", "c"), Flow("c", "g"), Flow("g", "b", "yes", given["b"]),
                                Flow("g", "no", "no", given["no"]), Flow("b", "ok")])
    filled, assumed = assume_probabilities(pm)
    assert _leaving(filled, "g") == expected
    assert assumed == [key for key in (("g", "b"), ("g", "no")) if expected[key[1]][1]]
    assert map_problems(filled) == []
    assert [f.key for f in filled.flows] == [f.key for f in pm.flows]  # nothing else moves
    assert filled.nodes == pm.nodes and filled.lanes == pm.lanes


def test_three_branches_share_equally_and_a_flow_no_longer_leaving_a_decision_loses_its_mark():
    three = edit(gateway(), nodes=[Node("x", "end", "Waitlist", lane="desk")],
                 flows=[Flow("s", "c"), Flow("c", "g"), Flow("g", "b", "yes"), Flow("g", "no", "no"), Flow("g", "x"),
                        Flow("b", "ok")])
    filled, assumed = assume_probabilities(three)
    shares = [f.probability for f in filled.outgoing("g")]
    assert shares == [0.3333, 0.3333, 0.3334] and len(assumed) == 3 and map_problems(filled) == []
    # the decision became a single way on (two branches deleted): the old assumption is no longer one
    single = edit(gateway(), flows=[Flow("s", "c"), Flow("c", "g"), Flow("g", "b", probability=0.5, assumed=True),
                                    Flow("b", "ok")], drop_nodes=["no"])
    filled, assumed = assume_probabilities(single)
    assert assumed == [] and not filled.flow("g", "b").assumed and filled.flow("g", "b").probability == 0.5


def test_assuming_probabilities_leaves_every_other_problem_to_be_named():
    broken = edit(gateway(), nodes=[Node("x", "task", "Orphan", lane="desk")],
                  flows=[Flow("s", "c"), Flow("c", "g"), Flow("g", "b"), Flow("g", "no"), Flow("b", "ok")])
    filled, _assumed = assume_probabilities(broken)
    assert wheres(filled) == ["nodes[x]", "nodes[x]"]  # no incoming, no outgoing flow; the decision is filled
