"""The steering committee's status of a project, computed from measured facts.

Gathers the facts (schedule slip against the baseline, earned value, change reserve, open
risks, staffing, overdue deliverables, KPI values) and grades them with
:func:`crm_impl.tracking.rag.assess_status`, whose thresholds the dashboard prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crm_impl.operations.baselines import project_earned_value
from crm_impl.i18n import localized
from crm_impl.methodology import kpis, roles
from crm_impl.operations.changes import approved_change_cost
from crm_impl.models import ChangeStatus, DeliverableStatus, Project
from crm_impl.tracking.risks import is_open
from crm_impl.operations.overview import ProjectOverview, project_overview
from crm_impl.tracking.rag import StatusFacts, StatusReport, assess_status

__all__ = ["KpiRow", "Dashboard", "TRACKED_KPIS", "kpi_rows", "status_facts", "project_dashboard"]

#: The implementation KPIs the steering committee follows in every project (§9.1), plus
#: user adoption, which projects set as their own target.
TRACKED_KPIS = ("requirement_doc_completeness", "training_coverage", "data_migration_accuracy", "user_adoption")


@dataclass(frozen=True)
class KpiRow:
    kpi: str
    name: str
    baseline: float | None
    target: float | None
    actual: float | None
    met: bool | None  # None: not measured yet
    unit: str  # "ratio" or "count"


@dataclass(frozen=True)
class Dashboard:
    status: StatusReport
    facts: StatusFacts
    overview: ProjectOverview
    kpis: list[KpiRow]
    baseline_name: str | None


def kpi_rows(project: Project, locale: str = "en") -> list[KpiRow]:
    """The tracked KPIs and the project's own targets, with their measured values."""
    catalogue = {k.id: k for k in kpis()}
    targets = {t.kpi: t for t in project.kpi_targets}
    rows = []
    for kpi_id in [*TRACKED_KPIS, *[k for k in targets if k not in TRACKED_KPIS]]:
        known, own = catalogue.get(kpi_id), targets.get(kpi_id)
        if known is None and own is None:
            continue
        target = own.target if own else known.target
        actual = own.actual if own else None
        lower_is_better = (known.direction == "lower_is_better") if known else (
            own.baseline is not None and own.baseline > own.target
        )
        # Only the project's own targets carry a measured value.
        met = None if actual is None else (actual <= target if lower_is_better else actual >= target)
        if own is not None and (own.name or own.name_zh):
            name = localized(own, "name", locale) or own.name_zh
        elif known is not None:
            name = known.label(locale)
        else:
            name = kpi_id.replace("_", " ").capitalize()
        rows.append(KpiRow(kpi_id, name, own.baseline if own else None, target, actual, met,
                           known.unit if known else ("ratio" if target <= 1 else "count")))
    return rows


def status_facts(project: Project, today: date, overview: ProjectOverview, kpi_list: list[KpiRow]) -> StatusFacts:
    baseline = project.baselines[-1] if project.baselines else None
    slip = bac = eac = cpi = None
    if baseline is not None and baseline.tasks:
        calendar = overview.plan.calendar
        planned_finish = max(t.finish for t in baseline.tasks)
        forecast = max(
            [overview.plan.finish, *[t.actual_finish for t in project.tasks if t.actual_finish]]
        )
        slip = calendar.offset_of(forecast) - calendar.offset_of(planned_finish)
        value = project_earned_value(project, baseline, today)
        bac, eac, cpi = value.bac, value.eac, value.cpi
    approved = approved_change_cost(project)
    staffed = {m.role_id for m in project.team}
    measured = [row for row in kpi_list if row.met is not None]
    return StatusFacts(
        schedule_slip_days=slip,
        bac=bac or None,
        eac=eac,
        cpi=cpi,
        change_reserve=project.budget_reserve or None,
        approved_change_cost=approved if project.budget_reserve else None,
        open_change_requests=sum(
            c.status in (ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED) for c in project.change_requests
        ),
        open_risk_scores=[r.score for r in project.risks if is_open(r.status)],
        unstaffed_roles=sum(role.id not in staffed for role in roles()),
        overdue_deliverables=sum(
            d.due_date is not None and d.due_date < today and d.status is not DeliverableStatus.SIGNED_OFF
            for d in project.deliverables
        ),
        kpis_met=sum(bool(row.met) for row in measured) if measured else None,
        kpis_measured=len(measured) if measured else None,
    )


def project_dashboard(project: Project, today: date, locale: str = "en") -> Dashboard:
    overview = project_overview(project, today)
    kpi_list = kpi_rows(project, locale)
    facts = status_facts(project, today, overview, kpi_list)
    return Dashboard(
        status=assess_status(facts, locale=locale),
        facts=facts,
        overview=overview,
        kpis=kpi_list,
        baseline_name=project.baselines[-1].name if project.baselines else None,
    )
