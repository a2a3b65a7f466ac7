"""The CPM task table as CSV text (one row per task, in schedule order).

Pure domain code: the CLI (``schedule FILE --csv``) only prints what :func:`task_table_csv`
returns.  Names and phases come from the project file's task records when it has them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from typing import Any

from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import Schedule

__all__ = ["CSV_HEADER", "task_table_csv"]

#: Column names, in order.
CSV_HEADER: tuple[str, ...] = (
    "id", "name", "phase", "duration", "es", "ef", "ls", "lf",
    "total_slack", "free_slack", "critical", "start", "finish",
)


def _number(value: int | float) -> str:
    """Whole values without a trailing ``.0``; fractions as Python writes them."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def task_table_csv(
    schedule: Schedule, calendar: WorkCalendar, tasks: Iterable[Mapping[str, Any]] = ()
) -> str:
    """The task table of ``schedule`` as CSV (header row first, ``\\n`` line ends).

    ``tasks`` are the file's task records; a task's ``name`` and ``phase`` are taken from
    the record with the same ``id`` (empty when absent).  ``start`` and ``finish`` are ISO
    dates, ``finish`` being the last working day (inclusive); ``critical`` is ``true``/``false``.

    Examples
    --------
    >>> from datetime import date
    >>> from crm_impl.schedule.cpm import compute_schedule
    >>> from crm_impl.schedule.network import Activity, Link
    >>> sched = compute_schedule([Activity("A", 2), Activity("B", 1)], [Link("A", "B")])
    >>> cal = WorkCalendar.from_iterables(date(2025, 3, 3), (0, 1, 2, 3, 4), ())
    >>> print(task_table_csv(sched, cal, [{"id": "A", "name": "Kick-off, scope", "phase": "p1"}]))
    id,name,phase,duration,es,ef,ls,lf,total_slack,free_slack,critical,start,finish
    A,"Kick-off, scope",p1,2,0,2,0,2,0,0,true,2025-03-03,2025-03-04
    B,,,1,2,3,2,3,0,0,true,2025-03-05,2025-03-05
    <BLANKLINE>
    """
    info = {t.get("id"): t for t in tasks if isinstance(t, Mapping)}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for timing in schedule.tasks.values():
        record = info.get(timing.id, {})
        writer.writerow(
            (
                timing.id,
                record.get("name", "") or "",
                record.get("phase", "") or "",
                _number(timing.duration),
                _number(timing.es),
                _number(timing.ef),
                _number(timing.ls),
                _number(timing.lf),
                _number(timing.total_slack),
                _number(timing.free_slack),
                "true" if timing.critical else "false",
                calendar.start_date(timing.es).isoformat(),
                calendar.finish_date(timing.ef, timing.duration).isoformat(),
            )
        )
    return out.getvalue()
