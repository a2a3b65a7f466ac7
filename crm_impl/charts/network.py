"""The network (PERT) diagram of a scheduled plan: activity on node."""

from __future__ import annotations

import plotly.graph_objects as go

from crm_impl.charts.network_layout import BOX_H, BOX_W, COLUMN_PITCH, NetworkLayout, layered_layout, layout_key
from crm_impl.charts.style import COLORS, cells, esc, fit, fitting, labels, num
from crm_impl.schedule.plan import ScheduledPlan, ScheduledTask

__all__ = ["network_figure", "network_layout", "network_layout_key", "PX_PER_UNIT", "NAME_CELLS"]

#: Screen pixels per layout unit, across and down alike (the axes keep this ratio when the
#: reader zooms): a box is 166 × 83 px, room for its five lines of 10 px text.
PX_PER_UNIT = 46
#: Character cells of a box's line of text (a Chinese character takes two).
NAME_CELLS = 24
#: The tallest the diagram opens (px of plot); a taller network is a drag or a zoom away.
MAX_PLOT_PX = 860
MIN_PLOT_PX = 300
#: Room above the top boxes for the phases' names.
LABEL_ROOM = 0.7


def _name_lines(task_id: str, name: str) -> tuple[str, str]:
    """The name on two lines of a box, after the bold id on the first, cut by display width
    (a Chinese character is two cells), at a space where there is one."""
    room = NAME_CELLS - cells(task_id) - 2  # the bold id is wider than its cells
    if cells(name) <= room:
        return name, ""
    cut = fitting(name, room)
    space = name.rfind(" ", 0, cut + 1)
    if space > cut // 2:
        cut = space
    return name[:cut].rstrip(), fit(name[cut:].strip(), NAME_CELLS)


def _box_text(task: ScheduledTask, locale: str, text) -> str:
    first, second = _name_lines(task.id, task.label(locale))
    return (f"<b>{esc(task.id)}</b> {esc(first)}<br>{esc(second)}"
            f"<br>{num(task.duration)} {text['days']}<br>{task.start:%m-%d} – {task.finish:%m-%d}"
            f"<br>ES {num(task.es)} · EF {num(task.ef)} · {text['slack']} {num(task.total_slack)}")


def _shape(scheduled: ScheduledPlan) -> tuple[list[str], list[tuple[str, str]], dict[str, str], list[str]]:
    """What the layout depends on: the tasks, the links between them, each task's phase, the phases."""
    plan = scheduled.plan
    return ([t.id for t in scheduled.tasks], [(link.pred, link.succ) for link in plan.links],
            {t.id: t.task.phase for t in scheduled.tasks}, [p.key for p in plan.phases])


def network_layout(scheduled: ScheduledPlan) -> NetworkLayout:
    """Where the boxes and links of the plan's network go (:func:`layered_layout`)."""
    return layered_layout(*_shape(scheduled))


def network_layout_key(scheduled: ScheduledPlan) -> str:
    """A name for the plan's layout: the same for any plan of the same tasks, phases and links
    (durations and dates move no box), so a laid-out network can be kept between requests."""
    return "network-layout:" + layout_key(*_shape(scheduled))


