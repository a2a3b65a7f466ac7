"""The process redesign report of every sample, in English and Chinese, reopened and compared with
the process operations (metrics, diffs, simulations, candidates, fishbones, savings)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from sqlalchemy.orm import object_session

from crm_impl.charts.processes import swimlane_figure
from crm_impl.formats.bpmn import import_bpmn
from crm_impl.formats.bpmn_layout import layered_lane_layout
from crm_impl.i18n import format_money, format_number, format_percentage, label
from crm_impl.models import MapKind
from crm_impl.operations.finance import process_savings
from crm_impl.operations.processes import (
    fishbone_of, map_diff, map_metrics, ranked_candidates, run_simulation, simulation_key, stored_map,
)
from crm_impl.processes import METRIC_NAMES, Flow, Lane, Node, ProcessMap, pareto
from crm_impl.processes.simulation import DEFAULT_SCENARIO
from crm_impl.reports import build_document
from crm_impl.reports.processes import SWIMLANE_PIXELS, redesigns, swimlane_views
from crm_impl.reports.words import word
from tests.conftest import ROOT, SAMPLES
from tests.crm_impl.reports.conftest import LANGS, options, reopen
from tests.crm_impl.reports.helpers import (
    captions, every_part, finished_document_test, headings, out_of_order, pictures, rows,
)

test_is_a_finished_document = finished_document_test("processes")

CASES = [(path.stem, lang) for path in SAMPLES for lang in LANGS]
PERCENT = {"value_added_ratio", "automation_share", "success_rate"}
COUNTS = {"steps", "handoffs", "decisions", "channel_count"}
MONEY = {"cost_per_case", "cost_per_success"}


def metric(name: str, value, lang: str, currency: str, signed: bool = False) -> str:
    """A metric as the report should print it, written out here to be checked against."""
    if value is None:
        return "—"
    if name in PERCENT:
        text = format_percentage(value, lang, 1)
    elif name in COUNTS:
        text = format_number(value, lang, 0)
    elif name in MONEY:
        text = format_money(value, currency, lang)
    else:
        text = format_number(value, lang, 2)
    return f"+{text}" if signed and value > 0 else text


def tables_in_order(document) -> list[tuple[str, object]]:
    """Every captioned table as (caption text after "Table 3: ", table), in the document's order."""
    from docx.table import Table

    found, last = [], None
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            if paragraph.style.name == "Caption":
                last = re.sub(r"^\S+\s?\d+\s?[:：]\s?", "", paragraph.text)
            elif paragraph.text.strip() and paragraph.style.name != "Note":
                last = None
        elif element.tag == qn("w:tbl") and last is not None:
            found.append((last, Table(element, document)))
            last = None
    return found


def tables_named(document, caption: str) -> list:
    return [table for text, table in tables_in_order(document) if text == caption]


def swimlane_pictures(record, lang: str) -> int:
    pm = stored_map(record)
    layout = import_bpmn(record.bpmn).layout or layered_lane_layout(pm)
    return len(swimlane_views(swimlane_figure(pm, layout, locale=lang), pm, layout, lang))


