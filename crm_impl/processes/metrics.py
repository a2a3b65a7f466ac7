"""What a case costs and how long it takes on a process map: expected values over the gateways.

A case walks the map as an **absorbing Markov chain**: transient states are the flow nodes, the
end events absorb, an exclusive gateway moves to each outgoing flow with its probability, every
other node to its one successor.  With ``Q`` the transient-to-transient transition matrix and
``s`` the entry distribution over the start events (their shares), the expected number of visits
of each node is ``v = s (I − Q)⁻¹`` (the fundamental matrix), so loops (rework, a second call)
count as often as they are expected to run.  The chance of ending at each end event is ``v R``.

A parallel block (split … join) is taken as one step of the outer chain: each branch is its own
chain from the split's successor to the join; the block's **elapsed time is the longest branch**
(the branches run at once) while its **cost, touch and waiting time are the sums** of the
branches (all the work is done).  When a branch holds a choice, the longest branch differs from
case to case: the block takes the expected longest branch, ``E[max Tᵢ]`` from the branches' time
distributions (independent branches; exact when the branches hold no loop), and with a loop
inside a branch the longest expected branch, ``max E[Tᵢ]`` (a lower bound).

Per node: elapsed time = ``waiting_time + working_time``; cost = ``cost``.  Then

- ``cycle_time`` — expected elapsed hours from arrival to the end event;
- ``touch_time`` / ``waiting_time`` — expected hours of work / of waiting per case (summed over
  parallel branches);
- ``value_added_ratio`` — value-adding work over all the time a case spends (touch + waiting);
- ``automation_share`` — automated task executions over all task executions;
- ``success_rate`` — the chance of ending at an end event marked ``success``, and
  ``cost_per_success`` — the cost per case over it;
- ``handoffs`` — flows that pass the case from one lane to another (``expected_handoffs``: per
  case, over the probabilities); ``decisions`` — exclusive gateways that branch.

>>> from crm_impl.processes.model import Flow, Lane, Node, ProcessMap
>>> pm = ProcessMap("claims", lanes=(Lane("desk"), Lane("expert")), nodes=(
...     Node("s", "start", lane="desk"),
...     Node("a", "task", "Register", lane="desk", working_time=1, cost=10),
...     Node("g", "exclusive", "Complete?", lane="desk"),
...     Node("b", "task", "Assess", lane="expert", working_time=2, waiting_time=4, cost=50, value_adding=True),
...     Node("e", "end", lane="expert", success=True)),
...     flows=(Flow("s", "a"), Flow("a", "g"), Flow("g", "a", "no", 0.2), Flow("g", "b", "yes", 0.8),
...            Flow("b", "e")))
>>> m = process_metrics(pm)
>>> m.visits["a"], m.cycle_time, m.cost_per_case, m.handoffs
(1.25, 7.25, 62.5, 1)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

from crm_impl.processes.model import END, EXCLUSIVE, INTERMEDIATE, START, TASK, ProcessMap
from crm_impl.processes.validate import check_map, transition_probabilities

__all__ = ["ProcessMetrics", "NodeLoad", "process_metrics", "node_loads", "start_shares", "METRIC_NAMES"]

#: The headline metrics, in the order pages and charts list them.
METRIC_NAMES: tuple[str, ...] = (
    "steps", "handoffs", "decisions", "cycle_time", "touch_time", "waiting_time", "cost_per_case",
    "cost_per_success", "value_added_ratio", "automation_share", "channel_count", "success_rate",
)


@dataclass(frozen=True)
class ProcessMetrics:
    """The metrics of one map (hours, currency per case, shares 0–1)."""

    steps: int
    handoffs: int
    decisions: int
    expected_steps: float
    expected_handoffs: float
    cycle_time: float
    touch_time: float
    waiting_time: float
    value_added_time: float
    cost_per_case: float
    value_added_ratio: float
    automation_share: float
    channels: tuple[str, ...]
    #: Chance of ending at each end event.
    outcomes: Mapping[str, float] = field(default_factory=dict)
    #: Chance of ending at an end event marked ``success`` (``None`` when none is marked).
    success_rate: float | None = None
    #: Expected executions of each flow node per case.
    visits: Mapping[str, float] = field(default_factory=dict)

    @property
    def channel_count(self) -> int:
        return len(self.channels)

    @property
    def cost_per_success(self) -> float | None:
        """What one good outcome costs: the cost per case over the success rate (``None`` when no
        end event is marked a success or none is ever reached).  A redesign that saves more cases
        (more bookings, more orders) may cost more per case and still less per success."""
        if not self.success_rate:
            return None
        return round(self.cost_per_case / self.success_rate, 9) + 0.0

    def value(self, name: str) -> float | None:
        """A headline metric by its name in :data:`METRIC_NAMES`."""
        return getattr(self, name)


@dataclass
class _Totals:
    elapsed: float = 0.0
    cost: float = 0.0
    touch: float = 0.0
    waiting: float = 0.0
    value_added: float = 0.0
    tasks: float = 0.0
    automated: float = 0.0
    handoffs: float = 0.0
    visits: dict[str, float] = field(default_factory=dict)
    exits: dict[str, float] = field(default_factory=dict)

    def add(self, other: _Totals, weight: float) -> None:
        self.cost += weight * other.cost
        self.touch += weight * other.touch
        self.waiting += weight * other.waiting
        self.value_added += weight * other.value_added
        self.tasks += weight * other.tasks
        self.automated += weight * other.automated
        self.handoffs += weight * other.handoffs
        for node, visits in other.visits.items():
            self.visits[node] = self.visits.get(node, 0.0) + weight * visits


def start_shares(pm: ProcessMap) -> dict[str, float]:
    """The share of cases entering at each start event (equal shares when none is given).

    >>> from crm_impl.processes.model import Node, ProcessMap
    >>> start_shares(ProcessMap("m", nodes=(Node("phone", "start"), Node("web", "start"))))
    {'phone': 0.5, 'web': 0.5}
    """
    starts = pm.starts()
    if starts and all(s.share is not None for s in starts):
        return {s.id: float(s.share) for s in starts}
    return {s.id: 1 / len(starts) for s in starts}


class _Walker:
    def __init__(self, pm: ProcessMap, joins: dict[str, str]) -> None:
        self.pm, self.joins = pm, joins
        self.lanes = pm.effective_lanes()
        self._distributions: dict[tuple[str, str], dict[float, float] | None] = {}

    def successors(self, node_id: str) -> list[str]:
        return [f.target for f in self.pm.outgoing(node_id)]

    def moves(self, node_id: str) -> dict[str, float]:
        if node_id in self.joins:
            return {self.joins[node_id]: 1.0}
        return transition_probabilities(self.pm, node_id)

    def handoff(self, source: str, target: str) -> bool:
        a, b = self.lanes.get(source), self.lanes.get(target)
        return a is not None and b is not None and a != b

    def block_time(self, split: str, branches: list[_Totals]) -> float:
        """The expected elapsed time of the parallel block opened by ``split``: the expected
        longest branch when every branch's time distribution can be listed, else the longest
        expected branch (a lower bound)."""
        parts = [self.distribution(branch, self.joins[split], set()) for branch in self.successors(split)]
        if all(part is not None for part in parts):
            return sum(t * p for t, p in _longest(parts).items())
        return max((b.elapsed for b in branches), default=0.0)

    def distribution(self, node: str, stop: str, visiting: set[str]) -> dict[float, float] | None:
        """The elapsed time from ``node`` to ``stop`` as ``{hours: probability}``; ``None`` when
        a loop makes it unbounded or it grows past :data:`MAX_SUPPORT` values."""
        if node == stop or self.pm.node(node).kind == END:
            return {0.0: 1.0}
        if node in visiting or len(visiting) > MAX_DEPTH:
            return None
        if (node, stop) in self._distributions:  # a shared tail of two paths is listed once
            return self._distributions[node, stop]
        result = self._distribution(node, stop, visiting | {node})
        self._distributions[node, stop] = result
        return result

    def _distribution(self, node: str, stop: str, visiting: set[str]) -> dict[float, float] | None:
        element = self.pm.node(node)
        if node in self.joins:
            parts = [self.distribution(b, self.joins[node], visiting) for b in self.successors(node)]
            rest = self.distribution(self.joins[node], stop, visiting)
            if rest is None or any(part is None for part in parts):
                return None
            out = _convolve(_longest(parts), rest)
        else:
            out: dict[float, float] = {}
            for target, p in self.moves(node).items():
                if p <= 0:
                    continue
                after = self.distribution(target, stop, visiting)
                if after is None:
                    return None
                for t, q in after.items():
                    out[t] = out.get(t, 0.0) + p * q
        own = element.working_time + element.waiting_time
        if len(out) > MAX_SUPPORT:
            return None
        return {round(t + own, 9): q for t, q in out.items()}

    def walk(self, sources: Mapping[str, float], stop: str | None = None) -> _Totals:
        """Expected totals of a case entering at ``sources`` until an end event (or ``stop``)."""
        transient: list[str] = []
        seen: set[str] = set()
        stack = list(sources)
        while stack:
            node = stack.pop()
            if node in seen or node == stop or self.pm.node(node).kind == END:
                continue
            seen.add(node)
            transient.append(node)
            stack.extend(self.moves(node))
        index = {node: i for i, node in enumerate(transient)}
        q = np.zeros((len(transient), len(transient)))
        entry = np.zeros(len(transient))
        for node, weight in sources.items():
            if node in index:
                entry[index[node]] += weight
        totals = _Totals()
        for node, weight in sources.items():
            if node not in index:
                totals.exits[node] = totals.exits.get(node, 0.0) + weight
        for node in transient:
            for target, p in self.moves(node).items():
                if target in index:
                    q[index[node], index[target]] += p
        # v (I - Q) = s  <=>  (I - Q)^T v^T = s^T
        visits = np.linalg.solve((np.eye(len(transient)) - q).T, entry) if transient else np.zeros(0)
        for node in transient:
            v = float(visits[index[node]])
            totals.visits[node] = totals.visits.get(node, 0.0) + v
            for target, p in self.moves(node).items():
                if node not in self.joins and self.handoff(node, target):
                    totals.handoffs += v * p
                if target not in index:
                    totals.exits[target] = totals.exits.get(target, 0.0) + v * p
            if node in self.joins:
                branches = [self.walk({branch: 1.0}, self.joins[node]) for branch in self.successors(node)]
                totals.elapsed += v * self.block_time(node, branches)
                for branch_node, b in zip(self.successors(node), branches, strict=True):
                    totals.add(b, v)
                    if self.handoff(node, branch_node):
                        totals.handoffs += v
                continue
            element = self.pm.node(node)
            totals.elapsed += v * (element.working_time + element.waiting_time)
            totals.cost += v * element.cost
            totals.touch += v * element.working_time
            totals.waiting += v * element.waiting_time
            if element.kind == TASK:
                totals.tasks += v
                totals.automated += v * element.automated
                totals.value_added += v * element.working_time * element.value_adding
        return totals


#: The most distinct times a branch's distribution may hold before the block falls back to the
#: longest expected branch, and the longest chain of nodes it is followed through.
MAX_SUPPORT = 2_000
MAX_DEPTH = 200


def _longest(parts: list[dict[float, float]]) -> dict[float, float]:
    """The distribution of the longest of independent branches: P(max ≤ t) = Π P(Tᵢ ≤ t).

    >>> _longest([{1.0: 0.5, 3.0: 0.5}, {2.0: 1.0}])
    {2.0: 0.5, 3.0: 0.5}
    """
    times = sorted({t for part in parts for t in part})
    cdfs = []
    for part in parts:
        running, cdf = 0.0, {}
        for t in times:
            running += part.get(t, 0.0)
            cdf[t] = running
        cdfs.append(cdf)
    out, below = {}, 0.0
    for t in times:
        at_most = float(np.prod([cdf[t] for cdf in cdfs]))
        if at_most - below > 1e-15:
            out[t] = at_most - below
        below = at_most
    return out


def _convolve(first: dict[float, float], second: dict[float, float]) -> dict[float, float]:
    out: dict[float, float] = {}
    for a, p in first.items():
        for b, q in second.items():
            key = round(a + b, 9)
            out[key] = out.get(key, 0.0) + p * q
    return out


def _clean(value: float) -> float:
    """Round away the last bits of floating-point noise so hand-computed values compare equal."""
    return round(float(value), 9) + 0.0


def process_metrics(pm: ProcessMap) -> ProcessMetrics:
    """The metrics of ``pm`` (raises :class:`~crm_impl.processes.validate.ProcessMapError` if it
    cannot be measured)."""
    joins = check_map(pm)
    walker = _Walker(pm, joins)
    totals = walker.walk(start_shares(pm))
    graph = pm.graph()
    handoffs = sum(1 for u, v in graph.edges if walker.handoff(u, v))
    decisions = sum(1 for n in pm.of_kind(EXCLUSIVE) if graph.out_degree(n.id) > 1)
    spent = totals.touch + totals.waiting
    successes = [n.id for n in pm.ends() if n.success]
    channels = sorted({n.channel for n in pm.nodes if n.channel and n.kind in (START, TASK)})
    return ProcessMetrics(
        steps=len(pm.tasks()),
        handoffs=handoffs,
        decisions=decisions,
        expected_steps=_clean(totals.tasks),
        expected_handoffs=_clean(totals.handoffs),
        cycle_time=_clean(totals.elapsed),
        touch_time=_clean(totals.touch),
        waiting_time=_clean(totals.waiting),
        value_added_time=_clean(totals.value_added),
        cost_per_case=_clean(totals.cost),
        value_added_ratio=_clean(totals.value_added / spent) if spent else 0.0,
        automation_share=_clean(totals.automated / totals.tasks) if totals.tasks else 0.0,
        channels=tuple(channels),
        outcomes={n.id: _clean(totals.exits.get(n.id, 0.0)) for n in pm.ends()},
        success_rate=_clean(sum(totals.exits.get(n, 0.0) for n in successes)) if successes else None,
        visits={node: _clean(v) for node, v in totals.visits.items()},
    )


@dataclass(frozen=True)
class NodeLoad:
    """What one node adds to an average case: its expected executions, hours of work and of
    waiting, cost, and its shares of the map's total time (work + waiting) and cost."""

    id: str
    visits: float
    working_hours: float
    waiting_hours: float
    cost: float
    time_share: float
    cost_share: float


