"""What a steering-committee meeting reviews beyond the dashboard: progress per phase against
the steering baseline, how the top risks moved since the last meeting, the decisions it is asked
to take, and the work of the next period.

The status pack (:mod:`crm_impl.reports.status`) prints these; each is computed here once, from
the same shapes the dashboard uses (:func:`~crm_impl.operations.status.project_dashboard`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from crm_impl.i18n import Message, msg
from crm_impl.models import Baseline, ChangeStatus, Phase, Project
from crm_impl.operations.changes import needs_steering
from crm_impl.schedule.plan import weighted_progress
from crm_impl.operations.phases import phase_rows
from crm_impl.operations.planning import project_calendar
from crm_impl.schedule.earned_value import EvTask, planned_fraction
from crm_impl.schedule.plan import ScheduledPlan, ScheduledTask
from crm_impl.tracking.risks import is_open

__all__ = [
    "PhaseProgress",
    "RiskTrend",
    "Decision",
    "phase_progress",
    "risk_trends",
    "decisions_required",
    "next_period_work",
]


@dataclass(frozen=True)
class PhaseProgress:
    phase: Phase
    planned: float | None  # share of the phase's work the baseline plans done by the status date
    actual: float  # share done (progress weighted by duration)

    @property
    def variance(self) -> float | None:
        """Actual minus planned, in shares (negative: behind)."""
        return None if self.planned is None else self.actual - self.planned


def _weight(task) -> int:
    # The weights of :func:`crm_impl.schedule.plan.weighted_progress`.
    return max(task.duration, 1 if task.milestone else 0)


def phase_progress(project: Project, baseline: Baseline | None, status_date: date) -> list[PhaseProgress]:
    """Each phase's progress against what ``baseline`` planned done by ``status_date``
    (``planned`` is ``None`` without a baseline)."""
    calendar = project_calendar(project)
    saved = {t.task_key: t for t in baseline.tasks} if baseline is not None else {}
    rows = []
    for phase in project.phases:
        planned = None
        if baseline is not None:
            total = done = 0.0
            for task in phase.tasks:
                was = saved.get(task.key)
                weight = _weight(task)
                total += weight
                if was is not None:
                    done += weight * planned_fraction(EvTask(task.key, 0.0, 0, was.start, was.finish), status_date,
                                                      calendar)
            planned = done / total if total else 0.0
        rows.append(PhaseProgress(phase, planned, weighted_progress(phase.tasks)))
    return rows


@dataclass(frozen=True)
class RiskTrend:
    key: str
    score: int
    previous: int | None  # the score at the start of the period; None: raised during it
    direction: str  # "up", "down", "steady" or "new"


def risk_trends(project: Project, since: date) -> dict[str, RiskTrend]:
    """Each open risk's score now against its score at the end of ``since``, from the audit
    trail (the changes of probability and impact recorded after it, undone newest first)."""
    boundary = datetime.combine(since + timedelta(days=1), time.min, tzinfo=timezone.utc)
    later = sorted(
        (e for e in project.audit_events if e.entity == "Risk" and _aware(e.at) >= boundary),
        key=lambda e: (_aware(e.at), e.id or 0), reverse=True,
    )
    trends = {}
    for risk in project.risks:
        if not is_open(risk.status):
            continue
        probability, impact, created = risk.probability, risk.impact, False
        for event in later:
            if event.entity_key != risk.key:
                continue
            if event.action == "create":
                created = True
                break
            changes = event.changes or {}
            for field in ("probability", "impact"):
                change = changes.get(field)
                if isinstance(change, dict) and "before" in change:
                    try:
                        value = int(change["before"])
                    except (TypeError, ValueError):
                        continue
                    if field == "probability":
                        probability = value
                    else:
                        impact = value
        score = risk.probability * risk.impact
        previous = None if created else probability * impact
        direction = ("new" if previous is None else "up" if score > previous
                     else "down" if score < previous else "steady")
        trends[risk.key] = RiskTrend(risk.key, score, previous, direction)
    return trends


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class Decision:
    kind: str  # "change" or "gate"
    key: str
    text: Message
    decided_by: str  # "steering" or "project_manager"
    due: date | None


def decisions_required(project: Project, status_date: date, horizon: date) -> list[Decision]:
    """Change requests awaiting a decision, then the gates without a decision planned up to
    ``horizon`` (overdue ones included), each with who decides it."""
    decisions = []
    for change in sorted(project.change_requests, key=lambda c: c.number):
        if change.status in (ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED):
            decisions.append(Decision(
                "change", f"CR-{change.number}", msg("Approve or reject change request %(number)s: %(title)s",
                                                     number=change.number, title=change.title),
                "steering" if needs_steering(project, change) else "project_manager", None))
    for row in phase_rows(project):
        gate = row.gate
        # A gate without a milestone of its own is due when its phase's work is planned to end.
        due = row.gate_planned or row.planned_finish
        if gate is None or gate.decision is not None or due is None or due > horizon:
            continue
        decisions.append(Decision("gate", gate.gate_id, msg("Decide quality gate %(gate)s at the end of %(phase)s",
                                                            gate=gate.gate_id, phase=row.phase.key),
                                  "steering", due))
    return decisions


def next_period_work(forecast: ScheduledPlan, status_date: date, horizon: date) -> list[ScheduledTask]:
    """Unfinished tasks of the forecast that run between the status date and ``horizon``, by start."""
    return sorted(
        (t for t in forecast.tasks
         if t.task.progress < 100 and t.start <= horizon and t.finish >= status_date),
        key=lambda t: (t.start, t.finish, t.id),
    )
