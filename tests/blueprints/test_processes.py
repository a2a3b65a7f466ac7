"""Process map pages: the list with metrics, the modeler page (bpmn-js served offline), saving the
modeler's XML, the attribute table, copy to to-be and its diff, BPMN download and upload (hostile
files refused with a reason through a real server), simulation, fishbone/Pareto, selection."""

import html
import io
import re
from pathlib import Path

import pytest

from blueprints.assets import bpmn_js_version
from crm_impl.formats.bpmn import import_bpmn
from crm_impl.models import FishboneDiagram, MapKind, ProcessMapRecord
from crm_impl.operations.processes import blank_bpmn, create_map, stored_map
from tests.conftest import csrf_token

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "sample_projects" / "processes" / "hotel_booking_as_is.bpmn"


@pytest.fixture
def project(load_sample, user):
    return load_sample(user)


def _maps(db, project):
    db.expire_all()
    return {m.key: m for m in db.query(ProcessMapRecord).filter_by(project_id=project.id)}


def test_list_shows_each_map_with_metrics_and_savings(client, login, project):
    login()
    page = client.get(f"/projects/{project.id}/processes/")
    assert page.status_code == 200
    assert 'data-map="auto_lead_to_order_as_is"' in page.text and 'data-map="auto_lead_to_order_to_be"' in page.text
    to_be = next(m for m in project.process_maps if m.kind is MapKind.TO_BE)
    cells = re.findall(r'data-testid="annual-savings">([^<]*)<', page.text)
    assert cells[0] == "—" and f"{abs(to_be.annual_savings):,.0f}" in cells[1].replace("\u00a0", "")
    assert f'href="/projects/{project.id}/processes/"' in page.text  # the project navigation links it
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    chinese = client.get(f"/projects/{project.id}/processes/")
    assert "流程" in chinese.text and to_be.name_zh in chinese.text


def test_map_page_embeds_the_modeler_offline(client, login, project):
    login()
    record = project.process_maps[1]
    page = client.get(f"/projects/{project.id}/processes/{record.id}")
    assert page.status_code == 200
    version = bpmn_js_version()
    script = f"/assets/bpmn-js-{version}/bpmn-modeler.production.min.js"
    assert f'src="{script}"' in page.text and "unpkg" not in page.text and "cdn" not in page.text
    assert 'src="/static/js/process_modeler.js"' in page.text
    assert re.search(r"<script(?![^>]*\bsrc=)(?![^>]*nonce=)", page.text) is None  # no inline script without nonce
    with client.get(script) as bundle:
        assert bundle.status_code == 200 and b"bpmn-js" in bundle.data[:200]
        assert "immutable" in bundle.headers["Cache-Control"]
    with client.get(f"/assets/bpmn-js-{version}/assets/bpmn-font/font/bpmn.woff2") as font:
        assert font.status_code == 200
    assert client.get(f"/assets/bpmn-js-{version}/../../config.py").status_code == 404
    with client.get(f"/assets/bpmn-js-{version}/LICENSE") as licence:
        assert "Camunda" in licence.text and "watermark" in licence.text
    xml = client.get(f"/projects/{project.id}/processes/{record.id}/bpmn")
    assert xml.status_code == 200 and import_bpmn(xml.data).process == stored_map(record)
    assert xml.headers["Content-Type"].startswith("text/plain")  # never rendered as a document
    # the diff is coloured: added and changed element ids travel to the script
    assert 'data-markers="{&#34;added&#34;: [' in page.text or "data-markers=\"{&#34;added" in page.text
    assert 'data-testid="savings"' in page.text
    assert 'data-testid="swimlane"' in page.text and page.text.count("Plotly.newPlot") == 2


