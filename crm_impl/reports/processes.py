"""The process redesign (BPR) report: which processes to redesign, why they fail, and what the
redesign changes and saves.

The candidate processes ranked by the methodology's three criteria with the scope quadrant; the
root causes of each problem as a fishbone with its Pareto cut; then, per redesigned process (an
as-is map with its to-be map), both swim-lane diagrams (the to-be coloured by the diff, as on
the page), the differences by name, the metrics side by side, the yearly saving with the
business-case line it feeds, and the what-if simulation of both maps in the page's default
scenario.  Maps without a partner are listed with their metrics.  Every number comes from the
operations the pages call (:func:`~crm_impl.operations.processes.map_metrics`,
:func:`~crm_impl.operations.processes.map_diff`, :func:`~crm_impl.operations.processes.run_simulation`,
:func:`~crm_impl.operations.processes.ranked_candidates`, :func:`~crm_impl.operations.finance.process_savings`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import object_session

from crm_impl.charts.processes import (
    PERCENT_METRICS, cycle_time_figure, fishbone_figure, pareto_figure, process_comparison_figure,
    scope_quadrant_figure, swimlane_figure,
)
from crm_impl.errors import CrmImplError
from crm_impl.formats.bpmn import import_bpmn
from crm_impl.formats.bpmn_layout import layered_lane_layout
from crm_impl.i18n import is_chinese, label
from crm_impl.models import MapKind, ProcessMapRecord, Project
from crm_impl.operations.finance import case_rows, process_savings
from crm_impl.operations.processes import (
    fishbone_of, map_diff, map_metrics, ranked_candidates, run_simulation, stored_map,
)
from crm_impl.operations.schedule import ResultCache
from crm_impl.processes import METRIC_NAMES, MapDiff, ProcessMap, ProcessMetrics, pareto
from crm_impl.processes.simulation import DEFAULT_SCENARIO, ProcessSimulation
from crm_impl.reports.base import Formatter, ReportOptions, title_info
from crm_impl.reports.document import Chart, Column, ReportDocument
from crm_impl.reports.render import ChartRenderer

__all__ = ["build_processes_report", "Redesign", "redesigns", "metric_text", "swimlane_views", "SWIMLANE_PIXELS",
           "OVERVIEW_METRICS"]

#: CSS pixels across a printed swim-lane picture: one pixel per diagram unit, as the page draws it,
#: so the names stay inside their boxes; a wider diagram is printed in slices.
SWIMLANE_PIXELS = 1000
#: The most a printed diagram is enlarged (pixels per diagram unit) to fill the page's width.
MAX_SCALE = 1.3
#: The metrics of the overview table (the rest follow per map).
OVERVIEW_METRICS = ("steps", "handoffs", "cycle_time", "cost_per_case")
_COUNTS = frozenset({"steps", "handoffs", "decisions", "channel_count"})
_MONEY = frozenset({"cost_per_case", "cost_per_success"})


@dataclass(frozen=True)
class Redesign:
    """An as-is map with one of its to-be maps."""

    as_is: ProcessMapRecord
    to_be: ProcessMapRecord


def redesigns(project: Project) -> tuple[list[Redesign], list[ProcessMapRecord]]:
    """The project's as-is maps each with its to-be maps, in the maps' order, and the maps
    without a partner (an as-is map nobody redesigned, a to-be map linked to no as-is map)."""
    pairs, single = [], []
    for record in project.process_maps:
        if record.kind == MapKind.AS_IS:
            pairs += [Redesign(record, to_be) for to_be in record.to_be_maps]
            if not record.to_be_maps:
                single.append(record)
        elif record.as_is is None:
            single.append(record)
    return pairs, single


def metric_text(f: Formatter, name: str, value: float | None, *, signed: bool = False) -> str:
    """A metric as the report prints it: counts whole, shares as percentages, costs as money,
    hours to two decimals; ``signed`` puts a plus before a rise."""
    if value is None:
        return "—"
    if name in PERCENT_METRICS:
        text = f.share(value, 1)
    elif name in _COUNTS:
        text = f.number(value, 0)
    elif name in _MONEY:
        text = f.money(value)
    else:
        text = f.number(value, 2)
    return f"+{text}" if signed and value > 0 else text


def _metric_name(name: str, f: Formatter) -> str:
    return label(f"metric_{name}", f.locale)


def _version(record: ProcessMapRecord, f: Formatter) -> str:
    return label("process_to_be" if record.kind == MapKind.TO_BE else "process_as_is", f.locale)


# ---------------------------------------------------------------------------- swim lanes


def _layout(record: ProcessMapRecord, pm: ProcessMap):
    """Where the page draws the map: the file's own diagram, else the layered lane layout."""
    return import_bpmn(record.bpmn).layout or layered_lane_layout(pm)