@pytest.mark.parametrize(("sample", "lang"), CASES)
def test_processes_report_holds_the_process_work(made, sample_session, sample, lang):
    project = sample_session.projects[sample]
    document = reopen(made("processes", sample, lang))
    w = lambda key, **params: word(key, lang, **params)  # noqa: E731
    currency = project.currency
    pairs, single = redesigns(project)
    assert pairs, "every sample redesigns a process"

    titles = [h.split("\u2002", 1)[1] for h in headings(document)]
    for key in ("summary", "bpr_selection", "bpr_root_causes", "bpr_redesigns"):
        assert w(key) in titles, key
    assert titles.count(w("bpr_diagrams")) == titles.count(w("bpr_simulation")) == len(pairs)

    # The overview lists every map with the page's metrics.
    overview = rows(tables_named(document, w("bpr_maps_table"))[0])
    assert [r[0] for r in overview] == [m.display_name(lang) for m in project.process_maps]
    assert [r[3] for r in overview] == [metric("handoffs", map_metrics(m).handoffs, lang, currency)
                                        for m in project.process_maps]

    # The candidates, ranked as the candidates page ranks them.
    ranked = ranked_candidates(project)
    zh = lang != "en"
    assert rows(tables_named(document, w("bpr_candidates_table"))[0]) == [
        [str(r.rank), r.candidate.name_zh if zh and r.candidate.name_zh else r.candidate.name,
         str(r.candidate.importance), str(r.candidate.gap), str(r.candidate.feasibility),
         format_number(r.score, lang, 2), w("yes" if r.selected else "no"), r.quadrant,
         "✓" if r.candidate.key in {m.process for m in project.process_maps} else ""] for r in ranked]

    # Each fishbone's Pareto table: the engine's order, shares and vital few.
    for record in project.fishbones:
        engine = fishbone_of(record)
        result = pareto(engine)
        table = tables_named(document, w("bpr_pareto_table", problem=engine.display_problem(lang)))[0]
        assert rows(table) == [
            [str(rank), row.display_cause(lang), row.display_category(lang), format_number(row.value, lang, 2),
             format_percentage(row.share, lang, 1), format_percentage(row.cumulative, lang, 1),
             w("yes") if row.vital else ""] for rank, row in enumerate(result.rows, start=1)]
        text = "\n".join(p.text for p in document.paragraphs)
        assert w("bpr_vital_few", count=len(result.vital_few), total=len(result.rows),
                 share=format_percentage(result.covered, lang, 0), cut=format_percentage(result.cut, lang, 0)) in text

    savings = {s.map_id: s for s in process_savings(object_session(project), project)}
    metric_tables = tables_named(document, w("bpr_metrics_table"))
    diff_tables = tables_named(document, w("bpr_differences_table"))
    saving_tables = tables_named(document, w("bpr_saving_table"))
    sim_tables = tables_named(document, w("bpr_sim_table"))
    assert len(metric_tables) == len(saving_tables) == len(sim_tables) == len(pairs)
    text = "\n".join(p.text for p in document.paragraphs)
    for index, pair in enumerate(pairs):
        diff = map_diff(pair.to_be)
        # Metrics side by side: map_diff's values and deltas.
        body = rows(metric_tables[index])
        assert [r[:4] for r in body[:-1]] == [
            [label(f"metric_{d.name}", lang), metric(d.name, d.before, lang, currency),
             metric(d.name, d.after, lang, currency),
             metric(d.name, d.change, lang, currency, signed=True) if d.change else "—"] for d in diff.deltas]
        assert [d.name for d in diff.deltas] == list(METRIC_NAMES)
        assert body[-1][:3] == [w("channels_offered"), ", ".join(diff.before.channels) or "—",
                                ", ".join(diff.after.channels) or "—"]
        # Differences: one row per added, removed or changed element, named in the report's language.
        old, new = stored_map(pair.as_is), stored_map(pair.to_be)
        changes = rows(diff_tables[index])
        assert len(changes) == (len(diff.added_lanes) + len(diff.removed_lanes) + len(diff.added_nodes)
                                + len(diff.removed_nodes) + len(diff.changed_nodes) + len(diff.added_flows)
                                + len(diff.removed_flows) + len(diff.changed_flows))
        named = {(r[0], r[2]) for r in changes}
        assert {(w("diff_added"), new.node(n).display_name(lang)) for n in diff.added_nodes} <= named
        assert {(w("diff_removed"), old.node(n).display_name(lang)) for n in diff.removed_nodes} <= named
        assert {(w("diff_changed"), new.node(c.id).display_name(lang)) for c in diff.changed_nodes} <= named
        for change in diff.changed_flows:
            if "probability" in change.fields:
                before = old.flow(change.source, change.target).probability
                after = new.flow(change.source, change.target).probability
                shown = f"{format_percentage(before, lang, 0)} → {format_percentage(after, lang, 0)}"
                assert any(shown in r[3] for r in changes), shown
        # The yearly saving and the benefit line it feeds.
        saving = dict((r[0], r[1]) for r in rows(saving_tables[index]))
        assert saving[w("saving_per_case")] == format_money(diff.savings_per_case, currency, lang)
        assert saving[w("saving_cases")] == format_number(pair.to_be.cases_per_year, lang, 0)
        assert saving[w("saving_year")] == format_money(diff.annual_savings, currency, lang)
        assert diff.annual_savings == pytest.approx(pair.to_be.annual_savings)
        fed = savings.get(pair.to_be.id)
        if fed is None:
            assert w("benefit_none") in text
        else:
            assert fed.line_key and fed.line_key in text
            if fed.line_amount is not None:
                assert format_money(fed.line_amount, currency, lang) in text
        # The what-if simulation: the page's default scenario on both maps.
        runs = [run_simulation(record, DEFAULT_SCENARIO) for record in (pair.as_is, pair.to_be)]
        assert rows(sim_tables[index]) == [
            [w("sim_p50"), *(format_number(r.p50, lang, 2) for r in runs)],
            [w("sim_p90"), *(format_number(r.p90, lang, 2) for r in runs)],
            [w("sim_mean"), *(format_number(r.mean, lang, 2) for r in runs)],
            [w("sim_queue"), *(format_number(r.mean_queue_wait, lang, 2) for r in runs)],
            [w("sim_completed"), *(format_number(r.completed, lang, 0) for r in runs)]]

    # Pictures: the quadrant, fishbone and Pareto per fishbone, and per redesign both swim lanes
    # (a wide one in slices), the comparison and the cycle times.
    figures = [c for c in captions(document) if c.startswith(w("figure"))]
    fishbones = sum(1 for f in project.fishbones if f.causes)
    assert len(figures) == (1 if ranked else 0) + 2 * fishbones + 4 * len(pairs)
    expected = (1 if ranked else 0) + 2 * fishbones + sum(
        swimlane_pictures(p.as_is, lang) + swimlane_pictures(p.to_be, lang) + 2 for p in pairs)
    assert pictures(document) == expected > len(figures)  # the samples' maps are wider than a page
    assert w("bpr_swimlane_to_be", name=pairs[0].to_be.display_name(lang)) in " ".join(figures)
    assert [problem for part in every_part(document) for problem in out_of_order(part)] == []