def test_save_from_the_modeler_validates_and_keeps_nothing_on_error(client, login, project, db):
    login()
    record = project.process_maps[0]
    url = f"/projects/{project.id}/processes/{record.id}"
    token = csrf_token(client.get(url))
    xml = record.bpmn.decode()
    before, version = record.bpmn, record.version
    broken = re.sub(r'<bpmn:sequenceFlow id="[^"]+" sourceRef="[^"]+" targetRef="[^"]+"[^>]*/>', "", xml, count=1)
    refused = client.post(f"{url}/bpmn", data={"csrf_token": token, "version": version, "xml": broken})
    assert refused.status_code == 422 and "nodes[" in refused.text
    assert _maps(db, project)[record.key].bpmn == before
    assert client.post(f"{url}/bpmn", data={"csrf_token": token, "version": version, "xml": "<x"}).status_code == 422
    stale = client.post(f"{url}/bpmn", data={"csrf_token": token, "version": version - 1, "xml": xml})
    assert stale.status_code == 409
    renamed = xml.replace('name="', 'name="Renamed ', 1)
    ok = client.post(f"{url}/bpmn", data={"csrf_token": token, "version": version, "xml": renamed})
    assert ok.status_code == 302
    assert _maps(db, project)[record.key].version == version + 1


def _draft(page) -> str | None:
    match = re.search(r"<textarea hidden data-bpmn-draft>(.*?)</textarea>", page.text, re.S)
    return html.unescape(match.group(1)) if match else None


def test_a_refused_save_opens_the_drawing_again_with_the_reasons(client, login, project, db):
    login()
    record = project.process_maps[0]
    url = f"/projects/{project.id}/processes/{record.id}"
    token = csrf_token(client.get(url))
    assert _draft(client.get(url)) is None  # a plain visit opens the stored map
    xml = record.bpmn.decode()
    # a task drawn with no flow yet, its name with characters HTML must escape, posted as the modeler does
    drawn = xml.replace("</bpmn:process>", '<bpmn:task id="Task_new" name="Call &lt;VIP&gt; &amp; wait" />'
                                          "</bpmn:process>", 1)
    refused = client.post(f"{url}/bpmn", data={"csrf_token": token, "version": record.version,
                                               "file": (io.BytesIO(drawn.encode()), "map.bpmn")})
    assert refused.status_code == 422 and "nodes[Task_new]" in refused.text
    assert _draft(refused) == drawn and 'data-testid="draft-kept"' in refused.text
    assert "<VIP>" not in refused.text  # escaped, never markup
    assert _maps(db, project)[record.key].bpmn == record.bpmn
    # a stale save keeps the drawing too; bytes that are no text are not sent back
    stale = client.post(f"{url}/bpmn", data={"csrf_token": token, "version": record.version - 1, "xml": drawn})
    assert stale.status_code == 409 and _draft(stale) == drawn
    garbage = client.post(f"{url}/bpmn", data={"csrf_token": token, "version": record.version,
                                               "file": (io.BytesIO(b"\xff\xfe<x"), "map.bpmn")})
    assert garbage.status_code == 422 and _draft(garbage) is None


def test_a_decision_saved_without_probabilities_is_kept_with_assumed_ones_the_table_then_sets(client, login, project,
                                                                                              db):
    login()
    record = create_map(db, project, key="drawn", data=blank_bpmn("drawn", "Drawn"))
    db.commit()
    url = f"/projects/{project.id}/processes/{record.id}"
    token = csrf_token(client.get(url))
    flow = '<bpmn:sequenceFlow id="Flow_Task_1_End_1" sourceRef="Task_1" targetRef="End_1" />'
    decision = ('<bpmn:exclusiveGateway id="Gateway_1" name="Approved?" /><bpmn:task id="Task_2" name="Rework" />'
                '<bpmn:sequenceFlow id="f1" sourceRef="Task_1" targetRef="Gateway_1" />'
                '<bpmn:sequenceFlow id="f2" sourceRef="Gateway_1" targetRef="End_1" />'
                '<bpmn:sequenceFlow id="f3" sourceRef="Gateway_1" targetRef="Task_2" />'
                '<bpmn:sequenceFlow id="f4" sourceRef="Task_2" targetRef="End_1" />')
    xml = record.bpmn.decode()
    assert flow in xml
    # bpmn-js lists a task dropped on a lane in that lane
    in_lane, task_2 = "<bpmn:flowNodeRef>Task_1</bpmn:flowNodeRef>", "<bpmn:flowNodeRef>Task_2</bpmn:flowNodeRef>"
    saved = client.post(f"{url}/bpmn", data={"csrf_token": token, "version": record.version,
                                             "xml": xml.replace(flow, decision).replace(in_lane, in_lane + task_2)},
                          follow_redirects=True)
    assert saved.status_code == 200
    assert "Probabilities assumed (equal shares) for the flows leaving Approved?" in saved.text
    assert saved.text.count("data-assumed") == 2 and 'data-testid="assumed-note"' in saved.text
    stored = _maps(db, project)["drawn"]
    pm = stored_map(stored)
    assert [(f.probability, f.assumed) for f in pm.outgoing("Gateway_1")] == [(0.5, True), (0.5, True)]
    # the table beside the diagram sets them: the marks go, the metrics weigh the branches
    form = {"csrf_token": token, "version": str(stored.version)}
    for index, node in enumerate(pm.nodes):
        if node.kind == "task":
            form |= {f"n{index}-id": node.id, f"n{index}-working_time": "2" if node.id == "Task_2" else "1",
                     f"n{index}-waiting_time": "0", f"n{index}-cost": "0"}
    for index, f in enumerate(pm.flows):
        if f.source == "Gateway_1":
            form |= {f"f{index}-id": f"{f.source}→{f.target}", f"f{index}-probability": "0.8" if f.target == "End_1"
                     else "0.2"}
    done = client.post(f"{url}/attributes", data=form, follow_redirects=True)
    assert done.status_code == 200 and "data-assumed" not in done.text and "assumed-note" not in done.text
    assert re.search(r'data-metric="cycle_time">.*?data-value>1\.40<', done.text, re.S)
    assert [(f.probability, f.assumed) for f in stored_map(_maps(db, project)["drawn"]).outgoing("Gateway_1")] == [
        (0.8, False), (0.2, False)]


