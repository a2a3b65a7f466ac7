"""The network (PERT) diagram of a scheduled plan: activity on node."""

from __future__ import annotations

import plotly.graph_objects as go

from crm_impl.charts.network_layout import BOX_H, BOX_W, COLUMN_PITCH, layered_layout
from crm_impl.charts.style import COLORS, arrow, esc, labels, num, short
from crm_impl.schedule.plan import ScheduledPlan

__all__ = ["network_figure"]

#: Columns in view when the diagram opens (each about 200 px wide on a laptop screen).
VISIBLE_COLUMNS = 6


def network_figure(scheduled: ScheduledPlan, *, locale: str = "en", title: str | None = None) -> go.Figure:
    """Activity-on-node network: one box per task with its id and name, duration, first and last
    day and total slack, laid out in columns by :func:`~crm_impl.charts.network_layout.layered_layout`
    so that no link runs through a box.

    Critical boxes and the driving links between them are red; links other than plain FS carry
    their type and lag.  The figure pans and zooms; it is as wide as its card.
    """
    text = labels(locale)
    tasks = scheduled.tasks
    links = scheduled.plan.links
    layout = layered_layout([t.id for t in tasks], [(link.pred, link.succ) for link in links])
    pos = layout.centres
    driving = set(scheduled.schedule.driving_links().tolist())
    half_w, half_h = BOX_W / 2, BOX_H / 2
    fig = go.Figure()
    # The boxes are set in one go, like the arrows: plotly checks the whole list at every add_shape.
    boxes = [
        {
            "type": "rect", "x0": pos[task.id][0] - half_w, "x1": pos[task.id][0] + half_w,
            "y0": pos[task.id][1] - half_h, "y1": pos[task.id][1] + half_h,
            "line": {"color": COLORS["critical"] if task.critical else COLORS["task"],
                     "width": 2 if task.critical else 1},
            "fillcolor": COLORS["critical_fill"] if task.critical else COLORS["node_fill"],
            "layer": "below", "name": task.id,
        }
        for task in tasks
    ]
    fig.update_layout(shapes=boxes)
    # Links first (under the text): one line trace for the ordinary links, one for the driving.
    for critical, color, width in ((False, COLORS["link"], 1), (True, COLORS["critical"], 2)):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for i, path in enumerate(layout.paths):
            if (i in driving) is critical:
                xs += [x for x, _ in path] + [None]
                ys += [y for _, y in path] + [None]
        if xs:
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": color, "width": width},
                                     hoverinfo="skip", showlegend=False, name="links"))
    # Arrow heads on the last segment of each link.
    heads = [arrow(path[-2], path[-1], critical=i in driving, width=(1, 2)) for i, path in enumerate(layout.paths)]
    fig.update_layout(annotations=heads)
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
                    f"<b>{esc(t.id)}</b> {esc(short(t.label(locale), 22))}"
                    f"<br>{num(t.duration)} {text['days']} · {t.start:%m-%d} – {t.finish:%m-%d}"
                    f"<br>ES {num(t.es)} · EF {num(t.ef)} · {text['slack']} {num(t.total_slack)}"
                    for t in group
                ],
                textfont={"size": 10, "color": color},
                customdata=[[esc(t.label(locale)), num(t.duration), num(t.ls), num(t.lf), t.start.isoformat(),
                             t.finish.isoformat()] for t in group],
                hovertemplate=(
                    f"<b>%{{customdata[0]}}</b><br>{text['duration']}: %{{customdata[1]}}"
                    f" · %{{customdata[4]}} – %{{customdata[5]}}"
                    f"<br>LS %{{customdata[2]}} · LF %{{customdata[3]}}<extra></extra>"
                ),
            )
        )
    label_x, label_y, label_text = [], [], []
    for link, path in zip(links, layout.paths):
        if link.type != "FS" or link.lag:
            (x0, y0), (x1, y1) = path[0], path[1]
            label_x.append((x0 + x1) / 2)
            label_y.append((y0 + y1) / 2)
            label_text.append(f"{link.type}{link.lag:+d}" if link.lag else link.type)
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
    xs = [x for x, _ in pos.values()] or [0.0]
    ys = [y for _, y in pos.values()] or [0.0]
    rows = (max(ys) - min(ys)) / (BOX_H + 0.35) + 1
    fig.update_layout(
        title=title if title is not None else text["network_title"],
        height=int(min(1400, max(420, 90 * rows + 140))),
        margin={"l": 10, "r": 10, "t": 60, "b": 10},
        # Readable from the start: about six columns in view, the rest a drag (or a double click) away.
        xaxis={"visible": False, "range": [min(xs) - half_w - 0.3,
                                           min(max(xs), min(xs) + (VISIBLE_COLUMNS - 1) * COLUMN_PITCH) + half_w + 0.3]},
        yaxis={"visible": False, "range": [min(ys) - half_h - 0.3, max(ys) + half_h + 0.3]},
        dragmode="pan",
        plot_bgcolor="#ffffff",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
    )
    return fig
