"""Charts of the process work (BPR): the fishbone, the Pareto chart, as-is against to-be metrics,
the simulated cycle-time distributions, the swim-lane diagram of a map with its changes, and the
scope quadrant of the candidate processes.  Pure functions of the engine's shapes
(:mod:`crm_impl.processes`); words from the label table in the reader's language.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Protocol

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from crm_impl import i18n
from crm_impl.i18n import is_chinese
from crm_impl.charts.style import COLORS, esc, labels, short
from crm_impl.errors import ValidationError
from crm_impl.processes.diff import MapDiff
from crm_impl.processes.metrics import METRIC_NAMES, ProcessMetrics
from crm_impl.processes.model import ProcessMap
from crm_impl.processes.rootcause import Fishbone, Pareto, pareto
from crm_impl.processes.selection import MANY_DEPARTMENTS, MANY_FUNCTIONS, RankedProcess
from crm_impl.processes.simulation import ProcessSimulation

__all__ = ["PROCESS_COLORS", "PERCENT_METRICS", "DIFF_COLORS", "DiagramGeometry", "fishbone_figure", "pareto_figure",
           "process_comparison_figure", "cycle_time_figure", "swimlane_figure", "scope_quadrant_figure"]

PROCESS_COLORS: dict[str, str] = {
    "vital": COLORS["critical"],
    "other": "#9ecae1",
    "as_is": COLORS["baseline"],
    "to_be": COLORS["task"],
    "spine": "#252525",
    "bone": COLORS["link"],
    "cumulative": COLORS["phase"],
    "cut": COLORS["today"],
}
#: Metrics held as shares 0–1 and drawn as percentages.
PERCENT_METRICS = frozenset({"value_added_ratio", "automation_share", "success_rate"})
#: Series colours of the simulation chart, in order.
_SERIES = (COLORS["baseline"], COLORS["task"], COLORS["target"], COLORS["percentile"])
_SPINE_END = 10.0
_BONE_RISE = 3.0
_BONE_SLANT = 1.5


def _percent(share: float, locale: object) -> str:
    return i18n.format_percentage(share, locale, digits=0)


# --------------------------------------------------------------------------------- fishbone


def _wrap(text: str, width: int) -> str:
    """``text`` escaped and broken into lines of about ``width`` characters (words kept whole;
    text without spaces, such as Chinese, is cut every ``width`` characters).

    >>> _wrap("The refinery's products have a small market share", 20)
    "The refinery's<br>products have a<br>small market share"
    """
    lines, line = [], ""
    for word in text.split(" "):
        while len(word) > width:
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return "<br>".join(esc(item) for item in lines)


def fishbone_figure(fishbone: Fishbone, *, locale: object = "en", title: str | None = None) -> go.Figure:
    """The fishbone: the problem at the head (right), a bone per category (alternately above and
    below the spine), each cause on its bone with its share; the Pareto's vital few in red.

    Traces: ``spine``, ``bones``, ``categories`` (text at the bones' ends), ``causes``.
    """
    text = labels(locale)
    shares = {(row.category, row.cause): row for row in pareto(fishbone).rows}
    categories = fishbone.categories
    slots = max(1, math.ceil(len(categories) / 2))
    pitch = (_SPINE_END - 1) / slots
    bone_x, bone_y, cat_x, cat_y, cat_text = [], [], [], [], []
    cause_x, cause_y, cause_text, cause_colour, cause_hover = [], [], [], [], []
    for index, category in enumerate(categories):
        side = 1 if index % 2 == 0 else -1
        root_x = _SPINE_END - 0.5 - (index // 2) * pitch
        outer = (root_x - _BONE_SLANT, side * _BONE_RISE)
        bone_x += [root_x, outer[0], None]
        bone_y += [0.0, outer[1], None]
        cat_x.append(outer[0])
        cat_y.append(outer[1] + side * 0.35)
        cat_text.append(f"<b>{esc(short(category.display_name(locale), 30))}</b>")
        count = len(category.causes)
        for position, cause in enumerate(category.causes):
            t = (position + 1) / (count + 1)
            cause_x.append(outer[0] + t * (root_x - outer[0]))
            cause_y.append(outer[1] + t * (0.0 - outer[1]))
            row = shares.get((category.name, cause.name))
            share = _percent(row.share, locale) if row else ""
            name = esc(short(cause.display_name(locale), 36))
            cause_text.append(f"{name} ({share})" if share else name)
            cause_colour.append(PROCESS_COLORS["vital"] if row and row.vital else PROCESS_COLORS["bone"])
            cause_hover.append(f"{esc(category.display_name(locale))}: {esc(cause.display_name(locale))}<br>{share}")
    fig = go.Figure([
        go.Scatter(name="spine", x=[0.0, _SPINE_END], y=[0.0, 0.0], mode="lines", hoverinfo="skip",
                   line={"color": PROCESS_COLORS["spine"], "width": 3}),
        go.Scatter(name="bones", x=bone_x, y=bone_y, mode="lines", hoverinfo="skip",
                   line={"color": PROCESS_COLORS["bone"], "width": 2}),
        go.Scatter(name="categories", x=cat_x, y=cat_y, mode="text", text=cat_text, hoverinfo="skip",
                   textposition="middle center"),
        go.Scatter(name="causes", x=cause_x, y=cause_y, mode="markers+text", text=cause_text,
                   textposition="middle left", hovertext=cause_hover, hoverinfo="text",
                   marker={"color": cause_colour, "size": 9}, textfont={"color": cause_colour}),
    ])
    fig.add_annotation(x=_SPINE_END, y=0, xanchor="left", text=f"<b>{_wrap(short(fishbone.display_problem(locale), 90), 26)}</b>",
                       showarrow=False, bordercolor=PROCESS_COLORS["spine"], borderwidth=2, borderpad=6,
                       bgcolor="#ffffff")
    fig.update_layout(
        title=esc(title) if title is not None else text["fishbone_title"],
        xaxis={"visible": False, "range": [-3.5, _SPINE_END + 4.5]},
        yaxis={"visible": False, "range": [-_BONE_RISE - 1, _BONE_RISE + 1]},
        plot_bgcolor="#ffffff", showlegend=False, margin={"t": 60, "l": 20, "r": 20},
    )
    return fig


# ----------------------------------------------------------------------------------- pareto


def pareto_figure(result: Pareto | Fishbone, *, locale: object = "en", title: str | None = None) -> go.Figure:
    """Causes as bars sorted by their share (the vital few in red), the cumulative share as a
    line on the right axis, the cut as a dashed line and a divider after the vital few.

    Traces: ``vital`` and ``other`` bars (x = rank), ``cumulative`` line.
    """
    if isinstance(result, Fishbone):
        result = pareto(result)
    text = labels(locale)
    rows = result.rows
    ranks = list(range(len(rows)))
    vital = [k for k, row in enumerate(rows) if row.vital]
    other = [k for k, row in enumerate(rows) if not row.vital]

    def bars(indices: list[int], name: str, colour: str) -> go.Bar:
        return go.Bar(name=name, x=indices, y=[rows[k].share * 100 for k in indices], marker_color=colour,
                      text=[_percent(rows[k].share, locale) for k in indices], textposition="outside",
                      hovertext=[f"{esc(rows[k].display_category(locale))}: {esc(rows[k].display_cause(locale))}"
                                 for k in indices],
                      hoverinfo="text+y")

    fig = go.Figure([
        bars(vital, text["pareto_vital"], PROCESS_COLORS["vital"]),
        bars(other, text["pareto_other"], PROCESS_COLORS["other"]),
        go.Scatter(name=text["pareto_cumulative"], x=ranks, y=[row.cumulative * 100 for row in rows],
                   yaxis="y2", mode="lines+markers", line={"color": PROCESS_COLORS["cumulative"]},
                   text=[_percent(row.cumulative, locale) for row in rows], hoverinfo="text"),
    ])
    shapes = [{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "yref": "y2", "y0": result.cut * 100,
               "y1": result.cut * 100, "line": {"color": PROCESS_COLORS["cut"], "dash": "dash", "width": 2}}]
    if vital and other:
        shapes.append({"type": "line", "xref": "x", "x0": len(vital) - 0.5, "x1": len(vital) - 0.5, "yref": "paper",
                       "y0": 0, "y1": 1, "line": {"color": PROCESS_COLORS["cut"], "dash": "dot", "width": 1}})
    fig.update_layout(
        title=esc(title) if title is not None else text["pareto_title"],
        xaxis={"title": text["pareto_cause"], "tickvals": ranks,
               "ticktext": [esc(short(row.display_cause(locale), 24)) for row in rows]},
        yaxis={"title": text["pareto_share"], "range": [0, max([r.share * 100 for r in rows], default=0) * 1.2 + 1]},
        yaxis2={"title": text["pareto_cumulative"], "overlaying": "y", "side": "right", "range": [0, 105],
                "tickvals": [0, 20, 40, 60, 80, 100], "showgrid": False},
        shapes=shapes, barmode="overlay", plot_bgcolor="#ffffff", legend={"orientation": "h", "y": -0.25},
        annotations=[{"xref": "paper", "x": 1, "xanchor": "right", "yref": "y2", "y": result.cut * 100,
                      "yanchor": "bottom", "showarrow": False, "font": {"color": PROCESS_COLORS["cut"]},
                      "text": i18n.label("pareto_cut", locale, share=_percent(result.cut, locale))}],
    )
    return fig


# ------------------------------------------------------------------------- as-is vs to-be


def _metric(metrics: ProcessMetrics, name: str) -> float | None:
    value = metrics.value(name)
    if value is None:
        return None
    return value * 100 if name in PERCENT_METRICS else value


def process_comparison_figure(before: ProcessMetrics, after: ProcessMetrics, *, locale: object = "en",
                              metrics: Sequence[str] = METRIC_NAMES, title: str | None = None,
                              names: tuple[str, str] | None = None) -> go.Figure:
    """One small panel per metric with the as-is and the to-be value side by side (percentages for
    shares); a metric neither map defines (no success marked) is left out.

    Traces: per panel, one bar for each map, named ``names`` (As-is, To-be by default).
    """
    unknown = [name for name in metrics if name not in METRIC_NAMES]
    if unknown:
        raise ValidationError("unknown process metric %(value)r", "metrics", value=unknown[0])
    text = labels(locale)
    shown = [name for name in metrics if _metric(before, name) is not None or _metric(after, name) is not None]
    cols = min(4, max(1, len(shown)))
    rows = max(1, math.ceil(len(shown) / cols))
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=[text[f"metric_{name}"] for name in shown],
                        vertical_spacing=0.22 if rows > 1 else 0.1, horizontal_spacing=0.08)
    series = names or (text["process_as_is"], text["process_to_be"])
    for index, name in enumerate(shown):
        row, col = index // cols + 1, index % cols + 1
        for which, (metrics_of, colour) in enumerate(((before, PROCESS_COLORS["as_is"]), (after, PROCESS_COLORS["to_be"]))):
            value = _metric(metrics_of, name)
            shown_value = "–" if value is None else i18n.format_number(value, locale, 2 if abs(value) < 10 else 1)
            fig.add_trace(go.Bar(name=esc(series[which]), x=[esc(series[which])], y=[value or 0], marker_color=colour,
                                 text=[shown_value], textposition="outside", legendgroup=str(which),
                                 showlegend=index == 0, meta=name, hoverinfo="text", hovertext=[shown_value]),
                          row=row, col=col)
        top = max(v for v in (_metric(before, name) or 0, _metric(after, name) or 0))
        fig.update_yaxes(range=[0, top * 1.3 if top > 0 else 1], row=row, col=col, showticklabels=False)
    fig.update_xaxes(showticklabels=False)
    fig.update_layout(title=esc(title) if title is not None else text["process_compare_title"],
                      plot_bgcolor="#ffffff", barmode="group", legend={"orientation": "h", "y": -0.08},
                      height=260 * rows + 120, margin={"t": 90})
    return fig


# ------------------------------------------------------------------------------- simulation


def cycle_time_figure(runs: Sequence[tuple[str, ProcessSimulation]], *, locale: object = "en",
                      title: str | None = None, bins: int = 40) -> go.Figure:
    """The simulated cycle times of each run (as-is, to-be...) as overlaid histograms, with each
    run's P50 (dashed) and P90 (dotted) as vertical lines in its colour.

    Traces: one histogram per run, named by the run.
    """
    if not 1 <= len(runs) <= len(_SERIES):
        raise ValidationError("give from 1 to %(limit)s simulation runs", "runs", limit=len(_SERIES))
    text = labels(locale)
    fig = go.Figure()
    shapes, notes = [], []
    upper = max((float(r.cycle_times.max()) for _, r in runs if r.completed), default=1.0)
    size = upper / bins if upper > 0 else 1.0
    for index, (name, run) in enumerate(runs):
        colour = _SERIES[index]
        fig.add_trace(go.Histogram(name=esc(name), x=run.cycle_times, marker_color=colour, opacity=0.6,
                                   xbins={"start": 0, "end": upper + size, "size": size}))
        for q, dash in ((50, "dash"), (90, "dot")):
            value = run.percentile(q)
            shapes.append({"type": "line", "xref": "x", "x0": value, "x1": value, "yref": "paper", "y0": 0, "y1": 1,
                           "line": {"color": colour, "dash": dash, "width": 2}})
            notes.append({"xref": "x", "x": value, "yref": "paper", "y": 1 - 0.07 * (2 * index + (q == 90)),
                          "showarrow": False,
                          "xanchor": "left", "font": {"color": colour},
                          "text": f"P{q} {i18n.format_number(value, locale, 1)}"})
    fig.update_layout(
        title=esc(title) if title is not None else text["process_sim_title"],
        xaxis={"title": text["process_cycle_hours"], "rangemode": "tozero"},
        yaxis={"title": text["process_cases"]},
        barmode="overlay", shapes=shapes, annotations=notes, plot_bgcolor="#ffffff",
        legend={"orientation": "h", "y": -0.2},
    )
    return fig


# ------------------------------------------------------------------------------- swim lanes


class _Box(Protocol):
    x: int | float
    y: int | float
    width: int | float
    height: int | float


class DiagramGeometry(Protocol):
    """Where a map's shapes go (:class:`crm_impl.formats.bpmn_layout.DiagramLayout` or a layout
    read from a BPMN file): boxes by node id and lane key, the pool, waypoints by flow id."""

    shapes: Mapping[str, _Box]
    edges: Mapping[str, Sequence[tuple[float, float]]]
    lanes: Mapping[str, _Box]
    pool: _Box


DIFF_COLORS: dict[str, str] = {"added": "#2ca02c", "changed": "#ff7f0e", "unchanged": "#ffffff"}
_LINE = "#404040"


def _node_shape(kind: str, box: _Box, fill: str, success: bool) -> dict:
    x0, y0, x1, y1 = box.x, box.y, box.x + box.width, box.y + box.height
    line = {"color": _LINE, "width": 3 if kind == "end" else 1.5}
    if kind in ("start", "end", "intermediate"):
        return {"type": "circle", "x0": x0, "y0": y0, "x1": x1, "y1": y1, "fillcolor": fill, "line": line,
                "layer": "above"} | ({"line": {"color": DIFF_COLORS["added"] if success and fill == "#ffffff" else _LINE,
                                               "width": 3}} if kind == "end" else {})
    if kind in ("exclusive", "parallel"):
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        return {"type": "path", "path": f"M {cx} {y0} L {x1} {cy} L {cx} {y1} L {x0} {cy} Z", "fillcolor": fill,
                "line": line, "layer": "above"}
    if kind == "data":
        fold = min(10, box.width / 3)
        return {"type": "path", "path": f"M {x0} {y0} L {x1 - fold} {y0} L {x1} {y0 + fold} L {x1} {y1} L {x0} {y1} Z",
                "fillcolor": fill, "line": line, "layer": "above"}
    return {"type": "rect", "x0": x0, "y0": y0, "x1": x1, "y1": y1, "fillcolor": fill, "line": line, "layer": "above"}


def swimlane_figure(pm: ProcessMap, layout: DiagramGeometry, *, diff: MapDiff | None = None,
                    metrics: ProcessMetrics | None = None, locale: object = "en",
                    title: str | None = None) -> go.Figure:
    """The map as a swim-lane diagram drawn where ``layout`` puts each shape (BPMN coordinates,
    y downwards).  With ``diff`` (as-is → this map) added nodes and flows are green, changed ones
    amber, and the removed nodes are named under the diagram; with ``metrics`` each node's hover
    shows its expected executions per case.

    Traces: ``flows`` (and ``added flows`` / ``changed flows`` with a diff), ``nodes`` (one
    invisible marker per node carrying its name and hover text).
    """
    text = labels(locale)
    added = set(diff.added_nodes) if diff else set()
    changed = {c.id for c in diff.changed_nodes} if diff else set()
    added_flows = set(diff.added_flows) if diff else set()
    changed_flows = {(c.source, c.target) for c in diff.changed_flows} if diff else set()
    shapes: list[dict] = [{"type": "rect", "x0": layout.pool.x, "y0": layout.pool.y,
                           "x1": layout.pool.x + layout.pool.width, "y1": layout.pool.y + layout.pool.height,
                           "line": {"color": _LINE, "width": 1.5}, "layer": "below"}]
    notes: list[dict] = []
    for lane in pm.lanes:
        box = layout.lanes.get(lane.key)
        if box is None:
            continue
        shapes.append({"type": "rect", "x0": box.x, "y0": box.y, "x1": box.x + box.width, "y1": box.y + box.height,
                       "line": {"color": _LINE, "width": 1}, "layer": "below"})
        notes.append({"x": box.x + 15, "y": box.y + box.height / 2, "text": esc(short(lane.display_name(locale), 30)),
                      "textangle": -90, "showarrow": False, "font": {"size": 12}})
    status: dict[str, str] = {}
    for node in pm.nodes:
        box = layout.shapes.get(node.id)
        if box is None:
            continue
        status[node.id] = "added" if node.id in added else "changed" if node.id in changed else "unchanged"
        shapes.append(_node_shape(node.kind, box, DIFF_COLORS[status[node.id]], node.success))
        cx, cy = box.x + box.width / 2, box.y + box.height / 2
        if node.kind == "parallel":
            notes.append({"x": cx, "y": cy, "text": "<b>+</b>", "showarrow": False, "font": {"size": 16}})
        elif node.kind == "exclusive":
            notes.append({"x": cx, "y": cy, "text": "<b>×</b>", "showarrow": False, "font": {"size": 16}})
        if node.name or node.name_zh:
            inside = node.kind == "task"
            notes.append({"x": cx, "y": cy if inside else box.y + box.height + 4, "yanchor": "middle" if inside else "top",
                          "text": _wrap(short(node.display_name(locale), 60), 16 if inside else 20), "showarrow": False,
                          "font": {"size": 10}})
    flow_traces: dict[str, tuple[list, list]] = {}
    arrows: list[dict] = []
    for flow in pm.flows:
        points = layout.edges.get(flow.flow_id)
        if not points or len(points) < 2:
            continue
        kind = "added" if flow.key in added_flows else "changed" if flow.key in changed_flows else "unchanged"
        xs, ys = flow_traces.setdefault(kind, ([], []))
        xs += [p[0] for p in points] + [None]
        ys += [p[1] for p in points] + [None]
        colour = _LINE if kind == "unchanged" else DIFF_COLORS[kind]
        (ax, ay), (hx, hy) = points[-2], points[-1]
        arrows.append({"x": hx, "y": hy, "ax": ax, "ay": ay, "xref": "x", "yref": "y", "axref": "x", "ayref": "y",
                       "showarrow": True, "arrowhead": 2, "arrowwidth": 1.5, "arrowcolor": colour, "text": ""})
        label = flow.label + (f" ({_percent(flow.probability, locale)})" if flow.probability is not None else "")
        if label:
            # on the first segment of a straight flow, else on the segment after the first bend, so
            # the labels of two flows leaving one gateway do not fall on the same spot
            (sx, sy), (tx, ty) = (points[0], points[1]) if len(points) == 2 else (points[1], points[2])
            notes.append({"x": (sx + tx) / 2, "y": (sy + ty) / 2, "text": esc(short(label, 30)), "showarrow": False,
                          "font": {"size": 9, "color": colour}, "bgcolor": "rgba(255,255,255,0.8)"})
    traces = []
    names = {"unchanged": "flows", "added": "added flows", "changed": "changed flows"}
    for kind, (xs, ys) in flow_traces.items():
        traces.append(go.Scatter(name=names[kind], x=xs, y=ys, mode="lines", hoverinfo="skip",
                                 line={"color": _LINE if kind == "unchanged" else DIFF_COLORS[kind],
                                       "width": 1.5 if kind == "unchanged" else 2.5}))
    hover_ids = [n.id for n in pm.nodes if n.id in status]
    hover = []
    for node_id in hover_ids:
        node = pm.node(node_id)
        lines = [f"<b>{esc(node.display_name(locale))}</b> ({esc(node.id)})"]
        if node.kind == "task":
            lines.append(f"{text['metric_touch_time']}: {i18n.format_number(node.working_time, locale, 2)}; "
                         f"{text['metric_waiting_time']}: {i18n.format_number(node.waiting_time, locale, 2)}; "
                         f"{text['metric_cost_per_case']}: {i18n.format_number(node.cost, locale, 2)}")
        if metrics is not None and node_id in metrics.visits:
            lines.append(f"× {i18n.format_number(metrics.visits[node_id], locale, 2)}")
        if diff:
            lines.append(text[f"diff_{status[node_id]}"])
        hover.append("<br>".join(lines))
    traces.append(go.Scatter(
        name="nodes", x=[layout.shapes[n].x + layout.shapes[n].width / 2 for n in hover_ids],
        y=[layout.shapes[n].y + layout.shapes[n].height / 2 for n in hover_ids], mode="markers",
        marker={"size": 18, "opacity": 0}, hovertext=hover, hoverinfo="text", customdata=hover_ids,
        marker_color=[DIFF_COLORS[status[n]] for n in hover_ids]))
    if diff and diff.removed_nodes:
        removed = ", ".join(diff.removed_nodes)
        notes.append({"xref": "paper", "x": 0, "yref": "paper", "y": 0, "yanchor": "top", "xanchor": "left",
                      "showarrow": False, "font": {"color": COLORS["critical"]},
                      "text": esc(i18n.label("diff_removed", locale, items=short(removed, 200)))})
    fig = go.Figure(traces)
    pool = layout.pool
    fig.update_layout(
        title=esc(title) if title is not None else text["swimlane_title"],
        shapes=shapes, annotations=notes + arrows, showlegend=False, plot_bgcolor="#ffffff",
        xaxis={"visible": False, "range": [pool.x - 10, pool.x + pool.width + 10], "constrain": "domain"},
        yaxis={"visible": False, "range": [pool.y + pool.height + 40, pool.y - 10], "scaleanchor": "x"},
        margin={"t": 50, "l": 10, "r": 10, "b": 40},
        width=None, height=max(300, int(pool.height * 1.1) + 120),
    )
    return fig


# ---------------------------------------------------------------------------- scope quadrant


def scope_quadrant_figure(ranked: Sequence[RankedProcess], *, locale: object = "en", title: str | None = None,
                          many_functions: int = MANY_FUNCTIONS, many_departments: int = MANY_DEPARTMENTS) -> go.Figure:
    """Each candidate process placed by the departments it involves (x) and the system functions it
    needs (y), in the methodology's quadrants (II top-left, IV top-right, I bottom-left, III
    bottom-right); selected processes filled, the others hollow, the marker growing with priority.

    Traces: ``selected`` and ``not selected`` markers (text: the process names).
    """
    text = labels(locale)
    x_split, y_split = many_departments + 0.5, many_functions + 0.5
    x_top = max([r.candidate.departments for r in ranked] + [many_departments * 2]) + 1
    y_top = max([r.candidate.functions for r in ranked] + [many_functions * 2]) + 1
    traces = []
    for selected, name, symbol in ((True, text["quadrant_selected"], "circle"),
                                   (False, text["quadrant_not_selected"], "circle-open")):
        group = [r for r in ranked if r.selected == selected]
        traces.append(go.Scatter(
            name=name, x=[r.candidate.departments for r in group], y=[r.candidate.functions for r in group],
            mode="markers+text", text=[esc(short(_candidate_name(r, locale), 28)) for r in group],
            textposition="top center", customdata=[r.candidate.key for r in group],
            marker={"symbol": symbol, "size": [10 + 4 * r.score if r.score <= 5 else 30 for r in group],
                    "color": PROCESS_COLORS["to_be"] if selected else PROCESS_COLORS["as_is"],
                    "line": {"width": 2, "color": PROCESS_COLORS["to_be"] if selected else PROCESS_COLORS["as_is"]}},
            hovertext=[f"{esc(_candidate_name(r, locale))}<br>"
                       f"{i18n.label('quadrant_score', locale, score=i18n.format_number(r.score, locale, 2))} · {r.quadrant}"
                       for r in group], hoverinfo="text"))
    shapes = [
        {"type": "line", "x0": x_split, "x1": x_split, "y0": 0, "y1": y_top, "line": {"color": _LINE, "dash": "dot"}},
        {"type": "line", "x0": 0, "x1": x_top, "y0": y_split, "y1": y_split, "line": {"color": _LINE, "dash": "dot"}},
    ]
    corners = {"I": (x_split / 2, y_split / 2), "II": (x_split / 2, (y_split + y_top) / 2),
               "III": ((x_split + x_top) / 2, y_split / 2), "IV": ((x_split + x_top) / 2, (y_split + y_top) / 2)}
    notes = [{"x": x, "y": y, "text": f"<b>{quadrant}</b>", "showarrow": False, "opacity": 0.25,
              "font": {"size": 40, "color": _LINE}} for quadrant, (x, y) in corners.items()]
    fig = go.Figure(traces)
    fig.update_layout(
        title=esc(title) if title is not None else text["quadrant_title"],
        xaxis={"title": text["quadrant_departments"], "range": [0, x_top], "dtick": 1, "zeroline": False},
        yaxis={"title": text["quadrant_functions"], "range": [0, y_top], "dtick": 1, "zeroline": False},
        shapes=shapes, annotations=notes, plot_bgcolor="#ffffff", legend={"orientation": "h", "y": -0.2},
    )
    return fig


def _candidate_name(ranked: RankedProcess, locale: object) -> str:
    candidate = ranked.candidate
    return candidate.name_zh if candidate.name_zh and is_chinese(locale) else candidate.name
