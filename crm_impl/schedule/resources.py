"""Resource load: person-days per methodology role per week, from a scheduled plan."""

from __future__ import annotations

import math
from datetime import date, timedelta

from crm_impl.schedule.plan import ScheduledPlan

__all__ = ["weekly_role_loads"]

# Float offsets (PERT te) are rounded outwards to whole working days.
_EPS = 1e-9


def weekly_role_loads(scheduled: ScheduledPlan) -> dict[str, dict[date, float]]:
    """Person-days per role per week (keyed by the week's Monday), roles in order of first use.

    Each responsible role of a task (RACI "R") is booked one person-day for every working day
    of the task.

    Examples
    --------
    >>> from crm_impl.schedule.plan import Plan, PlanTask
    >>> plan = Plan("P", date(2025, 3, 6), tasks=(PlanTask("a", "A", duration=3, roles={"R": ["V_PM"]}),))
    >>> weekly_role_loads(plan.schedule())  # Thursday, Friday, then Monday
    {'V_PM': {datetime.date(2025, 3, 3): 2.0, datetime.date(2025, 3, 10): 1.0}}
    """
    calendar = scheduled.calendar
    loads: dict[str, dict[date, float]] = {}
    for task in scheduled.tasks:
        responsible = task.task.responsible
        if not responsible or task.duration <= 0:
            continue
        first, last = math.floor(task.es + _EPS), math.ceil(task.ef - _EPS)
        for offset in range(first, last):
            day = calendar.date_at(offset)
            week = day - timedelta(days=day.weekday())
            for role in responsible:
                per_week = loads.setdefault(role, {})
                per_week[week] = per_week.get(week, 0.0) + 1.0
    return {role: dict(sorted(weeks.items())) for role, weeks in loads.items()}
