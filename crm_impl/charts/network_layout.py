"""Where the boxes and links of a network diagram go: a layered (Sugiyama) layout by grandalf.

Tasks sit in columns by their rank (left to right along the links), each phase in columns of
its own: a phase's first tasks start in the column after the last one of the phase before, so
each phase is a band of columns that holds its boxes and no other phase's.  (Phases that link
backwards — a task of a later phase before one of an earlier phase — share one band.)  grandalf
orders each column to reduce crossings and gives every link that skips columns a *dummy* slot in
each column it passes, with room reserved like a box's.  A link is then drawn as a polyline that
crosses the gaps between columns diagonally and each column it passes horizontally through its
own slot, so it never runs through a box; boxes never overlap.  Units are abstract: a box is
``BOX_W`` wide and ``BOX_H`` high.

The layout depends only on the tasks, their phases and the links between them, not on
durations or dates: :func:`layout_key` names it, so a page can keep it between requests.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

__all__ = ["BOX_W", "BOX_H", "COLUMN_GAP", "COLUMN_PITCH", "Band", "NetworkLayout", "layered_layout", "layout_key"]

#: A box's width (along the links) and height.
BOX_W, BOX_H = 3.6, 1.8
#: Gap between columns, between boxes of a column, and the slot a passing link takes.
COLUMN_GAP, ROW_GAP, LINK_SLOT = 1.6, 0.35, 0.3
#: From one column to the next.
COLUMN_PITCH = BOX_W + COLUMN_GAP
#: Gap between separate parts of a network (tasks with no link between them).
PART_GAP = 1.5
#: The level stretch at the end of every link, where its arrow head sits.
ARRIVAL = 0.3
#: Bumped whenever the layout's rules change, so no layout kept by an older version is reused.
LAYOUT_VERSION = 2


@dataclass(frozen=True)
class Band:
    """The columns of one phase (or of phases linked both ways), from ``x0`` to ``x1``."""

    phases: tuple[str, ...]
    x0: float
    x1: float


@dataclass(frozen=True)
class NetworkLayout:
    """Box centres by task id; per link (in the order given) the points of its polyline from the
    predecessor's right side to the successor's left side, ending level; the phases' bands."""

    centres: dict[str, tuple[float, float]]
    paths: list[list[tuple[float, float]]]
    bands: tuple[Band, ...] = field(default=())


def layout_key(ids: Sequence[str], links: Sequence[tuple[str, str]],
               phase_of: Mapping[str, str] | None = None, phases: Sequence[str] = ()) -> str:
    """A digest of everything the layout depends on: the same key, the same layout."""
    shape = [LAYOUT_VERSION, list(ids), [list(link) for link in links],
             [phase_of.get(i, "") for i in ids] if phase_of else [], list(phases)]
    return hashlib.sha256(json.dumps(shape, separators=(",", ":")).encode()).hexdigest()


class _View:
    """What grandalf reads and writes on a vertex or an edge."""

    def __init__(self, w: float = 0.0, h: float = 0.0) -> None:
        self.w, self.h = w, h
        self.xy = (0.0, 0.0)
        self.path: list[tuple[float, float]] = []

    def setpath(self, points: list[tuple[float, float]]) -> None:
        self.path = list(points)


def _groups(ids: Sequence[str], links: Sequence[tuple[str, str]], phase_of: Mapping[str, str],
            phases: Sequence[str]) -> tuple[list[tuple[str, ...]], dict[str, int]]:
    """The phases that have tasks, in plan order, gathered into bands: a link from a later phase
    back to an earlier one puts both (and those between) in one band.  Returns the bands and
    each task's band number."""
    order = [key for key in phases]
    for task_id in ids:  # a phase the plan does not list goes last
        if phase_of[task_id] not in order:
            order.append(phase_of[task_id])
    used = {phase_of[task_id] for task_id in ids}
    order = [key for key in order if key in used]
    index = {key: i for i, key in enumerate(order)}
    reach = list(range(len(order)))
    for pred, succ in links:
        a, b = index[phase_of[pred]], index[phase_of[succ]]
        if a > b:
            reach[b] = max(reach[b], a)
    groups: list[tuple[str, ...]] = []
    number: dict[str, int] = {}
    start = 0
    while start < len(order):
        end, k = reach[start], start
        while k <= end:
            end = max(end, reach[k])
            k += 1
        for key in order[start:end + 1]:
            number[key] = len(groups)
        groups.append(tuple(order[start:end + 1]))
        start = end + 1
    return groups, {task_id: number[phase_of[task_id]] for task_id in ids}


