"""The last check before anything is written: every value fits its column.

A ``before_flush`` hook checks each new or changed row against its table: text within the
column's length (:data:`~crm_impl.limits.MAX_TEXT` for unbounded text) and free of characters
no database can store, numbers within the column's range (:func:`~crm_impl.models.base.value_range`).  Forms and the project file
check the same limits earlier, with their own field paths; this hook makes sure no other way in
(a command, a new operation) can hand the database a value it refuses with a server error.
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import JSON, Column, Float, Integer, String, Text, event, inspect
from sqlalchemy.orm import Session

from crm_impl.errors import ValidationError
from crm_impl.limits import unstorable_character
from crm_impl.models import Base
from crm_impl.models.base import text_limit, value_range

__all__ = ["install", "check_record"]

# Stored files and hashes are not text people typed.
_SKIPPED = {"file_data", "password_hash"}


def _check_value(value: Any, column: Column, field: str) -> None:
    if value is None:
        return
    column_type = column.type
    if isinstance(column_type, String | Text) and isinstance(value, str):
        bad = unstorable_character(value)
        if bad:
            raise ValidationError("contains a character that cannot be stored (%(character)s)", field, character=bad)
        limit = text_limit(column)
        if len(value) > limit:
            raise ValidationError("is longer than %(limit)s characters", field, limit=limit)
    elif isinstance(column_type, Integer | Float) and isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValidationError("must be a finite number, got %(value)r", field, value=value)
        low, high = value_range(column)  # type: ignore[misc]
        if not low <= value <= high:
            raise ValidationError("must be from %(low)s to %(high)s, got %(value)s", field,
                                  low=f"{low:,}", high=f"{high:,}", value=value)
    elif isinstance(column_type, JSON):
        _check_json(value, field)


def _check_json(value: Any, field: str) -> None:
    if isinstance(value, str):
        bad = unstorable_character(value)
        if bad:
            raise ValidationError("contains a character that cannot be stored (%(character)s)", field, character=bad)
    elif isinstance(value, float) and not math.isfinite(value):
        raise ValidationError("must be a finite number, got %(value)r", field, value=value)
    elif isinstance(value, list | tuple):
        for item in value:
            _check_json(item, field)
    elif isinstance(value, dict):
        for key, item in value.items():
            _check_json(str(key), field)
            _check_json(item, field)


def check_record(record: Base) -> None:
    """Raise :class:`ValidationError` naming the first column value ``record`` cannot store."""
    for attr in inspect(record).mapper.column_attrs:
        if attr.key in _SKIPPED:
            continue
        _check_value(getattr(record, attr.key), attr.columns[0], attr.key)


def _before_flush(session: Session, _context, _instances) -> None:
    for record in (*session.new, *session.dirty):
        if isinstance(record, Base):
            check_record(record)


def install() -> None:
    """Check every flush of every session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
