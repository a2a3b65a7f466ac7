"""Vendor-selection charts: radar over the CRM-7 areas and over the groups, stacked weighted
contributions, the sensitivity of the winner to each weight, and the probability of ranking first.

Pure functions of the engine's shapes (:mod:`crm_impl.vendors`); names of criteria, groups and
vendors come in the reader's language from the caller (``names``), the chart's own words from the
translation catalogue.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import plotly.graph_objects as go

from crm_impl import i18n
from crm_impl.charts.style import esc, short
from crm_impl.i18n import NC_, normalise_locale
from crm_impl.vendors.catalogue import CRM7_AREAS
from crm_impl.vendors.criteria import RESULT_SCALE
from crm_impl.vendors.scoring import Evaluation
from crm_impl.vendors.sensitivity import Flip

__all__ = ["VENDOR_COLORS", "radar_figure", "area_radar_figure", "group_radar_figure", "contributions_figure",
           "sensitivity_figure", "first_probability_figure", "chart_words"]

#: One colour per vendor, in the order of the selection (colour-blind safe, Okabe–Ito).
VENDOR_COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")

_WORDS: dict[str, tuple[str, str]] = {
    "area_radar": NC_("chart", "Vendors over the CRM-7 areas"),
    "group_radar": NC_("chart", "Vendors over the criteria groups"),
    "contributions": NC_("chart", "Weighted score by group"),
    "sensitivity": NC_("chart", "Weight at which another vendor wins"),
    "probability": NC_("chart", "Probability of ranking first (weights varied)"),
    "score": NC_("chart", "Score (1–5)"),
    "weight": NC_("chart", "Weight"),
    "now": NC_("chart", "Weight now"),
    "flip": NC_("chart", "Winner changes at"),
    "no_flip": NC_("chart", "no weight changes the winner"),
    "probability_axis": NC_("chart", "Share of runs ranked first"),
    "disqualified": NC_("chart", "disqualified"),
}


def chart_words(locale: object) -> dict[str, str]:
    """The chart's own words in ``locale``.

    >>> chart_words("en")["weight"]
    'Weight'
    """
    catalogue = i18n.translations(normalise_locale(locale))
    return {key: catalogue.pgettext(context, msgid) for key, (context, msgid) in _WORDS.items()}


def _color(index: int) -> str:
    return VENDOR_COLORS[index % len(VENDOR_COLORS)]


def radar_figure(axes: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], title: str) -> go.Figure:
    """A closed radar (one trace per vendor) over ``axes``, radial axis 1–5.

    >>> fig = radar_figure(["A", "B", "C"], [("V", [1, 2, 3])], "t")
    >>> list(fig.data[0].r), list(fig.data[0].theta)
    ([1, 2, 3, 1], ['A', 'B', 'C', 'A'])
    """
    fig = go.Figure()
    labels = [esc(short(a, 28)) for a in axes]
    for i, (name, values) in enumerate(series):
        fig.add_trace(go.Scatterpolar(
            r=[*values, values[0]] if values else [], theta=[*labels, labels[0]] if labels else [],
            name=esc(short(name, 40)), mode="lines+markers", line={"color": _color(i), "width": 2},
            fill="toself", opacity=0.55,
            hovertemplate="%{theta}: %{r:.2f}<extra>" + esc(short(name, 40)) + "</extra>",
        ))
    fig.update_layout(
        title={"text": esc(title)}, polar={"radialaxis": {"range": [0, RESULT_SCALE], "dtick": 1}},
        legend={"orientation": "h", "y": -0.12}, margin={"l": 60, "r": 60, "t": 60, "b": 40}, height=460,
    )
    return fig


def _vendor_names(evaluation: Evaluation, words: Mapping[str, str]) -> list[str]:
    return [v.name + (f" ({words['disqualified']})" if v.disqualified else "") for v in evaluation.vendors]


def area_radar_figure(evaluation: Evaluation, locale: object = "en") -> go.Figure:
    """The vendors' scores over the CRM-7 areas the tree measures (the methodology's radar axes)."""
    words = chart_words(locale)
    zh = i18n.is_chinese(locale)
    areas = [a for a in CRM7_AREAS if evaluation.vendors and a in evaluation.vendors[0].area_scores]
    axes = [CRM7_AREAS[a][1 if zh else 0] for a in areas]
    series = [(name, [v.area_scores[a] for a in areas])
              for name, v in zip(_vendor_names(evaluation, words), evaluation.vendors)]
    return radar_figure(axes, series, words["area_radar"])


def group_radar_figure(evaluation: Evaluation, group_names: Mapping[str, str], locale: object = "en") -> go.Figure:
    """The vendors' mean score in each criteria group (``group_names``: key → name, in order)."""
    words = chart_words(locale)
    keys = [k for k in group_names if evaluation.vendors and k in evaluation.vendors[0].group_scores]
    series = [(name, [v.group_scores[k] for k in keys])
              for name, v in zip(_vendor_names(evaluation, words), evaluation.vendors)]
    return radar_figure([group_names[k] for k in keys], series, words["group_radar"])


_GROUP_SHADES = ("#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C",
                 "#CCB974", "#64B5CD")


