"""A project's business case (methodology §7): its settings, cost and benefit lines, drivers,
and the actual benefits and costs recorded after go-live.

One case per project.  Every row carries its project, so the audit trail files each change under
it.  The engine (:mod:`crm_impl.finance`) checks the whole case; the columns bound each value.
"""

from __future__ import annotations

import enum
from datetime import date

from sqlalchemy import JSON, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm_impl.limits import MAX_AMOUNT
from crm_impl.models.base import Base, Versioned, bounded, str_enum

__all__ = ["LineKind", "BusinessCase", "CaseLine", "CaseDriver", "CaseActual"]

#: Horizon bounds and rate bounds, as the engine checks them (kept in step by a test).
MAX_HORIZON = 30


class LineKind(enum.StrEnum):
    COST = "cost"
    BENEFIT = "benefit"


class BusinessCase(Versioned, Base):
    """The settings of a project's business case."""

    __tablename__ = "business_cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), unique=True)
    horizon: Mapped[int] = mapped_column(Integer, default=5, info=bounded(3, MAX_HORIZON))
    #: Fractions: 0.08 = 8 %.
    discount_rate: Mapped[float] = mapped_column(Float, default=0.08, info=bounded(-0.999999, 10))
    tax_rate: Mapped[float] = mapped_column(Float, default=0.0, info=bounded(0, 0.99))
    #: TEI risk adjustment: benefits reduced by, costs raised by (fractions).
    benefit_risk: Mapped[float] = mapped_column(Float, default=0.0, info=bounded(0, 1))
    cost_risk: Mapped[float] = mapped_column(Float, default=0.0, info=bounded(0, 10))
    #: The go-live the case assumes (year 1 starts there); ``None``: the plan's go-live when the
    #: case was made is not recorded, so benefits do not move with the forecast.
    go_live: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    project: Mapped["Project"] = relationship()  # noqa: F821


class CaseLine(Versioned, Base):
    """A cost or benefit line: amounts per year (year 0..N) or a driver formula with a ramp-up."""

    __tablename__ = "business_case_lines"
    __table_args__ = (UniqueConstraint("project_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0, info=bounded(0, 10_000))
    kind: Mapped[LineKind] = mapped_column(str_enum(LineKind))
    #: construction | usage (a cost), cost_reduction | revenue_growth (a benefit).
    category: Mapped[str] = mapped_column(String(20))
    #: A cost's component (``software_license``...); empty for a benefit.
    component: Mapped[str] = mapped_column(String(40), default="")
    name: Mapped[str] = mapped_column(String(300))
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    #: Amounts per year 0..N, or ``None`` when the line has a formula.
    amounts: Mapped[list[float] | None] = mapped_column(JSON, nullable=True)
    formula: Mapped[str] = mapped_column(String(500), default="")
    #: Share of the formula's full-year amount realised per year 0..N; ``None``: the default.
    ramp: Mapped[list[float] | None] = mapped_column(JSON, nullable=True)
    gross_margin: Mapped[float | None] = mapped_column(Float, nullable=True, info=bounded(0, 1))
    conservative: Mapped[float] = mapped_column(Float, default=1.0, info=bounded(0, 10))
    optimistic: Mapped[float] = mapped_column(Float, default=1.0, info=bounded(0, 10))
    #: The line's own TEI risk adjustment (fraction), in place of the case's; ``None``: the case's.
    risk: Mapped[float | None] = mapped_column(Float, nullable=True, info=bounded(0, 10))
    #: Where the line came from when another area made it (a process map, a vendor quote).
    source: Mapped[str] = mapped_column(String(200), default="")
    kpi: Mapped[str] = mapped_column(String(80), default="")

    project: Mapped["Project"] = relationship()  # noqa: F821


class CaseDriver(Versioned, Base):
    """A named quantity the formulas use."""

    __tablename__ = "business_case_drivers"
    __table_args__ = (UniqueConstraint("project_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float, info=bounded(-MAX_AMOUNT, MAX_AMOUNT))
    description: Mapped[str] = mapped_column(String(300), default="")

    project: Mapped["Project"] = relationship()  # noqa: F821


class CaseActual(Versioned, Base):
    """What a year after go-live actually brought and cost (phase 9's post-go-live review)."""

    __tablename__ = "business_case_actuals"
    __table_args__ = (UniqueConstraint("project_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer, info=bounded(0, MAX_HORIZON))
    benefits: Mapped[float] = mapped_column(Float, default=0.0, info=bounded(0, MAX_AMOUNT))
    costs: Mapped[float] = mapped_column(Float, default=0.0, info=bounded(0, MAX_AMOUNT))
    note: Mapped[str] = mapped_column(String(500), default="")

    project: Mapped["Project"] = relationship()  # noqa: F821