def _cuts(layout, low: float, high: float, usable: float) -> list[tuple[float, float]]:
    """Slices of the diagram's x range ``low``–``high``, each at most ``usable`` wide, cut in the
    free gaps between shapes (their labels included) near equal widths."""
    blocks: list[list[float]] = []
    for box in sorted(layout.shapes.values(), key=lambda b: b.x + b.width / 2):
        half = max(box.width, 120) / 2
        left, right = box.x + box.width / 2 - half, box.x + box.width / 2 + half
        if blocks and left <= blocks[-1][1]:
            blocks[-1][1] = max(blocks[-1][1], right)
        else:
            blocks.append([left, right])
    gaps = [(a[1] + b[0]) / 2 for a, b in zip(blocks, blocks[1:])]
    slices, start = [], low
    while high - start > usable:
        target = start + (high - start) / math.ceil((high - start) / usable)
        inside = [g for g in gaps if start + usable * 0.3 < g <= start + usable]
        end = min(inside, key=lambda g: abs(g - target)) if inside else start + usable
        slices.append((start, end))
        start = end
    slices.append((start, high))
    return slices


def swimlane_views(figure, pm: ProcessMap, layout, locale: object) -> list[dict]:
    """The swim-lane figure as printed: one view when it fits the page at about its own size,
    else slices left to right of at most :data:`SWIMLANE_PIXELS` diagram units each (what the
    page shows by panning), each drawn across the page's width.  Later slices name the lanes
    on the left and drop the title; the names of removed steps stay under the last slice."""
    pool = layout.pool
    low, high = pool.x - 10, pool.x + pool.width + 10
    span = pool.height + 50  # the figure's y range
    usable = SWIMLANE_PIXELS - 40

    def height(width: float, across: int, margins: int) -> int:
        # one diagram unit is at most MAX_SCALE pixels: a small diagram is not blown up
        return int(span * min(MAX_SCALE, across / width) + margins)

    fixed = {"constrain": "domain"}
    if high - low <= usable * 1.25:
        return [{"yaxis": fixed, "height": height(high - low, SWIMLANE_PIXELS - 20, 90)}]
    lanes = [(layout.lanes[lane.key], lane.display_name(locale)) for lane in pm.lanes if lane.key in layout.lanes]
    own = [a.to_plotly_json() for a in figure.layout.annotations if a.xref != "paper"]
    slices = _cuts(layout, low, high, usable)
    views = []
    for index, (start, end) in enumerate(slices):
        view: dict[str, Any] = {"xaxis": {"range": [start, end]}, "yaxis": dict(fixed)}
        if index:
            view["yaxis"].update(visible=True, showgrid=False, zeroline=False, showline=False, ticks="",
                                 tickangle=-90, tickvals=[box.y + box.height / 2 for box, _ in lanes],
                                 ticktext=[name[:30] for _, name in lanes])
            view.update(title={"text": ""}, margin={"t": 10, "l": 30},
                        height=height(end - start, SWIMLANE_PIXELS - 40, 50))
        else:
            view["height"] = height(end - start, SWIMLANE_PIXELS - 20, 90)
        if index < len(slices) - 1:
            view["annotations"] = own
        views.append(view)
    return views


