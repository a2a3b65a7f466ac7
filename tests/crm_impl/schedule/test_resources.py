"""Weekly load per methodology role from a scheduled plan."""

from __future__ import annotations

from dataclasses import replace

from crm_impl.schedule.resources import weekly_role_loads
from tests.crm_impl.charts.conftest import MONDAY, TASKS, small_plan


def test_weekly_role_loads_book_a_person_day_per_working_day():
    roles = {"a": ["V_PM", "E_KU"], "c": ["E_KU"], "g": ["V_PM"]}
    tasks = tuple(replace(t, roles={"R": roles.get(t.id, [])}) for t in TASKS)
    loads = weekly_role_loads(small_plan(tasks=tasks).schedule())
    assert loads == {
        "V_PM": {MONDAY: 3.0},
        "E_KU": {MONDAY: 6.0},  # a: 3 days, c: Tue–Thu 3 days
    }
