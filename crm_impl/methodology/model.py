"""Frozen, bilingual dataclasses of the methodology catalogue.

Every user-facing text has an English field (``name``) and a Simplified Chinese twin
(``name_zh``); :func:`localized` and the ``label()`` methods pick one by locale.
Sequences are tuples and mappings are read-only, so a cached catalogue cannot be changed
by a caller.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from crm_impl.i18n import is_chinese, localized

__all__ = [
    "DependencyType",
    "Comparison",
    "Side",
    "NOT_INVOLVED",
    "is_chinese",
    "localized",
    "Role",
    "PredecessorTemplate",
    "TaskTemplate",
    "Deliverable",
    "GateCriterion",
    "Gate",
    "Phase",
    "Template",
    "Kpi",
    "ControlMeasure",
    "RiskTemplate",
]

DependencyType = Literal["FS", "SS", "FF", "SF"]
Comparison = Literal[">=", ">", "==", "<=", "<"]
Side = Literal["vendor", "enterprise"]

#: Phase-RACI value of a role that takes no part in the phase (§3.5 "–").
NOT_INVOLVED = "–"

_COMPARE: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "==": operator.eq,
    "<=": operator.le,
    "<": operator.lt,
}

class _Labelled:
    """Mixin: ``label(locale)`` is the localised ``name``."""

    __slots__ = ()

    def label(self, locale: str | None = None) -> str:
        """The name in the language of ``locale`` (English when ``None``)."""
        return str(localized(self, "name", locale))


def _frozen_map(mapping: Mapping[str, str] | None = None) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True, kw_only=True)
class Role(_Labelled):
    """A project role of §3 (vendor or enterprise side)."""

    id: str
    side: Side
    name: str
    name_zh: str
    responsibilities: tuple[str, ...]
    responsibilities_zh: tuple[str, ...]
    members: str = ""
    members_zh: str = ""
    source: str = ""


@dataclass(frozen=True, kw_only=True)
class PredecessorTemplate:
    """A dependency of a standard task on another task of the same template."""

    task: str
    type: DependencyType = "FS"
    lag: int = 0


@dataclass(frozen=True, kw_only=True)
class TaskTemplate(_Labelled):
    """A standard task: three-point estimate in working days, links, roles, deliverables.

    ``gate`` names the gate this milestone closes (``None`` for ordinary tasks).
    """

    key: str
    phase_id: str
    name: str
    name_zh: str
    optimistic: int
    most_likely: int
    pessimistic: int
    milestone: bool = False
    predecessors: tuple[PredecessorTemplate, ...] = ()
    responsible: tuple[str, ...] = ()
    accountable: str
    consulted: tuple[str, ...] = ()
    deliverables: tuple[str, ...] = ()
    gate: str | None = None
    source: str = ""

    @property
    def roles(self) -> dict[str, Any]:
        """The roles in the project-file shape ``{"R": [...], "A": role, "C": [...]}``."""
        return {"R": list(self.responsible), "A": self.accountable, "C": list(self.consulted)}

    @property
    def role_ids(self) -> frozenset[str]:
        """Every role named by the task."""
        return frozenset({*self.responsible, self.accountable, *self.consulted})


@dataclass(frozen=True, kw_only=True)
class Deliverable(_Labelled):
    """A phase deliverable with its proposed RACI (exactly one ``A``, at least one ``R``).

    ``owner`` is the role that produces it (R or A in ``raci``); the RACI follows the task
    that produces the deliverable, with the phase's accountable role at least informed.
    """

    key: str
    phase_id: str
    name: str
    name_zh: str
    mandatory: bool
    owner: str
    raci: Mapping[str, str] = field(default_factory=_frozen_map, hash=False)
    source: str = ""

    @property
    def accountable(self) -> str:
        """The one role marked ``A``."""
        return next(role for role, letter in self.raci.items() if letter == "A")


@dataclass(frozen=True, kw_only=True)
class GateCriterion:
    """One exit criterion; measurable ones name a KPI, a threshold and a comparison."""

    key: str
    text: str
    text_zh: str
    kpi: str | None = None
    threshold: float | None = None
    comparison: Comparison | None = None
    source: str = ""

    @property
    def measurable(self) -> bool:
        """Whether the criterion can be checked from a number."""
        return self.threshold is not None and self.comparison is not None

    def label(self, locale: str | None = None) -> str:
        """The criterion text in the language of ``locale``."""
        return str(localized(self, "text", locale))

    def is_met(self, value: float) -> bool:
        """Compare ``value`` (a ratio such as 0.996, or a count) with the threshold.

        >>> GateCriterion(key="k", text="t", text_zh="t", kpi=None, threshold=0.95,
        ...               comparison=">").is_met(0.95)
        False
        """
        if self.threshold is None or self.comparison is None:
            raise ValueError(f"gate criterion {self.key} has no threshold to compare with")
        return _COMPARE[self.comparison](value, self.threshold)


@dataclass(frozen=True, kw_only=True)
class Gate(_Labelled):
    """A quality gate at a phase end; ``proposed`` marks gates this catalogue adds."""

    id: str
    phase_id: str
    name: str
    name_zh: str
    criteria: tuple[GateCriterion, ...]
    proposed: bool = False
    source: str = ""

    def criterion(self, key: str) -> GateCriterion:
        """The criterion with ``key``; ``KeyError`` if there is none."""
        for item in self.criteria:
            if item.key == key:
                return item
        raise KeyError(key)


@dataclass(frozen=True, kw_only=True)
class Phase(_Labelled):
    """A phase (or step) of a template with its tasks, deliverables, gate and RACI row.

    ``raci`` maps every role id to ``R``, ``A``, ``C``, ``I``, ``A/R`` or ``–``.
    """

    id: str
    order: int
    name: str
    name_zh: str
    goal: str
    goal_zh: str
    duration_share: float | None
    tasks: tuple[TaskTemplate, ...]
    deliverables: tuple[Deliverable, ...]
    gate: Gate | None
    raci: Mapping[str, str] = field(default_factory=_frozen_map, hash=False)
    name_source: str = ""

    @property
    def accountable(self) -> str:
        """The one role marked ``A`` or ``A/R``."""
        return next(role for role, letter in self.raci.items() if letter in ("A", "A/R"))

    def involved(self, role_id: str) -> bool:
        """Whether ``role_id`` takes part in the phase (its RACI value is not ``–``)."""
        return self.raci.get(role_id, NOT_INVOLVED) != NOT_INVOLVED


@dataclass(frozen=True, kw_only=True)
class Template(_Labelled):
    """An implementation method: ordered phases and everything a new project copies."""

    id: str
    name: str
    name_zh: str
    description: str
    description_zh: str
    phases: tuple[Phase, ...]
    position: int = 0
    source: str = ""

    @property
    def tasks(self) -> tuple[TaskTemplate, ...]:
        """All standard tasks, phase by phase."""
        return tuple(task for phase in self.phases for task in phase.tasks)

    @property
    def deliverables(self) -> tuple[Deliverable, ...]:
        """All deliverables, phase by phase."""
        return tuple(item for phase in self.phases for item in phase.deliverables)

    @property
    def gates(self) -> tuple[Gate, ...]:
        """The gates in phase order."""
        return tuple(phase.gate for phase in self.phases if phase.gate is not None)

    def phase(self, phase_id: str) -> Phase:
        """The phase with ``phase_id``; ``KeyError`` if there is none."""
        for phase in self.phases:
            if phase.id == phase_id:
                return phase
        raise KeyError(phase_id)

    def task(self, key: str) -> TaskTemplate:
        """The standard task with ``key``; ``KeyError`` if there is none."""
        for task in self.tasks:
            if task.key == key:
                return task
        raise KeyError(key)

    def deliverable(self, key: str) -> Deliverable:
        """The deliverable with ``key``; ``KeyError`` if there is none."""
        for item in self.deliverables:
            if item.key == key:
                return item
        raise KeyError(key)

    def gate(self, gate_id: str) -> Gate:
        """The gate with ``gate_id``; ``KeyError`` if there is none."""
        for gate in self.gates:
            if gate.id == gate_id:
                return gate
        raise KeyError(gate_id)


@dataclass(frozen=True, kw_only=True)
class Kpi(_Labelled):
    """A KPI of §9 with its target; ratios are fractions (0.95 means 95%)."""

    id: str
    kind: Literal["implementation", "operating"]
    name: str
    name_zh: str
    unit: Literal["ratio", "count"]
    target: float
    comparison: Comparison
    direction: Literal["higher_is_better", "lower_is_better"]
    measure: str
    measure_zh: str
    phase: str | None = None
    source: str = ""

    def is_met(self, value: float) -> bool:
        """Whether ``value`` reaches the target."""
        return _COMPARE[self.comparison](value, self.target)


@dataclass(frozen=True, kw_only=True)
class ControlMeasure(_Labelled):
    """One of the four risk-control measures of §8.2."""

    id: str
    name: str
    name_zh: str
    source: str = ""


@dataclass(frozen=True, kw_only=True)
class RiskTemplate(_Labelled):
    """A typical CRM risk with a suggested default probability and impact (1–5) and response."""

    id: str
    category: Literal["textbook", "implementation"]
    name: str
    name_zh: str
    description: str
    description_zh: str
    probability: int
    impact: int
    response: str
    response_zh: str
    control_measures: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    source: str = ""

    @property
    def score(self) -> int:
        """Probability × impact, 1–25."""
        return self.probability * self.impact