def _swimlane_chart(record: ProcessMapRecord, f: Formatter, caption: str, key: str,
                    diff: MapDiff | None = None) -> Chart:
    pm = stored_map(record)
    layout = _layout(record, pm)
    figure = swimlane_figure(pm, layout, diff=diff, metrics=map_metrics(record), locale=f.locale,
                             title=record.display_name(f.locale))
    added = set(diff.added_nodes) if diff else set()
    changed = {c.id for c in diff.changed_nodes} if diff else set()
    columns = [Column(f.word("col_id")), Column(f.word("col_step")), Column(f.word("col_lane"))]
    if diff is not None:
        columns.append(Column(f.word("col_diff")))
    rows = []
    for node in pm.nodes:
        lane = pm.lane(node.lane) if node.lane else None
        row = [node.id, node.display_name(f.locale), lane.display_name(f.locale) if lane else "—"]
        if diff is not None:
            row.append(f.word("diff_added" if node.id in added else "diff_changed" if node.id in changed
                              else "diff_unchanged"))
        rows.append(row)
    return Chart(figure, caption, columns, rows, key=key, width=SWIMLANE_PIXELS,
                 views=swimlane_views(figure, pm, layout, f.locale))


# ---------------------------------------------------------------------------- summary


def _summary(doc: ReportDocument, project: Project, f: Formatter, pairs: list[Redesign],
             single: list[ProcessMapRecord]) -> None:
    doc.heading(f.word("summary"))
    maps = list(project.process_maps)
    if not maps:
        doc.paragraph(f.word("bpr_no_maps"))
        return
    doc.paragraph(f.word("bpr_summary", maps=len(maps), pairs=len(pairs), single=len(single)))
    rows = []
    for record in maps:
        metrics = map_metrics(record)
        rows.append([record.display_name(f.locale), _version(record, f)]
                    + [metric_text(f, name, metrics.value(name)) for name in OVERVIEW_METRICS]
                    + [f.number(record.cases_per_year, 0),
                       f.money(record.annual_savings) if record.annual_savings is not None else "—"])
    doc.table([Column(f.word("col_map")), Column(f.word("col_version"), width_cm=1.5)]
              + [Column(_metric_name(name, f), "right", 1.9) for name in OVERVIEW_METRICS]
              + [Column(f.word("col_cases_year"), "right", 2.0), Column(f.word("col_saving_year"), "right", 3.0)],
              rows, caption=f.word("bpr_maps_table"), key="maps")


# ---------------------------------------------------------------------------- selection


def _selection(doc: ReportDocument, project: Project, f: Formatter) -> None:
    doc.heading(f.word("bpr_selection"))
    doc.paragraph(f.word("bpr_selection_intro"))
    ranked = ranked_candidates(project)
    if not ranked:
        doc.paragraph(f.word("bpr_candidates_none"))
        return
    mapped = {m.process for m in project.process_maps if m.process}
    doc.table([Column(f.word("col_rank"), "center", 1.1), Column(f.word("col_process")),
               Column(f.word("col_importance"), "center", 1.9), Column(f.word("col_gap"), "center", 2.1),
               Column(f.word("col_feasibility"), "center", 1.9), Column(f.word("col_priority"), "right", 1.6),
               Column(f.word("col_selected"), "center", 1.6), Column(f.word("col_quadrant"), "center", 1.6),
               Column(f.word("col_mapped"), "center", 1.5)],
              [(str(r.rank), f.name(r.candidate), str(r.candidate.importance), str(r.candidate.gap),
                str(r.candidate.feasibility), f.number(r.score, 2), f.word("yes" if r.selected else "no"),
                r.quadrant, "✓" if r.candidate.key in mapped else "") for r in ranked],
              caption=f.word("bpr_candidates_table"), key="candidates")
    chosen = [f.name(r.candidate) for r in ranked if r.selected]
    if chosen:
        doc.paragraph(f.word("bpr_selected", names=", ".join(chosen)))
    doc.paragraph(f.word("bpr_quadrant_intro"))
    doc.chart(Chart(scope_quadrant_figure(ranked, locale=f.locale), f.word("bpr_quadrant_caption"),
                    [Column(f.word("col_process")), Column(f.word("col_departments"), "right"),
                     Column(f.word("col_functions"), "right"), Column(f.word("col_quadrant"), "center")],
                    [(f.name(r.candidate), str(r.candidate.departments), str(r.candidate.functions),
                      r.quadrant) for r in ranked], key="quadrant"))


