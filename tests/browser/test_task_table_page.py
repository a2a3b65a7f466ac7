"""The task table's round trip as a planner does it in the browser: download, edit, read back."""

import io

import pytest
from openpyxl import load_workbook

from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language, read_it, done", [("en", "Read the table", "1 updated"),
                                                     ("zh_Hans", "读取任务表", "更新 1 个")])
def test_download_the_excel_table_edit_it_and_read_it_back(page, app, user, load_sample, db, artifacts, tmp_path,
                                                           language, read_it, done):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    user.locale = language
    db.commit()
    with serving(app) as url:
        log_in(page, url)
        page.goto(f"{url}/projects/{project.id}/plan/")
        with page.expect_download() as download:
            page.get_by_test_id("table-xlsx").click()
        book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
        sheet = book.active
        header = [c.value for c in sheet[1]]
        sheet.cell(2, header.index("duration") + 1).value = 9
        edited = tmp_path / "任务表.xlsx"
        book.save(edited)

        page.get_by_test_id("table-import").locator("summary").click()
        page.get_by_test_id("table-import").locator("input[type=file]").set_input_files(str(edited))
        page.get_by_role("button", name=read_it).click()
        page.wait_for_load_state()
        assert done in page.locator(".alert-success").inner_text()
        row = page.get_by_test_id("task-table").locator("tr", has_text="R01").first
        assert "9" in row.inner_text()
        page.screenshot(path=artifacts / f"plan-table-read-{language}.png", full_page=False)

        # A wrong table: every problem listed, nothing saved.
        sheet.cell(3, header.index("phase") + 1).value = "P99"
        book.save(edited)
        page.get_by_test_id("table-import").locator("summary").click()
        page.get_by_test_id("table-import").locator("input[type=file]").set_input_files(str(edited))
        page.get_by_role("button", name=read_it).click()
        problems = page.get_by_test_id("table-problems")
        assert ("row 3 · phase" if language == "en" else "第 3 行 · phase") in problems.inner_text()
        page.screenshot(path=artifacts / f"plan-table-refused-{language}.png", full_page=False)
