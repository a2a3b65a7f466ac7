"""The network diagram in Chromium: the largest sample and a 200-task project, both languages."""


import pytest

from crm_impl.projectfile import import_project
from crm_impl.projectfile.plan import document_from_plan
from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving
from tests.crm_impl.charts.test_network_geometry import _generated

pytestmark = pytest.mark.browser

# Each task's text (plotly's text points) against the rectangle it sits in (the box shapes, not the
# phase bands behind them): how far any text sticks out of its box, in px, and how many boxes.
_TEXT_IN_BOXES = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const names = plot.layout.shapes.map(s => s.name);
  const rects = [...plot.querySelectorAll('.shapelayer path[data-index]')]
    .map(path => ({name: names[+path.dataset.index], box: path.getBoundingClientRect()}))
    .filter(r => !r.name.startsWith('phase:'));
  const texts = [...plot.querySelectorAll('.scatterlayer .trace')]
    .filter(t => t.querySelector('.textpoint text tspan.line'))
    .flatMap(t => [...t.querySelectorAll('.textpoint')]).filter(p => p.textContent.includes('ES'));
  let worst = 0, unplaced = 0;
  for (const point of texts) {
    const t = point.getBoundingClientRect();
    const cx = (t.left + t.right) / 2, cy = (t.top + t.bottom) / 2;
    const home = rects.find(r => r.box.left <= cx && cx <= r.box.right && r.box.top <= cy && cy <= r.box.bottom);
    if (!home) { unplaced += 1; continue; }
    const b = home.box;
    worst = Math.max(worst, b.left - t.left, t.right - b.right, b.top - t.top, t.bottom - b.bottom);
  }
  return {texts: texts.length, boxes: rects.length, worst, unplaced,
          box: rects.length ? [rects[0].box.width, rects[0].box.height] : null};
}"""


def test_network_diagrams_fit_their_card_and_read(page, app, user, load_sample, db, artifacts):
    largest = max(SAMPLES, key=lambda path: path.stat().st_size)
    sample = load_sample(user, largest)
    big = import_project(db, user, document_from_plan(_generated(200), client_company="Generated"))
    db.commit()
    with serving(app) as url:
        log_in(page, url)
        for project, name, tasks in ((sample, "sample", len(sample.tasks)), (big, "200-tasks", 200)):
            for language in ("en", "zh_Hans"):
                page.goto(f"{url}/projects/{project.id}/schedule/network")
                if language == "zh_Hans":
                    page.get_by_role("button", name="简体中文").click()
                    page.wait_for_load_state()
                plot = page.locator(".js-plotly-plot").first
                plot.locator(".main-svg").first.wait_for()
                card = page.get_by_test_id("chart").bounding_box()
                assert plot.bounding_box()["width"] <= card["width"] + 1  # no sideways scrolling
                assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
                # Every box's text inside its box (1 px for the outline), in both languages.
                fit = page.evaluate(_TEXT_IN_BOXES)
                assert fit["boxes"] == tasks and fit["texts"] == tasks, fit
                assert fit["unplaced"] == 0 and fit["worst"] <= 1, (name, language, fit)
                # Each phase named on its band, in the page's language.
                bands = page.evaluate("() => [...document.querySelectorAll('.js-plotly-plot .annotation-text')]"
                                      ".map(a => a.textContent)")
                assert any(text.startswith("P1 ") for text in bands), bands
                if name == "sample":
                    chinese = any(any("\u4e00" <= c <= "\u9fff" for c in text) for text in bands)
                    assert chinese is (language == "zh_Hans"), bands
                page.screenshot(path=artifacts / f"network-{name}-{language}.png", full_page=True)
                if language == "zh_Hans":
                    page.get_by_role("button", name="English").click()
                    page.wait_for_load_state()
