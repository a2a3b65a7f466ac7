"""Working-day calendar: offsets ↔ dates with weekends and holidays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_impl.errors import ValidationError
from crm_impl.schedule.calendar import WorkCalendar

MON = date(2025, 3, 3)  # a Monday


def test_monday_to_friday_skips_weekends():
    cal = WorkCalendar(MON)
    assert [cal.date_at(i) for i in range(7)] == [
        date(2025, 3, 3), date(2025, 3, 4), date(2025, 3, 5), date(2025, 3, 6), date(2025, 3, 7),
        date(2025, 3, 10), date(2025, 3, 11),
    ]
    assert cal.offset_of(date(2025, 3, 10)) == 5
    assert cal.date_at(260) == date(2026, 3, 2)  # 52 full weeks later


def test_holidays_are_skipped_both_ways():
    cal = WorkCalendar(MON, holidays=frozenset({date(2025, 3, 5), date(2025, 3, 6)}))
    assert [cal.date_at(i) for i in range(4)] == [
        date(2025, 3, 3), date(2025, 3, 4), date(2025, 3, 7), date(2025, 3, 10),
    ]
    assert cal.offset_of(date(2025, 3, 7)) == 2
    # A holiday maps to the next working day (skipping the weekend too).
    assert cal.offset_of(date(2025, 3, 5)) == 2
    assert not cal.is_working_day(date(2025, 3, 5)) and cal.is_working_day(date(2025, 3, 7))


def test_holiday_on_a_weekend_changes_nothing():
    plain = WorkCalendar(MON)
    cal = WorkCalendar(MON, holidays=frozenset({date(2025, 3, 8)}))
    assert [cal.date_at(i) for i in range(10)] == [plain.date_at(i) for i in range(10)]


def test_start_on_a_weekend_or_holiday_begins_on_the_next_working_day():
    assert WorkCalendar(date(2025, 3, 1)).date_at(0) == MON  # Saturday start
    cal = WorkCalendar(MON, holidays=frozenset({MON}))
    assert cal.date_at(0) == date(2025, 3, 4)
    assert cal.offset_of(MON) == 0


def test_weekend_date_maps_to_the_next_working_day():
    cal = WorkCalendar(MON)
    assert cal.offset_of(date(2025, 3, 8)) == 5
    assert cal.offset_of(date(2025, 3, 9)) == 5


def test_negative_offsets_count_back_before_the_start():
    cal = WorkCalendar(MON, holidays=frozenset({date(2025, 2, 28)}))
    assert cal.date_at(-1) == date(2025, 2, 27)  # Friday is a holiday
    assert cal.offset_of(date(2025, 2, 27)) == -1
    assert cal.offset_of(date(2025, 2, 24)) == -4


def test_six_day_week_and_single_weekday():
    six = WorkCalendar(MON, weekdays=frozenset(range(6)))
    assert six.date_at(5) == date(2025, 3, 8)  # Saturday works
    assert six.date_at(6) == date(2025, 3, 10)
    sundays = WorkCalendar(MON, weekdays=frozenset({6}))
    assert [sundays.date_at(i) for i in range(3)] == [date(2025, 3, 9), date(2025, 3, 16), date(2025, 3, 23)]


def test_task_dates_finish_is_inclusive_and_milestones_sit_on_their_day():
    cal = WorkCalendar(MON)
    assert cal.start_date(0) == MON
    assert cal.finish_date(3, 3) == date(2025, 3, 5)  # days 0, 1, 2
    assert cal.finish_date(6, 6) == date(2025, 3, 10)  # crosses the weekend
    assert cal.finish_date(5, 0) == date(2025, 3, 10)  # a milestone at day 5
    assert cal.finish_date(1, 1) == cal.start_date(0)


def test_finish_offset_turns_a_deadline_date_into_an_exclusive_offset():
    cal = WorkCalendar(MON)
    assert cal.finish_offset(date(2025, 3, 5)) == 3  # a task ending Wednesday has EF 3
    assert cal.finish_offset(date(2025, 3, 8)) == 5  # Saturday: last working day is Friday
    assert cal.finish_date(cal.finish_offset(date(2025, 3, 12)), 1) == date(2025, 3, 12)


def test_far_offsets_are_fast_and_exact():
    cal = WorkCalendar(MON, holidays=frozenset(MON + timedelta(days=i) for i in range(0, 3000, 11)))
    day = cal.date_at(100_000)
    assert cal.offset_of(day) == 100_000
    assert cal.is_working_day(day)


def test_offset_outside_supported_dates():
    with pytest.raises(ValidationError, match="outside"):
        WorkCalendar(MON).date_at(10**9)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"weekdays": frozenset()}, "weekdays"),
        ({"weekdays": frozenset({7})}, "weekdays"),
        ({"weekdays": frozenset({True})}, "weekdays"),
        ({"holidays": frozenset({"2025-01-01"})}, "holidays"),
    ],
)
def test_validation(kwargs, field):
    with pytest.raises(ValidationError) as err:
        WorkCalendar(MON, **kwargs)
    assert err.value.field == field


def test_start_must_be_a_date():
    with pytest.raises(ValidationError) as err:
        WorkCalendar("2025-03-03")  # type: ignore[arg-type]
    assert err.value.field == "start_date"


def test_from_iterables_and_equality():
    a = WorkCalendar.from_iterables(MON, [0, 1, 2, 3, 4], [date(2025, 5, 1)])
    b = WorkCalendar(MON, holidays=frozenset({date(2025, 5, 1)}))
    assert a == b and hash(a) == hash(b)


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(date(2000, 1, 1), date(2040, 1, 1)),
    weekdays=st.frozensets(st.integers(0, 6), min_size=1),
    holiday_days=st.lists(st.integers(-40, 300), max_size=40),
)
def test_matches_a_day_by_day_walk(start, weekdays, holiday_days):
    holidays = frozenset(start + timedelta(days=d) for d in holiday_days)
    cal = WorkCalendar(start, weekdays, holidays)

    def working(day):
        return day.weekday() in weekdays and day not in holidays

    forward, day = [], start
    while len(forward) < 60:
        if working(day):
            forward.append(day)
        day += timedelta(days=1)
    backward, day = [], start - timedelta(days=1)
    while len(backward) < 20:
        if working(day):
            backward.append(day)
        day -= timedelta(days=1)
    assert [cal.date_at(i) for i in range(60)] == forward
    assert [cal.date_at(-1 - i) for i in range(20)] == backward
    for k in range(-10, 70):
        day = start + timedelta(days=k)
        nxt = day
        while not working(nxt):
            nxt += timedelta(days=1)
        assert cal.offset_of(day) == cal.offset_of(nxt)
        if working(day):
            assert cal.date_at(cal.offset_of(day)) == day


def _naive_dates(start, weekdays, holidays, workdays, count):
    """The first ``count`` working dates from ``start``, one day at a time."""
    day, found = start, []
    while len(found) < count:
        if (day.weekday() in weekdays and day not in holidays) or day in workdays:
            found.append(day)
        day += timedelta(days=1)
    return found


def test_make_up_working_days_china_2025_national_day():
    # 2025: 1–8 October off; Sunday 28 September and Saturday 11 October worked (国务院办公厅通知).
    holidays = {date(2025, 10, d) for d in range(1, 9)}
    workdays = {date(2025, 9, 28), date(2025, 10, 11)}
    cal = WorkCalendar(date(2025, 9, 26), holidays=frozenset(holidays), workdays=frozenset(workdays))
    assert [cal.date_at(k) for k in range(5)] == [
        date(2025, 9, 26), date(2025, 9, 28), date(2025, 9, 29), date(2025, 9, 30), date(2025, 10, 9)]
    assert cal.date_at(6) == date(2025, 10, 11) and cal.offset_of(date(2025, 10, 11)) == 6
    assert cal.is_working_day(date(2025, 9, 28)) and not cal.is_working_day(date(2025, 10, 4))
    with pytest.raises(ValidationError, match="both a holiday and a working day"):
        WorkCalendar(date(2025, 9, 26), holidays=frozenset({date(2025, 9, 28)}), workdays=frozenset({date(2025, 9, 28)}))


@settings(max_examples=150, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2026, 12, 31)),
    weekdays=st.frozensets(st.integers(0, 6), min_size=1),
    holidays=st.frozensets(st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)), max_size=60),
    workdays=st.frozensets(st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)), max_size=30),
)
def test_calendar_with_extra_working_days_agrees_with_counting_day_by_day(start, weekdays, holidays, workdays):
    workdays = workdays - holidays
    cal = WorkCalendar(start, weekdays, holidays, workdays)
    expected = _naive_dates(start, weekdays, holidays, workdays, 120)
    assert [cal.date_at(k) for k in range(120)] == expected
    assert [cal.offset_of(day) for day in expected] == list(range(120))


def test_every_sample_plans_on_the_official_chinese_schedules_with_their_make_up_days():
    """2025 and 2026 as the State Council published them: the long breaks and the weekend days
    worked to make up for them (调休), which CPM counts as working days."""
    from tests.crm_impl.schedule.helpers import SAMPLE_FILES, load_sample

    make_up = [date(2025, 1, 26), date(2025, 2, 8), date(2025, 4, 27), date(2025, 9, 28), date(2025, 10, 11),
               date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28), date(2026, 5, 9), date(2026, 9, 20),
               date(2026, 10, 10)]
    breaks = [date(2025, 1, 28), date(2025, 10, 8), date(2026, 2, 16), date(2026, 9, 25), date(2026, 10, 7)]
    for path in SAMPLE_FILES:
        calendar = load_sample(path)["plan"].calendar
        assert all(calendar.is_working_day(day) for day in make_up), path.stem
        assert not any(calendar.is_working_day(day) for day in breaks), path.stem
        # The National Day week of 2025: from Friday 26 September, Sunday 28, Monday 29 and
        # Tuesday 30 are worked, 1–8 October are not, Thursday 9 is the next working day.
        assert calendar.offset_of(date(2025, 10, 9)) - calendar.offset_of(date(2025, 9, 26)) == 4
