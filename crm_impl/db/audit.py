"""The audit trail: every change to a project, with who made it and when.

A ``before_flush`` hook on SQLAlchemy sessions turns the pending inserts, updates and deletes
of project records into :class:`AuditEvent` rows, so no operation can forget to log itself.
Whoever opens a session says who acts: ``session.info["actor"] = user.email``.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from crm_impl.models.base import max_length
from crm_impl.models import (
    ActionItem,
    AuditEvent,
    Base,
    BaselineTask,
    FishboneCause,
    KpiMeasurement,
    Project,
    RaciAssignment,
)

__all__ = ["ACTOR", "SUSPENDED", "install", "project_of", "record"]

ACTOR = "actor"
#: Set while a whole project is created at once (import): one summary event instead of hundreds.
SUSPENDED = "audit_suspended"
# A process map's "model" is parsed from its BPMN (recorded by its size): not kept twice.
_SKIPPED = {"version", "file_data", "password_hash", "created_at", "model"}


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return f"<{len(value)} bytes>"
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


#: Records without a project of their own: (parent relationship, parent model's id column).
_PARENTS = {RaciAssignment: ("deliverable", "deliverable_id"), ActionItem: ("meeting", "meeting_id"),
            BaselineTask: ("baseline", "baseline_id"), KpiMeasurement: ("target", "target_id"),
            FishboneCause: ("fishbone", "fishbone_id")}


def project_of(session: Session, record: Base) -> Project | None:
    """The project a record belongs to, following its parent where it has no project of its own.

    A record being removed has lost its relationship already; its foreign key still tells.
    """
    if isinstance(record, Project):
        return record
    for model, (relation, column) in _PARENTS.items():
        if isinstance(record, model):
            parent = getattr(record, relation)
            if parent is None and getattr(record, column, None) is not None:
                parent = session.get(inspect(model).relationships[relation].mapper.class_, getattr(record, column))
            return project_of(session, parent) if parent is not None else None
    project = getattr(record, "project", None)
    if project is None and getattr(record, "project_id", None) is not None:
        project = session.get(Project, record.project_id)
    return project


def _key(record: Base) -> str:
    for name in ("key", "task_key", "gate_id", "number", "name", "title", "email", "role_id", "kpi"):
        value = getattr(record, name, None)
        if value not in (None, ""):
            return _short(str(value))
    return str(getattr(record, "id", "") or "")


def _short(text: str) -> str:
    """A key that fits the trail's column (a long meeting title is cut, not refused)."""
    limit = max_length(AuditEvent.entity_key) or len(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _hidden(record: Base) -> frozenset[str]:
    """Columns a model keeps out of the trail (``audit_hidden``): confidential values."""
    return getattr(type(record), "audit_hidden", frozenset())


def _columns(record: Base) -> dict[str, Any]:
    mapper = inspect(record).mapper
    hidden = _hidden(record)
    return {c.key: _plain(getattr(record, c.key)) for c in mapper.column_attrs
            if c.key not in _SKIPPED and c.key not in hidden and not c.key.endswith("_id") and c.key != "id"}


def _changes(record: Base) -> dict[str, Any]:
    state = inspect(record)
    changes = {}
    hidden = _hidden(record)
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIPPED:
            continue
        if attr.key in hidden:
            if state.attrs[attr.key].history.has_changes():
                changes[attr.key] = "changed"
            continue
        history = state.attrs[attr.key].history
        if history.has_changes():
            before = history.deleted[0] if history.deleted else None
            after = history.added[0] if history.added else None
            if before != after:
                changes[attr.key] = {"before": _plain(before), "after": _plain(after)}
    return changes


def record(session: Session, project: Project, entity: str, action: str, key: str = "", changes: dict | None = None) -> None:
    """Add one audit event by hand (e.g. a summary for an import)."""
    session.add(AuditEvent(project=project, actor=session.info.get(ACTOR, ""), entity=entity,
                           entity_key=_short(key), action=action, changes=changes or {}))


def _before_flush(session: Session, _context, _instances) -> None:
    if session.info.get(SUSPENDED):
        return
    deleted_projects = {obj for obj in session.deleted if isinstance(obj, Project)}
    batches = (("create", session.new), ("update", session.dirty), ("delete", session.deleted))
    for action, records in batches:
        for obj in list(records):
            if isinstance(obj, AuditEvent) or not isinstance(obj, Base):
                continue
            project = project_of(session, obj)
            if project is None or project in deleted_projects or (isinstance(obj, Project) and action != "update"):
                continue
            if action == "update":
                changes = _changes(obj)
                if not changes:
                    continue
            else:
                changes = _columns(obj)
            record(session, project, type(obj).__name__, action, _key(obj), changes)


def install() -> None:
    """Turn the audit trail on for every session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
