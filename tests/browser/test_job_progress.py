"""A big simulation in Chromium with a job worker: the progress bar, then the result."""


import pytest

from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving, start_worker

pytestmark = pytest.mark.browser


def test_progress_bar_then_the_result_without_touching_the_page(page, queued_app, user, load_sample, artifacts):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    with serving(queued_app) as url:
        log_in(page, url)
        page.goto(f"{url}/projects/{project.id}/schedule/monte-carlo?iterations=50000&seed=9&distribution=pert")
        box = page.get_by_test_id("job")
        assert box.get_attribute("data-job-state") in (None, "queued")
        page.locator('[data-job-state="queued"]').wait_for()  # the script has asked the server
        assert box.get_by_role("progressbar").is_visible()
        page.screenshot(path=artifacts / "montecarlo-job-queued.png", full_page=True)
        worker = start_worker(queued_app)
        try:
            page.get_by_test_id("P80").wait_for(timeout=90_000)  # the page reloaded by itself
        finally:
            errors = worker.communicate(timeout=120)[1]
        assert worker.returncode == 0, errors
        assert "50,000 runs, seed 9" in page.content()
        page.locator(".js-plotly-plot .main-svg").first.wait_for()
        page.screenshot(path=artifacts / "montecarlo-job-done.png", full_page=True)
