"""Business process reengineering: a project's process maps (as-is and to-be), the candidate
processes scored for selection, and the fishbone diagrams of root causes.

A map keeps the BPMN 2.0 XML the modeler saved (its layout, annotations and other tools'
extensions stay as drawn) and our model parsed from it (:func:`crm_impl.processes.serial.map_to_dict`),
so metrics, diffs and simulations never parse XML again.  A to-be map points at the as-is map it
redesigns and stores what the redesign saves a year, for the business case to take as a benefit line.
"""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import JSON, Float, ForeignKey, Integer, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, backref, deferred, mapped_column, relationship

from crm_impl.limits import MAX_AMOUNT, MAX_INT
from crm_impl.models.base import Base, Versioned, bounded, str_enum

__all__ = ["MapKind", "ProcessMapRecord", "ProcessCandidate", "ProcessSelection", "FishboneDiagram", "FishboneCause",
           "MAX_CASES_PER_YEAR", "MAX_SCOPE_COUNT", "MAX_SELECTION_WEIGHT", "SELECTION_METHODS"]

#: The most cases a year a process map is measured for.
MAX_CASES_PER_YEAR = 1_000_000_000
#: The most functions or departments a candidate process spans.
MAX_SCOPE_COUNT = 1_000
#: The highest weight of a selection criterion.
MAX_SELECTION_WEIGHT = 100
#: How the candidates' three ratings make one score (see :func:`crm_impl.processes.rank_candidates`).
SELECTION_METHODS = ("weighted", "product")


class MapKind(enum.StrEnum):
    AS_IS = "as_is"
    TO_BE = "to_be"


