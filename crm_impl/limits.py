"""The limits every input meets, wherever it comes from: forms, project files, MS Project XML.

One place for the bounds that keep a person's typo or a hostile file from filling the database
with what it cannot store (a NUL character, a lone surrogate) or holding a worker for minutes (a
task of a million days, a network of a million links).  String lengths come from the model's
columns (:func:`crm_impl.models.base.max_length`); the bounds here have no column to come from.

>>> check_text("Kick-off", "name", 40)
'Kick-off'
>>> check_text("a\\x00b", "name")
Traceback (most recent call last):
...
crm_impl.errors.ValidationError: name: contains a character that cannot be stored (U+0000)
"""

from __future__ import annotations

import math
import re
from datetime import date

from crm_impl.errors import ValidationError

__all__ = [
    "MAX_DURATION_DAYS",
    "MAX_SPAN_DAYS",
    "EARLIEST_DATE",
    "LATEST_DATE",
    "MAX_DEPTH",
    "MAX_LAG_DAYS",
    "MAX_TASKS",
    "MAX_LINKS",
    "MAX_AMOUNT",
    "MAX_TEXT",
    "MAX_INT",
    "MAX_FILE_BYTES",
    "MAX_FILE_BASE64",
    "check_text",
    "check_amount",
    "check_date",
    "unstorable_character",
    "MAX_PROCESS_NODES",
    "MAX_PROCESS_FLOWS",
    "MAX_PROCESS_HOURS",
    "MAX_BPMN_BYTES",
    "MAX_BPMN_ELEMENTS",
    "MAX_BPMN_NESTING",
    "MAX_SIMULATION_CASES",
    "MAX_SIMULATION_STEPS",
]

#: The longest task, in working days: ten years of a five-day week.
MAX_DURATION_DAYS = 2600
#: The longest lag or lead, in working days.
MAX_LAG_DAYS = MAX_DURATION_DAYS
#: The longest plan, start to finish, in working days: twenty years of a five-day week.  Every
#: date a schedule computes then stays far inside what a calendar (and Python) can represent.
MAX_SPAN_DAYS = 2 * MAX_DURATION_DAYS
#: The first and last day a person or a file may give (start dates, actuals, holidays...).
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)
#: The deepest nesting of lists and objects a project file may use (it needs five).
MAX_DEPTH = 32
#: The most tasks one plan may hold (the largest rollouts have a few hundred).
MAX_TASKS = 10_000
#: The most dependencies one plan may hold.
MAX_LINKS = 50_000
#: The largest amount of money (a hundred trillion in any currency).
MAX_AMOUNT = 1e14
#: The longest free text (descriptions, agendas) where the column sets no limit.
MAX_TEXT = 20_000
#: The largest whole number a column holds (32-bit integers on every database).
MAX_INT = 2**31 - 1
#: The largest uploaded document (a deliverable's file, a vendor's quotation).
MAX_FILE_BYTES = 10 * 1024 * 1024
#: The same document in a project file, as base64 text.
MAX_FILE_BASE64 = 4 * math.ceil(MAX_FILE_BYTES / 3)

# NUL cannot be stored by PostgreSQL; lone surrogates are not Unicode text at all.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def unstorable_character(text: str) -> str | None:
    """The first character of ``text`` no database column can hold, as ``U+XXXX``, or ``None``."""
    found = _UNSTORABLE.search(text)
    return f"U+{ord(found.group()):04X}" if found else None


def check_text(value: str, field: str, max_length: int | None = MAX_TEXT) -> str:
    """``value`` if it can be stored in a column of ``max_length`` characters, else a refusal."""
    bad = unstorable_character(value)
    if bad:
        raise ValidationError("contains a character that cannot be stored (%(character)s)", field, character=bad)
    if max_length is not None and len(value) > max_length:
        raise ValidationError("is longer than %(limit)s characters", field, limit=max_length)
    return value


def check_date(value: date, field: str) -> date:
    """``value`` if it lies between :data:`EARLIEST_DATE` and :data:`LATEST_DATE`, else a refusal.

    >>> check_date(date(9999, 1, 1), "start_date")
    Traceback (most recent call last):
    ...
    crm_impl.errors.ValidationError: start_date: must be a date from 1900-01-01 to 2199-12-31, got 9999-01-01
    """
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise ValidationError("must be a date from %(first)s to %(last)s, got %(value)s", field,
                              first=EARLIEST_DATE.isoformat(), last=LATEST_DATE.isoformat(), value=value.isoformat())
    return value


def check_amount(value: float, field: str) -> float:
    """A finite amount of money within :data:`MAX_AMOUNT` (either sign)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError("must be a finite number, got %(value)r", field, value=value)
    if abs(value) > MAX_AMOUNT:
        raise ValidationError("must be at most %(limit)s in size", field, limit=f"{MAX_AMOUNT:,.0f}")
    return float(value)


# ----------------------------------------------------------------------------- process maps

#: The most flow nodes, data objects and lanes one process map may hold (a real map has dozens).
MAX_PROCESS_NODES = 2_000
#: The most sequence flows and data links one process map may hold.
MAX_PROCESS_FLOWS = 5_000
#: The longest working or waiting time of one task, in hours (a year, round the clock).
MAX_PROCESS_HOURS = 8_760
#: The largest BPMN file read, in bytes.
MAX_BPMN_BYTES = 16 * 2**20
#: The most XML elements of any kind a BPMN file may hold (shapes, waypoints, references...).
MAX_BPMN_ELEMENTS = 40 * MAX_PROCESS_NODES
#: The deepest nesting of elements in a BPMN file (a map needs about eight).
MAX_BPMN_NESTING = 100
#: The most cases one what-if simulation runs.
MAX_SIMULATION_CASES = 100_000
#: The most node executions one what-if simulation may take (cases × expected steps per case).
MAX_SIMULATION_STEPS = 5_000_000
