"""The project plan of every sample project, in English and Chinese, reopened: its headings,
tables (equal to the domain's results), pictures, captions, TOC field and fonts."""

from __future__ import annotations

import json

import pytest
from docx.oxml.ns import qn

from crm_impl.i18n import format_day, format_number, format_percentage
from crm_impl.methodology import get_template
from crm_impl.operations.planning import plan_schedule
from crm_impl.operations.raci import raci_matrix, role_columns
from crm_impl.operations.schedule import run_monte_carlo
from crm_impl.reports import ReportOptions, build_report
from crm_impl.reports.document import EAST_ASIAN_FONT
from crm_impl.reports.words import word
from tests.conftest import SAMPLES
from tests.crm_impl.reports.conftest import ITERATIONS, LANGS, TODAY, options, reopen
from tests.crm_impl.reports.helpers import (
    captions, every_part, field_codes, finished_document_test, headings, out_of_order, pictures, rows,
    tables_by_caption,
)


test_is_a_finished_document = finished_document_test("plan")

CASES = [(path.stem, lang) for path in SAMPLES for lang in LANGS]


@pytest.mark.parametrize(("sample", "lang"), CASES)
def test_plan_report_holds_the_plan(made, sample_session, sample, lang):
    project = sample_session.projects[sample]
    document = reopen(made("plan", sample, lang))
    w = lambda key, **params: word(key, lang, **params)  # noqa: E731

    titles = [h.split("\u2002", 1)[1] for h in headings(document)]
    for key in ("plan_intro", "objectives", "phases", "team", "raci", "schedule", "milestones", "critical_path",
                "schedule_risk", "risks"):
        assert w(key) in titles, key
    # Every phase has its section, named in the report's language.
    for phase in project.phases:
        name = phase.name_zh if lang != "en" and phase.name_zh else phase.name
        assert f"{phase.key} {name}" in titles

    tables = tables_by_caption(document)
    # Each phase's deliverables (the project's) and its gate's criteria (the methodology's).
    template = get_template(project.template_id)
    for phase in project.phases:
        table = rows(tables[w("phase_deliverables", phase=phase.key)])
        gate = template.phase(phase.key).gate
        expected = [d.key for d in project.deliverables if d.phase_id == phase.id]
        expected += [c.key for c in gate.criteria] if gate else []
        assert [r[0] for r in table] == expected
        if gate:
            assert [r[1] for r in table][-len(gate.criteria):] == [c.label(lang) for c in gate.criteria]
    scheduled = plan_schedule(project)
    milestones = [t for t in scheduled.tasks if t.milestone]
    assert rows(tables[w("milestones_table")]) == [
        [t.id, t.label(lang), format_day(t.finish, lang), format_number(t.total_slack, lang, 0)] for t in milestones]
    slack = {row[0]: row for row in rows(tables[w("critical_table")])}
    assert set(slack) == {t.id for t in scheduled.tasks}
    for task in scheduled.tasks:
        assert slack[task.id][5] == format_number(task.total_slack, lang, 0)
        assert slack[task.id][6] == (w("yes") if task.critical else "")
    matrix, columns = raci_matrix(project), role_columns()
    raci = rows(tables[w("raci_table")])
    assert [r[1:] for r in raci] == [[matrix.get(d.key, {}).get(c, "") for c in columns] for d in project.deliverables]
    run = run_monte_carlo(project, iterations=ITERATIONS, seed=options(lang).seed, target=scheduled.finish, locale=lang)
    percentiles = rows(tables[w("percentiles_table")])
    assert [r[1:] for r in percentiles] == [
        [p.name, format_number(p.days, lang, 1), format_day(p.finish, lang)]
        for p in (*run.pert_percentiles, *run.percentiles)]
    assert format_percentage(run.probability, lang) in "".join(p.text for p in document.paragraphs)
    team = rows(tables[w("team_table")])
    assert [r[0] for r in team] == [m.name for m in project.team]

    # Six charts: Gantt, network, resource load, simulation, criticality, risk heat map — each a
    # picture with its numbered caption below.
    figure_captions = [c for c in captions(document) if c.startswith(w("figure"))]
    assert len(figure_captions) == 6 and pictures(document) >= 6  # the network prints in slices
    assert any(w("gantt_caption") in c for c in figure_captions)
    table_captions = [c for c in captions(document) if c.startswith(w("table"))]
    assert len(table_captions) == len(tables)
    assert 'TOC \\o "1-3" \\h \\z \\u' in field_codes(document.element.body)
    assert [problem for part in every_part(document) for problem in out_of_order(part)] == []
    for style in ("Normal", "Heading 1", "Heading 2", "Caption", "Table Text", "Title"):
        fonts = document.styles[style].element.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == EAST_ASIAN_FONT
    if lang != "en":
        assert w("plan_report") == "项目计划" and document.core_properties.language == "zh-CN"


def test_without_a_browser_the_plan_has_every_chart_as_its_data(sample_session, monkeypatch):
    from crm_impl.reports import build_report
    from crm_impl.reports.render import ChartRenderer

    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    project = sample_session.projects[SAMPLES[0].stem]
    document = reopen(build_report("plan", project, options("en"), ChartRenderer()))
    assert pictures(document) == 0
    notes = [p for p in document.paragraphs if p.style.name == "Note" and "No browser" in p.text]
    figure_captions = [c for c in captions(document) if c.startswith("Figure")]
    assert len(notes) == len(figure_captions) == 6
    tables = tables_by_caption(document)
    scheduled = plan_schedule(project)
    gantt = rows(tables[word("gantt_caption", "en")])
    assert [r[0] for r in gantt] == [t.id for t in scheduled.tasks]
    assert [r[3] for r in gantt] == [format_day(t.finish, "en") for t in scheduled.tasks]
    # The load chart's table says whose load each row is: the role by its name.
    from crm_impl.methodology import roles

    loads = rows(tables[word("load_caption", "en")])
    named = {role.label("en") for role in roles()}
    assert loads and {r[0] for r in loads} <= named and "Enterprise project manager" in {r[0] for r in loads}


def test_a_bare_plan_imported_from_a_schedule_gets_its_plan_report(sample_session, renderer):
    """A plan with tasks and links only (no roles, team, risks or gates: an MS Project file) still
    gets its report: the Gantt in parts, and a sentence where the role load cannot be drawn."""
    from crm_impl.models import User
    from crm_impl.projectfile import import_project, parse
    from crm_impl.projectfile.plan import document_from_plan
    from tests.crm_impl.charts.test_network_geometry import _generated

    owner = sample_session.query(User).first()
    data = document_from_plan(_generated(60), client_company="Bare Co.")
    try:
        project = import_project(sample_session, owner, parse(json.dumps(data).encode()))
        sample_session.flush()
        document = reopen(build_report("plan", project, ReportOptions("zh_Hans", today=TODAY, iterations=200),
                                       renderer))
        text = "\n".join(p.text for p in document.paragraphs)
        assert word("load_none", "zh_Hans") in text and word("risks_none", "zh_Hans") in text
        figure_captions = [c for c in captions(document) if c.startswith(word("figure", "zh_Hans"))]
        assert len(figure_captions) == 4  # Gantt, network, simulation, criticality
        assert pictures(document) >= len(figure_captions) + 1  # the Gantt of 60 tasks in parts
    finally:
        sample_session.rollback()
