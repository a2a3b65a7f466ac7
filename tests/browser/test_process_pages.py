"""The process modeler in a real browser, offline and within the Content-Security-Policy: widen the
pool, add a lane, draw a decision and a task into the second lane, connect them with the context
pad's connect tool, see a refused save keep the drawing, save (the decision's probabilities
assumed), set the probabilities and times in the table and see the metrics move, copy the map to
its to-be version, change it, and screenshot the coloured diff.  Attributes and probabilities set
in the table survive a save through bpmn-js itself."""

import re

import pytest

from crm_impl.formats.bpmn import import_bpmn
from crm_impl.models import ProcessMapRecord
from crm_impl.operations.processes import stored_map
from tests.browser.conftest import log_in
from tests.conftest import SAMPLES, serving

pytestmark = pytest.mark.browser

WORDS = {
    "en": {"add": "Add map", "save": "Save diagram", "attributes": "Save attributes", "copy": "Copy to a to-be map",
           "saved": "saved", "added": "added", "changed": "changed", "assumed": "Probabilities assumed"},
    "zh_Hans": {"add": "添加流程图", "save": "保存流程图", "attributes": "保存属性", "copy": "复制为目标流程图",
                "saved": "已保存", "added": "新增", "changed": "修改", "assumed": "假定概率"},
}


def _metric(page, name: str) -> str:
    return page.locator(f'[data-testid=metrics] tr[data-metric="{name}"] [data-value]').inner_text()


def _ready(page) -> None:
    page.wait_for_selector('[data-testid=modeler][data-state="ready"]', timeout=20_000)


def _registry(page, script: str):
    return page.evaluate(f"() => {{ const registry = window.crmModeler.get('elementRegistry'); return {script}; }}")


def _box(page, element: str) -> dict:
    return page.locator(f'.djs-element[data-element-id="{element}"]').bounding_box()


def _centre(page, element: str) -> tuple[float, float]:
    box = _box(page, element)
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def _blank(page) -> None:
    """A click on the empty canvas: diagram-js swallows the click that follows a drag, a create or
    a connect, and a click there also ends a label being typed."""
    canvas = page.locator(".bpmn-canvas").bounding_box()
    page.mouse.click(canvas["x"] + canvas["width"] - 40, canvas["y"] + 20)


def _select(page, element: str, at: tuple[float, float] = (0.5, 0.3)) -> None:
    """Click ``element`` at a point given as fractions of its box: by default above the middle,
    so a flow drawn to the shape's centre line does not take the click."""
    box = _box(page, element)
    page.mouse.click(box["x"] + box["width"] * at[0], box["y"] + box["height"] * at[1])
    assert page.evaluate("() => window.crmModeler.get('selection').get().map((e) => e.id)") == [element]


def _pad(page, action: str) -> None:
    page.locator(f'.djs-context-pad .entry[data-action="{action}"]').click()


def _drag(page, handle: tuple[float, float], dx: float, dy: float = 0) -> None:
    x, y = handle
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y + dy, steps=12)
    page.mouse.up()
    _blank(page)


def _create(page, icon: str, x: float, y: float, name: str = "") -> str:
    """A shape from the palette dropped at ``(x, y)``, named by typing as bpmn-js asks; its id."""
    before = set(_registry(page, "registry.getAll().map((e) => e.id)"))
    page.locator(f".djs-palette .entry.{icon}").click()
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y, steps=8)
    page.mouse.click(x, y)
    if name:
        page.keyboard.type(name)
    _blank(page)
    (made,) = set(_registry(page, "registry.getAll().map((e) => e.id)")) - before - {f"{i}_label" for i in before}
    return made


def _connect(page, source: str, target: str) -> None:
    """The context pad's connect tool, from ``source`` to ``target``."""
    _select(page, source)
    _pad(page, "connect")
    x, y = _centre(page, target)
    page.mouse.move(x, y, steps=10)
    page.mouse.click(x, y)
    _blank(page)


def _click_flow(page, flow: str) -> None:
    (x1, y1), (x2, y2) = _registry(page, f"registry.get('{flow}').waypoints.slice(0, 2).map((p) => [p.x, p.y])")
    x, y = page.evaluate("""([x, y]) => {
        const canvas = window.crmModeler.get('canvas'), box = canvas.viewbox();
        const rect = canvas._container.getBoundingClientRect();
        return [rect.left + (x - box.x) * box.scale, rect.top + (y - box.y) * box.scale];
    }""", [(x1 + x2) / 2, (y1 + y2) / 2])
    page.mouse.click(x, y)
    assert page.evaluate("() => window.crmModeler.get('selection').get().map((e) => e.id)") == [flow]


