"""The project file's specification: its format name and version, its JSON Schema, its dates.

The limits in ``project-file.schema.json`` are not written by hand: :func:`complete` takes them
from the models (every string the ``maxLength`` of its column, or
:data:`~crm_impl.limits.MAX_TEXT` where the column is unbounded or there is none; every number the
range of its column, :func:`~crm_impl.models.base.value_range`; every list a ``maxItems``), and
``tools/write_schema_limits.py`` writes them into the file.  A test fails when the file
and the models disagree.  So a file is refused with the path of the field that does not fit,
before a database refuses it with a server error, and reading a file needs no database code.
"""

from __future__ import annotations

import copy
import json
import re
from datetime import date, datetime, timezone
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import FormatChecker
from rfc3339_validator import validate_rfc3339

from crm_impl.limits import (
    EARLIEST_DATE, LATEST_DATE, MAX_AMOUNT, MAX_BPMN_BYTES, MAX_FILE_BASE64, MAX_INT, MAX_LINKS, MAX_PROCESS_NODES,
    MAX_TASKS, MAX_TEXT,
)

__all__ = ["FORMAT", "FORMAT_VERSION", "SCHEMA_FILE", "schema", "format_checker", "complete", "column_at", "MAX_ROWS"]

#: The published schema, next to this module.
SCHEMA_FILE = "project-file.schema.json"

FORMAT = "crm-impl-project"
FORMAT_VERSION = 1

#: The most entries of any other list in a file (audit events, meetings, risks...).
MAX_ROWS = 100_000

Where = tuple[str, ...]

#: Lists with their own bound (a plan's size is what scheduling time grows with).
MAX_ITEMS: dict[Where, int] = {
    ("tasks",): MAX_TASKS,
    ("dependencies",): MAX_LINKS,
    ("baselines", "tasks"): MAX_TASKS,
    ("processes", "maps"): MAX_PROCESS_NODES,
}

#: Texts with their own bound, not a column's (a map's BPMN file is stored as bytes).
MAX_LENGTHS: dict[Where, int] = {
    ("processes", "maps", "bpmn"): MAX_BPMN_BYTES,
}


@cache
def _stored_as() -> tuple[dict[Where, type], dict[Where, Any]]:
    """Where each part of the file is stored: ``(sections, columns)``.

    Sections map a list (or object) of the file to its model, whose column of the same name
    holds each field; columns name the fields kept under another name or naming a record by its key.
    """
    from crm_impl.models import (
        ActionItem, AuditEvent, Baseline, BaselineTask, BusinessCase, CaseActual, CaseDriver, CaseLine, ChangeRequest,
        Deliverable, Dependency, FishboneCause, FishboneDiagram, GateRecord, Holiday, KpiMeasurement, KpiTarget, Meeting,
        Phase, ProcessCandidate, ProcessMapRecord, ProcessSelection, Project, Risk, Task, TeamMember, WorkingDay,
    )
    from crm_impl.models.vendors import (
        AhpComparison, CriteriaGroup, Evaluator, SelectionCriterion, ShortlistedVendor, VendorScore, VendorSelection,
    )

    sections: dict[Where, type] = {
        ("project",): Project,
        ("calendar", "holidays"): Holiday,
        ("calendar", "working_days"): WorkingDay,
        ("kpi_targets",): KpiTarget,
        ("kpi_targets", "measurements"): KpiMeasurement,
        ("team",): TeamMember,
        ("phases",): Phase,
        ("tasks",): Task,
        ("tasks", "duration_days"): Task,
        ("dependencies",): Dependency,
        ("baselines",): Baseline,
        ("baselines", "tasks"): BaselineTask,
        ("deliverables",): Deliverable,
        ("gates",): GateRecord,
        ("risks",): Risk,
        ("change_requests",): ChangeRequest,
        ("meetings",): Meeting,
        ("meetings", "actions"): ActionItem,
        ("audit",): AuditEvent,
        ("business_case",): BusinessCase,
        ("business_case", "drivers"): CaseDriver,
        ("business_case", "lines"): CaseLine,
        ("business_case", "actuals"): CaseActual,
        ("vendor_selection",): VendorSelection,
        ("vendor_selection", "groups"): CriteriaGroup,
        ("vendor_selection", "criteria"): SelectionCriterion,
        ("vendor_selection", "vendors"): ShortlistedVendor,
        ("vendor_selection", "evaluators"): Evaluator,
        ("vendor_selection", "evaluators", "scores"): VendorScore,
        ("vendor_selection", "comparisons"): AhpComparison,
        ("processes", "maps"): ProcessMapRecord,
        ("processes", "fishbones"): FishboneDiagram,
        ("processes", "fishbones", "categories", "causes"): FishboneCause,
        ("processes", "candidates"): ProcessCandidate,
        ("processes", "selection"): ProcessSelection,
    }
    columns: dict[Where, Any] = {
        ("project", "template"): Project.template_id,
        ("team", "role"): TeamMember.role_id,
        ("tasks", "id"): Task.key,
        ("tasks", "phase"): Phase.key,
        ("dependencies", "pred"): Task.key,
        ("dependencies", "succ"): Task.key,
        ("baselines", "tasks", "id"): BaselineTask.task_key,
        ("deliverables", "phase"): Phase.key,
        ("deliverables", "file", "name"): Deliverable.file_name,
        ("gates", "gate"): GateRecord.gate_id,
        ("gates", "phase"): Phase.key,
        ("risks", "template"): Risk.template_id,
        ("risks", "linked_tasks"): Task.key,
        ("change_requests", "plan_changes", "task"): Task.key,
        ("change_requests", "plan_changes", "duration"): Task.duration,
        ("change_requests", "plan_changes", "budget"): Task.budget,
        ("kpi_targets", "measurements", "date"): KpiMeasurement.measured_on,
        ("calendar", "holidays", "date"): Holiday.day,
        ("calendar", "working_days", "date"): WorkingDay.day,
        ("business_case", "lines", "id"): CaseLine.key,
        ("vendor_selection", "criteria", "group"): SelectionCriterion.group_key,
        ("vendor_selection", "vendors", "quotation", "name"): ShortlistedVendor.quotation_file_name,
        ("vendor_selection", "evaluators", "scores", "vendor"): VendorScore.vendor_key,
        ("vendor_selection", "evaluators", "scores", "criterion"): VendorScore.criterion_key,
        ("vendor_selection", "comparisons", "a"): AhpComparison.item_a,
        ("vendor_selection", "comparisons", "b"): AhpComparison.item_b,
        ("processes", "maps", "as_is"): ProcessMapRecord.key,
        ("processes", "fishbones", "categories", "name"): FishboneCause.category,
        ("processes", "fishbones", "categories", "name_zh"): FishboneCause.category_zh,
    }
    return sections, columns


