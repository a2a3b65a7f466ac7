"""The schedule charts of a stored project: Gantt, network, Monte Carlo, resource load.

Each function takes a project (and the reader's locale) and returns plotly figures built by
:mod:`crm_impl.schedule.figures`, so the web pages and the Word reports show the same charts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import plotly.graph_objects as go

from crm_impl.methodology import is_chinese
from crm_impl.models import Baseline, Project
from crm_impl.operations.risks import is_open
from crm_impl.operations.planning import PlannedProject, plan_schedule
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.figures import GanttTask, gantt_figure, gantt_tasks, network_figure, schedule_links
from crm_impl.schedule.montecarlo import RiskEvent, SimulationResult, simulate
from crm_impl.schedule.pert import PertResult, analyse_pert
from crm_impl.schedule.risk_figures import (
    criticality_figure,
    montecarlo_figure,
    resource_load_figure,
    weekly_role_loads,
)

__all__ = [
    "chart_tasks",
    "project_gantt_figure",
    "project_network_figure",
    "resource_figure",
    "MonteCarloRun",
    "run_monte_carlo",
    "risk_events",
    "RISK_CHANCE",
]

#: A working week of one full-time person, in person-days.
WEEK_DAYS = 5


def chart_tasks(
    project: Project, plan: PlannedProject, locale: str, baseline: Baseline | None = None
) -> list[GanttTask]:
    zh = is_chinese(locale)
    saved = {t.task_key: t for t in baseline.tasks} if baseline else {}
    meta = {
        task.key: {
            "name": (task.name_zh if zh and task.name_zh else task.name),
            "phase_key": task.phase.key,
            "phase_name": (task.phase.name_zh if zh and task.phase.name_zh else task.phase.name),
            "progress": task.progress,
            "is_gate": task.milestone,  # the templates' milestones are the quality gates
            "baseline_start": saved[task.key].start if task.key in saved else None,
            "baseline_finish": saved[task.key].finish if task.key in saved else None,
        }
        for task in project.tasks
    }
    return gantt_tasks(plan.schedule, plan.calendar, meta)


def project_gantt_figure(
    project: Project, locale: str, today: date | None = None, baseline: Baseline | None = None
) -> go.Figure:
    """The Gantt chart, with the bars of ``baseline`` under the tasks when one is given."""
    plan = plan_schedule(project)
    tasks = chart_tasks(project, plan, locale, baseline)
    return gantt_figure(tasks, schedule_links(plan.schedule), today=today, locale=locale)


def project_network_figure(project: Project, locale: str) -> go.Figure:
    plan = plan_schedule(project)
    return network_figure(chart_tasks(project, plan, locale), schedule_links(plan.schedule), locale=locale)


def resource_figure(project: Project, locale: str) -> go.Figure:
    """Weekly load of each methodology role (its responsible tasks) against the team's capacity."""
    plan = plan_schedule(project)
    roles = {task.key: list(task.roles.get("R", [])) for task in project.tasks}
    loads = weekly_role_loads(chart_tasks(project, plan, locale), roles, plan.calendar)
    capacity: dict[str, float] = {role: 0.0 for role in loads}
    for member in project.team:
        capacity[member.role_id] = capacity.get(member.role_id, 0.0) + WEEK_DAYS * member.availability_pct / 100
    return resource_load_figure(loads, {role: capacity.get(role, 0.0) for role in loads}, locale=locale)


@dataclass(frozen=True)
class MonteCarloRun:
    result: SimulationResult
    plan: PlannedProject
    target: date | None
    probability: float | None  # of finishing by ``target``
    dates: dict[str, date]  # P50/P80/P90 as finish dates
    histogram: go.Figure
    criticality: go.Figure
    #: The analytic PERT answer beside the simulated one (normal approximation on the driving chain).
    pert: PertResult
    pert_probability: float | None
    pert_dates: dict[str, date]


def _estimates(project: Project) -> dict[str, ThreePoint]:
    """Each task's three-point estimate; a task without one counts as certain (its duration)."""
    return {
        task.key: (
            ThreePoint(task.optimistic, task.most_likely, task.pessimistic)
            if task.most_likely is not None
            else ThreePoint(task.duration, task.duration, task.duration)
        )
        for task in project.tasks
    }


#: The risk register rates probability 1–5; the simulation needs a chance per run.
RISK_CHANCE = {1: 0.1, 2: 0.3, 3: 0.5, 4: 0.7, 5: 0.9}


def risk_events(project: Project) -> list[RiskEvent]:
    """Open risks that name tasks and a delay, as Monte Carlo events (residual rating if any)."""
    return [
        RiskEvent(
            id=risk.key,
            probability=RISK_CHANCE[risk.residual_probability or risk.probability],
            delay_days=risk.delay_days,
            tasks=tuple(risk.linked_tasks),
        )
        for risk in project.risks
        if is_open(risk) and risk.linked_tasks and risk.delay_days > 0
    ]


def run_monte_carlo(
    project: Project,
    *,
    iterations: int = 10_000,
    seed: int | None = None,
    distribution: str = "triangular",
    target: date | None = None,
    locale: str = "en",
    with_risks: bool = False,
) -> MonteCarloRun:
    """Simulate the project from its three-point estimates (planned duration where none),
    optionally with the risk register's events delaying their linked tasks."""
    plan = plan_schedule(project)
    estimates = _estimates(project)
    pert = analyse_pert(plan.schedule.network, estimates)
    result = simulate(
        plan.schedule.network, estimates, iterations=iterations, distribution=distribution, seed=seed,
        risks=risk_events(project) if with_risks else (),
    )
    percentiles = {"P50": result.p50, "P80": result.p80, "P90": result.p90}
    dates = {name: plan.calendar.finish_date(round(value), 1) for name, value in percentiles.items()}
    probability = pert_probability = None
    if target is not None:
        # Finishing by the target date means an exclusive finish offset up to the day after it.
        target_days = plan.calendar.finish_offset(target)
        probability = result.probability_by(target_days)
        pert_probability = pert.probability_by(target_days)
    zh = is_chinese(locale)
    names = {t.key: (t.name_zh if zh and t.name_zh else t.name) for t in project.tasks}
    return MonteCarloRun(
        result=result,
        plan=plan,
        target=target,
        probability=probability,
        dates=dates,
        histogram=montecarlo_figure(
            result.durations, target=target, percentiles=percentiles, calendar=plan.calendar, locale=locale
        ),
        criticality=criticality_figure(result.criticality_index(), names=names, locale=locale),
        pert=pert,
        pert_probability=pert_probability,
        pert_dates={f"P{q}": pert.date_for(q / 100, plan.calendar) for q in (50, 80, 90)},
    )
