"""Change request pages: submit, assess, approve or reject; the budget-reserve rule over HTTP."""

import pytest

from crm_impl.operations.members import add_member
from crm_impl.models import ChangeRequest, ChangeStatus, MemberRole, Task


@pytest.fixture
def project(db, user, make_user, load_sample):
    """The sample with a 100,000 reserve; pm@ owns it, mgr@ manages, steer@ sits on the committee."""
    project = load_sample(user)
    project.budget_reserve = 100_000.0
    for email, role in [("mgr@example.com", MemberRole.MANAGER), ("steer@example.com", MemberRole.STEERING),
                        ("cons@example.com", MemberRole.CONSULTANT)]:
        make_user(email)
        add_member(db, project, email, role)
    db.commit()
    return project


def _submit_and_assess(client, db, project, cost, plan_changes):
    url = f"/projects/{project.id}/changes"
    created = client.post(f"{url}/new", data={"title": "Dealer portal", "requester": "Sales director"})
    assert created.status_code == 302
    change = db.query(ChangeRequest).filter_by(project_id=project.id).order_by(ChangeRequest.number.desc()).first()
    assessed = client.post(f"{url}/{change.id}/assess", data={
        "version": change.version, "scope_impact": "New module", "days_impact": "5", "cost_impact": str(cost),
        "extend_task": "", "plan_changes": plan_changes,
    })
    assert assessed.status_code == 302, assessed.text
    db.expire_all()
    return db.get(ChangeRequest, change.id)


def test_over_reserve_change_is_refused_to_the_manager_and_approved_by_steering(client, login, db, project):
    login("mgr@example.com")
    task = next(t for t in project.tasks if t.key == "A07")
    task_id, duration = task.id, task.duration
    change = _submit_and_assess(client, db, project, 150_000, f"A07 duration={duration + 5} budget=1234")
    url = f"/projects/{project.id}/changes/{change.id}"
    page = client.get(url)
    assert 'data-testid="steering-needed"' in page.text
    index = client.get(f"/projects/{project.id}/changes/")
    assert "Steering approval needed" in index.text and "100,000.00" in index.text

    refused = client.post(f"{url}/approve", data={"version": change.version})
    assert refused.status_code == 403
    assert "only a steering-committee member can approve it" in refused.text
    db.expire_all()
    assert db.get(ChangeRequest, change.id).status is ChangeStatus.ASSESSED
    assert db.get(Task, task_id).duration == duration

    client.post("/auth/logout")
    login("steer@example.com")
    assert "Approve" in client.get(url).text
    approved = client.post(f"{url}/approve", data={"version": change.version})
    assert approved.status_code == 302
    db.expire_all()
    change = db.get(ChangeRequest, change.id)
    assert change.status is ChangeStatus.APPROVED and change.decided_by == "steer@example.com"
    assert db.get(Task, task_id).duration == duration + 5 and db.get(Task, task_id).budget == 1234
    page = client.get(url)
    assert 'data-testid="delta"' in page.text and str(duration + 5) in page.text
    assert "-CN¥50,000.00" in client.get(f"/projects/{project.id}/changes/").text  # remaining reserve


def test_within_reserve_manager_approves_and_rejected_changes_leave_the_plan(client, login, db, project):
    login("mgr@example.com")
    before = {t.key: (t.duration, t.budget) for t in project.tasks}
    rejected = _submit_and_assess(client, db, project, 90_000, "A03 duration=40")
    url = f"/projects/{project.id}/changes"
    assert client.post(f"{url}/{rejected.id}/reject", data={"version": rejected.version}).status_code == 302
    db.expire_all()
    assert {t.key: (t.duration, t.budget) for t in db.query(Task).filter_by(project_id=project.id)} == before

    change = _submit_and_assess(client, db, project, 90_000, "A03 budget=7")
    stale = client.post(f"{url}/{change.id}/approve", data={"version": change.version - 1})
    assert stale.status_code == 409
    assert client.post(f"{url}/{change.id}/approve", data={"version": change.version}).status_code == 302
    db.expire_all()
    assert db.get(ChangeRequest, change.id).applied_delta == [
        {"task": "A03", "field": "budget", "before": before["A03"][1], "after": 7.0}
    ]
    again = client.post(f"{url}/{change.id}/reject", data={"version": change.version})  # reloaded: current
    assert again.status_code == 422 and "approved already" in again.text


