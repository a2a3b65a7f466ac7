"""Microsoft Project XML (MSPDI) export and import.

What travels is the schedule's plan (:class:`~crm_impl.schedule.plan.Plan`): its calendar,
its phases (summary tasks at outline level 1), tasks (level 2) with duration, milestone flag,
percent complete, an optional three-point estimate, costs, actual start and finish and the date
constraints ("start no earlier than" as Project's SNET constraint, "finish no later than" as its
deadline), and the four link types with lags.  Durations are written as
8-hour days (``PT{8d}H0M0S``) and lags in tenths of minutes with ``LagFormat`` 7 (days), the
way MS Project writes them.

crm-impl ids (task ids, phase keys) travel in the task custom field Text1, Chinese names (of
tasks and phases) in Text2, and the estimates in
Duration1–3 (MS Project's own PERT fields), each declared with an alias, so a file exported here
and re-imported gives back the same plan.  Files from MS Project, ProjectLibre or GanttProject
without those fields still import: ids become ``T<UID>``, phases ``P1, P2, ...``.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from datetime import date, timedelta

from crm_impl.errors import ValidationError
from crm_impl.i18n import N_
from crm_impl.limits import MAX_AMOUNT
from crm_impl.formats.bpmn import BPMN_NAMESPACE, is_bpmn
from crm_impl.formats._mspdi_xml import (
    CONSTRAINT_FNLT,
    CONSTRAINT_SNET,
    COST_UNITS,
    ESTIMATE_ALIASES,
    FIELD_DURATIONS,
    FIELD_TEXT1,
    FIELD_TEXTS,
    TEXT_ALIASES,
    ID_ALIAS,
    LAG_DAYS,
    MINUTES_PER_DAY,
    NAMESPACE,
    TYPE_CODE,
    Reader,
    Row,
    custom_values,
    declared_fields,
    duration_minutes,
    outline,
    parse,
    read_calendar,
    read_links,
    whole_days,
)
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.network import Activity, Link, build_network
from crm_impl.schedule.baseline import BaselineDates, BaselineEntry
from crm_impl.schedule.plan import Plan, PlanPhase, PlanTask, ScheduledTask

__all__ = ["NAMESPACE", "IMPORTED_PHASE", "NOT_A_PLAN", "MspdiFile", "export_mspdi", "import_mspdi", "read_mspdi"]

#: Phase given to tasks that have no summary task above them.
IMPORTED_PHASE: tuple[str, str] = ("imported", "Imported")

#: When a working day starts and ends in the files written here.
DAY_START, DAY_FINISH = "08:00:00", "17:00:00"


# ------------------------------------------------------------------------------------- export


def _hours(days: int) -> str:
    return f"PT{8 * days}H0M0S"


def _sub(parent: ET.Element, tag: str, text: object | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}")
    if text is not None:
        element.text = str(text)
    return element


def _calendar_element(parent: ET.Element, plan: Plan) -> None:
    calendar = _sub(_sub(parent, "Calendars"), "Calendar")
    _sub(calendar, "UID", 1)
    _sub(calendar, "Name", "Standard")
    _sub(calendar, "IsBaseCalendar", 1)
    _sub(calendar, "BaseCalendarUID", -1)
    weekdays = _sub(calendar, "WeekDays")
    for day_type in range(1, 8):  # 1 = Sunday ... 7 = Saturday
        working = (day_type + 5) % 7 in plan.working_weekdays
        weekday = _sub(weekdays, "WeekDay")
        _sub(weekday, "DayType", day_type)
        _sub(weekday, "DayWorking", int(working))
        if working:
            times = _sub(weekday, "WorkingTimes")
            for start, finish in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
                period = _sub(times, "WorkingTime")
                _sub(period, "FromTime", start)
                _sub(period, "ToTime", finish)
    if plan.holidays or plan.working_days:
        exceptions = _sub(calendar, "Exceptions")
        dated = [(day, name, False) for day, name in plan.holidays] + [(day, name, True) for day, name in plan.working_days]
        for day, name, worked in sorted(dated):
            exception = _sub(exceptions, "Exception")
            _sub(exception, "EnteredByOccurrences", 0)
            period = _sub(exception, "TimePeriod")
            _sub(period, "FromDate", f"{day.isoformat()}T00:00:00")
            _sub(period, "ToDate", f"{day.isoformat()}T23:59:00")
            _sub(exception, "Occurrences", 1)
            _sub(exception, "Name", name)
            _sub(exception, "Type", 1)
            _sub(exception, "DayWorking", int(worked))
            if worked:  # a make-up day has the working hours of an ordinary day
                times = _sub(exception, "WorkingTimes")
                for start, finish in (("08:00:00", "12:00:00"), ("13:00:00", "17:00:00")):
                    span = _sub(times, "WorkingTime")
                    _sub(span, "FromTime", start)
                    _sub(span, "ToTime", finish)


def _extended(parent: ET.Element, field_id: int, value: str) -> None:
    element = _sub(parent, "ExtendedAttribute")
    _sub(element, "FieldID", field_id)
    _sub(element, "Value", value)


def _cost(amount: float) -> str:
    return f"{round(amount * COST_UNITS):d}"


def _resources(root: ET.Element, plan: Plan, uid_of: dict[str, int]) -> None:
    """The methodology roles that do the work (RACI R) as work resources, assigned to their tasks."""
    from crm_impl.methodology import roles

    names = {role.id: role.label("en") for role in roles()}
    used = list(dict.fromkeys(role for task in plan.tasks for role in task.responsible))
    if not used:
        return
    resource_uid = {role: k for k, role in enumerate(used, start=1)}
    resources = _sub(root, "Resources")
    for role, uid in resource_uid.items():
        resource = _sub(resources, "Resource")
        _sub(resource, "UID", uid)
        _sub(resource, "ID", uid)
        _sub(resource, "Name", names.get(role, role))
        _sub(resource, "Type", 1)  # work
        _sub(resource, "Initials", role)
    assignments = _sub(root, "Assignments")
    uid = 0
    for task in plan.tasks:
        for role in task.responsible:
            uid += 1
            assignment = _sub(assignments, "Assignment")
            _sub(assignment, "UID", uid)
            _sub(assignment, "TaskUID", uid_of[task.id])
            _sub(assignment, "ResourceUID", resource_uid[role])
            _sub(assignment, "Units", 1)


def _constraint_elements(element: ET.Element, task: PlanTask) -> None:
    """The task's date constraints as MS Project holds them: "start no earlier than" is the
    constraint of that name (``ConstraintType`` 4); "finish no later than", which caps the late
    finish and leaves the early dates alone (negative slack when it cannot be met), is what
    Project calls a deadline (``Deadline``), not its FNLT constraint, which would move the task."""
    if task.start_no_earlier_than is not None:
        _sub(element, "ConstraintType", CONSTRAINT_SNET)
        _sub(element, "ConstraintDate", f"{task.start_no_earlier_than.isoformat()}T{DAY_START}")
    if task.finish_no_later_than is not None:
        _sub(element, "Deadline", f"{task.finish_no_later_than.isoformat()}T{DAY_FINISH}")


def _instants(task: ScheduledTask) -> tuple[str, str]:
    """A task's start and finish as MS Project writes them: work from 08:00 on the first day to
    17:00 on the last; a milestone at 17:00 on its day when a predecessor's finish places it,
    else at 08:00."""
    if task.is_point:
        point = f"{task.start.isoformat()}T{'17:00:00' if task.at_day_end else '08:00:00'}"
        return point, point
    return f"{task.start.isoformat()}T08:00:00", f"{task.finish.isoformat()}T17:00:00"


def _baseline_element(parent: ET.Element, entry: BaselineEntry, milestone: bool) -> None:
    """``<Baseline>`` number 0 of a task: what Project calls "Baseline" (Baseline Start, Finish...)."""
    element = _sub(parent, "Baseline")
    _sub(element, "Number", 0)
    _sub(element, "Start", f"{entry.start.isoformat()}T08:00:00" if not milestone else f"{entry.start.isoformat()}T17:00:00")
    _sub(element, "Finish", f"{entry.finish.isoformat()}T17:00:00")
    _sub(element, "Duration", _hours(entry.duration))
    _sub(element, "DurationFormat", 7)
    _sub(element, "Cost", _cost(entry.budget))


def export_mspdi(plan: Plan, baseline: BaselineDates | None = None) -> bytes:
    """Write ``plan`` as an MSPDI document (UTF-8 bytes with an XML declaration), with
    ``baseline`` (the steering baseline, say) as each task's Baseline0 fields.

    Task dates come from a CPM run on the plan's calendar, so the plan must be schedulable.

    Examples
    --------
    >>> plan = Plan("Pilot", date(2025, 3, 3), phases=[PlanPhase("P1", "Preparation")],
    ...             tasks=[PlanTask("A", "Assess", "P1", 3)])
    >>> xml = export_mspdi(plan)
    >>> b"<Duration>PT24H0M0S</Duration>" in xml, import_mspdi(xml) == plan
    (True, True)

    Raises
    ------
    ValidationError
        Unknown phase or task, cycle, or invalid duration (from the CPM run).
    """
    phase_keys = [p.key for p in plan.phases]
    for i, task in enumerate(plan.tasks):
        if task.phase not in phase_keys:
            raise ValidationError("unknown phase %(phase)r", f"tasks[{i}].phase", phase=task.phase)
    scheduled = plan.schedule()
    timing = {t.id: t for t in scheduled.tasks}
    baseline = baseline or {}

    root = ET.Element(f"{{{NAMESPACE}}}Project")
    _sub(root, "SaveVersion", 14)
    _sub(root, "Name", plan.title)
    _sub(root, "Title", plan.title)
    if plan.company:
        _sub(root, "Company", plan.company)
    _sub(root, "ScheduleFromStart", 1)
    _sub(root, "StartDate", f"{plan.start.isoformat()}T08:00:00")
    if plan.tasks:
        _sub(root, "FinishDate", max(_instants(t)[1] for t in scheduled.tasks))
    _sub(root, "CalendarUID", 1)
    _sub(root, "DefaultStartTime", "08:00:00")
    _sub(root, "DefaultFinishTime", "17:00:00")
    _sub(root, "MinutesPerDay", MINUTES_PER_DAY)
    _sub(root, "MinutesPerWeek", MINUTES_PER_DAY * len(plan.working_weekdays))
    _sub(root, "DaysPerMonth", 20)
    _sub(root, "DurationFormat", 7)

    definitions = _sub(root, "ExtendedAttributes")
    for field_id, field_name, alias in (
        (FIELD_TEXT1, "Text1", ID_ALIAS),
        *zip(FIELD_TEXTS, ("Text2", "Text3", "Text4"), TEXT_ALIASES),
        *zip(FIELD_DURATIONS, ("Duration1", "Duration2", "Duration3"), ESTIMATE_ALIASES),
    ):
        definition = _sub(definitions, "ExtendedAttribute")
        _sub(definition, "FieldID", field_id)
        _sub(definition, "FieldName", field_name)
        _sub(definition, "Alias", alias)
    _calendar_element(root, plan)

    tasks_element = _sub(root, "Tasks")
    uid_of: dict[str, int] = {}
    ordered: list[tuple[PlanPhase, list[PlanTask]]] = [
        (p, [t for t in plan.tasks if t.phase == p.key]) for p in plan.phases
    ]
    uid = 0
    for phase, members in ordered:
        uid += 1
        uid_of[f"phase:{phase.key}"] = uid
        for task in members:
            uid += 1
            uid_of[task.id] = uid
    preds: dict[str, list[Link]] = {}
    for link in plan.links:
        preds.setdefault(link.succ, []).append(link)

    for p, (phase, members) in enumerate(ordered, start=1):
        key = phase.key
        summary = _sub(tasks_element, "Task")
        _sub(summary, "UID", uid_of[f"phase:{key}"])
        _sub(summary, "ID", uid_of[f"phase:{key}"])
        _sub(summary, "Name", phase.name)
        _sub(summary, "WBS", p)
        _sub(summary, "OutlineNumber", p)
        _sub(summary, "OutlineLevel", 1)
        if members:
            es = min(timing[t.id].es for t in members)
            ef = max(timing[t.id].ef for t in members)
            start = min(_instants(timing[t.id])[0] for t in members)
            finish = max(_instants(timing[t.id])[1] for t in members)
        else:
            es = ef = 0
            start = finish = f"{plan.start.isoformat()}T08:00:00"
        _sub(summary, "Start", start)
        _sub(summary, "Finish", finish)
        _sub(summary, "Duration", _hours(int(ef - es)))
        _sub(summary, "DurationFormat", 7)
        _sub(summary, "Milestone", 0)
        _sub(summary, "Summary", 1)
        _extended(summary, FIELD_TEXT1, key)
        if phase.name_zh:  # the phase's Chinese name in the tasks' field
            _extended(summary, FIELD_TEXTS[0], phase.name_zh)
        for c, task in enumerate(members, start=1):
            t = timing[task.id]
            element = _sub(tasks_element, "Task")
            _sub(element, "UID", uid_of[task.id])
            _sub(element, "ID", uid_of[task.id])
            _sub(element, "Name", task.name)
            _sub(element, "WBS", f"{p}.{c}")
            _sub(element, "OutlineNumber", f"{p}.{c}")
            _sub(element, "OutlineLevel", 2)
            start, finish = _instants(t)
            _sub(element, "Start", start)
            _sub(element, "Finish", finish)
            _sub(element, "Duration", _hours(task.duration))
            _sub(element, "DurationFormat", 7)
            _sub(element, "Milestone", int(task.milestone))
            _sub(element, "Summary", 0)
            # In the schema's order.  Amounts in hundredths (MSPDI): the budget as the task's
            # fixed cost, and what was spent.
            _sub(element, "FixedCost", _cost(task.budget))
            _sub(element, "PercentComplete", task.progress)
            _sub(element, "Cost", _cost(task.budget))
            if task.actual_start is not None:  # a milestone starts when it finishes, at the end of its day
                _sub(element, "ActualStart",
                     f"{task.actual_start.isoformat()}T{DAY_FINISH if task.milestone else DAY_START}")
            if task.actual_finish is not None:
                _sub(element, "ActualFinish", f"{task.actual_finish.isoformat()}T{DAY_FINISH}")
            if task.actual_cost is not None:
                _sub(element, "ActualCost", _cost(task.actual_cost))
            _constraint_elements(element, task)
            for link in preds.get(task.id, ()):
                pred = _sub(element, "PredecessorLink")
                _sub(pred, "PredecessorUID", uid_of[link.pred])
                _sub(pred, "Type", TYPE_CODE[link.type])
                _sub(pred, "LinkLag", link.lag * MINUTES_PER_DAY * 10)
                _sub(pred, "LagFormat", LAG_DAYS)
            _extended(element, FIELD_TEXT1, task.id)
            accountable, consulted = task.roles.get("A"), list(task.roles.get("C") or [])
            for field_id, value in zip(FIELD_TEXTS, (task.name_zh, accountable or "", ",".join(consulted))):
                if value:
                    _extended(element, field_id, value)
            if task.estimate is not None:
                e = task.estimate
                for field_id, days in zip(FIELD_DURATIONS, (e.optimistic, e.most_likely, e.pessimistic)):
                    _extended(element, field_id, _hours(int(days)))
            if task.id in baseline:
                _baseline_element(element, baseline[task.id], t.is_point)
    _resources(root, plan, uid_of)
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode", default_namespace=NAMESPACE)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body + "\n").encode("utf-8")


# ------------------------------------------------------------------------------------- import


def _span_days(
    start: date | None, finish: date | None, weekdays: tuple[int, ...], holidays: tuple[tuple[date, str], ...],
    workdays: tuple[tuple[date, str], ...] = (),
) -> int:
    """Working days from ``start`` to ``finish`` inclusive: the duration of a task that gives
    only its dates (0 without them)."""
    if start is None or finish is None or finish < start:
        return 0
    calendar = WorkCalendar.from_iterables(start, weekdays, (day for day, _ in holidays), (day for day, _ in workdays))
    return calendar.offset_of(finish + timedelta(days=1))


def _amount(reader: Reader, element: ET.Element, tag: str, where: str) -> float | None:
    """An MSPDI amount (hundredths of the currency unit) in currency units; ``None`` when absent."""
    text = reader.text(element, tag)
    if text is None:
        return None
    try:
        value = float(text) / COST_UNITS
    except ValueError:
        raise ValidationError("%(value)r is not an amount", f"{where}.{tag}", value=text[:40]) from None
    if not math.isfinite(value) or not 0 <= value <= MAX_AMOUNT:
        raise ValidationError("must be from 0 to %(limit)s", f"{where}.{tag}", limit=f"{MAX_AMOUNT:,.0f}")
    return value


def _with_assignments(reader: Reader, root: ET.Element, tasks: list[PlanTask], rows: list[Row]) -> list[PlanTask]:
    """The tasks with their responsible roles: the resources assigned to them that are methodology
    roles (their initials, as crm-impl writes them, or their names); other people and
    equipment are not roles and are left out."""
    from crm_impl.methodology import roles

    known = {role.id for role in roles()}
    resource_role: dict[int, str] = {}
    for resource in reader.children(reader.child(root, "Resources"), "Resource"):
        uid = reader.integer(resource, "UID", "Resource")
        candidates = [(reader.text(resource, tag) or "").strip() for tag in ("Initials", "Name")]
        role = next((c for c in candidates if c in known), None)
        if uid is not None and role:
            resource_role[uid] = role
    position = {row.uid: k for k, row in enumerate(rows)}
    responsible: dict[int, list[str]] = {}
    for assignment in reader.children(reader.child(root, "Assignments"), "Assignment"):
        task_uid = reader.integer(assignment, "TaskUID", "Assignment")
        role = resource_role.get(reader.integer(assignment, "ResourceUID", "Assignment") or -1)
        if task_uid in position and role and role not in responsible.setdefault(position[task_uid], []):
            responsible[position[task_uid]].append(role)
    return [replace(task, roles=_roles(responsible[k], task.roles.get("A") or "", ",".join(task.roles.get("C") or [])))
            if k in responsible else task for k, task in enumerate(tasks)]


def _constraints(reader: Reader, element: ET.Element, where: str) -> tuple[date | None, date | None]:
    """A task's "start no earlier than" and "finish no later than" dates: its SNET constraint,
    and the earlier of its deadline and its FNLT constraint.  Other constraint kinds (must start
    on, as late as possible...) are not the plan's and are left out."""
    kind = reader.integer(element, "ConstraintType", where)
    on = reader.day(element, "ConstraintDate", where) if kind in (CONSTRAINT_SNET, CONSTRAINT_FNLT) else None
    deadlines = [day for day in (reader.day(element, "Deadline", where), on if kind == CONSTRAINT_FNLT else None)
                 if day is not None]
    return (on if kind == CONSTRAINT_SNET else None), (min(deadlines) if deadlines else None)


