"""Where the shapes of a process map go in a BPMN diagram: a layered layout in swim lanes.

Columns follow the flow (a node's column is the longest path to it from a start event, ignoring
the flows that loop back); each lane is a horizontal band holding its nodes, stacked in rows
where two share a column; data objects sit below the task that uses them.  A flow leaves the
right side of its source and enters the left side of its target with right-angled bends (turning
just before the target); a flow
that loops back runs below both shapes.  Units are BPMN DI pixels, bpmn.io's default sizes.

>>> from crm_impl.processes.model import Flow, Lane, Node, ProcessMap
>>> pm = ProcessMap("m", lanes=(Lane("a"), Lane("b")), nodes=(Node("s", "start", lane="a"),
...     Node("t", "task", lane="b"), Node("e", "end", lane="b")), flows=(Flow("s", "t"), Flow("t", "e")))
>>> layout = layered_lane_layout(pm)
>>> layout.shapes["t"], layout.lanes["b"].y > layout.lanes["a"].y
(Bounds(x=370, y=260, width=100, height=80), True)
>>> layout.edges["Flow_s_t"]
[(288, 140), (350, 140), (350, 300), (370, 300)]
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from crm_impl.processes.model import DATA, END, EXCLUSIVE, INTERMEDIATE, PARALLEL, START, ProcessMap

__all__ = ["Bounds", "DiagramLayout", "SIZES", "layered_lane_layout"]

#: Width and height of each kind of shape (bpmn.io's defaults).
SIZES: dict[str, tuple[int, int]] = {
    START: (36, 36), END: (36, 36), INTERMEDIATE: (36, 36), EXCLUSIVE: (50, 50), PARALLEL: (50, 50),
    DATA: (36, 50), "task": (100, 80),
}
POOL_X, POOL_Y = 120, 60
#: The pool's name band, a lane's name band, the gap before the first column.
POOL_HEADER, LANE_HEADER, LEFT_GAP = 30, 30, 40
COLUMN_WIDTH, ROW_HEIGHT, LANE_PADDING = 150, 120, 20
LABEL_HEIGHT = 14


@dataclass(frozen=True)
class Bounds:
    x: int
    y: int
    width: int
    height: int

    @property
    def centre(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height


@dataclass(frozen=True)
class DiagramLayout:
    """Shapes by node id, waypoints by flow id (and data link id), lane bands by key, the pool."""

    shapes: dict[str, Bounds]
    edges: dict[str, list[tuple[int, int]]]
    lanes: dict[str, Bounds]
    pool: Bounds
    #: Label boxes of events, gateways and data objects (drawn outside the shape).
    labels: dict[str, Bounds]


def _columns(pm: ProcessMap) -> tuple[dict[str, int], set[tuple[str, str]]]:
    """Each flow node's column and the flows that loop back (drawn below)."""
    graph = pm.graph()
    back: set[tuple[str, str]] = set()
    state: dict[str, int] = {}
    roots = [n.id for n in pm.starts()] + [n for n in graph if graph.in_degree(n) == 0] + list(graph)
    for root in roots:
        if root in state:
            continue
        stack = [(root, iter(graph.successors(root)))]
        state[root] = 1
        while stack:
            node, successors = stack[-1]
            for succ in successors:
                if state.get(succ) == 1:
                    back.add((node, succ))
                elif succ not in state:
                    state[succ] = 1
                    stack.append((succ, iter(graph.successors(succ))))
                    break
            else:
                state[node] = 2
                stack.pop()
    dag = nx.DiGraph()
    dag.add_nodes_from(graph)
    dag.add_edges_from(e for e in graph.edges if e not in back)
    column: dict[str, int] = {}
    for node in nx.topological_sort(dag):
        column[node] = max((column[p] + 1 for p in dag.predecessors(node)), default=0)
    return column, back


