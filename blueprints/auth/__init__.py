"""Accounts: register, log in, log out, personal settings."""

from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from blueprints.auth import routes  # noqa: E402,F401  (registers the views on bp)
