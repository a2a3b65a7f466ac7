"""Change requests: submit, assess, approve or reject, and apply an approved change to the plan.

The methodology's rule (§8.3): a change whose cost exceeds the budget reserve must be approved
by the steering committee. Here the *remaining* reserve counts, the project's
``budget_reserve`` minus the cost of the changes approved so far:

- within the remaining reserve a manager, an owner or a steering member may approve;
- above it only a member whose project role is steering may approve.

Approval applies the plan changes the request names — a new duration or budget of a task, or
days added to a task's duration as it stands at approval (``add_days``, from "Add the days to
task") — and keeps what it changed in ``applied_delta`` as ``[{"task", "field", "before", "after"}]``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_impl.db.numbering import add_numbered

from crm_impl.db.locking import check_version
from crm_impl.errors import PermissionDeniedError, ValidationError
from crm_impl.limits import MAX_AMOUNT, MAX_DURATION_DAYS
from crm_impl.models import ChangeRequest, ChangeStatus, MemberRole, Project, Task, User
from crm_impl.operations.planning import project_plan
from crm_impl.permissions import Action, allowed, membership_of
from crm_impl.schedule.cpm import check_span
from crm_impl.schedule.estimates import rescaled_days

__all__ = [
    "ChangeDraft",
    "PlanChange",
    "Assessment",
    "parse_plan_changes",
    "format_plan_changes",
    "submit_change",
    "assess_change",
    "remaining_reserve",
    "needs_steering",
    "approve_change",
    "reject_change",
    "approved_change_cost",
    "may_approve",
    "unapplied_days",
]


@dataclass
class ChangeDraft:
    title: str
    description: str = ""
    requester: str = ""

    def fields(self) -> dict:
        if not self.title.strip():
            raise ValidationError("is required", field="title")
        if len(self.title.strip()) > 300:
            raise ValidationError("is longer than 300 characters", field="title")
        return {
            "title": self.title.strip(),
            "description": self.description.strip(),
            "requester": self.requester.strip()[:120],
        }


@dataclass(frozen=True)
class PlanChange:
    """One task the change alters: its new duration (working days) and/or new budget."""

    task: str
    duration: int | None = None
    budget: float | None = None

    def as_dict(self) -> dict:
        item: dict = {"task": self.task}
        if self.duration is not None:
            item["duration"] = int(self.duration)
        if self.budget is not None:
            item["budget"] = float(self.budget)
        return item


@dataclass
class Assessment:
    """The assessed impact of a change.

    ``extend_task`` names a task whose duration grows by ``days_impact`` on approval (it
    becomes a duration entry of the plan changes, so the request stays self-contained).
    """

    scope_impact: str = ""
    days_impact: int = 0
    cost_impact: float = 0.0
    plan_changes: list[PlanChange] = field(default_factory=list)
    extend_task: str = ""


_ITEM = re.compile(r"^(duration|budget)\s*=\s*(\S+)$", re.IGNORECASE)


def parse_plan_changes(text: str) -> list[PlanChange]:
    """Read one plan change a line: ``TASK duration=N budget=X`` (either or both).

    >>> parse_plan_changes("A07 duration=12 budget=50000\\nA08 budget=0")
    [PlanChange(task='A07', duration=12, budget=50000.0), PlanChange(task='A08', duration=None, budget=0.0)]
    """
    changes = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        words = line.replace(",", " ").split()
        if not words:
            continue
        task, values = words[0], {}
        for word in words[1:]:
            match = _ITEM.match(word)
            if match is None:
                raise ValidationError(
                    "line %(number)s: cannot read %(word)r (write duration=N or budget=X)", field="plan_changes", number=number, word=word
                )
            name = match[1].lower()
            try:
                values[name] = int(match[2]) if name == "duration" else float(match[2])
            except ValueError:
                raise ValidationError("line %(number)s: %(value)r is not a number", field="plan_changes", number=number, value=match[2]) from None
        changes.append(PlanChange(task=task, **values))
    return changes


def format_plan_changes(items: list[dict]) -> str:
    """The text :func:`parse_plan_changes` reads back, for an edit form (days added to a task
    are the form's "Add the days to task", not a line)."""
    lines = []
    for item in items:
        if item.get("duration") is None and item.get("budget") is None:
            continue
        parts = [item["task"]]
        if item.get("duration") is not None:
            parts.append(f"duration={item['duration']}")
        if item.get("budget") is not None:
            parts.append(f"budget={item['budget']:g}")
        lines.append(" ".join(parts))
    return "\n".join(lines)


def _tasks(project: Project) -> dict[str, Task]:
    return {task.key: task for task in project.tasks}


def _validated(project: Project, items: list[dict]) -> list[dict]:
    """Check plan changes against the project's tasks; returns them as stored dicts."""
    tasks = _tasks(project)
    seen: set[str] = set()
    for index, item in enumerate(items):
        key = item.get("task", "")
        if key not in tasks:
            raise ValidationError("unknown task %(task)r", field="plan_changes", task=key)
        if key in seen:
            raise ValidationError("task %(task)r is listed twice", field="plan_changes", task=key)
        seen.add(key)
        if item.get("duration") is None and item.get("budget") is None and not item.get("add_days"):
            raise ValidationError("task %(task)r: give a new duration or budget", field="plan_changes", task=key)
        if item.get("add_days"):
            if item.get("duration") is not None:
                raise ValidationError("the plan changes set the duration of %(task)r already", field="extend_task",
                                      task=key)
            if tasks[key].milestone:
                raise ValidationError("task %(task)r is a milestone (duration 0)", field="extend_task", task=key)
            if not 0 <= tasks[key].duration + item["add_days"] <= MAX_DURATION_DAYS:
                raise ValidationError("task %(task)r: duration must be from 0 to %(limit)s working days",
                                      field="extend_task", task=key, limit=MAX_DURATION_DAYS)
        duration = item.get("duration")
        if duration is not None:
            if not 0 <= duration <= MAX_DURATION_DAYS:
                raise ValidationError("task %(task)r: duration must be from 0 to %(limit)s working days",
                                      field="plan_changes", task=key, limit=MAX_DURATION_DAYS)
            if tasks[key].milestone and duration != 0:
                raise ValidationError("task %(task)r is a milestone (duration 0)", field="plan_changes", task=key)
        if item.get("budget") is not None and item["budget"] < 0:
            raise ValidationError("task %(task)r: budget must not be negative", field="plan_changes", task=key)
        if item.get("budget") is not None and not item["budget"] <= MAX_AMOUNT:
            raise ValidationError("task %(task)r: budget must be at most %(limit)s", field="plan_changes", task=key,
                                  limit=f"{MAX_AMOUNT:,.0f}")
    durations = {item["task"]: _new_duration(tasks[item["task"]], item) for item in items
                 if item.get("duration") is not None or item.get("add_days")}
    if durations:
        plan = project_plan(project)
        changed = tuple(replace(t, duration=durations.get(t.id, t.duration)) for t in plan.tasks)
        check_span(replace(plan, tasks=changed).schedule().schedule, field="plan_changes")
    return [dict(item) for item in items]


def _new_duration(task: Task, item: dict) -> int:
    """The duration ``item`` gives ``task``: a new one, or its current one plus the days added."""
    if item.get("duration") is not None:
        return int(item["duration"])
    return task.duration + int(item.get("add_days") or 0)


def unapplied_days(change: ChangeRequest) -> int:
    """The schedule impact no plan change carries into the plan (0 when some duration moves)."""
    if any(item.get("duration") is not None or item.get("add_days") for item in change.plan_changes or []):
        return 0
    return change.days_impact


def submit_change(session: Session, project: Project, draft: ChangeDraft) -> ChangeRequest:
    """Record a new change request (status submitted) with the next number."""
    fields = draft.fields()

    def add(number: int) -> ChangeRequest:
        change = ChangeRequest(number=number, status=ChangeStatus.SUBMITTED, plan_changes=[], applied_delta=[],
                               **fields)
        project.change_requests.append(change)
        return change

    def highest() -> int | None:
        return session.scalar(select(func.max(ChangeRequest.number)).where(ChangeRequest.project_id == project.id))

    return add_numbered(session, add, highest)


def _undecided(change: ChangeRequest) -> None:
    if change.status in (ChangeStatus.APPROVED, ChangeStatus.REJECTED):
        raise ValidationError("CR-%(number)s was %(status)s already", field="status", number=change.number, status=change.status.value)


def assess_change(project: Project, change: ChangeRequest, expected_version: int | None,
                  assessment: Assessment) -> None:
    """Record the impact on scope, days and cost and the plan changes; status becomes assessed."""
    check_version(change, expected_version)
    _undecided(change)
    items = [pc.as_dict() for pc in assessment.plan_changes]
    extend = assessment.extend_task.strip()
    if extend:
        tasks = _tasks(project)
        if extend not in tasks:
            raise ValidationError("unknown task %(task)r", field="extend_task", task=extend)
        if not assessment.days_impact:
            raise ValidationError("give the days to add to this task", field="days_impact")
        if any(item["task"] == extend and "duration" in item for item in items):
            raise ValidationError("the plan changes set the duration of %(task)r already", field="extend_task", task=extend)
        # The days are added to the duration the task has when the change is approved.
        existing = next((item for item in items if item["task"] == extend), None)
        if existing is None:
            items.append({"task": extend, "add_days": int(assessment.days_impact)})
        else:
            existing["add_days"] = int(assessment.days_impact)
    change.plan_changes = _validated(project, items)
    change.scope_impact = assessment.scope_impact.strip()
    change.days_impact = int(assessment.days_impact)
    change.cost_impact = float(assessment.cost_impact)
    change.status = ChangeStatus.ASSESSED


def approved_change_cost(project: Project) -> float:
    """The cost of every change approved so far."""
    return sum(c.cost_impact for c in project.change_requests if c.status is ChangeStatus.APPROVED)


def remaining_reserve(project: Project) -> float:
    """The budget reserve less the cost of every change approved so far."""
    return project.budget_reserve - approved_change_cost(project)


def needs_steering(project: Project, change: ChangeRequest) -> bool:
    """Whether the change costs more than the remaining reserve (steering approval needed)."""
    return change.cost_impact > remaining_reserve(project)


def may_approve(project: Project, change: ChangeRequest, role: MemberRole) -> bool:
    """Whether a member with ``role`` may approve ``change`` now (the button is shown only then)."""
    if change.status is not ChangeStatus.ASSESSED or not allowed(role, Action.APPROVE_CHANGES):
        return False
    return role is MemberRole.STEERING or not needs_steering(project, change)


def _decider_role(session: Session, project: Project, user: User) -> MemberRole:
    membership = membership_of(session, user, project.id)
    if membership is None or not allowed(membership.role, Action.APPROVE_CHANGES):
        role = membership.role.value if membership else "none"
        raise PermissionDeniedError("your role in this project (%(role)s) may not decide on change requests", role=role)
    return membership.role


def approve_change(session: Session, project: Project, change: ChangeRequest, expected_version: int | None,
                   approver: User, now: datetime) -> list[dict]:
    """Approve an assessed change and apply its plan changes; returns the recorded delta.

    Raises
    ------
    PermissionDeniedError
        If the approver may not decide on changes, or the change costs more than the remaining
        reserve and the approver is not a steering-committee member.
    ValidationError
        If the change is not assessed, or a task it names is no longer in the plan.
    """
    role = _decider_role(session, project, approver)
    check_version(change, expected_version)
    _undecided(change)
    if change.status is not ChangeStatus.ASSESSED:
        raise ValidationError("CR-%(number)s must be assessed before it can be approved", field="status", number=change.number)
    reserve = remaining_reserve(project)
    if change.cost_impact > reserve and role is not MemberRole.STEERING:
        raise PermissionDeniedError(
            "CR-%(number)s costs %(cost_impact)s %(currency)s, more than the remaining budget reserve of %(reserve)s %(currency)s: only a steering-committee member can approve it", number=change.number, cost_impact=f"{change.cost_impact:,.2f}", currency=project.currency, reserve=f"{reserve:,.2f}"
        )
    tasks = _tasks(project)
    delta = []
    for item in _validated(project, change.plan_changes):
        task = tasks[item["task"]]
        wanted = {"duration": _new_duration(task, item) if item.get("duration") is not None or item.get("add_days")
                  else None, "budget": item.get("budget")}
        for name, after in wanted.items():
            if after is None:
                continue
            before = getattr(task, name)
            if before != after:
                if name == "duration" and task.most_likely is not None:  # the estimate follows
                    o, m, p = rescaled_days(task.optimistic, task.most_likely, task.pessimistic, after)
                    task.optimistic, task.most_likely, task.pessimistic = o, m, min(p, MAX_DURATION_DAYS)
                setattr(task, name, after)
                delta.append({"task": task.key, "field": name, "before": before, "after": after})
    change.applied_delta = delta
    change.status = ChangeStatus.APPROVED
    change.decided_by = approver.email
    change.decided_at = now
    session.flush()
    return delta


def reject_change(session: Session, project: Project, change: ChangeRequest, expected_version: int | None,
                  decider: User, now: datetime) -> None:
    """Reject a submitted or assessed change; the plan is left as it is."""
    _decider_role(session, project, decider)
    check_version(change, expected_version)
    _undecided(change)
    change.status = ChangeStatus.REJECTED
    change.decided_by = decider.email
    change.decided_at = now
    change.applied_delta = []
