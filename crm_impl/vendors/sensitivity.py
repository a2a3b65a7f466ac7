"""How close the call is: the weight changes that flip the winner, and a Monte Carlo on the weights.

**One weight at a time.**  When criterion ``c``'s weight moves from ``w`` to ``t`` and the other
weights are scaled in proportion so that all still sum to 1, each vendor's total is a straight
line in ``t``: ``S_v(t) = b_v + t·(u_v,c − b_v)`` with ``b_v = (S_v − w·u_v,c)/(1 − w)``.  The
winner changes where another vendor's line crosses the winner's; the crossing nearest to ``w``
(either way, inside 0–1) is the smallest change that changes the winner.  The weight reported,
``flip_at_weight``, lies just past the crossing (by at most 10⁻⁶), so applying it does change the
winner; ``crossing`` is the tie point itself.

**All weights at once.**  Each run draws weights around the current ones — each multiplied by a
uniform factor in ``1 ± spread`` and renormalised, or from a Dirichlet distribution with mean
the current weights — and records who ranks first.  The share of runs each vendor wins is its
probability of ranking first.  Runs are seeded: the same inputs give the same answer.

Only qualified vendors take part (a disqualified vendor cannot win by a weight change).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from crm_impl.errors import ValidationError
from crm_impl.vendors.scoring import Evaluation

__all__ = ["Flip", "nearest_flip", "ordered_flips", "reweighted", "winner_at", "weight_sensitivity", "first_probabilities", "DEFAULT_RUNS",
           "DEFAULT_SPREAD", "DEFAULT_SEED", "MAX_RUNS"]

DEFAULT_RUNS = 10_000
MAX_RUNS = 200_000
DEFAULT_SPREAD = 0.20
DEFAULT_SEED = 20240601
_STEP = 1e-6


@dataclass(frozen=True)
class Flip:
    """For one criterion: its weight now, and the weight at which another vendor would win."""

    criterion: str
    weight: float
    #: ``None`` when no weight from 0 to 1 changes the winner.
    flip_at_weight: float | None = None
    crossing: float | None = None
    new_winner: str | None = None

    @property
    def change(self) -> float | None:
        return None if self.flip_at_weight is None else self.flip_at_weight - self.weight


def reweighted(weights: np.ndarray, index: int, weight: float) -> np.ndarray:
    """``weights`` with entry ``index`` set to ``weight`` and the others scaled to fill the rest.

    >>> [round(float(x), 3) for x in reweighted(np.array([0.5, 0.3, 0.2]), 0, 0.8)]
    [0.8, 0.12, 0.08]
    """
    if not 0 <= weight <= 1:
        raise ValidationError("a weight must lie from 0 to 1", field="weight")
    out = np.asarray(weights, dtype=float).copy()
    rest = 1.0 - out[index]
    if rest <= 0:
        raise ValidationError("the other criteria have no weight to scale", field="weight")
    out *= (1.0 - weight) / rest
    out[index] = weight
    return out


def winner_at(evaluation: Evaluation, weights: np.ndarray) -> str | None:
    """The qualified vendor with the highest total under ``weights`` (``None`` on a tie)."""
    qualified = evaluation.qualified
    if not qualified:
        return None
    totals = evaluation.utility[qualified] @ weights
    best = float(totals.max())
    leaders = [i for i, t in zip(qualified, totals) if best - t < 1e-12]
    return evaluation.vendors[leaders[0]].name if len(leaders) == 1 else None


def _flip(evaluation: Evaluation, j: int, winner: int) -> Flip:
    w = evaluation.weights
    key, w0 = evaluation.criteria[j], float(w[j])
    if w0 >= 1.0:
        return Flip(key, w0)
    utility = evaluation.utility
    totals = utility @ w
    a = utility[:, j]
    b = (totals - w0 * a) / (1.0 - w0)
    crossings = []
    for other in evaluation.qualified:
        if other == winner:
            continue
        slope = (a[other] - b[other]) - (a[winner] - b[winner])
        if abs(slope) < 1e-15:
            continue
        crossing = float(-(b[other] - b[winner]) / slope)
        if 0.0 <= crossing <= 1.0 and abs(crossing - w0) >= 1e-15:
            crossings.append(crossing)
    current = evaluation.vendors[winner].name
    # The nearest crossing that really hands the lead to someone else (a tie at the end of the
    # range, where two vendors score alike on the criterion, hands it to nobody).
    for crossing in sorted(crossings, key=lambda c: abs(c - w0)):
        if crossing > w0:
            applied = min(1.0, round(math.ceil(crossing / _STEP + 1e-6) * _STEP, 6))
        else:
            applied = max(0.0, round(math.floor(crossing / _STEP - 1e-6) * _STEP, 6))
        new_winner = winner_at(evaluation, reweighted(w, j, applied))
        if new_winner not in (None, current):
            return Flip(key, w0, applied, crossing, new_winner)
    return Flip(key, w0)


def weight_sensitivity(evaluation: Evaluation) -> list[Flip]:
    """For each criterion, the nearest weight that changes the winner (see the module's text).

    Empty when there is no single winner (no qualified vendor, or a tie).
    """
    if evaluation.winner is None:
        return []
    winner = next(i for i, v in enumerate(evaluation.vendors) if v.rank == 1)
    return [_flip(evaluation, j, winner) for j in range(len(evaluation.criteria))]


def ordered_flips(flips: list[Flip]) -> list[Flip]:
    """Nearest flips first, criteria where no weight changes the winner last (the page's and the
    report's order)."""
    return sorted(flips, key=lambda flip: (flip.change is None, abs(flip.change or 0.0)))


def nearest_flip(flips: list[Flip]) -> Flip | None:
    """The flip needing the smallest weight change, or ``None`` when no weight changes the winner."""
    found = [f for f in flips if f.change is not None]
    return min(found, key=lambda f: abs(f.change or 0.0)) if found else None


def first_probabilities(evaluation: Evaluation, runs: int = DEFAULT_RUNS, spread: float = DEFAULT_SPREAD,
                        seed: int = DEFAULT_SEED, method: Literal["uniform", "dirichlet"] = "uniform",
                        concentration: float = 100.0) -> dict[str, float]:
    """Each vendor's probability of ranking first when the weights vary (see the module's text).

    ``spread``: the uniform factor's half-width (0.20: each weight ±20 %); ``concentration``: the
    Dirichlet's total (larger: weights nearer the current ones).  Disqualified vendors get 0.
    """
    if not 1 <= runs <= MAX_RUNS:
        raise ValidationError("the number of runs must be from 1 to %(limit)s", field="runs", limit=MAX_RUNS)
    if not 0 <= spread < 1:
        raise ValidationError("the spread must be from 0 to under 1", field="spread")
    if method not in ("uniform", "dirichlet"):
        raise ValidationError("unknown method %(method)r", field="method", method=method)
    out = {v.name: 0.0 for v in evaluation.vendors}
    qualified = evaluation.qualified
    if not qualified:
        return out
    rng = np.random.default_rng(seed)
    w = evaluation.weights
    if method == "uniform":
        draws = w * rng.uniform(1 - spread, 1 + spread, size=(runs, len(w)))
    else:
        draws = np.zeros((runs, len(w)))
        positive = w > 0
        draws[:, positive] = rng.dirichlet(w[positive] * concentration, size=runs)
    draws /= draws.sum(axis=1, keepdims=True)
    totals = draws @ evaluation.utility[qualified].T
    firsts = np.bincount(np.argmax(totals, axis=1), minlength=len(qualified))
    for i, count in zip(qualified, firsts):
        out[evaluation.vendors[i].name] = float(count) / runs
    return out
