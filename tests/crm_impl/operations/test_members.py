"""Project membership: adding users by e-mail, changing roles, removing, the last owner."""

import pytest

from crm_impl.errors import StaleEditError, ValidationError
from crm_impl.models import MemberRole, Membership
from crm_impl.operations.members import add_member, change_role, remove_member


@pytest.fixture
def owner(make_user):
    return make_user("o@example.com")


@pytest.fixture
def project(owner, load_sample):
    return load_sample(owner)


def test_add_member_by_email(db, project, make_user):
    colleague = make_user("li.na@example.com")
    membership = add_member(db, project, "Li.Na@Example.com ", MemberRole.CONSULTANT)
    db.commit()
    assert membership.id is not None and membership.user_id == colleague.id
    assert membership.role is MemberRole.CONSULTANT
    assert {m.user.email for m in project.memberships} == {"o@example.com", "li.na@example.com"}


@pytest.mark.parametrize("email", ["nobody@example.com", "", None])
def test_unknown_email_is_refused(db, project, email):
    with pytest.raises(ValidationError, match="no account") as error:
        add_member(db, project, email, MemberRole.VIEWER)
    assert error.value.field == "email"
    assert len(project.memberships) == 1


def test_a_member_cannot_be_added_twice(db, project, owner, make_user):
    make_user("x@example.com")
    add_member(db, project, "x@example.com", MemberRole.VIEWER)
    for email in ("x@example.com", owner.email):
        with pytest.raises(ValidationError, match="already") as error:
            add_member(db, project, email, MemberRole.OWNER)
        assert error.value.field == "email"
    assert sorted(m.role for m in project.memberships) == sorted([MemberRole.OWNER, MemberRole.VIEWER])


def test_change_role_checks_the_version(db, project, make_user):
    make_user("x@example.com")
    membership = add_member(db, project, "x@example.com", MemberRole.VIEWER)
    db.commit()
    change_role(membership, membership.version, MemberRole.MANAGER)
    db.commit()
    assert membership.role is MemberRole.MANAGER and membership.version == 2
    with pytest.raises(StaleEditError):
        change_role(membership, 1, MemberRole.VIEWER)
    with pytest.raises(StaleEditError):
        change_role(membership, None, MemberRole.VIEWER)
    assert membership.role is MemberRole.MANAGER


def test_an_owner_can_step_down_once_another_owner_exists(db, project, make_user):
    (first,) = project.memberships
    make_user("x@example.com")
    second = add_member(db, project, "x@example.com", MemberRole.OWNER)
    change_role(first, first.version, MemberRole.VIEWER)
    assert first.role is MemberRole.VIEWER
    with pytest.raises(ValidationError, match="at least one owner") as error:
        change_role(second, second.version, MemberRole.MANAGER)
    assert error.value.field == "role" and second.role is MemberRole.OWNER


def test_remove_member(db, project, make_user):
    make_user("x@example.com")
    membership = add_member(db, project, "x@example.com", MemberRole.STEERING)
    db.commit()
    membership_id = membership.id
    remove_member(db, membership)
    db.commit()
    assert db.get(Membership, membership_id) is None
    assert [m.role for m in project.memberships] == [MemberRole.OWNER]


def test_the_last_owner_stays(db, make_user, load_sample):
    owner = make_user("o@example.com")
    project = load_sample(owner)
    (membership,) = project.memberships
    with pytest.raises(ValidationError, match="at least one owner"):
        change_role(membership, membership.version, MemberRole.VIEWER)
    with pytest.raises(ValidationError, match="last owner") as error:
        remove_member(db, membership)
    assert error.value.field == "member"
    assert membership.role is MemberRole.OWNER and project.memberships == [membership]
    make_user("x@example.com")
    with pytest.raises(ValidationError, match="no account"):
        add_member(db, project, "nobody@example.com", MemberRole.VIEWER)
    add_member(db, project, "x@example.com", MemberRole.VIEWER)
    with pytest.raises(ValidationError, match="already"):
        add_member(db, project, "x@example.com", MemberRole.OWNER)
