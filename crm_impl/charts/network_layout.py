"""Where the boxes and links of a network diagram go: a layered (Sugiyama) layout by grandalf.

Tasks sit in columns by their rank (left to right along the links); grandalf orders each column
to reduce crossings and gives every link that skips columns a *dummy* slot in each column it
passes, with room reserved like a box's.  A link is then drawn as a polyline that crosses the
gaps between columns diagonally and each column it passes horizontally through its own slot, so
it never runs through a box; boxes never overlap.  Units are abstract: a box is ``BOX_W`` wide
and ``BOX_H`` high.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["BOX_W", "BOX_H", "COLUMN_PITCH", "NetworkLayout", "layered_layout"]

#: A box's width (along the links) and height.
BOX_W, BOX_H = 3.2, 1.5
#: Gap between columns, between boxes of a column, and the slot a passing link takes.
COLUMN_GAP, ROW_GAP, LINK_SLOT = 1.6, 0.35, 0.3
#: From one column to the next.
COLUMN_PITCH = BOX_W + COLUMN_GAP
#: Gap between separate parts of a network (tasks with no link between them).
PART_GAP = 1.5


@dataclass(frozen=True)
class NetworkLayout:
    """Box centres by task id and, per link (in the order given), the points of its polyline
    from the predecessor's right side to the successor's left side."""

    centres: dict[str, tuple[float, float]]
    paths: list[list[tuple[float, float]]]


class _View:
    """What grandalf reads and writes on a vertex or an edge."""

    def __init__(self, w: float = 0.0, h: float = 0.0) -> None:
        self.w, self.h = w, h
        self.xy = (0.0, 0.0)
        self.path: list[tuple[float, float]] = []

    def setpath(self, points: list[tuple[float, float]]) -> None:
        self.path = list(points)


def layered_layout(ids: Sequence[str], links: Sequence[tuple[str, str]]) -> NetworkLayout:
    """Lay out the tasks ``ids`` and the links ``(pred, succ)`` between them."""
    from grandalf.graphs import Edge, Vertex, graph_core
    from grandalf.layouts import DummyVertex, SugiyamaLayout

    vertices = {task_id: Vertex(task_id) for task_id in ids}
    for vertex in vertices.values():
        # grandalf lays ranks out top to bottom: its w is our height, its h our width.
        vertex.view = _View(BOX_H, BOX_W)
    edges = []
    for pred, succ in links:
        edge = Edge(vertices[pred], vertices[succ])
        edge.view = _View()
        edges.append(edge)
    # The parts (tasks linked to each other) found with networkx: grandalf's Graph finds them by
    # merging pairs of parts, quadratic in the number of tasks.
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(ids)
    graph.add_edges_from(links)
    by_task = {}
    for number, component in enumerate(nx.connected_components(graph)):
        for task_id in component:
            by_task[task_id] = number
    members: dict[int, list] = {}
    for task_id in ids:  # plan order within each part
        members.setdefault(by_task[task_id], []).append(vertices[task_id])
    part_edges: dict[int, list] = {}
    for edge in edges:
        part_edges.setdefault(by_task[edge.v[0].data], []).append(edge)
    parts = [graph_core(members[k], part_edges.get(k, [])) for k in sorted(members, key=lambda k: ids.index(
        members[k][0].data))]

    centres: dict[str, tuple[float, float]] = {}
    offset = 0.0  # parts are stacked one under the other
    for part in parts:
        layout = SugiyamaLayout(part)
        layout.xspace, layout.yspace = ROW_GAP, COLUMN_GAP
        layout.init_all()
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
            centres[vertex.data] = (y, -(x - low) - offset)  # ranks left to right, first part on top
        for edge in part.sE:
            edge.view.path = [(y, -(x - low) - offset) for x, y in edge.view.path]
        offset += (high - low) + PART_GAP

    paths = []
    for edge in edges:
        points = edge.view.path or [centres[edge.v[0].data], centres[edge.v[1].data]]
        (x0, y0), (x1, y1) = points[0], points[-1]
        path = [(x0 + BOX_W / 2, y0)]
        for x, y in points[1:-1]:  # through each column it passes, level in its own slot
            path += [(x - BOX_W / 2, y), (x + BOX_W / 2, y)]
        path.append((x1 - BOX_W / 2, y1))
        paths.append(path)
    return NetworkLayout(centres, paths)