def _roles(responsible: list[str], accountable: str, consulted: str) -> dict:
    """A task's RACI roles as the plan holds them (none at all: an empty mapping)."""
    from crm_impl.methodology import roles

    known = {role.id for role in roles()}
    c = [role.strip() for role in consulted.split(",") if role.strip() in known]
    accountable = accountable if accountable in known else ""
    if not (responsible or accountable or c):
        return {}
    return {"R": responsible, "A": accountable[:10] or None, "C": c}


@dataclass(frozen=True)
class MspdiFile:
    """What an MSPDI document holds for us: the plan and its Baseline0 (empty when none was saved)."""

    plan: Plan
    baseline: dict[str, BaselineEntry]


def import_mspdi(data: bytes | str) -> Plan:
    """The plan of an MSPDI document (:func:`read_mspdi` without the baseline)."""
    return read_mspdi(data).plan


def _baseline_entry(reader: Reader, element: ET.Element, where: str, days_of) -> BaselineEntry | None:
    """A task's Baseline0 (``<Baseline><Number>0</Number>...``), when it has dates."""
    for saved in reader.children(element, "Baseline"):
        if reader.integer(saved, "Number", f"{where}.Baseline") != 0:
            continue
        at = f"{where}.Baseline[0]"
        start, finish = reader.day(saved, "Start", at), reader.day(saved, "Finish", at)
        if start is None or finish is None:
            return None
        if finish < start:
            raise ValidationError("the baseline finish is before its start", f"{at}.Finish")
        duration_text = reader.text(saved, "Duration")
        duration = days_of(duration_text, f"{at}.Duration") if duration_text is not None else 0
        return BaselineEntry(start, finish, duration, _amount(reader, saved, "Cost", at) or 0.0)
    return None


