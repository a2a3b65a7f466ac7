"""The plan: the one shape a schedule travels in, before and after CPM.

:class:`Plan` is what every source of a schedule produces — a stored project
(:mod:`crm_impl.operations.planning`), a project file (:mod:`crm_impl.projectfile.plan`), an
MS Project XML file (:mod:`crm_impl.formats.mspdi`) — and :meth:`Plan.schedule` turns it into
a :class:`ScheduledPlan`: every task with its CPM timings *and its dates*, computed once by the
calendar's one rule (:meth:`WorkCalendar.task_dates`).  Pages, charts, reports, the command
line and the file formats all read that.

>>> plan = Plan("Pilot", date(2025, 3, 7), phases=(PlanPhase("P1", "Preparation"),),
...             tasks=(PlanTask("A", "Assess", "P1", 2), PlanTask("G", "Gate", "P1", 0, milestone=True)),
...             links=(Link("A", "G"),))
>>> s = plan.schedule()
>>> [(t.id, t.start.isoformat(), t.finish.isoformat(), t.critical) for t in s.tasks]
[('A', '2025-03-07', '2025-03-10', True), ('G', '2025-03-10', '2025-03-10', True)]
>>> s.duration, s.finish.isoformat()  # the gate at the end of A's last day, as MS Project has it
(2, '2025-03-10')
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np

from crm_impl.errors import ValidationError
from crm_impl.i18n import is_chinese
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import Schedule, schedule_network
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.network import Activity, Link, Network, build_network

#: Tolerance when float offsets are compared.
_EPS = 1e-9

__all__ = ["PlanPhase", "PlanTask", "Plan", "ScheduledTask", "ScheduledPlan", "localized_name", "weighted_progress"]


def localized_name(name: str, name_zh: str, locale: object) -> str:
    """``name_zh`` for a (Simplified) Chinese locale when there is one, else ``name``.

    >>> localized_name("Gate", "关口", "zh_Hans"), localized_name("Gate", "", "zh_Hans")
    ('关口', 'Gate')
    """
    return name_zh if name_zh and is_chinese(locale) else name


def weighted_progress(tasks: Sequence[Any]) -> float:
    """Share of the planned work done (0..1): progress weighted by duration, a milestone counting
    as one day.  Anything with ``duration``, ``milestone`` and ``progress`` (percent) will do: a
    :class:`PlanTask` or a stored task.

    >>> weighted_progress([PlanTask("A", "A", duration=3, progress=50), PlanTask("B", "B", duration=2)])
    0.3
    """
    weights = [(max(t.duration, 1 if t.milestone else 0), t.progress / 100) for t in tasks]
    total = sum(w for w, _ in weights)
    return sum(w * p for w, p in weights) / total if total else 0.0


@dataclass(frozen=True, slots=True)
class PlanPhase:
    """A phase of the plan (a summary row in MS Project)."""

    key: str
    name: str
    name_zh: str = ""

    def label(self, locale: object = "en") -> str:
        return localized_name(self.name or self.key, self.name_zh, locale)


@dataclass(frozen=True, slots=True)
class PlanTask:
    """A task as planned: what the schedule, its views and the file formats need of it.

    ``duration`` is whole working days (the most likely value); ``estimate`` the optional
    three-point estimate; ``roles`` the RACI roles ``{"R": [...], "A": id, "C": [...]}``;
    ``gate`` the id of the quality gate the task stands for (a milestone), or ``""``.
    """

    id: str
    name: str
    phase: str = ""
    duration: int = 0
    milestone: bool = False
    name_zh: str = ""
    estimate: ThreePoint | None = None
    progress: int = 0
    roles: Mapping[str, Any] = field(default_factory=dict)
    start_no_earlier_than: date | None = None
    finish_no_later_than: date | None = None
    budget: float = 0.0
    actual_cost: float | None = None
    actual_start: date | None = None
    actual_finish: date | None = None
    gate: str = ""

    def label(self, locale: object = "en") -> str:
        """The task's name in the reader's language (its id when it has no name)."""
        return localized_name(self.name or self.id, self.name_zh, locale)

    @property
    def responsible(self) -> tuple[str, ...]:
        """The roles that do the work (RACI "R"), in order."""
        return tuple(self.roles.get("R") or ())

    def three_point(self) -> ThreePoint:
        """The estimate the simulation uses: always centred on the planned duration.

        A certain estimate when there is none; the three-point estimate as it is when its most
        likely value is the planned duration; otherwise (the duration was changed after the
        estimate) the estimate moved to the plan, scaled in proportion.

        >>> PlanTask("a", "A", duration=10, estimate=ThreePoint(3, 5, 8)).three_point()
        ThreePoint(optimistic=6.0, most_likely=10.0, pessimistic=16.0)
        """
        e, d = self.estimate, self.duration
        if e is None:
            return ThreePoint.exact(d)
        if e.most_likely == d:
            return e
        if e.most_likely > 0:
            factor = d / e.most_likely
            return ThreePoint(e.optimistic * factor, float(d), e.pessimistic * factor)
        return ThreePoint(float(d), float(d), float(d + e.pessimistic))


@dataclass(frozen=True, eq=True)
class Plan:
    """A schedule's input: calendar, phases, tasks (plan order) and their links.

    ``holidays`` and ``working_days`` (make-up days worked on a weekend, 调休) are
    ``(date, name)`` pairs so a file format can write their names back.
    """

    title: str
    start: date
    working_weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    holidays: tuple[tuple[date, str], ...] = ()
    phases: tuple[PlanPhase, ...] = ()
    tasks: tuple[PlanTask, ...] = ()
    links: tuple[Link, ...] = ()
    company: str = ""
    working_days: tuple[tuple[date, str], ...] = ()

    def __post_init__(self) -> None:
        # Lists in, tuples stored: two equal plans compare equal however they were built.
        object.__setattr__(self, "working_weekdays", tuple(self.working_weekdays))
        object.__setattr__(self, "holidays", tuple((d, n) for d, n in self.holidays))
        object.__setattr__(self, "working_days", tuple((d, n) for d, n in self.working_days))
        object.__setattr__(self, "phases", tuple(self.phases))
        object.__setattr__(self, "tasks", tuple(self.tasks))
        object.__setattr__(self, "links", tuple(self.links))

    @cached_property
    def calendar(self) -> WorkCalendar:
        """The plan's working-day calendar (day 0 = the first working day from ``start``)."""
        return WorkCalendar.from_iterables(self.start, self.working_weekdays, (d for d, _ in self.holidays),
                                           (d for d, _ in self.working_days))

    def phase(self, key: str) -> PlanPhase:
        """The phase ``key``; a task of an unlisted phase gets one named by its key."""
        return next((p for p in self.phases if p.key == key), PlanPhase(key, key))

    def activities(self) -> list[Activity]:
        """CPM activities in task order, date constraints as working-day offsets."""
        calendar = self.calendar
        return [
            Activity(
                t.id,
                t.duration,
                milestone=t.milestone,
                start_no_earlier_than=calendar.offset_of(t.start_no_earlier_than) if t.start_no_earlier_than else None,
                finish_no_later_than=calendar.finish_offset(t.finish_no_later_than) if t.finish_no_later_than else None,
            )
            for t in self.tasks
        ]

    @cached_property
    def network(self) -> Network:
        """The validated network; errors name ``tasks[i]`` and ``dependencies[i]`` fields."""
        return build_network(self.activities(), self.links)

    def estimates(self) -> dict[str, ThreePoint]:
        """Every task's three-point estimate (certain at its duration when it has none)."""
        return {t.id: t.three_point() for t in self.tasks}

    def schedule(self, durations: np.ndarray | Sequence[float] | None = None) -> ScheduledPlan:
        """CPM on the plan (planned durations, or ``durations`` such as PERT ``te``)."""
        return ScheduledPlan.of(self, schedule_network(self.network, durations))


