"""Editing the plan: tasks of a phase and the links to their predecessors."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from dataclasses import fields as dataclass_fields
from datetime import date

from sqlalchemy.orm import Session

from crm_impl.db.locking import apply_changes, check_version
from crm_impl.errors import ValidationError
from crm_impl.models import Dependency, LinkType, Phase, Project, Task
from crm_impl.limits import MAX_DURATION_DAYS, check_date
from crm_impl.operations.planning import plan_schedule, project_plan
from crm_impl.schedule.estimates import rescaled_days
from crm_impl.schedule.cpm import check_span
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import PlanTask

__all__ = [
    "PredecessorDraft",
    "TaskDraft",
    "add_task",
    "update_task",
    "delete_task",
    "update_phase",
    "parse_predecessors",
    "predecessor_notations",
    "resolve_predecessor",
    "set_predecessors",
    "reschedule_task",
    "progress_as_planned",
]


@dataclass(frozen=True)
class PredecessorDraft:
    task: str  # key of the predecessor task
    type: str = "FS"
    lag: int = 0
    #: The item as written (``KICKOFF``, ``R02SS+2``): a task id ending like a link type is
    #: recognised by :func:`resolve_predecessor` against the plan's ids.
    notation: str = field(default="", compare=False)


@dataclass
class TaskDraft:
    key: str
    phase_key: str
    name: str
    duration: int
    name_zh: str = ""
    milestone: bool = False
    optimistic: int | None = None
    most_likely: int | None = None
    pessimistic: int | None = None
    deliverable: str = ""
    progress: int = 0
    actual_start: date | None = None
    actual_finish: date | None = None
    start_no_earlier_than: date | None = None
    finish_no_later_than: date | None = None
    budget: float = 0.0
    actual_cost: float | None = None
    predecessors: list[PredecessorDraft] = field(default_factory=list)

    @classmethod
    def of(cls, task: Task) -> TaskDraft:
        """The draft that would leave ``task`` as it is (its predecessors not included)."""
        names = [f.name for f in dataclass_fields(cls) if f.name not in ("phase_key", "predecessors")]
        return cls(phase_key=task.phase.key, **{name: getattr(task, name) for name in names})

    def fields(self, project: Project) -> dict:
        if not self.key.strip():
            raise ValidationError("is required", field="key")
        if not self.name.strip():
            raise ValidationError("is required", field="name")
        phase = next((p for p in project.phases if p.key == self.phase_key), None)
        if phase is None:
            raise ValidationError("unknown phase %(phase)r", field="phase", phase=self.phase_key)
        if not 0 <= self.duration <= MAX_DURATION_DAYS:
            raise ValidationError("must be from 0 to %(limit)s working days", field="duration", limit=MAX_DURATION_DAYS)
        if self.milestone and self.duration != 0:
            raise ValidationError("a milestone has duration 0", field="duration")
        estimate = (self.optimistic, self.most_likely, self.pessimistic)
        if any(v is not None for v in estimate):
            if any(v is None for v in estimate):
                raise ValidationError("give all three estimates or none", field="optimistic")
            if not 0 <= self.optimistic <= self.most_likely <= self.pessimistic:
                raise ValidationError(
                    "needs 0 <= optimistic <= most likely <= pessimistic", field="most_likely"
                )
            if self.pessimistic > MAX_DURATION_DAYS:
                raise ValidationError("must be from 0 to %(limit)s working days", field="pessimistic",
                                      limit=MAX_DURATION_DAYS)
        if not 0 <= self.progress <= 100:
            raise ValidationError("must be between 0 and 100", field="progress")
        for name in ("actual_start", "actual_finish", "start_no_earlier_than", "finish_no_later_than"):
            if getattr(self, name) is not None:
                check_date(getattr(self, name), name)
        if self.actual_start and self.actual_finish and self.actual_finish < self.actual_start:
            raise ValidationError("is before the actual start", field="actual_finish")
        if self.budget < 0:
            raise ValidationError("must not be negative", field="budget")
        if self.actual_cost is not None and self.actual_cost < 0:
            raise ValidationError("must not be negative", field="actual_cost")
        return {
            "key": self.key.strip(),
            "phase": phase,
            "name": self.name.strip(),
            "name_zh": self.name_zh.strip(),
            "milestone": self.milestone,
            "duration": self.duration,
            "optimistic": self.optimistic,
            "most_likely": self.most_likely,
            "pessimistic": self.pessimistic,
            "deliverable": self.deliverable.strip(),
            "progress": self.progress,
            "actual_start": self.actual_start,
            "actual_finish": self.actual_finish,
            "start_no_earlier_than": self.start_no_earlier_than,
            "finish_no_later_than": self.finish_no_later_than,
            "budget": float(self.budget),
            "actual_cost": None if self.actual_cost is None else float(self.actual_cost),
        }


def resolve_predecessor(pred: PredecessorDraft, known: set[str]) -> PredecessorDraft:
    """A plain link to a task whose id merely ends like a link type (``KICKOFF``, ``PROCESS``)."""
    whole = pred.notation.replace(" ", "")
    if whole and whole in known and pred.task not in known:
        return PredecessorDraft(task=whole, notation=pred.notation)
    return pred


def _checked_predecessors(
    project: Project, task: Task | None, key: str, predecessors: list[PredecessorDraft]
) -> list[tuple[Task, PredecessorDraft]]:
    """The predecessor tasks of the task ``key`` (``task`` itself, or ``None`` for a new one).

    Refuses unknown tasks, duplicates, a link to itself and a cycle, before anything changes.
    """
    by_key = {t.key: t for t in project.tasks if t is not task}
    seen: set[str] = set()
    links = []
    for i, pred in enumerate(predecessors):
        where = f"predecessors[{i}]"
        pred = resolve_predecessor(pred, {*by_key, key})
        if pred.task in (key, task.key if task else None):
            raise ValidationError("a task cannot depend on itself", field=where)
        if pred.task not in by_key:
            raise ValidationError("unknown task %(task)r", field=where, task=pred.task)
        if pred.task in seen:
            raise ValidationError("task %(task)r is listed twice", field=where, task=pred.task)
        if pred.type not in LinkType.__members__:
            raise ValidationError("unknown link type %(type)r (FS, SS, FF or SF)", field=where, type=pred.type)
        seen.add(pred.task)
        links.append((by_key[pred.task], pred))
    return links


def _check_schedule(project: Project, task: Task | None, values: dict, links: list[tuple[Task, PredecessorDraft]]) -> None:
    """The plan with the task as drafted must still schedule: no cycle (only an edit can close
    one: nothing depends on a new task yet) and start to finish within
    :data:`~crm_impl.limits.MAX_SPAN_DAYS`."""
    plan = project_plan(project)
    key = task.key if task is not None else values["key"]
    drafted = PlanTask(id=key, name=values["name"], duration=values["duration"], milestone=values["milestone"],
                       start_no_earlier_than=values["start_no_earlier_than"],
                       finish_no_later_than=values["finish_no_later_than"])
    tasks = [drafted if t.id == key else t for t in plan.tasks] if task is not None else [*plan.tasks, drafted]
    others = [link for link in plan.links if link.succ != key]
    new = (Link(p.key, key, d.type, d.lag) for p, d in links)
    check_span(replace(plan, tasks=tuple(tasks), links=(*others, *new)).schedule().schedule, field="duration")


def set_predecessors(project: Project, task: Task, links: list[tuple[Task, PredecessorDraft]]) -> None:
    """Replace the task's incoming links with checked ``links``."""
    keys = {pred_task.key for pred_task, _ in links}
    current = {d.pred.key: d for d in project.dependencies if d.succ is task}
    for key, dependency in current.items():
        if key not in keys:
            project.dependencies.remove(dependency)
    for pred_task, pred in links:
        dependency = current.get(pred_task.key)
        if dependency is None:
            project.dependencies.append(
                Dependency(pred=pred_task, succ=task, type=LinkType(pred.type), lag=pred.lag)
            )
        else:
            dependency.type, dependency.lag = LinkType(pred.type), pred.lag


