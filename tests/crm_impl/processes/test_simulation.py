"""The what-if simulation agrees with the analytic metrics where it must, and queues where it should."""

from __future__ import annotations

import numpy as np
import pytest

from hypothesis import HealthCheck, given, settings

from crm_impl.errors import ValidationError
from crm_impl.processes import LaneStaff, Scenario, process_metrics, simulate_process
from tests.crm_impl.processes.maps import gateway, linear, loop, parallel, process_maps

STEADY = dict(variability=0.0, poisson_arrivals=False)


@pytest.mark.parametrize("make", [linear, parallel], ids=lambda f: f.__name__)
def test_no_variability_and_ample_staff_give_exactly_the_analytic_cycle_time(make):
    pm = make()
    expected = process_metrics(pm).cycle_time
    ample = {lane.key: LaneStaff(people=500) for lane in pm.lanes}
    for staff in ({}, ample):
        result = simulate_process(pm, Scenario(arrival_rate=10, cases=200, staff=staff, seed=3, **STEADY))
        assert result.completed == 200
        assert np.allclose(result.cycle_times, expected)
        assert result.p50 == pytest.approx(expected) and result.p90 == pytest.approx(expected)
        assert result.mean_queue_wait == 0


@pytest.mark.parametrize("make", [gateway, loop], ids=lambda f: f.__name__)
def test_with_branches_the_mean_converges_to_the_analytic_value(make):
    pm = make()
    metrics = process_metrics(pm)
    result = simulate_process(pm, Scenario(arrival_rate=20, cases=6000, seed=11, **STEADY))
    assert result.mean == pytest.approx(metrics.cycle_time, rel=0.03)
    shares = {end: count / result.completed for end, count in result.outcomes.items()}
    assert shares == pytest.approx(dict(metrics.outcomes), abs=0.02)


def test_results_are_stable_across_seeds_and_repeat_with_the_same_seed():
    pm = loop()
    scenario = dict(arrival_rate=0.25, cases=4000, staff={"front": LaneStaff(1), "back": LaneStaff(1)}, variability=0.5)
    one = simulate_process(pm, Scenario(seed=1, **scenario))
    two = simulate_process(pm, Scenario(seed=2, **scenario))
    again = simulate_process(pm, Scenario(seed=1, **scenario))
    assert np.array_equal(one.cycle_times, again.cycle_times)
    assert two.p50 == pytest.approx(one.p50, rel=0.08)
    assert two.p90 == pytest.approx(one.p90, rel=0.08)
    assert one.p90 > one.p50 > 0


def test_a_busy_lane_queues_and_its_utilisation_is_the_offered_load():
    pm = linear()
    # back office: 3 h of work per case, one person, a case every 4 h on average: load 0.75
    result = simulate_process(pm, Scenario(arrival_rate=0.25, cases=3000, seed=5,
                                           staff={"back": LaneStaff(people=1), "front": LaneStaff(people=5)}))
    back = next(lane for lane in result.lanes if lane.lane == "back")
    front = next(lane for lane in result.lanes if lane.lane == "front")
    assert back.utilisation == pytest.approx(0.75, abs=0.05)
    assert back.mean_queue_wait > 1 and front.mean_queue_wait < back.mean_queue_wait
    assert result.mean > process_metrics(pm).cycle_time + 1
    # twice the people: the queue nearly vanishes, utilisation halves
    relieved = simulate_process(pm, Scenario(arrival_rate=0.25, cases=3000, seed=5,
                                             staff={"back": LaneStaff(people=2), "front": LaneStaff(people=5)}))
    back2 = next(lane for lane in relieved.lanes if lane.lane == "back")
    assert back2.utilisation == pytest.approx(0.375, abs=0.03)
    assert back2.mean_queue_wait < back.mean_queue_wait / 3


