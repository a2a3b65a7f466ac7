"""Risk and resource charts: Monte Carlo finish distribution, criticality index, role load.

Re-exported by :mod:`crm_impl.schedule.figures`, where the schedule charts live.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from crm_impl.errors import ValidationError
from crm_impl.schedule._chart_text import COLORS, DAY_MS, EPS, esc, labels, short
from crm_impl.schedule.calendar import WorkCalendar

if TYPE_CHECKING:
    from crm_impl.schedule.figures import GanttTask

__all__ = ["montecarlo_figure", "criticality_figure", "weekly_role_loads", "resource_load_figure"]


# ---------------------------------------------------------------------------------- Monte Carlo


def _finish_x(days: int, calendar: WorkCalendar | None) -> Any:
    """Axis value of a project lasting ``days`` working days: the number, or its last day."""
    if calendar is None:
        return days
    return calendar.finish_date(days, days).isoformat()


def montecarlo_figure(
    finish_days: Sequence[float] | np.ndarray,
    *,
    target: date | float | None = None,
    percentiles: Mapping[str, float] | None = None,
    calendar: WorkCalendar | None = None,
    locale: str = "en",
    title: str | None = None,
) -> go.Figure:
    """Histogram of simulated project durations with the cumulative S-curve.

    Parameters
    ----------
    finish_days : array-like
        Project duration of each run in working days (``SimulationResult.durations``); each
        run is counted on the whole working day it finishes within.
    target : date or float, optional
        A date (needs ``calendar``) or a duration in working days; drawn as a green line.
    percentiles : mapping, optional
        ``{"P50": days, ...}``; default P50/P80/P90 of ``finish_days``.
    calendar : WorkCalendar, optional
        Show finish dates instead of working days.
    """
    text = labels(locale)
    values = np.asarray(finish_days, dtype=np.float64).ravel()
    if values.size == 0:
        raise ValidationError("no simulation runs", "finish_days")
    if not np.isfinite(values).all() or (values < 0).any():
        raise ValidationError("durations must be finite and >= 0", "finish_days")
    if percentiles is None:
        percentiles = {
            f"P{q}": float(np.quantile(values, q / 100, method="inverted_cdf")) for q in (50, 80, 90)
        }
    whole = np.ceil(values - EPS).astype(np.int64)
    days, counts = np.unique(whole, return_counts=True)
    cumulative = np.cumsum(counts) / values.size * 100
    x = [_finish_x(int(d), calendar) for d in days.tolist()]

    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(
        go.Bar(
            name=text["runs"],
            x=x,
            y=counts.tolist(),
            marker={"color": COLORS["task"]},
            width=0.8 * DAY_MS if calendar is not None else 0.8,
        ),
        secondary_y=False,
    )
    fig.add_trace(
        go.Scatter(
            name=text["cumulative"],
            x=x,
            y=cumulative.tolist(),
            mode="lines+markers",
            line={"color": COLORS["critical"], "shape": "hv"},
            marker={"size": 4},
        ),
        secondary_y=True,
    )
    lines: list[tuple[str, Any, str]] = []
    for name, value in percentiles.items():
        lines.append((name, _finish_x(math.ceil(float(value) - EPS), calendar), COLORS["percentile"]))
    if target is not None:
        if isinstance(target, date):
            if calendar is None:
                raise ValidationError("a target date needs a calendar", "target")
            target_x: Any = target.isoformat()
        else:
            target_x = _finish_x(math.ceil(float(target) - EPS), calendar) if calendar else float(target)
        lines.append((text["target"], target_x, COLORS["target"]))
    for name, at, color in lines:
        fig.add_shape(
            type="line",
            xref="x",
            yref="paper",
            x0=at,
            x1=at,
            y0=0,
            y1=1,
            name=name,
            line={"color": color, "width": 2, "dash": "dash"},
            label={
                "text": f"{name}: {at}",
                "textposition": "end",
                "textangle": -90,
                "xanchor": "right",
                "yanchor": "top",
                "font": {"size": 10, "color": color},
            },
        )
    fig.update_layout(
        title=title if title is not None else text["mc_title"],
        bargap=0.1,
        height=420,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "x": 0},
        plot_bgcolor="#ffffff",
    )
    fig.update_xaxes(
        type="date" if calendar is not None else "linear",
        title=text["finish_date"] if calendar is not None else text["finish_days"],
    )
    fig.update_yaxes(title=text["runs"], secondary_y=False)
    fig.update_yaxes(
        title=text["cumulative"], range=[0, 105], tickmode="linear", tick0=0, dtick=20,
        secondary_y=True, showgrid=False,
    )
    return fig


# -------------------------------------------------------------------------------- Resource load


def weekly_role_loads(
    tasks: Iterable[GanttTask],
    roles: Mapping[str, Sequence[str]],
    calendar: WorkCalendar,
) -> dict[str, dict[date, float]]:
    """Person-days per role per week (keyed by the week's Monday).

    Each responsible role of a task (``roles[task_id]``, e.g. the RACI "R" list) is booked one
    person-day for every working day of the task.

    Examples
    --------
    >>> from crm_impl.schedule.figures import GanttTask
    >>> cal = WorkCalendar(date(2025, 3, 6))  # a Thursday
    >>> t = GanttTask("a", "A", "P1", "P1", date(2025, 3, 6), date(2025, 3, 10), 0, 3, 3)
    >>> weekly_role_loads([t], {"a": ["V_PM"]}, cal)
    {'V_PM': {datetime.date(2025, 3, 3): 2.0, datetime.date(2025, 3, 10): 1.0}}
    """
    loads: dict[str, dict[date, float]] = {}
    for task in tasks:
        responsible = roles.get(task.id, ())
        if not responsible or task.duration <= 0:
            continue
        first, last = math.floor(task.es + EPS), math.ceil(task.ef - EPS)
        for offset in range(first, last):
            day = calendar.date_at(offset)
            week = day - timedelta(days=day.weekday())
            for role in responsible:
                per_week = loads.setdefault(role, {})
                per_week[week] = per_week.get(week, 0.0) + 1.0
    return {role: dict(sorted(weeks.items())) for role, weeks in loads.items()}


def resource_load_figure(
    loads: Mapping[str, Mapping[date, float]],
    capacity: Mapping[str, float],
    *,
    locale: str = "en",
    title: str | None = None,
) -> go.Figure:
    """Weekly load per role against its capacity, one panel per role (shared date axis).

    Parameters
    ----------
    loads : mapping role -> {week start date: person-days}
        See :func:`weekly_role_loads`; panels follow the mapping's order.
    capacity : mapping role -> person-days per week
        A role without capacity has capacity 0, so any load on it shows as over-allocated.

    Weeks whose load exceeds capacity are drawn red.
    """
    text = labels(locale)
    roles = list(loads)
    if not roles:
        raise ValidationError("no resource loads to show", "loads")
    weeks = sorted({week for per_week in loads.values() for week in per_week})
    fig = make_subplots(
        rows=len(roles), cols=1, shared_xaxes=True, vertical_spacing=min(0.08, 0.3 / len(roles)),
        subplot_titles=[esc(r) for r in roles],
    )
    for row, role in enumerate(roles, start=1):
        limit = float(capacity.get(role, 0.0))
        y = [float(loads[role].get(week, 0.0)) for week in weeks]
        over = [v > limit + EPS for v in y]
        fig.add_trace(
            go.Bar(
                name=text["within"],
                x=[w.isoformat() for w in weeks],
                y=y,
                marker={"color": [COLORS["critical"] if o else COLORS["task"] for o in over]},
                showlegend=row == 1,
                legendgroup="load",
                hovertemplate=f"{esc(role)} %{{x}}: %{{y}}<extra></extra>",
            ),
            row=row,
            col=1,
        )
        fig.add_trace(
            go.Scatter(
                name=text["capacity"],
                x=[w.isoformat() for w in weeks],
                y=[limit] * len(weeks),
                mode="lines",
                line={"color": "#000000", "dash": "dash", "width": 1.5, "shape": "hv"},
                showlegend=row == 1,
                legendgroup="capacity",
            ),
            row=row,
            col=1,
        )
        fig.update_yaxes(title=text["load"], row=row, col=1)
    # A legend swatch for the red bars, which otherwise share the load trace's entry.
    fig.add_trace(
        go.Bar(
            name=text["over"], x=[None], y=[None], marker={"color": COLORS["critical"]}, legendgroup="over"
        ),
        row=1,
        col=1,
    )
    fig.update_xaxes(type="date", title=text["week"], row=len(roles), col=1)
    fig.update_layout(
        title={"text": title if title is not None else text["load_title"], "y": 0.995, "yanchor": "top"},
        height=150 + 170 * len(roles),
        bargap=0.15,
        plot_bgcolor="#ffffff",
        margin={"t": 110},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "yref": "paper", "x": 0},
    )
    return fig


# ---------------------------------------------------------------------------------- Criticality


def criticality_figure(
    indices: Mapping[str, float],
    *,
    top: int = 15,
    names: Mapping[str, str] | None = None,
    locale: str = "en",
    title: str | None = None,
) -> go.Figure:
    """Horizontal bars of the ``top`` highest criticality indices (share of runs critical).

    Ties keep the order of ``indices``; the highest bar is at the top.
    """
    text = labels(locale)
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValidationError(f"must be a positive integer, got {top!r}", "top")
    for task_id, value in indices.items():
        if not 0 <= value <= 1:
            raise ValidationError(f"must be between 0 and 1, got {value!r}", f"indices.{task_id}")
    ranked = sorted(indices.items(), key=lambda item: -item[1])[:top]
    names = names or {}
    fig = go.Figure(
        go.Bar(
            orientation="h",
            name=text["criticality_title"],
            y=[esc(short(f"{k} {names[k]}" if k in names else k, 40)) for k, _ in ranked],
            x=[round(v * 100, 2) for _, v in ranked],
            marker={"color": [v for _, v in ranked], "colorscale": "Reds", "cmin": 0, "cmax": 1},
            hovertemplate="%{y}: %{x}%<extra></extra>",
        )
    )
    fig.update_layout(
        title=title if title is not None else text["criticality_title"],
        height=120 + 26 * max(1, len(ranked)),
        xaxis={"title": text["criticality"], "range": [0, 100]},
        yaxis={"autorange": "reversed", "automargin": True},
        plot_bgcolor="#ffffff",
        margin={"t": 60},
    )
    return fig
