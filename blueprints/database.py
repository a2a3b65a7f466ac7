"""The request-scoped database session (Flask's ``g``) over the domain's engine."""

from __future__ import annotations

from flask import Flask, current_app, g
from sqlalchemy.orm import Session

from crm_impl.db import make_engine, make_session_factory, upgrade
from blueprints.paths import asset_dir

__all__ = ["init_app", "get_db", "migrate"]


def get_db() -> Session:
    """The session of the current request, opened on first use."""
    if "db" not in g:
        g.db = current_app.extensions["crm_impl.session_factory"]()
    # The audit trail names whoever is logged in (read late: login happens mid-request).
    user = getattr(g, "_login_user", None)
    if user is not None and getattr(user, "is_authenticated", False):
        g.db.info["actor"] = user.email
    return g.db


def close_db(exc: BaseException | None = None) -> None:
    session = g.pop("db", None)
    if session is not None:
        if exc is not None:
            session.rollback()
        session.close()


def migrate(app: Flask) -> None:
    """Bring the app's database to the newest schema."""
    upgrade(app.extensions["crm_impl.engine"], asset_dir("migrations"))


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["crm_impl.engine"] = engine
    app.extensions["crm_impl.session_factory"] = make_session_factory(engine)
    app.teardown_appcontext(close_db)
