"""Reading the schedule part of a project dict, and flat export records."""

from __future__ import annotations

from datetime import date

import pytest

from crm_impl.errors import ScheduleCycleError, ValidationError
from crm_impl.schedule.cpm import schedule_network
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.schedule_file import parse_project, schedule_records
from tests.crm_impl.schedule.helpers import SAMPLE_FILES, load_sample

TODAY = date(2025, 3, 3)


def project(**extra):
    data = {
        "start_date": "2025-03-03",
        "tasks": [{"id": "A", "duration": 3}, {"id": "B", "duration": 2}],
        "dependencies": [{"pred": "A", "succ": "B", "type": "FS", "lag": 1}],
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_format_with_predecessors(path):
    sample = load_sample(path)
    plan = parse_project(sample)
    schedule = schedule_network(plan.network())
    golden = sample["derived"]["schedule"]
    assert schedule.project_duration == golden["cpm_most_likely"]["project_duration_days"]
    assert plan.calendar.start == date.fromisoformat(sample["start_date"])
    first = sample["tasks"][0]
    assert plan.estimates[first["id"]] == ThreePoint(**first["duration_days"])
    assert plan.link_fields[0] == "tasks[1].predecessors[0]"


def test_dependencies_list_and_calendar():
    data = project(calendar={"weekdays": [0, 1, 2, 3, 4], "holidays": ["2025-03-05"]})
    plan = parse_project(data)
    assert [(l.pred, l.succ, l.type, l.lag) for l in plan.links] == [("A", "B", "FS", 1)]
    assert plan.estimates == {"A": ThreePoint.exact(3), "B": ThreePoint.exact(2)}
    records = schedule_records(schedule_network(plan.network()), plan.calendar)
    assert records[0] == {
        "id": "A", "es": 0, "ef": 3, "ls": 0, "lf": 3, "slack": 0, "free_slack": 0, "critical": True,
        "start": date(2025, 3, 3), "finish": date(2025, 3, 6),  # Wednesday 5th is a holiday
    }
    assert (records[1]["start"], records[1]["finish"]) == (date(2025, 3, 10), date(2025, 3, 11))


def test_defaults_start_today_monday_to_friday_fs_lag_zero():
    plan = parse_project(
        {"tasks": [{"id": "A", "duration": 1}, {"id": "B", "duration": 1}], "dependencies": [{"pred": "A", "succ": "B"}]},
        today=TODAY,
    )
    assert plan.calendar.start == TODAY and plan.calendar.weekdays == frozenset(range(5))
    assert plan.links[0].type == "FS" and plan.links[0].lag == 0


def test_calendar_given_as_a_description_is_the_default_calendar():
    plan = parse_project(project(calendar="working days; offsets from start (day 0)"))
    assert plan.calendar.weekdays == frozenset(range(5)) and not plan.calendar.holidays


def test_constraints_as_offsets_or_dates_and_lenient_numbers():
    data = project()
    data["tasks"][0].update(start_no_earlier_than="2025-03-05", finish_no_later_than=8)
    data["tasks"][1].update(finish_no_later_than="2025-03-10", duration=2.0)
    data["dependencies"][0]["type"] = "fs"
    plan = parse_project(data)
    a, b = plan.activities
    assert a.start_no_earlier_than == 2 and a.finish_no_later_than == 8
    assert b.finish_no_later_than == 6 and b.duration == 2  # ends by Monday 10th: EF <= 6
    s = schedule_network(plan.network())
    assert s.tasks["B"].es == 6 and s.tasks["B"].total_slack == -2


def test_three_point_tasks_use_most_likely_for_cpm():
    data = project()
    data["tasks"][1] = {"id": "B", "duration_days": {"optimistic": 1, "most_likely": 2.0, "pessimistic": 4.5}}
    plan = parse_project(data)
    assert plan.activities[1].duration == 2
    assert plan.estimates["B"] == ThreePoint(1, 2, 4.5)


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d.pop("tasks"), "tasks"),
        (lambda d: d.update(tasks={}), "tasks"),
        (lambda d: d.update(tasks=[]), "tasks"),
        (lambda d: d["tasks"].append(7), "tasks[2]"),
        (lambda d: d["tasks"][1].pop("id"), "tasks[1].id"),
        (lambda d: d["tasks"][1].pop("duration"), "tasks[1]"),
        (lambda d: d["tasks"][1].update(duration_days={"optimistic": 1, "most_likely": 2, "pessimistic": 3}), "tasks[1]"),
        (lambda d: d["tasks"][1].update(duration=-1), "tasks[1].duration"),
        (lambda d: d["tasks"][1].update(duration="2"), "tasks[1].duration"),
        (lambda d: d["tasks"][1].update(id="A"), "tasks[1].id"),
        (lambda d: d["tasks"][1].update(milestone=True), "tasks[1].duration"),
        (lambda d: d["tasks"][1].update(start_no_earlier_than="soon"), "tasks[1].start_no_earlier_than"),
        (lambda d: d["dependencies"][0].update(pred="Z"), "dependencies[0].pred"),
        (lambda d: d["dependencies"][0].pop("succ"), "dependencies[0].succ"),
        (lambda d: d["dependencies"][0].update(type="XY"), "dependencies[0].type"),
        (lambda d: d["dependencies"][0].update(lag="1"), "dependencies[0].lag"),
        (lambda d: d.update(dependencies={}), "dependencies"),
        (lambda d: d["tasks"][1].update(predecessors=[{"pred": "Q"}]), "tasks[1].predecessors[0].pred"),
        (lambda d: d["tasks"][1].update(predecessors=[{"type": "FS"}]), "tasks[1].predecessors[0].pred"),
        (lambda d: d["tasks"][1].update(predecessors="A"), "tasks[1].predecessors"),
        (lambda d: d.update(start_date="03/03/2025"), "start_date"),
        (lambda d: d.update(calendar=[1, 2]), "calendar"),
        (lambda d: d.update(calendar={"weekdays": [0, 9]}), "calendar.weekdays[1]"),
        (lambda d: d.update(calendar={"weekdays": []}), "calendar.weekdays"),
        (lambda d: d.update(calendar={"holidays": ["2025-02-30"]}), "calendar.holidays[0]"),
    ],
)
def test_errors_name_the_field(mutate, field):
    data = project()
    mutate(data)
    with pytest.raises(ValidationError) as err:
        parse_project(data).network()
    assert err.value.field == field


