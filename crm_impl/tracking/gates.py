"""Review a quality gate (§2, G1–G7) from measured KPIs, manual checks and deliverables.

:func:`evaluate_gate` says where each exit criterion stands; :func:`check_decision` refuses a
decision the review does not allow:

- ``"pass"`` needs every criterion met and every mandatory deliverable signed off;
- ``"pass_with_conditions"`` accepts open criteria but still needs every mandatory
  deliverable signed off, and the conditions written down;
- ``"fail"`` is always allowed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from crm_impl.errors import ValidationError
from crm_impl.methodology import Gate, GateCriterion

__all__ = [
    "Decision",
    "DECISIONS",
    "DeliverableState",
    "CriterionState",
    "GateReview",
    "evaluate_gate",
    "check_decision",
]

Decision = Literal["pass", "pass_with_conditions", "fail"]
#: The decisions a gate review can record.
DECISIONS: tuple[str, ...] = get_args(Decision)


@dataclass(frozen=True)
class DeliverableState:
    """A deliverable of the gate's phase and whether it is signed off."""

    key: str
    name: str
    mandatory: bool
    signed_off: bool


@dataclass(frozen=True)
class CriterionState:
    """One exit criterion with its measurement; ``met`` is ``None`` when not yet known."""

    key: str
    text: str
    kpi: str | None
    threshold: float | None
    comparison: str | None
    measured: float | None
    met: bool | None


@dataclass(frozen=True)
class GateReview:
    """Where a gate stands.

    ``open_items`` are the keys of criteria not met (failed or not yet known);
    ``unsigned_mandatory`` the keys of mandatory deliverables not signed off.
    """

    gate_id: str
    name: str
    criteria: tuple[CriterionState, ...]
    deliverables: tuple[DeliverableState, ...]
    open_items: tuple[str, ...]
    unsigned_mandatory: tuple[str, ...]
    can_pass: bool

    @property
    def can_pass_with_conditions(self) -> bool:
        """Whether every mandatory deliverable is signed off (open criteria allowed)."""
        return not self.unsigned_mandatory


def _measure(
    criterion: GateCriterion, measured: Mapping[str, float | None], checks: Mapping[str, bool]
) -> tuple[float | None, bool | None]:
    value = measured.get(criterion.kpi) if criterion.kpi else None
    if value is not None and criterion.measurable:
        if isinstance(value, bool) or not math.isfinite(value):
            raise ValidationError("not a finite number: %(value)r", f"measured.{criterion.kpi}", value=value)
        return float(value), criterion.is_met(value)
    # No number yet: a reviewer may still tick a measurable criterion by hand (e.g. from a
    # signed report), so the manual check is the fallback for every criterion.
    check = checks.get(criterion.key)
    return None, None if check is None else bool(check)


def evaluate_gate(
    gate: Gate,
    *,
    measured: Mapping[str, float | None] | None = None,
    checks: Mapping[str, bool] | None = None,
    deliverables: Sequence[DeliverableState] = (),
    locale: str | None = "en",
) -> GateReview:
    """Review ``gate``.

    Parameters
    ----------
    gate : Gate
        A gate of the catalogue.
    measured : mapping, optional
        KPI id → measured value (ratios as fractions); ``None`` means not measured yet.
    checks : mapping, optional
        Criterion key → ticked by the reviewer; used when a criterion has no measured value.
    deliverables : sequence of DeliverableState
        The deliverables of the gate's phase.
    locale : str, optional
        Language of the criterion texts and the gate name.
    """
    measured = measured or {}
    checks = checks or {}
    states = []
    for criterion in gate.criteria:
        value, met = _measure(criterion, measured, checks)
        states.append(
            CriterionState(
                key=criterion.key,
                text=criterion.label(locale),
                kpi=criterion.kpi,
                threshold=criterion.threshold,
                comparison=criterion.comparison,
                measured=value,
                met=met,
            )
        )
    open_items = tuple(state.key for state in states if state.met is not True)
    unsigned = tuple(d.key for d in deliverables if d.mandatory and not d.signed_off)
    return GateReview(
        gate_id=gate.id,
        name=gate.label(locale),
        criteria=tuple(states),
        deliverables=tuple(deliverables),
        open_items=open_items,
        unsigned_mandatory=unsigned,
        can_pass=not open_items and not unsigned,
    )


def check_decision(review: GateReview, decision: str, conditions: str = "") -> None:
    """Raise :class:`ValidationError` unless ``review`` allows ``decision``.

    ``field`` is ``"decision"``, or ``"conditions"`` when a conditional pass has no text.
    """
    if decision not in DECISIONS:
        raise ValidationError("unknown decision %(decision)r (use one of %(choices)s)", "decision", decision=decision, choices=", ".join(DECISIONS))
    if decision == "fail":
        return
    if review.unsigned_mandatory:
        names = {d.key: d.name for d in review.deliverables}
        listed = "; ".join(f"{key} {names.get(key, '')}".strip() for key in review.unsigned_mandatory)
        raise ValidationError(
            "gate %(gate_id)s cannot pass while mandatory deliverables are not signed off: %(listed)s",
            "decision", gate_id=review.gate_id, listed=listed,
        )
    if decision == "pass" and review.open_items:
        raise ValidationError(
            "gate %(gate_id)s cannot pass while criteria are open: %(open_items)s; pass with conditions or fail",
            "decision", gate_id=review.gate_id, open_items=', '.join(review.open_items),
        )
    if decision == "pass_with_conditions" and not conditions.strip():
        raise ValidationError("a pass with conditions needs the conditions written down", "conditions")
