"""The vendor comparison: the defensible product recommendation a consultant hands the client.

The recommendation (winner, margin, how robust, whether the two ranking methods agree, cost
position), the selection process (short list with quotations, evaluators and their sheets, AHP
stakeholders), the criteria tree with its weights and, for AHP, the consistency of every matrix,
the consolidated scores with the evaluators' spread, the ranking with TOPSIS beside it and the
radar and contribution charts, the disqualifications, the sensitivity of the winner to the
weights (one at a time, and all at once by Monte Carlo), and TCO and ROI per vendor.

Every number is the results page's (:func:`~crm_impl.operations.vendors.analyse_selection`) or
the per-vendor business case's (:func:`~crm_impl.operations.finance.vendor_cases`); the charts
are the page's (:mod:`crm_impl.charts.vendors`).  Until the project manager closes scoring the
results would reveal the evaluators' sheets to each other: the report then withholds them, as
the page does, and shows the process, the criteria and the quotations' TCO.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy.orm import object_session

from crm_impl.charts.finance import vendor_cases_figure
from crm_impl.charts.vendors import (
    area_radar_figure, contributions_figure, first_probability_figure, group_radar_figure, sensitivity_figure,
)
from crm_impl.errors import ValidationError
from crm_impl.models import Project, VendorSelection
from crm_impl.operations.finance import VendorCase, vendor_cases
from crm_impl.operations.schedule import ResultCache
from crm_impl.operations.vendors import (
    ChangesSinceClosing, analyse_selection, changes_since_closing, results_visible, selection_shape,
    selection_weights, sheet_progress, stakeholders, vendor_costs,
)
from crm_impl.reports.base import Formatter, ReportOptions, title_info
from crm_impl.reports.document import Chart, Column, ReportDocument
from crm_impl.reports.render import ChartRenderer
from crm_impl.vendors.ahp import CR_LIMIT, NodeResult, scale_label
from crm_impl.vendors.catalogue import CRM7_AREAS
from crm_impl.vendors.criteria import CriteriaTree, Weights
from crm_impl.vendors.scoring import Consolidated
from crm_impl.vendors.selection import ROOT, Analysis, hierarchy_cr
from crm_impl.vendors.sensitivity import DEFAULT_RUNS, DEFAULT_SEED, DEFAULT_SPREAD, Flip, nearest_flip, ordered_flips

__all__ = ["build_vendors_report", "DISAGREEMENT", "disagreements"]

#: Scores this many points apart are a disagreement to talk through (what the results page marks).
DISAGREEMENT = 2.0
#: Cell colours: a disagreement or an inconsistent matrix, a disqualified vendor, a group row.
WARN_FILL, OUT_FILL, GROUP_FILL = "FFE6B3", "F4CCCC", "D9E2F3"


@dataclass(frozen=True)
class _Facts:
    """Everything the report reads, read once."""

    selection: VendorSelection
    tree: CriteriaTree
    names: dict[str, str]  # group, criterion and vendor keys → names in the report's language
    weights: Weights | None
    nodes: list[NodeResult]
    weights_problem: str
    visible: bool
    analysis: Analysis | None
    problem: str
    cases: list[VendorCase]
    changed: ChangesSinceClosing | None = None  # what the results depend on, changed after closing


def _read(project: Project, selection: VendorSelection, f: Formatter, options: ReportOptions) -> _Facts:
    shape = selection_shape(selection, f.locale)
    names = {**{g.key: f.name(g) for g in selection.groups}, **{c.key: f.name(c) for c in selection.criteria},
             **{v.key: f.name(v) for v in selection.vendors}}
    weights, nodes, weights_problem = None, [], ""
    visible = results_visible(selection)
    analysis, problem = None, ""
    if visible:
        try:
            analysis = analyse_selection(selection, f.locale)
            weights, nodes = analysis.weights, analysis.nodes
        except ValidationError as error:
            problem = error.localized(f.locale)
    if weights is None:
        try:
            weights, nodes = selection_weights(selection)
        except ValidationError as error:
            weights_problem = error.localized(f.locale)
    session = object_session(project)
    cases = vendor_cases(session, project, options.today) if session is not None else []
    changed = changes_since_closing(session, selection) if session is not None else None
    return _Facts(selection, shape.tree, names, weights, nodes, weights_problem, visible, analysis, problem, cases,
                  changed)


def disagreements(analysis: Analysis) -> list[tuple[str, str, Consolidated]]:
    """``(vendor key, criterion key, consolidated score)`` of every cell whose sheets lie
    :data:`DISAGREEMENT` points or more apart, in the tree's and the selection's order."""
    evaluation = analysis.evaluation
    return [(v.key, key, evaluation.consolidated[v.key, key]) for key in evaluation.criteria for v in evaluation.vendors
            if (v.key, key) in evaluation.consolidated and evaluation.consolidated[v.key, key].spread >= DISAGREEMENT]


def _listed(items: list[str], f: Formatter, separator: str = ", ") -> str:
    """Names in a sentence: "A, B" in English, "A、B" in Chinese (";" becomes "；")."""
    if f.locale == "en":
        return separator.join(items)
    return ("；" if separator.strip() == ";" else "、").join(items)


def _sentences(parts: list[str], f: Formatter) -> str:
    """Sentences in one paragraph: spaced in English, run on after "。" in Chinese."""
    return ("" if f.locale != "en" else " ").join(parts)


def _points(change: float, f: Formatter) -> str:
    """A weight change in percentage points, signed."""
    text = f.number(change * 100, 1)
    return f"+{text}" if change > 0 else text


def _case_of(facts: _Facts, key: str) -> VendorCase | None:
    return next((case for case in facts.cases if case.key == key), None)


# --------------------------------------------------------------------------------- recommendation

def _recommendation(doc: ReportDocument, f: Formatter, facts: _Facts) -> None:
    doc.heading(f.word("vendor_recommendation"))
    if not facts.visible:
        doc.paragraph(f.word("vendor_withheld"))
        return
    if facts.analysis is None:
        doc.paragraph(f.word("vendor_unscorable", problem=facts.problem))
        return
    analysis = facts.analysis
    evaluation = analysis.evaluation
    winner = next((v for v in evaluation.vendors if v.rank == 1), None) if evaluation.winner else None
    if winner is None:
        doc.paragraph(f.word("vendor_rec_no_winner"))
        _rec_caveats(doc, f, facts)
        return
    doc.paragraph(bold_lead=f.word("vendor_rec_lead", winner=winner.name))
    ranked = [v for v in evaluation.ranking if not v.disqualified]
    sentences = []
    if len(ranked) > 1:
        runner = ranked[1]
        sentences.append(f.word("vendor_rec_winner", winner=winner.name, score=f.number(winner.total, 3),
                                margin=f.number(evaluation.margin, 3), runner=runner.name,
                                runner_score=f.number(runner.total, 3)))
    else:
        sentences.append(f.word("vendor_rec_only", winner=winner.name, score=f.number(winner.total, 3)))
    nearest = nearest_flip(analysis.flips)
    if nearest is not None:
        sentences.append(f.word("vendor_rec_flip", criterion=facts.names.get(nearest.criterion, nearest.criterion),
                                now=f.share(nearest.weight), then=f.share(nearest.flip_at_weight),
                                change=_points(nearest.change, f), vendor=nearest.new_winner))
    else:
        sentences.append(f.word("vendor_rec_no_flip"))
    sentences.append(f.word("vendor_rec_probability", spread=f.share(DEFAULT_SPREAD, 0), winner=winner.name,
                            share=f.share(analysis.probabilities.get(winner.name, 0.0)),
                            runs=f.number(DEFAULT_RUNS, 0)))
    sentences.append(f.word("vendor_agree", name=winner.name) if evaluation.methods_agree
                     else f.word("vendor_disagree", first=winner.name, second=evaluation.topsis_winner or "—"))
    doc.paragraph(_sentences(sentences, f))
    _rec_costs(doc, f, facts, winner.key, winner.name)
    _rec_caveats(doc, f, facts)
    _key_figures(doc, f, facts, winner, ranked, nearest)


def _rec_costs(doc: ReportDocument, f: Formatter, facts: _Facts, key: str, name: str) -> None:
    case = _case_of(facts, key)
    if case is None:
        doc.paragraph(f.word("vendor_rec_no_case"))
        return
    cheapest = min(facts.cases, key=lambda c: c.result.tco)
    best = max(facts.cases, key=lambda c: c.result.npv)
    if cheapest.result.tco >= case.result.tco:
        cost = f.word("vendor_rec_cost_lowest", winner=name, count=len(facts.cases), tco=f.money(case.result.tco, whole=True),
                      tco_pv=f.money(case.result.tco_pv, whole=True))
    else:
        cost = f.word("vendor_rec_cost_higher", winner=name, tco=f.money(case.result.tco, whole=True),
                      tco_pv=f.money(case.result.tco_pv, whole=True), cheapest=cheapest.label(f.locale),
                      low=f.money(cheapest.result.tco, whole=True))
    npv = (f.word("vendor_rec_npv_best", npv=f.money(case.result.npv, whole=True)) if best.result.npv <= case.result.npv
           else f.word("vendor_rec_npv_other", npv=f.money(case.result.npv, whole=True), best=best.label(f.locale),
                       best_npv=f.money(best.result.npv, whole=True)))
    doc.paragraph(_sentences([cost, npv], f))


def _rec_caveats(doc: ReportDocument, f: Formatter, facts: _Facts) -> None:
    analysis = facts.analysis
    notes = []
    out = [v.name for v in analysis.evaluation.ranking if v.disqualified]
    if out:
        notes.append(f.word("vendor_rec_disqualified", names=_listed(out, f)))
    if facts.selection.weighting == "ahp":
        limit = f.number(CR_LIMIT, 2)
        high = [_node_name(n.node, f, facts) for n in facts.nodes if n.result.consistency_ratio > CR_LIMIT]
        if high:
            notes.append(f.word("vendor_rec_cr_high", nodes=_listed(high, f), limit=limit))
        else:
            notes.append(f.word("vendor_rec_cr", cr=f.number(analysis.consistency_ratio, 3), limit=limit))
        people = sorted({s.name for n in facts.nodes for s in n.stakeholders if s.result.consistency_ratio > CR_LIMIT})
        if people:
            notes.append(f.word("vendor_rec_cr_stakeholders", names=_listed(people, f), limit=limit))
    spread = disagreements(analysis)
    if spread:
        notes.append(f.word("vendor_rec_spread", points=f.number(DISAGREEMENT, 0), count=len(spread)))
    if notes:
        doc.bullets(notes)


def _key_figures(doc: ReportDocument, f: Formatter, facts: _Facts, winner, ranked, nearest: Flip | None) -> None:
    evaluation = facts.analysis.evaluation
    rows = [(f.word("vendor_fact_winner"), winner.name), (f.word("vendor_fact_score"), f.number(winner.total, 3))]
    if len(ranked) > 1:
        rows += [(f.word("vendor_fact_runner"), f.word("vendor_name_score", name=ranked[1].name,
                                                       score=f.number(ranked[1].total, 3))),
                 (f.word("vendor_fact_margin"), f.number(evaluation.margin, 3))]
    rows.append((f.word("vendor_fact_topsis"), evaluation.topsis_winner or "—"))
    rows.append((f.word("vendor_fact_flip"), f.word(
        "vendor_flip_fact", criterion=facts.names.get(nearest.criterion, nearest.criterion), now=f.share(nearest.weight),
        then=f.share(nearest.flip_at_weight)) if nearest else f.word("vendor_no_flip")))
    rows.append((f.word("vendor_fact_probability"), f.share(facts.analysis.probabilities.get(winner.name, 0.0))))
    case = _case_of(facts, winner.key)
    if case is not None:
        rows += [(f.word("vendor_fact_tco"), f.money(case.result.tco, whole=True)),
                 (f.word("vendor_fact_npv"), f.money(case.result.npv, whole=True))]
    doc.table([Column(f.word("col_item"), width_cm=7), Column(f.word("col_value"))], rows,
              caption=f.word("vendor_key_figures"), key="key_figures")


# --------------------------------------------------------------------------------- process

def _process(doc: ReportDocument, project: Project, f: Formatter, facts: _Facts) -> None:
    selection = facts.selection
    doc.heading(f.word("vendor_process"))
    doc.paragraph(f.word("vendor_process_intro", title=f.name(selection, "title") or f.word("vendor_selection"),
                         vendors=len(selection.vendors), evaluators=len(selection.evaluators),
                         criteria=len(selection.criteria), groups=len(selection.groups),
                         years=selection.horizon_years))
    people = stakeholders(selection)
    if selection.weighting == "ahp":
        doc.paragraph(f.word("vendor_weighting_ahp", count=len(people), names=_listed(people, f)) if people
                      else f.word("vendor_weighting_ahp_none"))
    else:
        doc.paragraph(f.word("vendor_weighting_direct"))
    if selection.scoring_closed:
        doc.paragraph(f.word("vendor_closed_by", name=selection.closed_by, day=f.day(selection.closed_at.date()))
                      if selection.closed_by and selection.closed_at else f.word("vendor_closed"))
        if facts.changed is not None:
            doc.paragraph(f.word("vendor_changed_since", count=facts.changed.count,
                                 day=f.day(facts.changed.last_at.date()), name=facts.changed.last_by or "—"))
    else:
        doc.paragraph(f.word("vendor_open"))
    if selection.notes:
        doc.paragraph(selection.notes, bold_lead=f.word("vendor_notes"))
    costs = vendor_costs(project)
    if costs:
        # Vendors across, as in the TCO table: long amounts and names do not fit six columns.
        files = {v.key: v.quotation_file_name for v in selection.vendors}
        years = selection.horizon_years
        rows = [(f.word("col_licence"), *(f.money(c.licence, whole=True) for c in costs)),
                (f.word("col_implementation"), *(f.money(c.implementation, whole=True) for c in costs)),
                (f.word("col_running"), *(f.money(c.running_per_year, whole=True) for c in costs)),
                (f.word("col_quote_total", years=years), *(f.money(c.total(years), whole=True) for c in costs)),
                (f.word("col_quotation"), *(files.get(c.key) or "—" for c in costs))]
        doc.table([Column(f.word("col_item"), width_cm=4.6), *(Column(f.name(c), "right") for c in costs)],
                  rows, caption=f.word("vendor_quotes_table"), key="quotes")
    else:
        doc.paragraph(f.word("vendor_vendors_none"))
    if selection.evaluators:
        progress = sheet_progress(selection)
        doc.table([Column(f.word("col_evaluator")), Column(f.word("col_cells_scored"), "right", 3.5),
                   Column(f.word("col_complete"), "center", 2.5)],
                  [(e.name, f"{progress[e.id][0]} / {progress[e.id][1]}",
                    f.word("yes") if progress[e.id][0] >= progress[e.id][1] else f.word("no"))
                   for e in selection.evaluators],
                  caption=f.word("vendor_evaluators_table"), key="evaluators")
    else:
        doc.paragraph(f.word("vendor_evaluators_none"))


# --------------------------------------------------------------------------------- criteria

def _scoring_text(criterion, f: Formatter) -> str:
    unit = f.currency if criterion.unit == "money" else criterion.unit
    scale = f.word("vendor_from_figures") + (f" ({unit})" if unit else "") \
        if criterion.from_figures else f.word("vendor_scale", top=criterion.scale)
    return f.word("vendor_scoring", scale=scale, direction=f.word(
        "vendor_higher_better" if criterion.higher_is_better else "vendor_lower_better"))


def _knockout_text(criterion, f: Formatter) -> str:
    if criterion.knockout is None:
        return "—"
    upward = criterion.higher_is_better or criterion.from_figures  # as Criterion.knocked_out reads it
    return f.word("vendor_knockout_min" if upward else "vendor_knockout_max", value=f.number(criterion.knockout, 2))


def _node_name(node: str, f: Formatter, facts: _Facts) -> str:
    return f.word("vendor_root") if node == ROOT else facts.names.get(node, node)


def _criteria(doc: ReportDocument, f: Formatter, facts: _Facts) -> None:
    doc.heading(f.word("vendor_criteria"))
    doc.paragraph(f.word("vendor_criteria_intro"))
    weights = facts.weights
    if weights is None:
        doc.paragraph(f.word("vendor_weights_problem", problem=facts.weights_problem))
    rows, fills = [], []
    for group in facts.tree.groups:
        rows.append((facts.names[group.key], "", "", "", f.share(weights.groups[group.key]) if weights else "—"))
        fills.append((GROUP_FILL,) * 5)
        for criterion in facts.tree.group_criteria(group.key):
            rows.append((facts.names[criterion.key], _scoring_text(criterion, f), _knockout_text(criterion, f),
                         f.share(weights.local[criterion.key]) if weights else "—",
                         f.share(weights.criteria[criterion.key]) if weights else "—"))
            fills.append((None,) * 5)
    doc.table([Column(f.word("col_criterion")), Column(f.word("col_scoring"), width_cm=4.2),
               Column(f.word("col_knockout"), width_cm=3), Column(f.word("col_weight_in_group"), "right", 2.2),
               Column(f.word("col_weight"), "right", 1.8)],
              rows, caption=f.word("vendor_criteria_table"), key="criteria", fills=fills)
    if facts.selection.weighting == "ahp" and facts.nodes:
        _consistency(doc, f, facts)


def _consistency(doc: ReportDocument, f: Formatter, facts: _Facts) -> None:
    doc.heading(f.word("vendor_consistency"), 2)
    limit = f.number(CR_LIMIT, 2)
    doc.paragraph(f.word("vendor_consistency_intro", limit=limit))
    rows, fills, flagged = [], [], []
    for node in facts.nodes:
        name = _node_name(node.node, f, facts)
        for who, result in [(f.word("vendor_group_matrix"), node.result),
                            *((s.name, s.result) for s in node.stakeholders)]:
            rows.append((name, who, f.number(result.consistency_ratio, 3),
                         f.word("yes") if result.consistent else f.word("no")))
            fills.append((None, None, None if result.consistent else WARN_FILL, None if result.consistent else WARN_FILL))
            if not result.consistent:
                flagged.append((who, name, node, result))
    doc.table([Column(f.word("col_node")), Column(f.word("col_stakeholder")), Column(f.word("col_cr"), "right", 2),
               Column(f.word("col_consistent"), "center", 2.4)],
              rows, caption=f.word("vendor_consistency_table"), key="consistency", fills=fills)
    # The analysis's hierarchy CR; before scoring closes the same figure from the weights alone.
    cr = facts.analysis.consistency_ratio if facts.analysis else \
        (hierarchy_cr(facts.nodes, facts.weights.groups) or 0.0 if facts.weights else None)
    if cr is not None:
        doc.paragraph(f.word("vendor_cr_hierarchy", cr=f.number(cr, 3)))
    if not flagged:
        doc.paragraph(f.word("vendor_all_consistent", limit=limit))
    for who, name, node, result in flagged:
        hint = result.suggestion
        if hint is None:
            continue
        doc.paragraph(f.word("vendor_inconsistent", who=who, node=name, cr=f.number(result.consistency_ratio, 3),
                             a=facts.names.get(node.items[hint.row], node.items[hint.row]),
                             b=facts.names.get(node.items[hint.column], node.items[hint.column]),
                             value=scale_label(hint.value), implied=f.number(hint.consistent_value, 2),
                             suggested=scale_label(hint.suggested_value), new_cr=f.number(hint.suggested_cr, 3)))


# --------------------------------------------------------------------------------- results

def _basis(cell, criterion, f: Formatter) -> str:
    if cell.figure is not None:
        figure = f.money(cell.figure, whole=True) if criterion.unit == "money" else \
            f"{f.number(cell.figure, 1)} {criterion.unit}".strip()
        return f.word("vendor_basis_figure", figure=figure)
    return f.word("vendor_basis_sheets", count=cell.count)


def _scores(doc: ReportDocument, f: Formatter, facts: _Facts) -> None:
    analysis = facts.analysis
    evaluation = analysis.evaluation
    points = f.number(DISAGREEMENT, 0)
    doc.heading(f.word("vendor_scores"))
    doc.paragraph(f.word("vendor_scores_intro", points=points))
    spread = disagreements(analysis)
    if spread:
        names = {v.key: v.name for v in evaluation.vendors}
        cells = _listed([f.word("vendor_disagreement", criterion=facts.names[criterion], vendor=names[vendor],
                                 low=f.number(cell.low, 1), high=f.number(cell.high, 1))
                         for vendor, criterion, cell in spread], f, "; ")
        doc.paragraph(f.word("vendor_disagreements", points=points, count=len(spread), cells=cells))
    else:
        doc.paragraph(f.word("vendor_disagreements_none", points=points))
    for vendor in evaluation.vendors:
        rows, fills = [], []
        for criterion in facts.tree.criteria:
            cell = evaluation.consolidated.get((vendor.key, criterion.key))
            weight = f.share(analysis.weights.criteria.get(criterion.key, 0.0))
            if cell is None:
                rows.append((facts.names[criterion.key], weight, "—", "—", "—", "—", "—"))
                fills.append((None,) * 7)
                continue
            sheets = cell.figure is None
            rows.append((facts.names[criterion.key], weight, f.number(cell.mean, 2),
                         f.number(cell.low, 1) if sheets else "—", f.number(cell.high, 1) if sheets else "—",
                         f.number(cell.std, 2) if sheets else "—", _basis(cell, criterion, f)))
            fills.append((WARN_FILL,) * 7 if cell.spread >= DISAGREEMENT else (None,) * 7)
        doc.table([Column(f.word("col_criterion")), Column(f.word("col_weight"), "right", 1.6),
                   Column(f.word("col_mean"), "right", 1.5), Column(f.word("col_min"), "right", 1.5),
                   Column(f.word("col_max"), "right", 1.5), Column(f.word("col_std"), "right", 1.6),
                   Column(f.word("col_basis"), width_cm=3.4)],
                  rows, caption=f.word("vendor_scores_table", vendor=vendor.name), key=f"scores_{vendor.key}",
                  fills=fills)


def _ranking(doc: ReportDocument, f: Formatter, facts: _Facts) -> None:
    analysis = facts.analysis
    evaluation = analysis.evaluation
    doc.heading(f.word("vendor_ranking"))
    doc.paragraph(f.word("vendor_ranking_intro"))
    rows, fills = [], []
    for v in evaluation.ranking:
        rows.append((str(v.rank) if v.rank else f.word("disqualified"), v.name, f.number(v.total, 3),
                     f.number(v.topsis, 3) if v.topsis is not None else "—",
                     str(v.topsis_rank) if v.topsis_rank else "—"))
        fills.append((OUT_FILL if v.disqualified else None, None, None, None, None))
    doc.table([Column(f.word("col_rank"), "center", 2.2), Column(f.word("col_vendor")),
               Column(f.word("col_total"), "right", 2.8), Column(f.word("col_topsis"), "right", 2.6),
               Column(f.word("col_topsis_rank"), "center", 2.2)],
              rows, caption=f.word("vendor_ranking_table"), key="ranking", fills=fills)
    if evaluation.winner:
        doc.paragraph(f.word("vendor_agree", name=evaluation.winner) if evaluation.methods_agree
                      else f.word("vendor_disagree", first=evaluation.winner, second=evaluation.topsis_winner or "—"))
    ranking = evaluation.ranking
    groups = {g.key: facts.names[g.key] for g in facts.tree.groups}
    subtotal_rows = [(name, f.share(analysis.weights.groups[key]), *(f.number(v.group_subtotals[key], 3) for v in ranking))
                     for key, name in groups.items()]
    subtotal_rows.append((f.word("vendor_total"), f.share(1.0), *(f.number(v.total, 3) for v in ranking)))
    doc.table([Column(f.word("col_group"), width_cm=4.6), Column(f.word("col_weight"), "right", 1.8),
               *(Column(v.name, "right") for v in ranking)],
              subtotal_rows, caption=f.word("vendor_subtotals_table"), key="subtotals")
    _ranking_charts(doc, f, facts, groups)


def _radar_rows(series: Mapping[str, Mapping[str, float]], axes: Mapping[str, str], f: Formatter) -> list[tuple]:
    return [(vendor, axes[key], f.number(values[key], 2)) for vendor, values in series.items() for key in axes
            if key in values]


def _ranking_charts(doc: ReportDocument, f: Formatter, facts: _Facts, groups: dict[str, str]) -> None:
    evaluation = facts.analysis.evaluation
    columns = [Column(f.word("col_vendor")), Column(f.word("col_area")), Column(f.word("col_score5"), "right")]
    zh = f.locale != "en"
    areas = {a: CRM7_AREAS[a][1 if zh else 0] for a in CRM7_AREAS
             if evaluation.vendors and a in evaluation.vendors[0].area_scores}
    if areas:
        doc.chart(Chart(area_radar_figure(evaluation, f.locale), f.word("vendor_area_radar_caption"), columns,
                        _radar_rows({v.name: v.area_scores for v in evaluation.vendors}, areas, f), key="area_radar"))
    doc.chart(Chart(group_radar_figure(evaluation, groups, f.locale), f.word("vendor_group_radar_caption"),
                    [columns[0], Column(f.word("col_group")), columns[2]],
                    _radar_rows({v.name: v.group_scores for v in evaluation.vendors}, groups, f), key="group_radar"))
    doc.chart(Chart(contributions_figure(evaluation, groups, f.locale), f.word("vendor_contributions_caption"),
                    [Column(f.word("col_vendor")), Column(f.word("col_group")), Column(f.word("col_score5"), "right")],
                    [(v.name, name, f.number(v.group_subtotals[key], 3)) for v in evaluation.ranking
                     for key, name in groups.items()], key="contributions"))


def _knockouts(doc: ReportDocument, f: Formatter, facts: _Facts) -> None:
    analysis = facts.analysis
    doc.heading(f.word("vendor_knockouts"))
    rules = [f.word("vendor_knockout_rule", criterion=facts.names[c.key], rule=_knockout_text(c, f))
             for c in facts.tree.criteria if c.knockout is not None]
    doc.paragraph(f.word("vendor_knockout_rules", rules=_listed(rules, f, "; ")) if rules
                  else f.word("vendor_knockout_criteria_none"))
    out = [v for v in analysis.evaluation.ranking if v.disqualified]
    if not out:
        doc.paragraph(f.word("vendor_knockouts_none"))
        return
    reasons = analysis.reasons(f.locale)
    doc.table([Column(f.word("col_vendor")), Column(f.word("col_criterion")), Column(f.word("col_score"), "right", 1.8),
               Column(f.word("col_threshold"), "right", 2), Column(f.word("col_reason"))],
              [(v.name, facts.names[k.criterion], f.number(k.score, 2), f.number(k.threshold, 2), reasons[v.key])
               for v in out for k in v.knockouts],
              caption=f.word("vendor_knockouts_table"), key="knockouts")


def _sensitivity(doc: ReportDocument, f: Formatter, facts: _Facts) -> None:
    analysis = facts.analysis
    evaluation = analysis.evaluation
    doc.heading(f.word("vendor_sensitivity"))
    doc.heading(f.word("vendor_flips"), 2)
    index = {v.name: i for i, v in enumerate(evaluation.vendors)}
    if analysis.flips:
        doc.paragraph(f.word("vendor_flips_intro"))
        rows = []
        for flip in ordered_flips(analysis.flips):
            name = facts.names.get(flip.criterion, flip.criterion)
            if flip.flip_at_weight is None:
                rows.append((name, f.share(flip.weight), f.word("vendor_no_flip"), "—", "—"))
            else:
                rows.append((name, f.share(flip.weight), f.share(flip.flip_at_weight), _points(flip.change, f),
                             flip.new_winner))
        doc.table([Column(f.word("col_criterion")), Column(f.word("col_weight_now"), "right", 1.8),
                   Column(f.word("col_flip_at"), "right", 2.4), Column(f.word("col_weight_change"), "right", 2.4),
                   Column(f.word("col_new_winner"), width_cm=4.8)],
                  rows, caption=f.word("vendor_flips_table"), key="flips")
        doc.chart(Chart(sensitivity_figure(analysis.flips, facts.names, index, f.locale),
                        f.word("vendor_sensitivity_caption"),
                        [Column(f.word("col_criterion")), Column(f.word("col_weight_now"), "right"),
                         Column(f.word("col_flip_at"), "right")],
                        [(row[0], row[1], row[2]) for row in rows], key="sensitivity"))
    else:
        doc.paragraph(f.word("vendor_flips_none"))
    doc.heading(f.word("vendor_monte_carlo"), 2)
    doc.paragraph(f.word("vendor_mc_intro", runs=f.number(DEFAULT_RUNS, 0), spread=f.share(DEFAULT_SPREAD, 0),
                         seed=DEFAULT_SEED))
    rows = [(name, f.share(share)) for name, share in analysis.probabilities.items()]
    columns = [Column(f.word("col_vendor")), Column(f.word("col_p_first"), "right", 4)]
    doc.table(columns, rows, caption=f.word("vendor_mc_table"), key="first")
    doc.chart(Chart(first_probability_figure(analysis.probabilities, index, f.locale), f.word("vendor_mc_caption"),
                    columns, rows, key="first_chart"))


def _costs(doc: ReportDocument, project: Project, f: Formatter, facts: _Facts) -> None:
    doc.heading(f.word("vendor_costs"))
    cases = facts.cases
    if not cases:
        doc.paragraph(f.word("vendor_costs_none") if facts.selection.vendors else f.word("vendor_vendors_none"))
        return
    doc.paragraph(f.word("vendor_costs_intro"))
    # Vendors across, measures down: a handful of vendors fit the page's width, nine measures would not.
    results = [case.result for case in cases]
    rows = [
        (f.word("col_rank"), *(f.word("disqualified") if c.disqualified else str(c.rank) if c.rank else "—"
                               for c in cases)),
        (f.word("col_total"), *(f.number(c.score, 3) if c.score is not None else "—" for c in cases)),
        (f.word("col_tco"), *(f.money(r.tco, whole=True) for r in results)),
        (f.word("col_tco_pv"), *(f.money(r.tco_pv, whole=True) for r in results)),
        (f.word("col_npv"), *(f.money(r.npv, whole=True) for r in results)),
        (f.word("col_roi"), *(f.share(r.roi) for r in results)),
        (f.word("col_roi_methodology"), *(f.number(r.roi_methodology, 2) for r in results)),
        (f.word("col_payback"), *(f.number(r.payback_years, 2) if r.payback_years is not None
                                  else f.word("vendor_payback_none") for r in results)),
    ]
    fills = [(None, *(OUT_FILL if c.disqualified else None for c in cases))] + [(None,) * (len(cases) + 1)] * 7
    doc.table([Column(f.word("col_measure"), width_cm=4.6), *(Column(c.label(f.locale), "right") for c in cases)],
              rows, caption=f.word("vendor_costs_table"), key="costs", fills=fills)
    doc.chart(Chart(vendor_cases_figure([(case.label(f.locale), case.result) for case in cases],
                                        currency=project.currency, locale=f.locale),
                    f.word("vendor_costs_caption"),
                    [Column(f.word("col_vendor")), Column(f.word("col_tco"), "right"), Column(f.word("col_npv"), "right")],
                    [(c.label(f.locale), f.money(c.result.tco, whole=True), f.money(c.result.npv, whole=True)) for c in cases],
                    key="costs_chart"))


def build_vendors_report(project: Project, options: ReportOptions, renderer: ChartRenderer | None = None,
                         cache: ResultCache | None = None) -> ReportDocument:
    """The vendor comparison of ``project`` (a plain statement when it has no vendor selection)."""
    f = Formatter(options.locale, project.currency)
    selection = project.vendor_selection
    info = title_info(project, "vendors_report", options)
    if selection is None:
        doc = ReportDocument(info, options.locale, renderer)
        doc.heading(f.word("vendor_selection"))
        doc.paragraph(f.word("vendor_none"))
        return doc
    if f.name(selection, "title"):
        info = replace(info, subtitle=f.name(selection, "title"))
    # Read in one sitting like the status pack: short chapters follow on without half-empty pages.
    doc = ReportDocument(info, options.locale, renderer, chapters_on_new_page=False)
    facts = _read(project, selection, f, options)
    _recommendation(doc, f, facts)
    _process(doc, project, f, facts)
    _criteria(doc, f, facts)
    if facts.analysis is not None:
        _scores(doc, f, facts)
        _ranking(doc, f, facts)
        _knockouts(doc, f, facts)
        _sensitivity(doc, f, facts)
    _costs(doc, project, f, facts)
    return doc
