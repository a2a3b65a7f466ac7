"""Phase tracking pages: sign-off, gate checklist and decision, phase completion, documents."""

from io import BytesIO

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from crm_impl.models import DeliverableStatus, GateDecision
from crm_impl.operations.phases import MAX_FILE_BYTES
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


@pytest.fixture
def project(db, make_user, load_sample, login):
    owner = make_user(display_name="Wang Wei")
    project = load_sample(owner, RETAIL)
    login()
    return project


def _url(project, path=""):
    return f"/projects/{project.id}/phases{path}"


def _phase(project, key):
    return next(p for p in project.phases if p.key == key)


def _gate(project, gate_id):
    return next(g for g in project.gates if g.gate_id == gate_id)


def _deliverable(project, key):
    return next(d for d in project.deliverables if d.key == key)


def test_index_lists_phases_with_plan_deliverables_and_gates(client, project):
    page = client.get(_url(project, "/"))
    assert page.status_code == 200
    assert "P1 · Project preparation" in page.text and "P9 · " in page.text
    assert "Current-state and strategy statement" in page.text and "Not decided" in page.text
    assert "No quality gate closes this phase." in page.text  # P4
    assert "Planned: " in page.text
    detail = client.get(_url(project, f"/{_phase(project, 'P1').id}"))
    assert detail.status_code == 200 and "Mark phase complete" in detail.text and "Sign off" in detail.text


def test_index_shows_chinese_names_in_chinese(client, project):
    client.post("/language/zh_Hans", data={"next": "/"})
    page = client.get(_url(project, "/"))
    assert "项目准备" in page.text and "现状评估与战略目标说明" in page.text


def test_walk_a_gate_sign_deliverables_check_criteria_pass(client, db, project):
    g1 = _gate(project, "G1")
    gate_url = _url(project, f"/gates/{g1.id}")
    page = client.get(gate_url)
    assert page.status_code == 200 and "P1.D1 Current-state and strategy statement" in page.text
    assert 'id="unsigned-deliverables"' in page.text

    refused = client.post(f"{gate_url}/decision", data={"version": g1.version, "decision": "pass"})
    assert refused.status_code == 422
    assert "cannot pass while mandatory deliverables are not signed off: P1.D1" in refused.text

    for d in [d for d in project.deliverables if d.phase.key == "P1" and d.mandatory]:
        signed = client.post(_url(project, f"/deliverables/{d.id}/sign-off"), data={"version": d.version})
        assert signed.status_code == 302, signed.text
    db.expire_all()
    d1 = _deliverable(project, "P1.D1")
    assert d1.status == DeliverableStatus.SIGNED_OFF and d1.signed_off_by == "Wang Wei" and d1.signed_off_at
    again = client.post(_url(project, f"/deliverables/{d1.id}/sign-off"), data={"version": d1.version})
    assert again.status_code == 422 and "already signed off by Wang Wei" in again.text

    criteria = [f"G1.{n}" for n in range(1, 6)]
    checked = client.post(f"{gate_url}/checks", data={"version": g1.version, "checks": criteria})
    assert checked.status_code == 302
    db.expire_all()
    assert g1.checks == dict.fromkeys(criteria, True)

    passed = client.post(f"{gate_url}/decision", data={"version": g1.version, "decision": "pass"})
    assert passed.status_code == 302
    db.expire_all()
    assert (g1.decision, g1.decided_by) == (GateDecision.PASS, "Wang Wei")
    assert next(t for t in project.tasks if t.key == "R_G1").progress == 100
    page = client.get(gate_url)
    assert "Decision recorded by Wang Wei" in page.text and "Record decision" not in page.text

    p1 = _phase(project, "P1")
    asked = client.post(_url(project, f"/{p1.id}/complete"), data={"version": p1.version, "actual_finish": "2025-04-25"})
    assert asked.status_code == 422 and "phase P1 still has unfinished tasks: R01" in asked.text
    assert 'data-testid="open-tasks"' in asked.text
    done = client.post(_url(project, f"/{p1.id}/complete"),
                       data={"version": p1.version, "actual_finish": "2025-04-25", "finish_open_tasks": "y"})
    assert done.status_code == 302
    db.expire_all()
    assert p1.complete


def test_pass_with_conditions_needs_conditions(client, db, project):
    g2 = _gate(project, "G2")
    for d in [d for d in project.deliverables if d.phase.key == "P2" and d.mandatory]:
        client.post(_url(project, f"/deliverables/{d.id}/sign-off"), data={"version": d.version})
    db.expire_all()
    data = {"version": g2.version, "decision": "pass_with_conditions", "conditions": ""}
    refused = client.post(_url(project, f"/gates/{g2.id}/decision"), data=data)
    assert refused.status_code == 422 and "a pass with conditions needs the conditions written down" in refused.text
    data["conditions"] = "Training plan approved by 15 June"
    assert client.post(_url(project, f"/gates/{g2.id}/decision"), data=data).status_code == 302


