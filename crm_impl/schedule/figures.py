"""Schedule charts as plotly figures: Gantt and network diagram here; Monte Carlo, criticality
and resource load from :mod:`crm_impl.schedule.risk_figures`, re-exported.

Every builder is a pure function of plain records and returns a ``plotly.graph_objects.Figure``;
the web layer embeds it, Word reports render it to PNG.  Inputs are :class:`GanttTask` records
and :class:`~crm_impl.schedule.network.Link` dependencies, which :func:`gantt_tasks` and
:func:`schedule_links` derive from a computed :class:`~crm_impl.schedule.cpm.Schedule`.
Labels come in English (``"en"``) or simplified Chinese (``"zh_Hans"``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import networkx as nx
import plotly.graph_objects as go

from crm_impl.errors import ValidationError
from crm_impl.schedule._chart_text import COLORS, DAY_MS, EPS, LOCALES, esc, labels, num, short
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import Schedule
from crm_impl.schedule.network import LINK_TYPES, Link
from crm_impl.schedule.risk_figures import (
    criticality_figure,
    montecarlo_figure,
    resource_load_figure,
    weekly_role_loads,
)

__all__ = [
    "COLORS",
    "LOCALES",
    "GanttTask",
    "gantt_tasks",
    "schedule_links",
    "weekly_role_loads",
    "gantt_figure",
    "network_figure",
    "montecarlo_figure",
    "resource_load_figure",
    "criticality_figure",
]


@dataclass(frozen=True, slots=True)
class GanttTask:
    """One task as the charts see it.

    ``start`` is the first and ``finish`` the last working day (inclusive; a milestone's own
    day for both).  ``es``/``ef``/``ls``/``lf`` are working-day offsets (finish exclusive).
    """

    id: str
    name: str
    phase_key: str
    phase_name: str
    start: date
    finish: date
    es: int | float
    ef: int | float
    duration: int | float
    milestone: bool = False
    critical: bool = False
    progress: int = 0
    is_gate: bool = False
    baseline_start: date | None = None
    baseline_finish: date | None = None
    ls: int | float | None = None
    lf: int | float | None = None
    total_slack: int | float | None = None

    def __post_init__(self) -> None:
        if self.finish < self.start:
            raise ValidationError(f"finish {self.finish} is before start {self.start}", f"{self.id}.finish")
        if isinstance(self.progress, bool) or not 0 <= self.progress <= 100:
            raise ValidationError(f"must be 0 to 100, got {self.progress!r}", f"{self.id}.progress")
        if (self.baseline_start is None) != (self.baseline_finish is None):
            raise ValidationError("give both baseline dates or neither", f"{self.id}.baseline_start")

    @property
    def is_point(self) -> bool:
        """Drawn as a diamond: a milestone or any zero-duration task."""
        return self.milestone or self.duration == 0


_META_KEYS = frozenset(
    {"name", "phase_key", "phase_name", "progress", "is_gate", "baseline_start", "baseline_finish"}
)


def _task_dates(calendar: WorkCalendar, es: float, ef: float, duration: float) -> tuple[date, date]:
    # Float offsets (PERT te) are rounded outwards to whole working days.
    start = calendar.date_at(math.floor(es + EPS))
    if duration <= 0:
        return start, start
    return start, max(start, calendar.date_at(math.ceil(ef - EPS) - 1))


def gantt_tasks(
    schedule: Schedule,
    calendar: WorkCalendar,
    meta: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[GanttTask]:
    """Chart records for every task of ``schedule``, in the network's (plan) order.

    Parameters
    ----------
    schedule : Schedule
    calendar : WorkCalendar
        Turns offsets into dates.
    meta : mapping of task id to dict, optional
        Per-task keys ``name``, ``phase_key``, ``phase_name``, ``progress``, ``is_gate``,
        ``baseline_start``, ``baseline_finish``; a missing name defaults to the id.

    Examples
    --------
    >>> from crm_impl.schedule.cpm import compute_schedule
    >>> from crm_impl.schedule.network import Activity
    >>> s = compute_schedule([Activity("a", 2), Activity("g", 0, milestone=True)], [Link("a", "g")])
    >>> [(t.id, t.start.isoformat(), t.finish.isoformat()) for t in
    ...  gantt_tasks(s, WorkCalendar(date(2025, 3, 7)))]
    [('a', '2025-03-07', '2025-03-10'), ('g', '2025-03-11', '2025-03-11')]
    """
    meta = meta or {}
    net = schedule.network
    for task_id, info in meta.items():
        if task_id not in net.index:
            raise ValidationError("unknown task", f"meta.{task_id}")
        extra = set(info) - _META_KEYS
        if extra:
            raise ValidationError(f"unknown keys {sorted(extra)}", f"meta.{task_id}")
    out = []
    for i, task_id in enumerate(net.ids):
        t = schedule.timing_at(i)
        info = meta.get(task_id, {})
        start, finish = _task_dates(calendar, t.es, t.ef, t.duration)
        out.append(
            GanttTask(
                id=task_id,
                name=str(info.get("name") or task_id),
                phase_key=str(info.get("phase_key", "")),
                phase_name=str(info.get("phase_name") or info.get("phase_key", "")),
                start=start,
                finish=finish,
                es=t.es,
                ef=t.ef,
                duration=t.duration,
                milestone=bool(net.milestone[i]),
                critical=t.critical,
                progress=int(info.get("progress", 0)),
                is_gate=bool(info.get("is_gate", False)),
                baseline_start=info.get("baseline_start"),
                baseline_finish=info.get("baseline_finish"),
                ls=t.ls,
                lf=t.lf,
                total_slack=t.total_slack,
            )
        )
    return out


def schedule_links(schedule: Schedule) -> list[Link]:
    """The dependencies of ``schedule``'s network as :class:`Link` records, in input order."""
    net = schedule.network
    return [
        Link(net.ids[p], net.ids[s], LINK_TYPES[c], lag)
        for p, s, c, lag in zip(
            net.pred.tolist(), net.succ.tolist(), net.link_type.tolist(), net.lag.tolist()
        )
    ]


