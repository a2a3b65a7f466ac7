"""Projects, their calendar, members of the app and of the implementation team."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm_impl.limits import MAX_AMOUNT
from crm_impl.models.base import Base, Versioned, bounded, str_enum

__all__ = [
    "Project",
    "ProjectStatus",
    "Holiday",
    "Membership",
    "MemberRole",
    "TeamMember",
    "Side",
    "KpiTarget",
]


class ProjectStatus(enum.StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"


class MemberRole(enum.StrEnum):
    """What a user may do in one project (see :mod:`crm_impl.permissions`)."""

    OWNER = "owner"
    MANAGER = "manager"
    CONSULTANT = "consultant"
    STEERING = "steering"
    VIEWER = "viewer"


class Side(enum.StrEnum):
    """Which organisation a team member belongs to in the methodology."""

    VENDOR = "vendor"
    ENTERPRISE = "enterprise"


class Project(Versioned, Base):
    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), default="")
    title: Mapped[str] = mapped_column(String(200))
    title_zh: Mapped[str] = mapped_column(String(200), default="")
    client_company: Mapped[str] = mapped_column(String(200))
    client_company_zh: Mapped[str] = mapped_column(String(200), default="")
    industry: Mapped[str] = mapped_column(String(200), default="")
    industry_zh: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_zh: Mapped[str] = mapped_column(Text, default="")
    objectives: Mapped[list[str]] = mapped_column(JSON, default=list)
    objectives_zh: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Descriptive facts about the client (headquarters, size figures, current state).
    company_profile: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    scope_modules: Mapped[list[str]] = mapped_column(JSON, default=list)
    start_date: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    template_id: Mapped[str] = mapped_column(String(40), default="nine_phase")
    #: Working weekdays, Monday = 0 (Python's ``date.weekday()``).
    working_weekdays: Mapped[list[int]] = mapped_column(JSON, default=lambda: [0, 1, 2, 3, 4])
    status: Mapped[ProjectStatus] = mapped_column(str_enum(ProjectStatus), default=ProjectStatus.ACTIVE)
    #: Budget reserve for changes; a change costing more needs steering-committee approval.
    budget_reserve: Mapped[float] = mapped_column(Float, default=0.0, info=bounded(0, MAX_AMOUNT))
    #: The date progress was last reported to (MS Project's status date); ``None``: today.
    status_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    holidays: Mapped[list[Holiday]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Holiday.day"
    )
    working_days: Mapped[list[WorkingDay]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="WorkingDay.day"
    )
    memberships: Mapped[list[Membership]] = relationship(
        back_populates="project", cascade="all, delete-orphan"
    )
    team: Mapped[list[TeamMember]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="TeamMember.id"
    )
    kpi_targets: Mapped[list[KpiTarget]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="KpiTarget.id"
    )
    phases: Mapped[list["Phase"]] = relationship(  # noqa: F821
        back_populates="project", cascade="all, delete-orphan", order_by="Phase.position"
    )
    tasks: Mapped[list["Task"]] = relationship(  # noqa: F821
        back_populates="project", cascade="all, delete-orphan", order_by="Task.position"
    )
    dependencies: Mapped[list["Dependency"]] = relationship(  # noqa: F821
        back_populates="project", cascade="all, delete-orphan", order_by="Dependency.id"
    )
    baselines: Mapped[list["Baseline"]] = relationship(  # noqa: F821
        back_populates="project", cascade="all, delete-orphan", order_by="Baseline.id"
    )
    deliverables: Mapped[list["Deliverable"]] = relationship(  # noqa: F821
        back_populates="project", cascade="all, delete-orphan", order_by="Deliverable.id"
    )
    gates: Mapped[list["GateRecord"]] = relationship(  # noqa: F821
        back_populates="project", cascade="all, delete-orphan", order_by="GateRecord.id"
    )
    risks: Mapped[list["Risk"]] = relationship(  # noqa: F821
        back_populates="project", cascade="all, delete-orphan", order_by="Risk.id"
    )
    change_requests: Mapped[list["ChangeRequest"]] = relationship(  # noqa: F821
        back_populates="project", cascade="all, delete-orphan", order_by="ChangeRequest.number"
    )
    meetings: Mapped[list["Meeting"]] = relationship(  # noqa: F821
        back_populates="project", cascade="all, delete-orphan", order_by="Meeting.held_on"
    )
    audit_events: Mapped[list["AuditEvent"]] = relationship(  # noqa: F821
        back_populates="project", cascade="all, delete-orphan", order_by="AuditEvent.id",
        passive_deletes=True,
    )
    vendor_selection: Mapped["VendorSelection | None"] = relationship(  # noqa: F821
        back_populates="project", cascade="all, delete-orphan", uselist=False
    )

    def __repr__(self) -> str:
        return f"<Project {self.id} {self.title!r}>"


class Holiday(Versioned, Base):
    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("project_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(120), default="")

    project: Mapped[Project] = relationship(back_populates="holidays")


class WorkingDay(Versioned, Base):
    """A date worked although it is not a working weekday: a make-up day (调休)."""

    __tablename__ = "working_days"
    __table_args__ = (UniqueConstraint("project_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(120), default="")

    project: Mapped[Project] = relationship(back_populates="working_days")


class Membership(Versioned, Base):
    """A user's access to a project, with their project role."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("project_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    role: Mapped[MemberRole] = mapped_column(str_enum(MemberRole))

    project: Mapped[Project] = relationship(back_populates="memberships")
    user: Mapped["User"] = relationship(back_populates="memberships")  # noqa: F821


