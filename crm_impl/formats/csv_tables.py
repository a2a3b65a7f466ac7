"""Tables as CSV text for spreadsheets: the CPM task table and the RACI matrix.

Pure: the CLI prints and the web sends what these functions return.  Lines end in ``\\n``; the
caller encodes (the web adds a byte-order mark so Excel reads the UTF-8).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from crm_impl.schedule.plan import ScheduledPlan

__all__ = ["CSV_HEADER", "task_table_csv", "raci_csv", "text_cell"]

#: Column names of the task table, in order.
CSV_HEADER: tuple[str, ...] = (
    "id", "name", "phase", "duration", "es", "ef", "ls", "lf",
    "total_slack", "free_slack", "critical", "start", "finish",
)


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...)).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(text: str) -> str:
    r"""Text a spreadsheet shows as text: a leading formula character is quoted away (OWASP).

    >>> text_cell('=HYPERLINK("http://evil.example")'), text_cell("Kick-off"), text_cell("-3 days")
    ('\'=HYPERLINK("http://evil.example")', 'Kick-off', "'-3 days")
    """
    text = str(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _number(value: int | float) -> str:
    """Whole values without a trailing ``.0``; fractions as Python writes them."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def task_table_csv(scheduled: ScheduledPlan) -> str:
    """The task table of ``scheduled`` as CSV (header row first, one row per task in plan order).

    ``start`` and ``finish`` are ISO dates, ``finish`` being the last working day (inclusive);
    ``critical`` is ``true``/``false``.

    Examples
    --------
    >>> from datetime import date
    >>> from crm_impl.schedule.network import Link
    >>> from crm_impl.schedule.plan import Plan, PlanTask
    >>> plan = Plan("P", date(2025, 3, 3), tasks=(PlanTask("A", "Kick-off, scope", "p1", 2), PlanTask("B", "", "", 1)),
    ...             links=(Link("A", "B"),))
    >>> print(task_table_csv(plan.schedule()))
    id,name,phase,duration,es,ef,ls,lf,total_slack,free_slack,critical,start,finish
    A,"Kick-off, scope",p1,2,0,2,0,2,0,0,true,2025-03-03,2025-03-04
    B,,,1,2,3,2,3,0,0,true,2025-03-05,2025-03-05
    <BLANKLINE>
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for t in scheduled.tasks:
        writer.writerow(
            (
                text_cell(t.id),
                text_cell(t.task.name),
                text_cell(t.task.phase),
                _number(t.duration),
                _number(t.es),
                _number(t.ef),
                _number(t.ls),
                _number(t.lf),
                _number(t.total_slack),
                _number(t.free_slack),
                "true" if t.critical else "false",
                t.start.isoformat(),
                t.finish.isoformat(),
            )
        )
    return out.getvalue()


def raci_csv(
    deliverables: Sequence[tuple[str, str]],
    roles: Sequence[str],
    matrix: Mapping[str, Mapping[str, str]],
) -> str:
    """The matrix as CSV text: header ``deliverable,name,<role ids...>``, one row per deliverable.

    ``deliverables`` are ``(key, name)`` pairs in row order; cells a matrix row lacks are empty.

    >>> print(raci_csv([("P2.D1", "Org chart")], ["E_PM", "V_PM"], {"P2.D1": {"E_PM": "A/R"}}), end="")
    deliverable,name,E_PM,V_PM
    P2.D1,Org chart,A/R,
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["deliverable", "name", *roles])
    for key, name in deliverables:
        row = matrix.get(key, {})
        writer.writerow([text_cell(key), text_cell(name), *(row.get(role_id, "") for role_id in roles)])
    return buffer.getvalue()
