"""Baselines of a stored project: save the plan, compare against it, earned value."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from crm_impl.errors import ValidationError
from crm_impl.models import Baseline, BaselineTask, Project
from crm_impl.operations.planning import forecast_schedule, project_calendar, status_date_of
from crm_impl.schedule.baseline import BaselineEntry
from crm_impl.schedule.earned_value import EarnedValue, EvTask, earned_value

__all__ = ["save_baseline", "delete_baseline", "steering_baseline", "set_steering_baseline", "TaskVariance",
           "baseline_variance", "project_earned_value"]


def save_baseline(session: Session, project: Project, name: str, today: date | None = None) -> Baseline:
    """Snapshot the schedule as it stands under ``name``: the forecast at the project's status
    date (``today`` when it has none), so work done keeps its actual dates and a re-plan starts
    from where the project is; durations and budgets as planned."""
    name = (name or "").strip()
    if not name:
        raise ValidationError("is required", field="name")
    if any(b.name == name for b in project.baselines):
        raise ValidationError("a baseline called %(name)r exists already", field="name", name=name)
    plan = forecast_schedule(project, status_date_of(project, today or date.today()))
    baseline = Baseline(
        name=name,
        # The first baseline is what the steering committee measures against until it says otherwise.
        steering=not any(b.steering for b in project.baselines),
        tasks=[
            BaselineTask(
                task_key=t.key, start=t.actual_start or plan.task(t.key).start, finish=plan.task(t.key).finish,
                duration=t.duration, budget=t.budget,
            )
            for t in project.tasks
        ],
    )
    project.baselines.append(baseline)
    session.flush()
    return baseline


def delete_baseline(session: Session, project: Project, baseline: Baseline) -> None:
    """Delete ``baseline``; the steering baseline only when it is the last one (choose another first)."""
    if baseline.steering and len(project.baselines) > 1:
        raise ValidationError("%(name)r is the steering baseline: make another one the steering baseline first",
                              field="baseline", name=baseline.name)
    project.baselines.remove(baseline)
    session.delete(baseline)


def baseline_dates(baseline: Baseline | None) -> dict[str, BaselineEntry]:
    """``baseline`` in the engine's shape (empty without one): for the Gantt and MS Project XML."""
    if baseline is None:
        return {}
    return {t.task_key: BaselineEntry(t.start, t.finish, t.duration, t.budget) for t in baseline.tasks}


def steering_baseline(project: Project) -> Baseline | None:
    """The baseline the steering committee measures slip and variance against."""
    return next((b for b in project.baselines if b.steering), None)


def set_steering_baseline(session: Session, project: Project, baseline: Baseline) -> None:
    """Make ``baseline`` the one the steering committee measures against (recorded in the audit
    trail like every change; who may do it is :data:`Action.STEERING_BASELINE`)."""
    current = steering_baseline(project)
    if current is baseline:
        return
    if current is not None:
        current.steering = False
        session.flush()  # one steering baseline at a time, also between the two updates
    baseline.steering = True
    session.flush()


@dataclass(frozen=True)
class TaskVariance:
    key: str
    name: str
    name_zh: str
    baseline_start: date | None
    baseline_finish: date | None
    start: date
    finish: date
    start_variance: int | None  # working days later (+) or earlier (-) than the baseline
    finish_variance: int | None
    milestone: bool


def baseline_variance(project: Project, baseline: Baseline, status_date: date) -> list[TaskVariance]:
    """Each task's forecast dates (actual where it happened) against the baseline, in working days."""
    plan = forecast_schedule(project, status_date)
    calendar = plan.calendar
    saved = {t.task_key: t for t in baseline.tasks}
    rows = []
    for task in project.tasks:
        start = task.actual_start or plan.task(task.key).start
        finish = task.actual_finish or plan.task(task.key).finish
        was = saved.get(task.key)
        rows.append(
            TaskVariance(
                key=task.key,
                name=task.name,
                name_zh=task.name_zh,
                baseline_start=was.start if was else None,
                baseline_finish=was.finish if was else None,
                start=start,
                finish=finish,
                start_variance=calendar.offset_of(start) - calendar.offset_of(was.start) if was else None,
                finish_variance=calendar.offset_of(finish) - calendar.offset_of(was.finish) if was else None,
                milestone=task.milestone,
            )
        )
    return rows


def project_earned_value(project: Project, baseline: Baseline, status_date: date) -> EarnedValue:
    """PV from the baseline's dates and budgets, EV from progress, AC from booked costs."""
    saved = {t.task_key: t for t in baseline.tasks}
    tasks = []
    for task in project.tasks:
        was = saved.get(task.key)
        tasks.append(
            EvTask(
                id=task.key,
                budget=was.budget if was else task.budget,
                progress=task.progress,
                baseline_start=was.start if was else None,
                baseline_finish=was.finish if was else None,
                actual_cost=task.actual_cost,
            )
        )
    return earned_value(tasks, status_date, project_calendar(project))
