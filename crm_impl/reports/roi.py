"""The ROI/TCO business case: what the steering committee decides on.

The result at a glance, the assumptions (horizon, rates, risk adjustment, drivers, the go-live
the benefits wait for, the NPV convention with its spreadsheet reconciliation), the cost and
benefit lines per year, the yearly and cumulative cash flows with NPV, IRR, ROI both ways and
payback, the risk (scenarios, Monte Carlo, tornado), the go-live dependency, the savings of
redesigned processes and, after go-live, benefits realised against plan.  Every figure is
:func:`~crm_impl.operations.finance.finance_report`'s, the function the business-case page
calls, with the page's defaults: the report and the page cannot disagree.
"""

from __future__ import annotations

from sqlalchemy.orm import object_session

from crm_impl.charts.finance import cashflow_figure, costs_figure, finance_labels, npv_histogram_figure, tornado_figure
from crm_impl.finance import CaseResult
from crm_impl.models import Project
from crm_impl.operations.finance import FinanceReport, finance_report, process_savings
from crm_impl.operations.schedule import ResultCache
from crm_impl.reports.base import Formatter, ReportOptions, title_info
from crm_impl.reports.document import Chart, Column, ReportDocument
from crm_impl.reports.render import ChartRenderer

__all__ = ["build_roi_report", "YEARS_PER_TABLE", "irr_text", "years_text"]

#: Year columns in one table of the lines per year: a longer horizon continues in a second table.
YEARS_PER_TABLE = 6


def years_text(f: Formatter, years: float | None) -> str:
    """``2.3 years``, or that the horizon ends before it."""
    return f.word("roi_never") if years is None else f.word("roi_years", years=f.number(years, 2))


def irr_text(f: Formatter, result: CaseResult) -> str:
    """The IRR, or why there is none or more than one."""
    irr = result.irr
    if irr.status == "none":
        return f.word("roi_irr_none")
    if irr.value is not None:
        return f.share(irr.value)
    return f.word("roi_irr_several", years=", ".join(str(year) for year in irr.changes),
                  rates=", ".join(f.share(value) for value in irr.values) or "—")


def _ratio(f: Formatter, value: float | None) -> str:
    return f.number(value, 3)


def _summary(doc: ReportDocument, f: Formatter, report: FinanceReport) -> None:
    r = report.result
    doc.heading(f.word("summary"))
    doc.paragraph(f.word("roi_summary_text", years=r.horizon, tco=f.money(r.tco, whole=True),
                         tco_pv=f.money(r.tco_pv, whole=True), benefits=f.money(r.benefits, whole=True),
                         benefits_pv=f.money(r.benefits_pv, whole=True), npv=f.money(r.npv, whole=True),
                         rate=f.share(r.discount_rate), roi=_ratio(f, r.roi), payback=years_text(f, r.payback_years)))
    # A positive NPV that most simulated runs miss is not a "yes": say which case this is.
    likely = report.simulation.probability_positive >= 0.5
    verdict = ("roi_verdict_positive" if likely else "roi_verdict_fragile") if r.npv > 0 else "roi_verdict_negative"
    doc.paragraph(f.word(verdict, share=f.share(report.simulation.probability_positive),
                         p10=f.money(report.simulation.npv_spread.p10, whole=True),
                         p90=f.money(report.simulation.npv_spread.p90, whole=True)))
    rows = [
        (f.word("roi_tco"), f.money(r.tco, whole=True)),
        (f.word("roi_tco_pv"), f.money(r.tco_pv, whole=True)),
        (f.word("roi_construction"), f.money(r.construction_total, whole=True)),
        (f.word("roi_usage"), f.money(r.usage_total, whole=True)),
        (f.word("roi_benefits"), f.money(r.benefits, whole=True)),
        (f.word("roi_benefits_pv"), f.money(r.benefits_pv, whole=True)),
        (f.word("roi_cost_reduction"), f.money(r.cost_reduction_total, whole=True)),
        (f.word("roi_revenue_growth"), f.money(r.revenue_growth_total, whole=True)),
        (f.word("roi_net_benefit"), f.money(r.net_benefit, whole=True)),
        (f.word("roi_npv"), f.money(r.npv, whole=True)),
        (f.word("roi_irr"), irr_text(f, r)),
        (f.word("roi_roi_methodology"), _ratio(f, r.roi_methodology)),
        (f.word("roi_roi_net"), _ratio(f, r.roi)),
        (f.word("roi_payback"), years_text(f, r.payback_years)),
        (f.word("roi_discounted_payback"), years_text(f, r.discounted_payback_years)),
        (f.word("roi_cost_of_delay"), f.money(report.cost_of_delay, whole=True)),
        (f.word("roi_p_positive"), f.share(report.simulation.probability_positive)),
    ]
    doc.table([Column(f.word("col_measure")), Column(f.word("col_value"), "right", 5.5)], rows,
              caption=f.word("roi_key_figures_table"), key="key_figures")
    if r.tax_rate:
        doc.note(f.word("roi_after_tax", rate=f.share(r.tax_rate)))