def test_attribute_table_changes_metrics_and_the_stored_xml(client, login, project, db):
    login()
    record = project.process_maps[0]
    pm = stored_map(record)
    url = f"/projects/{project.id}/processes/{record.id}"
    page = client.get(url)
    token = csrf_token(page)
    version = record.version
    form = {"csrf_token": token, "version": str(version)}
    for index, node in enumerate(pm.nodes):
        if node.kind == "task":
            form |= {f"n{index}-id": node.id, f"n{index}-working_time": str(node.working_time),
                     f"n{index}-waiting_time": str(node.waiting_time), f"n{index}-cost": str(node.cost),
                     f"n{index}-channel": node.channel or ""}
            if node.value_adding:
                form[f"n{index}-value_adding"] = "y"
            if node.automated:
                form[f"n{index}-automated"] = "y"
    first = next(i for i, n in enumerate(pm.nodes) if n.kind == "task")
    bad = client.post(f"{url}/attributes", data=form | {f"n{first}-working_time": "soon"})
    assert bad.status_code == 422 and "must be a number" in bad.text
    negative = client.post(f"{url}/attributes", data=form | {f"n{first}-cost": "-5"})
    assert negative.status_code == 422 and "from 0" in negative.text
    assert _maps(db, project)[record.key].version == version
    ok = client.post(f"{url}/attributes", data=form | {f"n{first}-working_time": "7.5"})
    assert ok.status_code == 302
    stored = _maps(db, project)[record.key]
    assert import_bpmn(stored.bpmn).process.node(pm.nodes[first].id).working_time == 7.5
    assert stored_map(stored).node(pm.nodes[first].id).working_time == 7.5
    to_be = next(m for m in _maps(db, project).values() if m.kind is MapKind.TO_BE)
    assert to_be.savings_per_case is not None  # refreshed against the edited as-is map


def _attribute_form(page_text: str) -> dict[str, str]:
    """The attribute table's fields as the browser would post them (checked boxes only)."""
    form = page_text.split('data-testid="attributes"')[1].split("</form>")[0]
    fields = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name = re.search(r'name="([^"]+)"', tag)
        if not name:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        if 'type="checkbox"' in tag and " checked" not in tag:
            continue
        fields[name.group(1)] = value.group(1) if value else ""
    return fields


