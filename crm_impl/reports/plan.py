"""The project plan: what the client signs at kick-off.

Objectives and scope, the phases with their goals, deliverables and gate criteria (the
methodology catalogue and the project's own records), the team and the RACI matrix, the
milestones, the Gantt chart, the critical path with every task's slack, PERT and Monte Carlo on
the go-live date, and the top risks.  Every figure comes from the operations the web pages call
(:func:`~crm_impl.operations.planning.plan_schedule`, :func:`~crm_impl.operations.schedule.run_monte_carlo`,
:func:`~crm_impl.operations.phases.phase_rows`, :func:`~crm_impl.operations.raci.raci_matrix`...).
"""

from __future__ import annotations

from crm_impl.charts.risks import risk_heatmap_pair
from crm_impl.i18n import localized
from crm_impl.methodology import get_template, roles
from crm_impl.models import Project
from crm_impl.operations.phases import phase_rows
from crm_impl.operations.planning import plan_schedule
from crm_impl.operations.raci import raci_matrix, role_columns
from crm_impl.operations.risks import heatmap_points
from crm_impl.operations.schedule import (
    ResultCache, project_gantt_figure, project_network_figure, resource_figure, run_monte_carlo,
)
from crm_impl.reports.base import Formatter, ReportOptions, title_info, top_risks
from crm_impl.reports.document import Chart, Column, ReportDocument
from crm_impl.reports.gantt import gantt_parts
from crm_impl.reports.render import ChartRenderer
from crm_impl.tracking.risks import risk_zone

__all__ = ["build_plan_report", "ZONE_FILLS"]

#: Cell colours of the risk zones (light, so the text stays readable in print).
ZONE_FILLS = {"green": "D5E8D4", "amber": "FFE6B3", "red": "F4CCCC"}


def _template(project: Project):
    try:
        return get_template(project.template_id)
    except KeyError:
        return None


def _introduction(doc: ReportDocument, project: Project, f: Formatter, scheduled) -> None:
    doc.heading(f.word("plan_intro"))
    template = _template(project)
    method = template.label(f.locale) if template else project.template_id
    doc.paragraph(f.word("plan_summary", project=f.name(project, "title"), client=f.name(project, "client_company"),
                         tasks=len(project.tasks), phases=len(project.phases), start=f.day(scheduled.tasks[0].start
                         if scheduled.tasks else project.start_date), finish=f.day(scheduled.finish),
                         days=f.number(scheduled.duration, 0), method=method))
    description = localized(project, "description", f.locale)
    if description:
        doc.paragraph(description)
    doc.heading(f.word("objectives"), 2)
    objectives = (project.objectives_zh if f.locale != "en" and project.objectives_zh else project.objectives) or []
    if objectives:
        doc.bullets(objectives)
    else:
        doc.paragraph(f.word("objectives_none"))
    if project.scope_modules:
        doc.paragraph(", ".join(project.scope_modules), bold_lead=f.word("scope_modules") + ":")
    budget = sum(t.budget or 0 for t in project.tasks)
    facts = [
        (f.word("fact_client"), f.name(project, "client_company")),
        (f.word("fact_industry"), f.name(project, "industry") or "—"),
        (f.word("fact_start"), f.day(project.start_date)),
        (f.word("fact_finish"), f.day(scheduled.finish)),
        (f.word("fact_duration"), f.word("fact_days", days=f.number(scheduled.duration, 0))),
        (f.word("fact_budget"), f.money(budget)),
        (f.word("fact_reserve"), f.money(project.budget_reserve)),
        (f.word("fact_method"), method),
    ]
    doc.table([Column(f.word("col_item"), width_cm=5), Column(f.word("col_value"))], facts,
              caption=f.word("key_facts"), key="facts")