def column_at(where: Where):
    """The column the file field at ``where`` is stored in (``("tasks", "name")`` → ``tasks.name``), or ``None``."""
    sections, columns = _stored_as()
    if where in columns:
        return columns[where].property.columns[0]
    model = sections.get(where[:-1])
    return None if model is None else model.__table__.columns.get(where[-1])


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("type", ())
    return {kind} if isinstance(kind, str) else set(kind)


def _complete(node: dict[str, Any], where: Where) -> None:
    """Add the limits of the columns below ``node`` (the field at ``where``) in place."""
    from sqlalchemy import Float, Integer, String, Text

    from crm_impl.models.base import text_limit, value_range

    types, column = _types(node), column_at(where)
    if "string" in types:
        stored = column is not None and isinstance(column.type, String | Text)
        node["maxLength"] = MAX_LENGTHS[where] if where in MAX_LENGTHS else text_limit(column) if stored else MAX_TEXT
        if node.get("contentEncoding") == "base64":  # an uploaded document: as large as an upload may be
            node["maxLength"] = MAX_FILE_BASE64
    if types & {"integer", "number"}:
        numeric = column is not None and isinstance(column.type, Integer | Float)
        default = (-MAX_INT - 1, MAX_INT) if "integer" in types else (-MAX_AMOUNT, MAX_AMOUNT)
        low, high = value_range(column) if numeric else default  # type: ignore[misc]
        node["minimum"] = max(node.get("minimum", low), low)
        node["maximum"] = min(node.get("maximum", high), high)
    if "array" in types:
        node["maxItems"] = MAX_ITEMS.get(where, MAX_ROWS)
    for key, child in node.get("properties", {}).items():
        _complete(child, (*where, key))
    if isinstance(node.get("items"), dict):
        _complete(node["items"], where)  # an item of a list lives where its list does
    if isinstance(node.get("additionalProperties"), dict):
        _complete(node["additionalProperties"], (*where, "*"))


def complete(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of the schema ``document`` with the limits of today's models."""
    completed = copy.deepcopy(document)
    _complete(completed, ())
    return completed


@cache
def _schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath(SCHEMA_FILE).read_text("utf-8"))


def schema() -> dict[str, Any]:
    """The published JSON Schema of the project file format, with every limit (a fresh copy)."""
    return copy.deepcopy(_schema())


# YYYY-MM-DD only (RFC 3339 full-date): fromisoformat also takes 20250303 and week dates.
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def _day(value: str) -> date:
    if not _FULL_DATE.fullmatch(value):
        raise ValueError(value)
    return date.fromisoformat(value)


def _moment(value: str) -> datetime:
    if not validate_rfc3339(value):
        raise ValueError(value)
    moment = datetime.fromisoformat(value)
    moment.astimezone(timezone.utc)  # year 1 at +14:00 has no UTC time: OverflowError
    return moment


@cache
def format_checker() -> FormatChecker:
    """Real ``date`` and ``date-time`` checking, within the dates crm-impl accepts."""
    checker = FormatChecker()

    @checker.checks("date", raises=(ValueError, TypeError))
    def is_date(value: object) -> bool:
        return not isinstance(value, str) or EARLIEST_DATE <= _day(value) <= LATEST_DATE

    @checker.checks("date-time", raises=(ValueError, TypeError, OverflowError))
    def is_moment(value: object) -> bool:
        return not isinstance(value, str) or EARLIEST_DATE <= _moment(value).date() <= LATEST_DATE

    return checker