# ---------------------------------------------------------------------------- root causes


def _root_causes(doc: ReportDocument, project: Project, f: Formatter) -> None:
    doc.heading(f.word("bpr_root_causes"))
    doc.paragraph(f.word("bpr_root_intro"))
    if not project.fishbones:
        doc.paragraph(f.word("bpr_fishbones_none"))
        return
    for record in project.fishbones:
        engine = fishbone_of(record)
        problem = engine.display_problem(f.locale)
        doc.heading(problem, 2)
        if not record.causes:
            doc.paragraph(f.word("bpr_fishbone_empty"))
            continue
        result = pareto(engine)
        rows = [(row.display_category(f.locale), row.display_cause(f.locale), f.number(row.value, 2),
                 f.share(row.share, 1)) for row in result.rows]
        doc.chart(Chart(fishbone_figure(engine, locale=f.locale, title=problem),
                        f.word("bpr_fishbone_caption", problem=problem),
                        [Column(f.word("col_category")), Column(f.word("col_cause")),
                         Column(f.word("col_value"), "right"), Column(f.word("col_problem_share"), "right")],
                        rows, key=f"fishbone_{record.key}"))
        doc.paragraph(f.word("bpr_vital_few", count=len(result.vital_few), total=len(result.rows),
                             share=f.share(result.covered, 0), cut=f.share(result.cut, 0)))
        doc.table([Column(f.word("col_rank"), "center", 1.1), Column(f.word("col_cause")),
                   Column(f.word("col_category"), width_cm=2.6), Column(f.word("col_value"), "right", 1.6),
                   Column(f.word("col_problem_share"), "right", 2.2), Column(f.word("col_cumulative"), "right", 2.4),
                   Column(f.word("col_vital"), "center", 1.6)],
                  [(str(rank), row.display_cause(f.locale), row.display_category(f.locale), f.number(row.value, 2),
                    f.share(row.share, 1), f.share(row.cumulative, 1), f.word("yes") if row.vital else "")
                   for rank, row in enumerate(result.rows, start=1)],
                  caption=f.word("bpr_pareto_table", problem=problem), key=f"pareto_table_{record.key}")
        doc.chart(Chart(pareto_figure(result, locale=f.locale, title=problem),
                        f.word("bpr_pareto_caption", problem=problem),
                        [Column(f.word("col_cause")), Column(f.word("col_problem_share"), "right"),
                         Column(f.word("col_cumulative"), "right")],
                        [(row.display_cause(f.locale), f.share(row.share, 1), f.share(row.cumulative, 1))
                         for row in result.rows], key=f"pareto_{record.key}"))


# ---------------------------------------------------------------------------- one redesign


_KIND_WORDS = {"start": "kind_start", "end": "kind_end", "task": "kind_task", "exclusive": "kind_exclusive",
               "parallel": "kind_parallel", "intermediate": "kind_intermediate", "data": "kind_data"}


