"""The bridge between a stored project and the scheduling engine.

:func:`project_plan` reads a project's tasks, links and calendar into the engine's one plan
shape; :func:`plan_schedule` schedules it — the one computation every page, chart, report and
export of a stored plan starts from.
"""

from __future__ import annotations

from datetime import date

from crm_impl.models import Project
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule import forecast
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanPhase, PlanTask, ScheduledPlan

__all__ = ["project_plan", "project_calendar", "plan_schedule", "status_date_of", "forecast_schedule"]


def _task(task, gates: dict[str, str]) -> PlanTask:
    estimate = None
    if task.most_likely is not None:
        estimate = ThreePoint(task.optimistic, task.most_likely, task.pessimistic)
    roles = task.roles or {}
    return PlanTask(
        id=task.key,
        name=task.name,
        phase=task.phase.key,
        duration=task.duration,
        milestone=task.milestone,
        name_zh=task.name_zh,
        estimate=estimate,
        progress=task.progress,
        roles={"R": list(roles.get("R") or []), "A": roles.get("A"), "C": list(roles.get("C") or [])},
        start_no_earlier_than=task.start_no_earlier_than,
        finish_no_later_than=task.finish_no_later_than,
        budget=task.budget,
        actual_cost=task.actual_cost,
        actual_start=task.actual_start,
        actual_finish=task.actual_finish,
        gate=gates.get(task.key, ""),
    )


def project_plan(project: Project) -> Plan:
    """The project's plan in the engine's shape (tasks and phases in plan order)."""
    gates = {g.milestone_task: g.gate_id for g in project.gates if g.milestone_task}
    return Plan(
        title=project.title,
        start=project.start_date,
        working_weekdays=tuple(sorted(project.working_weekdays)),
        holidays=tuple((h.day, h.name) for h in project.holidays),
        working_days=tuple((w.day, w.name) for w in project.working_days),
        phases=tuple(PlanPhase(p.key, p.name, p.name_zh) for p in project.phases),
        tasks=tuple(_task(t, gates) for t in project.tasks),
        links=tuple(Link(d.pred.key, d.succ.key, d.type.value, d.lag) for d in project.dependencies),
        company=project.client_company,
    )


def project_calendar(project: Project) -> WorkCalendar:
    """The project's working-day calendar."""
    return WorkCalendar(
        start=project.start_date,
        weekdays=frozenset(project.working_weekdays),
        holidays=frozenset(h.day for h in project.holidays),
        workdays=frozenset(w.day for w in project.working_days),
    )


def plan_schedule(project: Project) -> ScheduledPlan:
    """CPM on the project's planned durations: every task with its timings and dates."""
    return project_plan(project).schedule()


def status_date_of(project: Project, today: date) -> date:
    """The date progress is reported to: the project's status date, else today."""
    return project.status_date or today


def forecast_schedule(project: Project, status_date: date) -> ScheduledPlan:
    """CPM on what remains from ``status_date``, with what happened where it happened: the
    schedule the dashboard, the Gantt's forecast bars and the simulation read."""
    return forecast.forecast_schedule(project_plan(project), status_date)