def _phases(doc: ReportDocument, project: Project, f: Formatter) -> None:
    doc.heading(f.word("phases"))
    doc.paragraph(f.word("phases_intro"))
    template = _template(project)
    catalogue = {p.id: p for p in template.phases} if template else {}
    rows = phase_rows(project)
    doc.table(
        [Column(f.word("col_id"), width_cm=1.2), Column(f.word("col_phase"), width_cm=3.5),
         Column(f.word("col_goal")), Column(f.word("col_start"), "right", 2.6), Column(f.word("col_finish"), "right", 2.6)],
        [(row.phase.key, f.name(row.phase),
          str(localized(catalogue[row.phase.key], "goal", f.locale)) if row.phase.key in catalogue else "",
          f.day(row.planned_start), f.day(row.planned_finish)) for row in rows],
        caption=f.word("phases_table"), key="phases")
    for row in rows:
        doc.heading(f"{row.phase.key} {f.name(row.phase)}", 2)
        known = catalogue.get(row.phase.key)
        if known is not None:
            doc.paragraph(str(localized(known, "goal", f.locale)), bold_lead=f.word("col_goal") + ":")
        items = [(d.key, f.name(d), f.word("yes") if d.mandatory else f.word("no"), d.owner_role)
                 for d in row.deliverables]
        gate = known.gate if known is not None else None
        criteria = [(c.key, c.label(f.locale)) for c in gate.criteria] if gate else []
        table_rows = [(key, name, mandatory, owner) for key, name, mandatory, owner in items]
        if gate is not None:
            doc.paragraph(gate.label(f.locale), bold_lead=f"{f.word('col_gate_name')} {gate.id}:")
            table_rows += [(c_key, text, "", "") for c_key, text in criteria]
        if table_rows:
            doc.table([Column(f.word("col_id"), width_cm=1.6), Column(f.word("col_deliverable")),
                       Column(f.word("col_mandatory"), "center", 2.0), Column(f.word("col_owner"), "center", 2.0)],
                      table_rows, caption=f.word("phase_deliverables", phase=row.phase.key), key=f"phase_{row.phase.key}")
        if gate is None:
            doc.note(f.word("gate_none"))


def _team(doc: ReportDocument, project: Project, f: Formatter) -> None:
    doc.heading(f.word("team"))
    role_names = {r.id: r.label(f.locale) for r in roles()}
    if project.team:
        doc.table(
            [Column(f.word("col_name")), Column(f.word("col_role")), Column(f.word("col_organisation")),
             Column(f.word("col_availability"), "right", 2.4)],
            [(m.name, role_names.get(m.role_id, m.role_id), m.organisation, f.share(m.availability_pct / 100, 0))
             for m in project.team],
            caption=f.word("team_table"), key="team")
    else:
        doc.paragraph(f.word("team_none"))
    doc.table([Column(f.word("col_role_code"), width_cm=2), Column(f.word("col_role")), Column(f.word("col_side"), width_cm=3)],
              [(r.id, r.label(f.locale), f.word("side_vendor" if r.side == "vendor" else "side_enterprise")) for r in roles()],
              caption=f.word("roles_table"), key="roles")
    doc.heading(f.word("raci"), 2)
    doc.sentence_with_ref(f.word("raci_intro"), "roles", ".")
    columns = role_columns()
    matrix = raci_matrix(project)
    doc.table([Column(f.word("col_deliverable"), width_cm=4.4)] + [Column(c, "center") for c in columns],
              [[f"{d.key} {f.name(d)}"] + [matrix.get(d.key, {}).get(c, "") for c in columns]
               for d in project.deliverables],
              caption=f.word("raci_table"), key="raci")


def _schedule(doc: ReportDocument, project: Project, f: Formatter, scheduled, options: ReportOptions) -> None:
    doc.heading(f.word("schedule"))
    doc.heading(f.word("milestones"), 2)
    milestones = [t for t in scheduled.tasks if t.milestone]
    doc.table([Column(f.word("col_id"), width_cm=2), Column(f.word("col_task")), Column(f.word("col_finish"), "right", 3),
               Column(f.word("col_slack"), "right", 3)],
              [(t.id, t.label(f.locale), f.day(t.finish), f.number(t.total_slack, 0)) for t in milestones],
              caption=f.word("milestones_table"), key="milestones")
    doc.chart(Chart(
        project_gantt_figure(project, f.locale), f.word("gantt_caption"),
        [Column(f.word("col_id")), Column(f.word("col_task")), Column(f.word("col_start"), "right"),
         Column(f.word("col_finish"), "right"), Column(f.word("col_critical"), "center")],
        [(t.id, t.label(f.locale), f.day(t.start), f.day(t.finish), "●" if t.critical else "") for t in scheduled.tasks],
        key="gantt", parts=gantt_parts(project, f.locale)))
    doc.heading(f.word("critical_path"), 2)
    critical = [t for t in scheduled.tasks if t.critical]
    doc.sentence_with_ref(f.word("critical_intro", count=len(critical)), "slack", ".")
    ordered = sorted(scheduled.tasks, key=lambda t: (not t.critical, t.total_slack, t.es))
    doc.table([Column(f.word("col_id"), width_cm=1.8), Column(f.word("col_task")), Column(f.word("col_start"), "right", 2.6),
               Column(f.word("col_finish"), "right", 2.6), Column(f.word("col_duration"), "right", 2),
               Column(f.word("col_slack"), "right", 2), Column(f.word("col_critical"), "center", 1.6)],
              [(t.id, t.label(f.locale), f.day(t.start), f.day(t.finish), f.number(t.duration, 0),
                f.number(t.total_slack, 0), f.word("yes") if t.critical else "") for t in ordered],
              caption=f.word("critical_table"), key="slack")
    network = project_network_figure(project, f.locale)
    doc.chart(Chart(network, f.word("network_caption"),
                    [Column(f.word("col_id")), Column(f.word("col_task")), Column(f.word("col_slack"), "right")],
                    [(t.id, t.label(f.locale), f.number(t.total_slack, 0)) for t in scheduled.tasks], key="network",
                    views=network_slices(network)))
    if any(t.task.responsible for t in scheduled.tasks):
        doc.chart(_load_chart(resource_figure(project, f.locale), f))
    else:  # a plan imported from MS Project names no methodology roles yet
        doc.paragraph(f.word("load_none"))