def contributions_figure(evaluation: Evaluation, group_names: Mapping[str, str], locale: object = "en") -> go.Figure:
    """Each vendor's total as a stacked bar of its groups' weighted subtotals, best first (the
    total written at the end of the bar)."""
    words = chart_words(locale)
    ranking = evaluation.ranking
    names = [v.name + (f" ({words['disqualified']})" if v.disqualified else "") for v in ranking]
    fig = go.Figure()
    for i, (key, group) in enumerate(group_names.items()):
        values = [v.group_subtotals.get(key, 0.0) for v in ranking]
        fig.add_trace(go.Bar(
            y=[esc(short(n, 40)) for n in names], x=values, name=esc(short(group, 30)), orientation="h",
            marker={"color": _GROUP_SHADES[i % len(_GROUP_SHADES)]},
            hovertemplate=esc(short(group, 30)) + ": %{x:.3f}<extra>%{y}</extra>",
        ))
    totals = [v.total for v in ranking]
    fig.add_trace(go.Scatter(
        y=[esc(short(n, 40)) for n in names], x=totals, mode="text", text=[f"{t:.3f}" for t in totals],
        textposition="middle right", showlegend=False, hoverinfo="skip",
    ))
    fig.update_layout(
        barmode="stack", title={"text": esc(words["contributions"])},
        xaxis={"title": {"text": esc(words["score"])}, "range": [0, RESULT_SCALE * 1.08]},
        yaxis={"autorange": "reversed"}, legend={"orientation": "h", "y": -0.2, "traceorder": "normal"},
        margin={"l": 200, "r": 30, "t": 60, "b": 60}, height=140 + 60 * len(ranking),
    )
    return fig


def sensitivity_figure(flips: Sequence[Flip], criterion_names: Mapping[str, str], vendor_index: Mapping[str, int],
                       locale: object = "en") -> go.Figure:
    """For each criterion a line from its weight now to the weight at which another vendor wins
    (coloured by that vendor), nearest flips on top; criteria where no weight changes the winner
    show their weight alone.

    ``vendor_index``: a vendor's name → its position in the selection (its colour).
    """
    words = chart_words(locale)
    ordered = sorted(flips, key=lambda f: (f.change is None, abs(f.change or 0.0)))
    names = [esc(short(criterion_names.get(f.criterion, f.criterion), 40)) for f in ordered]
    fig = go.Figure()
    fig.add_trace(go.Scatter(
        x=[f.weight for f in ordered], y=names, mode="markers", name=esc(words["now"]),
        marker={"color": "#333333", "size": 9, "symbol": "diamond"},
        hovertemplate="%{y}: %{x:.1%}<extra>" + esc(words["now"]) + "</extra>",
    ))
    winners = sorted({f.new_winner for f in ordered if f.new_winner}, key=lambda n: vendor_index.get(n, 0))
    for winner in winners:
        xs: list[float | None] = []
        ys: list[str | None] = []
        for f, name in zip(ordered, names):
            if f.new_winner == winner and f.flip_at_weight is not None:
                xs += [f.weight, f.flip_at_weight, None]
                ys += [name, name, None]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines+markers", name=esc(f"{words['flip']} → {short(winner, 30)}"),
            line={"color": _color(vendor_index.get(winner, 0)), "width": 3},
            marker={"size": [0 if i % 3 == 0 else 9 for i in range(len(xs))]},
            hovertemplate="%{y}: %{x:.1%}<extra>" + esc(short(winner, 30)) + "</extra>",
        ))
    fig.update_layout(
        title={"text": esc(words["sensitivity"])},
        xaxis={"title": {"text": esc(words["weight"])}, "tickformat": ".0%", "range": [0, 1]},
        yaxis={"autorange": "reversed"}, legend={"orientation": "h", "y": -0.12},
        margin={"l": 220, "r": 30, "t": 60, "b": 60}, height=160 + 24 * len(ordered),
    )
    return fig


def first_probability_figure(probabilities: Mapping[str, float], vendor_index: Mapping[str, int],
                             locale: object = "en") -> go.Figure:
    """Each vendor's share of Monte Carlo runs in which it ranked first.

    >>> fig = first_probability_figure({"A": 0.75, "B": 0.25}, {"A": 0, "B": 1})
    >>> list(fig.data[0].x), list(fig.data[0].y)
    (['A', 'B'], [0.75, 0.25])
    """
    words = chart_words(locale)
    names = list(probabilities)
    fig = go.Figure(go.Bar(
        x=[esc(short(n, 40)) for n in names], y=[probabilities[n] for n in names],
        marker={"color": [_color(vendor_index.get(n, i)) for i, n in enumerate(names)]},
        text=[f"{probabilities[n]:.1%}" for n in names], textposition="outside",
        hovertemplate="%{x}: %{y:.1%}<extra></extra>",
    ))
    fig.update_layout(
        title={"text": esc(words["probability"])},
        yaxis={"title": {"text": esc(words["probability_axis"])}, "tickformat": ".0%", "range": [0, 1.12]},
        margin={"l": 60, "r": 30, "t": 60, "b": 80}, height=380,
    )
    return fig
