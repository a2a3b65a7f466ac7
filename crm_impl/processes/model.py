"""The process map: lanes, events, tasks, gateways and data objects joined by sequence flows.

A map is plain data (:class:`ProcessMap` of :class:`Lane`, :class:`Node`, :class:`Flow` and
:class:`DataLink`); :meth:`ProcessMap.graph` gives the flow nodes and sequence flows as a
:class:`networkx.DiGraph` for the algorithms.  Times are in **hours**, costs in the project's
currency, both *per execution* of a node.

Node kinds (BPMN's names in brackets):

- ``start`` [startEvent] — where a case enters; several start events are alternative channels
  (a phone line, a web form...), each taking its ``share`` of the cases (equal shares if none is
  given);
- ``end`` [endEvent] — where a case leaves; ``success`` marks a good outcome (a booking made);
- ``task`` [task, userTask, serviceTask...] — work in a ``lane``: ``working_time`` (touch time),
  ``waiting_time`` (the case waits before the work starts: a queue, a callback, the post),
  ``cost`` per execution, ``value_adding``, ``automated`` and the ``channel`` it serves;
- ``exclusive`` [exclusiveGateway] — one of its outgoing flows is taken, each with its
  ``probability``; a merge when several flows come in;
- ``parallel`` [parallelGateway] — a *split* starts every outgoing branch at once, the matching
  *join* waits for all of them;
- ``intermediate`` [intermediate events] — a pass-through event (a timer may carry a waiting time);
- ``data`` [dataObjectReference, dataStoreReference] — a document or record tasks read or
  write (:class:`DataLink`); data objects take no part in the flow.

>>> pm = ProcessMap("order", "Order", lanes=(Lane("sales", "Sales"),),
...     nodes=(Node("s", "start"), Node("t", "task", "Take order", lane="sales", working_time=0.5),
...            Node("e", "end")),
...     flows=(Flow("s", "t"), Flow("t", "e")))
>>> sorted(pm.graph().edges)
[('s', 't'), ('t', 'e')]
>>> pm.node("t").name, [n.id for n in pm.starts()]
('Take order', ['s'])
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import networkx as nx

from crm_impl.i18n import is_chinese

__all__ = [
    "NODE_KINDS",
    "FLOW_NODE_KINDS",
    "TASK",
    "START",
    "END",
    "EXCLUSIVE",
    "PARALLEL",
    "INTERMEDIATE",
    "DATA",
    "CHANNELS",
    "Lane",
    "Node",
    "Flow",
    "DataLink",
    "ProcessMap",
]

START, END, TASK, EXCLUSIVE, PARALLEL, INTERMEDIATE, DATA = (
    "start", "end", "task", "exclusive", "parallel", "intermediate", "data")
#: Every kind of node, in the order a legend lists them.
NODE_KINDS: tuple[str, ...] = (START, TASK, EXCLUSIVE, PARALLEL, INTERMEDIATE, END, DATA)
#: The kinds that sequence flows connect (everything but data objects).
FLOW_NODE_KINDS: frozenset[str] = frozenset(NODE_KINDS) - {DATA}
#: The channels the methodology names; a map may use any other word too.
CHANNELS: tuple[str, ...] = ("phone", "fax", "web", "email", "store", "mobile", "field", "post")


def _display(name: str, name_zh: str, fallback: str, locale: object) -> str:
    return (name_zh if name_zh and is_chinese(locale) else name) or fallback


@dataclass(frozen=True)
class Lane:
    """A role or a department; tasks sit in one lane."""

    key: str
    name: str = ""
    name_zh: str = ""

    def display_name(self, locale: object = None) -> str:
        """The Chinese name for a Chinese reader when there is one, else the name (else the key)."""
        return _display(self.name, self.name_zh, self.key, locale)


@dataclass(frozen=True)
class Node:
    """A node of the map; see the module's docstring for what each field means per kind."""

    id: str
    kind: str
    name: str = ""
    lane: str | None = None
    working_time: float = 0.0
    waiting_time: float = 0.0
    cost: float = 0.0
    value_adding: bool = False
    automated: bool = False
    channel: str | None = None
    #: Start events: the share of cases entering here (``None``: equal shares).
    share: float | None = None
    #: End events: whether ending here is a good outcome.
    success: bool = False
    name_zh: str = ""

    @property
    def label(self) -> str:
        """The name, or the id when the node has none."""
        return self.name or self.id

    def display_name(self, locale: object = None) -> str:
        """The Chinese name for a Chinese reader when there is one, else the name (else the id).

        >>> Node("C1", "task", "Check for vacant rooms", name_zh="检查是否有空房间").display_name("zh_Hans")
        '检查是否有空房间'
        """
        return _display(self.name, self.name_zh, self.id, locale)


@dataclass(frozen=True)
class Flow:
    """A sequence flow; ``probability`` is the chance of taking it out of an exclusive gateway."""

    source: str
    target: str
    label: str = ""
    probability: float | None = None
    #: The flow's id in a BPMN file (``Flow_<source>_<target>`` when none is given).
    id: str | None = None
    #: The probability is an assumption (:func:`~crm_impl.processes.validate.assume_probabilities`
    #: gave it when the diagram was saved without one) until someone sets or confirms it.
    assumed: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return self.source, self.target

    @property
    def flow_id(self) -> str:
        return self.id or f"Flow_{self.source}_{self.target}"


