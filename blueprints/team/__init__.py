"""The implementation team: vendor and enterprise people with their methodology roles."""

from flask import Blueprint

bp = Blueprint("team", __name__, url_prefix="/projects/<int:project_id>/team")

from blueprints.team import routes  # noqa: E402,F401