@dataclass(frozen=True, slots=True)
class ScheduledTask:
    """A task with its CPM timings (working-day offsets, finish exclusive) and its dates.

    ``start`` is the first and ``finish`` the last working day (a milestone's own day for both).
    A milestone reached by the finish of its predecessor (FS or FF) sits at the end of that
    predecessor's last day, as MS Project dates it (``at_day_end``); one placed by a start, a
    constraint or the project start sits at the beginning of its day.
    """

    task: PlanTask
    duration: int | float
    es: int | float
    ef: int | float
    ls: int | float
    lf: int | float
    total_slack: int | float
    free_slack: int | float
    critical: bool
    start: date
    finish: date
    at_day_end: bool = False

    @property
    def id(self) -> str:
        return self.task.id

    @property
    def milestone(self) -> bool:
        return self.task.milestone

    @property
    def is_point(self) -> bool:
        """Drawn as a diamond: a milestone or any zero-duration task."""
        return self.task.milestone or self.duration == 0

    def label(self, locale: object = "en") -> str:
        return self.task.label(locale)


@dataclass(frozen=True, eq=False)
class ScheduledPlan:
    """The result of :meth:`Plan.schedule`: the plan, the engine's arrays, and every task dated."""

    plan: Plan
    schedule: Schedule
    tasks: tuple[ScheduledTask, ...]

    @classmethod
    def of(cls, plan: Plan, schedule: Schedule) -> ScheduledPlan:
        calendar = plan.calendar
        columns = (schedule.durations, schedule.es, schedule.ef, schedule.ls, schedule.lf,
                   schedule.total_slack, schedule.free_slack)
        rows = zip(plan.tasks, *(c.tolist() for c in columns), schedule.critical.tolist(), strict=True)
        ef_of = dict(zip((t.id for t in plan.tasks), schedule.ef.tolist(), strict=True))
        finish_driven = {
            link.succ for link in plan.links
            if link.type in ("FS", "FF") and abs(ef_of[link.pred] + link.lag - ef_of[link.succ]) < _EPS
        }
        tasks = []
        for task, d, es, ef, ls, lf, slack, free, critical in rows:
            start, finish = calendar.task_dates(es, ef)
            day_end = ef - es < _EPS and es >= 1 - _EPS and task.id in finish_driven
            if day_end:  # the predecessor's last working day, not the next one
                start = finish = calendar.date_at(math.ceil(es - _EPS) - 1)
            tasks.append(ScheduledTask(task, d, es, ef, ls, lf, slack, free, critical, start, finish, day_end))
        return cls(plan=plan, schedule=schedule, tasks=tuple(tasks))

    @cached_property
    def _by_id(self) -> dict[str, ScheduledTask]:
        return {t.id: t for t in self.tasks}

    def task(self, task_id: str) -> ScheduledTask:
        """The scheduled task ``task_id``."""
        try:
            return self._by_id[task_id]
        except KeyError:
            raise ValidationError("unknown task %(task)r", "task", task=task_id) from None

    def __contains__(self, task_id: object) -> bool:
        return task_id in self._by_id

    @property
    def calendar(self) -> WorkCalendar:
        return self.plan.calendar

    @property
    def duration(self) -> int | float:
        """Project duration ``T`` in working days."""
        return self.schedule.project_duration

    @property
    def finish(self) -> date:
        """The last date anything happens (a closing milestone included); the start when empty."""
        return max((t.finish for t in self.tasks), default=self.calendar.date_at(0))

    @property
    def critical_path(self) -> tuple[str, ...]:
        return self.schedule.critical_path
