"""Phase and deliverable tracking with quality gates (issue 3, item 2).

Operations on a project's phases, deliverables and gates. They take the records and, where
a person acts, the actor's name explicitly; they change the records and leave the commit to
the caller. The gate rules themselves are pure and live in :mod:`crm_impl.tracking.gates`:

- a deliverable is signed off once, by someone, at a moment; reopening clears the sign-off;
- a gate passes only when :func:`~crm_impl.tracking.gates.check_decision` allows it (every
  mandatory deliverable of its phase signed off; for a plain pass every criterion met), and
  a passed gate marks its milestone task done;
- a phase is complete only after its gate passed (phases without a gate complete freely).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import PurePosixPath

from crm_impl.db.locking import apply_changes, check_version
from crm_impl.limits import MAX_FILE_BYTES  # the largest document a deliverable may carry
from crm_impl.errors import ScheduleError, ValidationError
from crm_impl.i18n import DECISION_LABELS, Message, msg
from crm_impl.i18n import localized
from crm_impl.methodology import Gate, get_template
from crm_impl.schedule.plan import ScheduledPlan
from crm_impl.models import (
    Deliverable,
    DeliverableStatus,
    GateDecision,
    GateRecord,
    Phase,
    Project,
)
from crm_impl.operations.planning import plan_schedule
from crm_impl.tracking.gates import DeliverableState, GateReview, check_decision, evaluate_gate

__all__ = [
    "MAX_FILE_BYTES",
    "PASSED",
    "PhaseRow",
    "phase_rows",
    "phase_status",
    "gate_of",
    "catalogue_gate",
    "update_deliverable",
    "attach_file",
    "sign_off",
    "reopen",
    "gate_review",
    "set_checks",
    "decide_gate",
    "set_phase_dates",
    "complete_phase",
    "unfinished_tasks",
    "DueDate",
    "due_dates",
]

#: The decisions that let a phase complete.
PASSED = frozenset({GateDecision.PASS, GateDecision.PASS_WITH_CONDITIONS})
_UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


# --- reading -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueDate:
    """When a deliverable is due: set by hand, or the planned finish of its own task (the task
    that names it), else of its phase's gate milestone, else of its phase's last task."""

    day: date | None
    by_hand: bool


def due_dates(project: Project, plan: ScheduledPlan | None = None) -> dict[int, DueDate]:
    """Every deliverable's due date, by deliverable id; the ones not set by hand move with the plan
    (``plan``: the project's scheduled plan, when the caller has it already)."""
    from crm_impl.operations.planning import plan_schedule

    plan = plan or plan_schedule(project)
    own = {t.deliverable: t.key for t in project.tasks if t.deliverable}
    gates = {g.phase_id: g.milestone_task for g in project.gates if g.milestone_task}
    last = {p.id: max((plan.task(t.key).finish for t in p.tasks), default=None) for p in project.phases}
    due = {}
    for d in project.deliverables:
        if d.due_date is not None:
            due[d.id] = DueDate(d.due_date, True)
            continue
        key = own.get(d.key) or gates.get(d.phase_id)
        due[d.id] = DueDate(plan.task(key).finish if key and key in plan else last.get(d.phase_id), False)
    return due


@dataclass(frozen=True)
class PhaseRow:
    """A phase as the tracking pages show it: planned dates from the schedule, status, gate."""

    phase: Phase
    status: str  # not_started, in_progress, complete
    planned_start: date | None
    planned_finish: date | None
    deliverables: tuple[Deliverable, ...]
    gate: GateRecord | None
    gate_planned: date | None


def phase_status(phase: Phase) -> str:
    """``complete`` once marked so, ``in_progress`` once it has an actual start, else ``not_started``."""
    if phase.complete:
        return "complete"
    return "in_progress" if phase.actual_start else "not_started"


def gate_of(project: Project, phase: Phase) -> GateRecord | None:
    """The gate that closes ``phase``, or ``None`` (e.g. P4 of the nine-phase method)."""
    return next((g for g in project.gates if g.phase_id == phase.id), None)


def phase_rows(project: Project) -> list[PhaseRow]:
    """Every phase with its planned dates (the schedule's dates of its tasks), deliverables and gate.

    The gate's planned date is its milestone task's finish. Planned dates are ``None`` when the
    schedule cannot be computed (e.g. a dependency cycle) or the phase has no tasks.
    """
    try:
        planned = {t.id: t for t in plan_schedule(project).tasks}
    except ScheduleError:
        planned = {}
    rows = []
    for phase in project.phases:
        dates = [planned[t.key] for t in phase.tasks if t.key in planned]
        gate = gate_of(project, phase)
        milestone = planned.get(gate.milestone_task) if gate is not None and gate.milestone_task else None
        rows.append(
            PhaseRow(
                phase=phase,
                status=phase_status(phase),
                planned_start=min((d.start for d in dates), default=None),
                planned_finish=max((d.finish for d in dates), default=None),
                deliverables=tuple(d for d in project.deliverables if d.phase_id == phase.id),
                gate=gate,
                gate_planned=milestone.finish if milestone else None,
            )
        )
    return rows


def catalogue_gate(project: Project, gate: GateRecord) -> Gate:
    """The methodology's definition of ``gate`` (its criteria) from the project's template."""
    try:
        return get_template(project.template_id).gate(gate.gate_id)
    except KeyError:
        raise ValidationError(
            "gate %(gate_id)s is not defined by template %(template_id)r", "gate", gate_id=gate.gate_id, template_id=project.template_id
        ) from None


def gate_review(project: Project, gate: GateRecord, locale: str | None = "en") -> GateReview:
    """Where ``gate`` stands: its criteria against the project's measured KPIs and manual checks,
    and the sign-off of its phase's deliverables."""
    measured = {target.kpi: target.actual for target in project.kpi_targets}
    deliverables = [
        DeliverableState(
            key=d.key,
            name=str(localized(d, "name", locale)),
            mandatory=d.mandatory,
            signed_off=d.status == DeliverableStatus.SIGNED_OFF,
        )
        for d in project.deliverables
        if d.phase_id == gate.phase_id
    ]
    return evaluate_gate(
        catalogue_gate(project, gate),
        measured=measured,
        checks={key: bool(value) for key, value in (gate.checks or {}).items()},
        deliverables=deliverables,
        locale=locale,
    )


# --- deliverables ----------------------------------------------------------------------------


def _not_signed(deliverable: Deliverable) -> None:
    if deliverable.status == DeliverableStatus.SIGNED_OFF:
        raise ValidationError(
            "deliverable %(key)s is signed off; reopen it before changing it", key=deliverable.key
        )


def update_deliverable(
    deliverable: Deliverable,
    expected_version: int | None,
    *,
    due_date: date | None,
    status: str,
    link: str,
    owner_role: str,
) -> bool:
    """Change the due date, status, link and owner role; returns whether anything changed.

    A signed-off deliverable must be reopened first, and ``signed_off`` is reached only
    through :func:`sign_off` (which records who and when).
    """
    from crm_impl.methodology.catalogue import role

    check_version(deliverable, expected_version)
    _not_signed(deliverable)
    try:
        new_status = DeliverableStatus(status)
    except ValueError:
        raise ValidationError("unknown status %(status)r", "status", status=status) from None
    if new_status == DeliverableStatus.SIGNED_OFF:
        raise ValidationError("use the sign-off, which records who signed and when", "status")
    link = (link or "").strip()
    if link.lower().startswith(_UNSAFE_SCHEMES):
        raise ValidationError("must be a web address or a file path", "link")
    try:
        owner = role(owner_role).id
    except ValidationError as error:
        raise ValidationError(error.reason, "owner_role") from None
    return apply_changes(
        deliverable, expected_version, {"due_date": due_date, "status": new_status, "link": link, "owner_role": owner}
    )


def _clean_filename(filename: str) -> str:
    # Keep the last path component of either separator and drop control characters.
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    if not name or name in {".", ".."}:
        raise ValidationError("the file needs a name", "file")
    if len(name) > 255:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: 254 - len(suffix)] + dot + suffix) if dot and len(suffix) < 20 else name[:255]
    return name