def test_event_attributes_shares_success_and_timer_waits_are_edited_in_the_table(client, login, project, db):
    from crm_impl.formats.bpmn import export_bpmn
    from crm_impl.operations.processes import create_map
    from crm_impl.processes import Flow, Lane, Node, ProcessMap

    channels = ProcessMap("channels", "Two channels", (Lane("desk", "Desk"),), (
        Node("phone", "start", "Phone", lane="desk", channel="phone", share=0.6),
        Node("web", "start", "Web form", lane="desk", channel="web", share=0.4),
        Node("m", "exclusive", lane="desk"),
        Node("timer", "intermediate", "Wait for the callback", lane="desk", waiting_time=2),
        Node("t", "task", "Book", lane="desk", working_time=1, cost=10),
        Node("done", "end", "Booked", lane="desk")),
        (Flow("phone", "m"), Flow("web", "m"), Flow("m", "timer"), Flow("timer", "t"), Flow("t", "done")))
    record = create_map(db, project, key="channels", data=export_bpmn(channels))
    db.commit()
    login()
    url = f"/projects/{project.id}/processes/{record.id}"
    page = client.get(url)
    assert 'data-testid="event-attributes"' in page.text
    form = _attribute_form(page.text)
    index = {n.id: i for i, n in enumerate(channels.nodes)}
    assert form[f"n{index['phone']}-share"] == "0.6" and form[f"n{index['timer']}-waiting_time"] == "2.0"
    assert f"n{index['done']}-success" not in form  # not a success yet
    form |= {"csrf_token": csrf_token(page), f"n{index['phone']}-share": "0.75", f"n{index['web']}-share": "0.25",
             f"n{index['done']}-success": "y", f"n{index['timer']}-waiting_time": "5"}
    version = record.version
    for cells, reason in [({f"n{index['web']}-share": "0.15"}, "sum to 0.9, not 1"),
                          ({f"n{index['web']}-share": "lots"}, "must be a number"),
                          ({f"n{index['web']}-share": "1.5"}, "from 0 to 1"),
                          ({f"n{index['web']}-share": ""}, "give every start event a share or none"),
                          ({f"n{index['timer']}-waiting_time": "-1"}, "from 0")]:
        refused = client.post(f"{url}/attributes", data=form | cells)
        assert refused.status_code == 422 and reason in refused.text, reason
    assert _maps(db, project)["channels"].version == version
    assert client.post(f"{url}/attributes", data=form).status_code == 302
    stored = _maps(db, project)["channels"]
    for pm in (stored_map(stored), import_bpmn(stored.bpmn).process):  # the model and the file agree
        assert (pm.node("phone").share, pm.node("web").share) == (0.75, 0.25)
        assert pm.node("done").success and pm.node("timer").waiting_time == 5
    page = client.get(url)
    assert re.search(r'data-metric="success_rate".*?data-value>100.0', page.text, re.S)
    assert re.search(r'data-metric="cycle_time".*?data-value>6.00<', page.text, re.S)
    # both shares emptied: equal shares again
    again = _attribute_form(page.text) | {"csrf_token": csrf_token(page), f"n{index['phone']}-share": "",
                                          f"n{index['web']}-share": ""}
    assert client.post(f"{url}/attributes", data=again).status_code == 302
    pm = stored_map(_maps(db, project)["channels"])
    assert pm.node("phone").share is None and pm.node("web").share is None


def test_copy_to_be_and_upload_and_download(client, login, project, db):
    login()
    index = client.get(f"/projects/{project.id}/processes/")
    token = csrf_token(index)
    made = client.post(f"/projects/{project.id}/processes/new", data={
        "csrf_token": token, "key": "hotel_as_is", "source": "template:hotel_booking_as_is", "kind": "as_is",
        "as_is": "", "cases_per_year": "8000"})
    assert made.status_code == 302
    hotel = _maps(db, project)["hotel_as_is"]
    copied = client.post(f"/projects/{project.id}/processes/{hotel.id}/copy", data={"csrf_token": token, "key": ""})
    assert copied.status_code == 302
    to_be = _maps(db, project)["hotel_to_be"]
    assert to_be.as_is_id == hotel.id and to_be.kind is MapKind.TO_BE and to_be.cases_per_year == 8000
    download = client.get(f"/projects/{project.id}/processes/{to_be.id}/bpmn?download=1")
    assert download.status_code == 200 and "hotel_to_be.bpmn" in download.headers["Content-Disposition"]
    # bad input: a duplicate key, a missing upload, an MS Project file
    dup = client.post(f"/projects/{project.id}/processes/new", data={
        "csrf_token": token, "key": "hotel_as_is", "source": "blank", "kind": "as_is"})
    assert dup.status_code == 422 and "exists already" in dup.text
    no_file = client.post(f"/projects/{project.id}/processes/new", data={
        "csrf_token": token, "key": "up", "source": "upload", "kind": "as_is"})
    assert no_file.status_code == 422


