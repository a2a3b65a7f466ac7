"""Project pages: create from a template, edit with optimistic locking, archive, delete,
export and import through the browser forms."""

import io
import re
import json
from datetime import date

import pytest

from crm_impl.models import Project, ProjectStatus
from crm_impl.projectfile import export_project
from sqlalchemy import func, select

from tests.conftest import SAMPLES, without_import_events


def _new_project(client, **overrides):
    data = {"title": "CRM for Acme", "client_company": "Acme Ltd", "industry": "Retail",
            "start_date": "2026-01-05", "currency": "cny", "template_id": "nine_phase",
            "working_weekdays": ["0", "1", "2", "3", "4"], "holidays": "2026-01-01 New Year\n2026-02-17 Spring Festival",
            "objectives": "More repeat buyers\nFaster service"}
    data.update(overrides)
    return client.post("/projects/new", data=data)


def test_create_from_template_gives_the_nine_phases_and_their_plan(client, login, user, db):
    login()
    response = _new_project(client)
    assert response.status_code == 302
    project = db.scalars(select(Project)).one()
    assert [p.key for p in project.phases] == [f"P{i}" for i in range(1, 10)]
    assert len(project.tasks) >= 25 and len(project.dependencies) >= 25
    assert project.currency == "CNY" and project.objectives == ["More repeat buyers", "Faster service"]
    assert [h.day for h in project.holidays] == [date(2026, 1, 1), date(2026, 2, 17)]
    overview = client.get(response.headers["Location"])
    assert overview.status_code == 200
    assert "Project kickoff" in overview.text and "Next milestones" in overview.text


def test_create_with_errors_shows_them_beside_the_fields(client, login, user, db):
    login()
    response = _new_project(client, title="", holidays="2026-13-01 Bad", working_weekdays=[])
    assert response.status_code == 422
    assert "This field is required." in response.text
    assert "is not a date" in response.text
    assert "Choose at least one working day." in response.text
    assert db.scalar(select(func.count()).select_from(Project)) == 0


def test_stale_settings_edit_is_refused_and_newer_data_kept(client, login, user, load_sample, db):
    project = load_sample(user)
    login()
    form = {"title": project.title, "client_company": project.client_company, "start_date": "2025-03-03",
            "currency": "CNY", "working_weekdays": ["0", "1", "2", "3", "4"], "version": str(project.version)}
    first = client.post(f"/projects/{project.id}/edit", data={**form, "title": "First edit"})
    assert first.status_code == 302
    second = client.post(f"/projects/{project.id}/edit", data={**form, "title": "Second edit"})
    assert second.status_code == 409
    assert "Someone else changed this record" in second.text
    # The loser keeps what they typed and sees what was saved meanwhile beside it.
    assert 'value="Second edit"' in second.text
    assert re.search(r'data-testid="saved-meanwhile">[^<]*First edit', second.text)
    db.expire_all()
    assert db.get(Project, project.id).title == "First edit"
    # Saving again applies their version on purpose (the form now carries the current version).
    version = re.search(r'name="version" type="hidden" value="(\d+)"', second.text)[1]
    third = client.post(f"/projects/{project.id}/edit", data={**form, "title": "Second edit", "version": version})
    assert third.status_code == 302
    db.expire_all()
    assert db.get(Project, project.id).title == "Second edit"


def test_stale_task_edit_is_refused(client, login, user, load_sample, db):
    project = load_sample(user)
    task = project.tasks[1]
    login()
    form = {"key": task.key, "phase_key": task.phase.key, "name": task.name, "duration": task.duration,
            "predecessors": "", "progress": 0, "version": str(task.version)}
    assert client.post(f"/projects/{project.id}/plan/tasks/{task.id}", data={**form, "progress": 50}).status_code == 302
    response = client.post(f"/projects/{project.id}/plan/tasks/{task.id}", data={**form, "progress": 10})
    assert response.status_code == 409
    db.expire_all()
    assert db.get(type(task), task.id).progress == 50


def test_task_edit_with_a_cycle_names_it_and_saves_nothing(client, login, user, load_sample, db):
    project = load_sample(user)
    first, second = project.tasks[0], project.tasks[1]  # second depends on first in the sample
    login()
    form = {"key": first.key, "phase_key": first.phase.key, "name": "Renamed", "duration": first.duration,
            "predecessors": second.key, "progress": 0, "version": str(first.version)}
    response = client.post(f"/projects/{project.id}/plan/tasks/{first.id}", data=form)
    assert response.status_code == 422
    assert "dependency cycle" in response.text and f"{first.key} → {second.key}" in response.text
    db.expire_all()
    assert db.get(type(first), first.id).name != "Renamed"
    response = client.post(f"/projects/{project.id}/plan/tasks/{first.id}", data={**form, "predecessors": "NOPE"})
    assert response.status_code == 422 and "unknown task" in response.text


