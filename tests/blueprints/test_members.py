"""Member pages: who has access, adding by e-mail, changing roles, removing; the last owner stays."""

import pytest
from sqlalchemy import select

from crm_impl.models import MemberRole, Membership
from crm_impl.operations.members import add_member


@pytest.fixture
def project(user, make_user, load_sample, login):
    project = load_sample(user)
    make_user("li.na@example.com", display_name="Li Na")
    login()
    return project


def _url(project, path=""):
    return f"/projects/{project.id}/members{path}"


def _roles(db, project):
    db.expire_all()
    rows = db.scalars(select(Membership).where(Membership.project_id == project.id))
    return {m.user.email: m.role for m in rows}


def test_index_lists_members_with_the_add_form(client, project):
    page = client.get(_url(project, "/"))
    assert page.status_code == 200
    assert "pm@example.com" in page.text and "li.na@example.com" not in page.text
    assert 'name="email"' in page.text and "Add a member" in page.text


def test_add_a_member_by_email(client, db, project):
    response = client.post(_url(project, "/"), data={"email": "Li.Na@example.com", "role": "consultant"})
    assert response.status_code == 302
    assert "Member added." in client.get(response.headers["Location"]).text
    assert _roles(db, project) == {"pm@example.com": MemberRole.OWNER, "li.na@example.com": MemberRole.CONSULTANT}


@pytest.mark.parametrize(
    ("email", "message"),
    [("nobody@example.com", "no account with this e-mail address"), ("pm@example.com", "is a member of this project already"),
     ("", "This field is required.")],
)
def test_a_refused_member_is_shown_and_not_saved(client, db, project, email, message):
    response = client.post(_url(project, "/"), data={"email": email, "role": "viewer"})
    assert response.status_code == 422 and message in response.text
    assert _roles(db, project) == {"pm@example.com": MemberRole.OWNER}


def test_change_a_role(client, db, project):
    membership = add_member(db, project, "li.na@example.com", MemberRole.VIEWER)
    db.commit()
    membership_id, version = membership.id, membership.version
    response = client.post(_url(project, f"/{membership_id}/role"), data={"role": "manager", "version": version})
    assert response.status_code == 302
    assert "Role changed." in client.get(response.headers["Location"]).text
    assert _roles(db, project)["li.na@example.com"] is MemberRole.MANAGER
    stale = client.post(_url(project, f"/{membership_id}/role"), data={"role": "viewer", "version": version},
                        follow_redirects=True)
    assert "Someone else changed this record" in stale.text
    assert _roles(db, project)["li.na@example.com"] is MemberRole.MANAGER


def test_the_last_owner_can_neither_step_down_nor_leave(client, db, project):
    (owner,) = project.memberships
    demoted = client.post(_url(project, f"/{owner.id}/role"), data={"role": "viewer", "version": owner.version},
                          follow_redirects=True)
    assert demoted.status_code == 200 and "a project needs at least one owner" in demoted.text
    removed = client.post(_url(project, f"/{owner.id}/remove"), follow_redirects=True)
    assert "the last owner cannot be removed" in removed.text
    assert _roles(db, project) == {"pm@example.com": MemberRole.OWNER}


def test_remove_a_member(client, db, project):
    membership = add_member(db, project, "li.na@example.com", MemberRole.STEERING)
    db.commit()
    response = client.post(_url(project, f"/{membership.id}/remove"), follow_redirects=True)
    assert response.status_code == 200 and "Member removed." in response.text
    assert _roles(db, project) == {"pm@example.com": MemberRole.OWNER}


def test_only_owners_manage_members(client, db, project, make_user, login):
    add_member(db, project, "li.na@example.com", MemberRole.MANAGER)
    db.commit()
    client.post("/auth/logout")
    login("li.na@example.com")
    page = client.get(_url(project, "/"))
    assert page.status_code == 200 and "pm@example.com" in page.text and 'name="email"' not in page.text
    assert client.post(_url(project, "/"), data={"email": "li.na@example.com", "role": "owner"}).status_code == 403
    owner_id = next(m.id for m in project.memberships if m.role is MemberRole.OWNER)
    assert client.post(_url(project, f"/{owner_id}/remove")).status_code == 403
    assert _roles(db, project) == {"pm@example.com": MemberRole.OWNER, "li.na@example.com": MemberRole.MANAGER}
