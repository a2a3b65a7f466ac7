"""Vendor selection: criteria tree and weights, AHP comparisons, evaluators' score sheets, results
with ranking, TOPSIS, knock-outs, sensitivity and charts, vendors with their quotations."""

from flask import Blueprint

bp = Blueprint("vendors", __name__, url_prefix="/projects/<int:project_id>/vendors")

from blueprints.vendors import routes  # noqa: E402,F401