def test_assessment_names_unknown_tasks_and_bad_lines(client, login, db, project):
    login("cons@example.com")
    url = f"/projects/{project.id}/changes"
    client.post(f"{url}/new", data={"title": "X"})
    change = db.query(ChangeRequest).filter_by(project_id=project.id).one()
    data = {"version": change.version, "days_impact": "0", "cost_impact": "10", "plan_changes": "NOPE duration=3"}
    unknown = client.post(f"{url}/{change.id}/assess", data=data)
    assert unknown.status_code == 422 and "unknown task" in unknown.text
    unreadable = client.post(f"{url}/{change.id}/assess", data=data | {"plan_changes": "A07 12"})
    assert unreadable.status_code == 422 and "cannot read" in unreadable.text
    # Consultants edit the plan but do not decide on changes.
    assert client.post(f"{url}/{change.id}/reject", data={"version": change.version}).status_code == 403


KINDS = {
    # name: (form fields of the assessment, what approval does to task A07: (duration delta, budget))
    "days added to a task": ({"extend_task": "A07", "plan_changes": ""}, (5, None)),
    "a new duration only": ({"plan_changes": "A07 duration={d}"}, (3, None)),
    "a new budget only": ({"plan_changes": "A07 budget=4321"}, (0, 4321.0)),
    "duration and budget": ({"plan_changes": "A07 duration={d} budget=999"}, (3, 999.0)),
    "days added and a budget": ({"extend_task": "A07", "plan_changes": "A07 budget=777"}, (5, 777.0)),
    "no plan change": ({"plan_changes": ""}, (0, None)),
}


@pytest.mark.parametrize("decision", ["approve", "reject"])
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_assessment_kind_saves_shows_and_is_decided(client, login, db, project, kind, decision):
    fields, (days, budget) = KINDS[kind]
    task = next(t for t in project.tasks if t.key == "A07")
    task_id, duration, old_budget = task.id, task.duration, task.budget
    login("mgr@example.com")
    url = f"/projects/{project.id}/changes"
    assert client.post(f"{url}/new", data={"title": kind}).status_code == 302
    change = db.query(ChangeRequest).filter_by(project_id=project.id, title=kind).one()
    form = {"version": change.version, "scope_impact": "", "days_impact": "5", "cost_impact": "1000",
            "extend_task": "", **{k: v.format(d=duration + 3) for k, v in fields.items()}}
    assessed = client.post(f"{url}/{change.id}/assess", data=form)
    assert assessed.status_code == 302, assessed.text
    page = client.get(f"{url}/{change.id}")
    assert page.status_code == 200 and "Approve" in page.text
    assert ('data-testid="unapplied-days"' in page.text) == (kind in ("a new budget only", "no plan change"))
    # The change is a valid part of the project file (export, then the import's reader).
    from crm_impl.projectfile import read

    exported = read(client.get(f"/projects/{project.id}/export.json").data)
    assert any(c["title"] == kind for c in exported["change_requests"])

    db.expire_all()
    change = db.get(ChangeRequest, change.id)
    decided = client.post(f"{url}/{change.id}/{decision}", data={"version": change.version}, follow_redirects=True)
    assert decided.status_code == 200 and decided.text.count('class="alert alert-success') == 1
    db.expire_all()
    task = db.get(Task, task_id)
    if decision == "reject":
        assert (task.duration, task.budget) == (duration, old_budget) and "rejected" in decided.text
        return
    assert task.duration == duration + days and task.budget == (budget if budget is not None else old_budget)
    changed = days != 0 or budget is not None
    assert ("changes nothing in the plan" in decided.text) == (not changed)
    assert ("The plan did not change." in decided.text) == (not changed)  # the page agrees with the message


def test_days_are_added_to_the_duration_the_task_has_when_approved(client, login, db, project):
    login("mgr@example.com")
    task = next(t for t in project.tasks if t.key == "A07")
    change = _submit_and_assess(client, db, project, 10, "")
    client.post(f"/projects/{project.id}/changes/{change.id}/assess", data={
        "version": change.version, "days_impact": "4", "cost_impact": "10", "extend_task": "A07", "plan_changes": ""})
    db.expire_all()
    task = db.get(Task, task.id)
    task.duration += 2  # edited in the plan after the assessment
    db.commit()
    edited, task_id = task.duration, task.id
    change = db.get(ChangeRequest, change.id)
    approved = client.post(f"/projects/{project.id}/changes/{change.id}/approve", data={"version": change.version})
    assert approved.status_code == 302
    db.expire_all()
    assert db.get(Task, task_id).duration == edited + 4


def test_only_those_who_may_approve_see_the_approve_button(client, login, db, project):
    login("mgr@example.com")
    change = _submit_and_assess(client, db, project, 150_000, "")  # over the 100,000 reserve
    page = client.get(f"/projects/{project.id}/changes/{change.id}")
    assert 'data-testid="steering-needed"' in page.text and ">Approve<" not in page.text and ">Reject<" in page.text
    client.post("/auth/logout")
    login("steer@example.com")
    assert ">Approve<" in client.get(f"/projects/{project.id}/changes/{change.id}").text