#: What an upload of a process map where a plan is expected hears (the BPMN and the MS Project
#: file both end in ``.xml``): what it is and where it goes.
NOT_A_PLAN = N_("this is a BPMN 2.0 process map, not an MS Project plan: add it to a project under Processes "
                "(New map, from an uploaded BPMN file)")


def read_mspdi(data: bytes | str) -> MspdiFile:
    """Read an MSPDI document into a :class:`~crm_impl.schedule.plan.Plan` and its Baseline0.

    Summary tasks at outline level 1 become phases; deeper summary tasks are flattened into
    their phase; tasks outside any summary go to :data:`IMPORTED_PHASE`.  Links to or from a
    summary task are applied to each task under it.  Durations are rounded up to whole working
    days, lags to the nearest day (elapsed lags are converted by the share of working weekdays,
    percent lags by the predecessor's duration); links to other projects are skipped.

    Raises
    ------
    ValidationError
        Not XML, unsafe XML (DTD, entities), a BPMN process map (:data:`NOT_A_PLAN`), not an
        MSPDI ``<Project>``, a bad number, date or
        duration, a link to an unknown UID, duplicate ids or a dependency cycle; ``field``
        points into the file (``Task[UID=7].Duration``).
    """
    if is_bpmn(data):
        raise ValidationError(NOT_A_PLAN, "file")
    root = parse(data)
    namespace, _, local = root.tag[1:].rpartition("}") if root.tag.startswith("{") else ("", "", root.tag)
    if namespace == BPMN_NAMESPACE:  # its root tag came after more than is_bpmn reads
        raise ValidationError(NOT_A_PLAN, "file")
    # Some writers omit the namespace or add a version to it (".../project/2007").
    if local != "Project" or not (namespace == "" or namespace.startswith(NAMESPACE)):
        raise ValidationError("not an MS Project XML file (root element %(tag)r)", "file", tag=root.tag)
    reader = Reader(root)
    minutes_per_day = reader.integer(root, "MinutesPerDay", "Project") or MINUTES_PER_DAY
    if minutes_per_day <= 0:
        raise ValidationError("must be > 0, got %(value)s", "Project.MinutesPerDay", value=minutes_per_day)
    weekdays, holidays, workdays = read_calendar(reader, root)
    aliases = declared_fields(reader, root)
    id_field = aliases.get(ID_ALIAS)
    estimate_fields = [aliases.get(a.lower()) for a in ESTIMATE_ALIASES]
    text_fields = [aliases.get(a.lower()) for a in TEXT_ALIASES]

    def days_of(text: str, where: str) -> int:
        return whole_days(duration_minutes(text, where) / minutes_per_day, where)

    rows = outline(reader, root)
    by_uid = {row.uid: row for row in rows}
    if len(by_uid) != len(rows):
        raise ValidationError("duplicate task UID", "Tasks")
    phases: list[PlanPhase] = []
    tasks: list[PlanTask] = []
    row_of_task: list[Row] = []
    stack: list[Row] = []
    phase_of_row: dict[int, str] = {}
    imported_key: str | None = None
    taken_keys: set[str] = set()
    taken_ids: set[str] = set()

    def new_key(preferred: str | None) -> str:
        key = preferred[:20] if preferred else None
        n = len(phases) + 1
        while key is None or key in taken_keys:
            key, n = f"P{n}", n + 1
        taken_keys.add(key)
        return key

    start_dates: list[date] = []
    baseline: dict[str, BaselineEntry] = {}
    for row in rows:
        while stack and stack[-1].level >= row.level:
            stack.pop()
        element, where = row.element, row.where
        custom = custom_values(reader, element, where)
        name = reader.text(element, "Name")
        start = reader.day(element, "Start", where)
        if start is not None:
            start_dates.append(start)
        if row.summary:
            if not stack:
                key = new_key(custom.get(id_field) if id_field else None)
                name_zh = custom.get(text_fields[0], "") if text_fields[0] is not None else ""
                phases.append(PlanPhase(key, (name or key)[:200], name_zh[:200]))
                phase_of_row[row.uid] = key
            stack.append(row)
            continue
        if stack:
            phase = phase_of_row[stack[0].uid]
        else:
            if imported_key is None:
                imported_key = new_key(IMPORTED_PHASE[0])
                phases.append(PlanPhase(imported_key, IMPORTED_PHASE[1]))
            phase = imported_key
        task_id = (custom.get(id_field) if id_field else None) or f"T{row.uid}"
        if task_id in taken_ids:
            raise ValidationError("duplicate task id %(task)r", f"{where}.ExtendedAttribute", task=task_id)
        taken_ids.add(task_id)
        row.task_id = task_id
        for ancestor in stack:
            ancestor.leaves.append(task_id)

        duration_text = reader.text(element, "Duration")
        if duration_text is not None:
            duration = days_of(duration_text, f"{where}.Duration")
        else:
            duration = _span_days(start, reader.day(element, "Finish", where), weekdays, holidays, workdays)
        flagged = reader.flag(element, "Milestone")
        milestone = duration == 0 and flagged is not False
        progress = reader.integer(element, "PercentComplete", where, default=0)
        if not 0 <= progress <= 100:  # type: ignore[operator]
            raise ValidationError("must be 0 to 100, got %(progress)s", f"{where}.PercentComplete", progress=progress)
        estimate: list[int | None] = [None, None, None]
        if all(f is not None and f in custom for f in estimate_fields):
            at = f"{where}.ExtendedAttribute"
            estimate = [days_of(custom[f], at) for f in estimate_fields]  # type: ignore[index]
            if not estimate[0] <= estimate[1] <= estimate[2]:  # type: ignore[operator]
                raise ValidationError("need optimistic <= most likely <= pessimistic", at)
        name_zh, accountable, consulted = (custom.get(f, "") if f is not None else "" for f in text_fields)
        actual_start, actual_finish = reader.day(element, "ActualStart", where), reader.day(element, "ActualFinish", where)
        if actual_start is not None and actual_finish is not None and actual_finish < actual_start:
            raise ValidationError("the actual finish is before the actual start", f"{where}.ActualFinish")
        not_before, not_after = _constraints(reader, element, where)
        saved = _baseline_entry(reader, element, where, days_of)
        if saved is not None:
            baseline[task_id] = saved
        tasks.append(
            PlanTask(
                id=task_id,
                name=(name or f"Task {row.uid}")[:300],
                phase=phase,
                duration=duration,
                milestone=milestone,
                progress=int(progress),  # type: ignore[arg-type]
                estimate=ThreePoint(*estimate) if estimate[0] is not None else None,  # type: ignore[misc]
                name_zh=name_zh[:300],
                roles=_roles([], accountable, consulted),
                budget=_amount(reader, element, "FixedCost", where) or _amount(reader, element, "Cost", where) or 0.0,
                actual_cost=_amount(reader, element, "ActualCost", where),
                actual_start=actual_start,
                actual_finish=actual_finish,
                start_no_earlier_than=not_before,
                finish_no_later_than=not_after,
            )
        )
        row_of_task.append(row)

    tasks = _with_assignments(reader, root, tasks, row_of_task)
    by_id = {t.id: t for t in tasks}
    links, link_fields = read_links(reader, rows, by_uid, by_id, minutes_per_day, len(weekdays))
    # Reject cycles and bad values now, naming the place in the file.
    build_network(
        [Activity(t.id, t.duration, milestone=t.milestone) for t in tasks],
        links,
        task_field=lambda i: row_of_task[i].where,
        link_field=lambda i: link_fields[i],
    )

    start_date = reader.day(root, "StartDate", "Project") or (min(start_dates) if start_dates else None)
    if start_date is None:
        raise ValidationError("the project has no start date", "Project.StartDate")
    name = reader.text(root, "Title") or reader.text(root, "Name") or "Imported project"
    plan = Plan(
        title=name[:200],
        start=start_date,
        working_weekdays=weekdays,
        holidays=holidays,
        working_days=workdays,
        phases=tuple(phases),
        tasks=tuple(tasks),
        links=tuple(links),
        company=reader.text(root, "Company") or "",
    )
    return MspdiFile(plan, baseline)
