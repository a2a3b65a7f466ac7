"""Front-end libraries served by the app itself, so everything works offline."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

from importlib.metadata import version as package_version

from flask import Blueprint, Response, request

__all__ = ["bp", "plotly_js", "plotly_version"]

bp = Blueprint("assets", __name__, url_prefix="/assets")


@cache
def plotly_js() -> bytes:
    """plotly.js exactly as shipped with the installed plotly package (versions always match)."""
    return resources.files("plotly").joinpath("package_data/plotly.min.js").read_bytes()


@cache
def plotly_version() -> str:
    """The installed plotly's version (read without importing plotly: the CLI starts faster)."""
    return package_version("plotly")


@cache
def _plotly_js_gzip() -> bytes:
    # Compressed once per process (4.6 MB -> 1.4 MB), not on every download.
    return gzip.compress(plotly_js(), compresslevel=9, mtime=0)


@bp.get("/plotly-<version>.min.js")
def plotly_versioned(version: str):
    """plotly.js under its version: a browser keeps it until plotly is upgraded (a new URL)."""
    return _plotly_response(max_age=365 * 86400, immutable=version == plotly_version())


@bp.get("/plotly.min.js")
def plotly():
    return _plotly_response(max_age=86400, immutable=False)


def _plotly_response(max_age: int, immutable: bool) -> Response:
    compressed = "gzip" in request.accept_encodings
    response = Response(_plotly_js_gzip() if compressed else plotly_js(), mimetype="text/javascript")
    if compressed:
        response.content_encoding = "gzip"  # also tells Flask-Compress to leave it alone
    response.vary.add("Accept-Encoding")
    response.cache_control.public = True
    response.cache_control.max_age = max_age if immutable else 86400
    response.cache_control.immutable = immutable
    return response
