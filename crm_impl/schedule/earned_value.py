"""Earned value at a status date: PV, EV, AC and the indices derived from them.

Planned value accrues linearly over each task's *baseline* working days (the status date
counts as worked); earned value is the budget times the reported progress; actual cost is what
was booked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from crm_impl.schedule.calendar import WorkCalendar

__all__ = ["EvTask", "EarnedValue", "earned_value", "planned_fraction"]


@dataclass(frozen=True)
class EvTask:
    id: str
    budget: float
    progress: float  # percent complete, 0..100
    baseline_start: date | None = None
    baseline_finish: date | None = None  # last working day, inclusive
    actual_cost: float | None = None


@dataclass(frozen=True)
class EarnedValue:
    status_date: date
    bac: float  # budget at completion
    pv: float
    ev: float
    ac: float

    @property
    def sv(self) -> float:
        return self.ev - self.pv

    @property
    def cv(self) -> float:
        return self.ev - self.ac

    @property
    def spi(self) -> float | None:
        return self.ev / self.pv if self.pv else None

    @property
    def cpi(self) -> float | None:
        return self.ev / self.ac if self.ac else None

    @property
    def eac(self) -> float | None:
        """Estimate at completion assuming the cost efficiency so far continues (BAC / CPI)."""
        return self.bac / self.cpi if self.cpi else None

    @property
    def vac(self) -> float | None:
        return self.bac - self.eac if self.eac is not None else None


def planned_fraction(task: EvTask, status_date: date, calendar: WorkCalendar) -> float:
    """Share of the task's baseline work scheduled up to the end of ``status_date``.

    >>> cal = WorkCalendar(date(2025, 3, 3))  # a Monday
    >>> t = EvTask("a", 100.0, 0, date(2025, 3, 3), date(2025, 3, 7))
    >>> planned_fraction(t, date(2025, 3, 4), cal)
    0.4
    """
    if task.baseline_start is None or task.baseline_finish is None:
        return 0.0
    start = calendar.offset_of(task.baseline_start)
    end = calendar.offset_of(task.baseline_finish) + 1  # exclusive
    worked_until = calendar.offset_of(status_date) + (1 if calendar.is_working_day(status_date) else 0)
    if end <= start:  # a zero-length task is planned complete once its day has come
        return 1.0 if worked_until > start or status_date >= task.baseline_start else 0.0
    return min(max(worked_until - start, 0), end - start) / (end - start)


def earned_value(tasks: Iterable[EvTask], status_date: date, calendar: WorkCalendar) -> EarnedValue:
    """Sum PV, EV and AC over ``tasks`` at ``status_date``."""
    bac = pv = ev = ac = 0.0
    for task in tasks:
        bac += task.budget
        pv += task.budget * planned_fraction(task, status_date, calendar)
        ev += task.budget * task.progress / 100
        ac += task.actual_cost or 0.0
    return EarnedValue(status_date=status_date, bac=bac, pv=pv, ev=ev, ac=ac)
