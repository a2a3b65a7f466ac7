"""Risk ratings: the zones of a probability × impact score, and what an open risk is.

Each risk has a probability and an impact from 1 to 5; its score is their product. Zones:

- green (low) for a score ≤ 4: watch;
- amber (medium) for 5–12: plan a response and an owner;
- red (high) for ≥ 15: act now and report to the steering committee.

No score lies between 12 and 15 on a 5 × 5 grid, so the zones have no gap; 15 is also the
high-risk score of the RAG status (:class:`crm_impl.tracking.rag.RagThresholds`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from crm_impl.schedule.montecarlo import RiskEvent

__all__ = ["LOW_MAX", "HIGH_MIN", "SCALE", "CLOSED", "RISK_CHANCE", "Zone", "RiskPoint", "risk_zone",
           "is_open", "risk_event"]

Zone = Literal["green", "amber", "red"]

#: Highest score of the green (low) zone.
LOW_MAX = 4
#: Lowest score of the red (high) zone.
HIGH_MIN = 15
#: Probability and impact are rated 1 .. SCALE.
SCALE = 5
#: The one status that takes a risk off the heat map and out of the simulation.
CLOSED = "closed"
#: The register rates probability 1–5; a schedule simulation needs a chance per run.
RISK_CHANCE = {1: 0.1, 2: 0.3, 3: 0.5, 4: 0.7, 5: 0.9}


@dataclass(frozen=True)
class RiskPoint:
    """An open risk to plot; probability and impact are whole numbers 1–5."""

    id: str
    title: str
    probability: int
    impact: int

    @property
    def score(self) -> int:
        """Probability × impact, 1–25."""
        return self.probability * self.impact


def risk_zone(score: int) -> Zone:
    """The zone of a score.

    >>> risk_zone(4), risk_zone(5), risk_zone(12), risk_zone(15)
    ('green', 'amber', 'amber', 'red')
    """
    if score <= LOW_MAX:
        return "green"
    return "red" if score >= HIGH_MIN else "amber"


def is_open(status: str) -> bool:
    """Every risk but a closed one still counts (heat map, RAG, simulation).

    >>> is_open("mitigating"), is_open("closed")
    (True, False)
    """
    return str(status) != CLOSED


def risk_event(key: str, status: str, probability: int, delay_days: float,
               linked_tasks: Sequence[str]) -> RiskEvent | None:
    """The Monte Carlo event of a register entry: an open risk that names tasks and a delay.

    ``probability`` is the 1–5 rating (the residual one when there is one); ``None`` when the
    risk cannot delay the schedule.

    >>> risk_event("RISK-01", "open", 3, 5, ["R07"])
    RiskEvent(id='RISK-01', probability=0.5, delay_days=5, tasks=('R07',))
    >>> risk_event("RISK-02", "closed", 3, 5, ["R07"]) is None
    True
    """
    if not is_open(status) or not linked_tasks or delay_days <= 0:
        return None
    return RiskEvent(id=key, probability=RISK_CHANCE[probability], delay_days=delay_days,
                     tasks=tuple(linked_tasks))
