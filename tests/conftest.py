"""Shared fixtures: a migrated database (SQLite, or PostgreSQL when DATABASE_URL says so),
the app and its test client, users and the sample projects."""

from __future__ import annotations

import os
import re
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import text

from crm_impl.db import make_engine, make_session_factory, upgrade

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "sample_projects").glob("*.json"))
MIGRATIONS = ROOT / "migrations"


def _postgres_url(base: str, schema: str) -> str:
    # A schema of its own per test run keeps runs apart and is dropped afterwards; its name as the
    # connections' application name lets a test drop its own connections and no other run's.
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}&application_name={schema}"


POSTGRES_URL = os.environ.get("CRM_IMPL_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI") == "true"


def _postgres_available(url: str) -> str | None:
    """``None`` when PostgreSQL answers at ``url``, else the reason it does not."""
    engine = make_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            return None
    except Exception as error:  # noqa: BLE001 - any failure means "not available here"
        return str(error).splitlines()[0]
    finally:
        engine.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    """Every database test runs on the embedded SQLite file and on PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    reason = _postgres_available(POSTGRES_URL)
    if reason:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI: {reason}")
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}: {reason}")
    with postgres_schema("test") as url:
        yield url


@contextmanager
def postgres_schema(prefix: str):
    """A PostgreSQL schema of its own (a database URL whose search path is it), dropped afterwards."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield _postgres_url(POSTGRES_URL, schema)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


REDIS_URL = os.environ.get("CRM_IMPL_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(scope="session")
def redis_url():
    """The Redis the tests of shared login limits, caches and job workers use (keys of their own)."""
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except Exception as error:  # noqa: BLE001 - any failure means "not here"
        if IN_CI:
            pytest.fail(f"Redis is required in CI: {error}")
        pytest.skip(f"Redis not reachable at {REDIS_URL}: {error}")
    return REDIS_URL


@pytest.fixture
def queued_app(engine, database_url, tmp_path, redis_url):
    """The app with a job queue and a cache of its own on the test Redis, and the settings a
    worker process needs to serve that queue."""
    from blueprints import create_app

    name = f"test-{uuid.uuid4().hex[:8]}"
    settings = {"DATABASE_URL": database_url, "SECRET_KEY": "test-secret", "REDIS_URL": redis_url,
                "JOBS_QUEUE": name, "CACHE_TYPE": "RedisCache", "CACHE_REDIS_URL": redis_url,
                "CACHE_KEY_PREFIX": f"{name}:", "INLINE_SIMULATION_LIMIT": 10_000}
    app = create_app({"TESTING": True, "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, **settings},
                     instance_path=str(tmp_path / "instance"))
    app.worker_env = {**os.environ, **{f"CRM_IMPL_{k}": str(v) for k, v in settings.items()},
                      "DATABASE_URL": database_url, "REDIS_URL": redis_url}
    app.worker_instance = tmp_path / "worker"
    yield app
    queue = app.extensions["crm_impl.queue"]
    keys = queue.connection.keys(f"{name}:*") + queue.connection.keys(f"rq:*{name}*")
    if keys:
        queue.connection.delete(*keys)
    app.extensions["crm_impl.engine"].dispose()


def start_worker(app, *, burst: bool = True):
    """``crm-impl worker`` for ``app``'s queue (a :func:`queued_app`) in a process of its own."""
    import subprocess
    import sys

    return subprocess.Popen([sys.executable, "-m", "blueprints.cli", "--instance", str(app.worker_instance), "worker",
                             *(["--burst"] if burst else [])], env=app.worker_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def pytest_sessionfinish(session, exitstatus):
    """In CI nothing may be skipped: a skipped test fails the run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if IN_CI and reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        reporter.write_line("CI: tests were skipped; failing the run (nothing may be skipped in CI)", red=True)
        session.exitstatus = 1


@pytest.fixture(scope="session")
def engine(database_url):
    engine = make_engine(database_url)
    upgrade(engine, MIGRATIONS)
    yield engine
    engine.dispose()


def _empty_all_tables(engine) -> None:
    from crm_impl.models import Base

    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())


@pytest.fixture
def db(engine):
    """A session on the migrated database; every table is emptied after the test."""
    session = make_session_factory(engine)()
    yield session
    session.close()
    _empty_all_tables(engine)


@pytest.fixture
def make_user(db):
    from crm_impl.operations.accounts import create_user

    def factory(email: str = "pm@example.com", password: str = "correct horse", **kwargs):
        user = create_user(db, email, password, **kwargs)
        db.commit()
        return user

    return factory


@pytest.fixture
def user(make_user):
    return make_user()


@pytest.fixture
def load_sample(db):
    from crm_impl.projectfile import import_project, parse

    def factory(owner, path: Path = SAMPLES[0]):
        project = import_project(db, owner, parse(path.read_bytes()))
        db.commit()
        return project

    return factory


@pytest.fixture
def app(engine, database_url, tmp_path):
    from blueprints import create_app

    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": database_url,
            "SECRET_KEY": "test-secret",
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
        },
        instance_path=str(tmp_path / "instance"),
    )
    yield app
    app.extensions["crm_impl.engine"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def login(client):
    def do_login(email: str = "pm@example.com", password: str = "correct horse"):
        response = client.post("/auth/login", data={"email": email, "password": password})
        assert response.status_code == 302, response.text
        return client

    return do_login


def csrf_token(response) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', response.text) or re.search(
        r'name="csrf_token" value="([^"]+)"', response.text
    )
    assert match, "page has no CSRF token"
    return match.group(1)


@contextmanager
def serving(app):
    """``app`` behind a real WSGI server (waitress) on a free loopback port; yields its URL."""
    import threading

    from waitress.server import create_server

    server = create_server(app, host="127.0.0.1", port=0, threads=4)
    stopping = threading.Event()

    def run() -> None:
        try:
            server.run()
        except (OSError, ValueError):
            # Closing the sockets from this thread can race the server's select() on them
            # (EBADF): that is the shutdown, not a failure; before it, it is one.
            if not stopping.is_set():
                raise

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.effective_port}"
    finally:
        stopping.set()
        server.close()
        thread.join(timeout=5)


@pytest.fixture
def live_server(app):
    """The app behind a real WSGI server (waitress) on a free loopback port: what a browser or a
    download tool talks to, headers encoded the way a server encodes them."""
    with serving(app) as url:
        yield url


@pytest.fixture
def live_client(live_server):
    """A factory of HTTP clients (httpx, a cookie jar each) for the live server, logged in as
    ``email``; redirects are not followed, so a test sees the status a form post answers."""
    import httpx

    clients = []

    def make(email: str = "pm@example.com", password: str = "correct horse") -> httpx.Client:
        client = httpx.Client(base_url=live_server, timeout=60, follow_redirects=False)
        clients.append(client)
        response = client.post("/auth/login", data={"email": email, "password": password})
        assert response.status_code == 302, response.text
        return client

    yield make
    for client in clients:
        client.close()


def without_import_events(document: dict) -> dict:
    """``document`` without the audit events that record imports (each import adds one)."""
    return {**document, "audit": [e for e in document.get("audit", []) if e["action"] != "import"]}
