"""Methodology tracking: deliverables with RACI and sign-off, quality gates, risks, change
requests, steering meetings with action items, and the audit trail."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from crm_impl.limits import MAX_DURATION_DAYS, MAX_INT, MAX_SPAN_DAYS
from crm_impl.models.base import Base, Versioned, bounded, str_enum

__all__ = [
    "DeliverableStatus",
    "Deliverable",
    "RaciAssignment",
    "GateDecision",
    "GateRecord",
    "RiskStatus",
    "Risk",
    "ChangeStatus",
    "ChangeRequest",
    "Meeting",
    "ActionItem",
    "AuditEvent",
]


class DeliverableStatus(enum.StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    SIGNED_OFF = "signed_off"


class Deliverable(Versioned, Base):
    __tablename__ = "deliverables"
    __table_args__ = (UniqueConstraint("project_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    phase_id: Mapped[int] = mapped_column(ForeignKey("phases.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(300))
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    mandatory: Mapped[bool] = mapped_column(Boolean, default=True)
    owner_role: Mapped[str] = mapped_column(String(10))
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[DeliverableStatus] = mapped_column(str_enum(DeliverableStatus), default=DeliverableStatus.OPEN)
    link: Mapped[str] = mapped_column(Text, default="")
    file_name: Mapped[str] = mapped_column(String(255), default="")
    #: The uploaded document itself, loaded only when downloaded.
    file_data: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, nullable=True))
    signed_off_by: Mapped[str] = mapped_column(String(120), default="")
    signed_off_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    project: Mapped["Project"] = relationship(back_populates="deliverables")  # noqa: F821
    phase: Mapped["Phase"] = relationship()  # noqa: F821
    # Loaded for all deliverables at once: the grid and the export read every row.
    raci: Mapped[list[RaciAssignment]] = relationship(
        back_populates="deliverable", cascade="all, delete-orphan", order_by="RaciAssignment.role_id",
        lazy="selectin",
    )


class RaciAssignment(Base):
    """One cell of the RACI matrix: a methodology role's letter for a deliverable."""

    __tablename__ = "raci_assignments"
    __table_args__ = (UniqueConstraint("deliverable_id", "role_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deliverable_id: Mapped[int] = mapped_column(ForeignKey("deliverables.id", ondelete="CASCADE"), index=True)
    role_id: Mapped[str] = mapped_column(String(10))
    letter: Mapped[str] = mapped_column(String(3))  # R, A, C, I or A/R

    deliverable: Mapped[Deliverable] = relationship(back_populates="raci")


class GateDecision(enum.StrEnum):
    PASS = "pass"
    PASS_WITH_CONDITIONS = "pass_with_conditions"
    FAIL = "fail"


class GateRecord(Versioned, Base):
    """A phase's quality gate in one project: the criteria checked and the decision taken."""

    __tablename__ = "gates"
    __table_args__ = (UniqueConstraint("project_id", "gate_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    phase_id: Mapped[int] = mapped_column(ForeignKey("phases.id", ondelete="CASCADE"), index=True)
    #: Catalogue id, e.g. ``G3``; the criteria come from the methodology template.
    gate_id: Mapped[str] = mapped_column(String(10))
    #: Key of the milestone task that stands for the gate in the schedule.
    milestone_task: Mapped[str] = mapped_column(String(40), default="")
    #: Manual checks of criteria without a KPI: ``{criterion key: true/false}``.
    checks: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    decision: Mapped[GateDecision | None] = mapped_column(str_enum(GateDecision), nullable=True)
    conditions: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(120), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    project: Mapped["Project"] = relationship(back_populates="gates")  # noqa: F821
    phase: Mapped["Phase"] = relationship()  # noqa: F821


class RiskStatus(enum.StrEnum):
    OPEN = "open"
    MITIGATING = "mitigating"
    OCCURRED = "occurred"
    CLOSED = "closed"


class Risk(Versioned, Base):
    __tablename__ = "risks"
    __table_args__ = (UniqueConstraint("project_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    #: Catalogue id of the typical risk it was seeded from, or empty.
    template_id: Mapped[str] = mapped_column(String(60), default="")
    title: Mapped[str] = mapped_column(String(300))
    title_zh: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_zh: Mapped[str] = mapped_column(Text, default="")
    probability: Mapped[int] = mapped_column(Integer, info=bounded(1, 5))
    impact: Mapped[int] = mapped_column(Integer, info=bounded(1, 5))
    residual_probability: Mapped[int | None] = mapped_column(Integer, nullable=True, info=bounded(1, 5))
    residual_impact: Mapped[int | None] = mapped_column(Integer, nullable=True, info=bounded(1, 5))
    owner: Mapped[str] = mapped_column(String(120), default="")
    response: Mapped[str] = mapped_column(Text, default="")
    response_zh: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[RiskStatus] = mapped_column(str_enum(RiskStatus), default=RiskStatus.OPEN)
    #: Task keys the risk would delay, and by how many working days (for Monte Carlo).
    linked_tasks: Mapped[list[str]] = mapped_column(JSON, default=list)
    delay_days: Mapped[int] = mapped_column(Integer, default=0, info=bounded(0, MAX_DURATION_DAYS))

    project: Mapped["Project"] = relationship(back_populates="risks")  # noqa: F821

    @property
    def score(self) -> int:
        return self.probability * self.impact


class ChangeStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    ASSESSED = "assessed"
    APPROVED = "approved"
    REJECTED = "rejected"


class ChangeRequest(Versioned, Base):
    __tablename__ = "change_requests"
    __table_args__ = (UniqueConstraint("project_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer, info=bounded(1, MAX_INT))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    requester: Mapped[str] = mapped_column(String(120), default="")
    scope_impact: Mapped[str] = mapped_column(Text, default="")
    days_impact: Mapped[int] = mapped_column(Integer, default=0, info=bounded(-MAX_SPAN_DAYS, MAX_SPAN_DAYS))
    cost_impact: Mapped[float] = mapped_column(Float, default=0.0)
    #: The plan changes it asks for: ``[{"task": key, "duration": days, "budget": amount}]``.
    plan_changes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    status: Mapped[ChangeStatus] = mapped_column(str_enum(ChangeStatus), default=ChangeStatus.SUBMITTED)
    decided_by: Mapped[str] = mapped_column(String(120), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    #: What approval changed: ``[{"task", "field", "before", "after"}]``.
    applied_delta: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)

    project: Mapped["Project"] = relationship(back_populates="change_requests")  # noqa: F821


class Meeting(Versioned, Base):
    """A steering decision meeting (biweekly in the methodology) or another project meeting."""

    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(40), default="steering")
    title: Mapped[str] = mapped_column(String(300))
    agenda: Mapped[str] = mapped_column(Text, default="")
    attendees: Mapped[str] = mapped_column(Text, default="")
    decisions: Mapped[str] = mapped_column(Text, default="")

    project: Mapped["Project"] = relationship(back_populates="meetings")  # noqa: F821
    actions: Mapped[list[ActionItem]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", order_by="ActionItem.id", lazy="selectin"
    )


class ActionItem(Versioned, Base):
    __tablename__ = "action_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(120), default="")
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    done: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting: Mapped[Meeting] = relationship(back_populates="actions")


class AuditEvent(Base):
    """Who changed what and when: one row per change to a project."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    actor: Mapped[str] = mapped_column(String(254), default="")
    entity: Mapped[str] = mapped_column(String(60))
    entity_key: Mapped[str] = mapped_column(String(120), default="")
    action: Mapped[str] = mapped_column(String(20))  # create, update, delete
    changes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    project: Mapped["Project"] = relationship(back_populates="audit_events")  # noqa: F821
