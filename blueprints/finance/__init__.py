"""The business case: cost and benefit lines, drivers, rates; NPV, IRR, ROI, payback; risk,
scenarios, Monte Carlo, tornado; the cost of a go-live delay; benefit tracking after go-live."""

from flask import Blueprint

bp = Blueprint("finance", __name__, url_prefix="/projects/<int:project_id>/finance")

from blueprints.finance import routes  # noqa: E402,F401
