"""The forecast: the plan rescheduled from its status date, with what actually happened.

What MS Project calls "reschedule uncompleted work to start after the status date" and
Primavera the data date.  From a plan and a status date:

- a **finished** task (an actual finish, or 100 %) stays where it happened: from its actual
  start to its actual finish, whatever its predecessors say (facts are not rescheduled);
  finished at 100 % without dates, it keeps its planned dates if they lie before the status
  date, else it is taken to have finished the working day before it;
- a task **in progress** (an actual start, or some progress) has its remaining work,
  ``duration × (1 − progress)`` rounded up, starting on the status date (or its actual start
  when that is later);
- a task **not started** starts no earlier than the status date.

The result is again a :class:`~crm_impl.schedule.plan.Plan`, so the same CPM, charts and Monte
Carlo (which then simulates only the remaining work: a finished task's estimate is certain, a
running one's is scaled to what remains) read it.  Slip is its finish against a baseline's.

>>> from crm_impl.schedule.network import Link
>>> from crm_impl.schedule.plan import PlanTask
>>> plan = Plan("P", date(2025, 3, 3), tasks=(PlanTask("A", "A", duration=5), PlanTask("B", "B", duration=5)),
...             links=(Link("A", "B"),))
>>> plan.schedule().finish.isoformat()
'2025-03-14'
>>> late = forecast_plan(plan, date(2025, 3, 17))  # two weeks in, nothing done
>>> late.schedule().finish.isoformat()
'2025-03-28'
>>> done = replace(plan, tasks=(replace(plan.tasks[0], progress=100), plan.tasks[1]))
>>> forecast_plan(done, date(2025, 3, 10)).schedule().finish.isoformat()  # A done on time
'2025-03-14'
>>> half = replace(plan, tasks=(replace(plan.tasks[0], progress=40), plan.tasks[1]))
>>> forecast_plan(half, date(2025, 3, 10)).schedule().finish.isoformat()  # 3 days of A left
'2025-03-19'
"""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import date

from crm_impl.schedule.plan import Plan, PlanTask, ScheduledPlan

__all__ = ["forecast_plan", "forecast_schedule", "task_state"]


def task_state(task: PlanTask) -> str:
    """``"done"``, ``"running"`` or ``"waiting"``, from the task's actuals and progress."""
    if task.actual_finish is not None or task.progress >= 100:
        return "done"
    if task.actual_start is not None or task.progress > 0:
        return "running"
    return "waiting"


def forecast_plan(plan: Plan, status_date: date) -> Plan:
    """``plan`` with actuals fixed and the remaining work starting on ``status_date``."""
    calendar = plan.calendar
    status = max(0, calendar.offset_of(status_date))
    planned = None  # scheduled only when a task is done without dates
    tasks, fixed = [], set()
    # Work in progress is rescheduled from the status date, but a start-to-start link counts
    # from its actual start: the successor's floor, and the link no longer moves it.
    began = {t.id: calendar.offset_of(t.actual_start) for t in plan.tasks
             if t.actual_start is not None and task_state(t) == "running"}
    from_start = [link for link in plan.links if link.type == "SS" and link.pred in began]
    for task in plan.tasks:
        state = task_state(task)
        if state == "done":
            if task.actual_finish is None:
                if planned is None:
                    planned = plan.schedule()
                was = planned.task(task.id)
                end = min(int(was.ef), status)  # exclusive offset
                first = task.actual_start or calendar.date_at(max(0, min(int(was.es), end - task.duration)))
                last = calendar.date_at(end - 1) if end > 0 else calendar.date_at(0)
            else:
                last = task.actual_finish
                first = task.actual_start or calendar.date_at(
                    max(0, calendar.finish_offset(last) - task.duration))
            start = max(0, calendar.offset_of(first))
            end = max(start, calendar.finish_offset(last))
            duration = 0 if task.milestone else end - start
            tasks.append(replace(task, duration=duration, estimate=None, progress=100,
                                 start_no_earlier_than=calendar.date_at(start)))
            fixed.add(task.id)
        elif state == "running":
            remaining = math.ceil(task.duration * (100 - task.progress) / 100)
            begin = status
            if task.actual_start is not None:
                begin = max(begin, calendar.offset_of(task.actual_start))
            tasks.append(replace(task, duration=remaining, start_no_earlier_than=calendar.date_at(begin)))
            fixed.add(task.id)
        else:
            floor = max([status] + [began[link.pred] + link.lag for link in from_start if link.succ == task.id])
            if task.start_no_earlier_than is not None:
                floor = max(floor, calendar.offset_of(task.start_no_earlier_than))
            tasks.append(replace(task, start_no_earlier_than=calendar.date_at(floor)))
    # Work that has begun is past its predecessors: their links no longer move it.
    links = tuple(link for link in plan.links if link.succ not in fixed and link not in from_start)
    return replace(plan, tasks=tuple(tasks), links=links)


def forecast_schedule(plan: Plan, status_date: date) -> ScheduledPlan:
    """The forecast scheduled, each task dated as people read it: running work from its actual
    start (its timings are those of the remainder), finished work where it happened.

    >>> from crm_impl.schedule.plan import PlanTask
    >>> plan = Plan("P", date(2025, 3, 3), tasks=(PlanTask("A", "A", duration=5, progress=40,
    ...                                                   actual_start=date(2025, 3, 3)),))
    >>> a = forecast_schedule(plan, date(2025, 3, 10)).task("A")
    >>> a.start.isoformat(), a.finish.isoformat(), a.duration
    ('2025-03-03', '2025-03-12', 3)
    """
    scheduled = forecast_plan(plan, status_date).schedule()
    tasks = tuple(replace(t, start=min(t.start, t.task.actual_start)) if t.task.actual_start else t
                  for t in scheduled.tasks)
    return replace(scheduled, tasks=tasks)
