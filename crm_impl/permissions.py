"""Who may do what in a project.

A user who is not a member of a project must not learn that it exists (callers answer 404);
a member whose role does not allow an action is refused (callers answer 403).
"""

from __future__ import annotations

import enum

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from crm_impl.errors import NotFoundError, PermissionDeniedError
from crm_impl.models import MemberRole, Membership, User

__all__ = ["Action", "ROLE_ACTIONS", "allowed", "authorize", "membership_of"]


class Action(enum.StrEnum):
    VIEW = "view"  # read pages, download exports and reports
    EDIT = "edit"  # change the plan, team, progress
    ARCHIVE = "archive"  # archive or re-activate the project
    MANAGE_MEMBERS = "manage_members"  # grant, change and revoke access
    DELETE = "delete"  # delete the project with everything in it
    APPROVE_CHANGES = "approve_changes"  # approve or reject change requests (see crm_impl.operations.changes)
    STEERING_BASELINE = "steering_baseline"  # choose the baseline the steering committee measures against
    EVALUATE = "evaluate"  # score vendors on one's own sheet when chosen as an evaluator (crm_impl.operations.vendors)
    CLOSE_SCORING = "close_scoring"  # close (or reopen) a vendor selection's scoring


_READ = {Action.VIEW}
_WRITE = _READ | {Action.EDIT}

#: Viewers and steering members read; managers and consultants edit; owners manage membership.
#: Steering members, managers and owners decide on change requests (a change above the remaining
#: budget reserve only by steering members: that rule is in the domain, it depends on the change).
#: Which baseline the committee measures against is for steering members and owners to say.
#: Every role but viewers may be chosen to score vendors; the manager closes scoring.
ROLE_ACTIONS: dict[MemberRole, frozenset[Action]] = {
    MemberRole.VIEWER: frozenset(_READ),
    MemberRole.STEERING: frozenset(_READ | {Action.APPROVE_CHANGES, Action.STEERING_BASELINE, Action.EVALUATE}),
    MemberRole.CONSULTANT: frozenset(_WRITE | {Action.EVALUATE}),
    MemberRole.MANAGER: frozenset(_WRITE | {Action.ARCHIVE, Action.APPROVE_CHANGES, Action.EVALUATE,
                                            Action.CLOSE_SCORING}),
    MemberRole.OWNER: frozenset(Action),
}


def allowed(role: MemberRole, action: Action) -> bool:
    return action in ROLE_ACTIONS[role]


def membership_of(session: Session, user: User, project_id: int) -> Membership | None:
    return session.scalar(
        select(Membership).where(Membership.project_id == project_id, Membership.user_id == user.id)
    )


def authorize(session: Session, user: User, project_id: int, action: Action) -> Membership:
    """The membership (its ``project`` loaded with it) by which ``user`` may do ``action``.

    Raises :class:`NotFoundError` when the project does not exist or the user is not a member,
    :class:`PermissionDeniedError` when the member's role does not allow the action.
    """
    membership = session.scalar(
        select(Membership).options(joinedload(Membership.project))
        .where(Membership.project_id == project_id, Membership.user_id == user.id)
    )
    if membership is None:
        raise NotFoundError("no such project")
    if not allowed(membership.role, action):
        raise PermissionDeniedError(
            "your role in this project (%(role)s) does not allow this action", role=membership.role.value
        )
    return membership
