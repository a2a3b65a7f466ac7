"""The vendor comparison of every sample, in English and Chinese, reopened and compared with the
selection's analysis and the per-vendor business cases; withheld while scoring is open; a plain
statement for a project without a selection."""

from __future__ import annotations

import json

import pytest

from crm_impl.i18n import format_day, format_money, format_number, format_percentage, localized
from crm_impl.operations.finance import vendor_cases
from crm_impl.operations.vendors import (
    analyse_selection, reopen_scoring, selection_weights, sheet_progress, vendor_costs,
)
from crm_impl.reports import ReportOptions, build_report
from crm_impl.reports.vendors import DISAGREEMENT
from crm_impl.reports.words import word
from crm_impl.vendors.ahp import CR_LIMIT, scale_label
from crm_impl.vendors.sensitivity import DEFAULT_RUNS, nearest_flip
from tests.conftest import SAMPLES
from tests.crm_impl.reports.conftest import LANGS, TODAY, reopen
from tests.crm_impl.reports.helpers import (
    captions, every_part, field_codes, finished_document_test, headings, out_of_order, pictures, rows,
    tables_by_caption,
)

test_is_a_finished_document = finished_document_test("vendors")

CASES = [(path.stem, lang) for path in SAMPLES for lang in LANGS]


def _titles(document) -> list[str]:
    return [h.split("\u2002", 1)[1] for h in headings(document)]


