"""The project plan: phases, tasks and the dependencies between tasks."""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    func,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm_impl.limits import MAX_AMOUNT, MAX_DURATION_DAYS, MAX_LAG_DAYS
from crm_impl.models.base import Base, Versioned, bounded, str_enum

__all__ = ["Phase", "Task", "Dependency", "LinkType", "Baseline", "BaselineTask"]


class LinkType(enum.StrEnum):
    FS = "FS"
    SS = "SS"
    FF = "FF"
    SF = "SF"


class Phase(Versioned, Base):
    __tablename__ = "phases"
    __table_args__ = (UniqueConstraint("project_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    #: Stable key from the template, e.g. ``P3``.
    key: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    #: Tracking: actual dates and whether the phase is complete (only after its gate passed).
    actual_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    actual_finish: Mapped[date | None] = mapped_column(Date, nullable=True)
    complete: Mapped[bool] = mapped_column(Boolean, default=False)

    project: Mapped["Project"] = relationship(back_populates="phases")  # noqa: F821
    # Loaded for all phases at once: pages walk phase by phase.
    tasks: Mapped[list[Task]] = relationship(back_populates="phase", order_by="Task.position", lazy="selectin")


class Task(Versioned, Base):
    __tablename__ = "tasks"
    __table_args__ = (
        UniqueConstraint("project_id", "key"),
        CheckConstraint("duration >= 0", name="duration_not_negative"),
        CheckConstraint("progress >= 0 AND progress <= 100", name="progress_percent"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    phase_id: Mapped[int] = mapped_column(ForeignKey("phases.id", ondelete="CASCADE"), index=True)
    #: The task id people and files use, e.g. ``R07``; unique within the project.
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    milestone: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Planned duration in working days (the schedule uses it).
    duration: Mapped[int] = mapped_column(Integer, info=bounded(0, MAX_DURATION_DAYS))
    optimistic: Mapped[int | None] = mapped_column(Integer, nullable=True, info=bounded(0, MAX_DURATION_DAYS))
    most_likely: Mapped[int | None] = mapped_column(Integer, nullable=True, info=bounded(0, MAX_DURATION_DAYS))
    pessimistic: Mapped[int | None] = mapped_column(Integer, nullable=True, info=bounded(0, MAX_DURATION_DAYS))
    #: Methodology roles for this task: ``{"R": [...], "A": "E_PM", "C": [...]}``.
    roles: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    deliverable: Mapped[str] = mapped_column(Text, default="")
    progress: Mapped[int] = mapped_column(Integer, default=0, info=bounded(0, 100))
    actual_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    actual_finish: Mapped[date | None] = mapped_column(Date, nullable=True)
    #: Scheduling constraints: "start no earlier than" and a deadline ("finish no later than").
    start_no_earlier_than: Mapped[date | None] = mapped_column(Date, nullable=True)
    finish_no_later_than: Mapped[date | None] = mapped_column(Date, nullable=True)
    #: Planned cost (budget at completion of the task) and the cost booked so far.
    budget: Mapped[float] = mapped_column(Float, default=0.0, info=bounded(0, MAX_AMOUNT))
    actual_cost: Mapped[float | None] = mapped_column(Float, nullable=True, info=bounded(0, MAX_AMOUNT))

    project: Mapped["Project"] = relationship(back_populates="tasks")  # noqa: F821
    phase: Mapped[Phase] = relationship(back_populates="tasks")

    @property
    def assigned_role(self) -> str | None:
        """The first responsible role, the one the task is assigned to."""
        responsible = self.roles.get("R") or []
        return responsible[0] if responsible else None


class Dependency(Versioned, Base):
    """A precedence link ``pred → succ`` of type FS/SS/FF/SF with a lag in working days."""

    __tablename__ = "dependencies"
    __table_args__ = (
        UniqueConstraint("pred_id", "succ_id"),
        CheckConstraint("pred_id <> succ_id", name="not_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    pred_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    succ_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"), index=True)
    type: Mapped[LinkType] = mapped_column(
        str_enum(LinkType, length=2),
        default=LinkType.FS,
    )
    lag: Mapped[int] = mapped_column(Integer, default=0, info=bounded(-MAX_LAG_DAYS, MAX_LAG_DAYS))

    project: Mapped["Project"] = relationship(back_populates="dependencies")  # noqa: F821
    pred: Mapped[Task] = relationship(foreign_keys=[pred_id])
    succ: Mapped[Task] = relationship(foreign_keys=[succ_id])


class Baseline(Versioned, Base):
    """A named snapshot of the planned dates and costs, to measure progress against."""

    __tablename__ = "baselines"
    __table_args__ = (
        UniqueConstraint("project_id", "name"),
        # At most one baseline per project is the one the steering committee measures against.
        Index("uq_baselines_one_steering", "project_id", unique=True,
              sqlite_where=text("steering"), postgresql_where=text("steering")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    #: The steering baseline: slip and variance on the dashboard are measured against it.
    steering: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    project: Mapped["Project"] = relationship(back_populates="baselines")  # noqa: F821
    tasks: Mapped[list[BaselineTask]] = relationship(
        back_populates="baseline", cascade="all, delete-orphan", order_by="BaselineTask.id", lazy="selectin"
    )


class BaselineTask(Base):
    """One task as it was planned when the baseline was saved (keyed by the task id people use)."""

    __tablename__ = "baseline_tasks"
    __table_args__ = (UniqueConstraint("baseline_id", "task_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    baseline_id: Mapped[int] = mapped_column(ForeignKey("baselines.id", ondelete="CASCADE"), index=True)
    task_key: Mapped[str] = mapped_column(String(40))
    start: Mapped[date] = mapped_column(Date)
    finish: Mapped[date] = mapped_column(Date)
    duration: Mapped[int] = mapped_column(Integer, info=bounded(0, MAX_DURATION_DAYS))
    budget: Mapped[float] = mapped_column(Float, default=0.0, info=bounded(0, MAX_AMOUNT))

    baseline: Mapped[Baseline] = relationship(back_populates="tasks")
