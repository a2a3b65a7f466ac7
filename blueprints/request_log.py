"""Request ids and one log line per request, as JSON when ``LOG_FORMAT`` is ``json``.

Every request gets an id: the proxy's ``X-Request-ID`` when it sends a sane one, else a new one.
The response carries it back, the error page shows it (a person can quote it), and every log
record written while the request runs carries it, so one grep finds a request's whole story.
"""

from __future__ import annotations

import logging
import re
import sys
import time
import uuid

from flask import Flask, g, has_request_context, request
from pythonjsonlogger.json import JsonFormatter

__all__ = ["init_app", "request_id"]

log = logging.getLogger("crm_impl.requests")

HEADER = "X-Request-ID"
_SANE = re.compile(r"[A-Za-z0-9._:-]{8,128}")
_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s"


def request_id() -> str:
    """The current request's id ("-" outside a request)."""
    if not has_request_context():
        return "-"
    if "request_id" not in g:
        offered = request.headers.get(HEADER, "")
        g.request_id = offered if _SANE.fullmatch(offered) else uuid.uuid4().hex
    return g.request_id


class _RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id()
        return True


def _configure_logging(app: Flask) -> None:
    """One handler on the root logger: JSON lines or text, each with the request id."""
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_RequestIdFilter())
    if app.config["LOG_FORMAT"] == "json":
        handler.setFormatter(JsonFormatter(_FIELDS, rename_fields={"asctime": "time", "levelname": "level"},
                                           timestamp=False))
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"))
    root = logging.getLogger()
    # Replace a handler of ours from an earlier app in this process, leave others (pytest's) alone.
    for old in [h for h in root.handlers if getattr(h, "crm_impl", False)]:
        root.removeHandler(old)
    handler.crm_impl = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(app.config["LOG_LEVEL"])


def init_app(app: Flask) -> None:
    if app.config.get("LOG_FORMAT") in ("json", "text"):
        _configure_logging(app)

    @app.before_request
    def _start() -> None:
        g.request_started = time.perf_counter()
        request_id()

    @app.after_request
    def _finish(response):
        response.headers[HEADER] = request_id()
        started = g.get("request_started")
        if started is not None and request.endpoint != "health.healthz":
            ms = round((time.perf_counter() - started) * 1000, 1)
            log.info("%s %s %s %s ms", request.method, request.path, response.status_code, ms, extra={
                "method": request.method, "path": request.path, "status": response.status_code, "ms": ms,
                "user": getattr(g.get("viewer"), "id", None), "remote": request.remote_addr,
            })
        return response

    app.jinja_env.globals["request_id"] = request_id
