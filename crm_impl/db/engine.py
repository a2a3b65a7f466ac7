"""Database engine and session construction, independent of any web framework.

SQLite (a file) is the embedded default; a ``postgresql://`` URL selects PostgreSQL through
psycopg 3. Schema changes are applied with Alembic (:func:`upgrade`), never ``create_all``.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

__all__ = [
    "WRITE_INTENT",
    "normalise_url",
    "make_engine",
    "make_session_factory",
    "upgrade",
    "current_revision",
]


def normalise_url(url: str) -> str:
    """Return ``url`` with the psycopg 3 driver spelled out for PostgreSQL.

    Hosting platforms hand out ``postgres://`` or ``postgresql://`` URLs; SQLAlchemy would
    pick psycopg2 for those, which this project does not install.
    """
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


#: How long a SQLite writer waits for another to finish before giving up (seconds).
SQLITE_BUSY_TIMEOUT = 30
#: Execution option of a connection whose transaction will write: on SQLite it takes the
#: write lock at BEGIN, so two writers queue instead of failing half-way.
WRITE_INTENT = "crm_impl_write"


def _sqlite_connect(dbapi_connection, _record) -> None:
    # Foreign keys are off unless asked per connection; a writer waits for another instead of
    # failing at once; readers and the writer do not block each other (WAL).
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT * 1000}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def _sqlite_begin(connection) -> None:
    # The driver begins a transaction lazily, at the first write, and a reader that then writes
    # can be refused outright while another writer holds the lock.  A transaction that says it
    # will write takes the lock at its start and simply waits its turn.
    if connection.get_execution_options().get(WRITE_INTENT):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine for ``url`` with the settings this project relies on.

    Connections are checked before use (``pool_pre_ping``), so a database restart costs no
    request.  SQLite gets foreign keys, WAL, a busy timeout and real transactions (see
    :data:`WRITE_INTENT`).
    """
    url = normalise_url(url)
    kwargs.setdefault("pool_pre_ping", True)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory whose objects stay readable after commit (views render them).

    Its sessions keep the audit trail (:mod:`crm_impl.db.audit`); say who acts with
    ``session.info["actor"]``.
    """
    from crm_impl.db import audit, limits

    # Values are checked before the audit trail records them.
    limits.install()
    audit.install()
    return sessionmaker(bind=engine, expire_on_commit=False)


def _alembic_config(engine: Engine, migrations_dir: Path):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, migrations_dir: Path, revision: str = "head") -> None:
    """Bring the database schema to ``revision`` with the project's Alembic migrations."""
    from alembic import command

    command.upgrade(_alembic_config(engine, migrations_dir), revision)


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at, or ``None`` for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
