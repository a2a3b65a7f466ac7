"""What waits for one person across their projects: sign-offs, decisions, gate reviews, actions.

A person's methodology roles in a project are those of the team entries with their e-mail
(the RACI names roles, not people); their project role (membership) says which change requests
they may decide.  So:

- **deliverables to sign off**: submitted deliverables whose accountable role (RACI ``A``) is one
  of theirs;
- **change requests to decide**: assessed requests they may approve (the reserve rule included);
- **gate reviews**: undecided gates of unfinished phases whose milestone task they are
  accountable for;
- **overdue action items**: open items past due whose owner is their e-mail or name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from crm_impl.models import ChangeRequest, Deliverable, DeliverableStatus, GateRecord, Membership, Project, User
from crm_impl.models.tracking import ActionItem
from crm_impl.operations.changes import may_approve
from crm_impl.operations.planning import plan_schedule

__all__ = ["MyWork", "GateDue", "my_work", "my_roles"]


@dataclass(frozen=True)
class GateDue:
    gate: GateRecord
    planned: date | None  # the milestone's planned date


@dataclass(frozen=True)
class MyWork:
    sign_offs: list[Deliverable]
    decisions: list[ChangeRequest]
    gates: list[GateDue]
    actions: list[ActionItem]

    @property
    def count(self) -> int:
        return len(self.sign_offs) + len(self.decisions) + len(self.gates) + len(self.actions)


def my_roles(project: Project, user: User) -> set[str]:
    """The methodology roles ``user`` holds in ``project`` (team entries with their e-mail)."""
    email = user.email.strip().lower()
    return {member.role_id for member in project.team if (member.email or "").strip().lower() == email}


def _accountable(deliverable: Deliverable) -> set[str]:
    return {a.role_id for a in deliverable.raci if a.letter in ("A", "A/R")}


def my_work(session: Session, user: User, today: date) -> MyWork:
    """Everything waiting for ``user`` in the active projects they are a member of."""
    memberships = session.scalars(
        select(Membership).options(joinedload(Membership.project)).where(Membership.user_id == user.id)
    ).all()
    names = {user.email.strip().lower(), (user.display_name or "").strip().lower()} - {""}
    sign_offs, decisions, gates, actions = [], [], [], []
    for membership in memberships:
        project = membership.project
        if project.status.value != "active":
            continue
        roles = my_roles(project, user)
        if roles:
            sign_offs += [d for d in project.deliverables
                          if d.status is DeliverableStatus.SUBMITTED and _accountable(d) & roles]
            accountable = {t.key for t in project.tasks if (t.roles or {}).get("A") in roles}
            complete = {p.id for p in project.phases if p.complete}
            open_gates = [g for g in project.gates if g.decision is None and g.phase_id not in complete
                          and g.milestone_task in accountable]
            if open_gates:
                plan = plan_schedule(project)
                gates += [GateDue(g, plan.task(g.milestone_task).finish if g.milestone_task in plan else None)
                          for g in open_gates]
        decisions += [c for c in project.change_requests if may_approve(project, c, membership.role)]
        actions += [a for m in project.meetings for a in m.actions
                    if not a.done and a.due_date is not None and a.due_date < today
                    and a.owner.strip().lower() in names]
    gates.sort(key=lambda item: (item.planned or date.max, item.gate.gate_id))
    actions.sort(key=lambda a: a.due_date)
    return MyWork(sign_offs, decisions, gates, actions)
