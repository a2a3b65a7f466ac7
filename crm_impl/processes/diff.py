"""As-is against to-be: what the redesign added, removed and changed, and what it is worth.

Nodes are matched by id, flows by their ``(source, target)`` pair, lanes by key — a to-be map
copied from its as-is map keeps the ids, so a renamed task reads as *changed*, not as one task
removed and another added.  The metric deltas compare :func:`process_metrics` of both maps;
the saving per case (as-is cost − to-be cost) times the cases a year is the yearly benefit a
business case can take over.

>>> from crm_impl.processes.model import Flow, Node, ProcessMap
>>> before = ProcessMap("p", nodes=(Node("s", "start"), Node("t", "task", "Type in", cost=8, working_time=0.5),
...     Node("e", "end")), flows=(Flow("s", "t"), Flow("t", "e")))
>>> after = before.with_nodes([Node("t", "task", "Type in", cost=2, working_time=0.1, automated=True)])
>>> d = diff_maps(before, after, cases_per_year=10_000)
>>> d.changed_nodes, d.savings_per_case, d.annual_savings
((NodeChange(id='t', fields=('working_time', 'cost', 'automated')),), 6.0, 60000.0)
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from crm_impl.processes.metrics import METRIC_NAMES, ProcessMetrics, process_metrics
from crm_impl.processes.model import Flow, Node, ProcessMap

__all__ = ["NodeChange", "FlowChange", "MetricDelta", "MapDiff", "diff_maps", "NODE_FIELDS", "FLOW_FIELDS"]

#: The node fields compared (everything but the id).
NODE_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Node) if f.name != "id")
#: The flow fields compared (the pair is the flow's identity; its BPMN id is not compared).
FLOW_FIELDS: tuple[str, ...] = ("label", "probability")


@dataclass(frozen=True)
class NodeChange:
    id: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class FlowChange:
    source: str
    target: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class MetricDelta:
    """One metric before and after (``None`` where a map does not define it)."""

    name: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        """after − before."""
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 9) + 0.0

    @property
    def relative(self) -> float | None:
        """The change as a share of the as-is value (``None`` when that is 0 or undefined)."""
        change = self.change
        return None if change is None or not self.before else change / self.before


@dataclass(frozen=True)
class MapDiff:
    added_nodes: tuple[str, ...]
    removed_nodes: tuple[str, ...]
    changed_nodes: tuple[NodeChange, ...]
    added_flows: tuple[tuple[str, str], ...]
    removed_flows: tuple[tuple[str, str], ...]
    changed_flows: tuple[FlowChange, ...]
    added_lanes: tuple[str, ...]
    removed_lanes: tuple[str, ...]
    before: ProcessMetrics
    after: ProcessMetrics
    deltas: tuple[MetricDelta, ...]
    cases_per_year: float = 0.0

    @property
    def savings_per_case(self) -> float:
        """Cost per case saved (as-is − to-be; negative when the to-be map costs more)."""
        return round(self.before.cost_per_case - self.after.cost_per_case, 9) + 0.0

    @property
    def hours_saved_per_case(self) -> float:
        """Cycle time saved per case, in hours."""
        return round(self.before.cycle_time - self.after.cycle_time, 9) + 0.0

    @property
    def annual_savings(self) -> float:
        return round(self.savings_per_case * self.cases_per_year, 6) + 0.0

    @property
    def annual_touch_hours_saved(self) -> float:
        """Working hours a year the redesign frees (touch time saved × cases a year)."""
        return round((self.before.touch_time - self.after.touch_time) * self.cases_per_year, 6) + 0.0

    def delta(self, name: str) -> MetricDelta:
        return next(d for d in self.deltas if d.name == name)

    @property
    def unchanged(self) -> bool:
        return not (self.added_nodes or self.removed_nodes or self.changed_nodes or self.added_flows
                    or self.removed_flows or self.changed_flows or self.added_lanes or self.removed_lanes)


def _node_change(before: Node, after: Node) -> NodeChange | None:
    changed = tuple(name for name in NODE_FIELDS if getattr(before, name) != getattr(after, name))
    return NodeChange(after.id, changed) if changed else None


def _flow_change(before: Flow, after: Flow) -> FlowChange | None:
    changed = tuple(name for name in FLOW_FIELDS if getattr(before, name) != getattr(after, name))
    return FlowChange(after.source, after.target, changed) if changed else None


def diff_maps(as_is: ProcessMap, to_be: ProcessMap, cases_per_year: float = 0.0) -> MapDiff:
    """The differences of ``to_be`` from ``as_is`` and their metric deltas (both maps must be
    measurable: see :func:`~crm_impl.processes.validate.check_map`)."""
    before, after = process_metrics(as_is), process_metrics(to_be)
    old = {n.id: n for n in as_is.nodes}
    new = {n.id: n for n in to_be.nodes}
    old_flows = {f.key: f for f in as_is.flows}
    new_flows = {f.key: f for f in to_be.flows}
    old_lanes = [lane.key for lane in as_is.lanes]
    new_lanes = [lane.key for lane in to_be.lanes]
    return MapDiff(
        added_nodes=tuple(n for n in new if n not in old),
        removed_nodes=tuple(n for n in old if n not in new),
        changed_nodes=tuple(c for n in new if n in old and (c := _node_change(old[n], new[n]))),
        added_flows=tuple(k for k in new_flows if k not in old_flows),
        removed_flows=tuple(k for k in old_flows if k not in new_flows),
        changed_flows=tuple(c for k in new_flows if k in old_flows and (c := _flow_change(old_flows[k], new_flows[k]))),
        added_lanes=tuple(k for k in new_lanes if k not in old_lanes),
        removed_lanes=tuple(k for k in old_lanes if k not in new_lanes),
        before=before,
        after=after,
        deltas=tuple(MetricDelta(name, before.value(name), after.value(name)) for name in METRIC_NAMES),
        cases_per_year=float(cases_per_year),
    )
