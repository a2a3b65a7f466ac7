"""The CSV task table of :mod:`crm_impl.formats.csv_tables`."""

from __future__ import annotations

import csv
import doctest
import io
from datetime import date

from crm_impl.schedule import task_csv
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import compute_schedule
from crm_impl.schedule.network import Activity, Link
from crm_impl.formats.csv_tables import CSV_HEADER, task_table_csv


def test_docstring_examples():
    result = doctest.testmod(task_csv, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


def test_rows_follow_the_schedule_and_quote_names():
    schedule = compute_schedule(
        [Activity("A", 3), Activity("B", 1), Activity("M", 0, milestone=True)],
        [Link("A", "M"), Link("B", "M")],
    )
    calendar = WorkCalendar.from_iterables(date(2025, 3, 3), (0, 1, 2, 3, 4), ())
    text = task_table_csv(schedule, calendar, [{"id": "B", "name": 'Say "hi", 你好', "phase": "P2"}, "junk"])
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 4
    assert rows[2] == ["B", 'Say "hi", 你好', "P2", "1", "0", "1", "2", "3", "2", "2", "false",
                       "2025-03-03", "2025-03-03"]
    assert rows[3][0] == "M" and rows[3][3] == "0" and rows[3][10] == "true"
    assert rows[1][1:3] == ["", ""]
