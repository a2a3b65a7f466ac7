"""Working-day calendar: offsets from project start ↔ dates.

Every date gets a *raw index*: the number of working weekdays since 0001-01-01 (a Monday) before
it, computed in O(1) from the ordinal.  Holidays that fall on working weekdays are kept as a
sorted list of raw indices, so both directions are a bisection: no loop over days.

Extra working days (a Saturday worked to make up for a holiday: China's 调休) add one working
day each; a date's index counts them with one more bisection, and finding the date of an index
becomes a short bisection over dates (only when the calendar has any).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from crm_impl.errors import ValidationError

__all__ = ["WorkCalendar"]

# Float offsets (PERT te, simulated durations) carry rounding error; this close to a whole day
# counts as that day.
_EPS = 1e-9


@dataclass(frozen=True)
class WorkCalendar:
    """Maps working-day offsets (day 0 = first working day on or after ``start``) to dates.

    Parameters
    ----------
    start : date
        Project start; if it is not a working day, day 0 is the next working day.
    weekdays : frozenset of int
        Working weekdays, Monday = 0 … Sunday = 6 (default Monday–Friday).
    holidays : frozenset of date
        Non-working dates.
    workdays : frozenset of date
        Extra working dates on days that are otherwise not worked (make-up working days).

    Examples
    --------
    >>> cal = WorkCalendar(date(2025, 3, 7), holidays=frozenset({date(2025, 3, 10)}))
    >>> cal.date_at(0), cal.date_at(1)  # Fri, then Tue: weekend and holiday skipped
    (datetime.date(2025, 3, 7), datetime.date(2025, 3, 11))
    >>> cal.offset_of(date(2025, 3, 8))  # Saturday -> the next working day
    1
    >>> made_up = WorkCalendar(date(2025, 3, 7), workdays=frozenset({date(2025, 3, 8)}))
    >>> made_up.date_at(1), made_up.offset_of(date(2025, 3, 10))  # Saturday worked
    (datetime.date(2025, 3, 8), 2)
    """

    start: date
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    _days: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _extra: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _before: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _holiday_raw: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _holiday_gaps: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _origin: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.start, date):
            raise ValidationError("must be a date, got %(start)r", "start_date", start=self.start)
        weekdays = frozenset(self.weekdays)
        for day in weekdays:
            if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 6:
                raise ValidationError("weekdays are 0 (Monday) to 6 (Sunday), got %(day)r", "weekdays", day=day)
        if not weekdays:
            raise ValidationError("at least one weekday must be a working day", "weekdays")
        holidays = frozenset(self.holidays)
        for day in holidays:
            if not isinstance(day, date):
                raise ValidationError("must be dates, got %(day)r", "holidays", day=day)
        workdays = frozenset(self.workdays)
        for day in workdays:
            if not isinstance(day, date):
                raise ValidationError("must be dates, got %(day)r", "working_days", day=day)
        both = sorted(workdays & holidays)
        if both:
            raise ValidationError("%(day)s is both a holiday and a working day", "working_days",
                                  day=both[0].isoformat())
        object.__setattr__(self, "weekdays", weekdays)
        object.__setattr__(self, "holidays", holidays)
        object.__setattr__(self, "workdays", workdays)
        # Only days that would not be worked anyway count as extra.
        object.__setattr__(self, "_extra", tuple(sorted(d.toordinal() for d in workdays if d.weekday() not in weekdays)))
        days = tuple(sorted(weekdays))
        # _before[k]: working weekdays in a week strictly before weekday k (k = 0..7).
        before = tuple(sum(1 for d in days if d < k) for k in range(8))
        object.__setattr__(self, "_days", days)
        object.__setattr__(self, "_before", before)
        raw = sorted(self._raw(h) for h in holidays if h.weekday() in weekdays)
        object.__setattr__(self, "_holiday_raw", tuple(raw))
        # raw[i] - i is non-decreasing: bisecting it finds how many holidays precede a target.
        object.__setattr__(self, "_holiday_gaps", tuple(r - i for i, r in enumerate(raw)))
        object.__setattr__(self, "_origin", self._working_index(self.start))

    @classmethod
    def from_iterables(
        cls, start: date, weekdays: Iterable[int] = (0, 1, 2, 3, 4), holidays: Iterable[date] = (),
        workdays: Iterable[date] = (),
    ) -> WorkCalendar:
        """Build from any iterables (lists parsed from a file, say)."""
        return cls(start, frozenset(weekdays), frozenset(holidays), frozenset(workdays))

    def _raw(self, day: date) -> int:
        weeks, dow = divmod(day.toordinal() - 1, 7)  # ordinal 1 is a Monday
        return weeks * len(self._days) + self._before[dow]

    def _working_index(self, day: date) -> int:
        # The working days before ``day``: a holiday or weekend day gets the index of the next one.
        raw = self._raw(day)
        index = raw - bisect_left(self._holiday_raw, raw)
        return index + bisect_left(self._extra, day.toordinal()) if self._extra else index

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is worked: a working weekday that is not a holiday, or an extra working day."""
        if day.weekday() in self.weekdays:
            return day not in self.holidays
        return day in self.workdays

    def offset_of(self, day: date) -> int:
        """Working-day offset of ``day``; a non-working date maps to the next working day."""
        return self._working_index(day) - self._origin

    def date_at(self, offset: int) -> date:
        """Date of working day ``offset`` (negative offsets count back before the start)."""
        target = self._origin + int(offset)
        try:
            if not self._extra:
                return self._weekday_date(target)
            # Extra days only bring a date earlier: search below where the weekdays alone put it.
            high = self._weekday_date(target).toordinal()
            step = 7 * (bisect_right(self._extra, high) + 2)
            low = high - step
            while self._up_to(date.fromordinal(low)) > target:  # long holidays: reach further back
                low -= step
            while low < high:  # the first date whose count of working days up to it passes target
                middle = (low + high) // 2
                day = date.fromordinal(middle)
                if self._up_to(day) > target:
                    high = middle
                else:
                    low = middle + 1
            return date.fromordinal(low)
        except (OverflowError, ValueError):
            raise ValidationError("offset %(offset)s is outside the supported dates", "offset", offset=offset) from None

    def _up_to(self, day: date) -> int:
        """Working days up to and including ``day``."""
        return self._working_index(day) + self.is_working_day(day)

    def _weekday_date(self, target: int) -> date:
        """The date of working index ``target`` counting weekdays and holidays only."""
        raw = target + bisect_right(self._holiday_gaps, target)
        weeks, k = divmod(raw, len(self._days))
        return date.fromordinal(weeks * 7 + self._days[k] + 1)

    def start_date(self, es: int) -> date:
        """The date a task with early start ``es`` begins."""
        return self.date_at(es)

    def finish_date(self, ef: int, duration: int) -> date:
        """Last working day of a task (inclusive): ``date_at(ef - 1)``; a milestone's own day."""
        return self.date_at(ef - 1 if duration > 0 else ef)

    def task_dates(self, es: float, ef: float) -> tuple[date, date]:
        """First and last working day of a task scheduled over ``[es, ef)``.

        The one rule that turns offsets into a task's dates.  Fractional offsets (PERT ``te``,
        simulated durations) are rounded outwards to whole working days; a task of zero length
        sits on its own day.

        >>> cal = WorkCalendar(date(2025, 3, 7))  # a Friday
        >>> cal.task_dates(0, 2), cal.task_dates(1, 1), cal.task_dates(0.5, 1.2)
        ((datetime.date(2025, 3, 7), datetime.date(2025, 3, 10)), (datetime.date(2025, 3, 10), \
datetime.date(2025, 3, 10)), (datetime.date(2025, 3, 7), datetime.date(2025, 3, 10)))
        """
        start = self.date_at(math.floor(es + _EPS))
        if ef - es <= _EPS:
            return start, start
        return start, max(start, self.date_at(math.ceil(ef - _EPS) - 1))

    def finish_of(self, days: float) -> date:
        """The last working day of a span of ``days`` working days from day 0.

        The one rule that turns a project duration (a CPM result, a PERT or Monte Carlo
        percentile) into a finish date: fractions of a day round up, a span of 0 ends on day 0.

        >>> cal = WorkCalendar(date(2025, 3, 3))
        >>> cal.finish_of(5), cal.finish_of(5.2), cal.finish_of(0)
        (datetime.date(2025, 3, 7), datetime.date(2025, 3, 10), datetime.date(2025, 3, 3))
        """
        whole = max(0, math.ceil(days - _EPS))
        return self.finish_date(whole, whole)

    def finish_offset(self, deadline: date) -> int:
        """Exclusive finish offset of a task that must end by ``deadline`` (inclusive)."""
        return self.offset_of(deadline + timedelta(days=1))
