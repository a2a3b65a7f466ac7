"""Declarative base, naming convention and the optimistic-locking mixin."""

from __future__ import annotations

import enum

from sqlalchemy import Enum, Float, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from crm_impl.limits import MAX_AMOUNT, MAX_INT, MAX_TEXT

__all__ = ["Base", "Versioned", "str_enum", "column_of", "max_length", "text_limit", "bounded", "value_range"]

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


def column_of(column):
    """The table column behind a mapped attribute (``Task.name``) or the column itself."""
    return column.property.columns[0] if hasattr(column, "property") else column


def max_length(column) -> int | None:
    """The length limit of a mapped string column (``max_length(Task.name) == 300``), else ``None``."""
    return getattr(column_of(column).type, "length", None)


def text_limit(column) -> int:
    """The most characters a text column holds: its length, :data:`~crm_impl.limits.MAX_TEXT` if unbounded."""
    return max_length(column) or MAX_TEXT


def bounded(low: float, high: float) -> dict:
    """Column ``info`` declaring the values a number column accepts: ``mapped_column(Integer, info=bounded(0, 100))``."""
    return {"range": (low, high)}


def value_range(column) -> tuple[float, float] | None:
    """The smallest and largest value a number column accepts, else ``None`` (not a number column).

    Its declared range (:func:`bounded`) or what every database holds: 32-bit integers and
    finite amounts up to :data:`~crm_impl.limits.MAX_AMOUNT`.
    """
    column = column_of(column)
    if "range" in column.info:
        return column.info["range"]
    if isinstance(column.type, Integer):
        return (-MAX_INT - 1, MAX_INT)
    if isinstance(column.type, Float):
        return (-MAX_AMOUNT, MAX_AMOUNT)
    return None


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
