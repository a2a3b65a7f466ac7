import pytest

from crm_impl.errors import NotFoundError, PermissionDeniedError
from crm_impl.operations.members import add_member
from crm_impl.models import MemberRole
from crm_impl.permissions import ROLE_ACTIONS, Action, allowed, authorize


def test_role_matrix_reads_edits_and_owns():
    readers = {MemberRole.VIEWER, MemberRole.STEERING}
    editors = {MemberRole.MANAGER, MemberRole.CONSULTANT}
    assert ROLE_ACTIONS[MemberRole.VIEWER] == {Action.VIEW}
    # Steering members read, decide on change requests and choose the baseline they measure against.
    assert ROLE_ACTIONS[MemberRole.STEERING] == {Action.VIEW, Action.APPROVE_CHANGES, Action.STEERING_BASELINE,
                                                 Action.EVALUATE}
    # Everyone but viewers may score vendors when chosen; managers and owners close scoring.
    assert {role for role in MemberRole if allowed(role, Action.EVALUATE)} == set(MemberRole) - {MemberRole.VIEWER}
    assert {role for role in MemberRole if allowed(role, Action.CLOSE_SCORING)} == {MemberRole.MANAGER,
                                                                                   MemberRole.OWNER}
    assert {role for role in MemberRole if allowed(role, Action.STEERING_BASELINE)} == {
        MemberRole.STEERING, MemberRole.OWNER}
    for role in readers:
        assert not allowed(role, Action.EDIT)
    assert allowed(MemberRole.MANAGER, Action.APPROVE_CHANGES)
    assert not allowed(MemberRole.CONSULTANT, Action.APPROVE_CHANGES)
    for role in editors:
        assert allowed(role, Action.EDIT) and not allowed(role, Action.MANAGE_MEMBERS)
        assert not allowed(role, Action.DELETE)
    assert ROLE_ACTIONS[MemberRole.OWNER] == set(Action)


def test_authorize_hides_the_project_from_non_members(db, make_user, load_sample):
    owner, stranger, viewer = make_user("o@example.com"), make_user("s@example.com"), make_user("v@example.com")
    project = load_sample(owner)
    add_member(db, project, "v@example.com", MemberRole.VIEWER)
    db.commit()
    assert authorize(db, owner, project.id, Action.DELETE).project is project
    with pytest.raises(NotFoundError):
        authorize(db, stranger, project.id, Action.VIEW)
    with pytest.raises(NotFoundError):
        authorize(db, owner, project.id + 999, Action.VIEW)
    assert authorize(db, viewer, project.id, Action.VIEW).project is project
    with pytest.raises(PermissionDeniedError, match="viewer"):
        authorize(db, viewer, project.id, Action.EDIT)
