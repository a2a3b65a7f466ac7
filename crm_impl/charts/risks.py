"""The risk heat map: a 5 × 5 probability × impact grid with each open risk in its cell.

Cells are coloured by the zone of their score (:func:`crm_impl.tracking.risks.risk_zone`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from crm_impl.errors import ValidationError
from crm_impl.charts.style import esc, short
from crm_impl import i18n
from crm_impl.tracking.risks import SCALE as _SCALE
from crm_impl.tracking.risks import RiskPoint, risk_zone

__all__ = [
    "ZONE_COLORS",
    "cell_offsets",
    "risk_heatmap_figure",
    "risk_heatmap_pair",
]

#: Pale zone fills, so the dark risk markers stay readable on top.
ZONE_COLORS: dict[str, str] = {"green": "#c7e9c0", "amber": "#fdd49e", "red": "#fcae91"}
_MARKER_COLOR = "#252525"
# Markers sharing a cell spread over this share of the cell, leaving a margin to the borders.
_SPREAD = 0.7

def _labels(locale: str | None) -> dict[str, str]:
    """The heat map's words (``heatmap_*`` entries of the label table), keyed without the prefix."""
    table = i18n.labels(locale)
    return {key.removeprefix("heatmap_"): text for key, text in table.items() if key.startswith("heatmap_")}


def cell_offsets(count: int) -> list[tuple[float, float]]:
    """Offsets from a cell's centre for ``count`` markers: a near-square grid, row by row.

    One marker sits in the centre; all stay within ±0.35 of it, inside the cell.

    >>> cell_offsets(1), cell_offsets(2)
    ([(0.0, 0.0)], [(-0.175, 0.0), (0.175, 0.0)])
    """
    if count <= 0:
        return []
    cols = math.ceil(math.sqrt(count))
    rows = math.ceil(count / cols)
    step = _SPREAD / cols
    return [
        (round((k % cols - (cols - 1) / 2) * step, 6), round(((rows - 1) / 2 - k // cols) * step, 6))
        for k in range(count)
    ]


def _check(risks: Sequence[RiskPoint], name: str) -> None:
    for index, risk in enumerate(risks):
        for attr in ("probability", "impact"):
            value = getattr(risk, attr)
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _SCALE:
                raise ValidationError("must be a whole number 1–%(scale)s, got %(value)r", f"{name}[{index}].{attr}", scale=_SCALE, value=value)


def _grid_trace(text: dict[str, str]) -> go.Heatmap:
    levels = [1, 2, 3, 4, 5]
    zone_index = {"green": 0, "amber": 1, "red": 2}
    z = [[zone_index[risk_zone(p * i)] for i in levels] for p in levels]
    hover = [[f"{p} × {i} = {p * i} ({text[risk_zone(p * i)]})" for i in levels] for p in levels]
    # Three flat bands over z = 0, 1, 2: a discrete colour per zone.
    colorscale = [
        [0.0, ZONE_COLORS["green"]], [1 / 3, ZONE_COLORS["green"]],
        [1 / 3, ZONE_COLORS["amber"]], [2 / 3, ZONE_COLORS["amber"]],
        [2 / 3, ZONE_COLORS["red"]], [1.0, ZONE_COLORS["red"]],
    ]
    return go.Heatmap(
        name=text["zones"],
        x=levels,
        y=levels,
        z=z,
        zmin=0,
        zmax=2,
        colorscale=colorscale,
        showscale=False,
        xgap=2,
        ygap=2,
        text=hover,
        hovertemplate=f"{text['score']}: %{{text}}<extra></extra>",
    )


def _risk_trace(risks: Sequence[RiskPoint], text: dict[str, str]) -> go.Scatter:
    cells: dict[tuple[int, int], list[RiskPoint]] = defaultdict(list)
    for risk in risks:
        cells[(risk.probability, risk.impact)].append(risk)
    xs: list[float] = []
    ys: list[float] = []
    labels: list[str] = []
    hover: list[str] = []
    sizes: list[int] = []
    for (probability, impact), members in cells.items():
        cols = math.ceil(math.sqrt(len(members)))
        for risk, (dx, dy) in zip(members, cell_offsets(len(members)), strict=True):
            xs.append(impact + dx)
            ys.append(probability + dy)
            labels.append(esc(short(risk.id, 8)))
            hover.append(
                f"<b>{esc(risk.id)}</b> {esc(short(risk.title, 60))}<br>"
                f"{text['probability']} {probability} × {text['impact']} {impact} = {risk.score}"
            )
            # Smaller markers when a cell is crowded, so neighbours do not touch.
            sizes.append(max(10, 30 - 6 * cols))
    return go.Scatter(
        name=text["risks"],
        x=xs,
        y=ys,
        mode="markers+text",
        text=labels,
        textposition="middle center",
        textfont={"color": "#ffffff", "size": 9},
        marker={"color": _MARKER_COLOR, "size": sizes, "line": {"color": "#ffffff", "width": 1}},
        hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>",
        showlegend=False,
    )


_AXIS = {"tickvals": [1, 2, 3, 4, 5], "range": [0.5, 5.5], "showgrid": False, "zeroline": False}


def risk_heatmap_figure(
    risks: Sequence[RiskPoint], *, title: str | None = None, locale: str | None = "en"
) -> go.Figure:
    """The heat map of ``risks``: a zone grid trace, then one marker trace labelled by risk id.

    Impact runs along x and probability up y; risks sharing a cell are spread by
    :func:`cell_offsets`.
    """
    _check(risks, "risks")
    text = _labels(locale)
    fig = go.Figure([_grid_trace(text), _risk_trace(risks, text)])
    fig.update_layout(
        title=esc(title) if title is not None else text["title"],
        xaxis={**_AXIS, "title": text["impact"], "constrain": "domain"},
        yaxis={**_AXIS, "title": text["probability"], "scaleanchor": "x", "constrain": "domain"},
        plot_bgcolor="#ffffff",
        showlegend=False,
        margin={"t": 60},
    )
    return fig


def risk_heatmap_pair(
    before: Sequence[RiskPoint],
    after: Sequence[RiskPoint],
    locale: str | None = "en",
    *,
    title: str | None = None,
) -> go.Figure:
    """Two heat maps side by side: before and after mitigation, on the same grid.

    Traces are ``[grid, risks]`` of the left panel, then of the right one.
    """
    _check(before, "before")
    _check(after, "after")
    text = _labels(locale)
    fig = make_subplots(
        rows=1, cols=2, subplot_titles=(text["before"], text["after"]), horizontal_spacing=0.1
    )
    for col, risks in ((1, before), (2, after)):
        fig.add_trace(_grid_trace(text), row=1, col=col)
        fig.add_trace(_risk_trace(risks, text), row=1, col=col)
    fig.update_xaxes(**_AXIS, title_text=text["impact"], constrain="domain")
    fig.update_yaxes(**_AXIS, title_text=text["probability"], constrain="domain")
    # Square cells in each panel: each y axis follows its own x axis.
    fig.update_layout(
        yaxis={"scaleanchor": "x"},
        yaxis2={"scaleanchor": "x2"},
        title=esc(title) if title is not None else text["pair_title"],
        plot_bgcolor="#ffffff",
        showlegend=False,
        margin={"t": 80},
    )
    return fig
