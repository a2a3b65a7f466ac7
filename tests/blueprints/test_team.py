"""Team pages: both sides listed, add/edit/remove a team member, refusals shown and nothing saved."""

import pytest
from sqlalchemy import func, select

from crm_impl.models import Side, TeamMember
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)
FORM = {"name": "Qian Li", "role_id": "V_BC", "organisation": "Vendor Ltd", "email": "qian@example.com",
        "availability_pct": "60"}


@pytest.fixture
def project(user, load_sample, login):
    project = load_sample(user, RETAIL)
    login()
    return project


def _url(project, path=""):
    return f"/projects/{project.id}/team{path}"


def _count(db, project):
    return db.scalar(select(func.count()).select_from(TeamMember).where(TeamMember.project_id == project.id))


def test_index_lists_both_sides(client, project):
    page = client.get(_url(project, "/"))
    assert page.status_code == 200
    vendor, enterprise = page.text.index("Vendor side"), page.text.index("Enterprise side")
    assert vendor < page.text.index("Li Qiang") < enterprise  # V_PM
    assert enterprise < page.text.index("Lin Hui")  # E_PM
    assert "Vendor project manager" in page.text and "Key users" in page.text  # role names beside the ids
    assert all(m.name in page.text for m in project.team)


def test_add_a_team_member(client, db, project):
    count = _count(db, project)
    assert client.get(_url(project, "/new")).status_code == 200
    response = client.post(_url(project, "/new"), data=FORM)
    assert response.status_code == 302
    member = db.scalars(select(TeamMember).where(TeamMember.name == "Qian Li")).one()
    assert (member.role_id, member.side, member.availability_pct) == ("V_BC", Side.VENDOR, 60)
    assert _count(db, project) == count + 1
    assert "Team member added." in client.get(response.headers["Location"]).text


@pytest.mark.parametrize(
    ("changes", "message"),
    [({"name": ""}, "This field is required."),
     ({"availability_pct": "101"}, "Number must be between 0 and 100."),
     ({"role_id": "X_YZ"}, "Not a valid choice")],
)
def test_refusals_are_shown_and_nothing_saved(client, db, project, changes, message):
    count = _count(db, project)
    response = client.post(_url(project, "/new"), data=FORM | changes)
    assert response.status_code == 422 and message in response.text
    assert _count(db, project) == count


def test_edit_moves_the_member_to_the_side_of_the_role(client, db, project):
    member = next(m for m in project.team if m.role_id == "E_KU")
    member_id, version = member.id, member.version
    page = client.get(_url(project, f"/{member_id}/edit"))
    assert page.status_code == 200 and f'value="{member.name}"' in page.text
    response = client.post(_url(project, f"/{member_id}/edit"), data=FORM | {"version": version})
    assert response.status_code == 302
    db.expire_all()
    saved = db.get(TeamMember, member_id)
    assert (saved.name, saved.role_id, saved.side) == ("Qian Li", "V_BC", Side.VENDOR)
    stale = client.post(_url(project, f"/{member_id}/edit"), data=FORM | {"name": "Late", "version": version})
    assert stale.status_code == 409 and 'value="Late"' in stale.text
    db.expire_all()
    assert db.get(TeamMember, member_id).name == "Qian Li"


def test_remove_a_team_member(client, db, project):
    member_id, count = project.team[0].id, _count(db, project)
    response = client.post(_url(project, f"/{member_id}/delete"))
    assert response.status_code == 302
    assert "Team member removed." in client.get(response.headers["Location"]).text
    db.expire_all()
    assert db.get(TeamMember, member_id) is None and _count(db, project) == count - 1


def test_members_of_another_project_are_out_of_reach(client, db, project, make_user, load_sample):
    other = load_sample(make_user("other@example.com"), RETAIL)
    stranger = other.team[0]
    assert client.get(_url(project, f"/{stranger.id}/edit")).status_code == 404
    assert client.post(_url(project, f"/{stranger.id}/delete")).status_code == 404
    assert client.get(_url(other, "/")).status_code == 404
    db.expire_all()
    assert db.get(TeamMember, stranger.id) is not None
