"""The bridge between a stored project and the scheduling engine.

:func:`plan_schedule` turns a project's tasks, links and calendar into a CPM schedule with
dates, the one computation every page and report of the plan starts from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crm_impl.models import Project
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import Schedule, compute_schedule
from crm_impl.schedule.network import Activity, Link

__all__ = [
    "PlannedTask",
    "PlannedProject",
    "project_calendar",
    "project_activities",
    "project_links",
    "plan_schedule",
]


@dataclass(frozen=True)
class PlannedTask:
    key: str
    es: int
    ef: int
    total_slack: int
    critical: bool
    start: date
    finish: date


@dataclass(frozen=True)
class PlannedProject:
    calendar: WorkCalendar
    schedule: Schedule
    tasks: dict[str, PlannedTask]
    finish: date


def project_calendar(project: Project) -> WorkCalendar:
    return WorkCalendar(
        start=project.start_date,
        weekdays=frozenset(project.working_weekdays),
        holidays=frozenset(h.day for h in project.holidays),
    )


def project_activities(project: Project, calendar: WorkCalendar | None = None) -> list[Activity]:
    """The project's tasks as engine activities, constraints turned into working-day offsets."""
    calendar = calendar or project_calendar(project)
    return [
        Activity(
            id=t.key,
            duration=t.duration,
            milestone=t.milestone,
            start_no_earlier_than=calendar.offset_of(t.start_no_earlier_than) if t.start_no_earlier_than else None,
            finish_no_later_than=calendar.finish_offset(t.finish_no_later_than) if t.finish_no_later_than else None,
        )
        for t in project.tasks
    ]


def project_links(project: Project) -> list[Link]:
    return [Link(d.pred.key, d.succ.key, d.type.value, d.lag) for d in project.dependencies]


def plan_schedule(project: Project) -> PlannedProject:
    """CPM on the project's planned durations, with start and finish dates per task."""
    calendar = project_calendar(project)
    schedule = compute_schedule(project_activities(project, calendar), project_links(project))
    tasks = {}
    for key, timing in schedule.tasks.items():
        tasks[key] = PlannedTask(
            key=key,
            es=timing.es,
            ef=timing.ef,
            total_slack=timing.total_slack,
            critical=timing.critical,
            start=calendar.start_date(timing.es),
            finish=calendar.finish_date(timing.ef, timing.duration),
        )
    # The project ends with its last task or milestone (the closure gate), on that task's date.
    finish = max((t.finish for t in tasks.values()), default=project.start_date)
    return PlannedProject(calendar=calendar, schedule=schedule, tasks=tasks, finish=finish)
