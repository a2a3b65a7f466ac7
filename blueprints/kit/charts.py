"""Embedding a chart in a page: the figure's HTML, plotly.js loaded once from /assets."""

from __future__ import annotations

import plotly.graph_objects as go
from markupsafe import Markup

__all__ = ["chart_html", "CHART_CONFIG"]

#: The toolbar every chart shows (no logo; the figure follows its card's width).
CHART_CONFIG = {"displaylogo": False, "responsive": True}


def chart_html(figure: go.Figure) -> Markup:
    """The figure as an HTML fragment for a template (plotly.js comes from the page's head)."""
    return Markup(figure.to_html(full_html=False, include_plotlyjs=False, config=CHART_CONFIG))