def _check_links(tasks: Sequence[GanttTask], links: Sequence[Link]) -> dict[str, GanttTask]:
    by_id = {t.id: t for t in tasks}
    if len(by_id) != len(tasks):
        raise ValidationError("duplicate task id", "tasks")
    for k, link in enumerate(links):
        for side in ("pred", "succ"):
            if getattr(link, side) not in by_id:
                raise ValidationError(f"unknown task {getattr(link, side)!r}", f"links[{k}].{side}")
        if link.type not in LINK_TYPES:
            raise ValidationError(f"unknown dependency type {link.type!r}", f"links[{k}].type")
    return by_id


# ---------------------------------------------------------------------------------------- Gantt


def _bar_end(task: GanttTask) -> date:
    """Exclusive end of the bar: midnight after the last working day."""
    return task.start if task.is_point else task.finish + timedelta(days=1)


def _link_points(pred: GanttTask, succ: GanttTask, link_type: str) -> tuple[date, date]:
    from_finish = link_type in ("FS", "FF")
    to_finish = link_type in ("FF", "SF")
    return (
        _bar_end(pred) if from_finish else pred.start,
        _bar_end(succ) if to_finish else succ.start,
    )


def _add_arrow(
    fig: go.Figure, tail: tuple[Any, float], head: tuple[Any, float], *, critical: bool,
    width: tuple[float, float], opacity: float = 1.0,
) -> None:
    """A link drawn as an arrow in data coordinates; ``width`` is (normal, critical)."""
    fig.add_annotation(
        x=head[0], y=head[1], ax=tail[0], ay=tail[1], xref="x", yref="y", axref="x", ayref="y",
        text="", showarrow=True, arrowhead=2, arrowsize=1,
        arrowwidth=width[1] if critical else width[0],
        arrowcolor=COLORS["critical"] if critical else COLORS["link"],
        opacity=opacity,
    )


