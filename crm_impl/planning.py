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

__all__ = ["PlannedTask", "PlannedProject", "project_calendar", "plan_schedule"]


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


def plan_schedule(project: Project) -> PlannedProject:
    """CPM on the project's planned durations, with start and finish dates per task."""
    calendar = project_calendar(project)
    activities = [
        Activity(
            id=t.key,
            duration=t.duration,
            milestone=t.milestone,
            start_no_earlier_than=calendar.offset_of(t.start_no_earlier_than) if t.start_no_earlier_than else None,
            finish_no_later_than=calendar.finish_offset(t.finish_no_later_than) if t.finish_no_later_than else None,
        )
        for t in project.tasks
    ]
    links = [Link(d.pred.key, d.succ.key, d.type.value, d.lag) for d in project.dependencies]
    schedule = compute_schedule(activities, links)
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