class TeamMember(Versioned, Base):
    """A person on the implementation team, vendor or enterprise side."""

    __tablename__ = "team_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    side: Mapped[Side] = mapped_column(str_enum(Side))
    #: Methodology role id, e.g. ``V_PM`` or ``E_KU`` (see the methodology catalogue).
    role_id: Mapped[str] = mapped_column(String(10))
    email: Mapped[str] = mapped_column(String(254), default="")
    availability_pct: Mapped[int] = mapped_column(Integer, default=100, info=bounded(0, 100))

    project: Mapped[Project] = relationship(back_populates="team")


class KpiTarget(Versioned, Base):
    """A measurable goal of the project: baseline, target and the latest measured value."""

    __tablename__ = "kpi_targets"
    __table_args__ = (UniqueConstraint("project_id", "kpi"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    kpi: Mapped[str] = mapped_column(String(80))
    #: The KPI's name where the methodology catalogue has none (a project's own KPI).
    name: Mapped[str] = mapped_column(String(200), default="")
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    baseline: Mapped[float | None] = mapped_column(Float, nullable=True)
    target: Mapped[float] = mapped_column(Float)
    #: The latest measurement's value (kept with the measurements by crm_impl.operations.kpis).
    actual: Mapped[float | None] = mapped_column(Float, nullable=True)

    project: Mapped[Project] = relationship(back_populates="kpi_targets")
    measurements: Mapped[list[KpiMeasurement]] = relationship(
        back_populates="target", cascade="all, delete-orphan",
        order_by="(KpiMeasurement.measured_on, KpiMeasurement.id)", lazy="selectin",
    )


class KpiMeasurement(Base):
    """One measured value of a KPI on a date: the history behind ``KpiTarget.actual``."""

    __tablename__ = "kpi_measurements"

    id: Mapped[int] = mapped_column(primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("kpi_targets.id", ondelete="CASCADE"), index=True)
    measured_on: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float, info=bounded(-MAX_AMOUNT, MAX_AMOUNT))
    recorded_by: Mapped[str] = mapped_column(String(254), default="")
    note: Mapped[str] = mapped_column(String(300), default="")

    target: Mapped[KpiTarget] = relationship(back_populates="measurements")
