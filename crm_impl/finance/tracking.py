"""Benefit tracking after go-live (phase 9's post-go-live review).

Actual benefits and costs are recorded per year against the case.  Each recorded year is set
beside the plan (realised share of the planned benefits, cost overrun), and NPV is re-forecast:
the actual net flows for the years recorded, the plan for the years still to come — with the
benefits of those years moved to the go-live as it is forecast (``reforecast_shift_years``, the
headline NPV's shift), not as it was assumed.

>>> from crm_impl.finance.case import BusinessCase, Line
>>> case = BusinessCase(horizon=3, discount_rate=0.0, lines=(
...     Line("C", "cost", "construction", "consulting", "Consulting", amounts=(1000, 0, 0, 0)),
...     Line("B", "benefit", "cost_reduction", "", "Savings", amounts=(0, 500, 500, 500)),
... ))
>>> tracked = track(case, {0: Actual(0, 1100), 1: Actual(400, 0)})
>>> tracked.rows[1].realised, tracked.npv_planned, tracked.npv_reforecast
(0.8, 500.0, 300.0)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from crm_impl.errors import ValidationError
from crm_impl.finance.analysis import evaluate
from crm_impl.finance.case import BusinessCase, number
from crm_impl.finance.metrics import npv
from crm_impl.limits import MAX_AMOUNT

__all__ = ["Actual", "TrackingRow", "Tracking", "track"]


@dataclass(frozen=True)
class Actual:
    """What one year brought (benefits) and cost."""

    benefits: float
    costs: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "benefits", number(self.benefits, "benefits", low=0, high=MAX_AMOUNT))
        object.__setattr__(self, "costs", number(self.costs, "costs", low=0, high=MAX_AMOUNT))


@dataclass(frozen=True)
class TrackingRow:
    """One year: the plan, and what happened if it is recorded."""

    year: int
    planned_benefits: float
    planned_costs: float
    actual_benefits: float | None
    actual_costs: float | None

    @property
    def realised(self) -> float | None:
        """Actual benefits as a share of the planned ones."""
        if self.actual_benefits is None or not self.planned_benefits:
            return None
        return self.actual_benefits / self.planned_benefits

    @property
    def cost_variance(self) -> float | None:
        """Actual less planned costs (positive: over plan)."""
        return None if self.actual_costs is None else self.actual_costs - self.planned_costs


@dataclass(frozen=True)
class Tracking:
    """Realised against planned, and NPV re-forecast from the actuals."""

    rows: tuple[TrackingRow, ...]
    years_recorded: tuple[int, ...]
    planned_benefits_to_date: float
    actual_benefits_to_date: float
    npv_planned: float
    npv_reforecast: float

    @property
    def realised_to_date(self) -> float | None:
        if not self.years_recorded or not self.planned_benefits_to_date:
            return None
        return self.actual_benefits_to_date / self.planned_benefits_to_date


def track(case: BusinessCase, actuals: Mapping[int, Actual], *, shift_years: float = 0.0,
          reforecast_shift_years: float | None = None) -> Tracking:
    """Set the recorded ``actuals`` (by year 0..N) against the plan of ``case`` with its go-live
    moved by ``shift_years``; the re-forecast takes the years not recorded from the plan with the
    go-live moved by ``reforecast_shift_years`` (default: ``shift_years``).

    >>> from crm_impl.finance.case import BusinessCase, Line
    >>> case = BusinessCase(horizon=3, discount_rate=0.0, lines=(
    ...     Line("B", "benefit", "cost_reduction", "", "Savings", amounts=(0, 400, 800, 1200)),))
    >>> late = track(case, {1: Actual(400, 0)}, reforecast_shift_years=0.25)   # live three months late
    >>> late.rows[2].planned_benefits, late.npv_planned   # the plan as assumed: 400 + 800 + 1200
    (800.0, 2400.0)
    >>> late.npv_reforecast             # 400 recorded; years 2 and 3 a quarter late: 700 + 1100
    2200.0
    """
    for year in actuals:
        if isinstance(year, bool) or not isinstance(year, int) or not 0 <= year <= case.horizon:
            raise ValidationError("the year is 0 to %(horizon)s, got %(value)r", "year", horizon=case.horizon,
                                  value=year)
    plan = evaluate(case, shift_years=shift_years)
    ahead = plan if reforecast_shift_years is None else evaluate(case, shift_years=reforecast_shift_years)
    flows = np.array(ahead.cash_flows, dtype=float)
    rows = []
    for row in plan.years:
        actual = actuals.get(row.year)
        rows.append(TrackingRow(row.year, row.benefits, row.costs, actual.benefits if actual else None,
                                actual.costs if actual else None))
        if actual is not None:
            flows[row.year] = (actual.benefits - actual.costs) * (1.0 - case.tax_rate)
    recorded = tuple(sorted(actuals))
    return Tracking(
        rows=tuple(rows), years_recorded=recorded,
        planned_benefits_to_date=sum(rows[y].planned_benefits for y in recorded),
        actual_benefits_to_date=sum(actuals[y].benefits for y in recorded),
        npv_planned=plan.npv, npv_reforecast=npv(flows, case.discount_rate),
    )
