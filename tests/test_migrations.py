"""Alembic's migrations produce exactly the schema the models describe (SQLite and PostgreSQL)."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.config import Config

from crm_impl.db import current_revision
from crm_impl.models import Base
from tests.conftest import MIGRATIONS


def test_upgrade_head_gives_the_models_schema(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_database_is_at_the_single_head(engine):
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    heads = ScriptDirectory.from_config(config).get_heads()
    assert len(heads) == 1
    assert current_revision(engine) == heads[0]
