"""Project membership: who has access to a project and in which role (owners manage it)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from crm_impl.operations.accounts import find_user_by_email
from crm_impl.db.locking import check_version
from crm_impl.errors import ValidationError
from crm_impl.models import MemberRole, Membership, Project

__all__ = ["add_member", "change_role", "remove_member"]


def _owners(project: Project) -> list[Membership]:
    return [m for m in project.memberships if m.role is MemberRole.OWNER]


def add_member(session: Session, project: Project, email: str, role: MemberRole) -> Membership:
    """Give the user with ``email`` access to ``project`` in ``role``."""
    user = find_user_by_email(session, email or "")
    if user is None:
        raise ValidationError("no account with this e-mail address; ask them to register first", field="email")
    if any(m.user_id == user.id for m in project.memberships):
        raise ValidationError("is a member of this project already", field="email")
    membership = Membership(user=user, role=role)
    project.memberships.append(membership)
    session.flush()
    return membership


def change_role(membership: Membership, expected_version: int | None, role: MemberRole) -> None:
    check_version(membership, expected_version)
    if membership.role is MemberRole.OWNER and role is not MemberRole.OWNER:
        if len(_owners(membership.project)) == 1:
            raise ValidationError("a project needs at least one owner", field="role")
    membership.role = role


def remove_member(session: Session, membership: Membership) -> None:
    if membership.role is MemberRole.OWNER and len(_owners(membership.project)) == 1:
        raise ValidationError("the last owner cannot be removed", field="member")
    membership.project.memberships.remove(membership)
    session.delete(membership)