def network_slices(figure, columns: int = 6) -> list[dict]:
    """The network diagram in slices of ``columns`` columns of boxes, left to right: on paper
    what the web shows by panning.  Each slice is a view of the same figure, cropped to its
    boxes' rows; only the first keeps the title and the legend."""
    boxes = [shape for shape in figure.layout.shapes if shape.type == "rect" and not (shape.name or "").startswith("phase:")]
    if not boxes:
        return []
    centres = sorted({round((box.x0 + box.x1) / 2, 6) for box in boxes})
    full_low, full_high = min(b.y0 for b in boxes), max(b.y1 for b in boxes)
    pixels_per_unit = (figure.layout.height or 560) / max(1e-9, full_high - full_low + 0.6)
    half = max((box.x1 - box.x0) / 2 for box in boxes)
    views = []
    for first in range(0, len(centres), columns):
        part = centres[first:first + columns]
        inside = [b for b in boxes if part[0] - 1e-6 <= (b.x0 + b.x1) / 2 <= part[-1] + 1e-6]
        low, high = min(b.y0 for b in inside) - 0.3, max(b.y1 for b in inside) + 0.3
        # On paper each slice is its own view (not the screen's fixed aspect, which would widen it).
        view = {"xaxis": {"range": [part[0] - half - 0.3, part[-1] + half + 0.3], "scaleanchor": False},
                "yaxis": {"range": [low, high]},
                "height": int(max(220, (high - low) * pixels_per_unit + (90 if not views else 20)))}
        if views:
            view.update(title={"text": ""}, showlegend=False, margin={"t": 10})
        views.append(view)
    return views


def _load_chart(figure, f: Formatter) -> Chart:
    """The resource chart with its traces' weekly values as the table."""
    columns = [Column(f.word("col_role")), Column(f.word("col_start"), "right"), Column(f.word("col_days"), "right")]
    rows = []
    for trace in figure.data:
        if getattr(trace, "type", "") != "bar" or trace.x is None or trace.y is None:
            continue
        for x, y in zip(trace.x, trace.y):
            if y:
                rows.append((trace.meta or trace.name or "", str(x)[:10], f.number(float(y), 1)))
    # One panel per role makes a tall chart: drawn no taller than the page allows at its full
    # width, the panels are shorter and the words stay readable.
    return Chart(figure, f.word("load_caption"), columns, rows, key="load",
                 height=min(int(figure.layout.height or 560), 1250))


