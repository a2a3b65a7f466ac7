"""Vendor selection: one selection per project with its criteria tree, short-listed vendors (with
their quotations), evaluators and their score sheets, and the stakeholders' AHP comparisons.

Every table carries ``project_id`` so that the audit trail and access checks find the project
without walking up.  The scores of a sheet are confidential until the project manager closes
scoring: they are kept out of the audit trail's values (``audit_hidden``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from crm_impl.limits import MAX_AMOUNT
from crm_impl.models.base import Base, Versioned, bounded

__all__ = ["VendorSelection", "CriteriaGroup", "SelectionCriterion", "ShortlistedVendor", "Evaluator",
           "VendorScore", "AhpComparison", "MAX_WEIGHT", "MAX_HORIZON_YEARS"]

#: Direct weights are relative numbers (normalised when used): any from 0 to this.
MAX_WEIGHT = 1000
MAX_HORIZON_YEARS = 30


class VendorSelection(Versioned, Base):
    __tablename__ = "vendor_selections"
    __table_args__ = (UniqueConstraint("project_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    title_zh: Mapped[str] = mapped_column(String(200), default="")
    #: ``direct`` (the tree's weights, normalised) or ``ahp`` (from the stakeholders' comparisons).
    weighting: Mapped[str] = mapped_column(String(10), default="direct")
    #: Years of running costs counted when a money criterion is scored from the quotations.
    horizon_years: Mapped[int] = mapped_column(Integer, default=3, info=bounded(1, MAX_HORIZON_YEARS))
    scoring_closed: Mapped[bool] = mapped_column(Boolean, default=False)
    closed_by: Mapped[str] = mapped_column(String(254), default="")
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    project: Mapped["Project"] = relationship(back_populates="vendor_selection")  # noqa: F821
    groups: Mapped[list[CriteriaGroup]] = relationship(
        back_populates="selection", cascade="all, delete-orphan", order_by="CriteriaGroup.position", lazy="selectin"
    )
    criteria: Mapped[list[SelectionCriterion]] = relationship(
        back_populates="selection", cascade="all, delete-orphan", order_by="SelectionCriterion.position",
        lazy="selectin",
    )
    vendors: Mapped[list[ShortlistedVendor]] = relationship(
        back_populates="selection", cascade="all, delete-orphan", order_by="ShortlistedVendor.position",
        lazy="selectin",
    )
    evaluators: Mapped[list[Evaluator]] = relationship(
        back_populates="selection", cascade="all, delete-orphan", order_by="Evaluator.id", lazy="selectin"
    )
    comparisons: Mapped[list[AhpComparison]] = relationship(
        back_populates="selection", cascade="all, delete-orphan", order_by="AhpComparison.id", lazy="selectin"
    )


class CriteriaGroup(Versioned, Base):
    __tablename__ = "vendor_criteria_groups"
    __table_args__ = (UniqueConstraint("selection_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("vendor_selections.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0, info=bounded(0, 10_000))
    name: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    weight: Mapped[float] = mapped_column(Float, default=1.0, info=bounded(0, MAX_WEIGHT))

    selection: Mapped[VendorSelection] = relationship(back_populates="groups")
    project: Mapped["Project"] = relationship()  # noqa: F821


class SelectionCriterion(Versioned, Base):
    __tablename__ = "vendor_criteria"
    __table_args__ = (UniqueConstraint("selection_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("vendor_selections.id", ondelete="CASCADE"), index=True)
    group_key: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0, info=bounded(0, 10_000))
    name: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_zh: Mapped[str] = mapped_column(Text, default="")
    scale: Mapped[int] = mapped_column(Integer, default=5, info=bounded(5, 10))
    higher_is_better: Mapped[bool] = mapped_column(Boolean, default=True)
    knockout: Mapped[float | None] = mapped_column(Float, nullable=True, info=bounded(1, 10))
    weight: Mapped[float] = mapped_column(Float, default=1.0, info=bounded(0, MAX_WEIGHT))
    from_figures: Mapped[bool] = mapped_column(Boolean, default=False)
    unit: Mapped[str] = mapped_column(String(20), default="")
    #: The CRM-7 area the criterion measures (radar axis), or empty.
    area: Mapped[str] = mapped_column(String(20), default="")

    selection: Mapped[VendorSelection] = relationship(back_populates="criteria")
    project: Mapped["Project"] = relationship()  # noqa: F821


class ShortlistedVendor(Versioned, Base):
    """A vendor on the short list, with what it quoted (the business case's TCO per vendor reads it)."""

    __tablename__ = "shortlisted_vendors"
    __table_args__ = (UniqueConstraint("selection_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("vendor_selections.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(Integer, default=0, info=bounded(0, 10_000))
    name: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_zh: Mapped[str] = mapped_column(Text, default="")
    #: One-off licence fee, one-off implementation cost, running cost per year (project currency).
    licence_cost: Mapped[float] = mapped_column(Float, default=0.0, info=bounded(0, MAX_AMOUNT))
    implementation_cost: Mapped[float] = mapped_column(Float, default=0.0, info=bounded(0, MAX_AMOUNT))
    running_cost_per_year: Mapped[float] = mapped_column(Float, default=0.0, info=bounded(0, MAX_AMOUNT))
    #: Figures for criteria scored from figures: ``{criterion key: value}`` (months, money...).
    figures: Mapped[dict[str, float]] = mapped_column(JSON, default=dict)
    quotation_file_name: Mapped[str] = mapped_column(String(255), default="")
    #: The uploaded quotation itself, loaded only when downloaded.
    quotation_file_data: Mapped[bytes | None] = deferred(mapped_column(LargeBinary, nullable=True))

    selection: Mapped[VendorSelection] = relationship(back_populates="vendors")
    project: Mapped["Project"] = relationship()  # noqa: F821


class Evaluator(Versioned, Base):
    """A person scoring the vendors: their sheet.  ``user_id`` links the sheet to a project member
    (who alone sees and edits it until scoring closes); a sheet imported from a file may have none."""

    __tablename__ = "vendor_evaluators"
    __table_args__ = (UniqueConstraint("selection_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("vendor_selections.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True)
    name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254), default="")

    selection: Mapped[VendorSelection] = relationship(back_populates="evaluators")
    project: Mapped["Project"] = relationship()  # noqa: F821
    user: Mapped["User | None"] = relationship()  # noqa: F821
    scores: Mapped[list[VendorScore]] = relationship(
        back_populates="evaluator", cascade="all, delete-orphan", order_by="VendorScore.id", lazy="selectin"
    )


class VendorScore(Base):
    """One cell of a sheet: an evaluator's score of a vendor on a criterion, with a comment."""

    __tablename__ = "vendor_scores"
    __table_args__ = (UniqueConstraint("evaluator_id", "vendor_key", "criterion_key"),)
    #: Not written into the audit trail, which every member reads: the sheet is confidential.
    audit_hidden = frozenset({"value", "comment"})

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    evaluator_id: Mapped[int] = mapped_column(ForeignKey("vendor_evaluators.id", ondelete="CASCADE"), index=True)
    vendor_key: Mapped[str] = mapped_column(String(40))
    criterion_key: Mapped[str] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float, info=bounded(1, 10))
    comment: Mapped[str] = mapped_column(Text, default="")

    evaluator: Mapped[Evaluator] = relationship(back_populates="scores")
    project: Mapped["Project"] = relationship()  # noqa: F821


class AhpComparison(Base):
    """A stakeholder's pairwise judgement at one node of the tree (``root`` or a group key):
    ``item_a`` is ``value`` times as important as ``item_b``."""

    __tablename__ = "vendor_comparisons"
    __table_args__ = (UniqueConstraint("selection_id", "stakeholder", "node", "item_a", "item_b"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    selection_id: Mapped[int] = mapped_column(ForeignKey("vendor_selections.id", ondelete="CASCADE"), index=True)
    stakeholder: Mapped[str] = mapped_column(String(120))
    node: Mapped[str] = mapped_column(String(40))
    item_a: Mapped[str] = mapped_column(String(40))
    item_b: Mapped[str] = mapped_column(String(40))
    value: Mapped[float] = mapped_column(Float, info=bounded(1 / 9, 9))

    selection: Mapped[VendorSelection] = relationship(back_populates="comparisons")
    project: Mapped["Project"] = relationship()  # noqa: F821