def _targets(page, element: str) -> set[str]:
    return set(_registry(page, f"registry.get('{element}').outgoing.map((c) => c.target.id)"))


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
        page.get_by_test_id("modeler").scroll_into_view_if_needed()

        # make room: widen the pool by its corner, add a lane below, move the end event right
        _select(page, "Participant_drawn", (0.01, 0.5))  # on its name band
        corner = page.locator(".djs-resizer-se .djs-resizer-hit").bounding_box()
        _drag(page, (corner["x"] + corner["width"] / 2, corner["y"] + corner["height"] / 2), 220)
        _select(page, "Participant_drawn", (0.01, 0.5))  # on its name band
        _pad(page, "lane-insert-below")
        _blank(page)
        (lane,) = _registry(page, "registry.filter((e) => e.type === 'bpmn:Lane' && e.id !== 'lane_1').map((e) => e.id)")
        _drag(page, _centre(page, "End_1"), 160)
        # the task no longer ends the process: its flow goes (context pad, delete)
        _click_flow(page, "Flow_Task_1_End_1")
        _pad(page, "delete")
        # a decision in the first lane, a task dropped into the second lane
        task_x, task_y = _centre(page, "Task_1")
        end_x = _centre(page, "End_1")[0]
        gateway = _create(page, "bpmn-icon-gateway-none", (task_x + end_x) / 2, task_y)
        rework = _create(page, "bpmn-icon-task", (task_x + end_x) / 2 + 50, _centre(page, lane)[1], "Rework")
        assert _registry(page, f"registry.get('{rework}').businessObject.name") == "Rework"

        # saved unconnected: refused with the reasons, and the drawing is still there to finish
        with page.expect_navigation():
            page.get_by_role("button", name=words["save"]).click()
        _ready(page)
        assert page.get_by_test_id("modeler").get_attribute("data-draft") == "shown"
        assert page.get_by_test_id("draft-kept").is_visible()
        assert f"nodes[{rework}]" in page.locator(".alert-danger").first.inner_text()
        assert _registry(page, f"[registry.get('{gateway}').type, registry.get('{rework}').businessObject.name]") \
            == ["bpmn:ExclusiveGateway", "Rework"]
        page.screenshot(path=artifacts / f"process-refused-{language}.png", full_page=False)
        page.get_by_test_id("modeler").scroll_into_view_if_needed()

        # connect with the connect tool: Task 1 → decision → End 1, or → Rework (second lane) → End 1
        _connect(page, "Task_1", gateway)
        _connect(page, gateway, "End_1")
        _connect(page, gateway, rework)
        _connect(page, rework, "End_1")
        assert _targets(page, "Task_1") == {gateway} and _targets(page, gateway) == {"End_1", rework}
        assert _targets(page, rework) == {"End_1"}
        with page.expect_navigation():
            page.get_by_role("button", name=words["save"]).click()
        _ready(page)
        assert words["saved"] in page.locator(".alert-success").inner_text()
        assert words["assumed"] in page.locator(".alert-warning").first.inner_text()
        assert page.locator("[data-testid=attributes] [data-assumed]").count() == 2
        assert page.get_by_test_id("assumed-note").is_visible()
        assert _metric(page, "steps") == "2" and _metric(page, "decisions") == "1"
        record = db.query(ProcessMapRecord).filter_by(project_id=project.id, key="drawn").one()
        db.refresh(record)
        pm = stored_map(record)
        assert {f.key for f in pm.flows} == {("Start_1", "Task_1"), ("Task_1", gateway), (gateway, "End_1"),
                                             (gateway, rework), (rework, "End_1")}
        assert pm.node(rework).lane == lane and pm.node(gateway).lane == "lane_1" and pm.node("End_1").lane == "lane_1"
        assert [(f.probability, f.assumed) for f in pm.outgoing(gateway)] == [(0.5, True), (0.5, True)]
        page.get_by_test_id("attributes").screenshot(path=artifacts / f"process-assumed-{language}.png")

        # moved and saved again through bpmn-js: the assumption is still marked (our extension survives)
        page.get_by_test_id("modeler").scroll_into_view_if_needed()
        _drag(page, _centre(page, rework), -20)
        with page.expect_navigation():
            page.get_by_role("button", name=words["save"]).click()
        _ready(page)
        db.refresh(record)
        again = stored_map(record)
        assert {f.key: f for f in again.flows} == {f.key: f for f in pm.flows}
        assert {n.id: n for n in again.nodes} == {n.id: n for n in pm.nodes}
        assert page.locator("[data-testid=attributes] [data-assumed]").count() == 2

        # the table beside the diagram: the decision's real probabilities and the two tasks' times
        before = _metric(page, "cycle_time")
        table = page.get_by_test_id("attributes")
        table.locator('tr[data-node="Task_1"] input[name$="-working_time"]').fill("2.5")
        table.locator(f'tr[data-node="{rework}"] input[name$="-working_time"]').fill("2")
        table.locator(f'tr[data-flow="{gateway}→End_1"] input[name$="-probability"]').fill("0.8")
        table.locator(f'tr[data-flow="{gateway}→{rework}"] input[name$="-probability"]').fill("0.2")
        with page.expect_navigation():
            page.get_by_role("button", name=words["attributes"]).click()
        _ready(page)
        assert before == "0.00" and _metric(page, "cycle_time") == "2.90"  # 2.5 + 0.2 × 2
        assert page.locator("[data-assumed]").count() == 0 and page.get_by_test_id("assumed-note").count() == 0
        db.refresh(record)
        assert [(f.probability, f.assumed) for f in stored_map(record).outgoing(gateway)] == [(0.8, False),
                                                                                               (0.2, False)]
        page.get_by_test_id("modeler").scroll_into_view_if_needed()
        page.screenshot(path=artifacts / f"process-drawn-{language}.png", full_page=False)

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
        assert "2.90" in metrics.locator('tr[data-metric="cycle_time"]').inner_text()
        assert _metric(page, "cycle_time") == "0.90"
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



