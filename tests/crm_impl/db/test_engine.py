"""Engine construction: the psycopg 3 driver spelled out, SQLite foreign keys, Alembic revisions."""

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from crm_impl.db import current_revision, make_engine, normalise_url, upgrade
from tests.conftest import MIGRATIONS


def _head() -> str:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    (head,) = ScriptDirectory.from_config(config).get_heads()
    return head


@pytest.fixture
def sqlite_engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    yield engine
    engine.dispose()


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("postgres://crm:secret@db.example/crm", "postgresql+psycopg://crm:secret@db.example/crm"),
        ("postgresql://crm@db.example:5432/crm?sslmode=require",
         "postgresql+psycopg://crm@db.example:5432/crm?sslmode=require"),
        ("postgresql+psycopg://crm@db/crm", "postgresql+psycopg://crm@db/crm"),
        ("sqlite:///instance/crm_impl.db", "sqlite:///instance/crm_impl.db"),
        ("sqlite://", "sqlite://"),
        # Only the scheme is rewritten, not a "postgres://" further along.
        ("sqlite:///tmp/postgres://x.db", "sqlite:///tmp/postgres://x.db"),
    ],
)
def test_normalise_url(url, expected):
    assert normalise_url(url) == expected


def test_make_engine_picks_psycopg_for_postgres_urls():
    engine = make_engine("postgres://crm@localhost/crm")
    try:
        assert engine.dialect.name == "postgresql" and engine.dialect.driver == "psycopg"
    finally:
        engine.dispose()


def test_sqlite_foreign_keys_are_on_for_every_connection(sqlite_engine, tmp_path):
    for _ in range(2):
        with sqlite_engine.connect() as connection:
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    # SQLite's own default is off: the engine's listener is what turns them on.
    plain = create_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    with plain.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 0
    plain.dispose()


def test_foreign_keys_are_enforced(sqlite_engine):
    with sqlite_engine.begin() as connection:
        connection.execute(text("CREATE TABLE parent (id INTEGER PRIMARY KEY)"))
        connection.execute(text("CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent(id))"))
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), sqlite_engine.begin() as connection:
        connection.execute(text("INSERT INTO child (id, parent_id) VALUES (1, 99)"))


def test_revision_of_an_empty_database_is_none_then_head(sqlite_engine, tmp_path):
    assert (tmp_path / "fresh.db").exists() is False
    assert current_revision(sqlite_engine) is None
    upgrade(sqlite_engine, MIGRATIONS, "0001")
    assert current_revision(sqlite_engine) == "0001"
    upgrade(sqlite_engine, MIGRATIONS)
    assert current_revision(sqlite_engine) == _head() != "0001"
    upgrade(sqlite_engine, MIGRATIONS)  # already at head: nothing to do
    assert current_revision(sqlite_engine) == _head()
