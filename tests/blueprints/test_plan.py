"""Task table pages: the table, the task form with optimistic locking, the inline quick edit,
deleting a task and renaming a phase."""

import re

import pytest
from sqlalchemy import select

from crm_impl.models import Dependency, MemberRole, Phase, Task
from crm_impl.operations.members import add_member
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


@pytest.fixture
def project(user, load_sample, login):
    project = load_sample(user, RETAIL)
    login()
    return project


def _url(project, path=""):
    return f"/projects/{project.id}/plan{path}"


def _task(project, key):
    return next(t for t in project.tasks if t.key == key)


def _form(task, **changes):
    data = {"key": task.key, "phase_key": task.phase.key, "name": task.name, "name_zh": task.name_zh,
            "duration": task.duration, "optimistic": task.optimistic, "most_likely": task.most_likely,
            "pessimistic": task.pessimistic, "predecessors": "", "progress": task.progress,
            "budget": task.budget, "version": task.version}
    return {k: ("" if v is None else v) for k, v in (data | changes).items()}


def _links_into(db, task_id):
    return sorted((d.pred.key, d.type.value, d.lag) for d in db.scalars(select(Dependency).where(Dependency.succ_id == task_id)))


def test_table_lists_every_task_with_its_notation(client, project):
    page = client.get(_url(project, "/"))
    assert page.status_code == 200
    rows = re.findall(r'<tr id="task-(\d+)"', page.text)
    assert sorted(map(int, rows)) == sorted(t.id for t in project.tasks)
    for t in project.tasks:
        assert f">{t.key}</td>" in page.text
    assert 'value="R01SS+2"' in page.text  # R02's predecessor in MS Project notation
    assert "P1" in page.text and "Project preparation" in page.text


def test_edit_task_through_the_form(client, db, project):
    r03 = _task(project, "R03")
    page = client.get(_url(project, f"/tasks/{r03.id}"))
    assert page.status_code == 200 and 'value="R02"' in page.text
    response = client.post(_url(project, f"/tasks/{r03.id}"),
                           data=_form(r03, name="Assess stores", duration=5, predecessors="R01FF-1, R02"))
    assert response.status_code == 302
    db.expire_all()
    saved = db.get(Task, r03.id)
    assert (saved.name, saved.duration, saved.version) == ("Assess stores", 5, 2)
    assert _links_into(db, r03.id) == [("R01", "FF", -1), ("R02", "FS", 0)]


def test_a_stale_edit_answers_409_and_keeps_the_typed_input(client, db, project):
    r03 = _task(project, "R03")
    first = client.post(_url(project, f"/tasks/{r03.id}"), data=_form(r03, name="First edit", predecessors="R02"))
    assert first.status_code == 302
    second = client.post(_url(project, f"/tasks/{r03.id}"), data=_form(r03, name="Second edit", predecessors="R02"))
    assert second.status_code == 409
    assert "Someone else changed this record" in second.text
    assert 'value="Second edit"' in second.text
    assert re.search(r'data-testid="saved-meanwhile">[^<]*First edit', second.text)
    db.expire_all()
    assert db.get(Task, r03.id).name == "First edit"


def test_a_refused_edit_shows_the_reason_and_saves_nothing(client, db, project):
    r03 = _task(project, "R03")
    cycle = client.post(_url(project, f"/tasks/{r03.id}"), data=_form(r03, duration=9, predecessors="R02, R_G7"))
    assert cycle.status_code == 422 and "dependency cycle" in cycle.text
    taken = client.post(_url(project, f"/tasks/{r03.id}"), data=_form(r03, key="R04", predecessors="R02"))
    assert taken.status_code == 422 and "exists already" in taken.text
    db.expire_all()
    assert (db.get(Task, r03.id).key, db.get(Task, r03.id).duration) == ("R03", 3)
    assert _links_into(db, r03.id) == [("R02", "FS", 0)]


def test_the_task_form_shows_a_cycle_once_on_the_predecessors_and_keeps_what_was_typed(client, db, project):
    r03 = _task(project, "R03")
    refused = client.post(_url(project, f"/tasks/{r03.id}"),
                          data=_form(r03, duration=9, name="Needs diagnosis, retyped", predecessors="R02, R_G7"))
    assert refused.status_code == 422
    page = refused.text
    assert page.count("dependency cycle") == 1 and 'class="alert alert-danger"' not in page
    field = page.split('name="predecessors"')[0].rsplit("<input", 1)[-1] + page.split('name="predecessors"')[1][:400]
    assert "is-invalid" in field and 'value="R02, R_G7"' in field
    assert re.search(r'<div class="invalid-feedback">dependency cycle: R03 → .* → R_G7 → R03</div>', field)
    # Everything typed stays in the form: nothing to type again.
    assert re.search(r'name="duration"[^>]*value="9"', page)
    assert 'value="Needs diagnosis, retyped"' in page
    db.expire_all()
    assert db.get(Task, r03.id).duration == 3 and _links_into(db, r03.id) == [("R02", "FS", 0)]


