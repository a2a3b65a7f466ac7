"""The database going away and coming back: /healthz, 503 with a message, no lost saves.

Through a real WSGI server.  On PostgreSQL the server's connections are really terminated
(``pg_terminate_backend``, this run's own: its schema is their application name, so test
processes running beside it keep theirs); on SQLite, which has no server, the pool is emptied.  An outage is
simulated by refusing new connections for a while.
"""

from __future__ import annotations

import contextlib

from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from crm_impl.models import Risk


def drop_connections(app) -> None:
    """What a database restart does to the app's connections."""
    engine = app.extensions["crm_impl.engine"]
    if engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid() AND usename = current_user "
                "AND application_name = current_setting('application_name')"
            ))
        return
    engine.pool.dispose()


@contextlib.contextmanager
def outage(app):
    """No new connection can be opened while inside; existing ones are dropped first."""
    engine = app.extensions["crm_impl.engine"]

    def refuse(*_args, **_kwargs):
        raise OperationalError("connect", {}, ConnectionRefusedError("the database is down"))

    drop_connections(app)
    engine.pool.dispose()
    event.listen(engine, "do_connect", refuse)
    try:
        yield
    finally:
        event.remove(engine, "do_connect", refuse)


def test_healthz_answers_ok(live_client, user, live_server):
    import httpx

    response = httpx.get(f"{live_server}/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok", "database": "ok"}


def test_an_outage_answers_503_and_the_app_recovers_by_itself(app, live_client, user, load_sample, live_server):
    import httpx

    project = load_sample(user)
    client = live_client()
    with outage(app):
        page = client.get(f"/projects/{project.id}/")
        assert page.status_code == 503 and 'data-testid="error-message"' in page.text
        assert "database cannot be reached" in page.text and page.headers["Retry-After"] == "30"
        assert httpx.get(f"{live_server}/healthz").status_code == 503
    assert client.get(f"/projects/{project.id}/").status_code == 200
    assert httpx.get(f"{live_server}/healthz").status_code == 200


def test_a_save_right_after_a_restart_is_not_lost(app, live_client, user, load_sample, db):
    project = load_sample(user)
    client = live_client()
    risk = project.risks[0]
    url = f"/projects/{project.id}/risks/{risk.id}/edit"
    client.get(url)  # the worker's connection is in the pool
    drop_connections(app)
    saved = client.post(url, data={"title": "Saved after the restart", "probability": 2, "impact": 2,
                                   "status": "open", "version": risk.version})
    assert saved.status_code == 302
    db.expire_all()
    assert db.get(Risk, risk.id).title == "Saved after the restart"


def test_a_connection_lost_during_a_save_is_retried(app, live_client, user, load_sample, db, monkeypatch):
    """The database drops the connection in the middle of the save: the save is made again on a
    fresh connection, and nothing is lost."""
    from crm_impl.operations import risks

    project = load_sample(user)
    client = live_client()
    risk = project.risks[0]
    real = risks.update_risk
    calls = []

    def flaky(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            drop_connections(app)
            error = OperationalError("UPDATE risks", {}, ConnectionResetError("server closed the connection"))
            error.connection_invalidated = True
            raise error
        return real(*args, **kwargs)

    monkeypatch.setattr("blueprints.risks.routes.update_risk", flaky)
    saved = client.post(f"/projects/{project.id}/risks/{risk.id}/edit", data={
        "title": "Saved despite the drop", "probability": 2, "impact": 2, "status": "open", "version": risk.version})
    assert saved.status_code == 302 and len(calls) == 2
    db.expire_all()
    assert db.get(Risk, risk.id).title == "Saved despite the drop"


def test_a_save_during_an_outage_keeps_the_input(app, live_client, user, load_sample, db, monkeypatch):
    project = load_sample(user)
    client = live_client()
    risk = project.risks[0]
    url = f"/projects/{project.id}/risks/{risk.id}/edit"

    def down(*args, **kwargs):
        raise OperationalError("UPDATE risks", {}, ConnectionRefusedError("the database is down"))

    monkeypatch.setattr("blueprints.risks.routes.update_risk", down)
    page = client.post(url, data={"title": "Typed during the outage", "probability": 2, "impact": 2,
                                  "status": "open", "version": risk.version})
    assert page.status_code == 503
    assert 'value="Typed during the outage"' in page.text and "could not be reached" in page.text
    db.expire_all()
    assert db.get(Risk, risk.id).title == risk.title
