"""Embedding a chart in a page: the figure's HTML, plotly.js loaded once from /assets."""

from __future__ import annotations

import re

import plotly.graph_objects as go
from flask import request
from markupsafe import Markup

__all__ = ["chart_html", "CHART_CONFIG"]

# An inline <script> tag of plotly's fragment (not one that loads a file).
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)")

#: The toolbar every chart shows (no logo; the figure follows its card's width).
CHART_CONFIG = {"displaylogo": False, "responsive": True}


def chart_html(figure: go.Figure) -> Markup:
    """The figure as an HTML fragment for a template (plotly.js comes from the page's head).

    The fragment's inline script carries the request's nonce, the one inline script the
    Content-Security-Policy allows.
    """
    html = figure.to_html(full_html=False, include_plotlyjs=False, config=CHART_CONFIG)
    nonce = getattr(request, "csp_nonce", "")
    if nonce:
        html = _INLINE_SCRIPT.sub(f'<script nonce="{nonce}"', html)
    return Markup(html)