def test_hostile_uploads_are_refused_with_a_reason_through_a_real_server(live_client, project, db):
    http = live_client()
    record = project.process_maps[0]
    url = f"/projects/{project.id}/processes/{record.id}"
    token = csrf_token(http.get(url))
    before, version = record.bpmn, record.version
    cases = {
        "bomb.bpmn": (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
                      b"<bpmn:definitions>&lol2;</bpmn:definitions>", "unsafe XML"),
        "project.xml": (b'<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"/>',
                        "not a BPMN 2.0 file"),
        "broken.bpmn": (b"<bpmn:definitions", "not well-formed"),
        "deep.bpmn": (b'<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">'
                      + b"<a>" * 500 + b"</a>" * 500 + b"</bpmn:definitions>", "nests"),
        "map.txt": (TEMPLATE.read_bytes(), ".bpmn"),
    }
    for name, (content, reason) in cases.items():
        answer = http.post(f"{url}/upload", data={"csrf_token": token, "version": str(version)},
                           files={"file": (name, content, "application/xml")})
        assert answer.status_code == 422, name
        assert reason in answer.text, name
    db.expire_all()
    assert db.get(ProcessMapRecord, record.id).bpmn == before
    ok = http.post(f"{url}/upload", data={"csrf_token": token, "version": str(version)},
                   files={"file": ("hotel.bpmn", TEMPLATE.read_bytes(), "application/xml")})
    assert ok.status_code in (200, 302, 303)
    db.expire_all()
    assert stored_map(db.get(ProcessMapRecord, record.id)).key == "hotel_booking_as_is"


def test_an_upload_lists_what_is_not_modelled_but_kept_in_the_file(client, login, project, db):
    """bpmn.io's file carries a text annotation (and its association): the map is saved, and the
    page says which elements were not modelled but stay in the stored file."""
    from dataclasses import replace

    from crm_impl.formats.bpmn import update_bpmn

    fixture = ROOT / "tests" / "crm_impl" / "formats" / "data" / "bpmnio_complaint.bpmn"
    drawn = import_bpmn(fixture.read_bytes())
    assert [s.element for s in drawn.skipped] == ["textAnnotation", "association"]
    # a modeler gives a decision no probabilities: add them (as the attribute table would), nothing else
    pm = drawn.process
    shares = iter((0.3, 0.7))
    pm = replace(pm, flows=tuple(replace(f, probability=next(shares)) if f.source == "Gateway_0known1" else f
                                 for f in pm.flows))
    data = update_bpmn(fixture.read_bytes(), pm)
    login()
    record = project.process_maps[0]
    url = f"/projects/{project.id}/processes/{record.id}"
    token = csrf_token(client.get(url))
    answer = client.post(f"{url}/upload", data={"csrf_token": token, "version": str(record.version),
                                                "file": (io.BytesIO(data), "complaint.bpmn")},
                         content_type="multipart/form-data", follow_redirects=True)
    assert answer.status_code == 200
    warning = re.search(r'<div class="alert alert-warning[^>]*>(.*?)</div>', answer.text, re.S)
    assert warning, answer.text[:2000]
    text = re.sub(r"\s+", " ", warning.group(1))
    assert "Not modelled, kept in the file:" in text
    assert "textAnnotation Target: closed within two days" in text and "association Association_1c9vx0d" in text
    stored = _maps(db, project)[record.key]
    assert b"Target: closed within two days" in stored.bpmn  # kept in the file, as the warning says