def attach_file(deliverable: Deliverable, filename: str, data: bytes, *, expected_version: int | None) -> None:
    """Store an uploaded document on ``deliverable`` (replacing any earlier one); at most 10 MB."""
    check_version(deliverable, expected_version)
    _not_signed(deliverable)
    if not data:
        raise ValidationError("the file is empty", "file")
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            "the file has %(size).1f MB; at most %(limit)s MB",
            "file", size=len(data) / 1024 / 1024, limit=MAX_FILE_BYTES // (1024 * 1024),
        )
    deliverable.file_name = _clean_filename(filename)
    deliverable.file_data = bytes(data)


def sign_off(deliverable: Deliverable, expected_version: int | None, actor: str, now: datetime) -> None:
    """Sign ``deliverable`` off as ``actor`` at ``now``; refused when it is signed off already."""
    check_version(deliverable, expected_version)
    if deliverable.status == DeliverableStatus.SIGNED_OFF:
        raise ValidationError(
            "deliverable %(key)s is already signed off by %(signed_off_by)s", key=deliverable.key, signed_off_by=deliverable.signed_off_by
        )
    if not (actor or "").strip():
        raise ValidationError("a sign-off needs the name of who signs")
    deliverable.status = DeliverableStatus.SIGNED_OFF
    deliverable.signed_off_by = actor.strip()[:120]
    deliverable.signed_off_at = now