def _schedule_risk(doc: ReportDocument, project: Project, f: Formatter, scheduled, options: ReportOptions,
                   cache: ResultCache | None) -> None:
    doc.heading(f.word("schedule_risk"))
    run = run_monte_carlo(project, iterations=options.iterations, seed=options.seed, target=scheduled.finish,
                          locale=f.locale, cache=cache)
    doc.paragraph(f.word("schedule_risk_intro", runs=f.number(options.iterations, 0), seed=options.seed))
    rows = [(f.word("pert"), p.name, f.number(p.days, 1), f.day(p.finish)) for p in run.pert_percentiles]
    rows += [(f.word("simulation"), p.name, f.number(p.days, 1), f.day(p.finish)) for p in run.percentiles]
    doc.table([Column(f.word("col_method")), Column(f.word("col_percentile"), "center"),
               Column(f.word("col_days"), "right"), Column(f.word("col_date"), "right")],
              rows, caption=f.word("percentiles_table"), key="percentiles")
    doc.paragraph(f.word("probability_plan", day=f.day(scheduled.finish), mc=f.share(run.probability),
                         pert=f.share(run.pert_probability)))
    counts, edges = _histogram(run.result.durations)
    doc.chart(Chart(run.histogram, f.word("mc_caption"),
                    [Column(f.word("col_days"), "right"), Column(f.word("col_share"), "right")],
                    [(f"{f.number(low, 0)}–{f.number(high, 0)}", f.share(count / max(1, sum(counts))))
                     for count, low, high in zip(counts, edges[:-1], edges[1:]) if count],
                    key="montecarlo"))
    names = {t.id: t.label(f.locale) for t in scheduled.tasks}
    criticality = sorted(run.result.criticality_index().items(), key=lambda item: -item[1])
    doc.chart(Chart(run.criticality, f.word("criticality_caption"),
                    [Column(f.word("col_task")), Column(f.word("col_share"), "right")],
                    [(f"{key} {names.get(key, '')}", f.share(share)) for key, share in criticality if share > 0],
                    key="criticality"))


def _histogram(durations) -> tuple[list[int], list[float]]:
    import numpy as np

    counts, edges = np.histogram(np.asarray(durations, dtype=float), bins=12)
    return [int(c) for c in counts], [float(e) for e in edges]


def risk_table(doc: ReportDocument, project: Project, f: Formatter, options: ReportOptions, *, caption: str,
               key: str, trends: dict | None = None) -> None:
    """The top open risks with their scores (cells coloured by zone), owner and response."""
    risks = top_risks(project, options.top_risks)
    if not risks:
        doc.paragraph(f.word("risks_none"))
        return
    columns = [Column(f.word("col_id"), width_cm=1.7), Column(f.word("col_risk"), width_cm=3.6),
               Column(f.word("col_score"), "center", 1.3), Column(f.word("col_residual"), "center", 1.7),
               Column(f.word("col_owner"), width_cm=2.0), Column(f.word("col_response"))]
    if trends is not None:
        columns.insert(4, Column(f.word("col_trend"), "center", 1.3))
    rows, fills = [], []
    for risk in risks:
        residual = (risk.residual_probability or risk.probability) * (risk.residual_impact or risk.impact)
        row = [risk.key, f.name(risk, "title"), str(risk.score), str(residual), risk.owner,
               str(localized(risk, "response", f.locale) or "")]
        fill = [None, None, ZONE_FILLS[risk_zone(risk.score)], ZONE_FILLS[risk_zone(residual)], None, None]
        if trends is not None:
            row.insert(4, f.word(f"trend_{trends[risk.key].direction}"))
            fill.insert(4, None)
        rows.append(row)
        fills.append(fill)
    doc.table(columns, rows, caption=caption, key=key, fills=fills)


def risk_chart(project: Project, f: Formatter) -> Chart:
    before, after = heatmap_points(project, f.locale)
    return Chart(risk_heatmap_pair(before, after, f.locale), f.word("heatmap_caption"),
                 [Column(f.word("col_id")), Column(f.word("col_risk")), Column(f.word("col_probability"), "center"),
                  Column(f.word("col_impact"), "center"), Column(f.word("col_residual"), "center")],
                 [(b.id, b.title, str(b.probability), str(b.impact), str(a.probability * a.impact))
                  for b, a in zip(before, after)], key="heatmap")


def build_plan_report(project: Project, options: ReportOptions, renderer: ChartRenderer | None = None,
                      cache: ResultCache | None = None) -> ReportDocument:
    """The project plan of ``project`` in ``options.locale``; charts drawn by ``renderer``
    (tables without one); the simulation's runs kept in ``cache`` when one is given."""
    f = Formatter(options.locale, project.currency)
    doc = ReportDocument(title_info(project, "plan_report", options), options.locale, renderer)
    scheduled = plan_schedule(project)
    _introduction(doc, project, f, scheduled)
    _phases(doc, project, f)
    _team(doc, project, f)
    _schedule(doc, project, f, scheduled, options)
    _schedule_risk(doc, project, f, scheduled, options, cache)
    doc.heading(f.word("risks"))
    risk_table(doc, project, f, options, caption=f.word("risks_table"), key="risks")
    if any(True for _ in heatmap_points(project, f.locale)[0]):
        doc.chart(risk_chart(project, f))
    return doc
