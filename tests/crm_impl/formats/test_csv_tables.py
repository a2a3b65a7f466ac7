"""The CSV tables of :mod:`crm_impl.formats.csv_tables` (the RACI table is tested with the RACI rules)."""

from __future__ import annotations

import csv
import io
from datetime import date

from crm_impl.formats.csv_tables import CSV_HEADER, task_table_csv
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanTask


def test_rows_follow_the_schedule_and_quote_names():
    plan = Plan(
        "P", date(2025, 3, 3),
        tasks=(PlanTask("A", "", "", 3), PlanTask("B", 'Say "hi", 你好', "P2", 1),
               PlanTask("M", "", "", 0, milestone=True)),
        links=(Link("A", "M"), Link("B", "M")),
    )
    text = task_table_csv(plan.schedule())
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_HEADER
    assert len(rows) == 4
    assert rows[2] == ["B", 'Say "hi", 你好', "P2", "1", "0", "1", "2", "3", "2", "2", "false",
                       "2025-03-03", "2025-03-03"]
    assert rows[3][0] == "M" and rows[3][3] == "0" and rows[3][10] == "true"
    assert rows[1][1:3] == ["", ""]