def _rows(tasks: Sequence[GanttTask]) -> list[tuple[str, str | GanttTask]]:
    """Phase header rows and task rows, phase by phase in order of first appearance."""
    phases: dict[str, list[GanttTask]] = {}
    for task in tasks:
        phases.setdefault(task.phase_key, []).append(task)
    rows: list[tuple[str, str | GanttTask]] = []
    for key, members in phases.items():
        if key or len(phases) > 1:
            rows.append(("phase", key))
        rows.extend(("task", t) for t in members)
    return rows


def _bar_trace(
    tasks: list[GanttTask], ypos: Mapping[str, int], name: str, color: Any, text: dict[str, str], **kw: Any
) -> go.Bar:
    return go.Bar(
        name=name,
        orientation="h",
        y=[ypos[t.id] for t in tasks],
        base=[t.start.isoformat() for t in tasks],
        x=[(_bar_end(t) - t.start).days * DAY_MS for t in tasks],
        marker={"color": color, "line": {"width": 0}},
        customdata=[
            [
                esc(t.name), t.start.isoformat(), t.finish.isoformat(),
                num(t.duration), num(t.total_slack), t.progress,
            ]
            for t in tasks
        ],
        hovertemplate=(
            f"<b>%{{customdata[0]}}</b><br>{text['start']}: %{{customdata[1]}}"
            f"<br>{text['finish']}: %{{customdata[2]}}"
            f"<br>{text['duration']}: %{{customdata[3]}} {text['days']}"
            f"<br>{text['slack']}: %{{customdata[4]}}<br>{text['progress']}: %{{customdata[5]}}%"
            "<extra></extra>"
        ),
        **kw,
    )


