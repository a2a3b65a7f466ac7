"""CPM engine: golden samples, hand-computed tiny networks, errors and properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

from crm_impl.errors import ScheduleCycleError, ValidationError
from crm_impl.schedule.cpm import compute_schedule, schedule_network
from crm_impl.schedule.network import Activity, Link, build_network
from tests.crm_impl.schedule.helpers import (
    SAMPLE_FILES,
    load_sample,
    networks,
    reference_cpm,
    sample_inputs,
    sample_network,
)

A = Activity


def timings(schedule, task_id):
    t = schedule.tasks[task_id]
    return (t.es, t.ef, t.ls, t.lf, t.total_slack, t.critical)


# --- golden samples -------------------------------------------------------------------------


def test_three_golden_samples_are_present():
    assert [p.stem for p in SAMPLE_FILES] == ["automotive_huatong", "pharma_huikang", "retail_chain_pengbo"]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_golden_sample_every_task(path):
    sample = load_sample(path)
    schedule = schedule_network(sample_network(sample))
    golden = sample["derived"]["schedule"]
    assert schedule.project_duration == golden["cpm_most_likely"]["project_duration_days"]
    assert len(golden["tasks"]) == len(schedule.tasks)
    for g in golden["tasks"]:
        expected = (g["es"], g["ef"], g["ls"], g["lf"], g["slack"], g["critical"])
        assert timings(schedule, g["id"]) == expected, g["id"]


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_golden_sample_critical_path_and_phase_spans(path):
    sample = load_sample(path)
    schedule = schedule_network(sample_network(sample))
    derived = sample["derived"]["schedule"]
    assert list(schedule.critical_path) == derived["cpm_most_likely"]["critical_path"]
    for phase, span in derived["phase_spans_most_likely"].items():
        ids = [t["id"] for t in sample["tasks"] if t["phase"] == phase]
        assert min(schedule.tasks[i].es for i in ids) == span["start"]
        assert max(schedule.tasks[i].ef for i in ids) == span["finish"]
    # Every critical chain runs from day 0 to the project end through critical tasks only.
    paths = schedule.critical_paths()
    assert paths
    for path_ids in paths:
        assert schedule.tasks[path_ids[0]].es == 0
        assert schedule.tasks[path_ids[-1]].ef == schedule.project_duration
        assert set(path_ids) <= set(schedule.critical_path)
    assert set().union(*paths) == set(schedule.critical_path)


def test_compute_schedule_equals_build_then_schedule():
    sample = load_sample(SAMPLE_FILES[0])
    a = compute_schedule(*sample_inputs(sample))
    b = schedule_network(sample_network(sample))
    for field in ("es", "ef", "ls", "lf", "total_slack", "free_slack", "critical"):
        assert np.array_equal(getattr(a, field), getattr(b, field))


# --- the four link types, lags and the day-0 floor -----------------------------------------


@pytest.mark.parametrize(
    ("link", "durations", "expected_b", "expected_a", "duration"),
    [
        # FS +2: B starts two days after A finishes.
        (Link("a", "b", "FS", 2), (3, 2), (5, 7, 5, 7, 0, True), (0, 3, 0, 3, 0, True), 7),
        # SS +1: B starts a day after A starts; A's LF = LS_b - lag + d_a = 3.
        (Link("a", "b", "SS", 1), (3, 4), (1, 5, 1, 5, 0, True), (0, 3, 0, 3, 0, True), 5),
        # FF +2: B finishes two days after A finishes, so it starts at 7 - 2.
        (Link("a", "b", "FF", 2), (5, 2), (5, 7, 5, 7, 0, True), (0, 5, 0, 5, 0, True), 7),
        # SF +4: B finishes 4 days after A starts; LS_a <= LF_b - 4 = 0.
        (Link("a", "b", "SF", 4), (3, 2), (2, 4, 2, 4, 0, True), (0, 3, 0, 3, 0, True), 4),
        # FS -2 (lead): B overlaps A's last two days.
        (Link("a", "b", "FS", -2), (5, 3), (3, 6, 3, 6, 0, True), (0, 5, 0, 5, 0, True), 6),
        # SS -4 would start B before day 0: floored; A then has a day of slack.
        (Link("a", "b", "SS", -4), (2, 3), (0, 3, 0, 3, 0, True), (0, 2, 1, 3, 1, False), 3),
        # FF 0 with a longer successor would also start B before day 0.
        (Link("a", "b", "FF", 0), (1, 5), (0, 5, 0, 5, 0, True), (0, 1, 4, 5, 4, False), 5),
        # SF -3: EF_b >= ES_a - 3 binds nothing.
        (Link("a", "b", "SF", -3), (4, 2), (0, 2, 2, 4, 2, False), (0, 4, 0, 4, 0, True), 4),
    ],
    ids=["FS+2", "SS+1", "FF+2", "SF+4", "FS-2", "SS-4-floor", "FF-floor", "SF-3"],
)
def test_link_types(link, durations, expected_b, expected_a, duration):
    s = compute_schedule([A("a", durations[0]), A("b", durations[1])], [link])
    assert s.project_duration == duration
    assert timings(s, "b") == expected_b
    assert timings(s, "a") == expected_a


def test_lf_is_capped_at_project_end_for_tasks_with_successors_too():
    # a -SS-> b: the SS link alone would let a finish at LS_b + d_a = 8 + 10 = 18 > T = 10.
    s = compute_schedule([A("a", 10), A("b", 2)], [Link("a", "b", "SS", 0)])
    assert s.project_duration == 10
    assert timings(s, "a") == (0, 10, 0, 10, 0, True)
    assert timings(s, "b") == (0, 2, 8, 10, 8, False)


def test_several_links_between_the_same_pair_take_the_tightest():
    s = compute_schedule([A("a", 4), A("b", 2)], [Link("a", "b", "SS", 1), Link("a", "b", "FS", 0)])
    assert timings(s, "b") == (4, 6, 4, 6, 0, True)


def test_free_slack_is_the_least_link_slack_capped_at_project_end():
    acts = [A("a", 2), A("b", 1), A("c", 5), A("d", 1), A("e", 1)]
    links = [Link("a", "b"), Link("b", "d"), Link("c", "d")]
    s = compute_schedule(acts, links)
    assert s.project_duration == 6
    assert (s.tasks["a"].total_slack, s.tasks["a"].free_slack) == (2, 0)  # b follows at once
    assert (s.tasks["b"].total_slack, s.tasks["b"].free_slack) == (2, 2)  # d waits for c
    assert (s.tasks["e"].total_slack, s.tasks["e"].free_slack) == (5, 5)  # capped by T - EF
    assert s.tasks["c"].free_slack == 0


def test_milestones_have_zero_duration_and_sit_between_tasks():
    s = compute_schedule(
        [A("a", 3), A("m", 0, milestone=True), A("b", 2)], [Link("a", "m"), Link("m", "b")]
    )
    assert timings(s, "m") == (3, 3, 3, 3, 0, True)
    assert timings(s, "b") == (3, 5, 3, 5, 0, True)
    assert s.critical_path == ("a", "m", "b")


def test_unmeetable_deadline_gives_negative_slack_propagated_backwards():
    acts = [A("a", 5), A("b", 3, finish_no_later_than=6), A("c", 1)]
    s = compute_schedule(acts, [Link("a", "b")])
    assert s.project_duration == 8  # the deadline does not shorten the schedule
    assert timings(s, "b") == (5, 8, 3, 6, -2, True)
    assert timings(s, "a") == (0, 5, -2, 3, -2, True)
    assert timings(s, "c") == (0, 1, 7, 8, 7, False)


def test_loose_deadline_changes_nothing():
    acts = [A("a", 5), A("b", 3, finish_no_later_than=20)]
    s = compute_schedule(acts, [Link("a", "b")])
    assert timings(s, "b") == (5, 8, 5, 8, 0, True)


def test_start_no_earlier_than_raises_es_and_starts_the_critical_chain():
    acts = [A("a", 2), A("b", 3, start_no_earlier_than=4)]
    s = compute_schedule(acts, [Link("a", "b")])
    assert timings(s, "b") == (4, 7, 4, 7, 0, True)
    assert timings(s, "a") == (0, 2, 2, 4, 2, False)
    assert s.critical_path == ("b",)
    assert s.critical_paths() == (("b",),)


def test_negative_start_no_earlier_than_is_floored_at_day_zero():
    s = compute_schedule([A("a", 2, start_no_earlier_than=-3)], [])
    assert timings(s, "a") == (0, 2, 0, 2, 0, True)


def test_parallel_critical_branches_give_several_paths():
    acts = [A("a", 2), A("b", 3), A("c", 3), A("d", 1), A("x", 1)]
    links = [Link("a", "b"), Link("a", "c"), Link("b", "d"), Link("c", "d"), Link("a", "x")]
    s = compute_schedule(acts, links)
    assert s.critical_path == ("a", "b", "c", "d")
    assert s.critical_paths() == (("a", "b", "d"), ("a", "c", "d"))
    assert s.critical_paths(limit=1) == (("a", "b", "d"),)
    with pytest.raises(ValidationError):
        s.critical_paths(limit=0)


def test_ss_link_chain_is_a_critical_path():
    s = compute_schedule([A("a", 6), A("b", 8)], [Link("a", "b", "SS", 2)])
    assert s.critical_paths() == (("a", "b"),)


def test_empty_network():
    s = compute_schedule([], [])
    assert s.project_duration == 0
    assert s.critical_path == ()
    assert s.critical_paths() == ()
    assert len(s.tasks) == 0


def test_long_chain_needs_no_recursion():
    n = 20_000
    acts = [A(f"t{i}", 1) for i in range(n)]
    links = [Link(f"t{i}", f"t{i + 1}") for i in range(n - 1)]
    s = compute_schedule(acts, links)
    assert s.project_duration == n
    (path,) = s.critical_paths()
    assert len(path) == n


def test_task_view_and_read_only_arrays():
    s = compute_schedule([A("a", 2), A("b", 1)], [Link("a", "b")])
    assert list(s.tasks) == ["a", "b"]
    assert [t.id for t in s.tasks.values()] == ["a", "b"]
    assert s.tasks["b"].duration == 1 and isinstance(s.tasks["b"].es, int)
    with pytest.raises(KeyError):
        s.tasks["zz"]
    with pytest.raises(ValueError):
        s.es[0] = 5


def test_float_durations():
    net = build_network([A("a", 1), A("b", 1)], [Link("a", "b", "SS", 1)])
    s = schedule_network(net, [2.5, 0.5])
    assert s.project_duration == pytest.approx(2.5)
    assert s.tasks["b"].es == pytest.approx(1.0)
    assert s.tasks["b"].total_slack == pytest.approx(1.0)
    assert s.critical_path == ("a",)


@pytest.mark.parametrize(
    ("durations", "message"),
    [([1.0], "expected 2 durations"), ([1.0, -1.0], ">= 0"), ([1.0, float("nan")], "finite"), (["x", "y"], "numbers"), ([1, -2], ">= 0")],
)
def test_bad_override_durations(durations, message):
    net = build_network([A("a", 1), A("b", 1)], [])
    with pytest.raises(ValidationError, match=message) as err:
        schedule_network(net, durations)
    assert err.value.field == "durations"


# --- errors ---------------------------------------------------------------------------------


def test_cycle_is_reported_in_order():
    acts = [A("s", 1), A("a", 1), A("b", 1), A("c", 1), A("z", 1)]
    links = [Link("s", "a"), Link("a", "b"), Link("b", "c"), Link("c", "a"), Link("c", "z")]
    with pytest.raises(ScheduleCycleError) as err:
        compute_schedule(acts, links)
    cycle = err.value.cycle
    assert sorted(cycle) == ["a", "b", "c"]
    start = cycle.index("a")
    assert cycle[start:] + cycle[:start] == ["a", "b", "c"]
    assert "a → b → c → a" in str(err.value) or "b → c → a → b" in str(err.value) or "c → a → b → c" in str(err.value)
    assert err.value.field == "dependencies"


def test_self_loop_is_a_cycle():
    with pytest.raises(ScheduleCycleError) as err:
        compute_schedule([A("a", 1)], [Link("a", "a", "SS", 0)])
    assert err.value.cycle == ["a"]


@pytest.mark.parametrize(
    ("acts", "links", "field", "message"),
    [
        ([A("a", 1), A("a", 2)], [], "tasks[1].id", "duplicate task id 'a'"),
        ([A("", 1)], [], "tasks[0].id", "non-empty string"),
        ([A(7, 1)], [], "tasks[0].id", "non-empty string"),  # type: ignore[arg-type]
        ([A("a", 1), A("b", -1)], [], "tasks[1].duration", ">= 0"),
        ([A("a", 1), A("b", 2.5)], [], "tasks[1].duration", "whole number"),  # type: ignore[arg-type]
        ([A("a", 1), A("b", "3")], [], "tasks[1].duration", "integer"),  # type: ignore[arg-type]
        ([A("a", True)], [], "tasks[0].duration", "integer"),
        ([A("a", None)], [], "tasks[0].duration", "integer"),  # type: ignore[arg-type]
        ([A("a", 10**12)], [], "tasks[0].duration", "<="),
        ([A("a", 2, milestone=True)], [], "tasks[0].duration", "milestone"),
        ([A("a", 0, milestone="yes")], [], "tasks[0].milestone", "true or false"),  # type: ignore[arg-type]
        ([A("a", 1, start_no_earlier_than=1.5)], [], "tasks[0].start_no_earlier_than", "whole number"),  # type: ignore[arg-type]
        ([A("a", 1, finish_no_later_than="x")], [], "tasks[0].finish_no_later_than", "integer"),  # type: ignore[arg-type]
        ([A("a", 1), A("b", 1)], [Link("a", "b"), Link("x", "b")], "dependencies[1].pred", "unknown task 'x'"),
        ([A("a", 1), A("b", 1)], [Link("a", "b"), Link("a", "y")], "dependencies[1].succ", "unknown task 'y'"),
        ([A("a", 1), A("b", 1)], [Link("a", "b", "XX")], "dependencies[0].type", "unknown dependency type"),
        ([A("a", 1), A("b", 1)], [Link("a", "b", "fs")], "dependencies[0].type", "unknown dependency type"),
        ([A("a", 1), A("b", 1)], [Link("a", "b", "FS", 0.5)], "dependencies[0].lag", "whole number"),  # type: ignore[arg-type]
        ([A("a", 1), A("b", 1)], [Link("a", "b", "FS", "1")], "dependencies[0].lag", "integer"),  # type: ignore[arg-type]
    ],
)
def test_field_named_errors(acts, links, field, message):
    with pytest.raises(ValidationError, match=message) as err:
        compute_schedule(acts, links)
    assert err.value.field == field
    assert not isinstance(err.value, ScheduleCycleError)


def test_numpy_and_other_integral_values_are_accepted():
    s = compute_schedule([A("a", np.int64(3)), A("b", 2)], [Link("a", "b", "FS", np.int32(1))])
    assert s.project_duration == 6


def test_error_paths_can_follow_the_callers_layout():
    with pytest.raises(ValidationError) as err:
        build_network([A("a", 1)], [Link("a", "q")], link_field=lambda i: f"tasks[0].predecessors[{i}]")
    assert err.value.field == "tasks[0].predecessors[0].succ"


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(networks(constraints=True))
def test_engine_equals_naive_reference(net):
    acts, links = net
    s = compute_schedule(acts, links)
    project, expected = reference_cpm(acts, links)
    assert s.project_duration == project
    for task_id, e in expected.items():
        t = s.tasks[task_id]
        assert (t.es, t.ef, t.ls, t.lf, t.total_slack, t.free_slack) == (
            e["es"], e["ef"], e["ls"], e["lf"], e["slack"], e["free"]
        ), task_id
        assert t.critical == (e["slack"] <= 0)


def _link_holds(s, link) -> bool:
    p, q = s.tasks[link.pred], s.tasks[link.succ]
    return {
        "FS": q.es >= p.ef + link.lag,
        "SS": q.es >= p.es + link.lag,
        "FF": q.ef >= p.ef + link.lag,
        "SF": q.ef >= p.es + link.lag,
    }[link.type]


def _link_tight(s, link) -> bool:
    p, q = s.tasks[link.pred], s.tasks[link.succ]
    return {
        "FS": q.es == p.ef + link.lag,
        "SS": q.es == p.es + link.lag,
        "FF": q.ef == p.ef + link.lag,
        "SF": q.ef == p.es + link.lag,
    }[link.type]


@settings(max_examples=300, deadline=None)
@given(networks())
def test_schedule_invariants_without_constraints(net):
    acts, links = net
    s = compute_schedule(acts, links)
    T = s.project_duration
    for t in s.tasks.values():
        assert 0 <= t.es and t.ef == t.es + t.duration
        assert t.lf <= T and t.ls == t.lf - t.duration
        assert 0 <= t.free_slack <= t.total_slack
    assert all(_link_holds(s, link) for link in links)
    critical = [t for t in s.tasks.values() if t.critical]
    assert any(t.ef == T for t in critical)
    # Each critical task continues to the end and back to a start along tight links.
    for t in critical:
        outgoing = [l for l in links if l.pred == t.id and s.tasks[l.succ].critical and _link_tight(s, l)]
        incoming = [l for l in links if l.succ == t.id and s.tasks[l.pred].critical and _link_tight(s, l)]
        assert t.ef == T or outgoing
        assert t.es == 0 or incoming
    for path in s.critical_paths():
        assert s.tasks[path[0]].es == 0 and s.tasks[path[-1]].ef == T
        for a, b in zip(path, path[1:]):
            assert any(l.pred == a and l.succ == b and _link_tight(s, l) for l in links)
