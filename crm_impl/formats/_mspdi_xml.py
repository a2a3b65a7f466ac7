"""MSPDI vocabulary (codes, custom-field ids, duration syntax) and the low-level readers that
:mod:`crm_impl.formats.mspdi` builds its import from.

Every reader tolerates what MS Project, ProjectLibre and GanttProject leave out, and raises a
:class:`ValidationError` whose ``field`` points into the file (``Task[UID=7].Duration``).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import defusedxml
import defusedxml.ElementTree as DET

from crm_impl.errors import ValidationError
from crm_impl.limits import MAX_DURATION_DAYS, MAX_LAG_DAYS, MAX_LINKS, MAX_TASKS, check_date
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import PlanTask

__all__ = [
    "NAMESPACE",
    "MINUTES_PER_DAY",
    "TYPE_CODE",
    "CODE_TYPE",
    "LAG_DAYS",
    "FIELD_TEXT1",
    "FIELD_TEXTS",
    "TEXT_ALIASES",
    "COST_UNITS",
    "CONSTRAINT_SNET",
    "CONSTRAINT_FNLT",
    "FIELD_DURATIONS",
    "ID_ALIAS",
    "ESTIMATE_ALIASES",
    "Row",
    "Reader",
    "parse",
    "duration_minutes",
    "whole_days",
    "read_calendar",
    "declared_fields",
    "custom_values",
    "outline",
    "read_links",
]

NAMESPACE = "http://schemas.microsoft.com/project"

#: Larger files are refused before parsing.
MAX_FILE_BYTES = 64 * 1024 * 1024
# A single calendar exception longer than this is a typo, not a holiday.
MAX_EXCEPTION_DAYS = 3660
# All the calendar's exceptions together: a century of non-working days is plenty.
MAX_HOLIDAYS = 36_600
# How much of a value a message quotes: a hostile file's 5,000-digit number is cut short.
QUOTE_LIMIT = 40

MINUTES_PER_DAY = 480
TYPE_CODE = {"FF": 0, "FS": 1, "SF": 2, "SS": 3}
CODE_TYPE = {code: name for name, code in TYPE_CODE.items()}
LAG_DAYS = 7
# Elapsed units (em, eh, ed, ew, emo and their estimated '?' variants) run on the clock.
ELAPSED_FORMATS = frozenset({4, 6, 8, 10, 12, 36, 38, 40, 42, 44})
PERCENT_FORMATS = frozenset({19, 20, 51, 52})

FIELD_TEXT1 = 188743731
#: Text2, Text3, Text4: the Chinese name, the accountable role, the consulted roles.
FIELD_TEXTS = (188743734, 188743737, 188743740)
TEXT_ALIASES = ("Name (Chinese)", "Accountable role", "Consulted roles")
#: The ``ConstraintType`` codes crm-impl's plan has: start no earlier than, finish no later than.
CONSTRAINT_SNET, CONSTRAINT_FNLT = 4, 7
#: MSPDI writes amounts in hundredths of the currency unit.
COST_UNITS = 100
FIELD_DURATIONS = (188743783, 188743784, 188743785)
ID_ALIAS = "crm-impl id"
ESTIMATE_ALIASES = ("Optimistic", "Most likely", "Pessimistic")

DURATION_RE = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)


@dataclass
class Row:
    """One ``<Task>`` of the file while the outline is being resolved."""

    uid: int
    level: int
    element: ET.Element
    where: str  # how errors name the task: Task[UID=7]
    summary: bool = False
    leaves: list[str] = field(default_factory=list)
    task_id: str | None = None


class Reader:
    """Namespace-aware accessors for one MSPDI document."""

    def __init__(self, root: ET.Element) -> None:
        self.ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""

    def children(self, element: ET.Element | None, tag: str) -> list[ET.Element]:
        return [] if element is None else element.findall(self.ns + tag)

    def child(self, element: ET.Element | None, tag: str) -> ET.Element | None:
        return None if element is None else element.find(self.ns + tag)

    def text(self, element: ET.Element | None, tag: str) -> str | None:
        node = self.child(element, tag)
        if node is None or node.text is None:
            return None
        value = node.text.strip()
        return value or None

    def quote(self, value: str) -> str:
        return value if len(value) <= QUOTE_LIMIT else value[:QUOTE_LIMIT] + "…"

    def integer(
        self, element: ET.Element | None, tag: str, where: str, default: int | None = None
    ) -> int | None:
        value = self.text(element, tag)
        if value is None:
            return default
        try:
            return int(value)
        except ValueError:
            try:
                number = float(value)
            except ValueError:
                number = math.nan
            if math.isfinite(number) and number.is_integer():
                return int(number)
            raise ValidationError("must be an integer, got %(value)r", f"{where}.{tag}", value=self.quote(value)) from None

    def flag(self, element: ET.Element | None, tag: str) -> bool | None:
        value = self.text(element, tag)
        if value is None:
            return None
        return value.lower() in ("1", "true")

    def day(self, element: ET.Element | None, tag: str, where: str) -> date | None:
        value = self.text(element, tag)
        if value is None:
            return None
        try:
            day = date.fromisoformat(value[:10])
        except ValueError:
            raise ValidationError("not a date: %(value)r", f"{where}.{tag}", value=self.quote(value)) from None
        return check_date(day, f"{where}.{tag}")


def parse(data: bytes | str) -> ET.Element:
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError("file is larger than %(limit)s MB", "file", limit=MAX_FILE_BYTES // 2**20)
    if not data.strip():
        raise ValidationError("the file is empty", "file")
    try:
        # MSPDI never needs a DTD; refusing one also refuses entity tricks (XXE, billion laughs).
        return DET.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException as exc:
        raise ValidationError("refused unsafe XML (%(name)s)", "file", name=type(exc).__name__) from None
    except ET.ParseError as exc:
        raise ValidationError("not well-formed XML: %(exc)s", "file", exc=exc) from None
    except LookupError as exc:  # encoding="x-unknown" in the XML declaration
        raise ValidationError("not well-formed XML: %(exc)s", "file", exc=exc) from None


def duration_minutes(text: str, where: str) -> float:
    """Minutes of an XML Schema duration such as ``PT24H0M0S`` (``D`` counts 24 hours)."""
    match = DURATION_RE.match(text.strip())
    if match is None or text.strip() in ("P", "PT"):
        raise ValidationError("not a duration like PT8H0M0S: %(text)r", where, text=text)
    parts = {k: float(v) if v else 0.0 for k, v in match.groupdict().items()}
    minutes = parts["d"] * 1440 + parts["h"] * 60 + parts["m"] + parts["s"] / 60
    if not math.isfinite(minutes):
        raise ValidationError("not a duration like PT8H0M0S: %(text)r", where, text=text[:QUOTE_LIMIT] + "…")
    return minutes


def whole_days(days: float, where: str = "Duration") -> int:
    # crm-impl counts whole working days: a part day still takes a day, float noise does not.
    if days > MAX_DURATION_DAYS:
        raise ValidationError("more than %(limit)s working days", where, limit=MAX_DURATION_DAYS)
    nearest = round(days)
    return nearest if abs(days - nearest) < 1e-6 else math.ceil(days)


def round_half_away(value: float) -> int:
    return int(math.copysign(math.floor(abs(value) + 0.5), value))


def read_calendar(
    reader: Reader, root: ET.Element
) -> tuple[tuple[int, ...], tuple[tuple[date, str], ...], tuple[tuple[date, str], ...]]:
    """The project calendar's working weekdays, holidays and extra working days (each dated
    exception that is a working one, on a day its weekdays do not work)."""
    container = reader.child(root, "Calendars")
    calendars = {}
    for element in reader.children(container, "Calendar"):
        uid = reader.integer(element, "UID", "Calendar")
        if uid is not None:
            calendars[uid] = element
    chosen = calendars.get(reader.integer(root, "CalendarUID", "Project") or -1)
    if chosen is None:
        bases = [c for c in calendars.values() if reader.flag(c, "IsBaseCalendar")]
        chosen = bases[0] if bases else next(iter(calendars.values()), None)
    if chosen is None:
        return (0, 1, 2, 3, 4), (), ()

    working: dict[int, bool] = {}
    holidays: dict[date, str] = {}
    workdays: dict[date, str] = {}
    seen: set[int] = set()
    current: ET.Element | None = chosen
    # A derived calendar inherits the days it does not set from its base calendar.
    while current is not None:
        where = f"Calendar[UID={reader.text(current, 'UID')}]"
        for weekday in reader.children(reader.child(current, "WeekDays"), "WeekDay"):
            day_type = reader.integer(weekday, "DayType", where)
            is_working = bool(reader.flag(weekday, "DayWorking"))
            if day_type is not None and 1 <= day_type <= 7:
                working.setdefault((day_type + 5) % 7, is_working)
            elif day_type == 0 and not is_working:
                # Pre-2007 files (and ProjectLibre) store exceptions as day type 0.
                _add_range(reader, reader.child(weekday, "TimePeriod"), "", holidays, where)
        for exception in reader.children(reader.child(current, "Exceptions"), "Exception"):
            recurrence = reader.integer(exception, "Type", where, default=1)
            if recurrence != 1:
                continue  # yearly and monthly patterns are not read here
            name = reader.text(exception, "Name") or ""
            into = workdays if reader.flag(exception, "DayWorking") else holidays
            _add_range(reader, reader.child(exception, "TimePeriod"), name, into, where)
        seen.add(id(current))
        base = calendars.get(reader.integer(current, "BaseCalendarUID", where) or -1)
        current = base if base is not None and id(base) not in seen else None
    weekdays = tuple(d for d in range(7) if working.get(d, d < 5))
    if not weekdays:
        raise ValidationError("the calendar has no working weekday", "Calendar.WeekDays")
    # A working exception on a day that is worked anyway changes nothing; a holiday wins over it.
    extra = {day: name for day, name in workdays.items() if day.weekday() not in weekdays and day not in holidays}
    return weekdays, tuple(sorted(holidays.items())), tuple(sorted(extra.items()))


def _add_range(
    reader: Reader, period: ET.Element | None, name: str, holidays: dict[date, str], where: str
) -> None:
    first = reader.day(period, "FromDate", f"{where}.TimePeriod")
    last = reader.day(period, "ToDate", f"{where}.TimePeriod") or first
    if first is None or last is None:
        return
    if (last - first).days > MAX_EXCEPTION_DAYS:
        raise ValidationError("exception from %(first)s to %(last)s is too long", f"{where}.TimePeriod", first=first, last=last)
    if len(holidays) + (last - first).days >= MAX_HOLIDAYS:
        raise ValidationError("the calendar has more than %(limit)s non-working days", f"{where}.TimePeriod",
                              limit=MAX_HOLIDAYS)
    day = first
    while day <= last:
        holidays.setdefault(day, name)
        day += timedelta(days=1)


def declared_fields(reader: Reader, root: ET.Element) -> dict[str, int]:
    """Lower-cased alias -> FieldID of the declared task custom fields."""
    out = {}
    for definition in reader.children(reader.child(root, "ExtendedAttributes"), "ExtendedAttribute"):
        alias = reader.text(definition, "Alias")
        field_id = reader.integer(definition, "FieldID", "ExtendedAttributes")
        if alias and field_id is not None:
            out.setdefault(alias.lower(), field_id)
    return out


def custom_values(reader: Reader, element: ET.Element, where: str) -> dict[int, str]:
    out = {}
    for attribute in reader.children(element, "ExtendedAttribute"):
        field_id = reader.integer(attribute, "FieldID", where)
        value = reader.text(attribute, "Value")
        if field_id is not None and value is not None:
            out[field_id] = value
    return out


def outline(reader: Reader, root: ET.Element) -> list[Row]:
    rows = []
    for k, element in enumerate(reader.children(reader.child(root, "Tasks"), "Task")):
        uid = reader.integer(element, "UID", f"Task[{k}]")
        if uid is None:
            raise ValidationError("task without a UID", f"Task[{k}].UID")
        where = f"Task[UID={uid}]"
        if reader.flag(element, "IsNull"):
            continue  # a blank row in MS Project
        level = reader.integer(element, "OutlineLevel", where)
        if level is None:
            number = reader.text(element, "OutlineNumber")
            level = len(number.split(".")) if number else 1
        if level <= 0:
            continue  # the project summary task (UID 0)
        rows.append(Row(uid=uid, level=level, element=element, where=where))
        if len(rows) > MAX_TASKS:
            raise ValidationError("the file has more than %(limit)s tasks", "Tasks", limit=MAX_TASKS)
    for k, row in enumerate(rows):
        below = k + 1 < len(rows) and rows[k + 1].level > row.level
        row.summary = below or bool(reader.flag(row.element, "Summary"))
    return rows


def read_links(
    reader: Reader,
    rows: Sequence[Row],
    by_uid: Mapping[int, Row],
    tasks: Mapping[str, PlanTask],
    minutes_per_day: int,
    working_days_per_week: int,
) -> tuple[list[Link], list[str]]:
    links: list[Link] = []
    fields: list[str] = []
    seen: set[tuple[str, str]] = set()
    for row in rows:
        for k, element in enumerate(reader.children(row.element, "PredecessorLink")):
            where = f"{row.where}.PredecessorLink[{k}]"
            if reader.flag(element, "CrossProject"):
                continue  # a task of another project
            pred_uid = reader.integer(element, "PredecessorUID", where)
            if pred_uid is None:
                raise ValidationError("missing PredecessorUID", where)
            pred_row = by_uid.get(pred_uid)
            if pred_row is None:
                raise ValidationError("unknown task UID %(pred_uid)s", f"{where}.PredecessorUID", pred_uid=pred_uid)
            code = reader.integer(element, "Type", where, default=1)
            if code not in CODE_TYPE:
                raise ValidationError("unknown link type %(code)s (0=FF, 1=FS, 2=SF, 3=SS)", f"{where}.Type", code=code)
            # A summary stands for each task below it: a link between two summaries of a thousand
            # tasks each would be a million links.  Count before expanding.
            expanded = (len(pred_row.leaves) if pred_row.summary else 1) * (len(row.leaves) if row.summary else 1)
            if len(links) + expanded > MAX_LINKS:
                raise ValidationError(
                    "the links, with those of summary tasks applied to each task below them, are more than "
                    "%(limit)s", where, limit=MAX_LINKS)
            for pred, succ in _expand(pred_row, row):
                if pred == succ or (pred, succ) in seen:
                    continue
                lag = _lag_days(
                    reader, element, where, tasks[pred].duration, minutes_per_day, working_days_per_week
                )
                seen.add((pred, succ))
                links.append(Link(pred, succ, CODE_TYPE[code], lag))  # type: ignore[index]
                fields.append(where)
    return links, fields


def _expand(pred: Row, succ: Row) -> Iterator[tuple[str, str]]:
    # A summary task stands for every task under it (exact for a finish-to-start link from a
    # summary's finish or into its start; a little stricter for the other ends).
    preds = pred.leaves if pred.summary else [pred.task_id]
    succs = succ.leaves if succ.summary else [succ.task_id]
    for p in preds:
        for s in succs:
            yield p, s  # type: ignore[misc]


def _lag_days(
    reader: Reader,
    element: ET.Element,
    where: str,
    pred_duration: int,
    minutes_per_day: int,
    working_days_per_week: int,
) -> int:
    raw = reader.text(element, "LinkLag")
    if raw is None:
        return 0
    try:
        value = float(raw)
    except ValueError:
        raise ValidationError("not a number: %(raw)r", f"{where}.LinkLag", raw=reader.quote(raw)) from None
    if not math.isfinite(value):
        raise ValidationError("not a number: %(raw)r", f"{where}.LinkLag", raw=reader.quote(raw))
    fmt = reader.integer(element, "LagFormat", where, default=LAG_DAYS)
    if fmt in PERCENT_FORMATS:
        days = pred_duration * value / 100
    elif fmt in ELAPSED_FORMATS:
        days = value / 10 / 1440 * working_days_per_week / 7  # LinkLag is in tenths of a minute
    else:
        days = value / 10 / minutes_per_day
    if abs(days) > MAX_LAG_DAYS:
        raise ValidationError("a lag of more than %(limit)s working days", f"{where}.LinkLag", limit=MAX_LAG_DAYS)
    return round_half_away(days)
