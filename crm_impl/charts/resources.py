"""The resource chart: weekly load of each methodology role against its capacity."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from crm_impl.charts.style import COLORS, EPS, date_axis, esc, labels
from crm_impl.errors import ValidationError

__all__ = ["resource_load_figure"]

#: The role code beside its name: grey, as the pages show a hint.
HINT_COLOR = "#6c757d"


def resource_load_figure(
    loads: Mapping[str, Mapping[date, float]],
    capacity: Mapping[str, float],
    *,
    locale: str = "en",
    title: str | None = None,
    role_names: Mapping[str, str] | None = None,
) -> go.Figure:
    """Weekly load per role against its capacity, one panel per role (shared date axis).

    Parameters
    ----------
    loads : mapping role -> {week start date: person-days}
        See :func:`weekly_role_loads`; panels follow the mapping's order.
    capacity : mapping role -> person-days per week
        A role without capacity has capacity 0, so any load on it shows as over-allocated.
    role_names : mapping role -> its name in ``locale``
        Panels and hovers are headed by the name, the code beside it as a hint; a role
        without a name shows its code.

    Weeks whose load exceeds capacity are drawn red.
    """
    text = labels(locale)
    roles = list(loads)
    if not roles:
        raise ValidationError("no resource loads to show", "loads")
    weeks = sorted({week for per_week in loads.values() for week in per_week})
    names = {role: (role_names or {}).get(role) or role for role in roles}

    def heading(role: str) -> str:
        if names[role] == role:
            return esc(role)
        return f"{esc(names[role])} <span style=\"color:{HINT_COLOR}\">{esc(role)}</span>"

    fig = make_subplots(
        rows=len(roles), cols=1, shared_xaxes=True, vertical_spacing=min(0.08, 0.3 / len(roles)),
        subplot_titles=[heading(r) for r in roles],
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
                meta=names[role],  # whose load this is (the legend names what the bars mean)
                hovertemplate=f"<b>{esc(names[role])}</b> ({esc(role)}) %{{x}}: %{{y}}<extra></extra>"
                if names[role] != role else f"<b>{esc(role)}</b> %{{x}}: %{{y}}<extra></extra>",
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
    fig.update_xaxes(type="date", title=text["week"], row=len(roles), col=1, **date_axis(locale))
    fig.update_layout(
        title={"text": title if title is not None else text["load_title"], "y": 0.995, "yanchor": "top"},
        height=150 + 170 * len(roles),
        bargap=0.15,
        plot_bgcolor="#ffffff",
        margin={"t": 110},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "yref": "paper", "x": 0},
    )
    return fig
