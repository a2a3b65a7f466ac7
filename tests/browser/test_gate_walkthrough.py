"""A steering walk through quality gate G1 of a sample project, then the dashboard, RACI grid
and risk heat map, in Chromium."""

import re

import pytest

from tests.browser.test_demo import _log_in

pytestmark = pytest.mark.browser


def test_sign_deliverables_pass_gate_g1_and_review_the_project(page, demo_server, artifacts):
    _log_in(page, demo_server)
    page.get_by_role("link", name=re.compile("mobile-phone retail chain")).click()
    page.get_by_role("link", name="Phases and gates").click()
    page.get_by_role("link", name=re.compile(r"^P1 · ")).click()

    # Refused first: the gate cannot pass while mandatory deliverables are unsigned.
    gate_link = page.get_by_role("link", name="G1").first
    gate_url = gate_link.get_attribute("href")
    page.goto(demo_server["url"].rstrip("/") + gate_url)
    assert page.locator("#unsigned-deliverables li").count() >= 1
    page.get_by_label("Pass", exact=True).check()
    page.get_by_role("button", name="Record decision").click()
    assert page.get_by_text(re.compile("cannot pass while mandatory deliverables are not signed off")).is_visible()

    # Sign every deliverable of P1.
    page.get_by_role("link", name="Sign off deliverables").click()
    while page.get_by_role("button", name="Sign off").count():
        page.get_by_role("button", name="Sign off").first.click()
        page.wait_for_load_state()
    page.screenshot(path=artifacts / "gate-p1-deliverables-signed.png", full_page=True)

    # Verify the criteria, then pass the gate.
    page.goto(demo_server["url"].rstrip("/") + gate_url)
    for box in page.get_by_label("verified").all():
        box.check()
    page.get_by_role("button", name="Save checklist").click()
    assert page.get_by_text("Nothing is open: the gate can pass.").is_visible()
    page.get_by_label("Pass", exact=True).check()
    page.get_by_role("button", name="Record decision").click()
    assert page.get_by_text(re.compile("Decision recorded by")).is_visible()
    page.screenshot(path=artifacts / "gate-g1-passed.png", full_page=True)

    page.get_by_role("link", name="Status", exact=True).click()
    assert page.get_by_test_id("rag").is_visible()
    page.screenshot(path=artifacts / "dashboard.png", full_page=True)

    page.get_by_role("link", name="RACI", exact=True).click()
    assert page.get_by_test_id("raci-grid").is_visible()
    # Columns headed by role names, the code as the hint.
    head = page.get_by_test_id("raci-grid").locator("th[data-role=E_PM]")
    assert head.inner_text() == "Enterprise project manager" and head.get_attribute("title") == "E_PM"
    page.screenshot(path=artifacts / "raci-grid.png", full_page=True)

    page.get_by_role("link", name="Risks", exact=True).click()
    page.locator(".js-plotly-plot .main-svg").first.wait_for()
    page.screenshot(path=artifacts / "risk-heatmap.png", full_page=True)