def test_a_phase_cannot_be_completed_before_its_gate(client, db, project):
    p2, p4 = _phase(project, "P2"), _phase(project, "P4")
    refused = client.post(_url(project, f"/{p2.id}/complete"), data={"version": p2.version, "actual_finish": "2025-05-30"})
    assert refused.status_code == 422
    assert "phase P2 cannot be completed before its gate G2 has passed (it has no decision yet)" in refused.text
    db.expire_all()
    assert not p2.complete
    done = client.post(_url(project, f"/{p4.id}/complete"),
                       data={"version": p4.version, "actual_finish": "2025-08-01", "finish_open_tasks": "y"})
    assert done.status_code == 302
    db.expire_all()
    assert p4.complete
    dates = client.post(_url(project, f"/{p4.id}/dates"),
                        data={"version": p4.version, "actual_start": "2025-08-02", "actual_finish": "2025-08-01"})
    assert dates.status_code == 422 and "the finish cannot be before the start" in dates.text


def test_file_upload_download_round_trip(client, db, project):
    d = _deliverable(project, "P1.D3")
    content = b"%PDF-1.7 scope\n" + bytes(range(256))
    uploaded = client.post(
        _url(project, f"/deliverables/{d.id}/file"),
        data={"version": d.version, "file": (BytesIO(content), "scope v1.pdf")},
        content_type="multipart/form-data",
    )
    assert uploaded.status_code == 302, uploaded.text
    download = client.get(_url(project, f"/deliverables/{d.id}/file"))
    assert download.status_code == 200 and download.data == content
    assert download.mimetype == "application/pdf" and "scope v1.pdf" in download.headers["Content-Disposition"]
    assert "scope v1.pdf" in client.get(_url(project, f"/{d.phase_id}")).text

    db.expire_all()
    # Encoded in memory: the test client would spool a body this large to a file it never closes.
    boundary, body = encode_multipart(
        {"version": str(d.version), "file": FileStorage(BytesIO(b"x" * (MAX_FILE_BYTES + 1)), "huge.bin")}
    )
    too_big = client.post(_url(project, f"/deliverables/{d.id}/file"), data=body,
                          content_type=f"multipart/form-data; boundary={boundary}")
    assert too_big.status_code == 422 and "at most 10 MB" in too_big.text
    other = _deliverable(project, "P1.D1")
    assert client.get(_url(project, f"/deliverables/{other.id}/file")).status_code == 404


def test_edit_deliverable_and_stale_edits(client, db, project):
    d = _deliverable(project, "P1.D1")
    edit_url = _url(project, f"/deliverables/{d.id}/edit")
    assert client.get(edit_url).status_code == 200
    old = d.version
    data = {"version": old, "due_date": "2025-04-10", "status": "submitted",
            "link": "https://dms.example.com/p1-d1", "owner_role": "E_SIG"}
    assert client.post(edit_url, data=data).status_code == 302
    db.expire_all()
    assert (d.status, d.owner_role, str(d.due_date)) == (DeliverableStatus.SUBMITTED, "E_SIG", "2025-04-10")
    assert 'href="https://dms.example.com/p1-d1"' in client.get(_url(project, "/")).text

    stale = client.post(edit_url, data={**data, "status": "open"})
    assert stale.status_code == 409 and "Someone else changed this record" in stale.text
    stale_sign = client.post(_url(project, f"/deliverables/{d.id}/sign-off"), data={"version": old})
    assert stale_sign.status_code == 409
    unsafe = client.post(edit_url, data={**data, "version": d.version, "link": "javascript:alert(1)"})
    assert unsafe.status_code == 422 and "must be a web address or a file path" in unsafe.text

    g3 = _gate(project, "G3")
    stale_gate = client.post(_url(project, f"/gates/{g3.id}/checks"), data={"version": g3.version - 1, "checks": ["G3.1"]})
    assert stale_gate.status_code == 409
    db.expire_all()
    assert d.status == DeliverableStatus.SUBMITTED and g3.checks == {}


def test_gate_page_shows_measured_kpis_against_thresholds(client, db, project):
    targets = {t.kpi: t for t in project.kpi_targets}
    targets["training_coverage"].actual = 1.0
    targets["data_migration_accuracy"].actual = 0.997
    db.commit()
    page = client.get(_url(project, f"/gates/{_gate(project, 'G5').id}"))
    assert page.status_code == 200
    row = page.text.split('id="criterion-G5.3"')[1].split("</tr>")[0]
    assert "99.7%" in row and "≥ 99.8%" in row and "not met" in row
    assert "not measured" in page.text.split('id="criterion-G5.2"')[1].split("</tr>")[0]
    assert "met" in page.text.split('id="criterion-G5.1"')[1].split("</tr>")[0]