_SOURCES = {"case": "roi_source_case", "baseline": "roi_source_baseline", "plan": "roi_source_plan"}


def _assumptions(doc: ReportDocument, f: Formatter, report: FinanceReport) -> None:
    case, live, sim = report.case, report.go_live, report.simulation
    doc.heading(f.word("roi_assumptions"))
    rows = [
        (f.word("roi_horizon"), f.word("roi_horizon_value", years=case.horizon)),
        (f.word("roi_discount_rate"), f.share(case.discount_rate, 2)),
        (f.word("roi_tax_rate"), f.share(case.tax_rate, 2) if case.tax_rate else f.word("roi_no_tax")),
        (f.word("roi_currency"), case.currency),
        (f.word("roi_benefit_risk"), f.share(case.benefit_risk, 1)),
        (f.word("roi_cost_risk"), f.share(case.cost_risk, 1)),
        (f.word("roi_go_live_assumed"), f.word("roi_go_live_from", day=f.day(live.assumed),
                                               source=f.word(_SOURCES[live.assumed_from]))
         if live.assumed_from else "—"),
        (f.word("roi_go_live_forecast"), f.day(live.forecast) if live.forecast else "—"),
        (f.word("roi_simulation_runs"), f.word("roi_runs_value", runs=f.number(sim.runs, 0), seed=sim.seed)),
    ]
    doc.table([Column(f.word("col_item")), Column(f.word("col_value"), width_cm=7.5)], rows,
              caption=f.word("roi_assumptions_table"), key="assumptions")
    if case.benefit_risk or case.cost_risk:
        doc.paragraph(f.word("roi_tei", benefits=f.share(case.benefit_risk), costs=f.share(case.cost_risk)))
    drivers = report.rows.drivers
    if drivers:
        doc.table([Column(f.word("roi_col_driver"), width_cm=4.2), Column(f.word("col_value"), "right", 3.2),
                   Column(f.word("roi_col_description"))],
                  [(d.name, f.number(d.value, 4), d.description) for d in drivers],
                  caption=f.word("roi_drivers_table"), key="drivers")
    doc.paragraph(report.result.convention.message().render(f.locale))


_CATEGORIES = {"construction": "roi_cat_construction", "usage": "roi_cat_usage",
               "cost_reduction": "roi_cat_cost_reduction", "revenue_growth": "roi_cat_revenue_growth"}