@dataclass(frozen=True)
class DataLink:
    """A task reads (``direction="in"``) or writes (``"out"``) a data object."""

    node: str
    data: str
    direction: str = "out"


@dataclass(frozen=True)
class ProcessMap:
    """One process map (an as-is or a to-be version of a process)."""

    key: str
    name: str = ""
    lanes: tuple[Lane, ...] = ()
    nodes: tuple[Node, ...] = ()
    flows: tuple[Flow, ...] = ()
    data_links: tuple[DataLink, ...] = ()
    name_zh: str = ""
    _index: dict[str, Node] = field(init=False, repr=False, compare=False, hash=False, default_factory=dict)
    _out: dict[str, list[Flow]] = field(init=False, repr=False, compare=False, hash=False, default_factory=dict)
    _in: dict[str, list[Flow]] = field(init=False, repr=False, compare=False, hash=False, default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("lanes", "nodes", "flows", "data_links"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "_index", {node.id: node for node in self.nodes})
        for flow in self.flows:
            self._out.setdefault(flow.source, []).append(flow)
            self._in.setdefault(flow.target, []).append(flow)

    def display_name(self, locale: object = None) -> str:
        return _display(self.name, self.name_zh, self.key, locale)

    def node(self, node_id: str) -> Node:
        """The node ``node_id`` (``KeyError`` if there is none)."""
        return self._index[node_id]

    def has_node(self, node_id: str) -> bool:
        return node_id in self._index

    def lane(self, key: str) -> Lane | None:
        return next((lane for lane in self.lanes if lane.key == key), None)

    def of_kind(self, *kinds: str) -> list[Node]:
        return [node for node in self.nodes if node.kind in kinds]

    def starts(self) -> list[Node]:
        return self.of_kind(START)

    def ends(self) -> list[Node]:
        return self.of_kind(END)

    def tasks(self) -> list[Node]:
        return self.of_kind(TASK)

    def flow(self, source: str, target: str) -> Flow | None:
        return next((f for f in self._out.get(source, ()) if f.target == target), None)

    def outgoing(self, node_id: str) -> list[Flow]:
        """The flows leaving ``node_id``, in the map's order."""
        return list(self._out.get(node_id, ()))

    def incoming(self, node_id: str) -> list[Flow]:
        """The flows entering ``node_id``, in the map's order."""
        return list(self._in.get(node_id, ()))

    def graph(self) -> nx.DiGraph:
        """Flow nodes (attribute ``node``) and sequence flows (attribute ``flow``) between them."""
        return self._graph.copy()

    @cached_property
    def _graph(self) -> nx.DiGraph:
        graph = nx.DiGraph()
        for node in self.nodes:
            if node.kind in FLOW_NODE_KINDS:
                graph.add_node(node.id, node=node)
        for flow in self.flows:
            if flow.source in graph and flow.target in graph:
                graph.add_edge(flow.source, flow.target, flow=flow)
        return graph

    def effective_lanes(self) -> dict[str, str | None]:
        """Each flow node's lane; a node drawn outside every lane (a gateway, an event) takes the
        lane of the node it follows, so hand-offs are counted between people, not shapes.

        >>> pm = ProcessMap("m", nodes=(Node("s", "start", lane="a"), Node("g", "exclusive"),
        ...     Node("t", "task", lane="b"), Node("e", "end")),
        ...     flows=(Flow("s", "g"), Flow("g", "t"), Flow("t", "e")))
        >>> pm.effective_lanes()
        {'s': 'a', 'g': 'a', 't': 'b', 'e': 'b'}
        """
        graph = self._graph
        lanes: dict[str, str | None] = {n.id: n.lane for n in self.nodes if n.kind in FLOW_NODE_KINDS}
        queue = [n for n, lane in lanes.items() if lane]
        while queue:
            current = queue.pop(0)
            for succ in graph.successors(current):
                if lanes[succ] is None:
                    lanes[succ] = lanes[current]
                    queue.append(succ)
        return lanes

    def with_nodes(self, nodes: Iterable[Node]) -> ProcessMap:
        """A copy with ``nodes`` replacing those of the same id (others kept)."""
        new = {node.id: node for node in nodes}
        return ProcessMap(self.key, self.name, self.lanes, tuple(new.pop(n.id, n) for n in self.nodes) + tuple(new.values()),
                          self.flows, self.data_links, self.name_zh)

    def copied(self, key: str, name: str = "", name_zh: str = "") -> ProcessMap:
        """This map under another key and name — how a to-be map starts from its as-is map (node ids
        are kept, so the diff of the two reads as changes, not as a new map).

        >>> ProcessMap("order_as_is", "Order (as-is)").copied("order_to_be", "Order (to-be)").key
        'order_to_be'
        """
        return ProcessMap(key, name or self.name, self.lanes, self.nodes, self.flows, self.data_links,
                          name_zh or self.name_zh)

    def __iter__(self) -> Iterator[Node]:
        return iter(self.nodes)
