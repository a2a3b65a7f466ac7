"""The task table in and out of spreadsheets — CSV and Excel (.xlsx) — the way MS Project and
Excel users move plans: one row per task, predecessors in MS Project's notation (``R01``,
``R01SS+2``), roles by code.

Written with the computed dates, slack and criticality for reading; read back, those columns are
ignored and every other column present replaces what the task had.  Reading collects every
problem with its row and column before anything is used, so a file is taken whole or not at all.
Pure: bytes or text in, :class:`TaskTable` out; which tasks exist is the operation's business.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from crm_impl.errors import TaskTableError
from crm_impl.formats.csv_tables import text_cell
from crm_impl.i18n import N_, Message, msg
from crm_impl.limits import MAX_AMOUNT, MAX_DURATION_DAYS, MAX_TASKS
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import PlanTask, ScheduledPlan

__all__ = ["COLUMNS", "COMPUTED", "TableRow", "TaskTable", "read_task_table", "task_rows", "task_table_xlsx",
           "task_table_text", "format_predecessors", "split_codes", "cell"]

#: Columns in order.  ``COMPUTED`` ones are written for reading and ignored when read back.
COLUMNS: tuple[str, ...] = (
    "id", "phase", "name", "name_zh", "duration", "milestone", "optimistic", "most_likely", "pessimistic",
    "predecessors", "responsible", "accountable", "consulted", "budget", "progress",
    "start", "finish", "es", "ef", "ls", "lf", "total_slack", "free_slack", "critical",
)
#: CPM's results: working-day offsets (ES/EF/LS/LF, finish exclusive), slack, the dates.
COMPUTED: frozenset[str] = frozenset({"start", "finish", "es", "ef", "ls", "lf", "total_slack", "free_slack",
                                      "critical"})
_ESTIMATE = ("optimistic", "most_likely", "pessimistic")

#: A cell holding several codes or ids: commas, semicolons, Chinese commas.
_LIST_SPLIT = re.compile(r"[,;，、；]\s*")
_TRUE = {"1", "true", "yes", "y", "x", "是", "✓"}
_FALSE = {"", "0", "false", "no", "n", "否"}
#: A file has at most this many rows (a plan's task limit).
MAX_ROWS = MAX_TASKS
#: Excel files above this size are refused before they are opened (a zip bomb is small outside).
MAX_XLSX_BYTES = 5_000_000


def format_predecessors(links: Iterable[Link]) -> str:
    """Links into one task in MS Project's notation, finish-to-start without lag as a bare id.

    >>> format_predecessors([Link("A", "C"), Link("B", "C", "SS", 2), Link("D", "C", "FF", -1)])
    'A, BSS+2, DFF-1'
    """
    parts = []
    for link in links:
        if link.type == "FS" and link.lag == 0:
            parts.append(link.pred)
        else:
            parts.append(f"{link.pred}{link.type}{link.lag:+d}" if link.lag else f"{link.pred}{link.type}")
    return ", ".join(parts)


def cell(row: int, column: str) -> Message:
    """Where a problem is: ``row 5 · duration`` (the column as the file names it).

    >>> str(cell(5, "duration"))
    'row 5 · duration'
    """
    return msg(N_("row %(row)s · %(column)s"), row=str(row), column=column)


def split_codes(text: str) -> tuple[str, ...]:
    """The codes or ids of a list cell (commas, semicolons, Chinese commas between them).

    >>> split_codes("E_PM, V_TC；E_KU")
    ('E_PM', 'V_TC', 'E_KU')
    """
    return tuple(code.strip() for code in _LIST_SPLIT.split(text or "") if code.strip())


# ------------------------------------------------------------------------------------ writing


def task_rows(scheduled: ScheduledPlan) -> Iterator[tuple[Any, ...]]:
    """The table's rows (without header) as typed values: numbers, dates, booleans, text."""
    into: dict[str, list[Link]] = {}
    for link in scheduled.plan.links:
        into.setdefault(link.succ, []).append(link)
    for t in scheduled.tasks:
        task = t.task
        estimate = task.estimate
        yield (
            task.id, task.phase, task.name, task.name_zh, task.duration, task.milestone,
            *(getattr(estimate, name) if estimate else None for name in _ESTIMATE),
            format_predecessors(into.get(task.id, ())), ", ".join(task.responsible),
            task.roles.get("A") or "", ", ".join(task.roles.get("C") or ()), task.budget, task.progress,
            t.start, t.finish, t.es, t.ef, t.ls, t.lf, t.total_slack, t.free_slack, t.critical,
        )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return text_cell(str(value)) if isinstance(value, str) else str(value)