def _lines(doc: ReportDocument, f: Formatter, report: FinanceReport) -> None:
    doc.heading(f.word("roi_lines"))
    stored = {line.key: line for line in report.rows.lines}
    components = finance_labels(f.locale)
    doc.paragraph(f.word("roi_lines_intro"))
    basis_rows = []
    for line in report.case.lines:
        record = stored[line.id]
        kind = f.word(_CATEGORIES[line.category])
        if line.component:
            kind += " · " + components[f"component:{line.component}"]
        if line.amounts is not None:
            basis = f.word("roi_basis_amounts")
        else:
            basis = line.formula
            if line.ramp:
                basis += "; " + f.word("roi_basis_ramp", ramp=" · ".join(f.number(v, 2) for v in line.ramp))
        if line.gross_margin is not None:
            basis += "; " + f.word("roi_basis_margin", margin=f.share(line.gross_margin))
        if record.source:
            basis += "; " + f.word("roi_basis_source", source=record.source)
        factors = f"{f.number(line.conservative, 2)} / 1 / {f.number(line.optimistic, 2)}"
        basis_rows.append((line.id, f.name(record), kind, basis, factors))
    doc.table([Column(f.word("col_id"), width_cm=1.9), Column(f.word("roi_col_line")),
               Column(f.word("roi_col_kind"), width_cm=3.6), Column(f.word("roi_col_basis"), width_cm=4.4),
               Column(f.word("roi_col_factors"), "right", 2.4)],
              basis_rows, caption=f.word("roi_lines_table"), key="lines")
    values = report.case.values()
    horizon = report.case.horizon
    for first in range(0, horizon + 1, YEARS_PER_TABLE):
        years = range(first, min(first + YEARS_PER_TABLE, horizon + 1))
        rows = []
        for kind, total_key in (("cost", "roi_total_costs"), ("benefit", "roi_total_benefits")):
            indexes = [i for i, line in enumerate(report.case.lines) if line.kind == kind]
            for i in indexes:
                line = report.case.lines[i]
                rows.append([line.id, f.name(stored[line.id])]
                            + [f.number(values[i][y], 0) for y in years])
            rows.append(["", f.word(total_key)] + [f.number(sum(values[i][y] for i in indexes), 0) for y in years])
        caption = f.word("roi_per_year_table", currency=report.case.currency, first=years[0], last=years[-1])
        doc.table([Column(f.word("col_id"), width_cm=1.9), Column(f.word("roi_col_line"))]
                  + [Column(f.word("roi_col_year", year=y), "right", 2.0) for y in years],
                  rows, caption=caption, key=f"per_year_{first}")
    r = report.result
    doc.chart(Chart(costs_figure(r, currency=report.case.currency, locale=f.locale), f.word("roi_costs_caption"),
                    [Column(f.word("roi_col_component"))] + [Column(f.word("roi_col_year", year=y.year), "right")
                                                             for y in r.years],
                    [[components.get(f"component:{name}", name)] + [f.number(v, 0) for v in amounts]
                     for name, amounts in r.costs_by_component.items()], key="costs"))


def _cash_flows(doc: ReportDocument, f: Formatter, report: FinanceReport) -> None:
    r = report.result
    doc.heading(f.word("roi_results"))
    doc.table([Column(f.word("roi_col_year_plain"), "center", 1.2), Column(f.word("roi_col_costs"), "right"),
               Column(f.word("roi_col_benefits"), "right"), Column(f.word("roi_col_net"), "right"),
               Column(f.word("roi_col_cumulative"), "right"), Column(f.word("roi_col_factor"), "right", 1.6),
               Column(f.word("roi_col_pv"), "right"), Column(f.word("roi_col_cumulative_pv"), "right")],
              [(str(y.year), f.number(y.costs, 0), f.number(y.benefits, 0), f.number(y.net, 0),
                f.number(y.cumulative, 0), f.number(y.discount_factor, 4), f.number(y.present_value, 0),
                f.number(y.cumulative_pv, 0)) for y in r.years],
              caption=f.word("roi_cash_flow_table", currency=report.case.currency), key="cash_flows")
    doc.paragraph(f.word("roi_npv_text", npv=f.money(r.npv, whole=True), rate=f.share(r.discount_rate)))
    doc.paragraph(f.word("roi_roi_text", methodology=_ratio(f, r.roi_methodology), net=_ratio(f, r.roi)))
    doc.paragraph(irr_text(f, r), bold_lead=f.word("roi_irr") + ":")
    doc.paragraph(f.word("roi_payback_text", simple=years_text(f, r.payback_years),
                         discounted=years_text(f, r.discounted_payback_years)))
    doc.chart(Chart(cashflow_figure(r, currency=report.case.currency, locale=f.locale), f.word("roi_cashflow_caption"),
                    [Column(f.word("roi_col_year_plain")), Column(f.word("roi_col_net"), "right"),
                     Column(f.word("roi_col_cumulative"), "right"), Column(f.word("roi_col_cumulative_pv"), "right")],
                    [(str(y.year), f.number(y.net, 0), f.number(y.cumulative, 0), f.number(y.cumulative_pv, 0))
                     for y in r.years], key="cashflow"))


_SCENARIOS = {"conservative": "roi_conservative", "expected": "roi_expected", "optimistic": "roi_optimistic"}