def add_task(session: Session, project: Project, draft: TaskDraft) -> Task:
    """Add a task with its predecessors; nothing changes when anything is refused."""
    values = draft.fields(project)
    if any(t.key == values["key"] for t in project.tasks):
        raise ValidationError("task id %(task)r exists already", field="key", task=values["key"])
    links = _checked_predecessors(project, None, values["key"], draft.predecessors)
    _check_schedule(project, None, values, links)
    task = Task(position=max((t.position for t in project.tasks), default=-1) + 1, roles={}, **values)
    project.tasks.append(task)
    set_predecessors(project, task, links)
    session.flush()
    return task


def update_task(project: Project, task: Task, expected_version: int | None, draft: TaskDraft) -> None:
    """Apply an edit of ``task`` made from ``expected_version``; nothing changes when it is refused."""
    values = draft.fields(project)
    if values["key"] != task.key and any(t.key == values["key"] for t in project.tasks):
        raise ValidationError("task id %(task)r exists already", field="key", task=values["key"])
    check_version(task, expected_version)
    estimate = (values["optimistic"], values["most_likely"], values["pessimistic"])
    if (values["duration"] != task.duration and task.most_likely is not None
            and estimate == (task.optimistic, task.most_likely, task.pessimistic)):
        # The duration moved and the estimate was not edited with it: the estimate follows, so
        # PERT and Monte Carlo simulate the plan as it is (and the table shows what they use).
        o, m, p = rescaled_days(*estimate, values["duration"])
        values["optimistic"], values["most_likely"], values["pessimistic"] = o, m, min(p, MAX_DURATION_DAYS)
    links = _checked_predecessors(project, task, values["key"], draft.predecessors)
    _check_schedule(project, task, values, links)
    apply_changes(task, expected_version, values)
    set_predecessors(project, task, links)


