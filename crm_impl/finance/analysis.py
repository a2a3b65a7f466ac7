"""Results of a business case: TCO, benefits, ROI both ways, NPV, IRR, payback, the cash-flow
table; the TEI risk adjustment, scenarios, the tornado and the go-live shift.

**Go-live.** Years 1..N start at the go-live the case assumes.  When the go-live moves by ``s``
years (a slip is positive), the benefit stream moves with it: a year's benefit is spread evenly
over its year, so the benefit of year y becomes ``(1 - f) · b[y - k] + f · b[y - k - 1]`` with
``k = floor(s)``, ``f = s - k``; nothing is earned before year 1, and beyond year N the last year's
level continues (so an early go-live earns it sooner).  Costs stay where they are: licences,
maintenance and the team are paid whether or not the system is live.  The cost of one month's
delay is ``NPV(s) - NPV(s + 1/12)``.

A slip between two dates counts in calendar months (:func:`calendar_months`), a month being
1/12 year: a go-live that moves from 15 October to 15 November slips exactly one month, so NPV
falls by exactly the cost of one month's delay, whatever the month's length in days.

>>> from crm_impl.finance.case import BusinessCase, Line
>>> case = BusinessCase(horizon=3, discount_rate=0.10, lines=(
...     Line("C", "cost", "construction", "consulting", "Consulting", amounts=(1000, 0, 0, 0)),
...     Line("B", "benefit", "cost_reduction", "", "Savings", amounts=(0, 500, 500, 500)),
... ))
>>> result = evaluate(case)
>>> round(result.npv, 2), round(result.irr.value, 4), result.payback_years
(243.43, 0.2338, 2.0)
>>> result.roi_methodology, result.roi
(1.5, 0.5)
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import numpy as np

from crm_impl.finance.case import COST_COMPONENTS, SCENARIOS, BusinessCase
from crm_impl.finance.metrics import Irr, discount_factors, irr, npv, payback, spreadsheet_npv
from crm_impl.i18n import N_, Message

__all__ = [
    "MONTH", "calendar_months", "go_live_shift", "YearRow", "Convention", "CaseResult", "ScenarioResult",
    "TornadoBar", "shift_benefits", "adjusted_values", "evaluate", "scenarios", "tornado", "cost_of_delay",
]

#: One month, in years.
MONTH = 1.0 / 12.0


def _add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar ``months``, kept at the month's last day when it has no such
    day (31 January + 1 month = 28 or 29 February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def calendar_months(start: date, end: date) -> float:
    """Calendar months from ``start`` to ``end`` (negative when ``end`` is earlier): the whole
    months ``n`` with ``start`` + n months not after ``end``, plus the share of the next month
    (from ``start`` + n to ``start`` + n + 1 months) that has passed.

    >>> calendar_months(date(2025, 10, 15), date(2025, 11, 15))     # 31 days
    1.0
    >>> calendar_months(date(2025, 2, 15), date(2025, 3, 15))       # 28 days
    1.0
    >>> calendar_months(date(2025, 1, 31), date(2025, 2, 28))       # to the month's last day
    1.0
    >>> calendar_months(date(2025, 9, 15), date(2025, 9, 30))       # 15 of September's 30 days
    0.5
    >>> calendar_months(date(2025, 11, 15), date(2025, 10, 15))
    -1.0
    """
    if end < start:
        return -calendar_months(end, start)
    whole = (end.year - start.year) * 12 + end.month - start.month
    if _add_months(start, whole) > end:
        whole -= 1
    anchor, following = _add_months(start, whole), _add_months(start, whole + 1)
    return whole + (end - anchor).days / (following - anchor).days


def go_live_shift(assumed: date, forecast: date) -> float:
    """The go-live shift in years (a slip positive) when the case assumes ``assumed`` and the
    schedule forecasts ``forecast``: calendar months × :data:`MONTH`.

    >>> go_live_shift(date(2025, 10, 15), date(2025, 11, 15)) == MONTH
    True
    """
    return calendar_months(assumed, forecast) * MONTH


@dataclass(frozen=True)
class YearRow:
    """One year of the cash-flow table (after the risk adjustment and the go-live shift)."""

    year: int
    construction: float
    usage: float
    costs: float
    cost_reduction: float
    revenue_growth: float
    benefits: float
    net: float                 # after tax when the case has a tax rate
    cumulative: float
    discount_factor: float
    present_value: float
    cumulative_pv: float


@dataclass(frozen=True)
class Convention:
    """How NPV is computed, and the same figure as a spreadsheet formula."""

    rate: float
    horizon: int
    npv: float
    spreadsheet: float          # =NPV(r, year 1..N) + year 0: equals ``npv``
    spreadsheet_all: float      # =NPV(r, year 0..N): the common mistake, year 0 discounted too

    def message(self) -> Message:
        """The convention in words, with the reconciliation (rendered per reader)."""
        return Message(N_("NPV convention: year 0 (the initial investment) is not discounted; the net flow of "
                          "year y falls at the end of year y and is divided by (1 + r)^y, r = %(rate)s. In a "
                          "spreadsheet: =NPV(%(rate)s, year 1 … year %(horizon)s) + year 0 = %(npv)s "
                          "(=NPV(%(rate)s, year 0 … year %(horizon)s) would discount year 0 too and give "
                          "%(wrong)s)."),
                       {"rate": f"{self.rate * 100:g}%", "horizon": self.horizon, "npv": f"{self.spreadsheet:,.0f}",
                        "wrong": f"{self.spreadsheet_all:,.0f}"})


@dataclass(frozen=True)
class CaseResult:
    """Everything the page, the CLI and the exports print for one case.

    Money is in the case currency; rates and ROI are fractions.  ``roi_methodology`` is the
    methodology's (seed) ratio benefits / TCO (1.0 = break-even); ``roi`` is the net ROI
    (benefits - TCO) / TCO.  ROI and TCO are before tax; ``cash_flows``, NPV, IRR and payback after
    tax when the case has a tax rate.
    """

    horizon: int
    discount_rate: float
    tax_rate: float
    go_live_shift_years: float
    years: tuple[YearRow, ...]
    cash_flows: tuple[float, ...]
    construction_total: float
    usage_total: float
    tco: float
    tco_pv: float
    cost_reduction_total: float
    revenue_growth_total: float
    benefits: float
    benefits_pv: float
    net_benefit: float
    roi_methodology: float | None
    roi: float | None
    npv: float
    irr: Irr
    payback_years: float | None
    discounted_payback_years: float | None
    costs_by_component: dict[str, tuple[float, ...]]
    convention: Convention


def shift_benefits(benefits: np.ndarray, shift_years: float | np.ndarray) -> np.ndarray:
    """Move yearly benefits (… × years 0..N) later by ``shift_years`` (per row when an array).

    >>> shift_benefits(np.array([0., 100, 200, 300]), 0.5).tolist()
    [0.0, 50.0, 150.0, 250.0]
    >>> shift_benefits(np.array([0., 100, 200, 300]), -1.0).tolist()
    [0.0, 200.0, 300.0, 300.0]
    """
    benefits = np.asarray(benefits, dtype=float)
    shift = np.asarray(shift_years, dtype=float)
    if not np.any(shift):
        return benefits.copy()
    years = benefits.shape[-1] - 1
    later = benefits[..., 1:]
    padded = np.concatenate([np.zeros(later.shape[:-1] + (1,)), later, later[..., -1:]], axis=-1)
    whole = np.floor(shift)
    fraction = shift - whole
    y = np.arange(1, years + 1)
    if shift.ndim:
        whole, fraction = whole[..., None], fraction[..., None]
    first = np.clip(y - whole, 0, years + 1).astype(int)
    second = np.clip(y - whole - 1, 0, years + 1).astype(int)
    take = (lambda index: np.take_along_axis(padded, np.broadcast_to(index, padded.shape[:-1] + index.shape[-1:]),
                                             axis=-1)) if shift.ndim else (lambda index: padded[..., index])
    moved = (1 - fraction) * take(first) + fraction * take(second)
    return np.concatenate([benefits[..., :1] * np.ones(moved.shape[:-1] + (1,)), moved], axis=-1)


def adjusted_values(case: BusinessCase, factors: np.ndarray | None = None) -> np.ndarray:
    """Every line's amounts (lines × years) after the risk adjustment, times ``factors`` per line."""
    values = case.values()
    adjustment = np.array([
        1.0 + (case.cost_risk if line.risk is None else line.risk) if line.kind == "cost"
        else 1.0 - (case.benefit_risk if line.risk is None else line.risk) for line in case.lines], dtype=float)
    if factors is not None:
        adjustment = adjustment * np.asarray(factors, dtype=float)
    return values * adjustment[:, None]