def network_figure(scheduled: ScheduledPlan, *, locale: str = "en", title: str | None = None,
                   layout: NetworkLayout | None = None) -> go.Figure:
    """Activity-on-node network: one box per task with its id and name, duration, first and last
    day and total slack, laid out in columns by :func:`~crm_impl.charts.network_layout.layered_layout`
    so that no link runs through a box, each phase in a labelled band of columns of its own.

    Critical boxes and the driving links between them are red; links other than plain FS carry
    their type and lag.  The figure pans and zooms at a fixed aspect (text stays in its box); it
    is as wide as its card and opens on its top left.  ``layout`` is :func:`network_layout` of
    the plan, laid out here when not given (a page keeps it between requests).
    """
    text = labels(locale)
    tasks = scheduled.tasks
    links = scheduled.plan.links
    layout = layout or network_layout(scheduled)
    pos = layout.centres
    driving = set(scheduled.schedule.driving_links().tolist())
    half_w, half_h = BOX_W / 2, BOX_H / 2
    xs = [x for x, _ in pos.values()] or [0.0]
    ys = [y for _, y in pos.values()] or [0.0]
    bottom, top = min(ys) - half_h - 0.4, max(ys) + half_h + 0.4 + (LABEL_ROOM if layout.bands else 0)
    fig = go.Figure()
    # Phase bands behind the boxes, then the boxes: shapes set in one go (plotly checks the whole
    # list at every add_shape).
    names = {p.key: p.label(locale) for p in scheduled.plan.phases}
    bands, band_labels = [], []
    for number, band in enumerate(layout.bands):
        bands.append({
            "type": "rect", "x0": band.x0, "x1": band.x1, "y0": bottom, "y1": top, "layer": "below",
            "line": {"width": 0}, "fillcolor": COLORS["band"] if number % 2 == 0 else COLORS["band_alt"],
            "name": "phase:" + ",".join(band.phases),
        })
        label = " · ".join(f"{key} {names.get(key, '')}".strip() for key in band.phases)
        room = int((band.x1 - band.x0) * PX_PER_UNIT / 7)  # cells of 11 px text across the band
        band_labels.append({
            "text": f"<b>{esc(fit(label, max(room, 4)))}</b>", "x": band.x0 + 0.15, "xref": "x", "xanchor": "left",
            "y": 1.0, "yref": "paper", "yanchor": "top", "showarrow": False, "font": {"size": 11, "color": "#495057"},
            "bgcolor": "rgba(255,255,255,0.7)", "name": "phase:" + ",".join(band.phases),
        })
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
    fig.update_layout(shapes=bands + boxes, annotations=band_labels)
    # Links (under the text): for the ordinary links and for the driving ones, one line trace and
    # one trace of arrow heads where each link arrives (level) at its successor's box.
    for critical, color, width in ((False, COLORS["link"], 1), (True, COLORS["critical"], 2)):
        line_x: list[float | None] = []
        line_y: list[float | None] = []
        head_x: list[float] = []
        head_y: list[float] = []
        for i, path in enumerate(layout.paths):
            if (i in driving) is critical:
                line_x += [x for x, _ in path] + [None]
                line_y += [y for _, y in path] + [None]
                head_x.append(path[-1][0])
                head_y.append(path[-1][1])
        if line_x:
            fig.add_trace(go.Scatter(x=line_x, y=line_y, mode="lines", line={"color": color, "width": width},
                                     hoverinfo="skip", showlegend=False, name="links"))
            fig.add_trace(go.Scatter(x=head_x, y=head_y, mode="markers", hoverinfo="skip", showlegend=False,
                                     name="arrows", marker={"symbol": "arrow", "angle": 90, "size": 7 + 2 * width,
                                                            "color": color, "line": {"width": 0}}))
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
                text=[_box_text(t, locale, text) for t in group],
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
    # As tall as the network up to MAX_PLOT_PX at PX_PER_UNIT down and across: a box keeps its
    # size whatever the card's width; the reader sees the top left and pans to the rest.
    plot_px = min(MAX_PLOT_PX, max(MIN_PLOT_PX, (top - bottom) * PX_PER_UNIT))
    left = min([band.x0 for band in layout.bands] + [min(xs) - half_w - 0.3])
    # It opens where the network starts: the top of the boxes in its first columns.
    first = [y for x, y in pos.values() if x <= min(xs) + 2 * COLUMN_PITCH] or ys
    view_top = min(top, max(first) + half_h + 0.4 + (LABEL_ROOM if layout.bands else 0))
    view_top = max(view_top, bottom + plot_px / PX_PER_UNIT)
    fig.update_layout(
        title=title if title is not None else text["network_title"],
        height=int(plot_px + 80),
        margin={"l": 10, "r": 10, "t": 70, "b": 10},
        # x follows y's scale (one unit, PX_PER_UNIT px, both ways) from the left edge over the
        # card's width: plotly widens this one-unit range to fit.
        xaxis={"visible": False, "range": [left, left + 1], "scaleanchor": "y", "scaleratio": 1,
               "constrain": "range", "constraintoward": "left"},
        yaxis={"visible": False, "range": [view_top - plot_px / PX_PER_UNIT, view_top]},
        dragmode="pan",
        plot_bgcolor="#ffffff",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 1, "xanchor": "right"},
    )
    return fig
