"""Schedule-risk charts: the Monte Carlo finish distribution and the criticality index."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from crm_impl.charts.style import COLORS, DAY_MS, EPS, date_axis, esc, labels, short
from crm_impl.errors import ValidationError
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.estimates import PERCENTILES, Percentile

__all__ = ["montecarlo_figure", "criticality_figure"]

# The histogram's vertical layout in pixels: the plot area, the title and legend above it, a row
# for each percentile's (and the target's) label between the legend and the plot, the axis below.
PLOT_PX, TITLE_PX, LEGEND_PX, BOTTOM_PX = 300, 44, 30, 70
LABEL_ROW_PX, LABEL_GAP_PX = 19, 4


def _finish_x(days: float, calendar: WorkCalendar | None) -> Any:
    """Axis value of a project lasting ``days`` working days: whole days, or its last day."""
    if calendar is None:
        return max(0, math.ceil(days - EPS))
    return calendar.finish_of(days).isoformat()


def montecarlo_figure(
    finish_days: Sequence[float] | np.ndarray,
    *,
    target: date | float | None = None,
    percentiles: Sequence[Percentile] | None = None,
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
    percentiles : sequence of Percentile, optional
        The lines to draw (``SimulationResult.percentiles``); default P50/P80/P90 of
        ``finish_days``.  With a calendar each line stands at the percentile's finish date.
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
        lines_at = [
            (f"P{q}", float(np.quantile(values, q / 100, method="inverted_cdf"))) for q in PERCENTILES
        ]
        lines: list[tuple[str, Any, str]] = [
            (name, _finish_x(days, calendar), COLORS["percentile"]) for name, days in lines_at
        ]
    else:
        lines = [
            (p.name, p.finish.isoformat() if calendar is not None else _finish_x(p.days, None), COLORS["percentile"])
            for p in percentiles
        ]
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
    if target is not None:
        if isinstance(target, date):
            if calendar is None:
                raise ValidationError("a target date needs a calendar", "target")
            target_x: Any = target.isoformat()
        else:
            target_x = _finish_x(float(target), calendar) if calendar else float(target)
        lines.append((text["target"], target_x, COLORS["target"]))
    annotations = []
    for row, (name, at, color) in enumerate(lines):
        fig.add_shape(type="line", xref="x", yref="paper", x0=at, x1=at, y0=0, y1=1, name=name,
                      line={"color": color, "width": 2, "dash": "dash"})
        # Level labels in the top margin, above the bars and the S-curve, one row each (row 0
        # nearest the plot) so neighbouring lines never cover each other.
        annotations.append({
            "x": at, "xref": "x", "y": 1.0, "yref": "paper", "yshift": LABEL_GAP_PX + LABEL_ROW_PX * row,
            "showarrow": False, "text": f"<b>{esc(name)}</b> {esc(str(at))}", "xanchor": "left",
            "yanchor": "bottom", "font": {"size": 11, "color": color}, "bgcolor": "rgba(255,255,255,0.85)",
            "borderpad": 2,
        })
    fig.update_layout(annotations=annotations)
    # From the top: the title, the legend, the label rows, then the plot.
    top = TITLE_PX + LEGEND_PX + LABEL_GAP_PX + LABEL_ROW_PX * len(lines)
    height = PLOT_PX + top + BOTTOM_PX
    fig.update_layout(
        title={"text": title if title is not None else text["mc_title"], "y": 1 - 8 / height, "yanchor": "top"},
        bargap=0.1,
        height=height,
        margin={"t": top, "b": BOTTOM_PX},
        legend={"orientation": "h", "yref": "container", "yanchor": "top", "y": 1 - TITLE_PX / height, "x": 0},
        plot_bgcolor="#ffffff",
    )
    fig.update_xaxes(
        type="date" if calendar is not None else "linear",
        title=text["finish_date"] if calendar is not None else text["finish_days"],
        **(date_axis(locale) if calendar is not None else {}),
    )
    fig.update_yaxes(title=text["runs"], secondary_y=False)
    fig.update_yaxes(
        title=text["cumulative"], range=[0, 105], tickmode="linear", tick0=0, dtick=20,
        secondary_y=True, showgrid=False,
    )
    return fig


def criticality_figure(
    indices: Mapping[str, float],
    *,
    top: int = 15,
    names: Mapping[str, str] | None = None,
    locale: str = "en",
    title: str | None = None,
) -> go.Figure:
    """Horizontal bars of up to ``top`` criticality indices (share of runs critical).

    The tasks that are *sometimes* critical (between 0 and 100 %) are what a simulation adds to
    CPM, so they are always shown; tasks critical in every run fill the remaining rows.  Ties keep
    the order of ``indices``; the highest bar is at the top.
    """
    text = labels(locale)
    if isinstance(top, bool) or not isinstance(top, int) or top < 1:
        raise ValidationError("must be a positive integer, got %(top)r", "top", top=top)
    for task_id, value in indices.items():
        if not 0 <= value <= 1:
            raise ValidationError("must be between 0 and 1, got %(value)r", f"indices.{task_id}", value=value)
    ordered = sorted(indices.items(), key=lambda item: -item[1])
    sometimes = [item for item in ordered if 0 < item[1] < 1][:top]
    always = [item for item in ordered if item[1] >= 1][: top - len(sometimes)]
    chosen = {k for k, _ in sometimes + always}
    ranked = [item for item in ordered if item[0] in chosen]
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
