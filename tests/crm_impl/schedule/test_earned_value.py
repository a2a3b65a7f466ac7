"""Earned value on hand-computed cases."""

from datetime import date

import pytest

from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.earned_value import EvTask, earned_value, planned_fraction

CAL = WorkCalendar(date(2025, 3, 3), holidays=frozenset({date(2025, 3, 12)}))  # Mon 3 March


def test_planned_value_accrues_over_working_days_only():
    task = EvTask("a", 1000.0, 0, date(2025, 3, 6), date(2025, 3, 13))  # Thu..Thu, 5 working days
    assert planned_fraction(task, date(2025, 3, 5), CAL) == 0.0
    assert planned_fraction(task, date(2025, 3, 6), CAL) == pytest.approx(0.2)
    assert planned_fraction(task, date(2025, 3, 8), CAL) == pytest.approx(0.4)  # Saturday: as Friday
    assert planned_fraction(task, date(2025, 3, 12), CAL) == pytest.approx(0.8)  # holiday: as Tuesday (6,7,10,11)
    assert planned_fraction(task, date(2025, 3, 13), CAL) == 1.0
    assert planned_fraction(task, date(2026, 1, 1), CAL) == 1.0


def test_indices_at_a_status_date():
    tasks = [
        EvTask("done", 400.0, 100, date(2025, 3, 3), date(2025, 3, 6), actual_cost=500.0),
        EvTask("half", 600.0, 50, date(2025, 3, 7), date(2025, 3, 14), actual_cost=200.0),
        EvTask("later", 1000.0, 0, date(2025, 3, 17), date(2025, 3, 21)),
        EvTask("no baseline", 50.0, 0),
    ]
    result = earned_value(tasks, date(2025, 3, 10), CAL)
    # half: baseline working days 7,10,11,13,14 (12 is a holiday) -> 2 of 5 done by the 10th
    assert result.bac == 2050.0
    assert result.pv == pytest.approx(400 + 600 * 2 / 5)
    assert result.ev == pytest.approx(400 + 300)
    assert result.ac == 700.0
    assert result.sv == pytest.approx(700 - 640)
    assert result.cv == pytest.approx(0.0)
    assert result.spi == pytest.approx(700 / 640)
    assert result.cpi == pytest.approx(1.0)
    assert result.eac == pytest.approx(2050.0)


def test_no_cost_yet_means_no_cost_index():
    result = earned_value([EvTask("a", 100.0, 0, date(2025, 3, 3), date(2025, 3, 3))], date(2025, 3, 1), CAL)
    assert result.pv == 0 and result.spi is None and result.cpi is None and result.eac is None