def reopen(deliverable: Deliverable, expected_version: int | None) -> None:
    """Withdraw the sign-off (back to *in progress*); refused once the phase is complete."""
    check_version(deliverable, expected_version)
    if deliverable.status != DeliverableStatus.SIGNED_OFF:
        raise ValidationError("deliverable %(key)s is not signed off", key=deliverable.key)
    if deliverable.phase.complete:
        raise ValidationError(
            "phase %(key)s is complete; its deliverables can no longer be reopened", key=deliverable.phase.key
        )
    deliverable.status = DeliverableStatus.IN_PROGRESS
    deliverable.signed_off_by = ""
    deliverable.signed_off_at = None


# --- gates -----------------------------------------------------------------------------------


def _undecided(gate: GateRecord) -> None:
    if gate.decision in PASSED:
        raise ValidationError(
            "gate %(gate_id)s was already passed by %(decided_by)s; the decision is final", gate_id=gate.gate_id, decided_by=gate.decided_by
        )


def set_checks(gate: GateRecord, expected_version: int | None, checks: Mapping[str, bool]) -> None:
    """Replace the manual checks (criterion key → ticked) of ``gate``.

    Keys must be criteria of the gate. A criterion left out is *not checked yet*.
    """
    check_version(gate, expected_version)
    _undecided(gate)
    known = {c.key for c in catalogue_gate(gate.project, gate).criteria}
    unknown = sorted(set(checks) - known)
    if unknown:
        raise ValidationError("gate %(gate_id)s has no criterion %(unknown)s", "checks", gate_id=gate.gate_id, unknown=', '.join(unknown))
    gate.checks = {key: bool(value) for key, value in sorted(checks.items())}


def decide_gate(
    project: Project,
    gate: GateRecord,
    expected_version: int | None,
    decision: str,
    conditions: str,
    actor: str,
    now: datetime,
) -> GateReview:
    """Record the decision on ``gate`` as ``actor`` at ``now``; returns the review it rests on.

    Refused (:class:`ValidationError` with the reason) when the review does not allow the
    decision, or the gate has passed already. A pass marks the gate's milestone task done.
    """
    check_version(gate, expected_version)
    _undecided(gate)
    if not (actor or "").strip():
        raise ValidationError("a gate decision needs the name of who decides")
    review = gate_review(project, gate)
    check_decision(review, decision, conditions or "")
    gate.decision = GateDecision(decision)
    gate.conditions = (conditions or "").strip()
    gate.decided_by = actor.strip()[:120]
    gate.decided_at = now
    if gate.decision in PASSED and gate.milestone_task:
        milestone = next((t for t in project.tasks if t.key == gate.milestone_task), None)
        if milestone is not None:
            milestone.progress = 100
            milestone.actual_start = milestone.actual_start or now.date()
            milestone.actual_finish = milestone.actual_finish or now.date()
    return review


