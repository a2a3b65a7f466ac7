"""The words of the reports, in the one gettext catalogue (context ``report``).

A report is written in one language chosen per report: every heading, caption, column title
and sentence the reports write themselves is an entry here, rendered with :func:`word`.
Names that come from the project (tasks, phases, risks) are chosen in the same language by the
report modules (``localized``), and chart words come from :data:`crm_impl.i18n.LABELS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from crm_impl.i18n import NC_, normalise_locale, translations

__all__ = ["WORDS", "word", "words"]

WORDS: dict[str, tuple[str, str]] = {
    # The framework: title page, header, footer, captions.
    "prepared_for": NC_("report", "Prepared for"),
    "report_date": NC_("report", "Date"),
    "version": NC_("report", "Version"),
    "version_short": NC_("report", "v%(version)s"),
    "author": NC_("report", "Author"),
    "confidential": NC_("report", "Confidential: prepared for the client's project organisation. "
                                  "Figures are computed from the project's records on the report date."),
    "page_of": NC_("report", "Page %s of %s"),
    "contents": NC_("report", "Contents"),
    "figure": NC_("report", "Figure"),
    "table": NC_("report", "Table"),
    "caption_separator": NC_("report", ": "),
    "chart_as_table": NC_("report", "No browser was available to draw this chart; its data follows as a table."),
    # Report types.
    "plan_report": NC_("report", "Project plan"),
    "status_report": NC_("report", "Steering committee status report"),
    "status_subtitle": NC_("report", "Status at %(day)s"),
    # Common columns and values.
    "col_id": NC_("report", "ID"),
    "col_name": NC_("report", "Name"),
    "col_phase": NC_("report", "Phase"),
    "col_task": NC_("report", "Task"),
    "col_start": NC_("report", "Start"),
    "col_finish": NC_("report", "Finish"),
    "col_duration": NC_("report", "Duration (working days)"),
    "col_slack": NC_("report", "Total slack (working days)"),
    "col_critical": NC_("report", "Critical"),
    "col_role": NC_("report", "Role"),
    "col_side": NC_("report", "Side"),
    "col_organisation": NC_("report", "Organisation"),
    "col_availability": NC_("report", "Availability"),
    "col_goal": NC_("report", "Goal"),
    "col_gate_name": NC_("report", "Quality gate"),
    "col_value": NC_("report", "Value"),
    "col_item": NC_("report", "Item"),
    "col_probability": NC_("report", "Probability"),
    "col_impact": NC_("report", "Impact"),
    "col_score": NC_("report", "Score"),
    "col_residual": NC_("report", "Score after mitigation"),
    "col_owner": NC_("report", "Owner"),
    "col_response": NC_("report", "Response"),
    "col_status": NC_("report", "Status"),
    "col_risk": NC_("report", "Risk"),
    "col_percentile": NC_("report", "Confidence"),
    "col_days": NC_("report", "Working days"),
    "col_date": NC_("report", "Finish date"),
    "col_method": NC_("report", "Method"),
    "col_deliverable": NC_("report", "Deliverable"),
    "col_mandatory": NC_("report", "Mandatory"),
    "col_progress": NC_("report", "Progress"),
    "col_planned_progress": NC_("report", "Planned by status date"),
    "col_variance": NC_("report", "Variance"),
    "col_baseline_finish": NC_("report", "Baseline finish"),
    "col_forecast_finish": NC_("report", "Forecast finish"),
    "col_finish_variance": NC_("report", "Slip (working days)"),
    "col_area": NC_("report", "Area"),
    "col_rag": NC_("report", "Status"),
    "col_measured": NC_("report", "Measured"),
    "col_thresholds": NC_("report", "Thresholds"),
    "col_kpi": NC_("report", "KPI"),
    "col_baseline": NC_("report", "Baseline"),
    "col_target": NC_("report", "Target"),
    "col_actual": NC_("report", "Latest measurement"),
    "col_trend": NC_("report", "Trend"),
    "col_change": NC_("report", "Change request"),
    "col_requester": NC_("report", "Requested by"),
    "col_days_impact": NC_("report", "Schedule impact (working days)"),
    "col_cost_impact": NC_("report", "Cost impact"),
    "col_decision_by": NC_("report", "Decided by"),
    "col_decision": NC_("report", "Decision required"),
    "col_due": NC_("report", "Due"),
    "col_role_code": NC_("report", "Code"),
    "col_measure": NC_("report", "Measure"),
    "col_share": NC_("report", "Share of runs"),
    "yes": NC_("report", "yes"),
    "no": NC_("report", "no"),
    "met": NC_("report", "met"),
    "missed": NC_("report", "missed"),
    "not_measured": NC_("report", "not measured"),
    "trend_up": NC_("report", "rising"),
    "trend_down": NC_("report", "falling"),
    "trend_steady": NC_("report", "steady"),
    "trend_new": NC_("report", "new"),
    "steering": NC_("report", "steering committee"),
    "project_manager": NC_("report", "project manager"),
    "side_vendor": NC_("report", "vendor"),
    "side_enterprise": NC_("report", "enterprise"),
    # The project plan.
    "plan_intro": NC_("report", "Introduction"),
    "plan_summary": NC_("report", "This plan sets out how %(project)s will be carried out for %(client)s: "
                                  "%(tasks)s tasks in %(phases)s phases from %(start)s to %(finish)s "
                                  "(%(days)s working days), following the %(method)s."),
    "objectives": NC_("report", "Objectives and scope"),
    "objectives_none": NC_("report", "The project states no objectives yet."),
    "scope_modules": NC_("report", "Modules in scope"),
    "key_facts": NC_("report", "Key facts"),
    "fact_client": NC_("report", "Client"),
    "fact_industry": NC_("report", "Industry"),
    "fact_start": NC_("report", "Start"),
    "fact_finish": NC_("report", "Planned finish"),
    "fact_duration": NC_("report", "Planned duration"),
    "fact_days": NC_("report", "%(days)s working days"),
    "fact_budget": NC_("report", "Planned budget"),
    "fact_reserve": NC_("report", "Change reserve"),
    "fact_method": NC_("report", "Method"),
    "phases": NC_("report", "Phases, deliverables and quality gates"),
    "phases_intro": NC_("report", "Each phase ends at a quality gate: the next phase starts only when the gate's "
                                  "criteria are met and its mandatory deliverables are signed off."),
    "phases_table": NC_("report", "Phases with their goals and planned dates"),
    "phase_deliverables": NC_("report", "Deliverables and gate of phase %(phase)s"),
    "gate_none": NC_("report", "This phase has no quality gate."),
    "team": NC_("report", "Team and roles"),
    "team_table": NC_("report", "Project team"),
    "team_none": NC_("report", "No team members are named yet."),
    "roles_table": NC_("report", "Methodology roles"),
    "raci": NC_("report", "Responsibility matrix (RACI)"),
    "raci_intro": NC_("report", "R: responsible, A: accountable, C: consulted, I: informed. Role codes are "
                                "explained in "),
    "raci_table": NC_("report", "RACI matrix of deliverables and roles"),
    "schedule": NC_("report", "Schedule"),
    "milestones": NC_("report", "Milestones"),
    "milestones_table": NC_("report", "Milestones and quality gates"),
    "gantt_caption": NC_("report", "Gantt chart of the plan (critical tasks in red)"),
    "critical_path": NC_("report", "Critical path and slack"),
    "critical_intro": NC_("report", "The critical path runs through %(count)s tasks: any delay to one of them "
                                    "delays go-live. "),
    "critical_table": NC_("report", "Tasks with their slack (critical tasks first)"),
    "network_caption": NC_("report", "Network diagram of the plan (activity on node, critical path in red)"),
    "load_caption": NC_("report", "Weekly load of each role against the team's capacity"),
    "load_none": NC_("report", "No task names a responsible role yet, so the weekly load of each role cannot be "
                               "shown."),
    "schedule_risk": NC_("report", "Schedule risk: PERT and Monte Carlo"),
    "schedule_risk_intro": NC_("report", "Three-point estimates give the go-live date as a range. PERT adds the "
                                         "variances along the critical path; the Monte Carlo simulation runs "
                                         "the whole network %(runs)s times (seed %(seed)s), so paths that "
                                         "overtake the critical one count too."),
    "percentiles_table": NC_("report", "Go-live date by confidence level"),
    "probability_plan": NC_("report", "Probability of going live by the planned finish (%(day)s): "
                                      "%(mc)s by simulation, %(pert)s by PERT."),
    "mc_caption": NC_("report", "Distribution of the go-live date in the simulation"),
    "criticality_caption": NC_("report", "How often each task was on the critical path"),
    "risks": NC_("report", "Top risks"),
    "risks_table": NC_("report", "The highest-rated open risks"),
    "risks_none": NC_("report", "No open risks are recorded."),
    "heatmap_caption": NC_("report", "Open risks before and after mitigation"),
    "pert": NC_("report", "PERT"),
    "simulation": NC_("report", "Simulation"),
    # The status report.
    "summary": NC_("report", "Summary"),
    "status_summary": NC_("report", "At the status date %(day)s the project is %(overall)s overall. "
                                    "The forecast finish is %(forecast)s against %(target)s (%(slip)s "
                                    "working days); %(progress)s of the planned work is done."),
    "status_baseline": NC_("report", "Schedule and cost are measured against the steering baseline "
                                     "“%(name)s”."),
    "status_no_baseline": NC_("report", "No steering baseline is set: the schedule is measured against the "
                                        "current plan and earned value cannot be measured."),
    "rag": NC_("report", "Status by area"),
    "rag_table": NC_("report", "Red, amber and green status by area, with the measured value and the rule"),
    "overall": NC_("report", "Overall"),
    "progress": NC_("report", "Progress against the baseline"),
    "progress_table": NC_("report", "Progress per phase against the steering baseline"),
    "status_gantt_caption": NC_("report", "Forecast from the status date against the steering baseline"),
    "milestones_status_table": NC_("report", "Milestones: baseline against forecast"),
    "earned_value": NC_("report", "Earned value"),
    "ev_table": NC_("report", "Earned value at the status date"),
    "ev_none": NC_("report", "Earned value needs a steering baseline with budgets."),
    "ev_bac": NC_("report", "Budget at completion (BAC)"),
    "ev_pv": NC_("report", "Planned value (PV)"),
    "ev_ev": NC_("report", "Earned value (EV)"),
    "ev_ac": NC_("report", "Actual cost (AC)"),
    "ev_sv": NC_("report", "Schedule variance (SV = EV − PV)"),
    "ev_cv": NC_("report", "Cost variance (CV = EV − AC)"),
    "ev_spi": NC_("report", "Schedule performance index (SPI)"),
    "ev_cpi": NC_("report", "Cost performance index (CPI)"),
    "ev_eac": NC_("report", "Estimate at completion (EAC = BAC / CPI)"),
    "ev_vac": NC_("report", "Variance at completion (VAC)"),
    "risks_trend_table": NC_("report", "Top open risks and their trend since %(day)s"),
    "changes": NC_("report", "Change requests awaiting decision"),
    "changes_table": NC_("report", "Change requests submitted or assessed, not yet decided"),
    "changes_none": NC_("report", "No change request awaits a decision."),
    "decisions": NC_("report", "Decisions required"),
    "decisions_table": NC_("report", "What the steering committee is asked to decide"),
    "decisions_none": NC_("report", "No decision is required at this meeting."),
    "kpis": NC_("report", "KPI status"),
    "kpis_table": NC_("report", "Implementation KPIs against their targets"),
    "next_period": NC_("report", "Plan for the next period"),
    "next_table": NC_("report", "Work due to start or finish between %(start)s and %(finish)s"),
    "next_none": NC_("report", "No work is planned in the next period."),
    "mc_forecast_caption": NC_("report", "Distribution of the forecast finish of the remaining work"),
    # The business case (TCO and ROI).
    "roi_report": NC_("report", "Business case: TCO and ROI"),
    "roi_no_case": NC_("report", "The project has no business case yet. Create one on the business case page: "
                                 "its cost and benefit lines, discount rate and horizon."),
    "roi_summary_text": NC_("report", "Over %(years)s years after the initial investment the solution costs "
                                      "%(tco)s (present value %(tco_pv)s) and returns %(benefits)s in benefits "
                                      "(present value %(benefits_pv)s): NPV %(npv)s at a discount rate of "
                                      "%(rate)s, net ROI %(roi)s, payback %(payback)s."),
    "roi_verdict_positive": NC_("report", "The investment pays: its NPV is positive. Across the simulated risks "
                                          "the NPV is positive in %(share)s of runs (P10 %(p10)s, P90 %(p90)s)."),
    "roi_verdict_fragile": NC_("report", "The NPV as estimated is positive, but across the simulated risks it is "
                                         "positive in only %(share)s of runs (P10 %(p10)s, P90 %(p90)s): the case "
                                         "holds only if the estimates come true."),
    "roi_verdict_negative": NC_("report", "The investment does not pay as estimated: its NPV is negative. Across "
                                          "the simulated risks the NPV is positive in %(share)s of runs (P10 "
                                          "%(p10)s, P90 %(p90)s)."),
    "roi_key_figures_table": NC_("report", "Key figures of the business case (risk-adjusted, at the forecast "
                                           "go-live)"),
    "roi_after_tax": NC_("report", "Cash flows, NPV, IRR and payback are after tax at %(rate)s; TCO and ROI "
                                   "are before tax."),
    "roi_tco": NC_("report", "TCO"),
    "roi_tco_pv": NC_("report", "TCO, present value"),
    "roi_construction": NC_("report", "Construction costs"),
    "roi_usage": NC_("report", "Usage costs"),
    "roi_benefits": NC_("report", "Benefits"),
    "roi_benefits_pv": NC_("report", "Benefits, present value"),
    "roi_cost_reduction": NC_("report", "Cost reduction"),
    "roi_revenue_growth": NC_("report", "Revenue growth (gross profit)"),
    "roi_net_benefit": NC_("report", "Net benefit (benefits − TCO, not discounted)"),
    "roi_npv": NC_("report", "NPV"),
    "roi_irr": NC_("report", "IRR"),
    "roi_roi_methodology": NC_("report", "ROI, methodology (benefits ÷ TCO)"),
    "roi_roi_net": NC_("report", "Net ROI ((benefits − TCO) ÷ TCO)"),
    "roi_payback": NC_("report", "Payback"),
    "roi_discounted_payback": NC_("report", "Discounted payback"),
    "roi_payback_years": NC_("report", "Payback (years)"),
    "roi_cost_of_delay": NC_("report", "Cost of one more month of delay (NPV lost)"),
    "roi_p_positive": NC_("report", "P(NPV > 0)"),
    "roi_years": NC_("report", "%(years)s years"),
    "roi_never": NC_("report", "not within the horizon"),
    "roi_irr_none": NC_("report", "No IRR: the cash flows never change sign."),
    "roi_irr_several": NC_("report", "Several: the cash flows change sign in years %(years)s; rates with NPV "
                                     "zero: %(rates)s."),
    "roi_assumptions": NC_("report", "Assumptions"),
    "roi_assumptions_table": NC_("report", "Assumptions of the business case"),
    "roi_horizon": NC_("report", "Horizon"),
    "roi_horizon_value": NC_("report", "year 0 (initial investment) and %(years)s years"),
    "roi_discount_rate": NC_("report", "Discount rate"),
    "roi_tax_rate": NC_("report", "Tax rate"),
    "roi_no_tax": NC_("report", "none (before tax)"),
    "roi_currency": NC_("report", "Currency"),
    "roi_benefit_risk": NC_("report", "Risk adjustment of benefits (reduced by)"),
    "roi_cost_risk": NC_("report", "Risk adjustment of costs (raised by)"),
    "roi_go_live_assumed": NC_("report", "Go-live the case assumes"),
    "roi_go_live_forecast": NC_("report", "Go-live the schedule forecasts"),
    "roi_go_live_from": NC_("report", "%(day)s (%(source)s)"),
    "roi_source_case": NC_("report", "set in the case"),
    "roi_source_baseline": NC_("report", "steering baseline"),
    "roi_source_plan": NC_("report", "current plan"),
    "roi_simulation_runs": NC_("report", "Monte Carlo simulation"),
    "roi_runs_value": NC_("report", "%(runs)s runs, seed %(seed)s"),
    "roi_tei": NC_("report", "Risk-adjusted as in Forrester's TEI: every benefit is reduced by %(benefits)s and "
                             "every cost raised by %(costs)s (a line may carry its own adjustment) before any "
                             "figure of this report is computed."),
    "roi_col_driver": NC_("report", "Driver"),
    "roi_col_description": NC_("report", "Description"),
    "roi_drivers_table": NC_("report", "Drivers used by the formulas of the lines"),
    "roi_lines": NC_("report", "Cost and benefit lines"),
    "roi_lines_intro": NC_("report", "Costs are construction (one-off) and usage (recurring) costs; benefits are "
                                     "cost reductions and revenue growth counted as incremental gross profit. Each "
                                     "line has a conservative and an optimistic factor on its expected amounts."),
    "roi_lines_table": NC_("report", "Lines of the case, how each is estimated and its scenario factors"),
    "roi_col_line": NC_("report", "Line"),
    "roi_col_kind": NC_("report", "Kind"),
    "roi_col_basis": NC_("report", "Estimated as"),
    "roi_col_factors": NC_("report", "Factors (cons. / exp. / opt.)"),
    "roi_cat_construction": NC_("report", "Cost: construction"),
    "roi_cat_usage": NC_("report", "Cost: usage"),
    "roi_cat_cost_reduction": NC_("report", "Benefit: cost reduction"),
    "roi_cat_revenue_growth": NC_("report", "Benefit: revenue growth"),
    "roi_basis_amounts": NC_("report", "amounts per year"),
    "roi_basis_ramp": NC_("report", "ramp-up %(ramp)s"),
    "roi_basis_margin": NC_("report", "revenue × margin %(margin)s"),
    "roi_basis_source": NC_("report", "source: %(source)s"),
    "roi_total_costs": NC_("report", "Total costs"),
    "roi_total_benefits": NC_("report", "Total benefits"),
    "roi_per_year_table": NC_("report", "Expected amounts per line and year, %(currency)s (years %(first)s to "
                                        "%(last)s; before the risk adjustment and the go-live shift)"),
    "roi_col_year": NC_("report", "Year %(year)s"),
    "roi_col_year_plain": NC_("report", "Year"),
    "roi_col_component": NC_("report", "Cost component"),
    "roi_costs_caption": NC_("report", "Costs by component and year"),
    "roi_results": NC_("report", "Cash flows, NPV, IRR, ROI and payback"),
    "roi_col_costs": NC_("report", "Costs"),
    "roi_col_benefits": NC_("report", "Benefits"),
    "roi_col_net": NC_("report", "Net cash flow"),
    "roi_col_cumulative": NC_("report", "Cumulative"),
    "roi_col_factor": NC_("report", "Discount factor"),
    "roi_col_pv": NC_("report", "Present value"),
    "roi_col_cumulative_pv": NC_("report", "Cumulative present value"),
    "roi_cash_flow_table": NC_("report", "Cash flows by year, %(currency)s (risk-adjusted, benefits from the "
                                         "forecast go-live)"),
    "roi_npv_text": NC_("report", "NPV at %(rate)s: %(npv)s."),
    "roi_roi_text": NC_("report", "ROI is given both ways: the methodology's ratio of benefits to TCO is "
                                  "%(methodology)s (1 is break-even); the net ROI, (benefits − TCO) ÷ TCO, is "
                                  "%(net)s (0 is break-even)."),
    "roi_payback_text": NC_("report", "Payback (the cumulative cash flow turns positive, within the year pro "
                                      "rata): %(simple)s; discounted payback: %(discounted)s."),
    "roi_cashflow_caption": NC_("report", "Net cash flow per year with the cumulative and discounted cumulative "
                                          "cash flow and the payback point"),
    "roi_risk": NC_("report", "Risk"),
    "roi_scenarios_intro": NC_("report", "Each scenario applies every line's conservative, expected or "
                                         "optimistic factor at once: the conservative scenario is the case where "
                                         "everything goes wrong together."),
    "roi_col_scenario": NC_("report", "Scenario"),
    "roi_conservative": NC_("report", "Conservative"),
    "roi_expected": NC_("report", "Expected"),
    "roi_optimistic": NC_("report", "Optimistic"),
    "roi_scenarios_table": NC_("report", "Scenarios"),
    "roi_monte_carlo": NC_("report", "Monte Carlo simulation"),
    "roi_mc_intro": NC_("report", "%(runs)s runs (seed %(seed)s); each line is drawn from a triangular "
                                  "distribution between its conservative and optimistic factors, most likely 1."),
    "roi_mc_table": NC_("report", "NPV, net ROI and payback by percentile of the simulation"),
    "roi_mc_result": NC_("report", "The NPV is positive in %(share)s of runs; the investment is paid back "
                                   "within the horizon in %(paid)s of runs."),
    "roi_npv_caption": NC_("report", "Distribution of the NPV in the simulation"),
    "roi_tornado": NC_("report", "Which lines matter most"),
    "roi_tornado_intro": NC_("report", "The tornado moves one line at a time from its conservative to its "
                                       "optimistic factor, the others expected: the longest bars are the estimates "
                                       "worth checking first."),
    "roi_tornado_caption": NC_("report", "Tornado: NPV per line over its scenario range"),
    "roi_col_swing": NC_("report", "Swing"),
    "roi_go_live": NC_("report", "Go-live dependency"),
    "roi_go_live_none": NC_("report", "The plan has no go-live milestone (the go-live gate of the cut-over phase): "
                                      "benefits start at year 1 as entered."),
    "roi_go_live_text": NC_("report", "Benefits start at go-live (milestone %(task)s). The case assumes "
                                      "%(assumed)s (%(source)s); the schedule forecasts %(forecast)s at the status "
                                      "date %(status)s. Every figure of this report uses the forecast."),
    "roi_go_live_later": NC_("report", "Go-live is %(days)s calendar days later than assumed (in "
                                       "calendar months: %(months)s): NPV %(npv)s instead of %(planned)s."),
    "roi_go_live_earlier": NC_("report", "Go-live is %(days)s calendar days earlier than assumed (in "
                                         "calendar months: %(months)s): NPV %(npv)s instead of %(planned)s."),
    "roi_col_at_assumed": NC_("report", "At the assumed go-live"),
    "roi_col_at_forecast": NC_("report", "At the forecast go-live"),
    "roi_go_live_table": NC_("report", "The case at the assumed and at the forecast go-live"),
    "roi_delay_text": NC_("report", "Each further month of delay costs %(cost)s of NPV."),
    "roi_process_savings": NC_("report", "Savings of redesigned processes"),
    "roi_process_savings_intro": NC_("report", "Each to-be process map saves its cost per case against its as-is "
                                               "map, times the cases a year; taken into the case, the saving is the "
                                               "full-year amount of a cost-reduction line, realised at that line's "
                                               "ramp-up (a new line: in full from year 1 on)."),
    "roi_col_process": NC_("report", "Process map"),
    "roi_col_saving": NC_("report", "Saving a year"),
    "roi_col_benefit_line": NC_("report", "Benefit line"),
    "roi_saving_taken": NC_("report", "taken into the case"),
    "roi_saving_changed": NC_("report", "the line holds %(amount)s a year: the map has changed since"),
    "roi_saving_not_taken": NC_("report", "not taken yet"),
    "roi_process_savings_table": NC_("report", "Yearly savings of the redesigned processes and the benefit lines "
                                               "that take them"),
    "roi_tracking": NC_("report", "Benefits realised after go-live"),
    "roi_col_planned_benefits": NC_("report", "Planned benefits"),
    "roi_col_actual_benefits": NC_("report", "Actual benefits"),
    "roi_col_realised": NC_("report", "Realised"),
    "roi_col_planned_costs": NC_("report", "Planned costs"),
    "roi_col_actual_costs": NC_("report", "Actual costs"),
    "roi_col_cost_variance": NC_("report", "Cost variance"),
    "roi_tracking_table": NC_("report", "Benefits and costs recorded against plan, %(currency)s"),
    "roi_reforecast": NC_("report", "NPV as planned %(planned)s; re-forecast from the actuals recorded "
                                    "%(reforecast)s."),
    "roi_realised_to_date": NC_("report", "Benefits realised to date: %(share)s of plan."),
    # The vendor comparison.
    "vendors_report": NC_("report", "Vendor comparison"),
    "vendor_selection": NC_("report", "Vendor selection"),
    "vendor_none": NC_("report", "This project has no vendor selection yet. Once the short-listed vendors, the "
                                 "criteria and the evaluators' score sheets are entered on the project's vendor "
                                 "selection page, this report compares the vendors and recommends one."),
    "vendor_recommendation": NC_("report", "Recommendation"),
    "vendor_withheld": NC_("report", "The results are withheld until the project manager closes scoring: until "
                                     "then they would reveal the evaluators' scores to each other. The selection "
                                     "process and the criteria follow."),
    "vendor_unscorable": NC_("report", "The selection cannot be scored yet: %(problem)s"),
    "vendor_rec_lead": NC_("report", "The analysis recommends %(winner)s."),
    "vendor_rec_winner": NC_("report", "On the weighted criteria %(winner)s ranks first with %(score)s of 5, "
                                       "%(margin)s points ahead of %(runner)s (%(runner_score)s)."),
    "vendor_rec_only": NC_("report", "%(winner)s ranks first with %(score)s of 5: it is the only vendor that is "
                                     "not disqualified."),
    "vendor_rec_no_winner": NC_("report", "No single vendor ranks first (the leading totals tie, or every vendor "
                                          "is disqualified): the analysis does not choose a vendor."),
    "vendor_rec_flip": NC_("report", "The smallest change of a single weight that hands the lead to another "
                                     "vendor moves %(criterion)s from %(now)s to %(then)s (%(change)s percentage "
                                     "points); %(vendor)s would then rank first."),
    "vendor_rec_no_flip": NC_("report", "No change of a single weight hands the lead to another vendor."),
    "vendor_rec_probability": NC_("report", "With every weight varied by up to ±%(spread)s at once, %(winner)s "
                                            "ranks first in %(share)s of %(runs)s runs."),
    "vendor_agree": NC_("report", "The weighted sum and TOPSIS agree: %(name)s ranks first in both."),
    "vendor_disagree": NC_("report", "The weighted sum and TOPSIS disagree on the winner (%(first)s against "
                                     "%(second)s): the call is close."),
    "vendor_rec_cost_lowest": NC_("report", "%(winner)s has the lowest TCO of the %(count)s vendors: %(tco)s "
                                            "(%(tco_pv)s in present value)."),
    "vendor_rec_cost_higher": NC_("report", "The TCO of %(winner)s is %(tco)s (%(tco_pv)s in present value); "
                                            "%(cheapest)s is the cheapest at %(low)s."),
    "vendor_rec_npv_best": NC_("report", "Its NPV, %(npv)s, is the highest of the vendors."),
    "vendor_rec_npv_other": NC_("report", "Its NPV is %(npv)s; %(best)s has the highest, %(best_npv)s."),
    "vendor_rec_no_case": NC_("report", "The project has no business case, so the vendors' TCO and ROI are not "
                                        "compared."),
    "vendor_rec_disqualified": NC_("report", "Disqualified by a knock-out criterion: %(names)s."),
    "vendor_rec_cr": NC_("report", "The AHP judgements behind the weights are consistent (consistency ratio of "
                                   "the hierarchy %(cr)s, limit %(limit)s)."),
    "vendor_rec_cr_high": NC_("report", "The group's AHP judgements are inconsistent at %(nodes)s (consistency "
                                        "ratio above %(limit)s): revise them before deciding."),
    "vendor_rec_cr_stakeholders": NC_("report", "The own comparisons of %(names)s have a consistency ratio above "
                                                "%(limit)s (see the consistency table)."),
    "vendor_rec_spread": NC_("report", "The evaluators' scores lie %(points)s points or more apart on %(count)s "
                                       "scores (see the scores section)."),
    "vendor_key_figures": NC_("report", "Key figures of the recommendation"),
    "vendor_fact_winner": NC_("report", "Ranked first (weighted sum)"),
    "vendor_fact_score": NC_("report", "Weighted score (of 5)"),
    "vendor_fact_runner": NC_("report", "Runner-up"),
    "vendor_name_score": NC_("report", "%(name)s (%(score)s)"),
    "vendor_fact_margin": NC_("report", "Lead over the runner-up (points of 5)"),
    "vendor_fact_topsis": NC_("report", "Ranked first by TOPSIS"),
    "vendor_fact_flip": NC_("report", "Smallest weight change that changes the winner"),
    "vendor_fact_probability": NC_("report", "Probability of ranking first (weights varied)"),
    "vendor_fact_tco": NC_("report", "TCO of the recommended vendor"),
    "vendor_fact_npv": NC_("report", "NPV of the recommended vendor"),
    "vendor_flip_fact": NC_("report", "%(criterion)s: %(now)s → %(then)s"),
    "vendor_process": NC_("report", "Selection process"),
    "vendor_process_intro": NC_("report", "%(title)s: %(vendors)s short-listed vendors, scored by %(evaluators)s "
                                          "evaluators on %(criteria)s criteria in %(groups)s groups; the "
                                          "quotations are compared over %(years)s years."),
    "vendor_weighting_ahp": NC_("report", "The weights come from pairwise comparisons (AHP) by %(count)s "
                                          "stakeholders: %(names)s."),
    "vendor_weighting_ahp_none": NC_("report", "The weights are to come from pairwise comparisons (AHP); nobody "
                                               "has compared the criteria yet."),
    "vendor_weighting_direct": NC_("report", "The weights were entered directly: a relative number for each group "
                                             "and for each criterion inside its group."),
    "vendor_closed_by": NC_("report", "Scoring was closed by %(name)s on %(day)s."),
    "vendor_closed": NC_("report", "Scoring is closed."),
    "vendor_changed_since": NC_("report", "Since then the criteria, weights, comparisons or vendors have changed "
                                          "(changes: %(count)s; the last on %(day)s by %(name)s): the results below "
                                          "are not the ones read at closing."),
    "vendor_open": NC_("report", "Scoring is still open."),
    "vendor_notes": NC_("report", "Notes:"),
    "vendor_quotes_table": NC_("report", "Short-listed vendors and their quotations"),
    "vendor_vendors_none": NC_("report", "No vendor is on the short list yet."),
    "vendor_evaluators_table": NC_("report", "Evaluators and the completion of their score sheets"),
    "vendor_evaluators_none": NC_("report", "No evaluators have been chosen yet."),
    "col_vendor": NC_("report", "Vendor"),
    "col_licence": NC_("report", "Licence"),
    "col_implementation": NC_("report", "Implementation"),
    "col_running": NC_("report", "Running costs per year"),
    "col_quote_total": NC_("report", "Total over %(years)s years"),
    "col_quotation": NC_("report", "Quotation document"),
    "col_evaluator": NC_("report", "Evaluator"),
    "col_cells_scored": NC_("report", "Cells scored"),
    "col_complete": NC_("report", "Complete"),
    "vendor_criteria": NC_("report", "Criteria and weights"),
    "vendor_criteria_intro": NC_("report", "A criterion's weight is its group's weight times its weight inside the "
                                           "group; the weights of all criteria sum to 100%. Scores on 1–10 and "
                                           "scores where lower is better enter the total on the 1–5 scale, "
                                           "turned round where needed."),
    "vendor_criteria_table": NC_("report", "The criteria tree with the weights"),
    "vendor_weights_problem": NC_("report", "The weights cannot be computed yet: %(problem)s"),
    "col_criterion": NC_("report", "Criterion"),
    "col_scoring": NC_("report", "Scored"),
    "col_knockout": NC_("report", "Knock-out"),
    "col_weight_in_group": NC_("report", "Weight in group"),
    "col_weight": NC_("report", "Weight"),
    "vendor_scoring": NC_("report", "%(scale)s, %(direction)s"),
    "vendor_scale": NC_("report", "1–%(top)s"),
    "vendor_from_figures": NC_("report", "from figures"),
    "vendor_higher_better": NC_("report", "higher is better"),
    "vendor_lower_better": NC_("report", "lower is better"),
    "vendor_knockout_min": NC_("report", "under %(value)s disqualifies"),
    "vendor_knockout_max": NC_("report", "over %(value)s disqualifies"),
    "vendor_consistency": NC_("report", "Consistency of the AHP judgements"),
    "vendor_consistency_intro": NC_("report", "Saaty's consistency ratio (CR) measures how far a matrix of "
                                              "comparisons contradicts itself; above %(limit)s the judgements "
                                              "should be revised. The group's matrix is the geometric mean of the "
                                              "stakeholders' matrices."),
    "vendor_consistency_table": NC_("report", "Consistency ratio at each node, for the group and for each "
                                              "stakeholder"),
    "col_node": NC_("report", "Compared"),
    "col_stakeholder": NC_("report", "Stakeholder"),
    "col_cr": NC_("report", "CR"),
    "col_consistent": NC_("report", "Consistent"),
    "vendor_group_matrix": NC_("report", "group (geometric mean)"),
    "vendor_root": NC_("report", "Criteria groups"),
    "vendor_cr_hierarchy": NC_("report", "The consistency ratio of the whole hierarchy is %(cr)s."),
    "vendor_inconsistent": NC_("report", "%(who)s at “%(node)s”: CR %(cr)s. The most inconsistent comparison is "
                                         "%(a)s against %(b)s, entered as %(value)s where the other judgements "
                                         "imply %(implied)s; %(suggested)s would bring the CR to %(new_cr)s."),
    "vendor_all_consistent": NC_("report", "Every matrix is consistent (CR at most %(limit)s)."),
    "vendor_scores": NC_("report", "Scores and the evaluators' spread"),
    "vendor_scores_intro": NC_("report", "A vendor's consolidated score on a criterion is the mean of the "
                                         "evaluators' scores; the lowest, the highest and the standard deviation "
                                         "show how far they agree. Rows where the scores lie %(points)s points or "
                                         "more apart are shaded: talk them through before deciding. Criteria "
                                         "scored from figures give the best figure the top of the scale."),
    "vendor_scores_table": NC_("report", "Scores of %(vendor)s, with the evaluators' spread"),
    "col_mean": NC_("report", "Mean"),
    "col_min": NC_("report", "Lowest"),
    "col_max": NC_("report", "Highest"),
    "col_std": NC_("report", "Std dev"),
    "col_basis": NC_("report", "Basis"),
    "vendor_basis_sheets": NC_("report", "%(count)s sheets"),
    "vendor_basis_figure": NC_("report", "figure: %(figure)s"),
    "vendor_disagreements": NC_("report", "The evaluators' scores lie %(points)s points or more apart on "
                                          "%(count)s scores: %(cells)s."),
    "vendor_disagreement": NC_("report", "%(criterion)s for %(vendor)s (%(low)s–%(high)s)"),
    "vendor_disagreements_none": NC_("report", "No two evaluators' scores on a criterion lie %(points)s points or "
                                               "more apart."),
    "vendor_ranking": NC_("report", "Ranking"),
    "vendor_ranking_intro": NC_("report", "A vendor's total is Σ weight × score on the 1–5 scale (the "
                                          "methodology's scoring rule). TOPSIS ranks the qualified vendors a second "
                                          "way, by their relative closeness to an ideal vendor (0–1, higher is "
                                          "better)."),
    "vendor_ranking_table": NC_("report", "Ranking by weighted score, with TOPSIS beside it"),
    "col_rank": NC_("report", "Rank"),
    "col_total": NC_("report", "Weighted score (of 5)"),
    "col_topsis": NC_("report", "TOPSIS closeness"),
    "col_topsis_rank": NC_("report", "TOPSIS rank"),
    "disqualified": NC_("report", "disqualified"),
    "vendor_subtotals_table": NC_("report", "Group subtotals: each group's part of the weighted score"),
    "col_group": NC_("report", "Group"),
    "vendor_total": NC_("report", "Total"),
    "col_score5": NC_("report", "Score (1–5)"),
    "vendor_area_radar_caption": NC_("report", "The vendors over the CRM-7 areas (mean score, 1–5)"),
    "vendor_group_radar_caption": NC_("report", "The vendors over the criteria groups (mean score, 1–5)"),
    "vendor_contributions_caption": NC_("report", "Weighted score of each vendor, by group"),
    "vendor_knockouts": NC_("report", "Disqualifications"),
    "vendor_knockout_rules": NC_("report", "Knock-out criteria: %(rules)s."),
    "vendor_knockout_rule": NC_("report", "%(criterion)s (%(rule)s)"),
    "vendor_knockout_criteria_none": NC_("report", "No criterion has a knock-out threshold."),
    "vendor_knockouts_table": NC_("report", "Disqualified vendors"),
    "vendor_knockouts_none": NC_("report", "No vendor is disqualified."),
    "col_threshold": NC_("report", "Threshold"),
    "col_reason": NC_("report", "Reason"),
    "vendor_sensitivity": NC_("report", "Sensitivity of the result"),
    "vendor_flips": NC_("report", "One weight at a time"),
    "vendor_flips_intro": NC_("report", "One weight changes, the others are scaled in proportion so that all still "
                                        "sum to 100%. For each criterion the table gives the weight at which "
                                        "another vendor would rank first, the nearest first."),
    "vendor_flips_table": NC_("report", "Weight at which another vendor ranks first, by criterion"),
    "vendor_flips_none": NC_("report", "Without a single winner there is no lead to hand over."),
    "col_weight_now": NC_("report", "Weight now"),
    "col_flip_at": NC_("report", "Winner changes at"),
    "col_weight_change": NC_("report", "Change (percentage points)"),
    "col_new_winner": NC_("report", "New winner"),
    "vendor_no_flip": NC_("report", "no weight changes the winner"),
    "vendor_sensitivity_caption": NC_("report", "Each criterion's weight now and the weight at which another "
                                                "vendor wins"),
    "vendor_monte_carlo": NC_("report", "All weights at once"),
    "vendor_mc_intro": NC_("report", "Each of %(runs)s runs varies every weight by up to ±%(spread)s at once "
                                     "(seed %(seed)s) and records which vendor ranks first."),
    "vendor_mc_table": NC_("report", "Probability of ranking first when all weights vary"),
    "col_p_first": NC_("report", "Probability of ranking first"),
    "vendor_mc_caption": NC_("report", "Share of runs in which each vendor ranks first"),
    "vendor_costs": NC_("report", "TCO and ROI per vendor"),
    "vendor_costs_intro": NC_("report", "Each vendor's quotation takes the place of the licences, implementation "
                                        "and running fees in the project's business case; the enterprise's own "
                                        "costs and the benefits stay as they are, at the forecast go-live. So the "
                                        "differences are the quotations' differences."),
    "vendor_costs_table": NC_("report", "TCO, NPV and ROI per vendor"),
    "vendor_costs_caption": NC_("report", "TCO (construction and usage) and NPV per vendor"),
    "vendor_costs_none": NC_("report", "The project has no business case: TCO and ROI per vendor are computed once "
                                       "one is entered."),
    "col_tco": NC_("report", "TCO"),
    "col_tco_pv": NC_("report", "TCO (present value)"),
    "col_npv": NC_("report", "NPV"),
    "col_roi": NC_("report", "Net ROI"),
    "col_roi_methodology": NC_("report", "ROI (benefits ÷ TCO)"),
    "col_payback": NC_("report", "Payback (years)"),
    "vendor_payback_none": NC_("report", "beyond the horizon"),
    # The process redesign (BPR) report.
    "processes_report": NC_("report", "Process redesign"),
    # Counts stand apart from their nouns: "1 redesigned processes" reads wrong, and the catalogue has no plurals here.
    "bpr_summary": NC_("report", "Process maps: %(maps)s. Redesigned processes (an as-is map with its to-be map): "
                                 "%(pairs)s. Maps without a partner: %(single)s."),
    "bpr_no_maps": NC_("report", "The project has no process maps yet, so there is no as-is or to-be process to "
                                 "compare. Maps are drawn, uploaded or started from a template on the project's "
                                 "process pages."),
    "bpr_maps_table": NC_("report", "Process maps with their headline metrics"),
    "col_map": NC_("report", "Map"),
    "col_version": NC_("report", "Version"),
    "col_cases_year": NC_("report", "Cases a year"),
    "col_saving_year": NC_("report", "Saving a year"),
    "bpr_selection": NC_("report", "Selecting the processes to redesign"),
    "bpr_selection_intro": NC_("report", "Each candidate process is rated 1–5 on the three criteria of the "
                                         "methodology: the importance of its position, its performance gap (how "
                                         "badly it performs now) and the feasibility of redesigning it. The priority "
                                         "is the mean of the three ratings; a process is selected only if its "
                                         "feasibility is at least 3."),
    "bpr_candidates_table": NC_("report", "Candidate processes ranked by priority"),
    "bpr_candidates_none": NC_("report", "No candidate processes are rated yet."),
    "bpr_selected": NC_("report", "Selected for redesign: %(names)s."),
    "col_process": NC_("report", "Process"),
    "col_importance": NC_("report", "Importance"),
    "col_gap": NC_("report", "Performance gap"),
    "col_feasibility": NC_("report", "Feasibility"),
    "col_priority": NC_("report", "Priority"),
    "col_selected": NC_("report", "Selected"),
    "col_quadrant": NC_("report", "Quadrant"),
    "col_mapped": NC_("report", "Mapped"),
    "col_departments": NC_("report", "Departments"),
    "col_functions": NC_("report", "System functions"),
    "bpr_quadrant_intro": NC_("report", "The scope quadrant places each process by the business departments it "
                                        "involves and the system functions it needs: I few of both, II many "
                                        "functions in few departments, III few functions across many departments, "
                                        "IV many of both. Projects usually start in I and grow towards IV."),
    "bpr_quadrant_caption": NC_("report", "Scope quadrant of the candidate processes (selected ones filled)"),
    "bpr_root_causes": NC_("report", "Root-cause analysis"),
    "bpr_root_intro": NC_("report", "Each problem is drawn as a fishbone: the problem at the head, the cause "
                                    "categories as bones, each cause with its share of the problem from field data. "
                                    "Sorted by share, the vital few causes that explain about 80 per cent of the problem "
                                    "are the ones to address first (the 20:80 principle)."),
    "bpr_fishbones_none": NC_("report", "No fishbone diagrams are recorded."),
    "bpr_fishbone_empty": NC_("report", "No causes are recorded for this problem yet."),
    "bpr_fishbone_caption": NC_("report", "Fishbone diagram: %(problem)s"),
    "bpr_pareto_caption": NC_("report", "Pareto chart: %(problem)s"),
    "bpr_pareto_table": NC_("report", "Causes by their share of the problem: %(problem)s"),
    "bpr_vital_few": NC_("report", "The vital few: %(count)s of %(total)s causes explain %(share)s of the problem "
                                   "(cut at %(cut)s)."),
    "col_category": NC_("report", "Category"),
    "col_cause": NC_("report", "Cause"),
    "col_problem_share": NC_("report", "Share of the problem"),
    "col_cumulative": NC_("report", "Cumulative share"),
    "col_vital": NC_("report", "Vital few"),
    "bpr_redesigns": NC_("report", "Redesigned processes"),
    "bpr_redesigns_intro": NC_("report", "Each redesigned process is shown as its as-is map and its to-be map, with "
                                         "what changed, the metrics of both, the yearly saving and a what-if "
                                         "simulation of both maps."),
    "bpr_redesigns_none": NC_("report", "No to-be map redesigns an as-is map yet."),
    "bpr_pair": NC_("report", "As-is map: %(as_is)s. To-be map: %(to_be)s."),
    "bpr_diagrams": NC_("report", "As-is and to-be diagrams"),
    "bpr_diagrams_intro": NC_("report", "In the to-be diagram, added steps and flows are green and changed ones "
                                        "amber; removed steps are named under the diagram and listed with the "
                                        "differences. A wide diagram is printed in parts, left to right."),
    "bpr_swimlane_as_is": NC_("report", "As-is map: %(name)s"),
    "bpr_swimlane_to_be": NC_("report", "To-be map: %(name)s (added in green, changed in amber)"),
    "col_step": NC_("report", "Step"),
    "col_lane": NC_("report", "Lane"),
    "col_diff": NC_("report", "Change"),
    "col_element": NC_("report", "Element"),
    "col_element_name": NC_("report", "Element name"),
    "col_details": NC_("report", "Details"),
    "bpr_differences": NC_("report", "Differences"),
    "bpr_differences_table": NC_("report", "What the to-be map adds, removes and changes"),
    "bpr_unchanged": NC_("report", "The to-be map is the same as the as-is map."),
    "diff_added": NC_("report", "added"),
    "diff_removed": NC_("report", "removed"),
    "diff_changed": NC_("report", "changed"),
    "diff_unchanged": NC_("report", "unchanged"),
    "element_lane": NC_("report", "Lane"),
    "element_flow": NC_("report", "Flow"),
    "kind_start": NC_("report", "Start event"),
    "kind_end": NC_("report", "End event"),
    "kind_task": NC_("report", "Task"),
    "kind_exclusive": NC_("report", "Decision"),
    "kind_parallel": NC_("report", "Parallel gateway"),
    "kind_intermediate": NC_("report", "Intermediate event"),
    "kind_data": NC_("report", "Data object"),
    "field_kind": NC_("report", "kind"),
    "field_name": NC_("report", "name"),
    "field_name_zh": NC_("report", "Chinese name"),
    "field_name_en": NC_("report", "English name"),
    "field_lane": NC_("report", "lane"),
    "field_working_time": NC_("report", "working time (hours)"),
    "field_waiting_time": NC_("report", "waiting time (hours)"),
    "field_cost": NC_("report", "cost"),
    "field_value_adding": NC_("report", "value-adding"),
    "field_automated": NC_("report", "automated"),
    "field_channel": NC_("report", "channel"),
    "field_share": NC_("report", "share of cases"),
    "field_success": NC_("report", "successful outcome"),
    "field_label": NC_("report", "label"),
    "field_probability": NC_("report", "probability"),
    "bpr_metrics": NC_("report", "Metrics side by side"),
    "bpr_metrics_intro": NC_("report", "Expected values per case over the probabilities of the decisions (a loop "
                                       "counts as often as it is expected to run); times in hours from arrival to "
                                       "the end event."),
    "bpr_metrics_table": NC_("report", "Metrics of the as-is and the to-be map"),
    "col_relative": NC_("report", "Change (%)"),
    "channels_offered": NC_("report", "Channels offered"),
    "bpr_comparison_caption": NC_("report", "As-is and to-be metrics side by side"),
    "bpr_saving": NC_("report", "Yearly saving"),
    "bpr_saving_table": NC_("report", "Yearly saving of the redesign"),
    "saving_cost_as_is": NC_("report", "Cost per case, as-is"),
    "saving_cost_to_be": NC_("report", "Cost per case, to-be"),
    "saving_per_case": NC_("report", "Saved per case"),
    "saving_hours": NC_("report", "Hours saved per case"),
    "saving_cases": NC_("report", "Cases a year"),
    "saving_year": NC_("report", "Saving a year (saved per case × cases a year)"),
    "saving_touch_hours": NC_("report", "Working hours freed a year"),
    "benefit_takes": NC_("report", "The business case's benefit line %(line)s takes this saving (%(amount)s a year)."),
    "benefit_stale": NC_("report", "The business case's benefit line %(line)s holds %(amount)s a year: the map has "
                                   "changed since the saving was taken."),
    "benefit_named": NC_("report", "The saving feeds the business case's benefit line %(line)s, which has not "
                                   "taken it yet."),
    "benefit_new": NC_("report", "The saving is not in the business case yet; taken, it becomes a cost-reduction "
                                 "line from year 1 on."),
    "benefit_none": NC_("report", "The to-be map costs no less per case than the as-is map, so it feeds no "
                                  "cost saving into the business case."),
    "bpr_simulation": NC_("report", "What-if simulation"),
    "bpr_sim_intro": NC_("report", "Both maps run the what-if page's default scenario: %(cases)s cases arriving "
                                   "at %(rate)s an hour, working and waiting times varying by %(cv)s (coefficient "
                                   "of variation), seed %(seed)s."),
    "bpr_sim_poisson": NC_("report", "Arrivals are random (Poisson)."),
    "bpr_sim_even": NC_("report", "Arrivals are evenly spaced."),
    "bpr_sim_unstaffed": NC_("report", "Lanes without given people have as many as the cases need: their queues "
                                       "stay empty and their utilisation is not measured."),
    "bpr_sim_table": NC_("report", "Simulated cycle time of the as-is and the to-be map"),
    "sim_p50": NC_("report", "Cycle time P50 (hours)"),
    "sim_p90": NC_("report", "Cycle time P90 (hours)"),
    "sim_mean": NC_("report", "Mean cycle time (hours)"),
    "sim_queue": NC_("report", "Mean queue wait per case (hours)"),
    "sim_completed": NC_("report", "Cases completed"),
    "bpr_lanes_table": NC_("report", "Lanes in the simulation: people, utilisation and queue wait"),
    "col_people": NC_("report", "People"),
    "col_utilisation": NC_("report", "Utilisation"),
    "col_queue_wait": NC_("report", "Mean queue wait (hours)"),
    "col_hours_worked": NC_("report", "Hours worked"),
    "people_as_needed": NC_("report", "as needed"),
    "bpr_cycle_caption": NC_("report", "Simulated cycle times of the as-is and the to-be map (P50 dashed, P90 "
                                       "dotted)"),
    "bpr_sim_failed": NC_("report", "The simulation could not run: %(reason)s"),
    "bpr_unpaired": NC_("report", "Maps without a redesign"),
    "bpr_unpaired_intro": NC_("report", "These maps have no partner (an as-is map not yet redesigned, or a to-be map "
                                        "linked to no as-is map): their metrics alone."),
    "bpr_as_is_only": NC_("report", "As-is map, not yet redesigned."),
    "bpr_to_be_only": NC_("report", "To-be map linked to no as-is map."),
    "bpr_unpaired_table": NC_("report", "Metrics of %(name)s"),
}


@cache
def _words(code: str) -> Mapping[str, str]:
    catalogue = translations(code)
    return MappingProxyType({key: catalogue.pgettext(context, msgid) for key, (context, msgid) in WORDS.items()})


def words(locale: object) -> Mapping[str, str]:
    """Every word of the reports in ``locale``."""
    return _words(normalise_locale(locale))


def word(key: str, locale: object, /, **params: Any) -> str:
    """One word in ``locale``, filled with ``params`` (``%(name)s``).

    >>> word("fact_days", "en", days=12)
    '12 working days'
    """
    text = words(locale)[key]
    return text % params if params else text