class ProcessMapRecord(Versioned, Base):
    """One process map of a project (``ProcessMap`` is the engine's shape of its content)."""

    __tablename__ = "process_maps"
    __table_args__ = (UniqueConstraint("project_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60))
    #: Where the map comes in the project's list (a to-be map may come before its as-is map).
    position: Mapped[int] = mapped_column(Integer, default=0, info=bounded(0, MAX_INT))
    kind: Mapped[MapKind] = mapped_column(str_enum(MapKind, length=10), default=MapKind.AS_IS)
    #: The process the map draws (a candidate's key: both versions of a process share it).
    process: Mapped[str] = mapped_column(String(60), default="")
    #: The map's names, as in its BPMN file (the longest name a BPMN file may give: 300).
    name: Mapped[str] = mapped_column(String(300), default="")
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    #: A to-be map: the as-is map it redesigns.
    as_is_id: Mapped[int | None] = mapped_column(ForeignKey("process_maps.id", ondelete="SET NULL"), nullable=True,
                                                 index=True)
    cases_per_year: Mapped[int] = mapped_column(Integer, default=0, info=bounded(0, MAX_CASES_PER_YEAR))
    #: The business-case benefit line the savings feed (an id of the business case), or empty.
    benefit: Mapped[str] = mapped_column(String(40), default="")
    #: A to-be map: cost per case saved against its as-is map and that saving times the cases a
    #: year (``None`` for an as-is map, or until both maps can be measured).
    savings_per_case: Mapped[float | None] = mapped_column(Float, nullable=True,
                                                           info=bounded(-MAX_AMOUNT, MAX_AMOUNT))
    annual_savings: Mapped[float | None] = mapped_column(Float, nullable=True, info=bounded(-MAX_AMOUNT, MAX_AMOUNT))
    #: The BPMN 2.0 XML (UTF-8) as the modeler saved it, with our attributes written in.
    bpmn: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    #: Our model parsed from :attr:`bpmn` (:func:`crm_impl.processes.serial.map_to_dict`).
    model: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)

    project: Mapped["Project"] = relationship(  # noqa: F821
        backref=backref("process_maps", cascade="all, delete-orphan", order_by="ProcessMapRecord.position"))
    as_is: Mapped[ProcessMapRecord | None] = relationship(remote_side=[id], foreign_keys=[as_is_id],
                                                          backref=backref("to_be_maps", order_by="ProcessMapRecord.id"))

    @property
    def is_to_be(self) -> bool:
        return self.kind == MapKind.TO_BE

    def display_name(self, locale: object = None) -> str:
        from crm_impl.i18n import is_chinese

        return (self.name_zh if self.name_zh and is_chinese(locale) else self.name) or self.key


class ProcessCandidate(Versioned, Base):
    """A process considered for redesign, rated 1–5 on the methodology's three criteria."""

    __tablename__ = "process_candidates"
    __table_args__ = (UniqueConstraint("project_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(300))
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    importance: Mapped[int] = mapped_column(Integer, info=bounded(1, 5))
    gap: Mapped[int] = mapped_column(Integer, info=bounded(1, 5))
    feasibility: Mapped[int] = mapped_column(Integer, info=bounded(1, 5))
    #: Business functions and departments the process spans (its place in the scope quadrant).
    functions: Mapped[int] = mapped_column(Integer, default=0, info=bounded(0, MAX_SCOPE_COUNT))
    departments: Mapped[int] = mapped_column(Integer, default=0, info=bounded(0, MAX_SCOPE_COUNT))

    project: Mapped["Project"] = relationship(  # noqa: F821
        backref=backref("process_candidates", cascade="all, delete-orphan", order_by="ProcessCandidate.id"))


class ProcessSelection(Versioned, Base):
    """How a project ranks its candidate processes: the weight of each criterion and the scoring
    method; a project without one ranks with equal weights, as a weighted average."""

    __tablename__ = "process_selections"
    __table_args__ = (UniqueConstraint("project_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    importance: Mapped[float] = mapped_column(Float, default=1.0, info=bounded(0, MAX_SELECTION_WEIGHT))
    gap: Mapped[float] = mapped_column(Float, default=1.0, info=bounded(0, MAX_SELECTION_WEIGHT))
    feasibility: Mapped[float] = mapped_column(Float, default=1.0, info=bounded(0, MAX_SELECTION_WEIGHT))
    #: ``weighted`` (the weighted mean of the ratings) or ``product`` (their weighted product).
    method: Mapped[str] = mapped_column(String(10), default="weighted")

    project: Mapped["Project"] = relationship(  # noqa: F821
        backref=backref("process_selection", cascade="all, delete-orphan", uselist=False))


class FishboneDiagram(Versioned, Base):
    """A fishbone (Ishikawa) diagram: a problem and its causes by category."""

    __tablename__ = "fishbones"
    __table_args__ = (UniqueConstraint("project_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60))
    problem: Mapped[str] = mapped_column(String(300))
    problem_zh: Mapped[str] = mapped_column(String(300), default="")

    project: Mapped["Project"] = relationship(  # noqa: F821
        backref=backref("fishbones", cascade="all, delete-orphan", order_by="FishboneDiagram.id"))
    causes: Mapped[list[FishboneCause]] = relationship(
        back_populates="fishbone", cascade="all, delete-orphan", order_by="FishboneCause.position")


class FishboneCause(Versioned, Base):
    """One cause on a fishbone, under its category, with its count or share."""

    __tablename__ = "fishbone_causes"

    id: Mapped[int] = mapped_column(primary_key=True)
    fishbone_id: Mapped[int] = mapped_column(ForeignKey("fishbones.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0, info=bounded(0, 100_000))
    category: Mapped[str] = mapped_column(String(120))
    category_zh: Mapped[str] = mapped_column(String(120), default="")
    name: Mapped[str] = mapped_column(String(300))
    name_zh: Mapped[str] = mapped_column(String(300), default="")
    #: A count of occurrences or a share (any non-negative number: the Pareto divides by the total).
    value: Mapped[float] = mapped_column(Float, info=bounded(0, MAX_AMOUNT))

    fishbone: Mapped[FishboneDiagram] = relationship(back_populates="causes")