def _text(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize(("sample", "lang"), CASES)
def test_vendor_report_holds_the_analysis(made, sample_session, sample, lang):
    project = sample_session.projects[sample]
    selection = project.vendor_selection
    document = reopen(made("vendors", sample, lang))
    w = lambda key, **params: word(key, lang, **params)  # noqa: E731
    share = lambda value, digits=1: format_percentage(value, lang, digits)  # noqa: E731
    number = lambda value, digits=1: format_number(value, lang, digits)  # noqa: E731
    money = lambda value: format_money(value, project.currency, lang, whole=True)  # noqa: E731
    name = lambda record: str(localized(record, "name", lang))  # noqa: E731
    analysis = analyse_selection(selection, lang)
    evaluation = analysis.evaluation
    cases = vendor_cases(sample_session, project, TODAY)
    assert cases, "every sample has a business case"

    titles = _titles(document)
    for key in ("vendor_recommendation", "vendor_process", "vendor_criteria", "vendor_scores", "vendor_ranking",
                "vendor_knockouts", "vendor_sensitivity", "vendor_flips", "vendor_monte_carlo", "vendor_costs"):
        assert w(key) in titles, key
    assert (w("vendor_consistency") in titles) == (selection.weighting == "ahp")
    text = _text(document)
    assert str(localized(selection, "title", lang)) in text  # the title page's subtitle
    tables = tables_by_caption(document)

    # The recommendation: the winner, the margin, the nearest flip, P(first), from the analysis.
    winner = next(v for v in evaluation.vendors if v.rank == 1)
    assert w("vendor_rec_lead", winner=winner.name) in text
    nearest = nearest_flip(analysis.flips)
    assert nearest is not None
    assert number(evaluation.margin, 3) in text and share(nearest.flip_at_weight) in text
    facts = dict(rows(tables[w("vendor_key_figures")]))
    assert facts[w("vendor_fact_winner")] == winner.name
    assert facts[w("vendor_fact_score")] == number(winner.total, 3)
    assert facts[w("vendor_fact_margin")] == number(evaluation.margin, 3)
    assert facts[w("vendor_fact_topsis")] == evaluation.topsis_winner
    assert facts[w("vendor_fact_probability")] == share(analysis.probabilities[winner.name])
    winner_case = next(c for c in cases if c.key == winner.key)
    assert facts[w("vendor_fact_tco")] == money(winner_case.result.tco)
    assert facts[w("vendor_fact_npv")] == money(winner_case.result.npv)
    agreement = (w("vendor_agree", name=winner.name) if evaluation.methods_agree
                 else w("vendor_disagree", first=winner.name, second=evaluation.topsis_winner))
    assert agreement in text

    # The process: quotations, evaluators and their sheets.
    years = selection.horizon_years
    quotes = vendor_costs(project)
    assert [r[1:] for r in rows(tables[w("vendor_quotes_table")])] == [
        [money(c.licence) for c in quotes], [money(c.implementation) for c in quotes],
        [money(c.running_per_year) for c in quotes], [money(c.total(years)) for c in quotes],
        [v.quotation_file_name or "—" for v in selection.vendors]]
    assert [cell.text for cell in tables[w("vendor_quotes_table")].rows[0].cells][1:] == [name(c) for c in quotes]
    progress = sheet_progress(selection)
    assert rows(tables[w("vendor_evaluators_table")]) == [
        [e.name, f"{progress[e.id][0]} / {progress[e.id][1]}", w("yes")] for e in selection.evaluators]

    # The criteria tree: each group's weight, each criterion's weight inside its group and overall.
    expected = []
    for group in selection.groups:
        expected.append([name(group), share(analysis.weights.groups[group.key])])
        expected += [[name(c), share(analysis.weights.local[c.key]), share(analysis.weights.criteria[c.key])]
                     for c in selection.criteria if c.group_key == group.key]
    found = [[r[0], r[4]] if not r[3] else [r[0], r[3], r[4]] for r in rows(tables[w("vendor_criteria_table")])]
    assert found == expected

    if selection.weighting == "ahp":
        consistency = rows(tables[w("vendor_consistency_table")])
        assert [r[2:] for r in consistency] == [
            [number(result.consistency_ratio, 3), w("yes") if result.consistency_ratio <= CR_LIMIT else w("no")]
            for node in analysis.nodes for result in (node.result, *(s.result for s in node.stakeholders))]
        assert w("vendor_cr_hierarchy", cr=number(analysis.consistency_ratio, 3)) in text
        for node in analysis.nodes:
            for stakeholder in node.stakeholders:
                hint = stakeholder.result.suggestion
                if stakeholder.result.consistency_ratio > CR_LIMIT and hint is not None:
                    # The most inconsistent comparison is named with the value that would mend it.
                    assert f"{stakeholder.name}" in text and scale_label(hint.value) in text
                    assert number(hint.suggested_cr, 3) in text

    # Scores with the evaluators' spread, one table per vendor.
    for vendor in evaluation.vendors:
        table = rows(tables[w("vendor_scores_table", vendor=vendor.name)])
        assert len(table) == len(selection.criteria)
        for row, criterion in zip(table, selection.criteria):
            cell = evaluation.consolidated[vendor.key, criterion.key]
            assert row[:3] == [name(criterion), share(analysis.weights.criteria[criterion.key]), number(cell.mean, 2)]
            if cell.figure is None:
                assert row[3:6] == [number(cell.low, 1), number(cell.high, 1), number(cell.std, 2)]
    spread = [1 for key in evaluation.criteria for v in evaluation.vendors
              if evaluation.consolidated[v.key, key].spread >= DISAGREEMENT]
    assert (w("vendor_disagreements_none", points=number(DISAGREEMENT, 0)) in text) == (not spread)

    # Ranking with TOPSIS beside it, and the group subtotals.
    assert rows(tables[w("vendor_ranking_table")]) == [
        [str(v.rank) if v.rank else w("disqualified"), v.name, number(v.total, 3),
         number(v.topsis, 3) if v.topsis is not None else "—", str(v.topsis_rank) if v.topsis_rank else "—"]
        for v in evaluation.ranking]
    subtotals = rows(tables[w("vendor_subtotals_table")])
    assert subtotals[:-1] == [[name(g), share(analysis.weights.groups[g.key]),
                               *(number(v.group_subtotals[g.key], 3) for v in evaluation.ranking)]
                              for g in selection.groups]
    assert subtotals[-1] == [w("vendor_total"), share(1.0), *(number(v.total, 3) for v in evaluation.ranking)]

    # Disqualifications: by which criterion and score.
    out = [v for v in evaluation.ranking if v.disqualified]
    if out:
        reasons = analysis.reasons(lang)
        assert rows(tables[w("vendor_knockouts_table")]) == [
            [v.name, name(next(c for c in selection.criteria if c.key == k.criterion)), number(k.score, 2),
             number(k.threshold, 2), reasons[v.key]] for v in out for k in v.knockouts]
    else:
        assert w("vendor_knockouts_none") in text

    # Sensitivity: the weight that flips the winner, nearest first; Monte Carlo.
    names = {c.key: name(c) for c in selection.criteria}
    flips = sorted(analysis.flips, key=lambda f: (f.change is None, abs(f.change or 0.0)))
    assert rows(tables[w("vendor_flips_table")]) == [
        [names[f.criterion], share(f.weight), share(f.flip_at_weight), ("+" if f.change > 0 else "")
         + number(f.change * 100, 1), f.new_winner] if f.flip_at_weight is not None
        else [names[f.criterion], share(f.weight), w("vendor_no_flip"), "—", "—"] for f in flips]
    assert rows(tables[w("vendor_mc_table")]) == [[n, share(p)] for n, p in analysis.probabilities.items()]
    assert number(DEFAULT_RUNS, 0) in text

    # TCO and ROI per vendor: vendors across, measures down.
    costs = rows(tables[w("vendor_costs_table")])
    by_measure = {r[0]: r[1:] for r in costs}
    assert by_measure[w("col_tco")] == [money(c.result.tco) for c in cases]
    assert by_measure[w("col_tco_pv")] == [money(c.result.tco_pv) for c in cases]
    assert by_measure[w("col_npv")] == [money(c.result.npv) for c in cases]
    assert by_measure[w("col_roi")] == [share(c.result.roi) for c in cases]
    assert by_measure[w("col_payback")] == [number(c.result.payback_years, 2) if c.result.payback_years is not None
                                            else w("vendor_payback_none") for c in cases]
    assert by_measure[w("col_rank")] == [w("disqualified") if c.disqualified else str(c.rank) for c in cases]

    figure_captions = [c for c in captions(document) if c.startswith(w("figure"))]
    # Two radars, the contributions, the sensitivity, P(first) and the vendors' TCO and NPV.
    assert pictures(document) == len(figure_captions) == 6
    for key in ("vendor_area_radar_caption", "vendor_group_radar_caption", "vendor_contributions_caption",
                "vendor_sensitivity_caption", "vendor_mc_caption", "vendor_costs_caption"):
        assert any(c.endswith(w(key)) for c in figure_captions), key
    assert 'TOC \\o "1-3" \\h \\z \\u' in field_codes(document.element.body)
    assert [problem for part in every_part(document) for problem in out_of_order(part)] == []


@pytest.mark.parametrize("lang", LANGS)
def test_results_are_withheld_while_scoring_is_open(sample_session, renderer, lang):
    project = sample_session.projects[SAMPLES[0].stem]
    selection = project.vendor_selection
    reopen_scoring(selection, selection.version)
    sample_session.flush()
    w = lambda key, **params: word(key, lang, **params)  # noqa: E731
    try:
        document = reopen(build_report("vendors", project, ReportOptions(lang, today=TODAY), renderer))
        titles, text = _titles(document), _text(document)
        assert w("vendor_withheld") in text and w("vendor_open") in text
        for key in ("vendor_recommendation", "vendor_process", "vendor_criteria", "vendor_costs"):
            assert w(key) in titles, key
        for key in ("vendor_scores", "vendor_ranking", "vendor_knockouts", "vendor_sensitivity"):
            assert w(key) not in titles, key
        tables = tables_by_caption(document)
        assert w("vendor_key_figures") not in tables and w("vendor_ranking_table") not in tables
        # The weights reveal no sheet: they are shown, the same as the analysis will use.
        weights, _ = selection_weights(selection)
        analysis = analyse_selection(selection, lang)  # what the report will show once scoring closes
        assert w("vendor_cr_hierarchy", cr=format_number(analysis.consistency_ratio, lang, 3)) in text
        criteria = [r for r in rows(tables[w("vendor_criteria_table")]) if r[3]]
        assert [r[4] for r in criteria] == [format_percentage(weights.criteria[c.key], lang, 1)
                                            for c in selection.criteria]
        # Each vendor's TCO is its quotation's, ranks appear once scoring closes.
        costs = {r[0]: r[1:] for r in rows(tables[w("vendor_costs_table")])}
        assert set(costs[w("col_rank")]) == {"—"}
        assert pictures(document) == 1  # the TCO chart alone: no result is drawn
    finally:
        sample_session.rollback()


def _import_without(session, section: str = "vendor_selection", path=SAMPLES[0]):
    from crm_impl.models import User
    from crm_impl.projectfile import import_project, parse

    data = json.loads(path.read_bytes())
    data.pop(section, None)
    owner = session.query(User).first()
    project = import_project(session, owner, parse(json.dumps(data)))
    session.flush()
    return project


@pytest.mark.parametrize("lang", LANGS)
def test_a_project_without_a_selection_gets_a_plain_statement(sample_session, renderer, lang):
    try:
        project = _import_without(sample_session)
        assert project.vendor_selection is None
        document = reopen(build_report("vendors", project, ReportOptions(lang, today=TODAY), renderer))
        assert _titles(document) == [word("vendor_selection", lang)]
        assert word("vendor_none", lang) in _text(document)
        assert tables_by_caption(document) == {} and pictures(document) == 0
    finally:
        sample_session.rollback()


def test_a_selection_that_cannot_be_scored_says_why(sample_session, renderer):
    from crm_impl.operations.vendors import close_scoring, start_selection

    try:
        project = _import_without(sample_session)
        selection = start_selection(sample_session, project, "Empty short list")
        close_scoring(selection, selection.version, "pm@example.com")
        sample_session.flush()
        document = reopen(build_report("vendors", project, ReportOptions("en", today=TODAY), renderer))
        text = _text(document)
        try:
            analyse_selection(selection, "en")
        except Exception as error:  # noqa: BLE001 - the report states the engine's own reason
            assert word("vendor_unscorable", "en", problem=error.localized("en")) in text
        else:
            pytest.fail("a selection without vendors cannot be scored")
        assert word("vendor_vendors_none", "en") in text and word("vendor_evaluators_none", "en") in text
        assert word("vendor_ranking", "en") not in _titles(document)
        # The catalogue's direct weights are shown all the same.
        weights, _ = selection_weights(selection)
        tables = tables_by_caption(document)
        assert rows(tables[word("vendor_criteria_table", "en")])[0][4] == format_percentage(
            weights.groups[selection.groups[0].key], "en", 1)
        assert pictures(document) == 0
    finally:
        sample_session.rollback()


def test_without_a_business_case_the_costs_are_a_sentence(sample_session, renderer):
    try:
        project = _import_without(sample_session, "business_case", SAMPLES[-1])
        assert project.vendor_selection is not None and not vendor_cases(sample_session, project, TODAY)
        document = reopen(build_report("vendors", project, ReportOptions("zh_Hans", today=TODAY), renderer))
        text = _text(document)
        assert word("vendor_costs_none", "zh_Hans") in text and word("vendor_rec_no_case", "zh_Hans") in text
        tables = tables_by_caption(document)
        assert word("vendor_costs_table", "zh_Hans") not in tables
        assert word("vendor_fact_tco", "zh_Hans") not in dict(rows(tables[word("vendor_key_figures", "zh_Hans")]))
        assert pictures(document) == 5  # every chart but the TCO one
    finally:
        sample_session.rollback()


@pytest.mark.parametrize("lang", LANGS)
def test_the_report_says_when_the_results_changed_after_closing(db, user, load_sample, lang):
    from datetime import timedelta

    from crm_impl.models import AuditEvent
    from crm_impl.reports.render import ChartRenderer

    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    options = ReportOptions(lang, today=TODAY)
    text = _text(reopen(build_report("vendors", project, options, ChartRenderer(enabled=False))))
    said = word("vendor_changed_since", lang, count=1, day="", name="").split("1")[0]
    assert said not in text
    group = project.vendor_selection.groups[0]
    group.weight += 0.1
    db.commit()
    for event in db.query(AuditEvent).filter_by(entity="CriteriaGroup").all():  # a day after closing
        event.at = project.vendor_selection.closed_at + timedelta(days=1)
    db.commit()
    text = _text(reopen(build_report("vendors", project, options, ChartRenderer(enabled=False))))
    day = format_day((project.vendor_selection.closed_at + timedelta(days=1)).date(), lang)
    assert word("vendor_changed_since", lang, count=1, day=day, name="—") in text
