"""The network (PERT) diagram of a scheduled plan: activity on node."""

from __future__ import annotations

import networkx as nx
import plotly.graph_objects as go

from crm_impl.charts.style import COLORS, arrow, esc, labels, num
from crm_impl.schedule.plan import ScheduledPlan

__all__ = ["network_figure"]


def _layout_nodes(scheduled: ScheduledPlan) -> dict[str, tuple[int, float]]:
    """``id -> (generation, y)``: topological generations left to right, each spread vertically
    in the order of its predecessors' mean height (fewer crossings), then ES, then plan order."""
    tasks = scheduled.tasks
    graph = nx.DiGraph()
    graph.add_nodes_from(t.id for t in tasks)
    graph.add_edges_from((link.pred, link.succ) for link in scheduled.plan.links)
    order = {t.id: i for i, t in enumerate(tasks)}
    es = {t.id: t.es for t in tasks}
    pos: dict[str, tuple[int, float]] = {}
    for g, nodes in enumerate(nx.topological_generations(graph)):
        def key(node: str) -> tuple[float, float, int]:
            heights = [pos[p][1] for p in graph.predecessors(node)]
            return (-(sum(heights) / len(heights)) if heights else 0.0, es[node], order[node])

        nodes = sorted(nodes, key=key)
        for k, node in enumerate(nodes):
            pos[node] = (g, (len(nodes) - 1) / 2 - k)
    return pos


def network_figure(scheduled: ScheduledPlan, *, locale: str = "en", title: str | None = None) -> go.Figure:
    """Activity-on-node network: one box per task with ES/EF/LS/LF and slack.

    Nodes are placed left to right by topological generation; critical nodes and the driving
    links between them are red; links other than plain FS carry their type and lag.
    """
    text = labels(locale)
    tasks = scheduled.tasks
    pos = _layout_nodes(scheduled)
    driving = set(scheduled.schedule.driving_links().tolist())
    half_w, half_h = 0.36, 0.36
    fig = go.Figure()
    # The boxes are set in one go, like the arrows: plotly checks the whole list at every add_shape.
    boxes = [
        {
            "type": "rect", "x0": pos[task.id][0] - half_w, "x1": pos[task.id][0] + half_w,
            "y0": pos[task.id][1] - half_h, "y1": pos[task.id][1] + half_h,
            "line": {"color": COLORS["critical"] if task.critical else COLORS["task"],
                     "width": 2 if task.critical else 1},
            "fillcolor": COLORS["critical_fill"] if task.critical else COLORS["node_fill"],
            "layer": "below",
        }
        for task in tasks
    ]
    fig.update_layout(shapes=boxes)
    kinds = ((False, text["task"], COLORS["task"]), (True, text["critical"], COLORS["critical"]))
    for critical, name, color in kinds:
        group = [t for t in tasks if t.critical is critical]
        if not group:
            continue
        fig.add_trace(
            go.Scatter(
                name=name,
                mode="text",
                x=[pos[t.id][0] for t in group],
                y=[pos[t.id][1] for t in group],
                text=[
                    f"<b>{esc(t.id)}</b><br>ES {num(t.es)} · EF {num(t.ef)}"
                    f"<br>LS {num(t.ls)} · LF {num(t.lf)}<br>{text['slack']} {num(t.total_slack)}"
                    for t in group
                ],
                textfont={"size": 10, "color": color},
                customdata=[[esc(t.label(locale)), num(t.duration)] for t in group],
                hovertemplate=(
                    f"<b>%{{customdata[0]}}</b><br>{text['duration']}: %{{customdata[1]}}<extra></extra>"
                ),
            )
        )
    label_x, label_y, label_text, arrows = [], [], [], []
    for i, link in enumerate(scheduled.plan.links):
        (x0, y0), (x1, y1) = pos[link.pred], pos[link.succ]
        arrows.append(arrow((x0 + half_w, y0), (x1 - half_w, y1), critical=i in driving, width=(1, 2)))
        if link.type != "FS" or link.lag:
            label_x.append((x0 + half_w + x1 - half_w) / 2)
            label_y.append((y0 + y1) / 2)
            label_text.append(f"{link.type}{link.lag:+d}" if link.lag else link.type)
    fig.update_layout(annotations=arrows)
    if label_text:
        fig.add_trace(
            go.Scatter(
                name=text["link_type"],
                mode="text",
                x=label_x,
                y=label_y,
                text=label_text,
                textfont={"size": 9, "color": "#333333"},
                hoverinfo="skip",
                showlegend=False,
            )
        )
    columns = 1 + max((g for g, _ in pos.values()), default=0)
    tallest = max((sum(1 for g2, _ in pos.values() if g2 == g) for g in range(columns)), default=1)
    fig.update_layout(
        title=title if title is not None else text["network_title"],
        width=max(600, 150 * columns + 80),
        height=max(320, 95 * tallest + 140),
        margin={"l": 20, "r": 20, "t": 60, "b": 20},
        xaxis={"visible": False, "range": [-0.6, columns - 0.4]},
        yaxis={"visible": False, "range": [-tallest / 2, tallest / 2]},
        plot_bgcolor="#ffffff",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
    )
    return fig