def _ranks(ids: Sequence[str], links: Sequence[tuple[str, str]], band: Mapping[str, int]) -> dict[str, int]:
    """Each task's column: after its predecessors, and not before its band's first column (the
    one after the last column of the band before)."""
    preds: dict[str, list[str]] = {task_id: [] for task_id in ids}
    succs: dict[str, list[str]] = {task_id: [] for task_id in ids}
    for pred, succ in links:
        preds[succ].append(pred)
        succs[pred].append(succ)
    # Kahn's order, band by band (every link runs within a band or to a later one).
    waiting = {task_id: len(preds[task_id]) for task_id in ids}
    position = {task_id: i for i, task_id in enumerate(ids)}
    import heapq

    ready = [(band[t], position[t], t) for t in ids if not waiting[t]]
    heapq.heapify(ready)
    rank: dict[str, int] = {}
    current, floor, last = -1, 0, -1
    while ready:
        number, _, task_id = heapq.heappop(ready)
        if number != current:
            current, floor = number, last + 1
        rank[task_id] = max([floor] + [rank[p] + 1 for p in preds[task_id]])
        last = max(last, rank[task_id])
        for succ in succs[task_id]:
            waiting[succ] -= 1
            if not waiting[succ]:
                heapq.heappush(ready, (band[succ], position[succ], succ))
    if len(rank) != len(ids):
        raise ValueError("the links form a cycle")
    return rank


