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
    # The process redesign (BPR) report.
    "processes_report": NC_("report", "Process redesign"),
    "bpr_summary": NC_("report", "The project holds %(maps)s process maps: %(pairs)s redesigned processes, each an "
                                 "as-is map with its to-be map, and %(single)s maps without a partner."),
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
    "col_rank": NC_("report", "Rank"),
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
