"""The schedule views of a sample project in Chromium: Gantt, network, Monte Carlo."""

import re

import pytest

from tests.browser.test_demo import _log_in

pytestmark = pytest.mark.browser


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
    page.screenshot(path=artifacts / "schedule-montecarlo.png", full_page=True)

    page.get_by_role("link", name="Baselines and earned value").click()
    assert page.get_by_test_id("earned-value").is_visible()
    assert page.get_by_test_id("variance").locator("tbody tr").count() >= 35
    page.screenshot(path=artifacts / "schedule-baselines.png", full_page=True)
