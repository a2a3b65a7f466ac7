"""Cash-flow metrics on plain arrays: NPV, IRR, payback.

The convention (printed with every result): **year 0 is the initial investment and is not
discounted; the flow of year y falls at the end of year y and is divided by (1 + r)^y.**  A
spreadsheet's ``NPV(r, v1, v2, ...)`` discounts its *first* value by one period, so the same
figure is ``=NPV(r, year 1 … year N) + year 0``.

>>> flows = [-1000, 500, 500, 500]
>>> round(npv(flows, 0.10), 2)
243.43
>>> irr(flows).status, round(irr(flows).value, 4)
('unique', 0.2338)
>>> payback(flows)
2.0
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

__all__ = ["Irr", "discount_factors", "npv", "spreadsheet_npv", "irr", "sign_changes", "payback", "paybacks"]


def discount_factors(rate: float, horizon: int) -> np.ndarray:
    """``1 / (1 + rate) ** y`` for y = 0..horizon.

    >>> discount_factors(0.25, 2).tolist()
    [1.0, 0.8, 0.64]
    """
    return 1.0 / (1.0 + rate) ** np.arange(horizon + 1)


def npv(flows: Sequence[float] | np.ndarray, rate: float) -> float:
    """Net present value, year 0 undiscounted (see the module's convention)."""
    flows = np.asarray(flows, dtype=float)
    return float(flows @ discount_factors(rate, len(flows) - 1))


def spreadsheet_npv(values: Sequence[float], rate: float) -> float:
    """What a spreadsheet's ``NPV(rate, values...)`` returns: the first value discounted one period.

    >>> round(spreadsheet_npv([500, 500, 500], 0.10) + -1000, 2)   # =NPV(10%, Y1:Y3) + Y0
    243.43
    """
    values = np.asarray(values, dtype=float)
    return float(values @ (1.0 / (1.0 + rate) ** np.arange(1, len(values) + 1)))


def sign_changes(flows: Sequence[float]) -> tuple[int, ...]:
    """The years whose flow has the opposite sign of the last non-zero flow before them.

    >>> sign_changes([-100, 50, 0, 80, -20])
    (1, 4)
    """
    changes, last = [], 0.0
    for year, flow in enumerate(flows):
        if flow == 0:
            continue
        if last and (flow > 0) != (last > 0):
            changes.append(year)
        last = flow
    return tuple(changes)


@dataclass(frozen=True)
class Irr:
    """The internal rate(s) of return of a cash-flow series.

    ``status`` is ``none`` (the flows never change sign: no rate makes NPV zero), ``unique`` (one
    sign change: exactly one IRR, ``value``) or ``multiple`` (several sign changes, at ``changes``;
    ``values`` holds every rate > -100 % with NPV zero, ``value`` is set only when there is one).
    """

    status: Literal["none", "unique", "multiple"]
    value: float | None
    values: tuple[float, ...]
    changes: tuple[int, ...]


def _polish(coefficients: np.ndarray, x: float) -> float:
    poly = np.polynomial.Polynomial(coefficients)
    derivative = poly.deriv()
    for _ in range(20):
        slope = derivative(x)
        if slope == 0:
            break
        step = poly(x) / slope
        x -= step
        if abs(step) < 1e-15 * max(1.0, abs(x)):
            break
    return x


def irr(flows: Sequence[float] | np.ndarray) -> Irr:
    """Every rate r > -100 % with NPV(r) = 0, from the roots of Σ flow_y · x^y with x = 1/(1 + r).

    >>> irr([-100, -50]).status
    'none'
    >>> result = irr([-100, 230, -132])       # NPV zero at 10 % and 20 %
    >>> result.status, [round(r, 6) for r in result.values], result.changes
    ('multiple', [0.1, 0.2], (1, 2))
    """
    flows = np.asarray(flows, dtype=float)
    changes = sign_changes(flows.tolist())
    if not changes:
        return Irr("none", None, (), ())
    scale = float(np.max(np.abs(flows)))
    coefficients = np.trim_zeros(flows / scale, "b")
    rates = []
    for root in np.polynomial.polynomial.polyroots(coefficients):
        if abs(root.imag) > 1e-7 * max(1.0, abs(root.real)) or root.real <= 0:
            continue
        x = float(_polish(coefficients, float(root.real)))
        if x <= 0:
            continue
        value = float(np.polynomial.polynomial.polyval(x, coefficients))
        if abs(value) > 1e-7 * float(np.sum(np.abs(coefficients * x ** np.arange(len(coefficients))))):
            continue
        rate = float(1.0 / x - 1.0)
        if not any(abs(rate - r) < 1e-9 * max(1.0, abs(r)) for r in rates):
            rates.append(rate)
    rates.sort()
    if len(changes) == 1:
        return Irr("unique", rates[0] if rates else None, tuple(rates), changes)
    return Irr("multiple", rates[0] if len(rates) == 1 else None, tuple(rates), changes)


def paybacks(flows: np.ndarray, tolerance: float = 1e-9) -> np.ndarray:
    """Payback in fractional years of each row of ``flows`` (runs × years 0..N), ``nan`` where the
    cumulative flow never turns non-negative.

    Counted from the end of year 0; a year's flow is spread evenly over the year, so the point
    inside the year is interpolated linearly (methodology §7.1).

    >>> paybacks(np.array([[-100., 40, 40, 40], [-100., 10, 10, 10], [0., 5, 5, 5]])).tolist()
    [2.5, nan, 0.0]
    """
    flows = np.atleast_2d(np.asarray(flows, dtype=float))
    cumulative = np.cumsum(flows, axis=1)
    scale = np.maximum(np.max(np.abs(flows), axis=1, keepdims=True), 1.0)
    reached = cumulative >= -tolerance * scale
    any_reached = reached.any(axis=1)
    first = np.argmax(reached, axis=1)
    rows = np.arange(flows.shape[0])
    before = cumulative[rows, np.maximum(first - 1, 0)]
    flow = flows[rows, first]
    with np.errstate(divide="ignore", invalid="ignore"):
        inside = np.where(flow > 0, -before / flow, 1.0)
    result = np.where(first == 0, 0.0, first - 1 + np.clip(inside, 0.0, 1.0))
    return np.where(any_reached, result, np.nan)


def payback(flows: Sequence[float] | np.ndarray) -> float | None:
    """Payback of one series in fractional years (``None`` when it never pays back)."""
    value = float(paybacks(np.asarray(flows, dtype=float)[None, :])[0])
    return None if np.isnan(value) else value