# --- phases ----------------------------------------------------------------------------------


def _check_order(start: date | None, finish: date | None) -> None:
    if start is not None and finish is not None and finish < start:
        raise ValidationError("the finish cannot be before the start", "actual_finish")


def set_phase_dates(
    phase: Phase, expected_version: int | None, *, actual_start: date | None, actual_finish: date | None
) -> bool:
    """Set the actual start and finish; returns whether anything changed.

    Only a complete phase has a finish (:func:`complete_phase` sets it), and keeps one.
    """
    check_version(phase, expected_version)
    if actual_finish is not None and not phase.complete:
        raise ValidationError(
            "phase %(key)s is not complete; mark it complete to record its finish", "actual_finish", key=phase.key
        )
    if actual_finish is None and phase.complete:
        raise ValidationError("phase %(key)s is complete and keeps its finish date", "actual_finish", key=phase.key)
    _check_order(actual_start, actual_finish)
    return apply_changes(phase, expected_version, {"actual_start": actual_start, "actual_finish": actual_finish})


def complete_phase(project: Project, phase: Phase, expected_version: int | None, actual_finish: date | None,
                   finish_open_tasks: bool = False) -> None:
    """Mark ``phase`` complete on ``actual_finish``.

    Refused while the phase has a gate that has not passed (pass or pass with conditions);
    a phase without a gate completes freely.  Its tasks must be finished first, or, with
    ``finish_open_tasks``, they are recorded as finished on ``actual_finish`` — so the plan, the
    forecast and the dashboard tell the same story as the phase.
    """
    check_version(phase, expected_version)
    if phase.complete:
        raise ValidationError("phase %(key)s is complete already", key=phase.key)
    gate = gate_of(project, phase)
    if gate is not None and gate.decision not in PASSED:
        context, name = DECISION_LABELS[gate.decision.value] if gate.decision else ("", "")
        state = (msg("its decision is %(decision)s", decision=Message(name, context=context))
                 if gate.decision else msg("it has no decision yet"))
        raise ValidationError(
            "phase %(key)s cannot be completed before its gate %(gate_id)s has passed (%(state)s)", key=phase.key, gate_id=gate.gate_id, state=state
        )
    if actual_finish is None:
        raise ValidationError("is required", "actual_finish")
    _check_order(phase.actual_start, actual_finish)
    open_tasks = unfinished_tasks(phase)
    if open_tasks and not finish_open_tasks:
        raise ValidationError(
            "phase %(key)s still has unfinished tasks: %(tasks)s; finish them, or record them as finished on "
            "the phase's finish date", "finish_open_tasks", key=phase.key,
            tasks=", ".join(t.key for t in open_tasks))
    late_starts = [t.key for t in open_tasks if t.actual_start and t.actual_start > actual_finish]
    if late_starts:
        raise ValidationError("tasks %(tasks)s started after %(day)s", "actual_finish",
                              tasks=", ".join(late_starts), day=actual_finish.isoformat())
    for task in open_tasks:
        task.progress, task.actual_finish = 100, actual_finish
        task.actual_start = task.actual_start or min(_planned_start(project, task), actual_finish)
    phase.complete = True
    phase.actual_finish = actual_finish


def unfinished_tasks(phase: Phase) -> list:
    """The phase's tasks not finished yet (neither 100 % nor an actual finish)."""
    return [t for t in phase.tasks if t.progress < 100 and t.actual_finish is None]


def _planned_start(project: Project, task) -> date:
    from crm_impl.operations.planning import plan_schedule

    return plan_schedule(project).task(task.key).start