def node_loads(pm: ProcessMap, metrics: ProcessMetrics | None = None) -> list[NodeLoad]:
    """Every task and timed event with its load per case, the heaviest (time, then cost) first —
    where the time and the money of the process go, the table beside the diagram.

    >>> from crm_impl.processes.model import Flow, Node, ProcessMap
    >>> pm = ProcessMap("m", nodes=(Node("s", "start"), Node("a", "task", working_time=1, cost=30),
    ...     Node("b", "task", working_time=2, waiting_time=1, cost=10), Node("e", "end")),
    ...     flows=(Flow("s", "a"), Flow("a", "b"), Flow("b", "e")))
    >>> [(n.id, n.time_share, n.cost_share) for n in node_loads(pm)]
    [('b', 0.75, 0.25), ('a', 0.25, 0.75)]
    """
    metrics = metrics or process_metrics(pm)
    total_time = metrics.touch_time + metrics.waiting_time
    rows = []
    for node in pm.nodes:
        visits = metrics.visits.get(node.id, 0.0)
        if node.kind in (TASK, INTERMEDIATE) and (node.working_time or node.waiting_time or node.cost or node.kind == TASK):
            work, wait, cost = visits * node.working_time, visits * node.waiting_time, visits * node.cost
            rows.append(NodeLoad(node.id, visits, _clean(work), _clean(wait), _clean(cost),
                                 _clean((work + wait) / total_time) if total_time else 0.0,
                                 _clean(cost / metrics.cost_per_case) if metrics.cost_per_case else 0.0))
    rows.sort(key=lambda row: (-(row.working_hours + row.waiting_hours), -row.cost, row.id))
    return rows
