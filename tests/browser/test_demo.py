"""A new user's first minutes: the demo server, log in, open each sample project, both languages."""

import re

import pytest

pytestmark = pytest.mark.browser

SAMPLE_TITLES = ("mobile-phone retail chain", "dealer", "pharma")


def _log_in(page, demo_server):
    page.goto(demo_server["url"])
    page.get_by_label("E-mail").fill(demo_server["email"])
    page.get_by_label("Password").fill(demo_server["password"])
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/projects/$"))


def test_demo_login_and_every_sample_project_in_both_languages(page, demo_server, artifacts):
    _log_in(page, demo_server)
    cards = page.locator(".card-title a")
    assert cards.count() == 3
    # Bootstrap is loaded from the app: the navbar is dark, not an unstyled list.
    navbar_bg = page.locator("nav.navbar").evaluate("e => getComputedStyle(e).backgroundColor")
    assert navbar_bg == "rgb(33, 37, 41)"
    page.screenshot(path=artifacts / "projects-en.png", full_page=True)

    hrefs = [cards.nth(i).get_attribute("href") for i in range(3)]
    for number, href in enumerate(hrefs, start=1):
        page.goto(demo_server["url"].rstrip("/") + href)
        assert page.get_by_role("heading", name="Phases").is_visible()
        assert page.locator("table tbody tr").count() == 9  # the nine phases
        page.screenshot(path=artifacts / f"project-{number}-overview-en.png", full_page=True)
        page.get_by_role("link", name="Plan", exact=True).click()
        assert page.get_by_test_id("task-table").locator("tbody tr").count() >= 35
        page.screenshot(path=artifacts / f"project-{number}-plan-en.png")

    page.get_by_role("button", name="简体中文").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    assert page.get_by_role("link", name="计划", exact=True).is_visible()
    page.screenshot(path=artifacts / "project-3-plan-zh.png")
    for number, href in enumerate(hrefs, start=1):
        page.goto(demo_server["url"].rstrip("/") + href)
        assert page.get_by_role("heading", name="阶段").is_visible()
        assert page.get_by_text("项目启动").first.is_visible()  # phase names in Chinese
        page.screenshot(path=artifacts / f"project-{number}-overview-zh.png", full_page=True)
    # The choice is kept on the account.
    page.goto(demo_server["url"] + "projects/")
    assert page.get_by_role("heading", name="项目", exact=True).is_visible()
    page.screenshot(path=artifacts / "projects-zh.png", full_page=True)
    page.get_by_role("button", name="English").click()
