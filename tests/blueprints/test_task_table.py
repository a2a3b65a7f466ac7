"""The task table through a real server: Excel and CSV out, read back in, refused whole."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from crm_impl.models import MemberRole
from crm_impl.operations.members import add_member

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_excel_out_edited_and_read_back_under_a_chinese_file_name(live_client, user, load_sample, db):
    project = load_sample(user)
    client = live_client()
    base = f"/projects/{project.id}"
    download = client.get(f"{base}/schedule/tasks.xlsx")
    assert download.status_code == 200 and download.headers["content-type"] == XLSX
    assert "attachment" in download.headers["content-disposition"]
    book = load_workbook(io.BytesIO(download.content))
    sheet = book.active
    header = [c.value for c in sheet[1]]
    first = sheet.cell(2, header.index("duration") + 1)
    first.value += 5
    out = io.BytesIO()
    book.save(out)
    task = project.tasks[0]
    before = task.duration
    response = client.post(f"{base}/plan/import-table", files={"file": ("任务表（修订）.xlsx", out.getvalue(), XLSX)})
    assert response.status_code == 302, response.text
    page = client.get(f"{base}/plan/")
    assert "1 updated" in page.text
    db.expire_all()
    assert task.duration == before + 5


def test_a_bad_table_answers_422_with_every_problem_and_saves_nothing(live_client, user, load_sample, db):
    project = load_sample(user)
    client = live_client()
    base = f"/projects/{project.id}"
    csv = client.get(f"{base}/schedule/tasks.csv")
    assert csv.status_code == 200 and csv.content.startswith(b"\xef\xbb\xbfid,phase,name")
    edited = csv.text.replace(",P1,", ",P99,", 1)
    response = client.post(f"{base}/plan/import-table", files={"file": ("tasks.csv", edited.encode("utf-8"), "text/csv")})
    assert response.status_code == 422 and "Nothing was saved" in response.text
    assert "row 2 · phase" in response.text and "unknown phase" in response.text
    wrong_kind = client.post(f"{base}/plan/import-table", files={"file": ("plan.docx", b"PK", "application/zip")})
    assert wrong_kind.status_code == 422 and "Choose a .csv or .xlsx task table." in wrong_kind.text
    hostile = client.post(f"{base}/plan/import-table", files={"file": ("t.xlsx", b"PK\x03\x04 not a zip", XLSX)})
    assert hostile.status_code == 422 and "not an Excel workbook" in hostile.text
    db.expire_all()
    assert {p.key for p in project.phases} >= {t.phase.key for t in project.tasks}


def test_a_viewer_downloads_the_table_but_cannot_read_one_in(live_client, make_user, load_sample, db):
    owner = make_user("owner@example.com")
    project = load_sample(owner)
    make_user("viewer@example.com")
    add_member(db, project, "viewer@example.com", MemberRole.VIEWER)
    db.commit()
    client = live_client("viewer@example.com")
    base = f"/projects/{project.id}"
    assert client.get(f"{base}/schedule/tasks.xlsx").status_code == 200
    refused = client.post(f"{base}/plan/import-table", files={"file": ("t.csv", b"id,name\nR01,x\n", "text/csv")})
    assert refused.status_code == 403


def test_progress_as_planned_from_the_plan_page(live_client, user, load_sample, db):
    project = load_sample(user)
    client = live_client()
    base = f"/projects/{project.id}"
    assert 'data-testid="progress-as-planned"' in client.get(f"{base}/plan/").text
    done = client.post(f"{base}/plan/progress-as-planned", data={"status_date": "2025-05-12"})
    assert done.status_code == 302
    page = client.get(f"{base}/plan/")
    assert "the status date is now" in page.text
    db.expire_all()
    assert str(project.status_date) == "2025-05-12" and project.tasks[0].progress == 100
    bad = client.post(f"{base}/plan/progress-as-planned", data={"status_date": "not a date"})
    assert bad.status_code == 422 and "is-invalid" in bad.text
    ancient = client.post(f"{base}/plan/progress-as-planned", data={"status_date": "0001-01-01"})
    assert ancient.status_code == 422
    db.expire_all()
    assert str(project.status_date) == "2025-05-12"