def _risk(doc: ReportDocument, f: Formatter, report: FinanceReport, names: dict[str, str]) -> None:
    sim, currency = report.simulation, report.case.currency
    doc.heading(f.word("roi_risk"))
    doc.paragraph(f.word("roi_scenarios_intro"))
    doc.table([Column(f.word("roi_col_scenario"), width_cm=2.8), Column(f.word("roi_npv"), "right"),
               Column(f.word("roi_roi_net"), "right", 2.2), Column(f.word("roi_tco"), "right"),
               Column(f.word("roi_benefits"), "right"), Column(f.word("roi_payback"), "right", 2.6)],
              [(f.word(_SCENARIOS[s.scenario]), f.money(s.npv, whole=True), _ratio(f, s.roi),
                f.money(s.tco, whole=True), f.money(s.benefits, whole=True), years_text(f, s.payback_years))
               for s in report.scenarios], caption=f.word("roi_scenarios_table"), key="scenarios")
    doc.heading(f.word("roi_monte_carlo"), 2)
    doc.paragraph(f.word("roi_mc_intro", runs=f.number(sim.runs, 0), seed=sim.seed))
    doc.table([Column(f.word("col_measure")), Column("P10", "right"), Column("P50", "right"), Column("P90", "right")],
              [(f.word("roi_npv"), *(f.money(v, whole=True) for v in (sim.npv_spread.p10, sim.npv_spread.p50,
                                                                      sim.npv_spread.p90))),
               (f.word("roi_roi_net"), *(_ratio(f, v) for v in (sim.roi_spread.p10, sim.roi_spread.p50,
                                                                sim.roi_spread.p90))),
               (f.word("roi_payback_years"), *(f.number(v, 2) for v in (sim.payback_spread.p10, sim.payback_spread.p50,
                                                                        sim.payback_spread.p90)))],
              caption=f.word("roi_mc_table"), key="monte_carlo")
    doc.paragraph(f.word("roi_mc_result", share=f.share(sim.probability_positive), paid=f.share(sim.share_paid_back)))
    doc.chart(Chart(npv_histogram_figure(sim, currency=currency, locale=f.locale), f.word("roi_npv_caption"),
                    [Column(f.word("col_measure")), Column(f.word("col_value"), "right")],
                    [("P10", f.money(sim.npv_spread.p10, whole=True)), ("P50", f.money(sim.npv_spread.p50, whole=True)),
                     ("P90", f.money(sim.npv_spread.p90, whole=True)),
                     (f.word("roi_p_positive"), f.share(sim.probability_positive))], key="npv_distribution"))
    if report.tornado:
        doc.heading(f.word("roi_tornado"), 2)
        doc.paragraph(f.word("roi_tornado_intro"))
        doc.chart(Chart(tornado_figure(report.tornado, report.result.npv, names=names, currency=currency,
                                       locale=f.locale), f.word("roi_tornado_caption"),
                        [Column(f.word("roi_col_line")), Column(f.word("roi_conservative"), "right"),
                         Column(f.word("roi_optimistic"), "right"), Column(f.word("roi_col_swing"), "right")],
                        [(names.get(bar.line_id, bar.name), f.number(bar.conservative_npv, 0),
                          f.number(bar.optimistic_npv, 0), f.number(bar.swing, 0)) for bar in report.tornado],
                        key="tornado"))


def _go_live(doc: ReportDocument, f: Formatter, report: FinanceReport) -> None:
    live, r, planned = report.go_live, report.result, report.planned
    doc.heading(f.word("roi_go_live"))
    if live.task is None:
        doc.paragraph(f.word("roi_go_live_none"))
        return
    doc.paragraph(f.word("roi_go_live_text", task=live.task, assumed=f.day(live.assumed),
                         source=f.word(_SOURCES[live.assumed_from]) if live.assumed_from else "—",
                         forecast=f.day(live.forecast), status=f.day(live.status_date)))
    if live.slip_days:
        key = "roi_go_live_later" if live.slip_days > 0 else "roi_go_live_earlier"
        doc.paragraph(f.word(key, days=abs(live.slip_days), months=f.number(abs(live.slip_months), 2),
                             npv=f.money(r.npv, whole=True),
                             planned=f.money(planned.npv, whole=True)))
    doc.table([Column(f.word("col_measure")), Column(f.word("roi_col_at_assumed"), "right", 4.2),
               Column(f.word("roi_col_at_forecast"), "right", 4.2)],
              [(f.word("roi_npv"), f.money(planned.npv, whole=True), f.money(r.npv, whole=True)),
               (f.word("roi_benefits"), f.money(planned.benefits, whole=True), f.money(r.benefits, whole=True)),
               (f.word("roi_roi_net"), _ratio(f, planned.roi), _ratio(f, r.roi)),
               (f.word("roi_payback"), years_text(f, planned.payback_years), years_text(f, r.payback_years))],
              caption=f.word("roi_go_live_table"), key="go_live")
    doc.paragraph(f.word("roi_delay_text", cost=f.money(report.cost_of_delay, whole=True)))


