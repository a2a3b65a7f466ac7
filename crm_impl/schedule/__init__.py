"""Scheduling engine: CPM, working-day calendar, PERT and Monte Carlo simulation.

Pure domain code (numpy and networkx only).  Typical use::

    net = build_network(activities, links)      # validate once
    schedule = schedule_network(net)            # CPM with most-likely durations
    pert = analyse_pert(net, estimates)         # expected duration, driving-chain variance
    sim = simulate(net, estimates, seed=1)      # Monte Carlo: P50/P80/P90, criticality index
"""

from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import Schedule, TaskTiming, compute_schedule, schedule_network
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.montecarlo import DISTRIBUTIONS, RiskEvent, SimulationResult, simulate
from crm_impl.schedule.network import LINK_TYPES, Activity, Link, Network, build_network
from crm_impl.schedule.pert import PertResult, analyse_pert
from crm_impl.schedule.schedule_file import ProjectPlan, parse_project, schedule_records

__all__ = [
    "DISTRIBUTIONS",
    "LINK_TYPES",
    "Activity",
    "Link",
    "Network",
    "PertResult",
    "ProjectPlan",
    "RiskEvent",
    "Schedule",
    "SimulationResult",
    "TaskTiming",
    "ThreePoint",
    "WorkCalendar",
    "analyse_pert",
    "build_network",
    "compute_schedule",
    "parse_project",
    "schedule_network",
    "schedule_records",
    "simulate",
]
