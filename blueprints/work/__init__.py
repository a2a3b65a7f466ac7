"""My work: what waits for the person logged in, across their projects."""

from flask import Blueprint

bp = Blueprint("work", __name__, url_prefix="/my-work")

from blueprints.work import routes  # noqa: E402,F401
