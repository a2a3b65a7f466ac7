"""Reports: each Word report of a project, in English or Chinese, as .docx or PDF."""

from flask import Blueprint

bp = Blueprint("reports", __name__, url_prefix="/projects/<int:project_id>/reports")

from blueprints.reports import routes  # noqa: E402,F401
