"""The process modeler in a real browser, offline and within the Content-Security-Policy: draw a
task into a lane on a flow (bpmn-js connects it), save, edit a task's time in the table and see the
metrics move, copy the map to its to-be version, change it, and screenshot the coloured diff."""

import re

import pytest

from crm_impl.models import ProcessMapRecord
from crm_impl.operations.processes import stored_map
from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving

pytestmark = pytest.mark.browser

WORDS = {
    "en": {"add": "Add map", "save": "Save diagram", "attributes": "Save attributes", "copy": "Copy to a to-be map",
           "saved": "saved", "added": "added", "changed": "changed"},
    "zh_Hans": {"add": "添加流程图", "save": "保存流程图", "attributes": "保存属性", "copy": "复制为目标流程图",
                "saved": "已保存", "added": "新增", "changed": "修改"},
}


def _metric(page, name: str) -> str:
    return page.locator(f'[data-testid=metrics] tr[data-metric="{name}"] [data-value]').inner_text()


def _ready(page) -> None:
    page.wait_for_selector('[data-testid=modeler][data-state="ready"]', timeout=20_000)


@pytest.mark.parametrize("language", ["en", "zh_Hans"])
def test_draw_save_edit_copy_and_see_the_diff(page, app, user, load_sample, db, artifacts, language):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    user.locale = language
    db.commit()
    words = WORDS[language]
    requests: list[str] = []
    with serving(app) as url:
        page.on("request", lambda r: requests.append(r.url))
        log_in(page, url)
        page.goto(f"{url}/projects/{project.id}/processes/")
        page.locator("#key").fill("drawn")
        page.get_by_role("button", name=words["add"]).click()
        page.wait_for_url(re.compile(r"/processes/\d+$"))
        _ready(page)
        # the bpmn.io watermark stays visible
        assert page.locator(".bjs-powered-by").is_visible()
        assert _metric(page, "steps") == "1"

        # make room: drag the end event and the task to the right (the lane grows with them)
        for element, shift in (("End_1", 260), ("Task_1", 160)):
            box = page.locator(f'.djs-shape[data-element-id="{element}"]').bounding_box()
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.mouse.down()
            page.mouse.move(box["x"] + box["width"] / 2 + shift, box["y"] + box["height"] / 2, steps=12)
            page.mouse.up()
        # draw: a task from the palette dropped on the flow from the start event (bpmn-js connects it)
        flow = page.locator('.djs-connection[data-element-id="Flow_Start_1_Task_1"]').bounding_box()
        x, y = flow["x"] + flow["width"] / 2, flow["y"] + flow["height"] / 2
        page.locator(".djs-palette .entry.bpmn-icon-task").click()
        page.mouse.move(x - 30, y - 30)
        page.mouse.move(x, y, steps=8)
        page.mouse.click(x, y)
        added = page.evaluate("""() => window.crmModeler.get('elementRegistry')
            .filter((e) => e.type === 'bpmn:Task' && e.id !== 'Task_1').map((e) => e.id)""")
        assert len(added) == 1
        incoming = page.evaluate(f"""() => window.crmModeler.get('elementRegistry').get('{added[0]}')
            .incoming.map((c) => c.source.id)""")
        assert incoming == ["Start_1"]
        with page.expect_navigation():
            page.get_by_role("button", name=words["save"]).click()
        _ready(page)
        assert words["saved"] in page.locator(".alert-success").inner_text()
        assert _metric(page, "steps") == "2"
        record = db.query(ProcessMapRecord).filter_by(project_id=project.id, key="drawn").one()
        db.refresh(record)
        pm = stored_map(record)
        assert pm.node(added[0]).lane == "lane_1" and pm.outgoing("Start_1")[0].target == added[0]

        # the table beside the diagram: Task 1 takes 2.5 hours
        before = _metric(page, "cycle_time")
        row = page.locator('[data-testid=attributes] tr[data-node="Task_1"]')
        row.locator('input[name$="-working_time"]').fill("2.5")
        with page.expect_navigation():
            page.get_by_role("button", name=words["attributes"]).click()
        _ready(page)
        assert before == "0.00" and _metric(page, "cycle_time") == "2.50"

        # copy to the to-be map, make the task cheaper and automated: the diff is coloured
        with page.expect_navigation():
            page.get_by_role("button", name=words["copy"]).click()
        _ready(page)
        row = page.locator('[data-testid=attributes] tr[data-node="Task_1"]')
        row.locator('input[name$="-working_time"]').fill("0.5")
        row.locator('input[name$="-automated"]').check()
        with page.expect_navigation():
            page.get_by_role("button", name=words["attributes"]).click()
        _ready(page)
        assert page.locator('.djs-element.diff-changed[data-element-id="Task_1"]').count() == 1
        assert page.locator(".diff-badge-changed").count() == 1
        assert words["changed"] in page.get_by_test_id("diff-legend").inner_text()
        metrics = page.get_by_test_id("metrics")
        assert "2.50" in metrics.locator('tr[data-metric="cycle_time"]').inner_text()
        assert _metric(page, "cycle_time") == "0.50"
        page.get_by_test_id("modeler").scroll_into_view_if_needed()
        page.screenshot(path=artifacts / f"process-diff-{language}.png", full_page=False)

        # the sample's redesigned repair process: added steps green, changed ones amber, deltas beside
        repair = db.query(ProcessMapRecord).filter_by(project_id=project.id, key="retail_repair_to_be").one()
        page.goto(f"{url}/projects/{project.id}/processes/{repair.id}")
        _ready(page)
        assert page.locator(".djs-shape.diff-added").count() >= 1
        assert page.locator(".djs-connection.diff-added").count() >= 1
        assert page.locator(".djs-shape.diff-changed").count() >= 1
        assert words["added"] in page.get_by_test_id("diff-legend").inner_text()
        page.get_by_test_id("modeler").scroll_into_view_if_needed()
        page.screenshot(path=artifacts / f"process-diff-repair-{language}.png", full_page=False)
        page.get_by_test_id("swimlane").locator(".plotly-graph-div").wait_for()
        page.get_by_test_id("swimlane").screenshot(path=artifacts / f"process-swimlane-repair-{language}.png")
    assert all(r.startswith(url) for r in requests), [r for r in requests if not r.startswith(url)][:3]


def test_the_swim_lane_diagram_saves_as_svg_and_png_at_a_page_width(page, app, user, load_sample, db):
    import struct

    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    record = db.query(ProcessMapRecord).filter_by(project_id=project.id).first()
    with serving(app) as url:
        log_in(page, url)
        page.goto(f"{url}/projects/{project.id}/processes/{record.id}")
        chart = page.get_by_test_id("swimlane").locator(".js-plotly-plot")
        chart.locator(".main-svg").first.wait_for()
        height = chart.evaluate("gd => gd.layout.height")
        with page.expect_download() as svg_download:
            page.get_by_test_id("swimlane-svg").click()
        svg = svg_download.value.path().read_text()
        assert svg_download.value.suggested_filename == f"{record.key}.svg"
        assert re.search(r'<svg[^>]*width="1123"', svg) and f'height="{height}"' in svg
        with page.expect_download() as png_download:
            page.get_by_test_id("swimlane-png").click()
        png = png_download.value.path().read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (2 * 1123, 2 * height)
