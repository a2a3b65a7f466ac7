"""The plan: phases and their tasks with durations, estimates, links and progress."""

from flask import Blueprint

bp = Blueprint("plan", __name__, url_prefix="/projects/<int:project_id>/plan")

from blueprints.plan import routes  # noqa: E402,F401
