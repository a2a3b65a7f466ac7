"""Which processes to redesign first: the methodology's three criteria and the scope quadrant.

Each candidate process is rated 1–5 on **importance** of its position (位势的重要性), its
**performance gap** (绩效的低下性: how badly it performs now) and the **feasibility** of
implementing a redesign (落实的可能性).  The priority is the weighted mean of the three ratings
(or, with ``method="product"``, their product); a candidate is selected only if its
feasibility is at least :data:`MIN_FEASIBILITY` (3) — a vital process that cannot be changed now
waits.  Ranking: selected before not selected, then by priority, then by importance.

The **scope quadrant** places a process by the system functions it needs (y) and the business
departments it involves (x): I few/few (bottom-left), II many functions/few departments
(top-left), III few functions/many departments (bottom-right), IV many/many (top-right).
Projects usually start in I and grow towards IV.

>>> ranked = rank_candidates([Candidate("service", "Customer service", 5, 5, 4),
...                           Candidate("billing", "Billing", 5, 4, 2),
...                           Candidate("leads", "Lead handling", 3, 3, 5)])
>>> [(r.candidate.key, round(r.score, 2), r.selected) for r in ranked]
[('service', 4.67, True), ('leads', 3.67, True), ('billing', 3.67, False)]
>>> scope_quadrant(functions=8, departments=1), scope_quadrant(functions=2, departments=4)
('II', 'III')
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from crm_impl.errors import ValidationError

__all__ = ["SCALE", "MIN_FEASIBILITY", "QUADRANTS", "MANY_FUNCTIONS", "MANY_DEPARTMENTS", "Weights",
           "Candidate", "RankedProcess", "rank_candidates", "scope_quadrant"]

#: Ratings run 1 .. SCALE.
SCALE = 5
#: A candidate is selected only from this feasibility up.
MIN_FEASIBILITY = 3
QUADRANTS: tuple[str, ...] = ("I", "II", "III", "IV")
#: More than this many system functions counts as "many" (I: a design decision).
MANY_FUNCTIONS = 5
#: More than this many business departments counts as "many" (I).
MANY_DEPARTMENTS = 2


@dataclass(frozen=True)
class Weights:
    importance: float = 1.0
    gap: float = 1.0
    feasibility: float = 1.0


@dataclass(frozen=True)
class Candidate:
    key: str
    name: str
    importance: int
    gap: int
    feasibility: int
    #: System functions the process needs and departments it involves (for the scope quadrant).
    functions: int = 0
    departments: int = 0
    name_zh: str = ""


@dataclass(frozen=True)
class RankedProcess:
    candidate: Candidate
    score: float
    selected: bool
    rank: int
    quadrant: str


def _check(candidate: Candidate, index: int) -> None:
    for name in ("importance", "gap", "feasibility"):
        value = getattr(candidate, name)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= SCALE:
            raise ValidationError("must be a whole number from 1 to %(scale)s, got %(value)r",
                                  f"candidates[{index}].{name}", scale=SCALE, value=value)
    for name in ("functions", "departments"):
        value = getattr(candidate, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError("must be a whole number of at least 0, got %(value)r",
                                  f"candidates[{index}].{name}", value=value)


def scope_quadrant(functions: int, departments: int, many_functions: int = MANY_FUNCTIONS,
                   many_departments: int = MANY_DEPARTMENTS) -> str:
    """The quadrant (I–IV) of a process needing ``functions`` system functions across ``departments``."""
    many_f, many_d = functions > many_functions, departments > many_departments
    return {(False, False): "I", (True, False): "II", (False, True): "III", (True, True): "IV"}[(many_f, many_d)]


def rank_candidates(candidates: Sequence[Candidate], weights: Weights = Weights(), method: str = "weighted",
                    min_feasibility: int = MIN_FEASIBILITY, many_functions: int = MANY_FUNCTIONS,
                    many_departments: int = MANY_DEPARTMENTS) -> list[RankedProcess]:
    """The candidates scored, marked selected or not, and ranked (rank 1 first)."""
    if method not in ("weighted", "product"):
        raise ValidationError("unknown scoring method %(value)r", "method", value=method)
    values = (weights.importance, weights.gap, weights.feasibility)
    if any(not math.isfinite(w) or w < 0 for w in values) or not sum(values):
        raise ValidationError("weights must be numbers of at least 0, not all 0", "weights")
    keys = [c.key for c in candidates]
    if len(set(keys)) != len(keys):
        raise ValidationError("two candidates have the same key", "candidates")
    scored = []
    for index, candidate in enumerate(candidates):
        _check(candidate, index)
        if method == "weighted":
            score = (weights.importance * candidate.importance + weights.gap * candidate.gap
                     + weights.feasibility * candidate.feasibility) / sum(values)
        else:
            score = (candidate.importance ** weights.importance * candidate.gap ** weights.gap
                     * candidate.feasibility ** weights.feasibility)
        scored.append((candidate, score, candidate.feasibility >= min_feasibility))
    scored.sort(key=lambda item: (not item[2], -item[1], -item[0].importance, item[0].key))
    return [RankedProcess(c, round(score, 9), selected, rank,
                          scope_quadrant(c.functions, c.departments, many_functions, many_departments))
            for rank, (c, score, selected) in enumerate(scored, start=1)]
