"""The network diagram in Chromium: the largest sample and a 200-task project, both languages."""


import pytest

from crm_impl.projectfile import import_project
from crm_impl.projectfile.plan import document_from_plan
from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving
from tests.crm_impl.charts.test_network_geometry import _generated

pytestmark = pytest.mark.browser


def test_network_diagrams_fit_their_card_and_read(page, app, user, load_sample, db, artifacts):
    largest = max(SAMPLES, key=lambda path: path.stat().st_size)
    sample = load_sample(user, largest)
    big = import_project(db, user, document_from_plan(_generated(200), client_company="Generated"))
    db.commit()
    with serving(app) as url:
        log_in(page, url)
        for project, name in ((sample, "sample"), (big, "200-tasks")):
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
                page.screenshot(path=artifacts / f"network-{name}-{language}.png", full_page=True)
                if language == "zh_Hans":
                    page.get_by_role("button", name="English").click()
                    page.wait_for_load_state()