def test_quick_edit_saves_or_answers_422_with_the_reason(client, db, project):
    r03 = _task(project, "R03")
    url = _url(project, f"/tasks/{r03.id}/quick")
    bad = client.post(url, data={"duration": "4", "predecessors": "R02, NOPE", "version": r03.version})
    assert bad.status_code == 422
    assert "unknown task &#39;NOPE&#39;" in bad.text or "unknown task 'NOPE'" in bad.text
    assert 'data-testid="task-table"' in bad.text  # the table is shown again with the row's error
    lag = client.post(url, data={"duration": "4", "predecessors": "R02+2", "version": r03.version})
    assert lag.status_code == 422 and "a lag needs a link type" in lag.text
    db.expire_all()
    assert db.get(Task, r03.id).duration == 3
    ok = client.post(url, data={"duration": "4", "predecessors": "R02SS+1", "version": r03.version})
    assert ok.status_code == 302 and ok.headers["Location"].endswith(f"#task-{r03.id}")
    db.expire_all()
    assert db.get(Task, r03.id).duration == 4
    assert _links_into(db, r03.id) == [("R02", "SS", 1)]


def test_add_and_delete_a_task(client, db, project):
    added = client.post(_url(project, "/tasks/new"),
                        data={"key": "R40", "phase_key": "P2", "name": "Store survey", "duration": "2",
                              "predecessors": "R07", "progress": "0"})
    assert added.status_code == 302
    task = db.scalars(select(Task).where(Task.project_id == project.id, Task.key == "R40")).one()
    assert _links_into(db, task.id) == [("R07", "FS", 0)]
    task_id = task.id
    deleted = client.post(_url(project, f"/tasks/{task_id}/delete"))
    assert deleted.status_code == 302
    db.expire_all()
    assert db.get(Task, task_id) is None
    page = client.get(_url(project, "/")).text
    assert "Task R40 deleted." in page and "Store survey" not in page


def test_edit_a_phase(client, db, project):
    p1 = project.phases[0]
    seen = p1.version
    page = client.get(_url(project, f"/phases/{p1.id}"))
    assert page.status_code == 200 and 'value="Project preparation"' in page.text
    empty = client.post(_url(project, f"/phases/{p1.id}"), data={"name": "", "name_zh": "", "version": p1.version})
    assert empty.status_code == 422
    saved = client.post(_url(project, f"/phases/{p1.id}"),
                        data={"name": "Preparation", "name_zh": "准备", "version": p1.version})
    assert saved.status_code == 302
    db.expire_all()
    assert (db.get(Phase, p1.id).name, db.get(Phase, p1.id).name_zh) == ("Preparation", "准备")
    stale = client.post(_url(project, f"/phases/{p1.id}"), data={"name": "Late", "name_zh": "", "version": seen})
    assert stale.status_code == 409 and 'value="Late"' in stale.text


def test_a_viewer_reads_the_table_but_cannot_edit(client, db, project, make_user, login):
    make_user("viewer@example.com")
    add_member(db, project, "viewer@example.com", MemberRole.VIEWER)
    db.commit()
    client.post("/auth/logout")
    login("viewer@example.com")
    r03 = _task(project, "R03")
    page = client.get(_url(project, "/"))
    assert page.status_code == 200 and 'name="predecessors"' not in page.text
    assert client.post(_url(project, f"/tasks/{r03.id}/delete")).status_code == 403
    db.expire_all()
    assert db.get(Task, r03.id) is not None


def test_deleting_a_task_says_how_the_chain_was_reconnected_or_leaves_it(client, db, project):
    r04 = db.scalars(select(Task).where(Task.project_id == project.id, Task.key == "R04")).one()
    page = client.post(_url(project, f"/tasks/{r04.id}/delete"), follow_redirects=True)
    assert "Task R04 deleted; its predecessors now lead to its successors: R03 → R05" in page.text
    r05 = db.scalars(select(Task).where(Task.project_id == project.id, Task.key == "R05")).one()
    page = client.post(_url(project, f"/tasks/{r05.id}/delete"), data={"reconnect": "0"}, follow_redirects=True)
    assert "Task R05 deleted." in page.text


def test_a_refused_row_keeps_what_was_typed_and_says_each_problem_once(client, db, project):
    r03 = db.scalars(select(Task).where(Task.project_id == project.id, Task.key == "R03")).one()
    refused = client.post(_url(project, f"/tasks/{r03.id}/quick"),
                          data={"duration": "7", "predecessors": "R02, R05", "version": r03.version})
    assert refused.status_code == 422
    row = refused.text.split(f'id="quick-{r03.id}"')[0].rsplit("<tr", 1)[-1]
    assert 'value="R02, R05"' in row and 'value="7"' in row and "is-invalid" in row
    errors = re.findall(r'<div class="text-danger small" role="alert">([^<]+)</div>', row)
    assert errors and len(errors) == len(set(errors)) and any("cycle" in e for e in errors)
