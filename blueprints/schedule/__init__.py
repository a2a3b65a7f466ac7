"""Schedule views: Gantt chart, network (PERT) diagram, Monte Carlo risk, resource load."""

from flask import Blueprint

bp = Blueprint("schedule", __name__, url_prefix="/projects/<int:project_id>/schedule")

from blueprints.schedule import routes  # noqa: E402,F401