def layered_layout(ids: Sequence[str], links: Sequence[tuple[str, str]],
                   phase_of: Mapping[str, str] | None = None, phases: Sequence[str] = ()) -> NetworkLayout:
    """Lay out the tasks ``ids`` and the links ``(pred, succ)`` between them (no cycle); with
    ``phase_of`` (each task's phase) and ``phases`` (their plan order), each phase in a band of
    columns of its own."""
    from grandalf.graphs import Edge, Vertex, graph_core
    from grandalf.layouts import DummyVertex, Layer, SugiyamaLayout
    from grandalf.utils.poset import Poset
    import networkx as nx

    phase_of = phase_of or {task_id: "" for task_id in ids}
    groups, band = _groups(ids, links, phase_of, phases)
    rank = _ranks(ids, links, band)

    class Column(Layer):
        """grandalf's layer, equal only to itself: grandalf finds a layer's rank with
        ``layers.index(layer)``, which compared whole lists (quadratic in the columns)."""

        __hash__ = object.__hash__

        def __eq__(self, other):
            return self is other

    class Layered(SugiyamaLayout):
        """grandalf's layout with the columns given (not its longest-path ranks, which know no
        phases) and its alignment conflicts in a set (it searched a list for each pair: quadratic)."""

        def rank_all(self, roots, optimize=False):
            low = min(rank[v.data] for v in self.g.sV)
            self.low = low
            self.layers = [Column([]) for _ in range(max(rank[v.data] for v in self.g.sV) - low + 1)]
            for vertex in self.g.sV:
                self.grx[vertex].rank = rank[vertex.data] - low
                self.layers[rank[vertex.data] - low].append(vertex)

        def _detect_alignment_conflicts(self):
            super()._detect_alignment_conflicts()
            self.conflicts = set(self.conflicts)

    def core(members, part_edges):
        """A grandalf graph of one connected part, without grandalf's own check that it is
        connected (networkx found the parts; the check compares sets per vertex: quadratic)."""
        graph = graph_core.__new__(graph_core)
        graph.directed, graph.sV, graph.sE, graph.degenerated_edges = True, Poset(members), Poset([]), set()
        for edge in part_edges:
            graph.sE.add(edge)
            edge.attach()
        for vertex in members:
            vertex.c = graph
        return graph

    vertices = {task_id: Vertex(task_id) for task_id in ids}
    for vertex in vertices.values():
        # grandalf lays ranks out top to bottom: its w is our height, its h our width.
        vertex.view = _View(BOX_H, BOX_W)
    edges = []
    for pred, succ in links:
        edge = Edge(vertices[pred], vertices[succ])
        edge.view = _View()
        edges.append(edge)
    # The parts (tasks linked to each other) found with networkx.
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(links)
    by_task = {}
    for number, component in enumerate(nx.connected_components(graph)):
        for task_id in component:
            by_task[task_id] = number
    members: dict[int, list] = {}
    for task_id in ids:  # plan order within each part, parts in plan order of their first task
        members.setdefault(by_task[task_id], []).append(vertices[task_id])
    part_edges: dict[int, list] = {}
    for edge in edges:
        part_edges.setdefault(by_task[edge.v[0].data], []).append(edge)

    centres: dict[str, tuple[float, float]] = {}
    offset = 0.0  # parts are stacked one under the other
    for k in members:
        part = core(members[k], part_edges.get(k, []))
        layout = Layered(part)
        layout.xspace, layout.yspace = ROW_GAP, COLUMN_GAP
        layout.init_all(roots=[], inverted_edges=[])
        shift = layout.low * COLUMN_PITCH  # the part's first column in the whole diagram
        for vertex in layout.grx:
            if isinstance(vertex, DummyVertex):  # a passing link's slot: thin, as deep as the column
                vertex.view.w, vertex.view.h = LINK_SLOT, BOX_W
        layout.draw(N=3)
        # grandalf's coordinates average four alignments, which can let neighbours touch: keep its
        # order in each column and push apart whatever overlaps, then route the links again.
        for layer in layout.layers:
            bottom = None
            for vertex in sorted(layer, key=lambda v: v.view.xy[0]):
                x, y = vertex.view.xy
                half = vertex.view.w / 2
                if bottom is not None and x - half < bottom + ROW_GAP:
                    x = bottom + ROW_GAP + half
                vertex.view.xy = (x, y)
                bottom = x + half
        layout.draw_edges()
        xs = [v.view.xy[0] for v in part.sV]
        low, high = min(xs) - BOX_H / 2, max(xs) + BOX_H / 2
        for vertex in part.sV:
            x, y = vertex.view.xy
            centres[vertex.data] = (y + shift, -(x - low) - offset)  # ranks left to right, first part on top
        for edge in part.sE:
            edge.view.path = [(y + shift, -(x - low) - offset) for x, y in edge.view.path]
        offset += (high - low) + PART_GAP

    paths = []
    for edge in edges:
        points = edge.view.path or [centres[edge.v[0].data], centres[edge.v[1].data]]
        (x0, y0), (x1, y1) = points[0], points[-1]
        path = [(x0 + BOX_W / 2, y0)]
        for x, y in points[1:-1]:  # through each column it passes, level in its own slot
            path += [(x - BOX_W / 2, y), (x + BOX_W / 2, y)]
        # The last stretch arrives level, so every arrow head points straight into its box.
        path += [(x1 - BOX_W / 2 - ARRIVAL, y1), (x1 - BOX_W / 2, y1)]
        paths.append(path)
    first = -COLUMN_GAP / 2  # a band reaches halfway into the gaps on either side of its columns
    bands = []
    for number, keys in enumerate(groups):
        columns = [rank[t] for t in ids if band[t] == number]
        bands.append(Band(keys, first + min(columns) * COLUMN_PITCH, first + (max(columns) + 1) * COLUMN_PITCH))
    return NetworkLayout(centres, paths, tuple(bands) if phases or any(phase_of.values()) else ())
