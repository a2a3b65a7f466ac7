"""The schedule views of a stored project: Gantt, network, resource load and Monte Carlo.

Each function takes a project (and the reader's locale) and returns what a page shows, built
from the one scheduled plan (:func:`~crm_impl.operations.planning.plan_schedule`) by the charts
of :mod:`crm_impl.charts`, so the web pages and the Word reports show the same figures.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

import plotly.graph_objects as go

from crm_impl.charts.gantt import gantt_figure
from crm_impl.charts.montecarlo import criticality_figure, montecarlo_figure
from crm_impl.charts.network import network_figure, network_layout, network_layout_key
from crm_impl.charts.network_layout import NetworkLayout
from crm_impl.charts.resources import resource_load_figure
from crm_impl.methodology import roles
from crm_impl.models import Baseline, Project
from crm_impl.operations.baselines import baseline_dates
from crm_impl.operations.planning import forecast_schedule, plan_schedule, status_date_of
from crm_impl.schedule.estimates import Percentile
from crm_impl.schedule.montecarlo import RiskEvent, SimulationResult, simulate, simulation_digest
from crm_impl.schedule.pert import PertResult, analyse_pert
from crm_impl.schedule.plan import ScheduledPlan
from crm_impl.schedule.resources import weekly_role_loads
from crm_impl.tracking.risks import risk_event

__all__ = [
    "project_gantt_figure",
    "project_network_figure",
    "kept_network_layout",
    "resource_figure",
    "MonteCarloRun",
    "ResultCache",
    "run_monte_carlo",
    "simulation_key",
    "simulation_size",
    "risk_events",
]

#: A working week of one full-time person, in person-days.
WEEK_DAYS = 5


def project_gantt_figure(
    project: Project, locale: str, today: date | None = None, baseline: Baseline | None = None,
    collapsed: Collection[str] = (),
) -> go.Figure:
    """The Gantt chart of the forecast at the project's status date (``today`` when it has none):
    finished work where it happened, the rest rescheduled from the status date, with the bars of
    ``baseline`` under the tasks when one is given and the phases in ``collapsed`` folded to their
    summary row.  Without ``today``: the plan as planned.

    The chart draws a "Today" line, and a "Status date" line only when the project has a status
    date (one line, named "Status date", when that is today)."""
    names = {role.id: role.label(locale) for role in roles()}
    if today is None:
        return gantt_figure(plan_schedule(project), baseline=baseline_dates(baseline), locale=locale,
                            role_names=names, collapsed=collapsed)
    status_date = status_date_of(project, today)
    return gantt_figure(forecast_schedule(project, status_date), baseline=baseline_dates(baseline), today=today,
                        status_date=project.status_date, locale=locale, role_names=names, collapsed=collapsed)


def project_network_figure(project: Project, locale: str, cache: ResultCache | None = None) -> go.Figure:
    """The network diagram of the plan; with a ``cache``, its layout is kept there
    (:func:`kept_network_layout`)."""
    scheduled = plan_schedule(project)
    return network_figure(scheduled, locale=locale, layout=kept_network_layout(scheduled, cache))


def kept_network_layout(scheduled: ScheduledPlan, cache: ResultCache | None) -> NetworkLayout:
    """The plan's network layout, from ``cache`` when it was laid out before (keyed by the
    network's shape: tasks, phases and links), so only an edit of those lays it out again."""
    if cache is None:
        return network_layout(scheduled)
    key = network_layout_key(scheduled)
    layout = cache.get(key)
    if not isinstance(layout, NetworkLayout):
        layout = network_layout(scheduled)
        cache.set(key, layout, timeout=RESULT_TIMEOUT)
    return layout


def resource_figure(project: Project, locale: str) -> go.Figure:
    """Weekly load of each methodology role (its responsible tasks) against the team's capacity."""
    loads = weekly_role_loads(plan_schedule(project))
    capacity: dict[str, float] = {role: 0.0 for role in loads}
    for member in project.team:
        capacity[member.role_id] = capacity.get(member.role_id, 0.0) + WEEK_DAYS * member.availability_pct / 100
    return resource_load_figure(loads, {role: capacity.get(role, 0.0) for role in loads}, locale=locale,
                                role_names={role.id: role.label(locale) for role in roles()})


