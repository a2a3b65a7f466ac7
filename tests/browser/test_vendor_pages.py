"""A vendor selection built in Chromium: vendors with quotations, AHP comparisons from two
stakeholders, two evaluators scoring on their own sheets, scoring closed, then the ranking, the
radar chart and the sensitivity chart in English and Chinese (screenshots in test-artifacts/)."""

import re

import pytest

from crm_impl.models import MemberRole
from crm_impl.operations.members import add_member
from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving

pytestmark = pytest.mark.browser

NODES = ("root", "functions", "technology", "vendor")


def _as(page, url, email):
    # Leave the page first: a response still in flight could set the old session cookie again.
    page.goto("about:blank")
    page.context.clear_cookies()
    log_in(page, url, email)


def _compare(page, url, project_id, stakeholder, value_of):
    for node in NODES:
        page.goto(f"{url}/projects/{project_id}/vendors/ahp?node={node}")
        page.get_by_label("Stakeholder").fill(stakeholder)
        selects = page.get_by_test_id("ahp-form").locator("select")
        for i in range(selects.count()):
            selects.nth(i).select_option(value_of(node, i))
        with page.expect_navigation():  # back to the same address
            page.get_by_role("button", name="Save comparisons").click()
        assert page.get_by_test_id("ahp-result").locator("td").count() > 0


def _score(page, url, project_id, value_of):
    page.goto(f"{url}/projects/{project_id}/vendors/sheet")
    cells = page.get_by_test_id("sheet-form").locator("input[name^='s__']")
    names = cells.evaluate_all("xs => xs.map(x => x.name)")
    for name in names:
        _, vendor, criterion = name.split("__")
        page.locator(f"input[name='{name}']").fill(value_of(vendor, criterion))
    page.locator("input[name='c__cloud__integration']").fill("ERP connector only through a partner")
    # The sheet posts to its own address: wait for the navigation, not for a URL already current.
    with page.expect_navigation():
        page.get_by_role("button", name="Save my sheet").click()
    assert page.locator(".alert-success").count() == 1
    return len(names)


