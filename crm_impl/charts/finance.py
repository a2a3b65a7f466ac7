"""Business-case charts: cumulative cash flow with the payback point, costs by category per year,
the Monte Carlo NPV histogram with P(NPV > 0), and the tornado of NPV per line.

Pure functions of the finance engine's shapes (:mod:`crm_impl.finance`); words from
:data:`FINANCE_LABELS` in the reader's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from crm_impl.charts.style import esc, labels, short
from crm_impl.finance import CaseResult, FinanceSimulation, TornadoBar
from crm_impl.finance.case import COST_COMPONENTS
from crm_impl.i18n import NC_, translations

__all__ = ["FINANCE_LABELS", "COMPONENT_LABELS", "finance_labels", "cashflow_figure", "costs_figure",
           "npv_histogram_figure", "tornado_figure", "vendor_cases_figure"]

FINANCE_LABELS: dict[str, tuple[str, str]] = {
    "cashflow_title": NC_("chart", "Cash flow and payback"),
    "costs_title": NC_("chart", "Costs by category and year"),
    "npv_title": NC_("chart", "Monte Carlo: NPV distribution"),
    "tornado_title": NC_("chart", "Tornado: NPV per line over its scenario range"),
    "year": NC_("chart", "Year"),
    "net_flow": NC_("chart", "Net cash flow"),
    "cumulative": NC_("chart", "Cumulative cash flow"),
    "cumulative_pv": NC_("chart", "Cumulative discounted cash flow"),
    "payback": NC_("chart", "Payback %(years)s years"),
    "no_payback": NC_("chart", "No payback within the horizon"),
    "amount": NC_("chart", "Amount (%(currency)s)"),
    "npv": NC_("chart", "NPV (%(currency)s)"),
    "runs": NC_("chart", "Runs"),
    "p_positive": NC_("chart", "P(NPV > 0) = %(share)s"),
    "break_even": NC_("chart", "NPV = 0"),
    "expected_npv": NC_("chart", "Expected NPV"),
    "conservative": NC_("scenario", "Conservative"),
    "optimistic": NC_("scenario", "Optimistic"),
    "construction": NC_("cost category", "Construction"),
    "usage": NC_("cost category", "Usage"),
    "vendors_title": NC_("chart", "TCO and NPV per vendor"),
    "tco_construction": NC_("chart", "TCO: construction"),
    "tco_usage": NC_("chart", "TCO: usage"),
    "npv_marker": NC_("chart", "NPV"),
}

#: A cost component's name for people.
COMPONENT_LABELS: dict[str, tuple[str, str]] = {
    "it_infrastructure": NC_("cost component", "IT infrastructure"),
    "software_license": NC_("cost component", "Software licences"),
    "database_development": NC_("cost component", "Database development"),
    "consulting": NC_("cost component", "Consulting"),
    "training": NC_("cost component", "Training"),
    "internal_hr": NC_("cost component", "Internal staff"),
    "data_migration": NC_("cost component", "Data migration"),
    "customization_reserve": NC_("cost component", "Customisation reserve"),
    "system_maintenance": NC_("cost component", "System maintenance"),
    "data_maintenance": NC_("cost component", "Data maintenance"),
    "communication": NC_("cost component", "Communication"),
    "labor": NC_("cost component", "Staff"),
    "license_renewal": NC_("cost component", "Licence renewals"),
}

_CONSTRUCTION = ["#1f3b73", "#2f5597", "#4472c4", "#6a8fd6", "#8faadc", "#b4c7e7", "#5b7fa6", "#3a5f8a"]
_USAGE = ["#c55a11", "#ed7d31", "#f4b183", "#f8cbad", "#a84a0e"]
_POSITIVE, _NEGATIVE, _LINE, _PV = "#2e7d32", "#c62828", "#1f3b73", "#7b1fa2"


def finance_labels(locale: object) -> dict[str, str]:
    """The finance chart words in ``locale`` (placeholders left to fill).

    >>> finance_labels("zh_Hans")["year"] == finance_labels("en")["year"]
    False
    """
    labels(locale)  # refuses an unsupported locale like every chart
    catalogue = translations(locale)
    words = {key: catalogue.pgettext(context, msgid) for key, (context, msgid) in FINANCE_LABELS.items()}
    words.update({f"component:{key}": catalogue.pgettext(context, msgid)
                  for key, (context, msgid) in COMPONENT_LABELS.items()})
    return words


def _money(value: float) -> str:
    return f"{value:,.0f}"


def _layout(fig: go.Figure, title: str, **extra) -> go.Figure:
    fig.update_layout(title={"text": esc(title), "x": 0.01}, template="plotly_white", margin={"l": 70, "r": 20,
                      "t": 60, "b": 50}, legend={"orientation": "h", "y": -0.18}, **extra)
    return fig


def cashflow_figure(result: CaseResult, *, currency: str = "CNY", locale: str = "en") -> go.Figure:
    """Net cash flow per year (bars), cumulative and discounted cumulative (lines), and the payback
    point where the cumulative line crosses zero."""
    text = finance_labels(locale)
    years = [row.year for row in result.years]
    nets = [row.net for row in result.years]
    fig = go.Figure()
    fig.add_bar(x=years, y=nets, name=text["net_flow"], marker_color=[_POSITIVE if v >= 0 else _NEGATIVE for v in nets],
                hovertemplate="%{x}: %{y:,.0f}<extra></extra>")
    fig.add_scatter(x=years, y=[row.cumulative for row in result.years], name=text["cumulative"], mode="lines+markers",
                    line={"color": _LINE, "width": 3}, hovertemplate="%{x}: %{y:,.0f}<extra></extra>")
    fig.add_scatter(x=years, y=[row.cumulative_pv for row in result.years], name=text["cumulative_pv"],
                    mode="lines", line={"color": _PV, "dash": "dash"}, hovertemplate="%{x}: %{y:,.0f}<extra></extra>")
    if result.payback_years is not None:
        label = text["payback"].replace("%(years)s", f"{result.payback_years:.2f}")
        fig.add_scatter(x=[result.payback_years], y=[0], mode="markers+text", name=label, text=[esc(label)],
                        textposition="top left", marker={"symbol": "diamond", "size": 14, "color": "#ff8f00",
                                                         "line": {"color": "#000", "width": 1}},
                        hovertemplate=esc(label) + "<extra></extra>")
    else:
        fig.add_annotation(x=years[-1], y=0, text=esc(text["no_payback"]), showarrow=False, yshift=12)
    fig.add_hline(y=0, line={"color": "#555", "width": 1})
    return _layout(fig, text["cashflow_title"], xaxis={"title": text["year"], "dtick": 1},
                   yaxis={"title": text["amount"].replace("%(currency)s", currency), "tickformat": ",.0f"})


def costs_figure(result: CaseResult, *, currency: str = "CNY", locale: str = "en") -> go.Figure:
    """Costs per year stacked by component: construction in blues, usage in oranges."""
    text = finance_labels(locale)
    years = [row.year for row in result.years]
    fig = go.Figure()
    for category, palette in (("construction", _CONSTRUCTION), ("usage", _USAGE)):
        shown = [c for c in COST_COMPONENTS[category] if c in result.costs_by_component]
        for i, component in enumerate(shown):
            name = f"{text[category]} · {text['component:' + component]}"
            fig.add_bar(x=years, y=list(result.costs_by_component[component]), name=esc(name),
                        legendgroup=category, marker_color=palette[i % len(palette)],
                        hovertemplate=esc(name) + " %{x}: %{y:,.0f}<extra></extra>")
    return _layout(fig, text["costs_title"], barmode="stack", xaxis={"title": text["year"], "dtick": 1},
                   yaxis={"title": text["amount"].replace("%(currency)s", currency), "tickformat": ",.0f"})


def npv_histogram_figure(simulation: FinanceSimulation, *, currency: str = "CNY", locale: str = "en",
                         bins: int = 40) -> go.Figure:
    """The simulated NPVs with the break-even line, P10/P50/P90 and P(NPV > 0) in the title."""
    text = finance_labels(locale)
    values = np.asarray(simulation.npv, dtype=float)
    share = f"{simulation.probability_positive:.1%}"
    fig = go.Figure()
    low, high = float(values.min()), float(values.max())
    if high - low < 1e-9 * max(1.0, abs(high)):
        fig.add_bar(x=[low], y=[values.size], width=[max(abs(low) * 0.02, 1.0)], name=text["runs"],
                    marker_color=_LINE)
    else:
        counts, edges = np.histogram(values, bins=bins)
        centres = (edges[:-1] + edges[1:]) / 2
        fig.add_bar(x=centres.tolist(), y=counts.tolist(), width=float(edges[1] - edges[0]), name=text["runs"],
                    marker_color=[_POSITIVE if c > 0 else _NEGATIVE for c in centres],
                    hovertemplate="%{x:,.0f}: %{y}<extra></extra>")
    fig.add_vline(x=0, line={"color": "#000", "dash": "dot"}, annotation_text=esc(text["break_even"]))
    spread = simulation.npv_spread
    for name, value in (("P10", spread.p10), ("P50", spread.p50), ("P90", spread.p90)):
        if value is not None:
            fig.add_vline(x=value, line={"color": "#9467bd", "dash": "dash", "width": 1},
                          annotation_text=f"{name} {_money(value)}", annotation_position="top")
    title = f"{text['npv_title']} — {text['p_positive'].replace('%(share)s', share)}"
    return _layout(fig, title, bargap=0.02, showlegend=False,
                   xaxis={"title": text["npv"].replace("%(currency)s", currency), "tickformat": ",.0f"},
                   yaxis={"title": text["runs"]})


def tornado_figure(bars: Sequence[TornadoBar], base_npv: float, *, names: Mapping[str, str] | None = None,
                   currency: str = "CNY", locale: str = "en") -> go.Figure:
    """One horizontal bar per line from its conservative to its optimistic NPV around the expected
    NPV, widest swing on top."""
    text = finance_labels(locale)
    names = names or {}
    ordered = list(reversed(list(bars)))  # plotly draws the first category at the bottom
    labels_ = [esc(short(names.get(bar.line_id, bar.name), 40)) for bar in ordered]
    fig = go.Figure()
    fig.add_bar(y=labels_, x=[bar.conservative_npv - base_npv for bar in ordered], base=base_npv, orientation="h",
                name=text["conservative"], marker_color=_NEGATIVE,
                customdata=[bar.conservative_npv for bar in ordered],
                hovertemplate="%{y}: %{customdata:,.0f}<extra></extra>")
    fig.add_bar(y=labels_, x=[bar.optimistic_npv - base_npv for bar in ordered], base=base_npv, orientation="h",
                name=text["optimistic"], marker_color=_POSITIVE,
                customdata=[bar.optimistic_npv for bar in ordered],
                hovertemplate="%{y}: %{customdata:,.0f}<extra></extra>")
    fig.add_vline(x=base_npv, line={"color": "#000", "width": 1},
                  annotation_text=f"{esc(text['expected_npv'])} {_money(base_npv)}")
    return _layout(fig, text["tornado_title"], barmode="overlay", height=max(320, 60 + 34 * len(ordered)),
                   xaxis={"title": text["npv"].replace("%(currency)s", currency), "tickformat": ",.0f"})


def vendor_cases_figure(cases: Sequence[tuple[str, CaseResult]], *, currency: str = "CNY",
                        locale: str = "en") -> go.Figure:
    """Each vendor's TCO (construction and usage stacked) beside its NPV, vendor by vendor in the
    order given (the selection's ranking)."""
    text = finance_labels(locale)
    names = [esc(short(name, 30)) for name, _ in cases]
    fig = go.Figure()
    for key, color in (("construction", _CONSTRUCTION[2]), ("usage", _USAGE[1])):
        values = [result.construction_total if key == "construction" else result.usage_total for _, result in cases]
        fig.add_bar(x=names, y=values, name=esc(text[f"tco_{key}"]), marker_color=color, offsetgroup="tco",
                    hovertemplate="%{x}: %{y:,.0f}<extra>" + esc(text[f"tco_{key}"]) + "</extra>")
    npvs = [result.npv for _, result in cases]
    fig.add_bar(x=names, y=npvs, name=esc(text["npv_marker"]), offsetgroup="npv",
                marker_color=[_POSITIVE if v >= 0 else _NEGATIVE for v in npvs],
                text=[_money(v) for v in npvs], textposition="outside",
                hovertemplate="%{x}: %{y:,.0f}<extra>" + esc(text["npv_marker"]) + "</extra>")
    fig.add_hline(y=0, line={"color": "#555", "width": 1})
    return _layout(fig, text["vendors_title"], barmode="relative",
                   yaxis={"title": text["amount"].replace("%(currency)s", currency), "tickformat": ",.0f"})
