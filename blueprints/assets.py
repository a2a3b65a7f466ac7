"""Front-end libraries served by the app itself, so everything works offline."""

from __future__ import annotations

from functools import cache
from importlib import resources

from flask import Blueprint, Response

__all__ = ["bp", "plotly_js"]

bp = Blueprint("assets", __name__, url_prefix="/assets")


@cache
def plotly_js() -> bytes:
    """plotly.js exactly as shipped with the installed plotly package (versions always match)."""
    return resources.files("plotly").joinpath("package_data/plotly.min.js").read_bytes()


@bp.get("/plotly.min.js")
def plotly():
    response = Response(plotly_js(), mimetype="text/javascript")
    response.cache_control.public = True
    response.cache_control.max_age = 86400
    return response
