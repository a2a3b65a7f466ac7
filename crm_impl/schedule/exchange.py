"""The exchange form of a plan, and its bridge to the crm-impl project file.

:class:`ExchangePlan` is what the schedule file formats (:mod:`crm_impl.formats.mspdi`) read
and write: calendar, phases, tasks and links, nothing else a project holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from crm_impl.errors import ValidationError
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import Schedule, compute_schedule
from crm_impl.schedule.network import Activity, Link

__all__ = [
    "IMPORTED_PHASE",
    "ExchangeTask",
    "ExchangePlan",
    "plan_from_project_file",
    "plan_to_project_file",
]

#: Phase given to tasks that have no summary task above them.
IMPORTED_PHASE: tuple[str, str] = ("imported", "Imported")


@dataclass(frozen=True, slots=True)
class ExchangeTask:
    """A task as exchanged: whole working days, progress in percent, optional estimate."""

    id: str
    name: str
    phase_key: str
    duration: int
    milestone: bool = False
    progress: int = 0
    optimistic: int | None = None
    most_likely: int | None = None
    pessimistic: int | None = None

    @property
    def has_estimate(self) -> bool:
        return None not in (self.optimistic, self.most_likely, self.pessimistic)


@dataclass(frozen=True)
class ExchangePlan:
    """A plan in exchange form.

    Attributes
    ----------
    name : str
        Project title.
    start_date : date
        Day 0 of the schedule.
    working_weekdays : tuple of int
        Monday = 0 ... Sunday = 6.
    holidays : tuple of (date, name)
    phases : tuple of (key, name)
    tasks : tuple of ExchangeTask
    links : tuple of Link
    company : str
        Client company, when known.
    """

    name: str
    start_date: date
    working_weekdays: tuple[int, ...] = (0, 1, 2, 3, 4)
    holidays: tuple[tuple[date, str], ...] = ()
    phases: tuple[tuple[str, str], ...] = ()
    tasks: tuple[ExchangeTask, ...] = ()
    links: tuple[Link, ...] = ()
    company: str = ""

    def __post_init__(self) -> None:
        # Lists in, tuples stored: two equal plans compare equal however they were built.
        object.__setattr__(self, "working_weekdays", tuple(self.working_weekdays))
        object.__setattr__(self, "holidays", tuple((d, n) for d, n in self.holidays))
        object.__setattr__(self, "phases", tuple((k, n) for k, n in self.phases))
        object.__setattr__(self, "tasks", tuple(self.tasks))
        object.__setattr__(self, "links", tuple(self.links))

    def calendar(self) -> WorkCalendar:
        """The plan's working-day calendar."""
        holidays = (day for day, _ in self.holidays)
        return WorkCalendar.from_iterables(self.start_date, self.working_weekdays, holidays)

    def activities(self) -> list[Activity]:
        """CPM activities in task order."""
        return [Activity(t.id, t.duration, milestone=t.milestone) for t in self.tasks]

    def schedule(self) -> Schedule:
        """CPM schedule of the plan (most-likely durations)."""
        return compute_schedule(self.activities(), list(self.links))


def _require(data: Mapping[str, Any], key: str, where: str) -> Any:
    try:
        return data[key]
    except (KeyError, TypeError):
        raise ValidationError("missing", f"{where}.{key}" if where else key) from None


def _iso(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValidationError(f"not a date (YYYY-MM-DD): {value!r}", where) from None


def plan_from_project_file(document: Mapping[str, Any]) -> ExchangePlan:
    """The exchange plan of a crm-impl project-file document (already parsed JSON).

    Only the schedule part is read; a missing required key raises :class:`ValidationError`
    naming it (``tasks[3].duration``).  Checking the whole document is the job of
    :func:`crm_impl.projectfile.validate_document`.
    """
    project = _require(document, "project", "")
    calendar = document.get("calendar") or {}
    tasks = []
    for i, t in enumerate(_require(document, "tasks", "")):
        where = f"tasks[{i}]"
        estimate = t.get("duration_days") or {}
        tasks.append(
            ExchangeTask(
                id=_require(t, "id", where),
                name=_require(t, "name", where),
                phase_key=_require(t, "phase", where),
                duration=_require(t, "duration", where),
                milestone=bool(t.get("milestone", False)),
                progress=int(t.get("progress", 0)),
                optimistic=estimate.get("optimistic"),
                most_likely=estimate.get("most_likely"),
                pessimistic=estimate.get("pessimistic"),
            )
        )
    holidays = []
    for i, holiday in enumerate(calendar.get("holidays", ())):
        where = f"calendar.holidays[{i}]"
        holidays.append((_iso(_require(holiday, "date", where), f"{where}.date"), holiday.get("name", "")))
    return ExchangePlan(
        name=_require(project, "title", "project"),
        start_date=_iso(_require(project, "start_date", "project"), "project.start_date"),
        working_weekdays=tuple(sorted(calendar.get("working_weekdays", (0, 1, 2, 3, 4)))),
        holidays=tuple(holidays),
        phases=tuple(
            (_require(p, "key", f"phases[{i}]"), _require(p, "name", f"phases[{i}]"))
            for i, p in enumerate(_require(document, "phases", ""))
        ),
        tasks=tuple(tasks),
        links=tuple(
            Link(
                _require(d, "pred", f"dependencies[{i}]"),
                _require(d, "succ", f"dependencies[{i}]"),
                d.get("type", "FS"),
                d.get("lag", 0),
            )
            for i, d in enumerate(document.get("dependencies", ()))
        ),
        company=str(project.get("client_company", "")),
    )


def plan_to_project_file(plan: ExchangePlan, *, client_company: str | None = None) -> dict[str, Any]:
    """A crm-impl project-file document (format version 1) holding ``plan``.

    ``client_company`` (required by the format) defaults to the plan's company, else its name.
    """
    tasks = []
    for t in plan.tasks:
        record: dict[str, Any] = {
            "id": t.id,
            "phase": t.phase_key,
            "name": t.name,
            "milestone": t.milestone,
            "duration": t.duration,
            "progress": t.progress,
        }
        if t.has_estimate:
            record["duration_days"] = {
                "optimistic": t.optimistic,
                "most_likely": t.most_likely,
                "pessimistic": t.pessimistic,
            }
        tasks.append(record)
    return {
        "format": "crm-impl-project",
        "format_version": 1,
        "project": {
            "title": plan.name or "Imported project",
            "client_company": client_company or plan.company or plan.name or "Unknown",
            "start_date": plan.start_date.isoformat(),
        },
        "calendar": {
            "working_weekdays": list(plan.working_weekdays),
            "holidays": [
                {"date": day.isoformat(), "name": name} if name else {"date": day.isoformat()}
                for day, name in plan.holidays
            ],
        },
        "phases": [{"key": k, "name": n} for k, n in plan.phases],
        "tasks": tasks,
        "dependencies": [
            {"pred": link.pred, "succ": link.succ, "type": link.type, "lag": link.lag} for link in plan.links
        ],
    }
