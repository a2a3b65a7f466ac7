"""Projects: list, create, import, overview, settings, archive, delete, export."""

from flask import Blueprint

bp = Blueprint("projects", __name__, url_prefix="/projects")

from blueprints.projects import routes  # noqa: E402,F401