def test_archive_restore_and_delete_with_confirmation(client, login, user, load_sample, db):
    project = load_sample(user)
    pid, title = project.id, project.title
    login()
    client.post(f"/projects/{pid}/archive", data={"archived": "1"})
    db.expire_all()
    assert db.get(Project, pid).status is ProjectStatus.ARCHIVED
    assert title not in client.get("/projects/").text
    assert title in client.get("/projects/?archived=1").text
    client.post(f"/projects/{pid}/archive", data={"archived": "0"})
    db.expire_all()
    assert db.get(Project, pid).status is ProjectStatus.ACTIVE

    refused = client.post(f"/projects/{pid}/delete", data={"confirmation": "wrong"})
    assert refused.status_code == 422 and db.get(Project, pid) is not None
    done = client.post(f"/projects/{pid}/delete", data={"confirmation": title})
    assert done.status_code == 302
    db.expire_all()
    assert db.get(Project, pid) is None


def test_export_download_is_the_project_file(client, login, user, load_sample, db):
    project = load_sample(user)
    login()
    response = client.get(f"/projects/{project.id}/export.json")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert json.loads(response.data) == export_project(project)
    assert without_import_events(export_project(project)) == json.loads(SAMPLES[0].read_text("utf-8"))


def test_upload_imports_and_bad_upload_lists_problems_and_saves_nothing(client, login, user, db):
    login()
    bad = json.loads(SAMPLES[1].read_text("utf-8"))
    bad["tasks"][0]["duration"] = -1
    bad["dependencies"][0]["pred"] = "GHOST"
    response = client.post("/projects/import", data={"file": (io.BytesIO(json.dumps(bad).encode()), "bad.json")},
                           content_type="multipart/form-data")
    assert response.status_code == 422
    assert "tasks[0].duration" in response.text and "Nothing was saved" in response.text
    assert db.scalar(select(func.count()).select_from(Project)) == 0

    good = SAMPLES[1].read_bytes()
    response = client.post("/projects/import", data={"file": (io.BytesIO(good), "good.json")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    assert db.scalar(select(func.count()).select_from(Project)) == 1


def test_a_bpmn_map_uploaded_as_a_project_is_refused_with_where_it_goes(client, login, user, db):
    from pathlib import Path

    login()
    bpmn = (Path(__file__).resolve().parents[2] / "sample_projects" / "processes" / "hotel_booking_as_is.bpmn").read_bytes()
    for name in ("hotel.xml", "hotel.bpmn"):
        response = client.post("/projects/import", data={"file": (io.BytesIO(bpmn), name)},
                               content_type="multipart/form-data")
        assert response.status_code == 422, name
        assert "this is a BPMN 2.0 process map, not an MS Project plan" in response.text and "Processes" in response.text
        assert "root element" not in response.text and "Nothing was saved" in response.text
    assert db.scalar(select(func.count()).select_from(Project)) == 0


def test_owner_manages_members(client, login, make_user, load_sample, db):
    owner = make_user("owner@example.com")
    make_user("colleague@example.com")
    project = load_sample(owner)
    login("owner@example.com")
    response = client.post(f"/projects/{project.id}/members/", data={"email": "colleague@example.com", "role": "steering"})
    assert response.status_code == 302
    response = client.post(f"/projects/{project.id}/members/", data={"email": "ghost@example.com", "role": "viewer"})
    assert response.status_code == 422 and "no account" in response.text
    db.expire_all()
    roles = {m.user.email: m.role.value for m in db.get(Project, project.id).memberships}
    assert roles == {"owner@example.com": "owner", "colleague@example.com": "steering"}


def test_error_pages_are_styled_and_never_leak_a_trace(app, user):
    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    client = app.test_client()
    client.post("/auth/login", data={"email": user.email, "password": "correct horse"})
    response = client.get("/projects/99999/")
    assert response.status_code == 404 and "bootstrap.min.css" in response.text

    app.testing = False  # let the 500 handler answer instead of re-raising
    response = client.get("/boom")
    assert response.status_code == 500
    assert "secret internals" not in response.text and "Traceback" not in response.text
    assert "bootstrap.min.css" in response.text


def test_plotly_and_bootstrap_are_served_by_the_app(client):
    import gzip

    from blueprints.assets import plotly_version

    with client.get("/assets/plotly.min.js") as plotly:
        assert plotly.status_code == 200 and b"plotly.js" in plotly.data[:300]
    # Under its version it is kept for a year, and sent compressed to a browser that accepts it.
    url = f"/assets/plotly-{plotly_version()}.min.js"
    with client.get(url, headers={"Accept-Encoding": "gzip, br"}) as packed:
        assert packed.headers["Content-Encoding"] == "gzip" and "immutable" in packed.headers["Cache-Control"]
        assert gzip.decompress(packed.data) == client.get(url).data and len(packed.data) < len(client.get(url).data) / 2
    with client.get("/static/vendor/bootstrap/bootstrap.min.css") as css:
        assert css.status_code == 200 and b"Bootstrap" in css.data[:200]


def test_inline_edit_of_a_row_recomputes_the_schedule(client, login, user, load_sample, db):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    poc = next(t for t in project.tasks if t.key == "R05")
    login()
    before = client.get(f"/projects/{project.id}/plan/")
    assert "177 working days" in before.text
    response = client.post(f"/projects/{project.id}/plan/tasks/{poc.id}/quick",
                           data={"duration": 20, "predecessors": "R04", "version": poc.version})
    assert response.status_code == 302
    assert "182 working days" in client.get(f"/projects/{project.id}/plan/").text  # +5 on the critical path

    stale = client.post(f"/projects/{project.id}/plan/tasks/{poc.id}/quick",
                        data={"duration": 1, "predecessors": "R04", "version": poc.version})
    assert stale.status_code == 409 and "Someone else changed this record" in stale.text
    db.expire_all()
    fresh = db.get(type(poc), poc.id)
    bad = client.post(f"/projects/{project.id}/plan/tasks/{poc.id}/quick",
                      data={"duration": 20, "predecessors": "R04, R_G7", "version": fresh.version})
    assert bad.status_code == 422 and "dependency cycle" in bad.text
    db.expire_all()
    assert db.get(type(poc), poc.id).duration == 20


def test_audit_trail_page_names_who_changed_what(client, login, user, load_sample, db):
    project = load_sample(user)
    task = project.tasks[1]
    login()
    client.post(f"/projects/{project.id}/plan/tasks/{task.id}/quick",
                data={"duration": task.duration + 1, "predecessors": "", "version": task.version})
    page = client.get(f"/projects/{project.id}/audit")
    assert page.status_code == 200
    assert "pm@example.com" in page.text and task.key in page.text
    assert f"{task.duration} → <strong>{task.duration + 1}</strong>" in page.text


def test_project_list_searches_and_pages(client, login, user, db):
    from crm_impl.operations.projects import PAGE_SIZE, ProjectDraft, create_project

    for number in range(PAGE_SIZE + 3):
        create_project(db, user, ProjectDraft(f"Rollout {number:02d}", "Client", date(2026, 1, 5),
                                              template_id="seven_step"))
    create_project(db, user, ProjectDraft("零售 CRM", "华东零售", date(2026, 1, 5), template_id="seven_step"))
    db.commit()
    login()
    first = client.get("/projects/")
    assert first.status_code == 200
    assert re.search(r'data-testid="project-count">\s*%d projects' % (PAGE_SIZE + 4), first.text)
    assert first.text.count('class="card h-100') == PAGE_SIZE and 'aria-current="page">1<' in first.text
    second = client.get("/projects/?page=2")
    assert second.text.count('class="card h-100') == 4 and "Rollout 00" in second.text
    assert client.get("/projects/?page=abc").status_code == 200  # not a number: the first page
    found = client.get("/projects/?q=华东")
    assert found.text.count('class="card h-100') == 1 and "零售 CRM" in found.text
    assert re.search(r'data-testid="project-count">\s*1 project<', found.text)
    nothing = client.get("/projects/?q=nowhere")
    assert "No project matches" in nothing.text and "nowhere" in nothing.text


def test_pages_go_out_compressed(client, login, user, load_sample):
    import brotli

    project = load_sample(user)
    login()
    page = client.get(f"/projects/{project.id}/plan/", headers={"Accept-Encoding": "br"})
    assert page.headers["Content-Encoding"] == "br" and "Accept-Encoding" in page.headers["Vary"]
    assert b"</html>" in brotli.decompress(page.data)
    plain = client.get(f"/projects/{project.id}/plan/")
    assert "Content-Encoding" not in plain.headers and len(page.data) < len(plain.data) / 3


@pytest.mark.parametrize("path", ["vendor/bootstrap/bootstrap.min.css", "vendor/bootstrap/bootstrap.bundle.min.js",
                                  "vendor/plotly/plotly-locale-zh-cn.js", "js/app.js"])
def test_static_files_go_out_compressed(client, path):
    import gzip

    import brotli

    with client.get(f"/static/{path}") as plain:
        assert plain.status_code == 200 and "Content-Encoding" not in plain.headers
        raw = plain.data
    # A browser that takes brotli gets brotli; a client that takes gzip only gets gzip.
    for accepted, encoding, unpack in (("gzip, deflate, br", "br", brotli.decompress), ("gzip", "gzip", gzip.decompress)):
        with client.get(f"/static/{path}", headers={"Accept-Encoding": accepted}) as packed:
            assert packed.headers["Content-Encoding"] == encoding, (path, accepted)
            assert "Accept-Encoding" in packed.headers["Vary"]
            assert unpack(packed.data) == raw and len(packed.data) < len(raw) * 0.6


def test_the_portfolio_page_shows_each_projects_status_sorted_and_filtered(client, login, user, make_user, load_sample, db):
    from crm_impl.operations.status import project_dashboard

    projects = [load_sample(user, path) for path in SAMPLES]
    projects[0].status_date = projects[0].start_date
    load_sample(make_user("other@example.com"))
    db.commit()
    login()
    page = client.get("/projects/portfolio")
    assert page.status_code == 200 and page.text.count("<tr data-project=") == 3
    dashboard = project_dashboard(db.get(Project, projects[0].id), date.today())
    row = page.text.split(f'<tr data-project="{projects[0].id}">')[1].split("</tr>")[0]
    assert f'data-rag="{dashboard.status.overall}"' in row.split('data-testid="overall"')[1][:120]
    assert f"{dashboard.facts.schedule_slip_days} working days" in row
    slips = [int(m) for m in re.findall(r'data-testid="slip">(-?\d+) working days', client.get("/projects/portfolio?sort=slip").text)]
    assert slips == sorted(slips, reverse=True)
    green = client.get("/projects/portfolio?rag=green").text
    assert all(f'data-project="{p.id}"' not in green for p in projects if
               project_dashboard(db.get(Project, p.id), date.today()).status.overall != "green")
    assert client.get("/projects/portfolio?sort=%00&rag=%ff").status_code == 200


def test_make_up_working_days_in_the_settings_move_the_plan(client, login, user, db):
    login()
    response = _new_project(client, start_date="2025-09-22", holidays="\n".join(
        f"2025-10-0{d} 国庆节" for d in range(1, 9)), template_id="seven_step")
    project = db.scalars(select(Project)).one()
    plain_finish = client.get(f"/projects/{project.id}/plan/").text
    form = {"title": project.title, "client_company": project.client_company, "start_date": "2025-09-22",
            "currency": "CNY", "working_weekdays": ["0", "1", "2", "3", "4"], "version": str(project.version),
            "holidays": "\n".join(f"2025-10-0{d} 国庆节" for d in range(1, 9)),
            "working_days": "2025-09-28 国庆调休\n2025-10-11 国庆调休"}
    assert client.post(f"/projects/{project.id}/edit", data=form).status_code == 302, response.text
    db.expire_all()
    project = db.get(Project, project.id)
    assert [(w.day, w.name) for w in project.working_days] == [(date(2025, 9, 28), "国庆调休"), (date(2025, 10, 11), "国庆调休")]
    assert client.get(f"/projects/{project.id}/plan/").text != plain_finish  # two more working days: earlier dates
    assert "2025-10-11 国庆调休" in client.get(f"/projects/{project.id}/edit").text
    both = client.post(f"/projects/{project.id}/edit", data={**form, "version": str(project.version),
                                                             "working_days": "2025-10-01 oops"})
    assert both.status_code == 422 and "is both a holiday and a working day" in both.text
    exported = json.loads(client.get(f"/projects/{project.id}/export.json").data)
    assert exported["calendar"]["working_days"] == [{"date": "2025-09-28", "name": "国庆调休"},
                                                    {"date": "2025-10-11", "name": "国庆调休"}]
