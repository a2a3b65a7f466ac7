"""Scheduling engine: CPM, working-day calendar, PERT and Monte Carlo simulation.

Pure domain code (numpy and networkx only; no database, no charts).  A schedule travels as one
shape, :class:`~crm_impl.schedule.plan.Plan` in and :class:`~crm_impl.schedule.plan.ScheduledPlan`
out::

    scheduled = plan.schedule()                          # CPM: every task with timings and dates
    pert = analyse_pert(plan.network, plan.estimates())  # expected duration, driving-chain variance
    sim = simulate(plan.network, plan.estimates(), seed=1)
    sim.percentiles(plan.calendar)                       # P50/P80/P90 with their finish dates

The lower level (:func:`build_network`, :func:`schedule_network`) works on bare activities and
links.
"""

from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import Schedule, TaskTiming, compute_schedule, schedule_network
from crm_impl.schedule.estimates import PERCENTILES, Percentile, ThreePoint
from crm_impl.schedule.montecarlo import DISTRIBUTIONS, RiskEvent, SimulationResult, simulate
from crm_impl.schedule.network import LINK_TYPES, Activity, Link, Network, build_network
from crm_impl.schedule.pert import PertResult, analyse_pert
from crm_impl.schedule.plan import Plan, PlanPhase, PlanTask, ScheduledPlan, ScheduledTask

__all__ = [
    "DISTRIBUTIONS",
    "LINK_TYPES",
    "PERCENTILES",
    "Activity",
    "Link",
    "Network",
    "Percentile",
    "PertResult",
    "Plan",
    "PlanPhase",
    "PlanTask",
    "RiskEvent",
    "Schedule",
    "ScheduledPlan",
    "ScheduledTask",
    "SimulationResult",
    "TaskTiming",
    "ThreePoint",
    "WorkCalendar",
    "analyse_pert",
    "build_network",
    "compute_schedule",
    "schedule_network",
    "simulate",
]
