"""Front-end libraries served by the app itself, so everything works offline."""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources

from importlib.metadata import version as package_version

from flask import Blueprint, Response, abort, request, send_from_directory

__all__ = ["bp", "plotly_js", "plotly_version", "bpmn_js_version"]

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


# ------------------------------------------------------------------ bpmn-js (bpmn.io's modeler)
#
# The built distribution of the npm package ``bpmn-js`` (its modeler bundle, CSS and font), copied
# into static/vendor/bpmn-js/ with its LICENSE; VERSION names the release.  Served under its
# version, like plotly.js: a browser keeps the files until bpmn-js is upgraded (a new URL).

_BPMN_JS_FILES = frozenset({
    "bpmn-modeler.production.min.js", "assets/diagram-js.css", "assets/bpmn-js.css", "assets/bpmn-font/css/bpmn.css",
    "assets/bpmn-font/font/bpmn.woff2", "assets/bpmn-font/font/bpmn.woff", "assets/bpmn-font/font/bpmn.ttf",
    "assets/bpmn-font/font/bpmn.eot", "assets/bpmn-font/font/bpmn.svg", "LICENSE",
})


def _bpmn_js_dir():
    from blueprints.paths import asset_dir

    return asset_dir("static") / "vendor" / "bpmn-js"


@cache
def bpmn_js_version() -> str:
    """The release of bpmn-js the app serves (``17.11.1``)."""
    return (_bpmn_js_dir() / "VERSION").read_text("utf-8").strip()


@bp.get("/bpmn-js-<version>/<path:filename>")
def bpmn_js(version: str, filename: str):
    """A file of bpmn-js's distribution under its version (fonts and CSS resolve relative to it)."""
    if filename not in _BPMN_JS_FILES:
        abort(404)
    current = version == bpmn_js_version()
    response = send_from_directory(_bpmn_js_dir(), filename, max_age=365 * 86400 if current else 86400)
    response.cache_control.public = True
    response.cache_control.immutable = current
    return response