def test_build_a_selection_score_it_and_read_the_results_in_both_languages(page, app, make_user, load_sample, db,
                                                                            artifacts):
    owner = make_user("pm@example.com")
    make_user("ann@example.com", display_name="Ann Lin")
    make_user("bo@example.com", display_name="Bo Wu")
    project = load_sample(owner, next(p for p in SAMPLES if "retail" in p.stem))
    db.delete(project.vendor_selection)
    add_member(db, project, "ann@example.com", MemberRole.CONSULTANT)
    add_member(db, project, "bo@example.com", MemberRole.STEERING)
    db.commit()
    page.on("dialog", lambda dialog: dialog.accept())
    with serving(app) as url:
        base = f"{url}/projects/{project.id}/vendors"
        log_in(page, url)
        page.goto(f"{url}/projects/{project.id}/")
        page.get_by_role("link", name="Vendor selection", exact=True).click()
        page.get_by_role("button", name="Start a vendor selection").click()
        page.wait_for_url(re.compile(r"/vendors/$"))

        page.goto(f"{base}/settings")
        page.get_by_label("Weighting").select_option("ahp")
        page.get_by_role("button", name="Save").click()
        page.wait_for_url(re.compile(r"/vendors/$"))
        for key, name, costs, months in (("cloud", "CloudOne CRM", ("2400000", "1800000", "900000"), "9"),
                                         ("suite", "ErpLink CRM", ("1500000", "1200000", "500000"), "6")):
            page.goto(f"{base}/vendors/new")
            page.get_by_label("Key").fill(key)
            page.get_by_label("Name", exact=True).fill(name)
            page.get_by_label("Licence (one-off)").fill(costs[0])
            page.get_by_label("Implementation (one-off)").fill(costs[1])
            page.get_by_label("Running cost per year").fill(costs[2])
            page.get_by_label("Time to complete the solution (months)").fill(months)
            page.get_by_label("Quotation (file, at most 10 MB)").set_input_files(
                {"name": f"quotation-{key}.txt", "mimeType": "text/plain", "buffer": f"Quotation {name}".encode()})
            page.get_by_role("button", name="Save").click()
            page.wait_for_url(re.compile(r"/vendors/$"))
        assert page.get_by_test_id("vendor-list").locator("tbody tr").count() == 2
        for name, email in (("Ann Lin", "ann@example.com"), ("Bo Wu", "bo@example.com")):
            page.get_by_label("Project member").select_option(label=f"{name} ({email})")
            page.get_by_role("button", name="Add evaluator").click()
            page.wait_for_url(re.compile(r"/vendors/$"))
        assert page.get_by_test_id("evaluators").locator("tbody tr").count() == 2

        # Two stakeholders: the business head favours functions, the IT head technology; the IT
        # head's group comparisons carry one contradiction (a CR above 0.10 and a suggestion).
        _compare(page, url, project.id, "Zhou Wei (business)", lambda node, i: "3" if i % 3 == 0 else "2")
        _compare(page, url, project.id, "Huang Min (IT)",
                 lambda node, i: ("1/7" if (node, i) == ("root", 1) else "1/2" if i % 2 else "3"))
        page.goto(f"{base}/ahp?node=root")
        assert page.get_by_test_id("suggestion").count() >= 1
        page.screenshot(path=artifacts / "vendors-ahp-en.png", full_page=True)

        _as(page, url, "ann@example.com")
        cells = _score(page, url, project.id, lambda v, c: "5" if v == "cloud" and c in ("analytics_ai", "sales_automation")
                       else "3" if v == "cloud" and c in ("integration", "localisation") else "4")
        assert cells == 2 * 20
        _as(page, url, "bo@example.com")
        page.goto(f"{base}/sheets")
        assert "ERP connector only through a partner" not in page.content()  # Ann's sheet stays hers
        _score(page, url, project.id, lambda v, c: "5" if v == "suite" and c in ("integration", "localisation",
                                                                                "service_level") else "3.5")

        _as(page, url, "pm@example.com")
        page.goto(f"{base}/results")
        assert page.get_by_test_id("results-hidden").is_visible()
        page.goto(f"{base}/")
        page.get_by_role("button", name="Close scoring").click()
        page.wait_for_url(re.compile(r"/vendors/$"))
        page.goto(f"{base}/results")
        page.locator(".js-plotly-plot .main-svg").first.wait_for()
        ranking = page.get_by_test_id("ranking").locator("tbody tr")
        assert ranking.count() == 2 and ranking.first.locator("td").first.inner_text() == "1"
        assert page.get_by_test_id("agreement").is_visible()
        assert page.get_by_test_id("sensitivity").locator("tbody tr").count() == 22
        page.screenshot(path=artifacts / "vendors-results-en.png", full_page=True)
        page.get_by_test_id("ranking").screenshot(path=artifacts / "vendors-ranking-en.png")
        page.get_by_test_id("radar").screenshot(path=artifacts / "vendors-radar-en.png")
        page.get_by_test_id("sensitivity-chart").screenshot(path=artifacts / "vendors-sensitivity-en.png")
        assert page.get_by_test_id("radar").get_by_text("Sales management").count() >= 1

        page.get_by_role("button", name="简体中文").click()
        page.wait_for_load_state()
        page.goto(f"{base}/results")
        page.locator(".js-plotly-plot .main-svg").first.wait_for()
        assert page.locator("html").get_attribute("lang") == "zh-Hans"
        assert page.get_by_role("heading", name="排名").is_visible()
        assert page.get_by_test_id("radar").get_by_text("销售管理").count() >= 1
        page.screenshot(path=artifacts / "vendors-results-zh.png", full_page=True)
        page.get_by_test_id("ranking").screenshot(path=artifacts / "vendors-ranking-zh.png")
        page.get_by_test_id("radar").screenshot(path=artifacts / "vendors-radar-zh.png")
        page.get_by_test_id("sensitivity-chart").screenshot(path=artifacts / "vendors-sensitivity-zh.png")
