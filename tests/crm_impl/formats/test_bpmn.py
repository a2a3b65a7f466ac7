"""BPMN 2.0: our maps survive export → import, files written by bpmn.io import with every node,
flow and lane, the diagram shapes everything, and hostile files are refused."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from crm_impl.errors import ValidationError
from crm_impl.formats.bpmn import (
    BPMN_NAMESPACE,
    CRM_NAMESPACE,
    MAX_ELEMENTS,
    export_bpmn,
    import_bpmn,
    is_bpmn,
    update_bpmn,
)
from crm_impl.limits import MAX_BPMN_BYTES
from crm_impl.processes import DataLink, Flow, Lane, Node, ProcessMap, check_map, map_problems, process_metrics
from tests.crm_impl.processes.maps import gateway, linear, loop, parallel

DATA = Path(__file__).parent / "data"
BPMNIO = DATA / "bpmnio_complaint.bpmn"
SAMPLES = sorted((Path(__file__).resolve().parents[3] / "sample_projects" / "processes").glob("*.bpmn"))
NS = {"bpmn": BPMN_NAMESPACE, "bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
      "dc": "http://www.omg.org/spec/DD/20100524/DC", "di": "http://www.omg.org/spec/DD/20100524/DI",
      "crm": CRM_NAMESPACE}


def with_data(pm: ProcessMap) -> ProcessMap:
    """``pm`` plus a data object the first task writes and the last reads."""
    tasks = pm.tasks()
    return replace(pm, nodes=(*pm.nodes, Node("doc", "data", "Order form")),
                   data_links=(DataLink(tasks[0].id, "doc", "out"), DataLink(tasks[-1].id, "doc", "in")))


def odd_ids() -> ProcessMap:
    """Ids and keys that are not XML names, Chinese names, a flow id of its own."""
    return ProcessMap("预订 流程", "Hotel booking", (Lane("前台", "Front desk", "前台"), Lane("back office", "Back office")), (
        Node("1 start", "start", "Customer calls", lane="前台", channel="phone", name_zh="客户来电"),
        Node("任务", "task", "查询空房", lane="back office", working_time=0.25, cost=12.5),
        Node("end", "end", "预订成功", lane="前台", success=True)),
        (Flow("1 start", "任务", id="first"), Flow("任务", "end", "done")), name_zh="酒店预订")


MAPS = [linear(), gateway(), loop(), parallel(), with_data(linear()), with_data(parallel()), odd_ids()]


@pytest.mark.parametrize("pm", MAPS, ids=lambda pm: pm.key)
def test_our_export_reads_back_as_the_same_map(pm):
    result = import_bpmn(export_bpmn(pm))
    assert result.process == pm
    assert result.skipped == ()


@pytest.mark.parametrize("pm", MAPS, ids=lambda pm: pm.key)
def test_export_import_export_is_stable_with_the_files_own_layout(pm):
    first = export_bpmn(pm)
    result = import_bpmn(first)
    assert export_bpmn(result.process, result.layout) == first
    assert export_bpmn(result.process) == first


@pytest.mark.parametrize("pm", MAPS, ids=lambda pm: pm.key)
def test_the_diagram_shapes_every_node_lane_and_flow(pm):
    root = ET.fromstring(export_bpmn(pm))
    shaped = {s.get("bpmnElement") for s in root.iterfind(".//bpmndi:BPMNShape", NS)}
    edged = {e.get("bpmnElement"): e for e in root.iterfind(".//bpmndi:BPMNEdge", NS)}
    process = root.find("bpmn:process", NS)
    flow_nodes = [e.get("id") for e in process if e.tag.split("}")[1] not in ("laneSet", "sequenceFlow", "dataObject", "extensionElements")]
    assert len(flow_nodes) == len(pm.nodes) and set(flow_nodes) <= shaped
    lanes = [lane.get("id") for lane in root.iterfind(".//bpmn:lane", NS)]
    assert len(lanes) == len(pm.lanes) and set(lanes) <= shaped
    assert root.find(".//bpmn:participant", NS).get("id") in shaped
    flows = [f.get("id") for f in process.iterfind("bpmn:sequenceFlow", NS)]
    assert len(flows) == len(pm.flows) and set(flows) <= set(edged)
    for edge in edged.values():
        assert len(edge.findall("di:waypoint", NS)) >= 2


def test_shapes_sit_inside_their_lane_and_do_not_overlap():
    pm = import_bpmn(SAMPLES[-1].read_bytes()).process
    layout = import_bpmn(export_bpmn(pm)).layout
    for node in pm.nodes:
        if node.lane:
            box, lane = layout.shapes[node.id], layout.lanes[node.lane]
            assert lane.y <= box.y and box.bottom <= lane.bottom and lane.x <= box.x and box.right <= lane.right
    boxes = list(layout.shapes.values())
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a.right <= b.x or b.right <= a.x or a.bottom <= b.y or b.bottom <= a.y, (a, b)


def test_task_attributes_travel_as_extension_elements_in_our_namespace():
    root = ET.fromstring(export_bpmn(linear()))
    task = root.find(".//bpmn:task[@id='b']", NS)
    attrs = task.find("bpmn:extensionElements/crm:attributes", NS).attrib
    assert attrs == {"workingTime": "3", "waitingTime": "0", "cost": "30", "valueAdding": "true", "automated": "false"}
    flow = ET.fromstring(export_bpmn(gateway())).find(".//bpmn:sequenceFlow[@id='Flow_g_b']", NS)
    assert flow.get("name") == "yes"
    assert flow.find("bpmn:extensionElements/crm:attributes", NS).get("probability") == "0.7"
    assert flow.find("bpmn:conditionExpression", NS).text == "yes"


def test_an_assumed_probability_travels_marked_until_it_is_confirmed():
    assumed = replace(gateway(), flows=tuple(replace(f, probability=0.5, assumed=True) if f.source == "g" else f
                                             for f in gateway().flows))
    data = export_bpmn(assumed)
    flow = ET.fromstring(data).find(".//bpmn:sequenceFlow[@id='Flow_g_b']", NS)
    assert flow.find("bpmn:extensionElements/crm:attributes", NS).attrib == {"probability": "0.5",
                                                                           "probabilityAssumed": "true"}
    assert import_bpmn(data).process == assumed
    # written into the file it came from, and dropped there once confirmed
    confirmed = replace(assumed, flows=tuple(replace(f, assumed=False) for f in assumed.flows))
    again = update_bpmn(data, confirmed)
    assert b"probabilityAssumed" not in again and import_bpmn(again).process == confirmed
    assert import_bpmn(update_bpmn(again, assumed)).process == assumed


# --------------------------------------------------------------------------- a bpmn.io file


def test_a_file_saved_by_bpmn_io_imports_with_every_node_flow_and_lane():
    result = import_bpmn(BPMNIO.read_bytes())
    pm = result.process
    assert (pm.key, pm.name) == ("Process_1f0v2qk", "Complaint handling")
    assert [(lane.key, lane.name) for lane in pm.lanes] == [("Lane_0desk1", "Service desk"), ("Lane_1tech02", "Technician")]
    kinds = {n.id: n.kind for n in pm.nodes}
    assert kinds == {
        "StartEvent_1": "start", "Activity_1reg0ab": "task", "DataObjectReference_0rec1": "data",
        "Gateway_0known1": "exclusive", "Activity_0send1x": "task", "Gateway_1split0": "parallel",
        "Activity_1diag3z": "task", "Activity_0info2y": "task", "Gateway_1join00": "parallel",
        "Gateway_0merge1": "exclusive", "Event_0closed1": "end", "DataStoreReference_0crm01": "data"}
    assert pm.node("Activity_1diag3z").lane == "Lane_1tech02" and pm.node("Event_0closed1").lane == "Lane_0desk1"
    assert len(pm.flows) == 11
    assert pm.flow("Gateway_0known1", "Activity_0send1x").label == "yes"
    assert pm.flow("Gateway_0known1", "Gateway_1split0").label == "not known"  # from conditionExpression
    assert pm.node("Activity_0send1x").automated and not pm.node("Activity_1reg0ab").automated  # serviceTask
    assert pm.data_links == (DataLink("Activity_1reg0ab", "DataObjectReference_0rec1", "out"),
                             DataLink("Activity_0send1x", "DataStoreReference_0crm01", "in"))
    assert [(s.element, s.id) for s in result.skipped] == [
        ("textAnnotation", "TextAnnotation_0h7s2lq"), ("association", "Association_1c9vx0d")]
    assert result.skipped[0].name == "Target: closed within two days"
    # the person's layout comes with it
    assert result.layout.shapes["Activity_1diag3z"].x == 690 and result.layout.lanes["Lane_1tech02"].height == 150
    assert result.layout.edges["Flow_1yes"] == [(510, 155), (510, 140), (600, 140)]


def test_a_bpmn_io_map_tells_what_it_lacks_then_measures_once_completed():
    pm = import_bpmn(BPMNIO.read_bytes()).process
    assert [where for where, _ in map_problems(pm)] == ["nodes[Gateway_0known1]"]
    flows = tuple(replace(f, probability={"Activity_0send1x": 0.6, "Gateway_1split0": 0.4}[f.target])
                  if f.source == "Gateway_0known1" else f for f in pm.flows)
    times = {"Activity_1reg0ab": 0.2, "Activity_0send1x": 0.05, "Activity_1diag3z": 3.0, "Activity_0info2y": 0.1}
    done = pm.with_nodes([replace(pm.node(k), working_time=v) for k, v in times.items()])
    done = replace(done, flows=flows)
    assert check_map(done) == {"Gateway_1split0": "Gateway_1join00"}
    assert process_metrics(done).cycle_time == pytest.approx(0.2 + 0.6 * 0.05 + 0.4 * 3.0)
    # and what we write keeps the person's layout
    again = import_bpmn(export_bpmn(done, import_bpmn(BPMNIO.read_bytes()).layout))
    assert again.process == replace(done, key="Process_1f0v2qk") and again.layout.shapes["Activity_1diag3z"].x == 690


def test_nested_lanes_flatten_and_unmodelled_elements_are_listed():
    xml = f"""<definitions xmlns="{BPMN_NAMESPACE}" id="d">
      <process id="p"><laneSet id="ls"><lane id="outer" name="Sales">
        <childLaneSet id="cls"><lane id="inner1" name="Inside"><flowNodeRef>s</flowNodeRef></lane>
        <lane id="inner2" name="Field"><flowNodeRef>e</flowNodeRef></lane></childLaneSet></lane></laneSet>
        <startEvent id="s"/><inclusiveGateway id="or" name="Any of"/><boundaryEvent id="b" attachedToRef="s"/>
        <endEvent id="e"/><sequenceFlow id="f1" sourceRef="s" targetRef="or"/><sequenceFlow id="f2" sourceRef="or" targetRef="e"/>
        <sequenceFlow id="f3" sourceRef="s" targetRef="e"/>
      </process><process id="other"><startEvent id="x"/></process></definitions>"""
    result = import_bpmn(xml)
    assert [(lane.key, lane.name) for lane in result.process.lanes] == [("inner1", "Sales / Inside"), ("inner2", "Sales / Field")]
    assert [(s.element, s.id) for s in result.skipped] == [
        ("process", "other"), ("inclusiveGateway", "or"), ("boundaryEvent", "b"), ("sequenceFlow", "f1"),
        ("sequenceFlow", "f2")]
    assert [f.key for f in result.process.flows] == [("s", "e")]
    assert result.layout is None
    assert import_bpmn(xml, process_id="other").process.key == "other"
    with pytest.raises(ValidationError, match="no process 'nope'"):
        import_bpmn(xml, process_id="nope")


# --------------------------------------------------------------------------- what is refused


def bpmn(body: str = '<process id="p"><startEvent id="s"/></process>') -> bytes:
    return f'<?xml version="1.0"?><definitions xmlns="{BPMN_NAMESPACE}" xmlns:crm="{CRM_NAMESPACE}" id="d">{body}</definitions>'.encode()


BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>'
        b'<definitions xmlns="' + BPMN_NAMESPACE.encode() + b'"><process id="p" name="&lol2;"/></definitions>')
XXE = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       b'<definitions xmlns="' + BPMN_NAMESPACE.encode() + b'"><process id="p" name="&x;"/></definitions>')


@pytest.mark.parametrize(("data", "field", "words"), [
    (BOMB, "file", "refused unsafe XML"),
    (XXE, "file", "refused unsafe XML"),
    (b"", "file", "the file is empty"),
    (b"<definitions", "file", "not well-formed XML"),
    (b'<Project xmlns="http://schemas.microsoft.com/project"/>', "file", "not a BPMN 2.0 file: the root element is Project"),
    (b'<definitions xmlns="http://example.com/other"/>', "file", "not a BPMN 2.0 file"),
    (bpmn("<process id='p'/>"), "file", "no process with events, tasks or gateways"),
    (bpmn('<process id="p"><task id="t"><extensionElements><crm:attributes workingTime="soon"/></extensionElements>'
          '</task></process>'), "task[t]", "workingTime is not a number: 'soon'"),
    (bpmn('<process id="p"><task id="t"><extensionElements><crm:attributes cost="-5"/></extensionElements>'
          '</task></process>'), "task[t]", "cost must be a number from 0"),
    (bpmn('<process id="p"><task id="t"><extensionElements><crm:attributes waitingTime="1e400"/></extensionElements>'
          '</task></process>'), "task[t]", "waitingTime must be a number"),
    (bpmn('<process id="p"><task id="t"><extensionElements><crm:attributes automated="maybe"/></extensionElements>'
          '</task></process>'), "task[t]", "automated must be true or false"),
    (bpmn('<process id="p"><task id="t" name="' + "x" * 400 + '"/></process>'), "task[t].name", "longer than 300"),
    (bpmn('<process id="p"><task id="t" name="a&#xD800;b"/></process>'), "file", "not well-formed"),
])
def test_bad_files_are_refused_with_the_place(data, field, words):
    with pytest.raises(ValidationError) as caught:
        import_bpmn(data)
    assert caught.value.field == field
    assert words in caught.value.reason


def test_a_huge_file_is_refused_before_parsing():
    with pytest.raises(ValidationError, match="larger than 16 MB"):
        import_bpmn(b" " * (MAX_BPMN_BYTES + 1))


def test_too_many_elements_are_refused():
    refs = "<incoming>x</incoming>" * (MAX_ELEMENTS + 1)
    with pytest.raises(ValidationError, match=f"more than {MAX_ELEMENTS} elements"):
        import_bpmn(bpmn(f'<process id="p"><task id="t">{refs}</task></process>'))


def test_too_many_nodes_are_refused():
    from crm_impl.limits import MAX_PROCESS_NODES
    tasks = "".join(f'<task id="t{i}"/>' for i in range(MAX_PROCESS_NODES + 1))
    with pytest.raises(ValidationError, match=f"more than {MAX_PROCESS_NODES} nodes"):
        import_bpmn(bpmn(f'<process id="p">{tasks}</process>'))


def test_bpmn_is_told_apart_from_ms_project_xml():
    assert is_bpmn(BPMNIO.read_bytes()) and is_bpmn(export_bpmn(linear()))
    assert is_bpmn(bpmn()) and is_bpmn(bpmn().decode())
    assert not is_bpmn(b'<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name/></Project>')
    assert not is_bpmn(b'<definitions xmlns="http://example.com/other"/>')
    assert not is_bpmn(b"not xml at all")


# --------------------------------------------------------------------------- bpmn.io's own parser


def _moddle_dir() -> Path | None:
    """Where ``bpmn-moddle`` is installed: $BPMN_MODDLE_DIR (a node_modules folder) or ./node_modules."""
    import os
    for candidate in (os.environ.get("BPMN_MODDLE_DIR"), Path(__file__).resolve().parents[3] / "node_modules"):
        if candidate and (Path(candidate) / "bpmn-moddle").is_dir():
            return Path(candidate)
    return None


@pytest.mark.skipif(_moddle_dir() is None, reason="bpmn-moddle (npm) not installed: set BPMN_MODDLE_DIR")
def test_bpmn_moddle_reads_every_export_with_no_warning_and_every_element_shaped(tmp_path):
    import json
    import shutil
    import subprocess
    files = []
    for index, pm in enumerate([*MAPS, *(import_bpmn(p.read_bytes()).process for p in SAMPLES)]):
        path = tmp_path / f"map{index}.bpmn"
        path.write_bytes(export_bpmn(pm))
        files.append(str(path))
    files.append(str(BPMNIO))
    updated = tmp_path / "updated.bpmn"
    updated.write_bytes(update_bpmn(BPMNIO.read_bytes(), _completed(import_bpmn(BPMNIO.read_bytes()).process)))
    files.append(str(updated))
    files.append(str(DATA / "bpmnjs_saved_order.bpmn"))
    result = subprocess.run([shutil.which("node") or "node", str(Path(__file__).with_name("bpmn_moddle_check.mjs")),
                             *files], capture_output=True, text=True, env={"NODE_PATH": str(_moddle_dir())},
                            timeout=120, check=False)
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(reports) == len(files), result.stderr
    for report in reports:
        assert report["warnings"] == [] and report["unshapedNodes"] == [] and report["unshapedFlows"] == [] \
            and report["unshapedLanes"] == [], report
    assert result.returncode == 0


def _crosses(segment, box) -> bool:
    """Whether an axis-parallel (or any) segment passes through the inside of ``box``."""
    (x0, y0), (x1, y1) = segment
    left, right, top, bottom = box.x + 1, box.x + box.width - 1, box.y + 1, box.y + box.height - 1
    steps = 50
    return any(left < x0 + (x1 - x0) * k / steps < right and top < y0 + (y1 - y0) * k / steps < bottom
               for k in range(steps + 1))


@pytest.mark.parametrize("pm", [*MAPS, *(import_bpmn(p.read_bytes()).process for p in SAMPLES)],
                         ids=lambda pm: pm.key)
def test_no_flow_runs_through_a_shape_it_does_not_join(pm):
    layout = import_bpmn(export_bpmn(pm)).layout
    for flow in pm.flows:
        points = layout.edges[flow.flow_id]
        for segment in zip(points, points[1:]):
            for node_id, box in layout.shapes.items():
                if node_id not in (flow.source, flow.target):
                    assert not _crosses(segment, box), (flow.key, node_id)


def test_a_second_pool_and_its_message_flows_are_listed():
    xml = f"""<bpmn:definitions xmlns:bpmn="{BPMN_NAMESPACE}" id="d">
      <bpmn:collaboration id="c">
        <bpmn:participant id="P_customer" name="Customer" />
        <bpmn:participant id="P_company" name="Company" processRef="p" />
        <bpmn:messageFlow id="m1" name="Order" sourceRef="P_customer" targetRef="s" />
      </bpmn:collaboration>
      <bpmn:process id="p"><bpmn:startEvent id="s" /><bpmn:endEvent id="e" />
        <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e" /></bpmn:process>
    </bpmn:definitions>"""
    result = import_bpmn(xml)
    assert result.process.name == "Company"
    assert [(s.element, s.id, s.name) for s in result.skipped] == [("participant", "P_customer", "Customer"),
                                                                    ("messageFlow", "m1", "Order")]


# --------------------------------------------------------------------------- attributes into a file


def _completed(pm):
    """The bpmn.io complaint map with probabilities, times and Chinese names filled in beside it."""
    flows = tuple(replace(f, probability={"Activity_0send1x": 0.6, "Gateway_1split0": 0.4}[f.target])
                  if f.source == "Gateway_0known1" else f for f in pm.flows)
    nodes = [replace(pm.node("Activity_1diag3z"), working_time=3.0, waiting_time=4.0, cost=90.0, value_adding=True,
                     name_zh="诊断故障"),
             replace(pm.node("Activity_0send1x"), automated=False, channel="email", name="Send the known solution")]
    lanes = tuple(replace(lane, name_zh="服务台") if lane.key == "Lane_0desk1" else lane for lane in pm.lanes)
    return replace(pm.with_nodes(nodes), flows=flows, lanes=lanes, name_zh="投诉处理")


def test_update_writes_the_attributes_and_keeps_everything_else_of_the_modelers_file():
    data = BPMNIO.read_bytes()
    before = import_bpmn(data)
    edited = _completed(before.process)
    out = update_bpmn(data, edited)
    after = import_bpmn(out)
    assert after.process == edited
    assert after.skipped == before.skipped  # the annotation and its association are still there
    assert after.layout == before.layout  # every shape, lane and waypoint where the person put it
    root = ET.fromstring(out)
    assert root.get("exporter") == "bpmn-js (https://demo.bpmn.io)"
    assert root.find(".//bpmn:textAnnotation/bpmn:text", NS).text == "Target: closed within two days"
    condition = root.find(".//bpmn:sequenceFlow[@id='Flow_1no0']/bpmn:conditionExpression", NS)
    assert condition.text == "not known"
    yes = root.find(".//bpmn:sequenceFlow[@id='Flow_1yes']", NS)
    assert yes.find("bpmn:conditionExpression", NS).text == "yes"  # added for the labelled gateway flow
    assert yes.find("bpmn:extensionElements/crm:attributes", NS).get("probability") == "0.6"
    # a second update with the same map changes nothing
    assert update_bpmn(out, edited) == out


def test_update_keeps_other_tools_extensions_and_prefixes():
    camunda = "http://camunda.org/schema/1.0/bpmn"
    xml = f"""<bpmn:definitions xmlns:bpmn="{BPMN_NAMESPACE}" xmlns:camunda="{camunda}" id="d">
      <bpmn:process id="p"><bpmn:startEvent id="s" /><bpmn:userTask id="t" camunda:assignee="anna">
        <bpmn:extensionElements><camunda:properties><camunda:property name="sla" value="2d" /></camunda:properties>
        </bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="e" />
        <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t" /><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e" />
      </bpmn:process></bpmn:definitions>"""
    pm = import_bpmn(xml).process
    edited = pm.with_nodes([replace(pm.node("t"), working_time=0.5, cost=20.0)])
    out = update_bpmn(xml, edited).decode()
    assert 'camunda:assignee="anna"' in out and '<camunda:property name="sla" value="2d" />' in out
    assert import_bpmn(out).process == edited


@pytest.mark.parametrize(("change", "words"), [
    (lambda pm: replace(pm, nodes=pm.nodes[:-1]), "structure differs from the file's at DataStoreReference_0crm01"),
    (lambda pm: replace(pm, flows=pm.flows[1:]), "structure differs"),
    (lambda pm: pm.with_nodes([Node("Activity_1reg0ab", "exclusive")]), "structure differs from the file's at "
                                                                        "Activity_1reg0ab"),
    (lambda pm: replace(pm, key="other"), "holds process 'Process_1f0v2qk', not 'other'"),
])
def test_update_refuses_a_map_whose_structure_is_not_the_files(change, words):
    data = BPMNIO.read_bytes()
    with pytest.raises(ValidationError, match=words):
        update_bpmn(data, change(import_bpmn(data).process))


def test_characters_xml_cannot_carry_are_replaced_not_written():
    pm = ProcessMap("m", "a\x07b", nodes=(Node("s", "start", "x\x1by"), Node("e", "end")),
                    flows=(Flow("s", "e", "l\x00"),))
    back = import_bpmn(export_bpmn(pm)).process
    assert (back.name, back.node("s").name, back.flows[0].label) == ("a\ufffdb", "x\ufffdy", "l\ufffd")


def test_deep_nesting_is_refused_before_anything_recurses_into_it():
    deep = "<x>" * 5000 + "</x>" * 5000
    xml = bpmn(f'<process id="p"><startEvent id="s"><extensionElements>{deep}</extensionElements></startEvent>'
               '</process>')
    for read in (import_bpmn, lambda data: update_bpmn(data, ProcessMap("p"))):
        with pytest.raises(ValidationError, match="nests elements more than 100 deep"):
            read(xml)


# --------------------------------------------------------------------------- a file bpmn-js saved

#: Drawn with the bpmn-js 17 modeler itself (headless Chromium: a pool split in two lanes, a user
#: task writing a data object, a choice between a service task and a task, a merge, an
#: annotation) and saved with ``saveXML({format: true})``; kept byte for byte.
BPMNJS = DATA / "bpmnjs_saved_order.bpmn"


def test_a_file_the_bpmn_js_modeler_saved_imports_with_every_node_flow_and_lane():
    data = BPMNJS.read_bytes()
    assert is_bpmn(data)
    result = import_bpmn(data)
    pm = result.process
    assert pm.name == "Order handling"
    assert [lane.name for lane in pm.lanes] == ["Sales", "Warehouse"]
    names = {n.name: n for n in pm.nodes}
    assert {name: n.kind for name, n in names.items()} == {
        "Order received": "start", "Check the order": "task", "In stock?": "exclusive", "Reserve stock": "task",
        "Order from supplier": "task", "": "exclusive", "Order confirmed": "end", "Order form": "data"}
    assert names["Reserve stock"].automated and not names["Check the order"].automated
    assert names["Reserve stock"].lane == pm.lanes[1].key and names["Order confirmed"].lane == pm.lanes[0].key
    assert len(pm.flows) == 7
    assert sorted(f.label for f in pm.flows if f.label) == ["no", "yes"]
    assert pm.data_links == (DataLink(names["Check the order"].id, names["Order form"].id, "out"),)
    assert [s.element for s in result.skipped] == ["textAnnotation", "association"]
    assert set(result.layout.shapes) == {n.id for n in pm.nodes}
    assert all(result.layout.edges.get(f.flow_id) for f in pm.flows)
    assert [where for where, _ in map_problems(pm)] == [f"nodes[{names['In stock?'].id}]"]  # no probabilities yet


def test_a_bpmn_js_file_takes_our_attributes_and_measures():
    data = BPMNJS.read_bytes()
    pm = import_bpmn(data).process
    ids = {n.name: n.id for n in pm.nodes}
    gate = ids["In stock?"]
    flows = tuple(replace(f, probability=0.8 if f.label == "yes" else 0.2) if f.source == gate else f for f in pm.flows)
    edited = replace(pm.with_nodes([
        replace(pm.node(ids["Check the order"]), working_time=0.2, cost=8.0, channel="web"),
        replace(pm.node(ids["Order from supplier"]), working_time=0.5, waiting_time=48.0, cost=25.0),
        replace(pm.node(ids["Reserve stock"]), working_time=0.01, cost=0.5),
        replace(pm.node(ids["Order confirmed"]), success=True)]), flows=flows)
    out = update_bpmn(data, edited)
    back = import_bpmn(out)
    assert back.process == edited and back.layout == import_bpmn(data).layout
    metrics = process_metrics(back.process)
    assert metrics.cycle_time == pytest.approx(0.2 + 0.8 * 0.01 + 0.2 * 48.5)
    assert metrics.cost_per_case == pytest.approx(8 + 0.8 * 0.5 + 0.2 * 25)
