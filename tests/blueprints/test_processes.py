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
    saved = client.post(f"{url}/bpmn", data={"csrf_token": token, "version": record.version,
                                             "xml": xml.replace(flow, decision)}, follow_redirects=True)
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
