"""The business case in Chromium: edit a cost line, see NPV and the charts change; the page in
English and Chinese."""

import re

import pytest

from crm_impl.operations.finance import case_rows
from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving

pytestmark = pytest.mark.browser

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


def _chart(page, test_id: str) -> list:
    """The y values of every trace of a chart, as plotly.js holds them in the page."""
    return page.locator(f'[data-testid="{test_id}"] .js-plotly-plot').evaluate(
        "plot => plot.data.map(trace => Array.from(trace.y || []))")


def _amount(text: str) -> float:
    return float(text.replace(",", ""))


def test_edit_a_cost_line_and_see_npv_and_charts_change(page, app, user, load_sample, db, artifacts):
    retail = load_sample(user, RETAIL)
    retail.status_date = retail.start_date  # the forecast go-live is the planned one
    db.commit()
    line_id = next(line.id for line in case_rows(db, retail).lines if line.key == "C_LIC")
    with serving(app) as url:
        log_in(page, url)
        page.goto(f"{url}/projects/{retail.id}/finance/")
        page.locator('[data-testid="chart-cashflow"] .js-plotly-plot .main-svg').first.wait_for()
        assert page.get_by_test_id("npv").inner_text() == "1,150,156"
        assert page.get_by_test_id("roi-methodology").inner_text() == "1.314"
        assert "=NPV(8%, year 1 … year 3) + year 0 = 1,150,156" in page.get_by_test_id("npv-convention").inner_text()
        cash_before = _chart(page, "chart-cashflow")
        costs_before = _chart(page, "chart-costs")
        assert cash_before[0] == [-4350000, 902000, 2469000, 3210000]
        page.screenshot(path=artifacts / "finance-en.png", full_page=True)

        page.locator('tr[data-line="C_LIC"] a', has_text="Edit").click()
        page.wait_for_url(re.compile(rf"/finance/lines/{line_id}/edit$"))
        page.locator("#amounts").fill("1,350,000 0 0 0")
        page.get_by_role("button", name="Save").click()
        page.wait_for_url(re.compile(r"/finance/$"))
        page.locator('[data-testid="chart-cashflow"] .js-plotly-plot .main-svg').first.wait_for()

        assert _amount(page.get_by_test_id("npv").inner_text()) == pytest.approx(1_150_156 - 300_000, abs=1)
        assert page.get_by_test_id("tco").inner_text() == "7,410,000"
        cash_after = _chart(page, "chart-cashflow")
        assert cash_after[0][0] == -4650000 and cash_after[0][1:] == cash_before[0][1:]
        assert cash_after[1] != cash_before[1]                    # the cumulative line moved
        assert _chart(page, "chart-costs") != costs_before           # the licence bar grew
        payback = page.locator('[data-testid="chart-cashflow"] .js-plotly-plot').evaluate(
            "plot => plot.data[3].x[0]")
        assert payback == pytest.approx(2 + 1_279_000 / 3_210_000)

        # a bad amount is refused on the form, in place
        page.locator('tr[data-line="C_LIC"] a', has_text="Edit").click()
        page.locator("#amounts").fill("1,350,000 much 0 0")
        page.get_by_role("button", name="Save").click()
        assert "must be a number, got 'much'" in page.locator(".invalid-feedback").first.inner_text()

        page.goto(f"{url}/projects/{retail.id}/finance/")
        page.locator("form[action^='/language/zh_Hans'] button").click()
        page.wait_for_load_state()
        page.goto(f"{url}/projects/{retail.id}/finance/")
        page.locator('[data-testid="chart-cashflow"] .js-plotly-plot .main-svg').first.wait_for()
        assert "业务论证" in page.content() and "净现值" in page.content()
        assert "第1年" in page.get_by_test_id("npv-convention").inner_text()
        page.screenshot(path=artifacts / "finance-zh.png", full_page=True)
