"""The steering committee's status pack.

Overall and per-area RAG with the measured value and the rule behind each colour, the status
date, progress per phase against the steering baseline, milestones planned against forecast,
earned value, the top risks and their trend, change requests awaiting a decision, the decisions
required, KPI status against targets and the next period's plan.  The facts are the dashboard's
(:func:`~crm_impl.operations.status.project_dashboard`) and the steering operations'
(:mod:`crm_impl.operations.steering`): the pack and the page cannot disagree.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from crm_impl.models import ChangeStatus, Project
from crm_impl.operations.baselines import baseline_variance, project_earned_value, steering_baseline
from crm_impl.operations.changes import needs_steering
from crm_impl.operations.schedule import ResultCache, project_gantt_figure, run_monte_carlo
from crm_impl.operations.status import project_dashboard
from crm_impl.operations.steering import decisions_required, next_period_work, phase_progress, risk_trends
from crm_impl.reports.base import Formatter, ReportOptions, title_info
from crm_impl.reports.document import Chart, Column, ReportDocument
from crm_impl.reports.gantt import gantt_parts
from crm_impl.reports.plan import risk_chart, risk_table
from crm_impl.reports.render import ChartRenderer
from crm_impl.tracking.rag import rag_label

__all__ = ["build_status_report", "RAG_FILLS", "PERIOD_DAYS"]

#: Cell colours of the status (light tints, readable in print and in grey).
RAG_FILLS = {"green": "C6E0B4", "amber": "FFD966", "red": "F4B183", "grey": "D9D9D9"}
#: The reporting period: the next meeting is this many days after the status date.
PERIOD_DAYS = 14


def _summary(doc: ReportDocument, f: Formatter, dashboard) -> None:
    doc.heading(f.word("summary"))
    facts = dashboard.facts
    doc.paragraph(f.word("status_summary", day=f.day(dashboard.status_date),
                         overall=rag_label(dashboard.status.overall, f.locale),
                         forecast=f.day(dashboard.forecast_finish), target=f.day(dashboard.target_finish),
                         slip=f.number(facts.schedule_slip_days, 0), progress=f.share(dashboard.overview.progress)))
    doc.paragraph(f.word("status_baseline", name=dashboard.baseline_name) if dashboard.baseline_name
                  else f.word("status_no_baseline"))
    doc.heading(f.word("rag"), 2)
    rows, fills = [], []
    for area in dashboard.status.areas:
        rows.append((area.label, rag_label(area.rag, f.locale), area.value_text or "—", area.threshold_text))
        fills.append((None, RAG_FILLS[area.rag], None, None))
    rows.append((f.word("overall"), rag_label(dashboard.status.overall, f.locale), "", ""))
    fills.append((None, RAG_FILLS[dashboard.status.overall], None, None))
    doc.table([Column(f.word("col_area"), width_cm=2.6), Column(f.word("col_rag"), "center", 2.2),
               Column(f.word("col_measured"), width_cm=3.6), Column(f.word("col_thresholds"))],
              rows, caption=f.word("rag_table"), key="rag", fills=fills)


def _progress(doc: ReportDocument, project: Project, f: Formatter, dashboard) -> None:
    doc.heading(f.word("progress"))
    baseline = steering_baseline(project)
    rows = phase_progress(project, baseline, dashboard.status_date)
    doc.table([Column(f.word("col_id"), width_cm=1.2), Column(f.word("col_phase")),
               Column(f.word("col_planned_progress"), "right", 3), Column(f.word("col_progress"), "right", 2.4),
               Column(f.word("col_variance"), "right", 2.4)],
              [(r.phase.key, f.name(r.phase), f.share(r.planned, 0), f.share(r.actual, 0),
                f.share(r.variance, 0)) for r in rows],
              caption=f.word("progress_table"), key="progress")
    doc.chart(Chart(
        project_gantt_figure(project, f.locale, today=dashboard.status_date, baseline=baseline),
        f.word("status_gantt_caption"),
        [Column(f.word("col_id")), Column(f.word("col_task")), Column(f.word("col_start"), "right"),
         Column(f.word("col_finish"), "right"), Column(f.word("col_progress"), "right")],
        [(t.id, t.label(f.locale), f.day(t.start), f.day(t.finish), f.share(t.task.progress / 100, 0))
         for t in dashboard.forecast.tasks], key="gantt",
        parts=gantt_parts(project, f.locale, today=dashboard.status_date, baseline=baseline)))
    doc.heading(f.word("milestones"), 2)
    if baseline is not None:
        variance = [v for v in baseline_variance(project, baseline, dashboard.status_date) if v.milestone]
        doc.table([Column(f.word("col_id"), width_cm=1.8), Column(f.word("col_task")),
                   Column(f.word("col_baseline_finish"), "right", 2.8), Column(f.word("col_forecast_finish"), "right", 2.8),
                   Column(f.word("col_finish_variance"), "right", 2.2)],
                  [(v.key, f.name(v), f.day(v.baseline_finish),
                    f.day(v.finish), f.number(v.finish_variance, 0)) for v in variance],
                  caption=f.word("milestones_status_table"), key="milestones")
    else:
        milestones = [t for t in dashboard.forecast.tasks if t.milestone]
        doc.table([Column(f.word("col_id"), width_cm=1.8), Column(f.word("col_task")),
                   Column(f.word("col_forecast_finish"), "right", 3)],
                  [(t.id, t.label(f.locale), f.day(t.finish)) for t in milestones],
                  caption=f.word("milestones_status_table"), key="milestones")


def _forecast(doc: ReportDocument, project: Project, f: Formatter, dashboard, options: ReportOptions,
              cache: ResultCache | None) -> None:
    doc.heading(f.word("schedule_risk"), 2)
    run = run_monte_carlo(project, iterations=options.iterations, seed=options.seed, target=dashboard.target_finish,
                          locale=f.locale, status_date=dashboard.status_date, cache=cache)
    doc.table([Column(f.word("col_method")), Column(f.word("col_percentile"), "center"),
               Column(f.word("col_days"), "right"), Column(f.word("col_date"), "right")],
              [(f.word("pert"), p.name, f.number(p.days, 1), f.day(p.finish)) for p in run.pert_percentiles]
              + [(f.word("simulation"), p.name, f.number(p.days, 1), f.day(p.finish)) for p in run.percentiles],
              caption=f.word("percentiles_table"), key="percentiles")
    doc.paragraph(f.word("probability_plan", day=f.day(dashboard.target_finish), mc=f.share(run.probability),
                         pert=f.share(run.pert_probability)))
    doc.chart(Chart(run.histogram, f.word("mc_forecast_caption"),
                    [Column(f.word("col_percentile")), Column(f.word("col_date"), "right")],
                    [(p.name, f.day(p.finish)) for p in run.percentiles], key="montecarlo"))


def _earned_value(doc: ReportDocument, project: Project, f: Formatter, dashboard) -> None:
    doc.heading(f.word("earned_value"))
    baseline = steering_baseline(project)
    value = project_earned_value(project, baseline, dashboard.status_date) if baseline is not None else None
    if value is None or not value.bac:
        doc.paragraph(f.word("ev_none"))
        return
    rows = [
        (f.word("ev_bac"), f.money(value.bac)), (f.word("ev_pv"), f.money(value.pv)),
        (f.word("ev_ev"), f.money(value.ev)), (f.word("ev_ac"), f.money(value.ac)),
        (f.word("ev_sv"), f.money(value.sv)), (f.word("ev_cv"), f.money(value.cv)),
        (f.word("ev_spi"), f.number(value.spi, 2)), (f.word("ev_cpi"), f.number(value.cpi, 2)),
        (f.word("ev_eac"), f.money(value.eac)), (f.word("ev_vac"), f.money(value.vac)),
    ]
    doc.table([Column(f.word("col_measure")), Column(f.word("col_value"), "right", 4)], rows,
              caption=f.word("ev_table"), key="ev")


def _risks(doc: ReportDocument, project: Project, f: Formatter, dashboard, options: ReportOptions) -> None:
    doc.heading(f.word("risks"))
    since = dashboard.status_date - timedelta(days=PERIOD_DAYS)
    risk_table(doc, project, f, options, caption=f.word("risks_trend_table", day=f.day(since)), key="risks",
               trends=risk_trends(project, since))
    if any(True for _ in project.risks):
        doc.chart(risk_chart(project, f))


def _changes_and_decisions(doc: ReportDocument, project: Project, f: Formatter, dashboard) -> None:
    doc.heading(f.word("changes"))
    waiting = [c for c in sorted(project.change_requests, key=lambda c: c.number)
               if c.status in (ChangeStatus.SUBMITTED, ChangeStatus.ASSESSED)]
    if waiting:
        doc.table([Column(f.word("col_id"), width_cm=1.4), Column(f.word("col_change")), Column(f.word("col_requester"), width_cm=2.6),
                   Column(f.word("col_status"), width_cm=2), Column(f.word("col_days_impact"), "right", 2.2),
                   Column(f.word("col_cost_impact"), "right", 2.6), Column(f.word("col_decision_by"), width_cm=2.6)],
                  [(str(c.number), c.title, c.requester, _value(c.status.value, f), f.number(c.days_impact, 0),
                    f.money(c.cost_impact), f.word("steering" if needs_steering(project, c) else "project_manager"))
                   for c in waiting], caption=f.word("changes_table"), key="changes")
    else:
        doc.paragraph(f.word("changes_none"))
    doc.heading(f.word("decisions"), 2)
    horizon = dashboard.status_date + timedelta(days=PERIOD_DAYS)
    decisions = decisions_required(project, dashboard.status_date, horizon)
    if decisions:
        doc.table([Column(f.word("col_id"), width_cm=1.6), Column(f.word("col_decision")),
                   Column(f.word("col_due"), "right", 2.8), Column(f.word("col_decision_by"), width_cm=3)],
                  [(d.key, d.text.render(f.locale), f.day(d.due) if d.due else "—", f.word(d.decided_by))
                   for d in decisions], caption=f.word("decisions_table"), key="decisions")
    else:
        doc.paragraph(f.word("decisions_none"))


def _value(code: str, f: Formatter) -> str:
    from crm_impl.i18n import VALUE_LABELS, term

    return term(VALUE_LABELS, code, f.locale)


def _kpis(doc: ReportDocument, f: Formatter, dashboard) -> None:
    doc.heading(f.word("kpis"))

    def shown(row, value):
        if value is None:
            return "—"
        return f.share(value) if row.unit == "ratio" else f.number(value)

    rows, fills = [], []
    for row in dashboard.kpis:
        state = "not_measured" if row.met is None else "met" if row.met else "missed"
        rows.append((row.name, shown(row, row.baseline), shown(row, row.target), shown(row, row.actual), f.word(state)))
        fills.append((None, None, None, None, {"met": RAG_FILLS["green"], "missed": RAG_FILLS["red"]}.get(state)))
    doc.table([Column(f.word("col_kpi")), Column(f.word("col_baseline"), "right", 2.2), Column(f.word("col_target"), "right", 2.2),
               Column(f.word("col_actual"), "right", 2.6), Column(f.word("col_status"), "center", 2.4)],
              rows, caption=f.word("kpis_table"), key="kpis", fills=fills)


def _next_period(doc: ReportDocument, f: Formatter, dashboard) -> None:
    doc.heading(f.word("next_period"))
    horizon = dashboard.status_date + timedelta(days=PERIOD_DAYS)
    work = next_period_work(dashboard.forecast, dashboard.status_date, horizon)
    if not work:
        doc.paragraph(f.word("next_none"))
        return
    doc.table([Column(f.word("col_id"), width_cm=1.8), Column(f.word("col_task")), Column(f.word("col_start"), "right", 2.8),
               Column(f.word("col_finish"), "right", 2.8), Column(f.word("col_progress"), "right", 2),
               Column(f.word("col_critical"), "center", 1.6)],
              [(t.id, t.label(f.locale), f.day(t.start), f.day(t.finish), f.share(t.task.progress / 100, 0),
                f.word("yes") if t.critical else "") for t in work],
              caption=f.word("next_table", start=f.day(dashboard.status_date), finish=f.day(horizon)), key="next")


def build_status_report(project: Project, options: ReportOptions, renderer: ChartRenderer | None = None,
                        cache: ResultCache | None = None) -> ReportDocument:
    """The status pack of ``project`` at its status date (``options.today`` when it has none)."""
    f = Formatter(options.locale, project.currency)
    dashboard = project_dashboard(project, options.today, options.locale)
    info = replace(title_info(project, "status_report", options),
                   subtitle=f.word("status_subtitle", day=f.day(dashboard.status_date)))
    # A status pack is read in one sitting: chapters follow each other without blank half pages.
    doc = ReportDocument(info, options.locale, renderer, chapters_on_new_page=False)
    _summary(doc, f, dashboard)
    _progress(doc, project, f, dashboard)
    _forecast(doc, project, f, dashboard, options, cache)
    _earned_value(doc, project, f, dashboard)
    _risks(doc, project, f, dashboard, options)
    _changes_and_decisions(doc, project, f, dashboard)
    _kpis(doc, f, dashboard)
    _next_period(doc, f, dashboard)
    return doc
