"""Project membership: owners grant, change and revoke access."""

from flask import Blueprint

bp = Blueprint("members", __name__, url_prefix="/projects/<int:project_id>/members")

from blueprints.members import routes  # noqa: E402,F401
