"""Read a schedule from a project dict (a parsed JSON file) and flatten results for export.

Accepted layout (unknown keys are ignored, so full sample project files load as they are)::

    {"start_date": "2025-03-03",                       # optional, default today
     "calendar": {"weekdays": [0, 1, 2, 3, 4],         # optional; a string is a description
                  "holidays": ["2025-05-01"]},
     "tasks": [{"id": "A", "duration": 5},             # or "duration_days":
               {"id": "B", "duration_days": {"optimistic": 2, "most_likely": 3,
                                             "pessimistic": 6},
                "milestone": false,
                "start_no_earlier_than": 4,            # offset or ISO date
                "finish_no_later_than": "2025-04-30",  # offset (exclusive) or ISO date
                "predecessors": [{"pred": "A", "type": "SS", "lag": 2}]}],
     "dependencies": [{"pred": "A", "succ": "B", "type": "FS", "lag": 0}]}

Every error is a :class:`ValidationError` whose ``field`` is the path in that layout.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from crm_impl.errors import ValidationError
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import Schedule
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.montecarlo import RiskEvent
from crm_impl.schedule.network import Activity, Link, Network, build_network

__all__ = ["from_project_file", "ProjectPlan", "parse_project", "schedule_records"]

_ESTIMATE_KEYS = ("optimistic", "most_likely", "pessimistic")


@dataclass(frozen=True)
class ProjectPlan:
    """What a project file says about the schedule.

    Attributes
    ----------
    activities, links : tuple
        Engine input; most-likely durations for tasks given with ``duration_days``.
    estimates : Mapping[str, ThreePoint]
        Every task's three-point estimate (exact for a plain ``duration``).
    calendar : WorkCalendar
    link_fields : tuple of str
        Where each link came from (``dependencies[3]`` or ``tasks[5].predecessors[0]``).
    risks : tuple of RiskEvent
        Risk events for Monte Carlo: ``risks: [{id, probability, delay_days, tasks}]``.
    """

    activities: tuple[Activity, ...]
    links: tuple[Link, ...]
    estimates: Mapping[str, ThreePoint]
    calendar: WorkCalendar
    link_fields: tuple[str, ...]
    risks: tuple[RiskEvent, ...] = ()

    def network(self) -> Network:
        """Validate and compile the network; errors name the file's own field paths."""
        return build_network(self.activities, self.links, link_field=self.link_fields.__getitem__)


def _mapping(value: Any, field: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ValidationError(f"must be an object, got {type(value).__name__}", field)
    return value


def _list(value: Any, field: str) -> Sequence[Any]:
    if not isinstance(value, list):
        raise ValidationError(f"must be a list, got {type(value).__name__}", field)
    return value


def _date(value: Any, field: str) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValidationError(f"must be an ISO date (YYYY-MM-DD), got {value!r}", field)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"must be an ISO date (YYYY-MM-DD), got {value!r}", field) from None


def _calendar(data: Mapping[str, Any], today: date) -> WorkCalendar:
    start = _date(data["start_date"], "start_date") if data.get("start_date") is not None else today
    raw = data.get("calendar")
    if raw is None or isinstance(raw, str):  # sample files describe the calendar in words
        return WorkCalendar(start)
    raw = _mapping(raw, "calendar")
    weekdays = _list(raw.get("weekdays", [0, 1, 2, 3, 4]), "calendar.weekdays")
    for i, day in enumerate(weekdays):
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 6:
            raise ValidationError(
                f"must be a weekday number 0 (Monday) to 6 (Sunday), got {day!r}", f"calendar.weekdays[{i}]"
            )
    if not weekdays:
        raise ValidationError("at least one weekday must be a working day", "calendar.weekdays")
    holidays = _list(raw.get("holidays", []), "calendar.holidays")
    days = [_date(h, f"calendar.holidays[{i}]") for i, h in enumerate(holidays)]
    return WorkCalendar.from_iterables(start, weekdays, days)


