"""Where the shapes of a process map go in a BPMN diagram: a layered layout in swim lanes.

Columns follow the flow (a node's column is the longest path to it from a start event, ignoring
the flows that loop back); each lane is a horizontal band holding its nodes, stacked in rows
where two share a column; data objects sit below the task that uses them.  A flow leaves the
right side of its source and enters the left side of its target with right-angled bends, through
the free gaps between columns and rows so it never crosses a shape; a flow that loops back runs
below both shapes.  Units are BPMN DI pixels, bpmn.io's default sizes.

>>> from crm_impl.processes.model import Flow, Lane, Node, ProcessMap
>>> pm = ProcessMap("m", lanes=(Lane("a"), Lane("b")), nodes=(Node("s", "start", lane="a"),
...     Node("t", "task", lane="b"), Node("e", "end", lane="b")), flows=(Flow("s", "t"), Flow("t", "e")))
>>> layout = layered_lane_layout(pm)
>>> layout.shapes["t"], layout.lanes["b"].y > layout.lanes["a"].y
(Bounds(x=370, y=260, width=100, height=80), True)
>>> layout.edges["Flow_s_t"]
[(288, 140), (358, 140), (358, 300), (370, 300)]
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


class _Router:
    """Right-angled paths between shapes that pass through no other shape.

    A forward flow leaves its source's right side and turns in the free gap left of its target's
    column; when the source's row is blocked on the way, it runs along the target's row, and when
    that is blocked too, along the free channel between rows nearest to both.  A flow looping back
    runs below both shapes along the first free channel.
    """

    #: The free strip right and left of the widest shape a column holds (a task).
    REACH = SIZES["task"][0] // 2 + 12

    #: The side of a cell of the grid that finds the shapes near a segment.
    CELL = 100

    def __init__(self, shapes: dict[str, Bounds]) -> None:
        self.shapes = shapes
        self.grid: dict[tuple[int, int], list[str]] = {}
        for node, b in shapes.items():
            for cx in range(b.x // self.CELL, b.right // self.CELL + 1):
                for cy in range(b.y // self.CELL, b.bottom // self.CELL + 1):
                    self.grid.setdefault((cx, cy), []).append(node)

    def _near(self, x0: int, y0: int, x1: int, y1: int) -> set[str]:
        cell = self.CELL
        return {node for cx in range(min(x0, x1) // cell, max(x0, x1) // cell + 1)
                for cy in range(min(y0, y1) // cell, max(y0, y1) // cell + 1) for node in self.grid.get((cx, cy), ())}

    def _clear(self, y: int, x0: int, x1: int, ends: tuple[str, str]) -> bool:
        low, high = min(x0, x1), max(x0, x1)
        return not any(node not in ends and (b := self.shapes[node]).y <= y <= b.bottom and b.x < high and low < b.right
                       for node in self._near(low, y, high, y))

    def _clear_vertical(self, x: int, y0: int, y1: int, ends: tuple[str, str]) -> bool:
        low, high = min(y0, y1), max(y0, y1)
        return not any(node not in ends and (b := self.shapes[node]).x <= x <= b.right and b.y < high and low < b.bottom
                       for node in self._near(x, low, x, high))

    def route(self, s: Bounds, t: Bounds, back: bool, channels: list[int],
              ends: tuple[str, str]) -> list[tuple[int, int]]:
        (sx, sy), (tx, ty) = s.centre, t.centre
        if back or t.x <= s.x:
            low = max(s.bottom, t.bottom)
            below = next((c for c in channels if c > low and self._clear(c, sx, tx, ends)
                          and self._clear_vertical(sx, s.bottom, c, ends) and self._clear_vertical(tx, t.bottom, c, ends)),
                         None)
            if below is not None:
                return [(sx, s.bottom), (sx, below), (tx, below), (tx, t.bottom)]
            # leave right, run back along a free channel, enter the target from the left
            out, into = sx + self.REACH, tx - self.REACH
            free = [c for c in channels if self._clear(c, out, into, ends)
                    and self._clear_vertical(out, sy, c, ends) and self._clear_vertical(into, c, ty, ends)]
            y = min(free, key=lambda c: (abs(c - sy) + abs(c - ty), c)) if free else low + 25
            return [(s.right, sy), (out, sy), (out, y), (into, y), (into, ty), (t.x, ty)]
        turn_in = tx - self.REACH if tx - self.REACH > s.right else (s.right + t.x) // 2
        turn_out = sx + self.REACH if sx + self.REACH < t.x else (s.right + t.x) // 2
        if sy == ty and self._clear(sy, s.right, t.x, ends):
            return [(s.right, sy), (t.x, ty)]
        if self._clear(sy, s.right, turn_in, ends) and self._clear_vertical(turn_in, sy, ty, ends):
            return [(s.right, sy), (turn_in, sy), (turn_in, ty), (t.x, ty)]
        if self._clear(ty, turn_out, t.x, ends) and self._clear_vertical(turn_out, sy, ty, ends):
            return [(s.right, sy), (turn_out, sy), (turn_out, ty), (t.x, ty)]
        free = [c for c in channels if self._clear(c, turn_out, turn_in, ends)
                and self._clear_vertical(turn_out, sy, c, ends) and self._clear_vertical(turn_in, c, ty, ends)]
        y = min(free, key=lambda c: (abs(c - sy) + abs(c - ty), c)) if free else max(s.bottom, t.bottom) + 25
        return [(s.right, sy), (turn_out, sy), (turn_out, y), (turn_in, y), (turn_in, ty), (t.x, ty)]


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
    # horizontal lines no shape touches: the gaps between rows (and above the first row) of each band
    channels = sorted({band.y + LANE_PADDING // 2 + k * ROW_HEIGHT + (LANE_PADDING // 2 if k else 0)
                       for key, band in band_bounds.items() for k in range(band_rows[key] + 1)})
    router = _Router(shapes)
    edges = {flow.flow_id: router.route(shapes[flow.source], shapes[flow.target], flow.key in back, channels,
                                        (flow.source, flow.target))
             for flow in pm.flows}
    for index, link in enumerate(pm.data_links):
        task, data = shapes[link.node], shapes[link.data]
        points = [(task.centre[0], task.bottom), (data.centre[0], data.y)] if data.y >= task.bottom \
            else [task.centre, data.centre]
        edges[f"DataLink_{index}"] = points if link.direction == "out" else points[::-1]
    return DiagramLayout(shapes, edges, {k: b for k, b in band_bounds.items() if k is not None}, pool, labels)
