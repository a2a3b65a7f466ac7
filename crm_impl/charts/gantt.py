"""The Gantt chart of a scheduled plan."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go

from crm_impl.charts.style import COLORS, DAY_MS, arrow, date_axis, esc, fit, labels, num, short
from crm_impl.schedule.baseline import BaselineDates
from crm_impl.schedule.network import LINK_POINTS
from crm_impl.schedule.plan import ScheduledPlan, ScheduledTask, weighted_progress

__all__ = ["gantt_figure"]



def _bar_end(task: ScheduledTask) -> date:
    """Exclusive end of the bar: midnight after the last working day; a milestone's own instant
    (the end of its day when a predecessor's finish places it, as in MS Project)."""
    if task.is_point and not task.at_day_end:
        return task.start
    return task.finish + timedelta(days=1)


def _link_points(pred: ScheduledTask, succ: ScheduledTask, link_type: str) -> tuple[date, date]:
    from_finish, to_finish = LINK_POINTS[link_type]
    return (
        _bar_end(pred) if from_finish else pred.start,
        _bar_end(succ) if to_finish else succ.start,
    )


ROW_PX = 24
GANTT_MARGIN = {"l": 10, "r": 30, "t": 110, "b": 50}

#: More non-working spans than this (about fifteen years of weekends) are not shaded.
MAX_SHADED_SPANS = 800


def _non_working_spans(scheduled: ScheduledPlan, first: date, last: date) -> list[tuple[date, date]]:
    """``[start, end)`` of each run of non-working days between ``first`` and ``last``."""
    calendar = scheduled.calendar
    spans: list[tuple[date, date]] = []
    day, start = first, None
    while day <= last:
        if not calendar.is_working_day(day):
            start = start or day
        elif start is not None:
            spans.append((start, day))
            start = None
        day += timedelta(days=1)
    if start is not None:
        spans.append((start, last + timedelta(days=1)))
    return spans


def _timescales(text: Mapping[str, str], locale: str, full: list[str], around: date) -> dict[str, Any]:
    """Buttons for the timescale: weeks (eight of them around ``around``), months, quarters."""
    chinese = str(locale).startswith("zh")
    week = {"xaxis.dtick": 7 * DAY_MS, "xaxis.tickformat": "%-m月%-d日" if chinese else "%d %b",
            "xaxis.range": [(around - timedelta(days=14)).isoformat(), (around + timedelta(days=56)).isoformat()]}
    month = {"xaxis.dtick": "M1", "xaxis.tickformat": "%Y年%-m月" if chinese else "%b %Y", "xaxis.range": full}
    quarter = {"xaxis.dtick": "M3", "xaxis.tickformat": "%Y年%-m月" if chinese else "%b %Y", "xaxis.range": full}
    return {
        "type": "buttons", "direction": "left", "showactive": True, "active": 1,
        "x": 1.0, "xanchor": "right", "y": 1.0, "yanchor": "bottom", "pad": {"b": 4},
        "buttons": [{"label": text[name], "method": "relayout", "args": [args]}
                    for name, args in (("week", week), ("month", month), ("quarter", quarter))],
    }


def _rows(tasks: Sequence[ScheduledTask], collapsed: Collection[str] = ()) -> list[tuple[str, str | ScheduledTask]]:
    """Phase header rows and task rows, phase by phase in order of first appearance; the tasks
    of a ``collapsed`` phase are left out (its header row stays, with the phase's bar)."""
    phases: dict[str, list[ScheduledTask]] = {}
    for task in tasks:
        phases.setdefault(task.task.phase, []).append(task)
    rows: list[tuple[str, str | ScheduledTask]] = []
    for key, members in phases.items():
        if key or len(phases) > 1:
            rows.append(("phase", key))
            if key in collapsed:
                continue
        rows.extend(("task", t) for t in members)
    return rows


#: The task grid left of the bars: its share of the figure's width and each column's left edge
#: (in hundredths of the grid) with its width in character cells, the way MS Project's sheet sits
#: beside its bars.  The page keeps the chart wide enough for these (``min-width`` on the card).
#: The widths fit an A4 landscape page (1123 px at 96 dpi) at 11 px type.
GRID_SHARE = 0.5
GRID_COLUMNS: tuple[tuple[str, float, int], ...] = (
    ("grid_id", 0.0, 7), ("grid_name", 8.0, 28), ("grid_duration", 41.0, 5), ("start", 47.5, 10),
    ("finish", 60.5, 10), ("grid_complete", 73.5, 6), ("grid_roles", 83.0, 14),
)


def _grid_cells(
    kind: str, item: str | ScheduledTask, scheduled: ScheduledPlan, members: Sequence[ScheduledTask],
    locale: str, role_names: Mapping[str, str], collapsed: Collection[str],
) -> tuple[str, ...]:
    """The grid's cells of one row, column by column (plain text, cut to the column)."""
    if kind == "phase":
        assert isinstance(item, str)
        first, last = min(t.start for t in members), max(t.finish for t in members)
        calendar = scheduled.calendar
        days = calendar.offset_of(last + timedelta(days=1)) - calendar.offset_of(first)  # working days, both ends in
        done = 100 * weighted_progress([t.task for t in members])
        marker = "▸" if item in collapsed else "▾"
        return (f"{marker} {item}", scheduled.plan.phase(item).label(locale), num(days), first.isoformat(),
                last.isoformat(), f"{done:.0f}", "")
    assert isinstance(item, ScheduledTask)
    roles = ", ".join(role_names.get(code, code) for code in item.task.responsible)
    return (item.id, item.label(locale), num(item.duration), item.start.isoformat(),
            (item.start if item.is_point else item.finish).isoformat(), str(item.task.progress), roles)


def _grid(
    rows: Sequence[tuple[str, str | ScheduledTask]], cells: Sequence[tuple[str, ...]],
    text: Mapping[str, str],
) -> tuple[list[go.Scatter], list[dict[str, Any]]]:
    """One text trace per grid column (full text on hover where a cell is cut) and the headers."""
    traces = []
    phase_rows = [kind == "phase" for kind, _ in rows]
    critical = [isinstance(item, ScheduledTask) and item.critical for _, item in rows]
    for index, (key, left, width) in enumerate(GRID_COLUMNS):
        column = [row[index] for row in cells]
        shown = [esc(fit(value, width)) for value in column]
        traces.append(go.Scatter(
            name=text[key], mode="text", xaxis="x2", yaxis="y", x=[left] * len(rows), y=list(range(len(rows))),
            text=[f"<b>{value}</b>" if phase else value for value, phase in zip(shown, phase_rows)],
            textposition="middle right", cliponaxis=False, showlegend=False,
            textfont={"size": 11, "color": [COLORS["critical"] if index == 0 and hot else "#212529" for hot in critical]},
            customdata=[esc(value) for value in column],
            hovertemplate="%{customdata}<extra></extra>" if key in ("grid_name", "grid_roles") else None,
            hoverinfo=None if key in ("grid_name", "grid_roles") else "skip",
        ))
    headers = [
        {"text": f"<b>{esc(text[key])}</b>", "x": left, "xref": "x2", "y": 1.0, "yref": "paper",
         "xanchor": "left", "yanchor": "bottom", "showarrow": False, "font": {"size": 11}}
        for key, left, _ in GRID_COLUMNS
    ]
    return traces, headers


def _bar_trace(
    tasks: list[ScheduledTask], ypos: Mapping[str, int], name: str, color: Any, text: dict[str, str],
    locale: str, **kw: Any,
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
                esc(t.label(locale)), t.start.isoformat(), t.finish.isoformat(),
                num(t.duration), num(t.total_slack), t.task.progress,
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
    scheduled: ScheduledPlan,
    *,
    baseline: BaselineDates | None = None,
    today: date | None = None,
    status_date: date | None = None,
    locale: str = "en",
    title: str | None = None,
    role_names: Mapping[str, str] | None = None,
    collapsed: Collection[str] = (),
) -> go.Figure:
    """Gantt chart: one row per task under a summary row per phase, plan order top to bottom.

    Left of the bars, a task grid on the same rows: id, name, duration, start, finish, % complete
    and the responsible roles (``role_names`` maps a role code to its name in ``locale``); the
    phases in ``collapsed`` show their summary row only.

    Critical bars are red, others blue; a darker inner bar shows progress; milestones and gates
    are diamonds (gates labelled); thin grey bars under a task are its ``baseline`` dates; each
    link is an arrow from the predecessor's start/finish to the successor's start/finish by its
    type; ``today`` and ``status_date`` (the date a forecast is rescheduled from) draw vertical
    lines.  Names are shown in ``locale``.

    Raises
    ------
    ValidationError
        The locale is not supported.
    """
    text = labels(locale)
    tasks = scheduled.tasks
    baseline = baseline or {}
    rows = _rows(tasks, collapsed)
    ypos: dict[str, int] = {}
    cells = []
    phase_bars: list[tuple[int, str, date, date]] = []
    for y, (kind, item) in enumerate(rows):
        members: list[ScheduledTask] = []
        if kind == "phase":
            assert isinstance(item, str)
            members = [t for t in tasks if t.task.phase == item]
            name = scheduled.plan.phase(item).label(locale)
            phase_bars.append(
                (y, name, min(t.start for t in members), max(_bar_end(t) for t in members))
            )
        else:
            assert isinstance(item, ScheduledTask)
            ypos[item.id] = y
        cells.append(_grid_cells(kind, item, scheduled, members, locale, role_names or {}, collapsed))
    shown = [t for t in tasks if t.id in ypos]

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
    with_baseline = [t for t in shown if t.id in baseline]
    if with_baseline:
        fig.add_trace(
            go.Bar(
                name=text["baseline"],
                orientation="h",
                y=[ypos[t.id] + 0.32 for t in with_baseline],
                base=[baseline[t.id].start.isoformat() for t in with_baseline],
                x=[((baseline[t.id].finish - baseline[t.id].start).days + 1) * DAY_MS for t in with_baseline],
                width=0.16,
                marker={"color": COLORS["baseline"]},
                hoverinfo="skip",
            )
        )
    bars = [t for t in shown if not t.is_point]
    kinds = ((False, text["task"], COLORS["task"]), (True, text["critical"], COLORS["critical"]))
    for critical, name, color in kinds:
        group = [t for t in bars if t.critical is critical]
        if group:
            fig.add_trace(_bar_trace(group, ypos, name, color, text, locale, width=0.6))
    done = [t for t in bars if t.task.progress > 0]
    if done:
        trace = _bar_trace(
            done,
            ypos,
            text["progress"],
            [COLORS["critical_done"] if t.critical else COLORS["task_done"] for t in done],
            text,
            locale,
            width=0.25,
        )
        trace.x = tuple((_bar_end(t) - t.start).days * DAY_MS * t.task.progress / 100 for t in done)
        fig.add_trace(trace)
    for gates, name in ((False, text["milestone"]), (True, text["gate"])):
        group = [t for t in shown if t.is_point and bool(t.task.gate) is gates]
        if group:
            fig.add_trace(
                go.Scatter(
                    name=name,
                    mode="markers+text" if gates else "markers",
                    x=[_bar_end(t).isoformat() for t in group],
                    y=[ypos[t.id] for t in group],
                    text=[esc(short(t.label(locale), 24)) for t in group] if gates else None,
                    textposition="middle right",
                    marker={
                        "symbol": "diamond",
                        "size": 14 if gates else 11,
                        "color": [COLORS["critical"] if t.critical else COLORS["task"] for t in group],
                        "line": {"width": 1.5 if gates else 0.5, "color": "#000000"},
                    },
                    customdata=[[esc(t.label(locale)), t.start.isoformat()] for t in group],
                    hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
                )
            )
    arrows = []
    for link in scheduled.plan.links:
        if link.pred not in ypos or link.succ not in ypos:
            continue  # a link into a collapsed phase
        pred, succ = scheduled.task(link.pred), scheduled.task(link.succ)
        tail, head = _link_points(pred, succ, link.type)
        arrows.append(arrow((tail.isoformat(), ypos[pred.id]), (head.isoformat(), ypos[succ.id]),
                            critical=pred.critical and succ.critical, width=(0.8, 1.2), opacity=0.8))
    grid, headers = _grid(rows, cells, text)
    fig.add_traces(grid)
    fig.update_layout(annotations=arrows + headers)
    lines = [(today, "today", "dot", "left"), (status_date, "status_date", "solid", "right")]
    if status_date == today:
        lines = lines[1:]  # one line, named for what it means here
    for day, name, dash, side in lines:
        if day is None:
            continue
        fig.add_shape(
            type="line",
            xref="x",
            yref="paper",
            x0=day.isoformat(),
            x1=day.isoformat(),
            y0=0,
            y1=1,
            line={"color": COLORS[name], "width": 2, "dash": dash},
            label={
                "text": text[name],
                "textposition": "end",
                "textangle": 0,
                "xanchor": side,
                "yanchor": "top",
                "font": {"color": COLORS[name], "size": 11},
            },
            name=name,
        )
    n_rows = max(1, len(rows))
    xaxis: dict[str, Any] = {"type": "date", "title": text["date"], "showgrid": True, "dtick": "M1",
                             "domain": [GRID_SHARE + 0.01, 1.0], **date_axis(locale)}
    if tasks:
        # Room on the right for the labels of gates at the end of the plan.
        # The today and status-date lines are always in sight: a late project is exactly when
        # today lies beyond the plan.
        marks = [day for day in (today, status_date) if day is not None]
        first = min([t.start for t in tasks] + marks)
        last = max([_bar_end(t) for t in tasks] + [day + timedelta(days=1) for day in marks])
        pad = timedelta(days=max(14, (last - first).days // 5))
        xaxis["range"] = [(first - timedelta(days=3)).isoformat(), (last + pad).isoformat()]
        # Weekends and holidays shaded, set in one go under the bars (only where days can be told apart).
        spans = _non_working_spans(scheduled, first - timedelta(days=3), last + pad)
        if len(spans) <= MAX_SHADED_SPANS:
            fig.update_layout(shapes=list(fig.layout.shapes) + [
                {"type": "rect", "xref": "x", "yref": "paper", "x0": a.isoformat(), "x1": b.isoformat(), "y0": 0,
                 "y1": 1, "fillcolor": COLORS["non_working"], "line": {"width": 0}, "layer": "below",
                 "name": "non_working"}
                for a, b in spans
            ])
        fig.update_layout(updatemenus=[_timescales(text, locale, xaxis["range"], status_date or today or first)])
    fig.update_layout(
        title=title if title is not None else text["gantt_title"],
        barmode="overlay",
        # Exactly 24 px a row, so the grid and the bars line up on screen and in print.
        height=GANTT_MARGIN["t"] + GANTT_MARGIN["b"] + ROW_PX * n_rows,
        margin=GANTT_MARGIN,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.06, "x": GRID_SHARE + 0.01, "xanchor": "left"},
        xaxis=xaxis,
        xaxis2={"domain": [0.0, GRID_SHARE], "range": [0, 100], "fixedrange": True, "showgrid": False,
                "zeroline": False, "showticklabels": False, "anchor": "y"},
        yaxis={
            "tickmode": "array",
            "tickvals": list(range(len(rows))),
            "showticklabels": False,  # the grid names the rows
            "range": [n_rows - 0.5, -0.5],  # first row on top
        },
        plot_bgcolor="#ffffff",
    )
    return fig