def test_attributes_and_probabilities_set_in_the_table_survive_a_save_through_bpmn_js(page, app, user, load_sample,
                                                                                      db):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    with serving(app) as url:
        log_in(page, url)
        page.goto(f"{url}/projects/{project.id}/processes/")
        page.locator("#key").fill("hotel")
        page.locator("#source").select_option("template:hotel_booking_as_is")
        page.get_by_role("button", name="Add map").click()
        page.wait_for_url(re.compile(r"/processes/\d+$"))
        _ready(page)
        table = page.get_by_test_id("attributes")
        row = table.locator('tr[data-node="C1"]')
        for name, value in (("working_time", "0.4"), ("waiting_time", "1.5"), ("cost", "9.5"), ("channel", "web")):
            row.locator(f'input[name$="-{name}"]').fill(value)
        row.locator('input[name$="-value_adding"]').check()
        row.locator('input[name$="-automated"]').check()
        for flow, value in (("D1→B1", "0.55"), ("D1→D2", "0.45"), ("D2→W1", "0.25"), ("D2→L1", "0.75")):
            table.locator(f'tr[data-flow="{flow}"] input[name$="-probability"]').fill(value)
        with page.expect_navigation():
            page.get_by_role("button", name="Save attributes").click()
        _ready(page)
        record = db.query(ProcessMapRecord).filter_by(project_id=project.id, key="hotel").one()
        db.refresh(record)
        edited = stored_map(record)
        task = edited.node("C1")
        assert (task.working_time, task.waiting_time, task.cost, task.value_adding, task.automated, task.channel) == (
            0.4, 1.5, 9.5, True, True, "web")
        assert {f.key: f.probability for f in edited.flows if f.probability is not None} == {
            ("D1", "B1"): 0.55, ("D1", "D2"): 0.45, ("D2", "W1"): 0.25, ("D2", "L1"): 0.75}
        shape = import_bpmn(record.bpmn).layout.shapes["C1"]

        # bpmn-js loads the file, the person moves the task, bpmn-js writes the file: nothing is lost
        page.get_by_test_id("modeler").scroll_into_view_if_needed()
        _drag(page, _centre(page, "C1"), 30)
        with page.expect_navigation():
            page.get_by_role("button", name="Save diagram").click()
        _ready(page)
        assert "saved" in page.locator(".alert-success").inner_text()
        db.refresh(record)
        assert import_bpmn(record.bpmn).layout.shapes["C1"].x > shape.x  # the file bpmn-js wrote is stored
        saved = stored_map(record)
        # every node with every attribute, every flow with its probability (bpmn-js may write them in another order)
        assert {n.id: n for n in saved.nodes} == {n.id: n for n in edited.nodes}
        assert {f.key: f for f in saved.flows} == {f.key: f for f in edited.flows} and saved.lanes == edited.lanes
        assert _metric(page, "cycle_time") == "1.90"  # 0.4 + 1.5 (the task only, whatever the branches)
