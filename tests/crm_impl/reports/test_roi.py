"""The ROI/TCO business case of every sample, in English and Chinese, reopened and compared with
the business-case page's figures (:func:`~crm_impl.operations.finance.finance_report`)."""

from __future__ import annotations

import pytest

from crm_impl.i18n import format_money, format_number, format_percentage
from crm_impl.operations.finance import finance_report
from crm_impl.reports import ReportOptions, build_report
from crm_impl.reports.base import Formatter
from crm_impl.reports.roi import YEARS_PER_TABLE, irr_text, years_text
from crm_impl.reports.words import word
from tests.conftest import SAMPLES
from tests.crm_impl.reports.conftest import LANGS, TODAY, reopen
from tests.crm_impl.reports.helpers import captions, finished_document_test, headings, rows, tables_by_caption

test_is_a_finished_document = finished_document_test("roi")

CASES = [(path.stem, lang) for path in SAMPLES for lang in LANGS]


@pytest.mark.parametrize(("sample", "lang"), CASES)
def test_business_case_holds_the_pages_figures(made, sample_session, sample, lang):
    project = sample_session.projects[sample]
    document = reopen(made("roi", sample, lang))
    report = finance_report(sample_session, project, TODAY)
    r, sim = report.result, report.simulation
    w = lambda key, **params: word(key, lang, **params)  # noqa: E731
    money = lambda value: format_money(value, project.currency, lang, whole=True)  # noqa: E731
    f = Formatter(lang, project.currency)

    titles = [h.split("\u2002", 1)[1] for h in headings(document)]
    for key in ("summary", "roi_assumptions", "roi_lines", "roi_results", "roi_risk", "roi_monte_carlo",
                "roi_tornado", "roi_go_live"):
        assert w(key) in titles, key
    tables = tables_by_caption(document)

    key_figures = dict(rows(tables[w("roi_key_figures_table")]))
    assert key_figures[w("roi_tco")] == money(r.tco)
    assert key_figures[w("roi_tco_pv")] == money(r.tco_pv)
    assert key_figures[w("roi_benefits")] == money(r.benefits)
    assert key_figures[w("roi_npv")] == money(r.npv)
    assert key_figures[w("roi_irr")] == irr_text(f, r)
    assert key_figures[w("roi_roi_methodology")] == format_number(r.roi_methodology, lang, 3)
    assert key_figures[w("roi_roi_net")] == format_number(r.roi, lang, 3)
    assert key_figures[w("roi_payback")] == years_text(f, r.payback_years)
    assert key_figures[w("roi_discounted_payback")] == years_text(f, r.discounted_payback_years)
    assert key_figures[w("roi_cost_of_delay")] == money(report.cost_of_delay)
    assert key_figures[w("roi_p_positive")] == format_percentage(sim.probability_positive, lang)

    # The yearly cash flows, risk-adjusted and at the forecast go-live, as on the page.
    cash = rows(tables[w("roi_cash_flow_table", currency=project.currency)])
    assert cash == [[str(y.year), format_number(y.costs, lang, 0), format_number(y.benefits, lang, 0),
                     format_number(y.net, lang, 0), format_number(y.cumulative, lang, 0),
                     format_number(y.discount_factor, lang, 4), format_number(y.present_value, lang, 0),
                     format_number(y.cumulative_pv, lang, 0)] for y in r.years]

    # Every line in every year (before the risk adjustment), with the totals.
    values = report.case.values()
    horizon = report.case.horizon
    listed = []
    for first in range(0, horizon + 1, YEARS_PER_TABLE):
        last = min(first + YEARS_PER_TABLE, horizon + 1) - 1
        table = rows(tables[w("roi_per_year_table", currency=project.currency, first=first, last=last)])
        listed += [row[0] for row in table if row[0]]
        totals = [row for row in table if not row[0]]
        costs = [i for i, line in enumerate(report.case.lines) if line.kind == "cost"]
        assert totals[0][2:] == [format_number(sum(values[i][y] for i in costs), lang, 0)
                                 for y in range(first, last + 1)]
    assert listed[:len(report.case.lines)] == [line.id for line in report.case.lines if line.kind == "cost"] + [
        line.id for line in report.case.lines if line.kind == "benefit"]

    scenarios = rows(tables[w("roi_scenarios_table")])
    assert [row[1] for row in scenarios] == [money(s.npv) for s in report.scenarios]
    assert [row[0] for row in scenarios] == [w("roi_conservative"), w("roi_expected"), w("roi_optimistic")]
    mc = rows(tables[w("roi_mc_table")])
    assert mc[0][1:] == [money(sim.npv_spread.p10), money(sim.npv_spread.p50), money(sim.npv_spread.p90)]

    text = "\n".join(p.text for p in document.paragraphs)
    assert r.convention.message().render(lang) in text  # the NPV convention, reconciled to a spreadsheet
    assert w("roi_delay_text", cost=money(report.cost_of_delay)) in text
    if report.go_live.task:
        go_live = rows(tables[w("roi_go_live_table")])
        assert go_live[0][1:] == [money(report.planned.npv), money(r.npv)]

    figures = [c for c in captions(document) if c.startswith(w("figure"))]
    assert len(figures) == 4  # costs, cash flow, NPV distribution, tornado
    assert any(w("roi_cashflow_caption") in c for c in figures)


def test_a_project_without_a_case_gets_a_report_that_says_so(sample_session, renderer):
    from crm_impl.operations.finance import case_rows

    project = sample_session.projects[SAMPLES[0].stem]
    sample_session.delete(case_rows(sample_session, project).case)
    sample_session.flush()
    try:
        document = reopen(build_report("roi", project, ReportOptions("zh_Hans", today=TODAY), renderer))
        assert word("roi_no_case", "zh_Hans") in "\n".join(p.text for p in document.paragraphs)
    finally:
        sample_session.rollback()


def test_a_fragile_positive_npv_is_not_called_a_yes(made, sample_session):
    """The retail case: positive NPV as estimated, positive in fewer than half of the simulated runs."""
    sample = next(path.stem for path in SAMPLES if "retail" in path.stem)
    report = finance_report(sample_session, sample_session.projects[sample], TODAY)
    assert report.result.npv > 0 and report.simulation.probability_positive < 0.5
    text = "\n".join(p.text for p in reopen(made("roi", sample, "en")).paragraphs)
    assert "positive in only" in text and "The investment pays" not in text
    automotive = "\n".join(p.text for p in reopen(made("roi", SAMPLES[0].stem, "en")).paragraphs)
    assert "The investment pays" in automotive
