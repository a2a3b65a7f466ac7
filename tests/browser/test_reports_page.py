"""The Reports page in Chromium: every report listed with what it holds; pick Chinese, download the
status pack as .docx, reopen it; then the vendor comparison in English."""

import io

import docx
import pytest

from crm_impl.reports import REPORTS
from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving

pytestmark = pytest.mark.browser


def test_a_chinese_report_downloads_from_the_reports_tab(page, app, user, load_sample, artifacts):
    project = load_sample(user, next(p for p in SAMPLES if "pharma" in p.stem))
    with serving(app) as url:
        log_in(page, url)
        page.goto(f"{url}/projects/{project.id}/")
        page.get_by_role("link", name="Reports").click()
        listed = page.get_by_test_id("reports").locator("tbody tr")
        assert listed.evaluate_all("rows => rows.map(r => r.dataset.report)") == list(REPORTS)
        for index in range(listed.count()):  # each with the line that says what it holds
            assert len(listed.nth(index).locator(".text-secondary").first.inner_text()) > 60
        row = page.locator('tr[data-report="status"]')
        row.locator('select[name="lang"]').select_option("zh_Hans")
        page.screenshot(path=artifacts / "reports-page.png", full_page=True)
        with page.expect_download(timeout=120_000) as download:
            row.get_by_role("button", name="Download").click()
        file = download.value
        assert file.suggested_filename.startswith("指导委员会状态报告 - ") and file.suggested_filename.endswith(".docx")
        with open(file.path(), "rb") as stream:
            document = docx.Document(io.BytesIO(stream.read()))
        assert document.core_properties.language == "zh-CN"
        assert any(p.style.name == "Heading 1" and "摘要" in p.text for p in document.paragraphs)

        row = page.locator('tr[data-report="vendors"]')
        row.locator('select[name="lang"]').select_option("en")
        with page.expect_download(timeout=120_000) as download:
            row.get_by_role("button", name="Download").click()
        assert download.value.suggested_filename.startswith("Vendor comparison - ")
        with open(download.value.path(), "rb") as stream:
            document = docx.Document(io.BytesIO(stream.read()))
        assert any(p.style.name == "Heading 1" and "Recommendation" in p.text for p in document.paragraphs)