@dataclass(frozen=True)
class MonteCarloRun:
    """A simulation of a stored project with everything its page shows.

    ``percentiles`` (P50/P80/P90 with finish dates) are the ones the chart draws and the
    command line prints; ``pert`` is the analytic answer beside them.
    """

    result: SimulationResult
    scheduled: ScheduledPlan
    target: date | None
    probability: float | None  # of finishing by ``target``
    percentiles: tuple[Percentile, ...]
    histogram: go.Figure
    criticality: go.Figure
    pert: PertResult
    pert_probability: float | None
    pert_percentiles: tuple[Percentile, ...]


def risk_events(project: Project) -> list[RiskEvent]:
    """Open risks that name tasks and a delay, as Monte Carlo events (residual rating if any)."""
    events = (
        risk_event(r.key, r.status.value, r.residual_probability or r.probability, r.delay_days, r.linked_tasks)
        for r in project.risks
    )
    return [event for event in events if event is not None]


class ResultCache(Protocol):
    """Where simulation results are kept between requests (a cachelib cache has this shape)."""

    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any, timeout: int | None = None) -> Any: ...


#: How long a simulation's result is kept (seconds); any edit of its inputs gives a new key anyway.
RESULT_TIMEOUT = 7 * 24 * 3600


def simulation_size(project: Project, iterations: int) -> int:
    """Task-runs a simulation of ``project`` costs: what decides whether it runs as a job."""
    return len(project.tasks) * iterations


def _simulation_inputs(project: Project, with_risks: bool, status_date: date | None):
    # From a status date only the remaining work is simulated: finished work is certain.
    scheduled = plan_schedule(project) if status_date is None else forecast_schedule(project, status_date)
    return scheduled, scheduled.plan.estimates(), risk_events(project) if with_risks else []


def simulation_key(
    project: Project, *, iterations: int, seed: int | None, distribution: str, with_risks: bool,
    status_date: date | None = None,
) -> str | None:
    """The cache key of a simulation's runs (``None`` without a seed: every run is new)."""
    if seed is None:
        return None
    scheduled, estimates, risks = _simulation_inputs(project, with_risks, status_date)
    return _key(scheduled, estimates, risks, iterations, distribution, seed)


def _key(scheduled: ScheduledPlan, estimates, risks, iterations: int, distribution: str, seed: int) -> str:
    return "montecarlo:" + simulation_digest(scheduled.plan.network, estimates, iterations=iterations,
                                             distribution=distribution, risks=risks, seed=seed)


def run_monte_carlo(
    project: Project,
    *,
    iterations: int = 10_000,
    seed: int | None = None,
    distribution: str = "triangular",
    target: date | None = None,
    locale: str = "en",
    with_risks: bool = False,
    status_date: date | None = None,
    cache: ResultCache | None = None,
    progress: Callable[[float], None] | None = None,
) -> MonteCarloRun:
    """Simulate the project from its three-point estimates (planned duration where none),
    optionally with the risk register's events delaying their linked tasks.  With a
    ``status_date``, the forecast from it: only the work not yet done is simulated.

    With a ``cache`` and a seed, the runs are taken from it when the same inputs were simulated
    before (same plan, estimates, risks and parameters) and kept there otherwise; ``progress``
    hears the share of runs done.
    """
    scheduled, estimates, risks = _simulation_inputs(project, with_risks, status_date)
    plan, calendar = scheduled.plan, scheduled.calendar
    pert = analyse_pert(plan.network, estimates)
    key = _key(scheduled, estimates, risks, iterations, distribution, seed) if cache and seed is not None else None
    result = cache.get(key) if cache and key else None
    if not isinstance(result, SimulationResult):
        result = simulate(plan.network, estimates, iterations=iterations, distribution=distribution, seed=seed,
                          risks=risks, progress=progress)
        if cache and key:
            cache.set(key, result, timeout=RESULT_TIMEOUT)
    percentiles = result.percentiles(calendar)
    probability = pert_probability = None
    if target is not None:
        # Finishing by the target date means an exclusive finish offset up to the day after it.
        target_days = calendar.finish_offset(target)
        probability = result.probability_by(target_days)
        pert_probability = pert.probability_by(target_days)
    names = {t.id: t.label(locale) for t in plan.tasks}
    return MonteCarloRun(
        result=result,
        scheduled=scheduled,
        target=target,
        probability=probability,
        percentiles=percentiles,
        histogram=montecarlo_figure(
            result.durations, target=target, percentiles=percentiles, calendar=calendar, locale=locale
        ),
        criticality=criticality_figure(result.criticality_index(), names=names, locale=locale),
        pert=pert,
        pert_probability=pert_probability,
        pert_percentiles=pert.percentiles(calendar),
    )
