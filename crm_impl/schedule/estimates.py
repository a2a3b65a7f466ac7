"""Three-point duration estimates (optimistic, most likely, pessimistic) shared by PERT and
Monte Carlo."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from numbers import Real

import numpy as np

from crm_impl.errors import ValidationError
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.network import Network

__all__ = ["ThreePoint", "estimate_arrays", "PERCENTILES", "Percentile", "percentiles", "rescaled_days"]

#: The percentiles every forecast reports (P50, P80, P90).
PERCENTILES: tuple[int, ...] = (50, 80, 90)


def _number(value: object, field: str) -> float:
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
        raise ValidationError("must be a finite number, got %(value)r", field, value=value)
    if value < 0:
        raise ValidationError("must be >= 0, got %(value)r", field, value=value)
    return float(value)


@dataclass(frozen=True, slots=True)
class ThreePoint:
    """A three-point estimate in working days, ``0 <= optimistic <= most_likely <= pessimistic``.

    Examples
    --------
    >>> e = ThreePoint(4, 6, 9)
    >>> round(e.te, 3), round(e.variance, 3)
    (6.167, 0.694)
    """

    optimistic: float
    most_likely: float
    pessimistic: float

    def __post_init__(self) -> None:
        o = _number(self.optimistic, "optimistic")
        m = _number(self.most_likely, "most_likely")
        p = _number(self.pessimistic, "pessimistic")
        if not o <= m <= p:
            raise ValidationError(
                "need optimistic <= most_likely <= pessimistic, got %(o)g, %(m)g, %(p)g",
                "most_likely" if m < o else "pessimistic", o=o, m=m, p=p,
            )

    @classmethod
    def exact(cls, duration: float) -> ThreePoint:
        """A certain duration (``o = m = p``)."""
        return cls(duration, duration, duration)

    @property
    def te(self) -> float:
        """PERT expected duration ``(o + 4m + p) / 6``."""
        return (self.optimistic + 4 * self.most_likely + self.pessimistic) / 6

    @property
    def variance(self) -> float:
        """PERT variance ``((p - o) / 6)²``."""
        return ((self.pessimistic - self.optimistic) / 6) ** 2


def rescaled_days(optimistic: int, most_likely: int, pessimistic: int, duration: int) -> tuple[int, int, int]:
    """A three-point estimate in whole days moved to a new most likely ``duration``: the optimistic
    and pessimistic values in proportion (rounded, still ordered); from a most likely of 0, the
    spread is kept.

    >>> rescaled_days(3, 5, 8, 20), rescaled_days(3, 5, 8, 5), rescaled_days(0, 0, 2, 4)
    ((12, 20, 32), (3, 5, 8), (4, 4, 6))
    """
    if duration == most_likely:
        return optimistic, most_likely, pessimistic
    if most_likely > 0:
        factor = duration / most_likely
        return min(round(optimistic * factor), duration), duration, max(round(pessimistic * factor), duration)
    return duration, duration, duration + (pessimistic - most_likely)


def estimate_arrays(net: Network, estimates: Mapping[str, ThreePoint]) -> np.ndarray:
    """Stack the estimates in ``net.ids`` order as a ``(3, n_tasks)`` float array (o, m, p).

    Raises
    ------
    ValidationError
        A task has no estimate (``field="estimates.<id>"``) or an estimate names no task.
    """
    out = np.empty((3, net.n_tasks), dtype=np.float64)
    for i, task_id in enumerate(net.ids):
        e = estimates.get(task_id)
        if not isinstance(e, ThreePoint):
            raise ValidationError("missing three-point estimate", f"estimates.{task_id}")
        out[0, i], out[1, i], out[2, i] = e.optimistic, e.most_likely, e.pessimistic
    if len(estimates) != net.n_tasks:
        extra = sorted(set(estimates) - set(net.ids))
        raise ValidationError("estimate for an unknown task", f"estimates.{extra[0]}")
    return out


@dataclass(frozen=True, slots=True)
class Percentile:
    """A forecast percentile: ``q`` percent of outcomes finish within ``days`` working days,
    that is by ``finish`` (the last working day, :meth:`WorkCalendar.finish_of`)."""

    q: int
    days: float
    finish: date

    @property
    def name(self) -> str:
        """``"P80"`` for ``q == 80``."""
        return f"P{self.q}"


def percentiles(
    days_at: Callable[[int], float], calendar: WorkCalendar, qs: Iterable[int] = PERCENTILES
) -> tuple[Percentile, ...]:
    """The percentiles ``qs`` of a forecast, each with its finish date.

    ``days_at(q)`` gives the duration in working days at percentile ``q``; every page, chart,
    report and command reads the dates from here, so they agree to the day.

    >>> cal = WorkCalendar(date(2025, 3, 3))
    >>> [(p.name, p.days, p.finish.isoformat()) for p in percentiles(lambda q: q / 10, cal, (50, 90))]
    [('P50', 5.0, '2025-03-07'), ('P90', 9.0, '2025-03-13')]
    """
    out = []
    for q in qs:
        days = float(days_at(q))
        out.append(Percentile(q=int(q), days=days, finish=calendar.finish_of(days)))
    return tuple(out)
