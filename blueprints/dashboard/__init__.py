"""The steering committee's status dashboard."""

from flask import Blueprint

bp = Blueprint("dashboard", __name__, url_prefix="/projects/<int:project_id>/status")

from blueprints.dashboard import routes  # noqa: E402,F401