def task_table_text(scheduled: ScheduledPlan) -> str:
    """The task table as CSV text (header first); text cells are made inert for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(tuple(_text(value) for value in row) for row in task_rows(scheduled))
    return out.getvalue()


def task_table_xlsx(scheduled: ScheduledPlan, sheet_title: str = "Tasks") -> bytes:
    """The task table as an Excel workbook: typed cells (dates as dates), a bold frozen header,
    a filter, readable column widths, computed columns in grey."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title[:31]
    sheet.append(COLUMNS)
    for row in task_rows(scheduled):
        # Text cells stay text: openpyxl writes a string starting with "=" as a formula otherwise.
        sheet.append([text_cell(v) if isinstance(v, str) else v for v in row])
    grey = PatternFill("solid", fgColor="EEEEEE")
    for index, name in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True)
        letter = get_column_letter(index)
        widest = max((len(str(c.value or "")) for c in sheet[letter][:200]), default=8)
        sheet.column_dimensions[letter].width = min(60, max(8, widest + 2))
        if name in COMPUTED:
            cell.fill = grey
        if name in ("start", "finish"):
            for c in sheet[letter][1:]:
                c.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# ------------------------------------------------------------------------------------ reading


@dataclass(frozen=True)
class TableRow:
    """One task as a file gives it: the fields of its columns, and the links into it."""

    number: int  # the row in the file (the header is row 1)
    task: PlanTask
    predecessors: str | None  # as written (``R01, R02SS+2``); None when the file has no such column


@dataclass(frozen=True)
class TaskTable:
    """A task table read from a file: its rows and which columns it had (the others stay)."""

    rows: tuple[TableRow, ...]
    columns: frozenset[str] = field(default_factory=frozenset)