def test_simulation_shows_both_maps_side_by_side(client, login, project):
    login()
    to_be = next(m for m in project.process_maps if m.kind is MapKind.TO_BE)
    url = f"/projects/{project.id}/processes/{to_be.id}/simulate"
    assert client.get(url).status_code == 200
    page = client.get(url, query_string={"arrival_rate": "3", "cases": "300", "variability": "0.2", "seed": "4",
                                         "day_start": "9", "day_hours": "8", "p0-0": "3", "p1-0": "2"})
    assert page.status_code == 200
    assert page.text.count('data-testid="p50"') == 2 and page.text.count('data-testid="p90"') == 2
    assert "data-utilisation" in page.text and "Plotly.newPlot" in page.text
    again = client.get(url, query_string={"arrival_rate": "3", "cases": "300", "variability": "0.2", "seed": "4",
                                          "day_start": "9", "day_hours": "8", "p0-0": "3", "p1-0": "2"})
    p50 = re.findall(r'data-testid="p50">([^<]+)<', page.text)
    assert p50 == re.findall(r'data-testid="p50">([^<]+)<', again.text)
    bad = client.get(url, query_string={"arrival_rate": "0", "cases": "300", "variability": "0.2", "seed": "4",
                                        "day_start": "9", "day_hours": "8"})
    assert bad.status_code == 422
    people = client.get(url, query_string={"arrival_rate": "1", "cases": "10", "variability": "0", "seed": "1",
                                           "day_start": "9", "day_hours": "8", "p0-0": "many"})
    assert people.status_code == 422 and "whole number" in people.text


def test_each_lane_may_keep_its_own_working_hours_in_the_simulation(client, login, project):
    from crm_impl.operations.processes import run_simulation
    from crm_impl.processes import LaneStaff, Scenario

    login()
    to_be = next(m for m in project.process_maps if m.kind is MapKind.TO_BE)
    pair = [to_be.as_is, to_be]
    url = f"/projects/{project.id}/processes/{to_be.id}/simulate"
    base = {"arrival_rate": "2", "cases": "200", "variability": "0", "seed": "3", "day_start": "8", "day_hours": "10"}
    people = {f"p{i}-{n}": "2" for i, m in enumerate(pair) for n in range(len(stored_map(m).lanes))}
    # the second lane of each map works a short afternoon; the others keep the day above
    own = {f"{field}{i}-1": value for i in range(2) for field, value in (("ds", "13"), ("dh", "3"))}
    page = client.get(url, query_string=base | people | own)
    assert page.status_code == 200, page.text[:500]
    assert 'name="ds0-1"' in page.text and 'name="dh1-2"' in page.text

    def p50s(text):
        return [float(v.replace(",", "")) for v in re.findall(r'data-testid="p50">([^<]+)<', text)]

    def expected(hours):
        runs = []
        for m in pair:
            lanes = stored_map(m).lanes
            staff = {lane.key: LaneStaff(2, *hours.get(n, (8, 10))) for n, lane in enumerate(lanes)}
            runs.append(round(run_simulation(m, Scenario(2, 200, staff, 0, False, 3)).p50, 2))
        return runs

    assert p50s(page.text) == expected({1: (13, 3)})
    same_day = client.get(url, query_string=base | people)
    assert p50s(same_day.text) == expected({}) != p50s(page.text)  # the short afternoon shows
    for cells, reason in [({"dh0-1": "30"}, "from 0.5 to 24"), ({"ds0-1": "soon"}, "from 0 to 23.99"),
                          ({"p0-1": ""}, "give its people to set its own working hours")]:
        refused = client.get(url, query_string=base | people | own | cells)
        assert refused.status_code == 422 and reason in refused.text, reason