def _field_value(name: str, value: Any, pm: ProcessMap, f: Formatter) -> str:
    """One node or flow field's value in words."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return f.word("yes" if value else "no")
    if name == "kind":
        return f.word(_KIND_WORDS.get(value, "kind_task"))
    if name == "lane":
        lane = pm.lane(value)
        return lane.display_name(f.locale) if lane else str(value)
    if name in ("share", "probability"):
        return f.share(value, 0)
    if name == "cost":
        return f.money(value)
    if name in ("working_time", "waiting_time"):
        return f.number(value, 2)
    return f"“{value}”" if name in ("name", "name_zh", "label") else str(value)


def _changes(before_of, after_of, names: Sequence[str], old: ProcessMap, new: ProcessMap, f: Formatter) -> str:
    """``field: before → after`` for each changed field; of the two names, the reader's."""
    mine, other = ("name_zh", "name") if is_chinese(f.locale) else ("name", "name_zh")
    shown = [name for name in names if name != other] or list(names)
    titles = {mine: "field_name", other: "field_name_en" if other == "name" else "field_name_zh"}
    return "; ".join(f"{f.word(titles.get(name, 'field_' + name))}: "
                     f"{_field_value(name, getattr(before_of, name), old, f)} → "
                     f"{_field_value(name, getattr(after_of, name), new, f)}" for name in shown)


def _flow_name(pm: ProcessMap, source: str, target: str, f: Formatter) -> str:
    return f"{pm.node(source).display_name(f.locale)} → {pm.node(target).display_name(f.locale)}"


def _flow_details(flow, pm: ProcessMap, f: Formatter) -> str:
    parts = []
    if flow.label:
        parts.append(f"{f.word('field_label')}: {_field_value('label', flow.label, pm, f)}")
    if flow.probability is not None:
        parts.append(f"{f.word('field_probability')}: {_field_value('probability', flow.probability, pm, f)}")
    return "; ".join(parts)


def difference_rows(diff: MapDiff, old: ProcessMap, new: ProcessMap, f: Formatter) -> list[tuple[str, ...]]:
    """The differences as rows (change, element, name, details): lanes, then nodes, then flows,
    each added, removed, changed; names from the map that holds the element."""
    rows: list[tuple[str, ...]] = []
    lane = f.word("element_lane")
    rows += [(f.word("diff_added"), lane, new.lane(k).display_name(f.locale), "") for k in diff.added_lanes]
    rows += [(f.word("diff_removed"), lane, old.lane(k).display_name(f.locale), "") for k in diff.removed_lanes]

    def node_row(change: str, pm: ProcessMap, node_id: str, details: str) -> tuple[str, ...]:
        node = pm.node(node_id)
        return (f.word(change), f.word(_KIND_WORDS.get(node.kind, "kind_task")), node.display_name(f.locale), details)

    def where(pm: ProcessMap, node_id: str) -> str:
        node = pm.node(node_id)
        return f"{f.word('field_lane')}: {_field_value('lane', node.lane, pm, f)}" if node.lane else ""

    rows += [node_row("diff_added", new, n, where(new, n)) for n in diff.added_nodes]
    rows += [node_row("diff_removed", old, n, where(old, n)) for n in diff.removed_nodes]
    rows += [node_row("diff_changed", new, c.id, _changes(old.node(c.id), new.node(c.id), c.fields, old, new, f))
             for c in diff.changed_nodes]
    flow = f.word("element_flow")
    rows += [(f.word("diff_added"), flow, _flow_name(new, *key, f), _flow_details(new.flow(*key), new, f))
             for key in diff.added_flows]
    rows += [(f.word("diff_removed"), flow, _flow_name(old, *key, f), _flow_details(old.flow(*key), old, f))
             for key in diff.removed_flows]
    rows += [(f.word("diff_changed"), flow, _flow_name(new, c.source, c.target, f),
              _changes(old.flow(c.source, c.target), new.flow(c.source, c.target), c.fields, old, new, f))
             for c in diff.changed_flows]
    return rows