def test_work_waits_for_the_lanes_working_hours():
    pm = linear()
    office = {"front": LaneStaff(people=9, day_start=9, day_hours=8), "back": LaneStaff(people=9, day_start=9, day_hours=8)}
    result = simulate_process(pm, Scenario(arrival_rate=1, cases=1, staff=office, **STEADY))
    # arrives at 0:00, waits 2 h (no one needed), front opens at 9:00, 1 h, back 3 h: done 13:00
    assert result.cycle_times.tolist() == [13.0]
    late = {"front": LaneStaff(9, 9, 8), "back": LaneStaff(9, 9, 2)}
    # back works 9–11: 1 h on day one after 10:00, 2 h on the next day
    result = simulate_process(pm, Scenario(arrival_rate=1, cases=1, staff=late, **STEADY))
    assert result.cycle_times.tolist() == [24 + 11.0]


def test_automated_tasks_need_no_one():
    pm = gateway()
    staff = {"desk": LaneStaff(people=1)}
    result = simulate_process(pm, Scenario(arrival_rate=100, cases=50, staff=staff, seed=2, **STEADY))
    desk = result.lanes[0]
    # only the manual check (1 h per case) counts as the desk's work
    assert desk.hours_worked == pytest.approx(50)


def test_progress_is_reported():
    seen = []
    simulate_process(linear(), Scenario(arrival_rate=1, cases=40, seed=1), progress=seen.append)
    assert seen and seen[-1] == pytest.approx(1.0) and seen == sorted(seen)


@pytest.mark.parametrize(("scenario", "field"), [
    (Scenario(arrival_rate=0), "arrival_rate"),
    (Scenario(arrival_rate=1, cases=0), "cases"),
    (Scenario(arrival_rate=1, cases=10**9), "cases"),
    (Scenario(arrival_rate=1, staff={"nowhere": LaneStaff()}), "staff[nowhere]"),
    (Scenario(arrival_rate=1, staff={"front": LaneStaff(people=0)}), "staff[front]"),
    (Scenario(arrival_rate=1, staff={"front": LaneStaff(day_hours=30)}), "staff[front]"),
    (Scenario(arrival_rate=1, variability=-1), "variability"),
])
def test_a_bad_scenario_is_refused_naming_the_field(scenario, field):
    with pytest.raises(ValidationError) as caught:
        simulate_process(linear(), scenario)
    assert caught.value.field == field


def test_shift_arithmetic():
    office = LaneStaff(people=1, day_start=9, day_hours=8)
    assert office.open_at(3) == 9 and office.open_at(10) == 10 and office.open_at(17) == 33
    assert office.finish(16, 3) == 35 and office.finish(3, 8) == 17
    assert office.shift_hours(48) == 16 and office.shift_hours(12) == 3
    assert LaneStaff().shift_hours(5) == 5


def test_nested_blocks_and_timers_simulate_to_the_analytic_time():
    from tests.crm_impl.processes.maps import nested
    pm = nested()
    result = simulate_process(pm, Scenario(arrival_rate=1, cases=50, staff={"y": LaneStaff(people=100)}, **STEADY))
    assert np.allclose(result.cycle_times, process_metrics(pm).cycle_time)


def test_the_expected_longest_branch_matches_the_simulated_mean():
    from tests.crm_impl.processes.maps import parallel_choice
    pm = parallel_choice()
    result = simulate_process(pm, Scenario(arrival_rate=10, cases=6000, seed=3, **STEADY))
    assert result.mean == pytest.approx(process_metrics(pm).cycle_time, rel=0.02)


def test_a_run_that_would_take_too_long_is_refused_before_it_starts():
    from dataclasses import replace
    pm = loop()
    # leaving the rework loop once in a million passes: a million drafts per case
    sticky = replace(pm, flows=tuple(replace(f, probability={"e": 1e-6, "d": 1 - 1e-6}[f.target])
                                     if f.source == "g" else f for f in pm.flows))
    with pytest.raises(ValidationError, match="more than 5,000,000") as caught:
        simulate_process(sticky, Scenario(arrival_rate=1, cases=10))
    assert caught.value.field == "cases"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(process_maps(blocks=("task", "parallel")))
def test_without_choices_every_simulated_case_takes_exactly_the_analytic_time(pm):
    expected = process_metrics(pm).cycle_time
    result = simulate_process(pm, Scenario(arrival_rate=1, cases=20, variability=0.0, poisson_arrivals=False))
    assert np.allclose(result.cycle_times, expected)