def _process_savings(doc: ReportDocument, f: Formatter, project: Project, session) -> None:
    savings = process_savings(session, project)
    if not savings:
        return
    doc.heading(f.word("roi_process_savings"))
    doc.paragraph(f.word("roi_process_savings_intro"))
    rows = []
    for saving in savings:
        state = (f.word("roi_saving_taken") if saving.in_step
                 else f.word("roi_saving_changed", amount=f.money(saving.line_amount, whole=True))
                 if saving.line_amount is not None else f.word("roi_saving_not_taken"))
        rows.append((f.name(saving),
                     f.money(saving.annual_savings, whole=True), saving.line_key or "—", state))
    doc.table([Column(f.word("roi_col_process")), Column(f.word("roi_col_saving"), "right", 3.4),
               Column(f.word("roi_col_benefit_line"), width_cm=2.4), Column(f.word("col_status"), width_cm=4.6)],
              rows, caption=f.word("roi_process_savings_table"), key="process_savings")


def _tracking(doc: ReportDocument, f: Formatter, report: FinanceReport) -> None:
    t = report.tracking
    if not t.years_recorded:
        return
    doc.heading(f.word("roi_tracking"))
    doc.table([Column(f.word("roi_col_year_plain"), "center", 1.2), Column(f.word("roi_col_planned_benefits"), "right"),
               Column(f.word("roi_col_actual_benefits"), "right"), Column(f.word("roi_col_realised"), "right", 2.0),
               Column(f.word("roi_col_planned_costs"), "right"), Column(f.word("roi_col_actual_costs"), "right"),
               Column(f.word("roi_col_cost_variance"), "right")],
              [(str(row.year), f.number(row.planned_benefits, 0), f.number(row.actual_benefits, 0),
                f.share(row.realised), f.number(row.planned_costs, 0), f.number(row.actual_costs, 0),
                f.number(row.cost_variance, 0)) for row in t.rows],
              caption=f.word("roi_tracking_table", currency=report.case.currency), key="tracking")
    doc.paragraph(f.word("roi_reforecast", planned=f.money(t.npv_planned, whole=True),
                         reforecast=f.money(t.npv_reforecast, whole=True)))
    if t.realised_to_date is not None:
        doc.paragraph(f.word("roi_realised_to_date", share=f.share(t.realised_to_date)))


def _line_names(report: FinanceReport, f: Formatter) -> dict[str, str]:
    return {line.key: f.name(line) for line in report.rows.lines}


def build_roi_report(project: Project, options: ReportOptions, renderer: ChartRenderer | None = None,
                     cache: ResultCache | None = None) -> ReportDocument:
    """The business case of ``project`` at its forecast go-live (status date ``options.today``
    when it has none), with the page's Monte Carlo runs and seed."""
    f = Formatter(options.locale, project.currency)
    session = object_session(project)
    report = finance_report(session, project, options.today)
    doc = ReportDocument(title_info(project, "roi_report", options), options.locale, renderer,
                         chapters_on_new_page=False)
    if report is None:
        doc.heading(f.word("summary"))
        doc.paragraph(f.word("roi_no_case"))
        return doc
    _summary(doc, f, report)
    _assumptions(doc, f, report)
    _lines(doc, f, report)
    _cash_flows(doc, f, report)
    _risk(doc, f, report, _line_names(report, f))
    _go_live(doc, f, report)
    _process_savings(doc, f, project, session)
    _tracking(doc, f, report)
    return doc