def metric_rows(diff: MapDiff, f: Formatter) -> list[tuple[str, ...]]:
    """Each metric as-is, to-be, the change and the change relative to the as-is value."""
    rows = []
    for delta in diff.deltas:
        relative = delta.relative
        rows.append((_metric_name(delta.name, f), metric_text(f, delta.name, delta.before),
                     metric_text(f, delta.name, delta.after),
                     metric_text(f, delta.name, delta.change, signed=True) if delta.change else "—",
                     (("+" if relative > 0 else "") + f.share(relative, 0)) if relative else "—"))
    rows.append((f.word("channels_offered"), ", ".join(diff.before.channels) or "—",
                 ", ".join(diff.after.channels) or "—", "", ""))
    return rows


def _diagrams(doc: ReportDocument, pair: Redesign, diff: MapDiff, f: Formatter, key: str) -> None:
    doc.heading(f.word("bpr_diagrams"), 3)
    doc.paragraph(f.word("bpr_diagrams_intro"))
    doc.chart(_swimlane_chart(pair.as_is, f, f.word("bpr_swimlane_as_is", name=pair.as_is.display_name(f.locale)),
                              f"{key}_as_is"))
    doc.chart(_swimlane_chart(pair.to_be, f, f.word("bpr_swimlane_to_be", name=pair.to_be.display_name(f.locale)),
                              f"{key}_to_be", diff))


def _differences(doc: ReportDocument, pair: Redesign, diff: MapDiff, f: Formatter, key: str) -> None:
    doc.heading(f.word("bpr_differences"), 3)
    if diff.unchanged:
        doc.paragraph(f.word("bpr_unchanged"))
        return
    doc.table([Column(f.word("col_diff"), width_cm=1.8), Column(f.word("col_element"), width_cm=2.4),
               Column(f.word("col_element_name"), width_cm=5.0), Column(f.word("col_details"))],
              difference_rows(diff, stored_map(pair.as_is), stored_map(pair.to_be), f),
              caption=f.word("bpr_differences_table"), key=f"{key}_diff")


def _metrics(doc: ReportDocument, diff: MapDiff, f: Formatter, key: str) -> None:
    doc.heading(f.word("bpr_metrics"), 3)
    doc.paragraph(f.word("bpr_metrics_intro"))
    as_is, to_be = label("process_as_is", f.locale), label("process_to_be", f.locale)
    doc.table([Column(f.word("col_measure")), Column(as_is, "right", 2.8), Column(to_be, "right", 2.8),
               Column(f.word("col_diff"), "right", 2.6), Column(f.word("col_relative"), "right", 2.0)],
              metric_rows(diff, f), caption=f.word("bpr_metrics_table"), key=f"{key}_metrics")
    doc.chart(Chart(process_comparison_figure(diff.before, diff.after, locale=f.locale),
                    f.word("bpr_comparison_caption"),
                    [Column(f.word("col_measure")), Column(as_is, "right"), Column(to_be, "right")],
                    [row[:3] for row in metric_rows(diff, f)[:-1]], key=f"{key}_comparison"))


def _benefit_sentence(saving, lines: dict, f: Formatter) -> str:
    """Which business-case line the saving feeds, as the business-case page says it."""
    if saving is None:
        return f.word("benefit_none")
    line = lines.get(saving.line_key)
    named = f"{saving.line_key} ({f.name(line)})" if line is not None and f.name(line) else saving.line_key
    if saving.in_step:
        return f.word("benefit_takes", line=named, amount=f.money(saving.line_amount))
    if saving.line_amount is not None:
        return f.word("benefit_stale", line=named, amount=f.money(saving.line_amount))
    if saving.line_key:
        return f.word("benefit_named", line=named)
    return f.word("benefit_new")