def gantt_figure(
    tasks: Sequence[GanttTask],
    links: Sequence[Link] = (),
    *,
    today: date | None = None,
    locale: str = "en",
    title: str | None = None,
) -> go.Figure:
    """Gantt chart: one row per task under a summary row per phase, plan order top to bottom.

    Critical bars are red, others blue; a darker inner bar shows progress; milestones and gates
    are diamonds (gates labelled); thin grey bars under a task are its baseline; each link is
    an arrow from the predecessor's start/finish to the successor's start/finish by its type;
    ``today`` draws a vertical line.

    Raises
    ------
    ValidationError
        A link names an unknown task or type, or the locale is not supported.
    """
    text = labels(locale)
    by_id = _check_links(tasks, links)
    rows = _rows(tasks)
    ypos: dict[str, int] = {}
    ticktext = []
    phase_bars: list[tuple[int, str, date, date]] = []
    for y, (kind, item) in enumerate(rows):
        if kind == "phase":
            assert isinstance(item, str)
            members = [t for t in tasks if t.phase_key == item]
            name = members[0].phase_name or item
            ticktext.append(f"<b>{esc(short(name))}</b>")
            phase_bars.append(
                (y, name, min(t.start for t in members), max(_bar_end(t) for t in members))
            )
        else:
            assert isinstance(item, GanttTask)
            ypos[item.id] = y
            ticktext.append(esc(short(f"{item.id} {item.name}")))

    fig = go.Figure()
    if phase_bars:
        fig.add_trace(
            go.Bar(
                name=text["phase"],
                orientation="h",
                y=[y for y, *_ in phase_bars],
                base=[s.isoformat() for _, _, s, _ in phase_bars],
                x=[(e - s).days * DAY_MS for _, _, s, e in phase_bars],
                width=0.35,
                marker={"color": COLORS["phase"]},
                customdata=[
                    [esc(n), s.isoformat(), (e - timedelta(days=1)).isoformat()] for _, n, s, e in phase_bars
                ],
                hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]} – %{customdata[2]}<extra></extra>",
            )
        )
    with_baseline = [t for t in tasks if t.baseline_start is not None]
    if with_baseline:
        fig.add_trace(
            go.Bar(
                name=text["baseline"],
                orientation="h",
                y=[ypos[t.id] + 0.32 for t in with_baseline],
                base=[t.baseline_start.isoformat() for t in with_baseline],  # type: ignore[union-attr]
                x=[
                    ((t.baseline_finish - t.baseline_start).days + 1) * DAY_MS  # type: ignore[operator]
                    for t in with_baseline
                ],
                width=0.16,
                marker={"color": COLORS["baseline"]},
                hoverinfo="skip",
            )
        )
    bars = [t for t in tasks if not t.is_point]
    kinds = ((False, text["task"], COLORS["task"]), (True, text["critical"], COLORS["critical"]))
    for critical, name, color in kinds:
        group = [t for t in bars if t.critical is critical]
        if group:
            fig.add_trace(_bar_trace(group, ypos, name, color, text, width=0.6))
    done = [t for t in bars if t.progress > 0]
    if done:
        trace = _bar_trace(
            done,
            ypos,
            text["progress"],
            [COLORS["critical_done"] if t.critical else COLORS["task_done"] for t in done],
            text,
            width=0.25,
        )
        trace.x = tuple((_bar_end(t) - t.start).days * DAY_MS * t.progress / 100 for t in done)
        fig.add_trace(trace)
    for gates, name in ((False, text["milestone"]), (True, text["gate"])):
        group = [t for t in tasks if t.is_point and t.is_gate is gates]
        if group:
            fig.add_trace(
                go.Scatter(
                    name=name,
                    mode="markers+text" if gates else "markers",
                    x=[t.start.isoformat() for t in group],
                    y=[ypos[t.id] for t in group],
                    text=[esc(short(t.name, 24)) for t in group] if gates else None,
                    textposition="middle right",
                    marker={
                        "symbol": "diamond",
                        "size": 14 if gates else 11,
                        "color": [COLORS["critical"] if t.critical else COLORS["task"] for t in group],
                        "line": {"width": 1.5 if gates else 0.5, "color": "#000000"},
                    },
                    customdata=[[esc(t.name), t.start.isoformat()] for t in group],
                    hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
                )
            )
    for link in links:
        pred, succ = by_id[link.pred], by_id[link.succ]
        tail, head = _link_points(pred, succ, link.type)
        both_critical = pred.critical and succ.critical
        _add_arrow(fig, (tail.isoformat(), ypos[pred.id]), (head.isoformat(), ypos[succ.id]),
                   critical=both_critical, width=(0.8, 1.2), opacity=0.8)
    if today is not None:
        fig.add_shape(
            type="line",
            xref="x",
            yref="paper",
            x0=today.isoformat(),
            x1=today.isoformat(),
            y0=0,
            y1=1,
            line={"color": COLORS["today"], "width": 2, "dash": "dot"},
            label={
                "text": text["today"],
                "textposition": "end",
                "textangle": 0,
                "xanchor": "left",
                "yanchor": "top",
                "font": {"color": COLORS["today"], "size": 11},
            },
            name="today",
        )
    n_rows = max(1, len(rows))
    xaxis: dict[str, Any] = {"type": "date", "title": text["date"], "showgrid": True}
    if tasks:
        # Room on the right for the labels of gates at the end of the plan.
        first = min(t.start for t in tasks)
        last = max(_bar_end(t) for t in tasks)
        pad = timedelta(days=max(14, (last - first).days // 5))
        xaxis["range"] = [(first - timedelta(days=3)).isoformat(), (last + pad).isoformat()]
    fig.update_layout(
        title=title if title is not None else text["gantt_title"],
        barmode="overlay",
        height=140 + 24 * n_rows,
        margin={"l": 10, "r": 30, "t": 80, "b": 40},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        xaxis=xaxis,
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(rows))),
            "ticktext": ticktext,
            "range": [n_rows - 0.5, -0.5],  # first row on top
            "automargin": True,
        },
        plot_bgcolor="#ffffff",
    )
    return fig


