"""Database engine and session construction, independent of any web framework.

SQLite (a file) is the embedded default; a ``postgresql://`` URL selects PostgreSQL through
psycopg 3. Schema changes are applied with Alembic (:func:`upgrade`), never ``create_all``.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["normalise_url", "make_engine", "make_session_factory", "upgrade", "current_revision"]


def normalise_url(url: str) -> str:
    """Return ``url`` with the psycopg 3 driver spelled out for PostgreSQL.

    Hosting platforms hand out ``postgres://`` or ``postgresql://`` URLs; SQLAlchemy would
    pick psycopg2 for those, which this project does not install.
    """
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    # SQLite ignores ON DELETE CASCADE and foreign keys unless asked per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine for ``url`` with the settings this project relies on."""
    url = normalise_url(url)
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    """A session factory whose objects stay readable after commit (views render them).

    Its sessions keep the audit trail (:mod:`crm_impl.db.audit`); say who acts with
    ``session.info["actor"]``.
    """
    from crm_impl.db import audit

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
