"""The implementation team: members of both sides, their side following the methodology role."""

import pytest

from crm_impl.errors import StaleEditError, ValidationError
from crm_impl.models import Side, TeamMember
from crm_impl.operations.team import TeamMemberDraft, add_team_member, remove_team_member, update_team_member
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


@pytest.fixture
def project(db, user, load_sample):
    return load_sample(user, RETAIL)


def test_add_team_member_strips_and_keeps_the_fields(db, project):
    count = len(project.team)
    member = add_team_member(db, project, TeamMemberDraft(
        name=" Qian Li ", role_id="E_KU", organisation=" Pengbo ", email=" qian@example.com ", availability_pct=60,
    ))
    assert member.id is not None and len(project.team) == count + 1
    assert (member.name, member.organisation, member.email, member.availability_pct) == (
        "Qian Li", "Pengbo", "qian@example.com", 60)
    assert member.role_id == "E_KU" and member.side is Side.ENTERPRISE


@pytest.mark.parametrize(
    ("role_id", "side"),
    [("V_PM", Side.VENDOR), ("V_TC", Side.VENDOR), ("E_SC", Side.ENTERPRISE), ("E_EU", Side.ENTERPRISE)],
)
def test_side_follows_the_role(db, project, role_id, side):
    member = add_team_member(db, project, TeamMemberDraft(name="Someone", role_id=role_id))
    assert member.side is side


def test_update_moves_the_member_to_the_side_of_the_new_role(db, project):
    member = next(m for m in project.team if m.role_id == "V_BC")
    assert member.side is Side.VENDOR
    update_team_member(member, member.version, TeamMemberDraft(name=member.name, role_id="E_SIG", availability_pct=50))
    db.flush()
    assert (member.role_id, member.side, member.availability_pct, member.version) == ("E_SIG", Side.ENTERPRISE, 50, 2)
    with pytest.raises(StaleEditError):
        update_team_member(member, 1, TeamMemberDraft(name="Late edit", role_id="V_BC"))
    assert member.name != "Late edit"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "  "}, "name", "required"),
        ({"availability_pct": -1}, "availability_pct", "between 0 and 100"),
        ({"availability_pct": 101}, "availability_pct", "between 0 and 100"),
        ({"role_id": "X_YZ"}, "role_id", "unknown role 'X_YZ'"),
        ({"role_id": "v_pm"}, "role_id", "unknown role"),
    ],
)
def test_refusals_name_the_field_and_save_nothing(db, project, changes, field, message):
    count = len(project.team)
    values = {"name": "Someone", "role_id": "V_PM"} | changes
    with pytest.raises(ValidationError, match=message) as error:
        add_team_member(db, project, TeamMemberDraft(**values))
    assert error.value.field == field
    assert len(project.team) == count


def test_availability_bounds_are_accepted(db, project):
    low = add_team_member(db, project, TeamMemberDraft(name="Zero", role_id="E_EU", availability_pct=0))
    high = add_team_member(db, project, TeamMemberDraft(name="Full", role_id="E_EU", availability_pct=100))
    assert (low.availability_pct, high.availability_pct) == (0, 100)


def test_a_refused_update_changes_nothing(db, project):
    member = project.team[0]
    before = (member.name, member.role_id, member.side, member.availability_pct)
    with pytest.raises(ValidationError):
        update_team_member(member, member.version, TeamMemberDraft(name="New", role_id="NOPE"))
    assert (member.name, member.role_id, member.side, member.availability_pct) == before


def test_remove_team_member(db, project):
    member = project.team[0]
    member_id, count = member.id, len(project.team)
    remove_team_member(db, member)
    db.commit()
    assert len(project.team) == count - 1
    assert db.get(TeamMember, member_id) is None