# -------------------------------------------------------------------------------------- Network


def _is_tight(pred: GanttTask, succ: GanttTask, link: Link) -> bool:
    """Whether ``link`` drives the successor's early dates (its constraint holds with equality)."""
    point = pred.ef if link.type in ("FS", "FF") else pred.es
    target = succ.ef if link.type in ("FF", "SF") else succ.es
    return abs(point + getattr(link, "lag", 0) - target) <= EPS * max(1.0, abs(target))


def _layout_nodes(tasks: Sequence[GanttTask], links: Sequence[Link]) -> dict[str, tuple[int, float]]:
    """``id -> (generation, y)``: topological generations left to right, each spread vertically
    in the order of its predecessors' mean height (fewer crossings), then ES, then plan order."""
    graph = nx.DiGraph()
    graph.add_nodes_from(t.id for t in tasks)
    graph.add_edges_from((link.pred, link.succ) for link in links)
    order = {t.id: i for i, t in enumerate(tasks)}
    es = {t.id: t.es for t in tasks}
    try:
        generations = list(nx.topological_generations(graph))
    except nx.NetworkXUnfeasible:
        raise ValidationError("the dependencies form a cycle", "links") from None
    pos: dict[str, tuple[int, float]] = {}
    for g, nodes in enumerate(generations):
        def key(node: str) -> tuple[float, float, int]:
            heights = [pos[p][1] for p in graph.predecessors(node)]
            return (-(sum(heights) / len(heights)) if heights else 0.0, es[node], order[node])

        nodes = sorted(nodes, key=key)
        for k, node in enumerate(nodes):
            pos[node] = (g, (len(nodes) - 1) / 2 - k)
    return pos


def network_figure(
    tasks: Sequence[GanttTask],
    links: Sequence[Link] = (),
    *,
    locale: str = "en",
    title: str | None = None,
) -> go.Figure:
    """Activity-on-node network: one box per task with ES/EF/LS/LF and slack.

    Nodes are placed left to right by topological generation; critical nodes and the driving
    links between them are red; links other than plain FS carry their type and lag.
    """
    text = labels(locale)
    by_id = _check_links(tasks, links)
    pos = _layout_nodes(tasks, links)
    half_w, half_h = 0.36, 0.36
    fig = go.Figure()
    for task in tasks:
        x, y = pos[task.id]
        fig.add_shape(
            type="rect",
            x0=x - half_w,
            x1=x + half_w,
            y0=y - half_h,
            y1=y + half_h,
            line={
                "color": COLORS["critical"] if task.critical else COLORS["task"],
                "width": 2 if task.critical else 1,
            },
            fillcolor=COLORS["critical_fill"] if task.critical else COLORS["node_fill"],
            layer="below",
        )
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
                customdata=[[esc(t.name), num(t.duration)] for t in group],
                hovertemplate=(
                    f"<b>%{{customdata[0]}}</b><br>{text['duration']}: %{{customdata[1]}}<extra></extra>"
                ),
            )
        )
    label_x, label_y, label_text = [], [], []
    for link in links:
        pred, succ = by_id[link.pred], by_id[link.succ]
        (x0, y0), (x1, y1) = pos[pred.id], pos[succ.id]
        critical = pred.critical and succ.critical and _is_tight(pred, succ, link)
        _add_arrow(fig, (x0 + half_w, y0), (x1 - half_w, y1), critical=critical, width=(1, 2))
        lag = getattr(link, "lag", 0)
        if link.type != "FS" or lag:
            label_x.append((x0 + half_w + x1 - half_w) / 2)
            label_y.append((y0 + y1) / 2)
            label_text.append(f"{link.type}{lag:+d}" if lag else link.type)
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