@pytest.mark.parametrize(
    ("duration_days", "field"),
    [
        ({"optimistic": 1, "most_likely": 2}, "tasks[1].duration_days.pessimistic"),
        ({"optimistic": 3, "most_likely": 2, "pessimistic": 4}, "tasks[1].duration_days.most_likely"),
        ({"optimistic": 1, "most_likely": 2.5, "pessimistic": 4}, "tasks[1].duration_days.most_likely"),
        ({"optimistic": "1", "most_likely": 2, "pessimistic": 4}, "tasks[1].duration_days.optimistic"),
        ([1, 2, 3], "tasks[1].duration_days"),
    ],
)
def test_three_point_errors_name_the_field(duration_days, field):
    data = project()
    data["tasks"][1] = {"id": "B", "duration_days": duration_days}
    with pytest.raises(ValidationError) as err:
        parse_project(data)
    assert err.value.field == field


def test_not_an_object():
    with pytest.raises(ValidationError, match="JSON object"):
        parse_project([1, 2])


def test_cycle_through_predecessors():
    data = project()
    data["tasks"][0]["predecessors"] = [{"pred": "B"}]
    with pytest.raises(ScheduleCycleError) as err:
        parse_project(data).network()
    assert sorted(err.value.cycle) == ["A", "B"]
