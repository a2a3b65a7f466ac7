"""Chart toolbars offer nothing that leaves the machine, and speak the page's language."""

import re

import pytest

from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language, zoom, month", [("en", "Zoom in", "Jul"), ("zh_Hans", "放大", "2025年7月")])
def test_toolbar_buttons_and_axis_dates_in_the_pages_language(page, app, user, load_sample, db, language, zoom,
                                                               month):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    project.status_date = project.start_date
    user.locale = language
    db.commit()
    with serving(app) as url:
        log_in(page, url)
        for view in ("gantt", "network", "monte-carlo"):
            page.goto(f"{url}/projects/{project.id}/schedule/{view}")
            page.locator(".js-plotly-plot .main-svg").first.wait_for()
            page.locator(".js-plotly-plot").first.hover()
            titles = page.locator(".js-plotly-plot").first.locator(".modebar-btn").evaluate_all(
                "buttons => buttons.map(b => b.getAttribute('data-title'))")
            assert titles and not any(re.search(r"cloud|chart studio|share", t or "", re.I) for t in titles), titles
            assert zoom in titles, titles
        page.goto(f"{url}/projects/{project.id}/schedule/gantt")
        page.locator(".js-plotly-plot .xtick").first.wait_for()
        ticks = " ".join(page.locator(".js-plotly-plot .xtick text").evaluate_all("ts => ts.map(t => t.textContent)"))
        assert month in ticks, ticks
