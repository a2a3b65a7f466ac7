"""The schedule views of a sample project in Chromium: Gantt, network, Monte Carlo."""

import re

import pytest

from tests.browser.test_demo import _log_in

pytestmark = pytest.mark.browser

# Screen boxes of the histogram's line labels, the top of its plot area and the legend's foot.
_LABEL_BOXES = """gd => {
  const box = e => e.getBoundingClientRect();
  return {
    labels: [...gd.querySelectorAll('.annotation')].filter(a => /^P\\d|Target|目标/.test(a.textContent))
      .map(a => ({top: box(a).top, bottom: box(a).bottom, text: a.textContent})),
    plot_top: box(gd.querySelector('.nsewdrag')).top,
    legend_bottom: box(gd.querySelector('.legend')).bottom,
  };
}"""


def test_gantt_network_and_monte_carlo_show_the_critical_path_and_gates(page, demo_server, artifacts):
    _log_in(page, demo_server)
    page.locator(".card-title a").first.click()
    page.get_by_role("link", name="Schedule", exact=True).click()
    page.wait_for_url(re.compile(r"/schedule/gantt$"))
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
    # Gate milestones are labelled on the chart, critical bars are drawn in the critical colour.
    assert page.locator(".js-plotly-plot").get_by_text(re.compile(r"G\d")).count() >= 1
    page.screenshot(path=artifacts / "schedule-gantt.png", full_page=True)

    page.get_by_role("link", name="Network diagram").click()
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
    assert page.locator(".js-plotly-plot").get_by_text(re.compile("ES")).count() >= 1
    page.screenshot(path=artifacts / "schedule-network.png", full_page=True)

    page.get_by_role("link", name="Monte Carlo").click()
    page.get_by_label("Go-live target date").fill("2025-12-15")
    page.get_by_role("button", name="Simulate").click()
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
    assert re.match(r"\d+%", page.get_by_test_id("probability").inner_text())
    # The P50/P80/P90 and target labels, drawn, sit between the legend and the plot area: clear
    # of the bars and the S-curve, and of each other.
    drawn = page.get_by_test_id("chart").locator(".js-plotly-plot").evaluate(_LABEL_BOXES)
    assert len(drawn["labels"]) == 4, drawn
    assert all(label["bottom"] <= drawn["plot_top"] + 1 and label["top"] >= drawn["legend_bottom"] - 1
               for label in drawn["labels"]), drawn
    rows = sorted(drawn["labels"], key=lambda label: label["top"])
    assert all(upper["bottom"] <= lower["top"] + 1 for upper, lower in zip(rows, rows[1:])), drawn
    page.screenshot(path=artifacts / "schedule-montecarlo.png", full_page=True)

    page.get_by_role("link", name="Baselines and earned value").click()
    assert page.get_by_test_id("earned-value").is_visible()
    assert page.get_by_test_id("variance").locator("tbody tr").count() >= 35
    page.screenshot(path=artifacts / "schedule-baselines.png", full_page=True)
