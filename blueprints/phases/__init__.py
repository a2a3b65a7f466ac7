"""Phase and deliverable tracking: planned/actual dates, sign-off, quality gates."""

from flask import Blueprint

bp = Blueprint("phases", __name__, url_prefix="/projects/<int:project_id>/phases")

from blueprints.phases import routes  # noqa: E402,F401
