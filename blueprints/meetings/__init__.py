"""Decisions and meetings: the biweekly steering decision meeting, with action items."""

from flask import Blueprint

bp = Blueprint("meetings", __name__, url_prefix="/projects/<int:project_id>/meetings")

from blueprints.meetings import routes  # noqa: E402,F401
