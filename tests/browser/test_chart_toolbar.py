"""Chart toolbars offer nothing that leaves the machine, and speak the page's language."""

import pytest

from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving

pytestmark = pytest.mark.browser

#: Every chart's toolbar, button by button (plotly's data-attr and data-val): save a PNG, box zoom,
#: pan, zoom in and out, autoscale, reset.  No cloud, Chart Studio or "Share chart" button, no
#: lasso or box select, no plotly logo.
BUTTONS = [(None, None), ("dragmode", "zoom"), ("dragmode", "pan"), ("zoom", "in"), ("zoom", "out"),
           ("zoom", "auto"), ("zoom", "reset")]
TITLES = {
    "en": ["Download plot as a PNG", "Zoom", "Pan", "Zoom in", "Zoom out", "Autoscale", "Reset axes"],
    "zh_Hans": ["下载图表为PNG格式", "缩放", "平移", "放大", "缩小", "自动缩放", "重置轴"],
}
#: The schedule pages and how many charts each shows.
PAGES = {"gantt": 1, "network": 1, "monte-carlo": 2, "resources": 1}


@pytest.mark.parametrize("language, month", [("en", "Jul 2025"), ("zh_Hans", "2025年7月")])
def test_toolbar_buttons_and_axis_dates_in_the_pages_language(page, app, user, load_sample, db, language, month):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    project.status_date = project.start_date
    user.locale = language
    db.commit()
    with serving(app) as url:
        log_in(page, url)
        for view, count in PAGES.items():
            page.goto(f"{url}/projects/{project.id}/schedule/{view}")
            page.locator(".js-plotly-plot .main-svg").first.wait_for()
            charts = page.locator(".js-plotly-plot")
            assert charts.count() == count, view
            for n in range(count):
                charts.nth(n).hover()
                buttons = charts.nth(n).locator(".modebar-btn").evaluate_all(
                    "bs => bs.map(b => [b.getAttribute('data-attr'), b.getAttribute('data-val'),"
                    " b.getAttribute('data-title')])")
                assert [(attr, val) for attr, val, _ in buttons] == BUTTONS, (view, n, buttons)
                assert [title for *_, title in buttons] == TITLES[language], (view, n, buttons)
                assert charts.nth(n).locator(".modebar-btn--logo, a[href*=plotly]").count() == 0
        page.goto(f"{url}/projects/{project.id}/schedule/gantt")
        page.locator(".js-plotly-plot .xtick").first.wait_for()
        ticks = page.locator(".js-plotly-plot .xtick text").evaluate_all("ts => ts.map(t => t.textContent)")
        assert month in ticks, ticks