def test_fishbone_pareto_and_selection_pages(client, login, project, db):
    login()
    page = client.get(f"/projects/{project.id}/processes/fishbones")
    assert page.status_code == 200 and 'data-testid="vital-few"' in page.text and "Plotly.newPlot" in page.text
    token = csrf_token(page)
    made = client.post(f"/projects/{project.id}/processes/fishbones/new",
                       data={"csrf_token": token, "key": "booking", "problem": "Lost bookings"})
    assert made.status_code == 302
    db.expire_all()
    fish = db.query(FishboneDiagram).filter_by(project_id=project.id, key="booking").one()
    for category, name, value in [("Methods", "Full hotel", "35"), ("People", "No callback", "25"),
                                  ("Methods", "No chain search", "18"), ("Systems", "Slow", "12"),
                                  ("People", "Other", "10")]:
        assert client.post(f"/projects/{project.id}/processes/fishbones/{fish.id}/causes", data={
            "csrf_token": token, "category": category, "name": name, "value": value}).status_code == 302
    bad = client.post(f"/projects/{project.id}/processes/fishbones/{fish.id}/causes", data={
        "csrf_token": token, "category": "X", "name": "Y", "value": "-1"})
    assert bad.status_code == 422
    cause = next(c for c in fish.causes if c.name == "Slow")
    edit = f"/projects/{project.id}/processes/fishbones/{fish.id}/causes/{cause.id}"
    refused = client.post(edit, data={"csrf_token": token, "version": cause.version, "category": "Systems",
                                      "name": "Slow", "value": "lots"})
    assert refused.status_code == 422
    stale = client.post(edit, data={"csrf_token": token, "version": cause.version - 1, "category": "Systems",
                                    "name": "Slow", "value": "11"})
    assert stale.status_code == 409
    assert client.post(edit, data={"csrf_token": token, "version": cause.version, "category": "Systems",
                                   "name": "Slow system", "value": "12"}).status_code == 302
    page = client.get(f"/projects/{project.id}/processes/fishbones")
    assert 'value="Slow system"' in page.text
    block = page.text.split('data-fishbone="booking"')[1]
    assert "3 causes explain 78%" in block.replace("\u00a0", "")

    selection = client.get(f"/projects/{project.id}/processes/candidates")
    assert selection.status_code == 200 and 'data-testid="quadrant"' in selection.text
    assert re.search(r'data-candidate="parts_supply".*?data-selected="no"', selection.text, re.S)
    weighted = client.get(f"/projects/{project.id}/processes/candidates",
                          query_string={"importance": "0", "gap": "0", "feasibility": "0", "method": "weighted"})
    assert weighted.status_code == 422 and "not all 0" in weighted.text
    added = client.post(f"/projects/{project.id}/processes/candidates/new", data={
        "csrf_token": token, "key": "quotes", "name": "Quotes", "importance": "5", "gap": "5", "feasibility": "5",
        "functions": "2", "departments": "1"})
    assert added.status_code == 302
    again = client.post(f"/projects/{project.id}/processes/candidates/new", data={
        "csrf_token": token, "key": "quotes", "name": "Quotes", "importance": "5", "gap": "5", "feasibility": "5"})
    assert again.status_code == 422 and "exists already" in again.text


def test_the_selection_weights_are_saved_with_the_project(client, login, project, db, make_user):
    from crm_impl.models import MemberRole, Membership, Project

    login()
    url = f"/projects/{project.id}/processes/candidates"

    def order(text):
        return re.findall(r'data-candidate="([^"]+)"', text)

    page = client.get(url)
    assert order(page.text)[0] == "lead_to_order" and 'data-testid="save-weights"' in page.text
    token = csrf_token(page)
    form = {"csrf_token": token, "version": "", "importance": "1", "gap": "5", "feasibility": "1", "method": "weighted"}
    for cells, reason in [({"gap": "lots"}, "Not a valid float value"), ({"gap": "101"}, "100"),
                          ({"importance": "0", "gap": "0", "feasibility": "0"}, "not all 0"),
                          ({"method": "sum"}, "Not a valid choice")]:
        refused = client.post(f"{url}/weights", data=form | cells)
        assert refused.status_code == 422 and reason in refused.text, reason
        assert order(refused.text)[0] == "lead_to_order"  # still ranked with what is stored
    db.expire_all()
    assert db.get(Project, project.id).process_selection is None
    assert client.post(f"{url}/weights", data=form).status_code == 302
    # every visit ranks with the saved weights now, and the form shows them
    page = client.get(url)
    assert order(page.text)[0] == "complaints"
    assert re.search(r'name="gap"[^>]*value="5(\.0)?"', page.text)
    version = re.search(r'name="version" value="(\d+)"', page.text).group(1)
    # a look at other weights in the address is not saved
    look = client.get(url, query_string={"gap": "1"})
    assert order(look.text)[0] == "lead_to_order" and 'data-testid="preview"' in look.text
    assert order(client.get(url).text)[0] == "complaints"
    # someone saved meanwhile: refused, nothing lost
    stale = client.post(f"{url}/weights", data=form | {"version": str(int(version) - 1), "method": "product"})
    assert stale.status_code == 409
    db.expire_all()
    assert db.get(Project, project.id).process_selection.method == "weighted"
    assert client.post(f"{url}/weights", data=form | {"version": version, "method": "product"}).status_code == 302
    db.expire_all()
    assert db.get(Project, project.id).process_selection.method == "product"
    # a viewer ranks for a look but cannot save
    viewer = make_user("viewer@example.com")
    db.add(Membership(project_id=project.id, user_id=viewer.id, role=MemberRole.VIEWER))
    db.commit()
    client.post("/auth/logout", data={"csrf_token": token})
    login("viewer@example.com")
    seen = client.get(url)
    assert 'data-testid="save-weights"' not in seen.text and order(seen.text)[0] == "complaints"
    assert client.post(f"{url}/weights", data=form | {"csrf_token": csrf_token(seen)}).status_code == 403


