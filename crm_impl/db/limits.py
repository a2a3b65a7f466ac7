"""The last check before anything is written: every value fits its column.

A ``before_flush`` hook checks each new or changed row against its table: text within the
column's length (:data:`~crm_impl.limits.MAX_TEXT` for unbounded text) and free of characters
no database can store, whole numbers within 32 bits, amounts finite.  Forms and the project file
check the same limits earlier, with their own field paths; this hook makes sure no other way in
(a command, a new operation) can hand the database a value it refuses with a server error.
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import JSON, Float, Integer, String, Text, event, inspect
from sqlalchemy.orm import Session

from crm_impl.errors import ValidationError
from crm_impl.limits import MAX_AMOUNT, MAX_INT, MAX_TEXT, unstorable_character
from crm_impl.models import Base

__all__ = ["install", "check_record"]

# Stored files and hashes are not text people typed.
_SKIPPED = {"file_data", "password_hash"}


def _check_value(value: Any, column_type, field: str) -> None:
    if value is None:
        return
    if isinstance(column_type, String | Text) and isinstance(value, str):
        bad = unstorable_character(value)
        if bad:
            raise ValidationError("contains a character that cannot be stored (%(character)s)", field, character=bad)
        limit = column_type.length or MAX_TEXT
        if len(value) > limit:
            raise ValidationError("is longer than %(limit)s characters", field, limit=limit)
    elif isinstance(column_type, Integer) and isinstance(value, int) and not isinstance(value, bool):
        if not -MAX_INT - 1 <= value <= MAX_INT:
            raise ValidationError("is out of range: %(value)s", field, value=value)
    elif isinstance(column_type, Float) and isinstance(value, int | float) and not isinstance(value, bool):
        if not math.isfinite(value) or abs(value) > MAX_AMOUNT:
            raise ValidationError("must be a finite number, got %(value)r", field, value=value)
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
        _check_value(getattr(record, attr.key), attr.columns[0].type, attr.key)


def _before_flush(session: Session, _context, _instances) -> None:
    for record in (*session.new, *session.dirty):
        if isinstance(record, Base):
            check_record(record)


def install() -> None:
    """Check every flush of every session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
