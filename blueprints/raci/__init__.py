"""The RACI matrix of methodology roles × deliverables, edited as a grid."""

from flask import Blueprint

bp = Blueprint("raci", __name__, url_prefix="/projects/<int:project_id>/raci")

from blueprints.raci import routes  # noqa: E402,F401