def test_viewers_read_but_cannot_change(client, login, project, make_user, db):
    from crm_impl.models import MemberRole, Membership

    viewer = make_user("viewer@example.com")
    db.add(Membership(project_id=project.id, user_id=viewer.id, role=MemberRole.VIEWER))
    db.commit()
    login("viewer@example.com")
    record = project.process_maps[0]
    page = client.get(f"/projects/{project.id}/processes/{record.id}")
    assert page.status_code == 200 and 'data-testid="save-diagram"' not in page.text
    token = csrf_token(page)
    answer = client.post(f"/projects/{project.id}/processes/{record.id}/bpmn",
                         data={"csrf_token": token, "version": record.version, "xml": record.bpmn.decode()})
    assert answer.status_code == 403


def test_a_big_simulation_runs_on_a_worker_and_the_page_then_shows_it(queued_app, user, load_sample):
    from tests.conftest import SAMPLES, start_worker

    queued_app.config["INLINE_SIMULATION_LIMIT"] = 1_000  # cases × nodes: this scenario is "big"
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    to_be = next(m for m in project.process_maps if m.key == "retail_repair_to_be")
    client = queued_app.test_client()
    client.post("/auth/login", data={"email": "pm@example.com", "password": "correct horse"})
    url = f"/projects/{project.id}/processes/{to_be.id}/simulate"
    query = {"arrival_rate": "2", "cases": "200", "variability": "0.3", "seed": "7", "day_start": "9",
             "day_hours": "8", "p0-1": "2", "p1-1": "2"}
    page = client.get(url, query_string=query)
    assert page.status_code == 202 and "js/jobs.js" in page.text
    job_url = re.search(r'data-job-url="([^"]+)"', page.text).group(1)
    assert client.get(job_url).json["state"] == "queued"
    worker = start_worker(queued_app)
    errors = worker.communicate(timeout=120)[1]
    assert worker.returncode == 0, errors
    assert client.get(job_url).json == {"state": "finished", "progress": 1.0}
    done = client.get(url, query_string=query)
    assert done.status_code == 200 and "data-job-url" not in done.text
    assert done.text.count('data-testid="p90"') == 2


def test_a_big_map_saved_from_the_modeler_travels_as_a_file_part(live_client, project, db):
    """A map of hundreds of tasks is more than a form field may hold (500 kB): the modeler's Save
    posts it as a file part, through a real server."""
    from crm_impl.formats.bpmn import export_bpmn
    from crm_impl.processes import Flow, Lane, Node, ProcessMap

    count = 700
    tasks = [Node(f"T{i}", "task", f"Step {i} of the long process", lane="desk", working_time=0.1, cost=1)
             for i in range(count)]
    ids = ["S", *(t.id for t in tasks), "E"]
    big = ProcessMap("big", "Big", (Lane("desk", "Desk"),),
                     (Node("S", "start", lane="desk"), *tasks, Node("E", "end", lane="desk", success=True)),
                     tuple(Flow(a, b) for a, b in zip(ids, ids[1:])))
    xml = export_bpmn(big)
    assert len(xml) > 500_000
    http = live_client()
    record = project.process_maps[0]
    url = f"/projects/{project.id}/processes/{record.id}"
    token = csrf_token(http.get(url))
    answer = http.post(f"{url}/bpmn", data={"csrf_token": token, "version": str(record.version)},
                       files={"file": ("map.bpmn", xml, "application/xml")})
    assert answer.status_code in (200, 302, 303), answer.text[:300]
    db.expire_all()
    stored = db.get(ProcessMapRecord, record.id)
    assert len(stored_map(stored).tasks()) == count
    assert http.get(url).status_code == 200
