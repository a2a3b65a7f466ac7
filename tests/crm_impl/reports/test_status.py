"""The steering committee's status pack of every sample, in English and Chinese, reopened and
compared with the dashboard and the steering operations."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crm_impl.i18n import format_day, format_money, format_number, format_percentage
from crm_impl.operations.baselines import project_earned_value, steering_baseline
from crm_impl.operations.status import project_dashboard
from crm_impl.operations.steering import next_period_work, phase_progress
from crm_impl.reports.gantt import gantt_parts
from crm_impl.reports.status import PERIOD_DAYS
from crm_impl.reports.words import word
from crm_impl.tracking.rag import rag_label
from tests.conftest import SAMPLES
from tests.crm_impl.reports.conftest import LANGS, TODAY, reopen
from tests.crm_impl.reports.helpers import (
    captions, every_part, field_codes, finished_document_test, headings, out_of_order, pictures, rows,
    tables_by_caption,
)


test_is_a_finished_document = finished_document_test("status")

CASES = [(path.stem, lang) for path in SAMPLES for lang in LANGS]


@pytest.mark.parametrize(("sample", "lang"), CASES)
def test_status_pack_holds_the_dashboard(made, sample_session, sample, lang):
    project = sample_session.projects[sample]
    document = reopen(made("status", sample, lang))
    w = lambda key, **params: word(key, lang, **params)  # noqa: E731
    dashboard = project_dashboard(project, TODAY, lang)

    titles = [h.split("\u2002", 1)[1] for h in headings(document)]
    for key in ("summary", "rag", "progress", "milestones", "schedule_risk", "earned_value", "risks", "changes",
                "decisions", "kpis", "next_period"):
        assert w(key) in titles, key
    text = "\n".join(p.text for p in document.paragraphs)
    assert w("status_subtitle", day=format_day(dashboard.status_date, lang)) in text  # on the title page
    assert format_day(dashboard.status_date, lang) in text and format_day(dashboard.forecast_finish, lang) in text

    tables = tables_by_caption(document)
    rag = rows(tables[w("rag_table")])
    assert rag[:-1] == [[a.label, rag_label(a.rag, lang), a.value_text or "—", a.threshold_text]
                        for a in dashboard.status.areas]
    assert rag[-1][:2] == [w("overall"), rag_label(dashboard.status.overall, lang)]
    # Progress per phase against the steering baseline: the operation's numbers.
    progress = phase_progress(project, steering_baseline(project), dashboard.status_date)
    assert rows(tables[w("progress_table")]) == [
        [p.phase.key, p.phase.name_zh if lang != "en" and p.phase.name_zh else p.phase.name,
         format_percentage(p.planned, lang, 0), format_percentage(p.actual, lang, 0),
         format_percentage(p.variance, lang, 0)] for p in progress]
    value = project_earned_value(project, steering_baseline(project), dashboard.status_date)
    ev = dict((r[0], r[1]) for r in rows(tables[w("ev_table")]))
    assert ev[w("ev_bac")] == format_money(value.bac, project.currency, lang)
    assert ev[w("ev_cpi")] == format_number(value.cpi, lang, 2)
    assert ev[w("ev_eac")] == format_money(value.eac, project.currency, lang)
    kpis = rows(tables[w("kpis_table")])
    assert [r[0] for r in kpis] == [row.name for row in dashboard.kpis]
    horizon = dashboard.status_date + timedelta(days=PERIOD_DAYS)
    work = next_period_work(dashboard.forecast, dashboard.status_date, horizon)
    if work:
        caption = w("next_table", start=format_day(dashboard.status_date, lang), finish=format_day(horizon, lang))
        assert [r[0] for r in rows(tables[caption])] == [t.id for t in work]
    risk_caption = w("risks_trend_table", day=format_day(dashboard.status_date - timedelta(days=PERIOD_DAYS), lang))
    assert len(rows(tables[risk_caption])) == min(10, sum(r.status.value in ("open", "mitigating", "occurred")
                                                            for r in project.risks))

    figure_captions = [c for c in captions(document) if c.startswith(w("figure"))]
    # Three charts; the forecast Gantt of a long plan prints in parts (tests/crm_impl/reports/test_gantt.py).
    assert len(figure_captions) == 3
    assert pictures(document) == 2 + max(1, len(gantt_parts(project, lang, today=dashboard.status_date,
                                                            baseline=steering_baseline(project))))
    assert 'TOC \\o "1-3" \\h \\z \\u' in field_codes(document.element.body)
    assert [problem for part in every_part(document) for problem in out_of_order(part)] == []


def test_status_pack_lists_change_requests_and_decisions(sample_session, renderer):
    from crm_impl.operations.changes import ChangeDraft, submit_change
    from crm_impl.reports import ReportOptions, build_report

    project = sample_session.projects[SAMPLES[0].stem]
    change = submit_change(sample_session, project, ChangeDraft(title="Dealer portal 经销商门户", requester="Li"))
    sample_session.flush()
    try:
        document = reopen(build_report("status", project, ReportOptions("zh_Hans", today=TODAY, iterations=200),
                                       renderer))
        tables = tables_by_caption(document)
        changes = rows(tables[word("changes_table", "zh_Hans")])
        assert changes[0][:3] == [str(change.number), "Dealer portal 经销商门户", "Li"]
        decisions = rows(tables[word("decisions_table", "zh_Hans")])
        assert any(f"变更请求 {change.number}" in row[1] for row in decisions)
    finally:
        sample_session.rollback()
