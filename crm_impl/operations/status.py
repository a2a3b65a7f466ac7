"""The steering committee's status of a project, computed from measured facts.

Gathers the facts (schedule slip against the baseline, earned value, change reserve, open
risks, staffing, overdue deliverables, KPI values) and grades them with
:func:`crm_impl.tracking.rag.assess_status`, whose thresholds the dashboard prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from crm_impl.operations.baselines import project_earned_value, steering_baseline
from crm_impl.i18n import localized
from crm_impl.methodology import kpis, roles
from crm_impl.operations.changes import approved_change_cost
from crm_impl.models import ChangeStatus, DeliverableStatus, Project
from crm_impl.tracking.risks import is_open
from crm_impl.operations.overview import ProjectOverview, project_overview
from crm_impl.operations.phases import due_dates
from crm_impl.operations.planning import forecast_schedule, status_date_of
from crm_impl.schedule.plan import ScheduledPlan
from crm_impl.tracking.rag import StatusFacts, StatusReport, assess_status

__all__ = ["KpiRow", "Dashboard", "TRACKED_KPIS", "kpi_rows", "status_facts", "target_finish", "project_dashboard"]

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
    history: tuple[tuple[date, float], ...] = ()  # every measurement, oldest first


@dataclass(frozen=True)
class Dashboard:
    status: StatusReport
    facts: StatusFacts
    overview: ProjectOverview
    kpis: list[KpiRow]
    baseline_name: str | None  # the steering baseline; None: measured against the current plan
    status_date: date
    forecast: ScheduledPlan  # the plan rescheduled from the status date, with actuals
    forecast_finish: date
    target_finish: date  # the steering baseline's finish, else the plan's


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
                           known.unit if known else ("ratio" if target <= 1 else "count"),
                           tuple((m.measured_on, m.value) for m in sorted(
                               own.measurements, key=lambda m: (m.measured_on, m.id or 0))) if own else ()))
    return rows


def target_finish(project: Project, overview: ProjectOverview) -> date:
    """The finish the committee holds the project to: the steering baseline's, else the plan's."""
    baseline = steering_baseline(project)
    if baseline is not None and baseline.tasks:
        return max(t.finish for t in baseline.tasks)
    return overview.plan.finish


def status_facts(project: Project, status_date: date, overview: ProjectOverview, kpi_list: list[KpiRow],
                 forecast: ScheduledPlan, target: date) -> StatusFacts:
    """The measured facts at ``status_date``: slip is the forecast's finish (the plan rescheduled
    from the status date, with what happened) against ``target`` (:func:`target_finish`), in
    working days."""
    calendar = forecast.calendar
    slip = calendar.offset_of(forecast.finish) - calendar.offset_of(target)
    bac = eac = cpi = None
    baseline = steering_baseline(project)
    if baseline is not None and baseline.tasks:
        value = project_earned_value(project, baseline, status_date)
        bac, eac, cpi = value.bac, value.eac, value.cpi
    due = due_dates(project, overview.plan)
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
            due[d.id].day is not None and due[d.id].day < status_date and d.status is not DeliverableStatus.SIGNED_OFF
            for d in project.deliverables
        ),
        kpis_met=sum(bool(row.met) for row in measured) if measured else None,
        kpis_measured=len(measured) if measured else None,
    )


def project_dashboard(project: Project, today: date, locale: str = "en") -> Dashboard:
    """The steering dashboard at the project's status date (``today`` when it has none)."""
    status_date = status_date_of(project, today)
    overview = project_overview(project, status_date)
    kpi_list = kpi_rows(project, locale)
    forecast = forecast_schedule(project, status_date)
    target = target_finish(project, overview)
    facts = status_facts(project, status_date, overview, kpi_list, forecast, target)
    baseline = steering_baseline(project)
    return Dashboard(
        status=assess_status(facts, locale=locale),
        facts=facts,
        overview=overview,
        kpis=kpi_list,
        baseline_name=baseline.name if baseline else None,
        status_date=status_date,
        forecast=forecast,
        forecast_finish=forecast.finish,
        target_finish=target,
    )
