"""A baseline in the engine's shape: each task as it was planned when the baseline was saved."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

__all__ = ["BaselineEntry", "BaselineDates"]


@dataclass(frozen=True)
class BaselineEntry:
    """One task of a baseline: first and last working day, duration in working days, budget."""

    start: date
    finish: date
    duration: int
    budget: float = 0.0


#: A baseline: task id -> its entry (a stored baseline, MS Project's Baseline0).
BaselineDates = Mapping[str, BaselineEntry]