def _cells_csv(data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")  # Excel on a Chinese Windows saves CSV in GBK
        except UnicodeDecodeError:
            raise TaskTableError([("", msg(N_("the file is neither UTF-8 nor GBK text")))]) from None
    if "\x00" in text:
        raise TaskTableError([("", msg(N_("the file is not a text table")))])
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _cells_xlsx(data: bytes) -> list[list[Any]]:
    import zipfile

    from openpyxl import load_workbook

    if len(data) > MAX_XLSX_BYTES:
        raise TaskTableError([("", msg(N_("the workbook is larger than %(limit)s MB"),
                                           limit=MAX_XLSX_BYTES // 1_000_000))])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            # A small file can unpack to gigabytes: count what it holds before opening it.
            if sum(info.file_size for info in archive.infolist()) > 20 * MAX_XLSX_BYTES:
                raise TaskTableError([("", msg(N_("the workbook unpacks to too much data")))])
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except TaskTableError:
        raise
    except Exception:  # noqa: BLE001 - openpyxl and zipfile raise many kinds for a bad file
        raise TaskTableError([("", msg(N_("the file is not an Excel workbook (.xlsx)")))]) from None
    sheet = book.worksheets[0]
    rows = []
    for row in sheet.iter_rows(values_only=True):
        rows.append(list(row))
        if len(rows) > MAX_ROWS + 1:
            break
    book.close()
    return rows


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    return str(value).strip()


class _Row:
    """Reads the cells of one row by column name, collecting problems."""

    def __init__(self, number: int, cells: dict[str, Any], problems: list[tuple[str | Message, str | Message]]) -> None:
        self.line, self.cells, self.problems = number, cells, problems

    def where(self, column: str) -> Message:
        return cell(self.line, column)

    def fail(self, column: str, message: str, **params: Any) -> None:
        self.problems.append((self.where(column), Message(message, params)))

    def text(self, column: str, limit: int) -> str:
        value = _plain(self.cells.get(column))
        if len(value) > limit:
            self.fail(column, N_("longer than %(limit)s characters"), limit=limit)
        if "\x00" in value:
            self.fail(column, N_("contains a NUL character"))
        return value[:limit]

    def number(self, column: str, low: float, high: float, whole: bool = True) -> float | None:
        raw = self.cells.get(column)
        if raw is None or _plain(raw) == "":
            return None
        try:
            value = float(raw) if not isinstance(raw, str) else float(raw.strip().replace(",", ""))
        except (TypeError, ValueError):
            self.fail(column, N_("%(value)r is not a number"), value=_plain(raw)[:40])
            return None
        if not math.isfinite(value) or not low <= value <= high:
            self.fail(column, N_("must be from %(low)s to %(high)s"), low=f"{low:,.0f}", high=f"{high:,.0f}")
            return None
        if whole and not value.is_integer():
            self.fail(column, N_("must be a whole number, got %(value)s"), value=_plain(raw))
            return None
        return value

    def flag(self, column: str) -> bool | None:
        value = _plain(self.cells.get(column)).lower()
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False if value else None
        self.fail(column, N_("%(value)r is not yes or no"), value=value[:40])
        return None


def read_task_table(data: bytes, filename: str) -> TaskTable:
    """Read a task table from CSV (UTF-8 or GBK, comma, semicolon or tab) or Excel (.xlsx, its
    first sheet).  Column names are the ones this module writes; unknown columns are ignored;
    ``id`` and ``name`` are required.

    Raises
    ------
    TaskTableError
        Every problem at once, each with its row and column (``row 5 · duration``).
    """
    cells = _cells_xlsx(data) if filename.lower().endswith(".xlsx") else _cells_csv(data)
    cells = [row for row in cells if any(_plain(v) for v in row)]
    if not cells:
        raise TaskTableError([("", msg(N_("the table is empty")))])
    header = [_plain(v).lower().replace(" ", "_") for v in cells[0]]
    missing = [name for name in ("id", "name") if name not in header]
    if missing:
        raise TaskTableError([("", msg(N_("the header row lacks the column(s) %(columns)s"),
                                           columns=", ".join(missing)))])
    if len(cells) - 1 > MAX_ROWS:
        raise TaskTableError([("", msg(N_("more than %(limit)s tasks"), limit=MAX_ROWS))])
    known = [name for name in header if name in COLUMNS and name not in COMPUTED]
    problems: list[tuple[str | Message, str | Message]] = []
    rows: list[TableRow] = []
    seen: set[str] = set()
    for number, values in enumerate(cells[1:], start=2):
        row = _Row(number, {name: value for name, value in zip(header, values) if name in known}, problems)
        task_id = row.text("id", 40)
        if not task_id:
            row.fail("id", N_("a task needs an id"))
        elif task_id in seen:
            row.fail("id", N_("the id %(task)r is used twice"), task=task_id)
        seen.add(task_id)
        name = row.text("name", 300)
        if not name:
            row.fail("name", N_("a task needs a name"))
        duration = row.number("duration", 0, MAX_DURATION_DAYS)
        milestone = row.flag("milestone")
        estimate = [row.number(column, 0, MAX_DURATION_DAYS) for column in _ESTIMATE]
        three_point = None
        if any(v is not None for v in estimate):
            if any(v is None for v in estimate):
                row.fail("optimistic", N_("give all three estimates or none"))
            elif not estimate[0] <= estimate[1] <= estimate[2]:  # type: ignore[operator]
                row.fail("optimistic", N_("need optimistic <= most likely <= pessimistic"))
            else:
                three_point = ThreePoint(*(int(v) for v in estimate))  # type: ignore[arg-type]
        if duration is None and three_point is not None:
            duration = three_point.most_likely
        if milestone is None:
            milestone = duration == 0
        if milestone and duration:
            row.fail("milestone", N_("a milestone takes no time (duration 0)"))
        accountable = split_codes(row.text("accountable", 40))
        if len(accountable) > 1:
            row.fail("accountable", N_("one role is accountable, not %(count)s"), count=len(accountable))
        roles = {"R": list(split_codes(row.text("responsible", 400))), "A": accountable[0] if accountable else None,
                 "C": list(split_codes(row.text("consulted", 400)))}
        predecessors = row.text("predecessors", 2000) if "predecessors" in known else None
        rows.append(TableRow(number, PlanTask(
            id=task_id, name=name, phase=row.text("phase", 20), duration=int(duration or 0), milestone=bool(milestone),
            name_zh=row.text("name_zh", 300), estimate=three_point,
            progress=int(row.number("progress", 0, 100) or 0), roles=roles,
            budget=row.number("budget", 0, MAX_AMOUNT, whole=False) or 0.0,
        ), predecessors))
    if problems:
        raise TaskTableError(problems)
    return TaskTable(tuple(rows), frozenset(known))
