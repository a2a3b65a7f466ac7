"""Monte Carlo of a business case, vectorised over runs.

Each run draws one factor per line from a triangular distribution (minimum, mode 1, maximum =
the line's conservative and optimistic factors), multiplies the line's risk-adjusted amounts by
it, optionally moves the benefits by a go-live offset of that run (e.g. drawn from the schedule
simulation's go-live dates), and computes NPV, net ROI and payback.  All runs are one matrix
product; nothing loops over runs.

>>> from crm_impl.finance.case import BusinessCase, Line
>>> case = BusinessCase(horizon=3, discount_rate=0.10, lines=(
...     Line("C", "cost", "construction", "consulting", "Consulting", amounts=(1000, 0, 0, 0),
...          conservative=1.2, optimistic=0.9),
...     Line("B", "benefit", "cost_reduction", "", "Savings", amounts=(0, 500, 500, 500),
...          conservative=0.6, optimistic=1.3),
... ))
>>> result = simulate(case, runs=10_000, seed=7)
>>> 0.5 < result.probability_positive < 0.9, result.npv.shape
(True, (10000,))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from crm_impl.errors import ValidationError
from crm_impl.finance.analysis import adjusted_values, shift_benefits
from crm_impl.finance.case import BusinessCase
from crm_impl.finance.metrics import discount_factors, paybacks

__all__ = ["DEFAULT_RUNS", "MAX_RUNS", "DEFAULT_SEED", "Spread", "FinanceSimulation", "triangular", "simulate"]

DEFAULT_RUNS = 10_000
MAX_RUNS = 200_000
DEFAULT_SEED = 20_240_601


def triangular(rng: np.random.Generator, low: np.ndarray, mode: np.ndarray, high: np.ndarray,
               size: int) -> np.ndarray:
    """Triangular draws (size × len(low)) by the inverse CDF; a zero-width range gives its mode.

    >>> triangular(np.random.default_rng(1), np.array([1.0]), np.array([1.0]), np.array([1.0]), 3).tolist()
    [[1.0], [1.0], [1.0]]
    """
    low, mode, high = (np.asarray(a, dtype=float) for a in (low, mode, high))
    width = high - low
    u = rng.random((size, len(low)))
    with np.errstate(divide="ignore", invalid="ignore"):
        split = np.where(width > 0, (mode - low) / width, 0.5)
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1 - u) * width * (high - mode))
    return np.where(u < split, left, right)


@dataclass(frozen=True)
class Spread:
    """P10, P50, P90 and mean of a simulated figure."""

    p10: float | None
    p50: float | None
    p90: float | None
    mean: float | None

    @classmethod
    def of(cls, values: np.ndarray) -> Spread:
        values = values[~np.isnan(values)]
        if not values.size:
            return cls(None, None, None, None)
        p10, p50, p90 = (float(v) for v in np.percentile(values, [10, 50, 90]))
        return cls(p10, p50, p90, float(values.mean()))


@dataclass(frozen=True, eq=False)
class FinanceSimulation:
    """The outcome of :func:`simulate`: per-run arrays and their summaries.

    ``payback`` holds ``nan`` for a run that does not pay back within the horizon.
    """

    runs: int
    seed: int
    npv: np.ndarray
    roi: np.ndarray
    payback: np.ndarray
    probability_positive: float
    npv_spread: Spread
    roi_spread: Spread
    payback_spread: Spread
    share_paid_back: float


def simulate(case: BusinessCase, *, runs: int = DEFAULT_RUNS, seed: int = DEFAULT_SEED,
             shift_years: float | Sequence[float] | np.ndarray = 0.0) -> FinanceSimulation:
    """Simulate ``runs`` outcomes of ``case``.

    ``shift_years`` is the go-live offset in years: one number for every run, or a distribution
    (any number of samples, e.g. the schedule simulation's go-live dates less the planned one):
    used run by run when it has ``runs`` samples, else resampled with the same seed.
    """
    if isinstance(runs, bool) or not isinstance(runs, int) or not 1 <= runs <= MAX_RUNS:
        raise ValidationError("the number of runs is 1 to %(high)s, got %(value)r", "runs", high=MAX_RUNS, value=runs)
    rng = np.random.default_rng(seed)
    lines = case.lines
    low = np.array([min(line.conservative, line.optimistic) for line in lines], dtype=float)
    high = np.array([max(line.conservative, line.optimistic) for line in lines], dtype=float)
    factors = triangular(rng, low, np.ones(len(lines)), high, runs)                      # runs × lines
    values = adjusted_values(case)                                                       # lines × years
    cost_rows, benefit_rows = case.mask("cost"), case.mask("benefit")
    costs = factors[:, cost_rows] @ values[cost_rows]                                    # runs × years
    benefits = factors[:, benefit_rows] @ values[benefit_rows]
    shift = np.asarray(shift_years, dtype=float)
    if shift.ndim:
        if not shift.size or not np.all(np.isfinite(shift)):
            raise ValidationError("the go-live distribution needs finite offsets", "shift_years")
        if shift.size != runs:
            shift = rng.choice(shift.ravel(), size=runs)
    benefits = shift_benefits(benefits, shift)
    flows = (benefits - costs) * (1.0 - case.tax_rate)
    npv = flows @ discount_factors(case.discount_rate, case.horizon)
    tco, total = costs.sum(axis=1), benefits.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        roi = np.where(tco > 0, (total - tco) / tco, np.nan)
    payback = paybacks(flows)
    return FinanceSimulation(
        runs=runs, seed=seed, npv=npv, roi=roi, payback=payback,
        probability_positive=float(np.mean(npv > 0)), npv_spread=Spread.of(npv), roi_spread=Spread.of(roi),
        payback_spread=Spread.of(payback), share_paid_back=float(np.mean(~np.isnan(payback))),
    )
