"""Process maps (BPR): maps per project with their metrics, the bpmn.io modeler with an attribute
table beside it, as-is vs to-be diff, what-if simulation, fishbone and Pareto, process selection."""

from flask import Blueprint

bp = Blueprint("processes", __name__, url_prefix="/projects/<int:project_id>/processes")

from blueprints.processes import routes  # noqa: E402,F401
