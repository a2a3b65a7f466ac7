"""What a project overview shows: progress per phase and the next milestones."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crm_impl.models import Phase, Project, Task
from crm_impl.operations.planning import plan_schedule
from crm_impl.schedule.plan import ScheduledPlan, ScheduledTask, weighted_progress

__all__ = ["PhaseSummary", "ProjectOverview", "project_overview", "weighted_progress"]


@dataclass(frozen=True)
class PhaseSummary:
    phase: Phase
    task_count: int
    progress: float  # 0..1, weighted by planned duration
    start: date | None
    finish: date | None


@dataclass(frozen=True)
class ProjectOverview:
    plan: ScheduledPlan
    today: date
    phases: list[PhaseSummary]
    progress: float
    next_milestones: list[tuple[Task, ScheduledTask]]


def project_overview(project: Project, today: date, milestones: int = 5) -> ProjectOverview:
    """Progress per phase and the next open milestones (those before ``today`` are overdue)."""
    plan = plan_schedule(project)
    phases = []
    for phase in project.phases:
        planned = [plan.task(t.key) for t in phase.tasks]
        phases.append(
            PhaseSummary(
                phase=phase,
                task_count=len(phase.tasks),
                progress=weighted_progress(phase.tasks),
                start=min((p.start for p in planned), default=None),
                finish=max((p.finish for p in planned), default=None),
            )
        )
    upcoming = sorted(
        ((t, plan.task(t.key)) for t in project.tasks if t.milestone and t.progress < 100),
        key=lambda pair: (pair[1].finish, pair[0].position),
    )
    return ProjectOverview(
        plan=plan,
        today=today,
        phases=phases,
        progress=weighted_progress(project.tasks),
        next_milestones=upcoming[:milestones],
    )
