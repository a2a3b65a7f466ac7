"""A rollout in the middle of its plan, in Chromium: the dashboard at the status date, the Gantt
with the status line and the forecast over the baseline, the portfolio."""

import re
from datetime import date

import pytest

from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving
from crm_impl.operations.plan import progress_as_planned

pytestmark = pytest.mark.browser

STATUS_DATE = date(2025, 7, 15)


def test_mid_rollout_dashboard_gantt_and_portfolio(page, app, user, load_sample, db, artifacts):
    retail = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    progress_as_planned(retail, date(2025, 6, 16))  # a month behind by the status date
    retail.status_date = STATUS_DATE
    others = [load_sample(user, path) for path in SAMPLES if "retail" not in path.stem]
    progress_as_planned(others[0], date(2025, 7, 15))
    others[0].status_date = STATUS_DATE
    db.commit()
    with serving(app) as url:
        log_in(page, url)

        page.goto(f"{url}/projects/{retail.id}/status/")
        assert page.get_by_test_id("status-date").inner_text() == "Jul 15, 2025"
        schedule = page.locator('tr[data-area="schedule"]')
        assert schedule.locator("[data-rag]").get_attribute("data-rag") in ("amber", "red")
        assert page.get_by_test_id("forecast-finish").inner_text() != page.get_by_test_id("target-finish").inner_text()
        page.screenshot(path=artifacts / "status-date-dashboard.png", full_page=True)

        page.goto(f"{url}/projects/{retail.id}/schedule/gantt")
        page.locator(".js-plotly-plot .main-svg").first.wait_for()
        assert page.locator(".js-plotly-plot").get_by_text("Status date").count() == 1
        assert page.locator(".js-plotly-plot").get_by_text("Baseline").count() >= 1  # the legend
        page.screenshot(path=artifacts / "status-date-gantt.png", full_page=True)
        page.locator(".updatemenu-button", has_text="Week").click()  # the week timescale
        page.wait_for_timeout(300)
        ticks = page.locator(".js-plotly-plot .xtick text").evaluate_all("ts => ts.map(t => t.textContent)")
        assert len(ticks) >= 8 and all(re.fullmatch(r"\d\d \w{3}", t) for t in ticks), ticks
        page.screenshot(path=artifacts / "status-date-gantt-week.png", full_page=True)

        page.get_by_test_id("my-work").wait_for()
        page.goto(f"{url}/projects/portfolio?sort=slip")
        rows = page.locator("tr[data-project]")
        assert rows.count() == 3
        assert rows.first.get_attribute("data-project") in {str(p.id) for p in [retail, *others]}
        page.screenshot(path=artifacts / "status-date-portfolio.png", full_page=True)