def _whole(value: Any) -> Any:
    """JSON writers may emit 5.0 for 5: accept integral floats; the engine checks the rest."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _offset(value: Any, field: str, to_offset: Callable[[date], int]) -> Any:
    """An ISO date string becomes a working-day offset; anything else goes to the engine as is."""
    if isinstance(value, str):
        return to_offset(_date(value, field))
    return _whole(value)


def _estimate(task: Mapping[str, Any], field: str) -> tuple[Any, ThreePoint | None]:
    """(most-likely duration for CPM, three-point estimate or None for a plain duration)."""
    has_plain, has_three = "duration" in task, "duration_days" in task
    if has_plain == has_three:
        raise ValidationError("give either duration or duration_days", field)
    if has_plain:
        return _whole(task["duration"]), None
    raw = _mapping(task["duration_days"], f"{field}.duration_days")
    for key in _ESTIMATE_KEYS:
        if key not in raw:
            raise ValidationError("is required", f"{field}.duration_days.{key}")
    try:
        estimate = ThreePoint(*(raw[key] for key in _ESTIMATE_KEYS))
    except ValidationError as exc:
        raise ValidationError(exc.reason, f"{field}.duration_days.{exc.field}") from None
    most_likely = _whole(raw["most_likely"])
    if not isinstance(most_likely, int):
        raise ValidationError(
            f"must be a whole number of working days (CPM uses it), got {most_likely!r}",
            f"{field}.duration_days.most_likely",
        )
    return most_likely, estimate


def _link(raw: Any, field: str, succ: Any = None) -> Link:
    raw = _mapping(raw, field)
    if "pred" not in raw:
        raise ValidationError("is required", f"{field}.pred")
    if succ is None:
        if "succ" not in raw:
            raise ValidationError("is required", f"{field}.succ")
        succ = raw["succ"]
    kind = raw.get("type", "FS")
    return Link(raw["pred"], succ, kind.upper() if isinstance(kind, str) else kind, _whole(raw.get("lag", 0)))


def parse_project(data: Any, *, today: date | None = None) -> ProjectPlan:
    """Read the schedule part of a project dict.

    Parameters
    ----------
    data : Mapping
        A parsed project file; only ``tasks`` is required.
    today : date, optional
        Start date when the file has none (default: the current date).

    Raises
    ------
    ValidationError
        With ``field`` set to the path of the offending value.

    Examples
    --------
    >>> plan = parse_project({"start_date": "2025-03-03", "tasks": [
    ...     {"id": "A", "duration": 2},
    ...     {"id": "B", "duration_days": {"optimistic": 1, "most_likely": 2, "pessimistic": 4},
    ...      "predecessors": [{"pred": "A"}]}]})
    >>> [(a.id, a.duration) for a in plan.activities], plan.links
    ([('A', 2), ('B', 2)], (Link(pred='A', succ='B', type='FS', lag=0),))
    """
    if not isinstance(data, Mapping):
        raise ValidationError(f"a project file must be a JSON object, got {type(data).__name__}")
    calendar = _calendar(data, today or date.today())
    if "tasks" not in data:
        raise ValidationError("is required", "tasks")
    tasks = _list(data["tasks"], "tasks")
    if not tasks:
        raise ValidationError("must list at least one task", "tasks")

    activities: list[Activity] = []
    estimates: dict[str, ThreePoint] = {}
    links: list[Link] = []
    link_fields: list[str] = []
    for i, raw in enumerate(tasks):
        field = f"tasks[{i}]"
        task = _mapping(raw, field)
        if "id" not in task:
            raise ValidationError("is required", f"{field}.id")
        task_id = task["id"]
        duration, estimate = _estimate(task, field)
        activities.append(
            Activity(
                id=task_id,
                duration=duration,
                milestone=task.get("milestone", False),
                start_no_earlier_than=_offset(
                    task.get("start_no_earlier_than"), f"{field}.start_no_earlier_than", calendar.offset_of
                ),
                finish_no_later_than=_offset(
                    task.get("finish_no_later_than"), f"{field}.finish_no_later_than", calendar.finish_offset
                ),
            )
        )
        if isinstance(task_id, str):
            if estimate is None and isinstance(duration, int) and not isinstance(duration, bool) and duration >= 0:
                estimate = ThreePoint.exact(duration)
            if estimate is not None:
                estimates[task_id] = estimate
        for j, pred in enumerate(_list(task.get("predecessors", []), f"{field}.predecessors")):
            link_fields.append(f"{field}.predecessors[{j}]")
            links.append(_link(pred, link_fields[-1], succ=task_id))
    for k, raw in enumerate(_list(data.get("dependencies", []), "dependencies")):
        link_fields.append(f"dependencies[{k}]")
        links.append(_link(raw, link_fields[-1]))
    return ProjectPlan(
        activities=tuple(activities),
        links=tuple(links),
        estimates=estimates,
        calendar=calendar,
        link_fields=tuple(link_fields),
        risks=_risks(data.get("risks", [])),
    )


def _risks(raw: Any) -> tuple[RiskEvent, ...]:
    risks = []
    for i, item in enumerate(_list(raw, "risks")):
        item = _mapping(item, f"risks[{i}]")
        for key in ("probability", "delay_days", "tasks"):
            if key not in item:
                raise ValidationError("is required", f"risks[{i}].{key}")
        try:
            risks.append(RiskEvent(str(item.get("id", i)), item["probability"], item["delay_days"],
                                   tuple(_list(item["tasks"], f"risks[{i}].tasks"))))
        except ValidationError as exc:
            raise ValidationError(exc.reason, f"risks[{i}].{exc.field}") from None
    return tuple(risks)


def schedule_records(schedule: Schedule, calendar: WorkCalendar) -> list[dict[str, Any]]:
    """One flat record per task, in input order, with calendar dates.

    Keys: ``id, es, ef, ls, lf, slack, free_slack, critical, start, finish`` (``start`` and
    ``finish`` are :class:`datetime.date`; ``finish`` is the last working day, inclusive).
    """
    records = []
    for timing in schedule.tasks.values():
        records.append(
            {
                "id": timing.id,
                "es": timing.es,
                "ef": timing.ef,
                "ls": timing.ls,
                "lf": timing.lf,
                "slack": timing.total_slack,
                "free_slack": timing.free_slack,
                "critical": timing.critical,
                "start": calendar.start_date(timing.es),
                "finish": calendar.finish_date(timing.ef, timing.duration),
            }
        )
    return records


def from_project_file(data: Any) -> Any:
    """A crm-impl project file (``"format": "crm-impl-project"``) in the schedule-file layout.

    Anything else is returned unchanged.  A task keeps its three-point estimate when its
    most-likely value is the planned ``duration``, else the plain ``duration`` is scheduled.
    """
    if not (isinstance(data, dict) and data.get("format") == "crm-impl-project"):
        return data
    project = data.get("project") if isinstance(data.get("project"), dict) else {}
    calendar = data.get("calendar") if isinstance(data.get("calendar"), dict) else {}
    out: dict[str, Any] = {
        "calendar": {
            "weekdays": calendar.get("working_weekdays", [0, 1, 2, 3, 4]),
            "holidays": [h.get("date") if isinstance(h, dict) else h for h in calendar.get("holidays", [])],
        },
        "dependencies": data.get("dependencies", []),
    }
    if "start_date" in project:
        out["start_date"] = project["start_date"]
    if "tasks" in data:
        tasks = []
        for task in data["tasks"] if isinstance(data["tasks"], list) else []:
            if not isinstance(task, dict):
                tasks.append(task)
                continue
            task = dict(task)
            estimate = task.get("duration_days")
            if "duration" in task and estimate is not None:
                if isinstance(estimate, dict) and estimate.get("most_likely") == task["duration"]:
                    del task["duration"]
                else:
                    del task["duration_days"]
            tasks.append(task)
        out["tasks"] = tasks
    return out
