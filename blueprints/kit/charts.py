"""Embedding a chart in a page: the figure's HTML, plotly.js loaded once from /assets."""

from __future__ import annotations

import re

import plotly.graph_objects as go
from flask import request
from flask_babel import get_locale
from markupsafe import Markup

__all__ = ["chart_html", "CHART_CONFIG"]

# An inline <script> tag of plotly's fragment (not one that loads a file).
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)")

#: The toolbar every chart shows: no logo, nothing that sends data to a cloud (the app works
#: offline and charts hold client data), no lasso tools; images at twice the screen resolution.
CHART_CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "showSendToCloud": False,
    "modeBarButtonsToRemove": ["sendDataToCloud", "editInChartStudio", "lasso2d", "select2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


def chart_html(figure: go.Figure, **config: object) -> Markup:
    """The figure as an HTML fragment for a template (plotly.js comes from the page's head).

    The fragment's inline script carries the request's nonce, the one inline script the
    Content-Security-Policy allows.
    """
    # Toolbar and date axes in the reader's language (plotly.js's zh-CN locale is served with the page).
    locale = "zh-CN" if get_locale() is not None and get_locale().language == "zh" else "en"
    html = figure.to_html(full_html=False, include_plotlyjs=False, config={**CHART_CONFIG, "locale": locale, **config})
    nonce = getattr(request, "csp_nonce", "")
    if nonce:
        html = _INLINE_SCRIPT.sub(f'<script nonce="{nonce}"', html)
    return Markup(html)
