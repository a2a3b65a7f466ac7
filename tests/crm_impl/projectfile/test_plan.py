"""The plan inside a project file: read by the one validated reader, both ways."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from crm_impl.errors import ProjectFileError
from crm_impl.projectfile import read, validate_document
from crm_impl.projectfile.plan import document_from_plan, plan_from_document, risk_events_from_document
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.network import Link
from tests.crm_impl.schedule.helpers import SAMPLE_FILES, load_sample

BASE = {
    "format": "crm-impl-project",
    "format_version": 1,
    "project": {"title": "Pilot", "client_company": "ACME", "start_date": "2025-03-03"},
    "calendar": {"working_weekdays": [0, 1, 2, 3, 4], "holidays": [{"date": "2025-03-05", "name": "Day off"}]},
    "phases": [{"key": "P1", "name": "Preparation"}],
    "tasks": [
        {"id": "A", "phase": "P1", "name": "Assess", "duration": 3},
        {"id": "B", "phase": "P1", "name": "Blueprint", "duration": 2},
    ],
    "dependencies": [{"pred": "A", "succ": "B", "type": "FS", "lag": 1}],
}


def document(mutate=None) -> dict:
    data = copy.deepcopy(BASE)
    if mutate is not None:
        mutate(data)
    return data


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_plans_schedule_to_the_golden_duration(path):
    sample = load_sample(path)
    scheduled = sample["plan"].schedule()
    golden = sample["derived"]["schedule"]
    assert scheduled.duration == golden["cpm_most_likely"]["project_duration_days"]
    assert sample["plan"].calendar.start == date.fromisoformat(sample["start_date"])
    first = sample["tasks"][0]
    assert sample["plan"].tasks[0].estimate == ThreePoint(**first["duration_days"])


def test_dependencies_calendar_and_dates():
    plan = plan_from_document(read(json.dumps(document())))
    assert list(plan.links) == [Link("A", "B", "FS", 1)]
    assert plan.estimates() == {"A": ThreePoint.exact(3), "B": ThreePoint.exact(2)}
    scheduled = plan.schedule()
    a, b = scheduled.tasks
    assert (a.es, a.ef, a.ls, a.lf, a.total_slack, a.free_slack, a.critical) == (0, 3, 0, 3, 0, 0, True)
    assert (a.start, a.finish) == (date(2025, 3, 3), date(2025, 3, 6))  # Wednesday 5th is a holiday
    assert (b.start, b.finish) == (date(2025, 3, 10), date(2025, 3, 11))


def test_constraints_as_dates_enter_the_schedule():
    def mutate(d):
        d["tasks"][0].update(start_no_earlier_than="2025-03-06")
        d["tasks"][1].update(finish_no_later_than="2025-03-10")
    scheduled = plan_from_document(read(json.dumps(document(mutate)))).schedule()
    a, b = scheduled.tasks
    assert a.es == 2 and a.start == date(2025, 3, 6)
    assert b.total_slack < 0 and b.critical  # cannot finish by Monday 10th


def test_three_point_tasks_use_the_planned_duration_for_cpm():
    def mutate(d):
        d["tasks"][1]["duration_days"] = {"optimistic": 1, "most_likely": 2, "pessimistic": 5}
    plan = plan_from_document(read(json.dumps(document(mutate))))
    assert plan.activities()[1].duration == 2
    assert plan.estimates()["B"] == ThreePoint(1, 2, 5)


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda d: d.pop("tasks"), ""),
        (lambda d: d.update(tasks={}), "tasks"),
        (lambda d: d["tasks"].append(7), "tasks[2]"),
        (lambda d: d["tasks"][1].pop("id"), "tasks[1]"),
        (lambda d: d["tasks"][1].pop("duration"), "tasks[1]"),
        (lambda d: d["tasks"][1].update(duration=-1), "tasks[1].duration"),
        (lambda d: d["tasks"][1].update(duration="2"), "tasks[1].duration"),
        (lambda d: d["tasks"][1].update(id="A"), "tasks"),
        (lambda d: d["tasks"][1].update(milestone=True), "tasks[1].duration"),
        (lambda d: d["tasks"][1].update(start_no_earlier_than="soon"), "tasks[1].start_no_earlier_than"),
        (lambda d: d["tasks"][1].update(duration_days={"optimistic": 3, "most_likely": 2, "pessimistic": 4}),
         "tasks[1].duration_days"),
        (lambda d: d["tasks"][1].update(duration_days={"optimistic": 1, "most_likely": 2}), "tasks[1].duration_days"),
        (lambda d: d["dependencies"][0].update(pred="Z"), "dependencies[0].pred"),
        (lambda d: d["dependencies"][0].pop("succ"), "dependencies[0]"),
        (lambda d: d["dependencies"][0].update(type="XY"), "dependencies[0].type"),
        (lambda d: d["dependencies"][0].update(lag="1"), "dependencies[0].lag"),
        (lambda d: d.update(dependencies={}), "dependencies"),
        (lambda d: d["project"].update(start_date="03/03/2025"), "project.start_date"),
        (lambda d: d.update(calendar=[1, 2]), "calendar"),
        (lambda d: d["calendar"].update(working_weekdays=[0, 9]), "calendar.working_weekdays[1]"),
        (lambda d: d["calendar"].update(working_weekdays=[]), "calendar.working_weekdays"),
        (lambda d: d["calendar"].update(holidays=[{"date": "2025-02-30"}]), "calendar.holidays[0].date"),
    ],
)
def test_every_problem_names_its_field(mutate, field):
    with pytest.raises(ProjectFileError) as err:
        read(json.dumps(document(mutate)))
    assert field in [path for path, _ in err.value.problems], err.value.problems


def test_a_cycle_is_named():
    def mutate(d):
        d["dependencies"].append({"pred": "B", "succ": "A"})
    with pytest.raises(ProjectFileError) as err:
        read(json.dumps(document(mutate)))
    (problem,) = err.value.problems
    assert problem[0] == "dependencies" and "A → B → A" in str(problem[1]) or "B → A → B" in str(problem[1])


def test_not_an_object():
    with pytest.raises(ProjectFileError, match="JSON object"):
        read("[1, 2]")


def test_risk_events_come_from_open_risks_with_tasks_and_a_delay():
    def mutate(d):
        base = {"title": "t", "probability": 3, "impact": 3}
        d["risks"] = [
            {**base, "key": "R1", "linked_tasks": ["A"], "delay_days": 4},
            {**base, "key": "R2", "linked_tasks": ["A"], "delay_days": 4, "status": "closed"},
            {**base, "key": "R3", "linked_tasks": [], "delay_days": 4},
            {**base, "key": "R4", "linked_tasks": ["B"], "delay_days": 2, "residual_probability": 1,
             "residual_impact": 1},
        ]
    events = risk_events_from_document(read(json.dumps(document(mutate))))
    assert [(e.id, e.probability, e.delay_days, e.tasks) for e in events] == [
        ("R1", 0.5, 4, ("A",)), ("R4", 0.1, 2, ("B",))
    ]


def test_document_from_plan_is_a_valid_file_with_the_same_plan():
    plan = plan_from_document(read(json.dumps(document())))
    again = document_from_plan(plan)
    validate_document(again)
    assert plan_from_document(again) == plan
