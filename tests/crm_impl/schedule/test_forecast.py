"""The forecast from a status date: facts stay, remaining work starts at the status date."""

from dataclasses import replace
from datetime import date

from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.forecast import forecast_plan, task_state
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanTask

MONDAY = date(2025, 3, 3)


def _plan(*tasks, links=()):
    return Plan("P", MONDAY, tasks=tuple(tasks), links=tuple(links))


def _chain(**changes):
    """A (5 days) -> B (5 days) -> M (milestone); ``changes`` per task id."""
    tasks = [PlanTask("A", "A", duration=5, estimate=ThreePoint(4, 5, 8)), PlanTask("B", "B", duration=5),
             PlanTask("M", "M", duration=0, milestone=True)]
    tasks = [replace(t, **changes.get(t.id, {})) for t in tasks]
    return _plan(*tasks, links=[Link("A", "B"), Link("B", "M")])


def test_before_the_start_the_forecast_is_the_plan():
    plan = _chain()
    forecast = forecast_plan(plan, date(2025, 2, 1)).schedule()
    assert forecast.task("B").finish == date(2025, 3, 14) and forecast.finish == plan.schedule().finish


def test_nothing_done_three_weeks_in_moves_everything_by_three_weeks():
    forecast = forecast_plan(_chain(), date(2025, 3, 24)).schedule()
    assert forecast.task("A").start == date(2025, 3, 24) and forecast.task("B").finish == date(2025, 4, 4)


def test_finished_work_stays_where_it_happened_whatever_its_predecessors_say():
    # B finished (early, even before A finished): facts are not rescheduled.
    plan = _chain(A={"actual_start": date(2025, 3, 3), "actual_finish": date(2025, 3, 12)},
                  B={"actual_start": date(2025, 3, 10), "actual_finish": date(2025, 3, 11)})
    forecast = forecast_plan(plan, date(2025, 3, 20)).schedule()
    a, b = forecast.task("A"), forecast.task("B")
    assert (a.start, a.finish, a.duration) == (date(2025, 3, 3), date(2025, 3, 12), 8)
    assert (b.start, b.finish) == (date(2025, 3, 10), date(2025, 3, 11))
    assert forecast.task("M").start == date(2025, 3, 20)  # the milestone waits for the status date


def test_running_work_has_its_remainder_from_the_status_date_and_pushes_its_successors():
    plan = _chain(A={"actual_start": date(2025, 3, 3), "progress": 40})
    forecast = forecast_plan(plan, date(2025, 3, 10)).schedule()
    a = forecast.task("A")
    assert a.start == date(2025, 3, 10) and a.duration == 3  # 60 % of 5 days, rounded up
    assert forecast.task("B").start == date(2025, 3, 13) and forecast.task("B").finish == date(2025, 3, 19)


def test_a_start_to_start_link_from_running_work_counts_from_its_actual_start():
    # A started on Monday 3 March; B may start 5 days after A starts (Mon 10 March). A's remainder
    # is rescheduled from the status date, which must not push B to "5 days after the status date".
    tasks = (PlanTask("A", "A", duration=20, actual_start=MONDAY, progress=20), PlanTask("B", "B", duration=5))
    plan = _plan(*tasks, links=[Link("A", "B", "SS", 5)])
    forecast = forecast_plan(plan, date(2025, 3, 7)).schedule()
    assert forecast.task("B").start == date(2025, 3, 10)
    # Past its floor, the link still holds nothing back: B waits for the status date only.
    late = forecast_plan(plan, date(2025, 3, 17)).schedule()
    assert late.task("B").start == date(2025, 3, 17)
    # A start-to-start link from work that has not started yet moves with it, as before.
    fresh = forecast_plan(_plan(PlanTask("A", "A", duration=20), PlanTask("B", "B", duration=5),
                                links=[Link("A", "B", "SS", 5)]), date(2025, 3, 7)).schedule()
    assert fresh.task("B").start == date(2025, 3, 14)


def test_done_at_100_percent_without_dates_keeps_the_planned_days_or_ends_before_the_status_date():
    on_time = forecast_plan(_chain(A={"progress": 100}), date(2025, 3, 17)).schedule()
    assert (on_time.task("A").start, on_time.task("A").finish) == (date(2025, 3, 3), date(2025, 3, 7))
    # Marked done on Wednesday of its own week: it ended on Tuesday at the latest.
    early = forecast_plan(_chain(A={"progress": 100}), date(2025, 3, 5)).schedule()
    assert early.task("A").finish == date(2025, 3, 4) and early.task("B").start == date(2025, 3, 5)


def test_a_later_start_no_earlier_than_still_holds():
    plan = _chain(B={"start_no_earlier_than": date(2025, 4, 1)})
    assert forecast_plan(plan, date(2025, 3, 10)).schedule().task("B").start == date(2025, 4, 1)


def test_the_simulation_sees_only_the_remaining_uncertainty():
    plan = _chain(A={"progress": 60, "actual_start": MONDAY}, B={"actual_finish": date(2025, 3, 7)})
    estimates = forecast_plan(plan, date(2025, 3, 10)).estimates()
    assert estimates["A"] == ThreePoint(1.6, 2.0, 3.2)  # 40 % of (4, 5, 8)
    assert estimates["B"].optimistic == estimates["B"].pessimistic  # done: certain


def test_task_states():
    assert [task_state(PlanTask("x", "x", **kw)) for kw in (
        {}, {"progress": 10}, {"actual_start": MONDAY}, {"progress": 100}, {"actual_finish": MONDAY},
    )] == ["waiting", "running", "running", "done", "done"]
