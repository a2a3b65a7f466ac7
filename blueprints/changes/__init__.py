"""Change requests: submit, assess, and approve or reject against the budget reserve."""

from flask import Blueprint

bp = Blueprint("changes", __name__, url_prefix="/projects/<int:project_id>/changes")

from blueprints.changes import routes  # noqa: E402,F401