def test_report_without_process_maps_says_so_then_lists_a_lone_map(sample_session):
    from crm_impl.models import User
    from crm_impl.operations.processes import create_map
    from crm_impl.operations.projects import ProjectDraft, create_project

    owner = sample_session.query(User).first()
    project = create_project(sample_session, owner, ProjectDraft("Bare 空项目", "Client", date(2025, 3, 3)))
    try:
        for lang in LANGS:
            w = lambda key, **params: word(key, lang, **params)  # noqa: E731
            document = reopen(build_document("processes", project, options(lang)).to_bytes())
            text = "\n".join(p.text for p in document.paragraphs)
            assert w("bpr_no_maps") in text
            assert w("bpr_candidates_none") in text and w("bpr_fishbones_none") in text
            assert tables_in_order(document) == [] and pictures(document) == 0
        bpmn = Path(ROOT / "sample_projects" / "processes" / "hotel_booking_as_is.bpmn").read_bytes()
        lone = create_map(sample_session, project, key="hotel_as_is", data=bpmn, kind=MapKind.AS_IS.value)
        document = reopen(build_document("processes", project, options("zh_Hans")).to_bytes())
        w = lambda key, **params: word(key, "zh_Hans", **params)  # noqa: E731
        titles = [h.split("\u2002", 1)[1] for h in headings(document)]
        assert w("bpr_unpaired") in titles and lone.display_name("zh_Hans") in titles
        assert w("bpr_redesigns_none") in "\n".join(p.text for p in document.paragraphs)
        metrics = map_metrics(lone)
        table = tables_named(document, w("bpr_unpaired_table", name=lone.display_name("zh_Hans")))[0]
        assert rows(table)[:-1] == [[label(f"metric_{name}", "zh_Hans"),
                                     metric(name, metrics.value(name), "zh_Hans", project.currency)]
                                    for name in METRIC_NAMES]
    finally:
        sample_session.rollback()


class _Cache(dict):
    def set(self, key, value, timeout=None):
        self[key] = value


def test_simulations_go_through_the_cache_and_charts_fall_back_to_tables(sample_session):
    project = sample_session.projects[SAMPLES[0].stem]
    pairs, _ = redesigns(project)
    cache = _Cache()
    doc = build_document("processes", project, options("en"), None, cache)
    keys = {simulation_key(record, DEFAULT_SCENARIO) for pair in pairs for record in (pair.as_is, pair.to_be)}
    assert keys <= set(cache)
    assert doc.charts_as_tables == doc.counters.figures > 0  # no renderer: every chart as its data
    document = reopen(doc.to_bytes())
    assert pictures(document) == 0
    # A second report takes the simulations from the cache.
    cache[simulation_key(pairs[0].as_is, DEFAULT_SCENARIO)] = cached = run_simulation(pairs[0].as_is, DEFAULT_SCENARIO)
    assert run_simulation(pairs[0].as_is, DEFAULT_SCENARIO, cache) is cached


def test_a_wide_map_prints_in_slices_covering_it_once():
    pm = ProcessMap("wide", lanes=(Lane("desk", "Desk"), Lane("back", "Back office")), nodes=(
        Node("s", "start", lane="desk"), *(Node(f"t{i}", "task", f"Step {i}", lane="desk" if i % 2 else "back")
                                           for i in range(14)), Node("e", "end", lane="back")),
        flows=(Flow("s", "t0"), *(Flow(f"t{i}", f"t{i + 1}") for i in range(13)), Flow("t13", "e")))
    layout = layered_lane_layout(pm)
    figure = swimlane_figure(pm, layout)
    views = swimlane_views(figure, pm, layout, "en")
    ranges = [v["xaxis"]["range"] for v in views]
    assert len(views) > 2
    assert ranges[0][0] == layout.pool.x - 10 and ranges[-1][1] == layout.pool.x + layout.pool.width + 10
    assert all(a[1] == b[0] for a, b in zip(ranges, ranges[1:]))
    assert all(high - low <= SWIMLANE_PIXELS - 40 for low, high in ranges)
    # No cut runs through a task's box.
    for _, cut in ranges[:-1]:
        assert not any(box.x < cut < box.x + box.width for box in layout.shapes.values())
    assert views[1]["yaxis"]["ticktext"] == ["Desk", "Back office"] and views[1]["title"] == {"text": ""}
    narrow = ProcessMap("narrow", nodes=(Node("s", "start"), Node("t", "task"), Node("e", "end")),
                        flows=(Flow("s", "t"), Flow("t", "e")))
    small = layered_lane_layout(narrow)
    assert len(swimlane_views(swimlane_figure(narrow, small), narrow, small, "en")) == 1
