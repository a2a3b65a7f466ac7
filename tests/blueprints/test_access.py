"""Access control over the whole URL map: enumerate the app's rules, never list URLs by hand."""

from __future__ import annotations

import re
from datetime import date

import pytest

from crm_impl.operations.changes import ChangeDraft, submit_change
from crm_impl.operations.meetings import ActionDraft, MeetingDraft, add_action, add_meeting
from crm_impl.operations.members import add_member
from crm_impl.models import MemberRole
from crm_impl.permissions import allowed

ID_PARAM = re.compile(r"<int:(\w+)>")


def _project_rules(app):
    return [rule for rule in app.url_map.iter_rules() if "project_id" in rule.arguments]


def _url(rule, project) -> str:
    """Fill a rule's ids with real records of ``project`` so only access decides the answer."""
    ids = {
        "project_id": project.id,
        "task_id": project.tasks[0].id,
        "phase_id": project.phases[0].id,
        "member_id": project.team[0].id,
        "membership_id": project.memberships[0].id,
        "baseline_id": project.baselines[0].id,
        "deliverable_id": project.deliverables[0].id,
        "gate_id": project.gates[0].id,
        "risk_id": project.risks[0].id,
        "change_id": project.change_requests[0].id,
        "meeting_id": project.meetings[0].id,
        "action_id": project.meetings[0].actions[0].id,
        "job_id": "montecarlo-0",
        **_case_ids(project),
        "vendor_id": project.vendor_selection.vendors[0].id,
        "criterion_id": project.vendor_selection.criteria[0].id,
        "evaluator_id": project.vendor_selection.evaluators[0].id,
        "group_id": project.vendor_selection.groups[0].id,
        "map_id": project.process_maps[0].id,
        "fishbone_id": project.fishbones[0].id,
        "cause_id": project.fishbones[0].causes[0].id,
        "candidate_id": project.process_candidates[0].id,
    }
    missing = set(rule.arguments) - ids.keys()
    assert not missing, f"test does not know how to fill {missing} in {rule}"
    path = rule.rule
    for name in rule.arguments:
        path = re.sub(rf"<(?:int:)?{name}>", str(ids[name]), path)
    return path


def _case_ids(project) -> dict:
    """The first line and driver of the sample's business case."""
    from sqlalchemy.orm import object_session

    from crm_impl.operations.finance import case_rows

    rows = case_rows(object_session(project), project)
    return {"line_id": rows.lines[0].id, "driver_id": rows.drivers[0].id}


@pytest.fixture
def project(db, make_user, load_sample):
    owner = make_user("owner@example.com")
    project = load_sample(owner)
    for email, role in [("viewer@example.com", MemberRole.VIEWER), ("steer@example.com", MemberRole.STEERING),
                        ("cons@example.com", MemberRole.CONSULTANT)]:
        make_user(email)
        add_member(db, project, email, role)
    make_user("stranger@example.com")
    # Records for the ids of the change and meeting URLs (the samples have none).
    submit_change(db, project, ChangeDraft(title="Dealer portal"))
    meeting = add_meeting(db, project, MeetingDraft(held_on=date(2025, 6, 3), title="Steering"))
    add_action(db, meeting, ActionDraft(text="Sign the data agreement"))
    # A document on the first deliverable, so its download URL has something to send.
    project.deliverables[0].file_name, project.deliverables[0].file_data = "charter.pdf", b"%PDF-1.4"
    db.commit()
    return project


def test_there_are_project_urls_to_check(app):
    assert len(_project_rules(app)) >= 15


def test_non_member_gets_404_on_every_project_url(app, client, login, project):
    login("stranger@example.com")
    checked = 0
    for rule in _project_rules(app):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(_url(rule, project), method=method)
            assert response.status_code == 404, (method, rule.rule, response.status_code)
            checked += 1
    assert checked >= 20


def test_anonymous_user_is_sent_to_login(app, client, project):
    for rule in _project_rules(app):
        response = client.get(_url(rule, project))
        assert response.status_code in (302, 405), rule.rule
        if response.status_code == 302:
            assert "/auth/login" in response.headers["Location"]


@pytest.mark.parametrize(("email", "role"), [("viewer@example.com", MemberRole.VIEWER),
                                           ("steer@example.com", MemberRole.STEERING)])
def test_readers_get_403_on_every_state_changing_url(app, client, login, project, email, role):
    login(email)
    # Steering members decide on change requests (Action.APPROVE_CHANGES): those URLs are theirs.
    posts = [rule for rule in _project_rules(app) if "POST" in rule.methods
             and not allowed(role, app.view_functions[rule.endpoint].required_action)]
    assert len(posts) >= 10
    for rule in posts:
        response = client.post(_url(rule, project), data={})
        assert response.status_code == 403, (rule.rule, response.status_code)


@pytest.mark.parametrize(
    ("email", "role"),
    [("viewer@example.com", MemberRole.VIEWER), ("steer@example.com", MemberRole.STEERING),
     ("cons@example.com", MemberRole.CONSULTANT), ("owner@example.com", MemberRole.OWNER)],
)
def test_every_page_answers_as_the_role_matrix_says(app, client, login, project, email, role):
    login(email)
    for rule in _project_rules(app):
        if "GET" not in rule.methods:
            continue
        action = app.view_functions[rule.endpoint].required_action
        expected = 200 if allowed(role, action) else 403
        if rule.endpoint == "jobs.status" and expected == 200:
            expected = 404  # no job queue in this app; members' access to jobs: tests/blueprints/test_jobs.py
        response = client.get(_url(rule, project))
        assert response.status_code == expected, (rule.rule, role, response.status_code)


def test_consultant_edits_but_does_not_manage_members_or_delete(client, login, project):
    login("cons@example.com")
    assert client.get(f"/projects/{project.id}/edit").status_code == 200
    assert client.post(f"/projects/{project.id}/members/", data={"email": "x@example.com", "role": "viewer"}).status_code == 403
    assert client.get(f"/projects/{project.id}/delete").status_code == 403