def saving_rows(diff: MapDiff, f: Formatter) -> list[tuple[str, str]]:
    return [(f.word("saving_cost_as_is"), f.money(diff.before.cost_per_case)),
            (f.word("saving_cost_to_be"), f.money(diff.after.cost_per_case)),
            (f.word("saving_per_case"), f.money(diff.savings_per_case)),
            (f.word("saving_hours"), f.number(diff.hours_saved_per_case, 2)),
            (f.word("saving_cases"), f.number(diff.cases_per_year, 0)),
            (f.word("saving_year"), f.money(diff.annual_savings)),
            (f.word("saving_touch_hours"), f.number(diff.annual_touch_hours_saved, 0))]


def _saving(doc: ReportDocument, pair: Redesign, diff: MapDiff, f: Formatter, key: str, savings: dict,
            lines: dict) -> None:
    doc.heading(f.word("bpr_saving"), 3)
    doc.table([Column(f.word("col_item")), Column(f.word("col_value"), "right", 4.5)], saving_rows(diff, f),
              caption=f.word("bpr_saving_table"), key=f"{key}_saving")
    doc.paragraph(_benefit_sentence(savings.get(pair.to_be.id), lines, f))


def simulation_rows(runs: Sequence[ProcessSimulation], f: Formatter) -> list[tuple[str, ...]]:
    """P50, P90, mean cycle time, queue wait and completed cases, one column per run."""
    measures = (("sim_p50", lambda r: f.number(r.p50, 2)), ("sim_p90", lambda r: f.number(r.p90, 2)),
                ("sim_mean", lambda r: f.number(r.mean, 2)), ("sim_queue", lambda r: f.number(r.mean_queue_wait, 2)),
                ("sim_completed", lambda r: f.number(r.completed, 0)))
    return [(f.word(word), *(shown(run) for run in runs)) for word, shown in measures]


def lane_rows(named_runs: Sequence[tuple[ProcessMapRecord, ProcessSimulation]], f: Formatter) -> list[tuple[str, ...]]:
    rows = []
    for record, run in named_runs:
        pm = stored_map(record)
        for lane in run.lanes:
            known = pm.lane(lane.lane)
            rows.append((_version(record, f), known.display_name(f.locale) if known else lane.lane,
                         f.number(lane.people, 0) if lane.people is not None else f.word("people_as_needed"),
                         f.share(lane.utilisation, 0) if lane.utilisation is not None else "—",
                         f.number(lane.mean_queue_wait, 2), f.number(lane.hours_worked, 1)))
    return rows


def _simulation(doc: ReportDocument, pair: Redesign, f: Formatter, key: str, cache: ResultCache | None) -> None:
    doc.heading(f.word("bpr_simulation"), 3)
    scenario = DEFAULT_SCENARIO
    doc.paragraph(" ".join([
        f.word("bpr_sim_intro", cases=f.number(scenario.cases, 0), rate=f.number(scenario.arrival_rate, 2),
               cv=f.share(scenario.variability, 0), seed=scenario.seed),
        f.word("bpr_sim_poisson" if scenario.poisson_arrivals else "bpr_sim_even")]
        + ([f.word("bpr_sim_unstaffed")] if not scenario.staff else [])))
    try:
        runs = [(record, run_simulation(record, scenario, cache)) for record in (pair.as_is, pair.to_be)]
    except CrmImplError as error:
        doc.note(f.word("bpr_sim_failed", reason=error.localized(f.locale)))
        return
    as_is, to_be = label("process_as_is", f.locale), label("process_to_be", f.locale)
    doc.table([Column(f.word("col_measure")), Column(as_is, "right", 3.2), Column(to_be, "right", 3.2)],
              simulation_rows([run for _, run in runs], f), caption=f.word("bpr_sim_table"), key=f"{key}_sim")
    doc.table([Column(f.word("col_version"), width_cm=2.0), Column(f.word("col_lane")),
               Column(f.word("col_people"), "right", 2.0), Column(f.word("col_utilisation"), "right", 2.2),
               Column(f.word("col_queue_wait"), "right", 3.0), Column(f.word("col_hours_worked"), "right", 2.4)],
              lane_rows(runs, f), caption=f.word("bpr_lanes_table"), key=f"{key}_lanes")
    doc.chart(Chart(cycle_time_figure([(record.display_name(f.locale), run) for record, run in runs],
                                      locale=f.locale),
                    f.word("bpr_cycle_caption"),
                    [Column(f.word("col_map")), Column(f.word("sim_p50"), "right"), Column(f.word("sim_p90"), "right")],
                    [(record.display_name(f.locale), f.number(run.p50, 2), f.number(run.p90, 2))
                     for record, run in runs], key=f"{key}_cycle"))


