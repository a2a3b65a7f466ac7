"""``/healthz``: whether this worker can serve, for a load balancer or an orchestrator."""

from __future__ import annotations

import logging

from flask import Blueprint, current_app, jsonify
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

__all__ = ["bp"]

log = logging.getLogger(__name__)

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    """200 with ``{"status": "ok"}`` when the database answers, else 503 saying what is wrong."""
    try:
        with current_app.extensions["crm_impl.engine"].connect() as connection:
            connection.execute(text("SELECT 1"))
    except SQLAlchemyError as error:
        log.warning("health check: database unreachable: %s", error)
        return jsonify(status="unavailable", database="unreachable"), 503, {"Cache-Control": "no-store"}
    return jsonify(status="ok", database="ok"), 200, {"Cache-Control": "no-store"}
