"""Reading a project's audit trail: filtered, paged, and written for people.

The trail itself is recorded by :mod:`crm_impl.db.audit` as model and field names with the raw
values; :func:`audit_page` turns a page of it into the reader's language: what kind of record,
which field, and values as people write them (dates, yes/no, the names of choices).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from crm_impl.i18n import (
    ACTION_LABELS,
    FIELD_LABELS,
    RECORD_LABELS,
    VALUE_LABELS,
    format_day,
    format_number,
    term,
)
from crm_impl.models import AuditEvent, Project

__all__ = ["AuditFilter", "AuditChange", "AuditLine", "AuditPage", "audit_page", "readable_value"]

#: Events on one page of the trail.
PER_PAGE = 50
#: Longer text is cut in the trail (the record itself keeps all of it).
_TEXT_LIMIT = 200
_CHOICE_FIELDS = frozenset({"status", "decision", "role", "side"})


@dataclass(frozen=True)
class AuditFilter:
    """Which events to show; empty fields do not filter."""

    entity: str = ""
    actor: str = ""
    action: str = ""
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class AuditChange:
    field: str
    before: str | None  # None for a record created or deleted: only its values
    after: str


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    actor: str
    entity: str
    key: str
    action: str
    action_code: str
    changes: tuple[AuditChange, ...]


@dataclass(frozen=True)
class AuditPage:
    lines: tuple[AuditLine, ...]
    page: int
    pages: int
    total: int
    #: The choices of the filters: (value, label) of the kinds of records and the actors in the trail.
    entities: tuple[tuple[str, str], ...]
    actors: tuple[str, ...]
    actions: tuple[tuple[str, str], ...]


def _is_iso_date(text: str) -> bool:
    return len(text) == 10 and text[4] == "-" and text[7] == "-" and text.replace("-", "").isdigit()


def readable_value(field: str, value: Any, locale: object = None) -> str:
    """A stored value as people write it in ``locale``.

    >>> readable_value("done", True, "zh_Hans"), readable_value("due_date", "2025-03-03", "en")
    ('是', 'Mar 3, 2025')
    >>> readable_value("status", "signed_off", "en"), readable_value("roles", {"R": ["E_PM"], "A": "E_SC"}, "en")
    ('signed off', 'R: E_PM; A: E_SC')
    """
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return term(VALUE_LABELS, "yes" if value else "no", locale)
    if isinstance(value, int | float):
        return format_number(value, locale, digits=2)
    if isinstance(value, list):
        return ", ".join(readable_value(field, item, locale) for item in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{key}: {readable_value(field, item, locale)}" for key, item in value.items())
    text = str(value)
    if field in _CHOICE_FIELDS and text in VALUE_LABELS:
        return term(VALUE_LABELS, text, locale)
    if _is_iso_date(text):
        return format_day(date.fromisoformat(text), locale)
    if len(text) > _TEXT_LIMIT:
        return text[: _TEXT_LIMIT - 1] + "…"
    return text


def _changes(event: AuditEvent, locale: object) -> tuple[AuditChange, ...]:
    out = []
    for field, value in (event.changes or {}).items():
        label = term(FIELD_LABELS, field, locale)
        if isinstance(value, Mapping) and set(value) == {"before", "after"}:
            out.append(AuditChange(label, readable_value(field, value["before"], locale),
                                   readable_value(field, value["after"], locale)))
        else:
            out.append(AuditChange(label, None, readable_value(field, value, locale)))
    return tuple(out)


def _filtered(project: Project, filters: AuditFilter) -> Select:
    query = select(AuditEvent).where(AuditEvent.project_id == project.id)
    if filters.entity:
        query = query.where(AuditEvent.entity == filters.entity)
    if filters.actor:
        query = query.where(AuditEvent.actor == filters.actor)
    if filters.action:
        query = query.where(AuditEvent.action == filters.action)
    if filters.since:
        query = query.where(AuditEvent.at >= datetime.combine(filters.since, time.min, timezone.utc))
    if filters.until:
        query = query.where(AuditEvent.at < datetime.combine(filters.until + timedelta(days=1), time.min, timezone.utc))
    return query


def audit_page(
    session: Session, project: Project, filters: AuditFilter = AuditFilter(), *, page: int = 1,
    per_page: int = PER_PAGE, locale: object = None,
) -> AuditPage:
    """One page of the project's audit trail, newest first, in ``locale``.

    ``page`` beyond the last gives the last page.
    """
    query = _filtered(project, filters)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    events = session.scalars(
        query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).offset((page - 1) * per_page).limit(per_page)
    )
    lines = tuple(
        AuditLine(
            at=event.at,
            actor=event.actor,
            entity=term(RECORD_LABELS, event.entity, locale),
            key=event.entity_key,
            action=term(ACTION_LABELS, event.action, locale),
            action_code=event.action,
            changes=_changes(event, locale),
        )
        for event in events
    )
    kinds = session.scalars(select(AuditEvent.entity).where(AuditEvent.project_id == project.id).distinct())
    actors = session.scalars(select(AuditEvent.actor).where(AuditEvent.project_id == project.id).distinct())
    return AuditPage(
        lines=lines,
        page=page,
        pages=pages,
        total=total,
        entities=tuple(sorted(((k, term(RECORD_LABELS, k, locale)) for k in kinds), key=lambda kv: kv[1])),
        actors=tuple(sorted(a for a in actors if a)),
        actions=tuple((code, term(ACTION_LABELS, code, locale)) for code in ACTION_LABELS),
    )
