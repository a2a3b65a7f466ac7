"""The risk register: risks with probability × impact, owner, response, linked tasks, heat map."""

from flask import Blueprint

bp = Blueprint("risks", __name__, url_prefix="/projects/<int:project_id>/risks")

from blueprints.risks import routes  # noqa: E402,F401
