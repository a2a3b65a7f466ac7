"""Giving a new record the next free number when two people add one at the same moment.

``max(number) + 1`` read by two transactions at once gives both the same number; the unique
constraint refuses the second.  :func:`add_numbered` asks the database again and retries inside a
savepoint (PostgreSQL), so the second simply gets the number after the first.  On SQLite a
request that writes holds the write lock from its first statement (see
:data:`crm_impl.db.engine.WRITE_INTENT`), so numbers are drawn one writer at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from crm_impl.errors import ConflictError

__all__ = ["add_numbered", "ATTEMPTS"]

T = TypeVar("T")

#: How often a number is drawn again before the conflict is reported.
ATTEMPTS = 8


def add_numbered(session: Session, add: Callable[[int], T], highest: Callable[[], int | None]) -> T:
    """``add(n)`` with ``n`` one above ``highest()`` (read from the database), flushed.

    ``add`` creates the record and attaches it to the session; ``highest`` queries the highest
    number in use now.  Raises :class:`ConflictError` when every attempt collided.
    """
    if session.get_bind().dialect.name != "postgresql":
        record = add((highest() or 0) + 1)
        session.flush()
        return record
    for _attempt in range(ATTEMPTS):
        try:
            with session.begin_nested():
                record = add((highest() or 0) + 1)
                session.flush()
            return record
        except IntegrityError:
            continue  # another transaction took the number first: draw again
    raise ConflictError("others were adding records at the same moment; please try again", "number")