def layered_lane_layout(pm: ProcessMap) -> DiagramLayout:
    """Lay ``pm`` out in its lanes (nodes in no lane share a band above the lanes)."""
    column, back = _columns(pm)
    data_links = {}
    for link in pm.data_links:
        data_links.setdefault(link.data, link.node)
    for node in pm.of_kind(DATA):
        owner = data_links.get(node.id)
        column[node.id] = column.get(owner, 0) if owner else 0
    lanes = pm.effective_lanes()
    for node in pm.of_kind(DATA):
        owner = data_links.get(node.id)
        lanes[node.id] = node.lane or (lanes.get(owner) if owner else None)
    bands: list[str | None] = ([None] if any(lanes.get(n.id) is None for n in pm.nodes) or not pm.lanes else []) \
        + [lane.key for lane in pm.lanes]
    # rows: flow nodes first (in map order), then data objects under them
    rows: dict[str, int] = {}
    taken: dict[tuple[str | None, int], int] = {}
    for node in sorted(pm.nodes, key=lambda n: n.kind == DATA):
        cell = (lanes.get(node.id), column[node.id])
        rows[node.id] = taken.get(cell, 0)
        taken[cell] = rows[node.id] + 1
    band_rows = {band: max([rows[n.id] + 1 for n in pm.nodes if lanes.get(n.id) == band], default=1) for band in bands}
    width = LANE_HEADER + LEFT_GAP + (max(column.values(), default=0) + 1) * COLUMN_WIDTH
    lane_x = POOL_X + POOL_HEADER
    band_bounds: dict[str | None, Bounds] = {}
    y = POOL_Y
    for band in bands:
        height = band_rows[band] * ROW_HEIGHT + 2 * LANE_PADDING
        band_bounds[band] = Bounds(lane_x, y, width, height)
        y += height
    pool = Bounds(POOL_X, POOL_Y, POOL_HEADER + width, y - POOL_Y)
    shapes: dict[str, Bounds] = {}
    labels: dict[str, Bounds] = {}
    for node in pm.nodes:
        w, h = SIZES.get(node.kind, SIZES["task"])
        band = band_bounds[lanes.get(node.id)]
        cx = lane_x + LANE_HEADER + LEFT_GAP + column[node.id] * COLUMN_WIDTH + COLUMN_WIDTH // 2 - 25
        cy = band.y + LANE_PADDING + rows[node.id] * ROW_HEIGHT + ROW_HEIGHT // 2
        shapes[node.id] = Bounds(cx - w // 2, cy - h // 2, w, h)
        if node.kind != "task" and node.name:
            label_width = min(120, max(40, 7 * len(node.name)))
            labels[node.id] = Bounds(cx - label_width // 2, cy + h // 2 + 5, label_width, LABEL_HEIGHT)
    edges: dict[str, list[tuple[int, int]]] = {}
    for flow in pm.flows:
        s, t = shapes[flow.source], shapes[flow.target]
        (sx, sy), (tx, ty) = s.centre, t.centre
        if flow.key in back or t.x <= s.x:
            below = max(s.bottom, t.bottom) + 25
            edges[flow.flow_id] = [(sx, s.bottom), (sx, below), (tx, below), (tx, t.bottom)]
        elif sy == ty:
            edges[flow.flow_id] = [(s.right, sy), (t.x, ty)]
        else:
            # bend just before the target, so a flow that skips columns runs along its source's
            # row (free in the source's lane) rather than through the boxes of the columns between
            # (left of the widest shape the target's column may hold, a task)
            middle = min(t.x - 20, tx - SIZES["task"][0] // 2 - 12)
            middle = middle if middle > s.right else (s.right + t.x) // 2
            edges[flow.flow_id] = [(s.right, sy), (middle, sy), (middle, ty), (t.x, ty)]
    for index, link in enumerate(pm.data_links):
        task, data = shapes[link.node], shapes[link.data]
        points = [(task.centre[0], task.bottom), (data.centre[0], data.y)] if data.y >= task.bottom \
            else [task.centre, data.centre]
        edges[f"DataLink_{index}"] = points if link.direction == "out" else points[::-1]
    return DiagramLayout(shapes, edges, {k: b for k, b in band_bounds.items() if k is not None}, pool, labels)
