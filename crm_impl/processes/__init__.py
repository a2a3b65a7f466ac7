"""Business process reengineering (BPR) engine: process maps and what they measure.

Pure domain code (networkx, numpy and simpy; no database, no charts, no file formats).  A map
travels as one shape, :class:`~crm_impl.processes.model.ProcessMap`::

    check_map(pm)                               # every problem named by its node, or ProcessMapError
    metrics = process_metrics(pm)               # steps, hand-offs, expected cycle time and cost...
    diff = diff_maps(as_is, to_be, cases_per_year=12_000)   # added/removed/changed, deltas, savings
    sim = simulate_process(pm, Scenario(arrival_rate=4, staff={"desk": LaneStaff(2, 9, 8)}))

Choosing what to redesign: :func:`rank_candidates` (importance, performance gap, feasibility)
and :func:`scope_quadrant`; finding why a process fails: :class:`Fishbone` and :func:`pareto`.
"""

from crm_impl.processes.diff import FlowChange, MapDiff, MetricDelta, NodeChange, diff_maps
from crm_impl.processes.metrics import (
    METRIC_NAMES,
    NodeLoad,
    ProcessMetrics,
    node_loads,
    process_metrics,
    start_shares,
)
from crm_impl.processes.model import (
    CHANNELS,
    FLOW_NODE_KINDS,
    NODE_KINDS,
    DataLink,
    Flow,
    Lane,
    Node,
    ProcessMap,
)
from crm_impl.processes.rootcause import PARETO_CUT, Category, Cause, Fishbone, Pareto, ParetoRow, pareto
from crm_impl.processes.selection import (
    MIN_FEASIBILITY,
    Candidate,
    RankedProcess,
    Weights,
    rank_candidates,
    scope_quadrant,
)
from crm_impl.processes.simulation import (
    LaneResult,
    LaneStaff,
    ProcessSimulation,
    Scenario,
    simulate_process,
    simulation_digest,
)
from crm_impl.processes.validate import (
    ProcessMapError,
    assume_probabilities,
    check_map,
    map_problems,
    parallel_blocks,
)

__all__ = [
    "CHANNELS",
    "FLOW_NODE_KINDS",
    "METRIC_NAMES",
    "MIN_FEASIBILITY",
    "NODE_KINDS",
    "PARETO_CUT",
    "Candidate",
    "Category",
    "Cause",
    "DataLink",
    "Fishbone",
    "Flow",
    "FlowChange",
    "Lane",
    "LaneResult",
    "LaneStaff",
    "MapDiff",
    "MetricDelta",
    "Node",
    "NodeLoad",
    "NodeChange",
    "Pareto",
    "ParetoRow",
    "ProcessMap",
    "ProcessMapError",
    "ProcessMetrics",
    "ProcessSimulation",
    "RankedProcess",
    "Scenario",
    "Weights",
    "assume_probabilities",
    "check_map",
    "diff_maps",
    "map_problems",
    "node_loads",
    "pareto",
    "parallel_blocks",
    "process_metrics",
    "rank_candidates",
    "scope_quadrant",
    "simulate_process",
    "simulation_digest",
    "start_shares",
]
