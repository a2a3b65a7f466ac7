"""The request-scoped database session (Flask's ``g``) over the domain's engine."""

from __future__ import annotations

from flask import Flask, current_app, g, request
from sqlalchemy.orm import Session

from crm_impl.db import make_engine, make_session_factory, upgrade
from crm_impl.db.engine import WRITE_INTENT
from blueprints.paths import asset_dir

__all__ = ["init_app", "get_db", "rollback_request_session", "migrate"]

_READS = frozenset({"GET", "HEAD", "OPTIONS"})


def get_db() -> Session:
    """The session of the current request, opened on first use.

    A request that may write (POST...) says so when its transaction begins: SQLite then takes
    the write lock at once, so concurrent saves queue instead of failing half-way.
    """
    if "db" not in g:
        g.db = current_app.extensions["crm_impl.session_factory"]()
        if request and request.method not in _READS:
            g.db.connection(execution_options={WRITE_INTENT: True})
    # The audit trail names whoever is logged in (read late: login happens mid-request).
    viewer = g.get("viewer")
    if viewer is not None:
        g.db.info["actor"] = viewer.email
    return g.db


def _rollback(session: Session) -> None:
    try:
        session.rollback()
    except Exception:  # noqa: BLE001 - the database may be gone; what follows must still run
        session.invalidate()


def rollback_request_session() -> None:
    """Undo whatever the request's session holds (before an error page is rendered)."""
    session = g.get("db")
    if session is not None:
        _rollback(session)


def close_db(exc: BaseException | None = None) -> None:
    session = g.pop("db", None)
    if session is not None:
        if exc is not None:
            _rollback(session)
        session.close()


def migrate(app: Flask) -> None:
    """Bring the app's database to the newest schema."""
    upgrade(app.extensions["crm_impl.engine"], asset_dir("migrations"))


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["crm_impl.engine"] = engine
    app.extensions["crm_impl.session_factory"] = make_session_factory(engine)
    app.teardown_appcontext(close_db)