def delete_task(session: Session, project: Project, task: Task, reconnect: bool = True) -> list[tuple[str, str]]:
    """Delete ``task`` and its links; returns the links made in its place.

    With ``reconnect`` (MS Project's autolink), each finish-to-start predecessor is linked to each
    finish-to-start successor, with the two lags added, so the work after a deleted task keeps
    waiting for the work before it instead of jumping to the project start.
    """
    into = [d for d in project.dependencies if d.succ is task]
    out = [d for d in project.dependencies if d.pred is task]
    existing = {(d.pred.key, d.succ.key) for d in project.dependencies}
    made: list[tuple[str, str]] = []
    if reconnect:
        for before in (d for d in into if d.type is LinkType.FS):
            for after in (d for d in out if d.type is LinkType.FS):
                pair = (before.pred.key, after.succ.key)
                if pair[0] != pair[1] and pair not in existing:
                    project.dependencies.append(Dependency(pred=before.pred, succ=after.succ, type=LinkType.FS,
                                                           lag=before.lag + after.lag))
                    existing.add(pair)
                    made.append(pair)
    for dependency in into + out:
        project.dependencies.remove(dependency)
    project.tasks.remove(task)
    session.delete(task)
    return made


def update_phase(phase: Phase, expected_version: int | None, name: str, name_zh: str) -> None:
    if not name.strip():
        raise ValidationError("is required", field="name")
    apply_changes(phase, expected_version, {"name": name.strip(), "name_zh": name_zh.strip()})


_PREDECESSOR = re.compile(r"^(?P<task>.+?)(?:(?P<type>FS|SS|FF|SF)(?P<lag>[+-]\d+)?)?$", re.IGNORECASE)


def parse_predecessors(text: str) -> list[PredecessorDraft]:
    """Parse MS Project's predecessor notation: ``R01, R02SS+2, R03FF-1`` (FS, lag 0 by default)."""
    drafts = []
    for i, item in enumerate(part.strip() for part in (text or "").split(",")):
        if not item:
            continue
        match = _PREDECESSOR.match(item.replace(" ", ""))
        if match is None:  # pragma: no cover - the pattern accepts any non-empty text
            raise ValidationError("cannot read %(item)r", field="predecessors", item=item)
        lag = match["lag"]
        stray_lag = re.search(r"[+-]\d+$", match["task"])
        if match["type"] is None and stray_lag:
            raise ValidationError(
                "%(item)r: a lag needs a link type, e.g. %(example)s", field="predecessors", item=item,
                example=f"{match['task'][: stray_lag.start()]}FS{stray_lag.group()}",
            )
        drafts.append(
            PredecessorDraft(task=match["task"], type=(match["type"] or "FS").upper(), lag=int(lag) if lag else 0,
                             notation=item)
        )
    return drafts


def predecessor_notations(project: Project) -> dict[int, str]:
    """Each task's incoming links in the notation :func:`parse_predecessors` reads, by task id."""
    parts: dict[int, list[str]] = {task.id: [] for task in project.tasks}
    for dependency in project.dependencies:
        notation = dependency.pred.key
        if dependency.type is not LinkType.FS or dependency.lag:
            notation += dependency.type.value + (f"{dependency.lag:+d}" if dependency.lag else "")
        parts[dependency.succ.id].append(notation)
    return {task_id: ", ".join(items) for task_id, items in parts.items()}


def reschedule_task(
    project: Project, task: Task, expected_version: int | None, duration: int, predecessors: str
) -> None:
    """The task table's inline edit: a new duration and predecessor list, everything else kept."""
    draft = replace(
        TaskDraft.of(task),
        duration=duration,
        milestone=task.milestone and duration == 0,
        predecessors=parse_predecessors(predecessors),
    )
    update_task(project, task, expected_version, draft)


def progress_as_planned(project: Project, status_date: date) -> list[str]:
    """MS Project's "Update Project": report the work planned before ``status_date`` as done on
    its planned dates, the work planned across it as started on time with the share of its days
    gone by, and make ``status_date`` the project's status date.  Progress already reported is
    never lowered and actual dates already recorded are kept.  Returns the ids of the tasks changed.
    """
    check_date(status_date, "status_date")
    plan = plan_schedule(project)
    status = plan.calendar.offset_of(status_date)
    changed = []
    for task in project.tasks:
        scheduled = plan.task(task.key)
        before = (task.progress, task.actual_start, task.actual_finish)
        if scheduled.finish < status_date:
            task.progress = 100
            task.actual_start = task.actual_start or scheduled.start
            task.actual_finish = task.actual_finish or max(scheduled.finish, task.actual_start)
        elif scheduled.start < status_date and scheduled.duration:
            task.actual_start = task.actual_start or scheduled.start
            # Rounded up: the forecast's remaining days (rounded up from the share left) are then
            # exactly the days still to go, so chained running tasks add no rounding slip.
            share = math.ceil(100 * (status - scheduled.es) / scheduled.duration)
            task.progress = max(task.progress, min(99, share))
        if (task.progress, task.actual_start, task.actual_finish) != before:
            changed.append(task.key)
    project.status_date = status_date
    return changed
