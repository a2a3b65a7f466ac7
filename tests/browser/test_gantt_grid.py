"""The Gantt as a planner works in it: a task grid on the bars' rows, folded phases, timescales,
and a picture of the whole chart at a page's width."""

import re
import struct
from datetime import date, timedelta

import pytest

from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving

pytestmark = pytest.mark.browser

# Vertical centres of the grid's id cells and of the task bars, in screen pixels.
_CENTRES = """gd => {
  const centre = e => { const b = e.getBoundingClientRect(); return b.top + b.height / 2; };
  const ids = gd.querySelector('.subplot.x2y .scatterlayer .trace');  // the grid's first column
  return {
    grid: [...ids.querySelectorAll('.textpoint text')].map(t => [t.textContent, centre(t)]),
    bars: [...gd.querySelectorAll('.barlayer .point path')].filter(p => p.getBoundingClientRect().height > 8).map(centre),
  };
}"""


def _week_ticks(language: str) -> list[str]:
    """The week scale's ticks around a status date of Monday 3 March 2025: every Sunday from two
    weeks before to eight after, as each language writes a day."""
    sundays = [date(2025, 2, 23) + timedelta(weeks=n) for n in range(10)]
    if language == "en":
        return [day.strftime("%d %b") for day in sundays]
    return [f"{day.month}月{day.day}日" for day in sundays]


_TICKS = "gd => [...gd.querySelectorAll('.xtick text')].map(t => t.textContent)"


@pytest.mark.parametrize("language, week, task_name, month", [("en", "Week", "Task name", "Apr 2025"),
                                                              ("zh_Hans", "周", "任务名称", "2025年4月")])
def test_grid_rows_line_up_with_the_bars_and_phases_fold(page, app, user, load_sample, db, artifacts, language,
                                                        week, task_name, month):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    project.status_date = project.start_date  # nothing reported yet: the plan, and a week view around its start
    user.locale = language
    db.commit()
    with serving(app) as url:
        log_in(page, url)
        page.goto(f"{url}/projects/{project.id}/schedule/gantt")
        chart = page.locator(".js-plotly-plot").first
        chart.locator(".main-svg").first.wait_for()
        assert chart.get_by_text(task_name, exact=True).count() == 1  # the grid's header
        found = chart.evaluate(_CENTRES)
        ids = dict(found["grid"])
        assert "R01" in ids and "▾ P1" in ids
        # Every bar sits on the row of a grid line (same centre within 2 px).
        assert found["bars"] and all(min(abs(bar - y) for y in ids.values()) < 2 for bar in found["bars"])
        assert month in chart.evaluate(_TICKS)  # the month scale, in the page's language
        page.screenshot(path=artifacts / f"gantt-grid-month-{language}.png", full_page=True)

        chart.locator(".updatemenu-button", has_text=week).click()
        page.wait_for_function("gd => gd.layout.xaxis.dtick === 7 * 86400000", arg=chart.element_handle())
        page.wait_for_timeout(300)
        assert chart.evaluate(_TICKS) == _week_ticks(language)
        page.screenshot(path=artifacts / f"gantt-grid-week-{language}.png", full_page=True)

        page.get_by_test_id("phase-folds").locator("[data-phase=P1]").click()
        page.wait_for_url(re.compile(r"fold=P1"))
        chart = page.locator(".js-plotly-plot").first
        chart.locator(".main-svg").first.wait_for()
        shown = dict(chart.evaluate(_CENTRES)["grid"])
        assert "▸ P1" in shown and "R01" not in shown and "R07" in shown
        page.get_by_test_id("fold-all").click()
        page.locator(".js-plotly-plot .main-svg").first.wait_for()
        shown = dict(page.locator(".js-plotly-plot").first.evaluate(_CENTRES)["grid"])
        assert set(shown) == {f"▸ P{n}" for n in range(1, 10)}
        page.get_by_test_id("unfold-all").click()
        page.locator(".js-plotly-plot .main-svg").first.wait_for()
        assert "R01" in dict(page.locator(".js-plotly-plot").first.evaluate(_CENTRES)["grid"])


def test_the_whole_gantt_saves_as_svg_and_png_at_a_page_width(page, app, user, load_sample, db, artifacts):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    with serving(app) as url:
        log_in(page, url)
        page.goto(f"{url}/projects/{project.id}/schedule/gantt")
        page.locator(".js-plotly-plot .main-svg").first.wait_for()
        height = page.locator(".js-plotly-plot").first.evaluate("gd => gd.layout.height")
        with page.expect_download() as svg_download:
            page.get_by_test_id("save-svg").click()
        svg = svg_download.value.path().read_text()
        assert svg_download.value.suggested_filename.endswith(".svg")
        assert re.search(r'<svg[^>]*width="1123"', svg) and f'height="{height}"' in svg
        # The whole chart, the last phase's tasks too, not only what the screen showed.
        assert ">R01<" in svg and ">R_G7<" in svg
        with page.expect_download() as png_download:
            page.get_by_test_id("save-png").click()
        png = png_download.value.path().read_bytes()
        (artifacts / "gantt-page-width.png").write_bytes(png)
        width, png_height = struct.unpack(">II", png[16:24])
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and (width, png_height) == (2 * 1123, 2 * height)
