"""Declarative base, naming convention and the optimistic-locking mixin."""

from __future__ import annotations

import enum

from sqlalchemy import Enum, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

__all__ = ["Base", "Versioned", "str_enum", "max_length"]

# Deterministic constraint names keep Alembic migrations identical on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def str_enum(cls: type[enum.Enum], length: int = 20) -> Enum:
    """A column type for a string enum, stored as its values in a plain string column.

    No native PostgreSQL enum: adding a value then needs no type migration.
    """
    return Enum(cls, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e])


def max_length(column) -> int | None:
    """The length limit of a mapped string column (``max_length(Task.name) == 300``), else ``None``."""
    return getattr(column.property.columns[0].type, "length", None)


class Base(DeclarativeBase):
    """Base of every crm-impl table."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Versioned:
    """A row edited by people: carries a version number for optimistic locking.

    SQLAlchemy increments ``version`` on every UPDATE and adds ``WHERE version = :old`` so a
    concurrent write is detected at flush time; :func:`crm_impl.db.locking.check_version` refuses
    an edit that was started from an older version before anything is changed.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.version}