def _process_name(project: Project, pair: Redesign, f: Formatter) -> str:
    """The redesigned process's name: its candidate's, else the to-be map's."""
    process = pair.to_be.process or pair.as_is.process
    candidate = next((c for c in project.process_candidates if process and c.key == process), None)
    return f.name(candidate) if candidate is not None else pair.to_be.display_name(f.locale)


def _redesigns(doc: ReportDocument, project: Project, f: Formatter, pairs: list[Redesign],
               cache: ResultCache | None) -> None:
    doc.heading(f.word("bpr_redesigns"))
    if not pairs:
        doc.paragraph(f.word("bpr_redesigns_none"))
        return
    doc.paragraph(f.word("bpr_redesigns_intro"))
    session = object_session(project)
    savings = {s.map_id: s for s in process_savings(session, project)} if session is not None else {}
    rows = case_rows(session, project) if session is not None else None
    lines = {line.key: line for line in rows.lines} if rows is not None else {}
    for pair in pairs:
        diff = map_diff(pair.to_be)
        key = f"map_{pair.to_be.id}"
        doc.heading(_process_name(project, pair, f), 2)
        doc.paragraph(f.word("bpr_pair", as_is=f"{pair.as_is.display_name(f.locale)} ({pair.as_is.key})",
                             to_be=f"{pair.to_be.display_name(f.locale)} ({pair.to_be.key})"))
        _diagrams(doc, pair, diff, f, key)
        _differences(doc, pair, diff, f, key)
        _metrics(doc, diff, f, key)
        _saving(doc, pair, diff, f, key, savings, lines)
        _simulation(doc, pair, f, key, cache)


def single_rows(metrics: ProcessMetrics, f: Formatter) -> list[tuple[str, str]]:
    return ([(_metric_name(name, f), metric_text(f, name, metrics.value(name))) for name in METRIC_NAMES]
            + [(f.word("channels_offered"), ", ".join(metrics.channels) or "—")])


def _unpaired(doc: ReportDocument, f: Formatter, single: list[ProcessMapRecord]) -> None:
    if not single:
        return
    doc.heading(f.word("bpr_unpaired"))
    doc.paragraph(f.word("bpr_unpaired_intro"))
    for record in single:
        name = record.display_name(f.locale)
        doc.heading(name, 2)
        doc.paragraph(f.word("bpr_as_is_only" if record.kind == MapKind.AS_IS else "bpr_to_be_only"))
        doc.table([Column(f.word("col_measure")), Column(f.word("col_value"), "right", 4.0)],
                  single_rows(map_metrics(record), f), caption=f.word("bpr_unpaired_table", name=name),
                  key=f"single_{record.id}")


def build_processes_report(project: Project, options: ReportOptions, renderer: ChartRenderer | None = None,
                           cache: ResultCache | None = None) -> ReportDocument:
    """The process redesign report of ``project`` in ``options.locale``; simulations kept in
    ``cache`` when one is given (the page's results are found there too)."""
    f = Formatter(options.locale, project.currency)
    doc = ReportDocument(title_info(project, "processes_report", options), options.locale, renderer)
    pairs, single = redesigns(project)
    _summary(doc, project, f, pairs, single)
    _selection(doc, project, f)
    _root_causes(doc, project, f)
    _redesigns(doc, project, f, pairs, cache)
    _unpaired(doc, f, single)
    return doc
