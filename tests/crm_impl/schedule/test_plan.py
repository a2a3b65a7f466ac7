"""The plan shape: scheduling with dates by the calendar's one rule, lookups, labels, estimates."""

from datetime import date

import pytest

from crm_impl.errors import ValidationError
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanPhase, PlanTask

START = date(2025, 3, 7)  # a Friday
HOLIDAY = date(2025, 3, 12)


def pilot(**overrides) -> Plan:
    values = {
        "title": "Pilot",
        "start": START,
        "holidays": ((HOLIDAY, "Tree day"),),
        "phases": (PlanPhase("P1", "Preparation", "准备"),),
        "tasks": (
            PlanTask("A", "Assess", "P1", 3, name_zh="评估"),
            PlanTask("B", "Blueprint", "P1", 4),
            PlanTask("C", "Check", "P1", 1),
            PlanTask("G", "Gate", "P1", 0, milestone=True),
        ),
        "links": (Link("A", "B"), Link("A", "C", "SS", 1), Link("B", "G"), Link("C", "G")),
    }
    return Plan(**(values | overrides))


def test_dates_follow_the_calendars_task_dates():
    plan = pilot()
    scheduled = plan.schedule()
    calendar = WorkCalendar(START, holidays=frozenset({HOLIDAY}))
    assert plan.calendar == calendar
    for t in scheduled.tasks:
        if t.id != "G":
            assert (t.start, t.finish) == calendar.task_dates(t.es, t.ef)
    a, b, g = scheduled.task("A"), scheduled.task("B"), scheduled.task("G")
    assert (a.start, a.finish) == (date(2025, 3, 7), date(2025, 3, 11))  # Fri, Mon, Tue
    assert b.start == date(2025, 3, 13)  # the holiday on Wednesday is skipped
    assert g.start == g.finish and g.is_point and g.critical
    # The gate follows B's finish: it sits at the end of B's last day, as MS Project dates it.
    assert g.at_day_end and g.start == b.finish == calendar.date_at(int(g.es) - 1)
    assert scheduled.finish == b.finish


def test_a_milestone_placed_by_a_start_or_a_constraint_sits_at_the_start_of_its_day():
    plan = pilot(
        tasks=(PlanTask("A", "Assess", "P1", 3), PlanTask("K", "Kick-off", "P1", 0, milestone=True),
               PlanTask("M", "Steering meeting", "P1", 0, milestone=True, start_no_earlier_than=date(2025, 3, 17))),
        links=(Link("A", "K", "SS", 2),),
    )
    scheduled = plan.schedule()
    k, m = scheduled.task("K"), scheduled.task("M")
    assert (k.start, k.at_day_end) == (plan.calendar.date_at(2), False)
    assert (m.start, m.at_day_end) == (date(2025, 3, 17), False)


def test_pert_durations_give_dates_by_the_same_rule():
    plan = pilot()
    scheduled = plan.schedule([2.5, 4.2, 1.0, 0.0])
    for t in scheduled.tasks:
        assert (t.start, t.finish) == plan.calendar.task_dates(t.es, t.ef)
    assert scheduled.task("A").ef == pytest.approx(2.5)


def test_unknown_task_is_a_validation_error():
    scheduled = pilot().schedule()
    assert "A" in scheduled and "Z" not in scheduled
    with pytest.raises(ValidationError, match="unknown task 'Z'") as error:
        scheduled.task("Z")
    assert error.value.field == "task"


def test_finish_is_the_latest_task_finish():
    scheduled = pilot().schedule()
    assert scheduled.finish == max(t.finish for t in scheduled.tasks) == scheduled.task("G").finish
    # A long task off the critical chain still moves the finish.
    longer = pilot(tasks=(*pilot().tasks, PlanTask("L", "Long", "P1", 20)))
    assert longer.schedule().finish == longer.schedule().task("L").finish > scheduled.finish
    # An empty plan finishes on its first working day (the Saturday start moves to Monday).
    assert Plan("Empty", date(2025, 3, 8)).schedule().finish == date(2025, 3, 10)


def test_label_in_chinese_falls_back_to_the_english_name():
    a, b = pilot().tasks[:2]
    assert (a.label("zh_Hans"), a.label("en"), a.label()) == ("评估", "Assess", "Assess")
    assert b.label("zh_Hans") == "Blueprint"
    assert PlanTask("X", "").label("zh_Hans") == "X"
    assert pilot().phase("P1").label("zh_CN") == "准备"
    assert pilot().phase("P7") == PlanPhase("P7", "P7")


def test_label_for_traditional_chinese_is_english_like_the_rest_of_the_ui():
    task = pilot().tasks[0]
    assert task.label("zh-TW") == "Assess"


def test_three_point_is_centred_on_the_planned_duration():
    estimate = ThreePoint(3, 5, 8)
    assert PlanTask("a", "A", duration=5, estimate=estimate).three_point() is estimate
    assert PlanTask("a", "A", duration=10, estimate=estimate).three_point() == ThreePoint(6.0, 10.0, 16.0)
    assert PlanTask("a", "A", duration=4, estimate=ThreePoint(2, 8, 12)).three_point() == ThreePoint(1.0, 4.0, 6.0)
    assert PlanTask("a", "A", duration=3).three_point() == ThreePoint(3, 3, 3)
    assert PlanTask("a", "A", duration=3, estimate=ThreePoint(0, 0, 4)).three_point() == ThreePoint(3, 3, 7)
    assert pilot().estimates()["A"] == ThreePoint(3, 3, 3)


def test_plans_built_from_lists_equal_plans_built_from_tuples():
    plan = pilot()
    listed = Plan(
        "Pilot", START, working_weekdays=[0, 1, 2, 3, 4], holidays=[[HOLIDAY, "Tree day"]],
        phases=list(plan.phases), tasks=list(plan.tasks), links=list(plan.links),
    )
    assert listed == plan
    assert isinstance(listed.tasks, tuple) and listed.holidays == ((HOLIDAY, "Tree day"),)
    assert listed != pilot(links=plan.links[:-1])


def test_date_constraints_enter_as_working_day_offsets():
    tasks = list(pilot().tasks)
    tasks[2] = PlanTask("C", "Check", "P1", 1, start_no_earlier_than=date(2025, 3, 15),  # a Saturday
                        finish_no_later_than=date(2025, 3, 18))
    plan = pilot(tasks=tuple(tasks))
    activity = plan.activities()[2]
    assert activity.start_no_earlier_than == plan.calendar.offset_of(date(2025, 3, 17)) == 5
    assert activity.finish_no_later_than == plan.calendar.finish_offset(date(2025, 3, 18)) == 7
    c = plan.schedule().task("C")
    assert (c.es, c.start) == (5, date(2025, 3, 17))
    assert plan.activities()[0].start_no_earlier_than is None