def _net(case: BusinessCase, values: np.ndarray, shift_years: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    costs = values[case.mask("cost")].sum(axis=0) if values.size else np.zeros(case.horizon + 1)
    benefits = values[case.mask("benefit")].sum(axis=0) if values.size else np.zeros(case.horizon + 1)
    benefits = shift_benefits(benefits, shift_years)
    return costs, benefits, (benefits - costs) * (1.0 - case.tax_rate)


def evaluate(case: BusinessCase, *, shift_years: float = 0.0, factors: np.ndarray | None = None) -> CaseResult:
    """The full result of ``case`` (risk-adjusted; the go-live moved by ``shift_years``; each line
    scaled by ``factors`` when given, e.g. a scenario's)."""
    values = adjusted_values(case, factors)
    horizon = case.horizon
    reduction = shift_benefits(values[case.mask("benefit", "cost_reduction")].sum(axis=0)
                               if values.size else np.zeros(horizon + 1), shift_years)
    growth = shift_benefits(values[case.mask("benefit", "revenue_growth")].sum(axis=0)
                            if values.size else np.zeros(horizon + 1), shift_years)
    construction = values[case.mask("cost", "construction")].sum(axis=0) if values.size else np.zeros(horizon + 1)
    usage = values[case.mask("cost", "usage")].sum(axis=0) if values.size else np.zeros(horizon + 1)
    costs = construction + usage
    benefits = reduction + growth
    flows = (benefits - costs) * (1.0 - case.tax_rate)
    factors_ = discount_factors(case.discount_rate, horizon)
    cumulative, present = np.cumsum(flows), flows * factors_
    cumulative_pv = np.cumsum(present)
    rows = tuple(YearRow(y, float(construction[y]), float(usage[y]), float(costs[y]), float(reduction[y]),
                         float(growth[y]), float(benefits[y]), float(flows[y]), float(cumulative[y]),
                         float(factors_[y]), float(present[y]), float(cumulative_pv[y])) for y in range(horizon + 1))
    by_component: dict[str, tuple[float, ...]] = {}
    for category, components in COST_COMPONENTS.items():
        for component in components:
            mask = np.array([line.kind == "cost" and line.component == component for line in case.lines], dtype=bool)
            if mask.any():
                by_component[component] = tuple(float(v) for v in values[mask].sum(axis=0))
    tco, total_benefits = float(costs.sum()), float(benefits.sum())
    value = npv(flows, case.discount_rate)
    return CaseResult(
        horizon=horizon, discount_rate=case.discount_rate, tax_rate=case.tax_rate,
        go_live_shift_years=float(shift_years), years=rows, cash_flows=tuple(float(f) for f in flows),
        construction_total=float(construction.sum()), usage_total=float(usage.sum()), tco=tco,
        tco_pv=float(costs @ factors_), cost_reduction_total=float(reduction.sum()),
        revenue_growth_total=float(growth.sum()), benefits=total_benefits, benefits_pv=float(benefits @ factors_),
        net_benefit=total_benefits - tco,
        roi_methodology=total_benefits / tco if tco > 0 else None,
        roi=(total_benefits - tco) / tco if tco > 0 else None,
        npv=value, irr=irr(flows), payback_years=payback(flows), discounted_payback_years=payback(present),
        costs_by_component=by_component,
        convention=Convention(case.discount_rate, horizon, value,
                              spreadsheet_npv(flows[1:], case.discount_rate) + float(flows[0]),
                              spreadsheet_npv(flows, case.discount_rate)),
    )


@dataclass(frozen=True)
class ScenarioResult:
    """The headline figures of the case with every line at one scenario's factor."""

    scenario: str
    npv: float
    roi: float | None
    roi_methodology: float | None
    tco: float
    benefits: float
    payback_years: float | None


def _factors(case: BusinessCase, scenario: str) -> np.ndarray:
    return np.array([line.factor(scenario) for line in case.lines], dtype=float)


def scenarios(case: BusinessCase, *, shift_years: float = 0.0) -> tuple[ScenarioResult, ...]:
    """The case conservative, expected and optimistic (every line at that scenario's factor)."""
    results = []
    for scenario in SCENARIOS:
        result = evaluate(case, shift_years=shift_years, factors=_factors(case, scenario))
        results.append(ScenarioResult(scenario, result.npv, result.roi, result.roi_methodology, result.tco,
                                      result.benefits, result.payback_years))
    return tuple(results)


@dataclass(frozen=True)
class TornadoBar:
    """NPV with one line at its conservative and at its optimistic factor, the others expected."""

    line_id: str
    name: str
    conservative_npv: float
    optimistic_npv: float
    base_npv: float

    @property
    def swing(self) -> float:
        return abs(self.optimistic_npv - self.conservative_npv)


def tornado(case: BusinessCase, *, shift_years: float = 0.0) -> tuple[TornadoBar, ...]:
    """One bar per line with a scenario range, widest swing first."""
    base = evaluate(case, shift_years=shift_years).npv
    bars = []
    for i, line in enumerate(case.lines):
        if line.conservative == line.optimistic == 1.0:
            continue
        npvs = {}
        for scenario in ("conservative", "optimistic"):
            factors = np.ones(len(case.lines))
            factors[i] = line.factor(scenario)
            npvs[scenario] = _npv_only(case, factors, shift_years)
        bars.append(TornadoBar(line.id, line.name, npvs["conservative"], npvs["optimistic"], base))
    return tuple(sorted(bars, key=lambda bar: -bar.swing))


def _npv_only(case: BusinessCase, factors: np.ndarray | None, shift_years: float) -> float:
    _, _, flows = _net(case, adjusted_values(case, factors), shift_years)
    return npv(flows, case.discount_rate)


def cost_of_delay(case: BusinessCase, *, shift_years: float = 0.0, months: float = 1.0) -> float:
    """How much NPV falls when the go-live slips ``months`` more than ``shift_years``.

    >>> from crm_impl.finance.case import BusinessCase, Line
    >>> case = BusinessCase(horizon=3, discount_rate=0.0, lines=(
    ...     Line("B", "benefit", "cost_reduction", "", "Savings", amounts=(0, 1200, 1200, 1200)),))
    >>> round(cost_of_delay(case), 6)     # one month of the last year's 1,200 falls off the horizon
    100.0
    """
    return _npv_only(case, None, shift_years) - _npv_only(case, None, shift_years + months * MONTH)
