"""The implementation team: people of the vendor and the enterprise with their methodology role."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from crm_impl.db.locking import apply_changes
from crm_impl.errors import ValidationError
from crm_impl.models import Project, Side, TeamMember

__all__ = ["TeamMemberDraft", "add_team_member", "update_team_member", "remove_team_member"]


@dataclass
class TeamMemberDraft:
    name: str
    role_id: str
    organisation: str = ""
    email: str = ""
    availability_pct: int = 100

    def fields(self) -> dict:
        from crm_impl.methodology.catalogue import role

        if not self.name.strip():
            raise ValidationError("is required", field="name")
        if not 0 <= self.availability_pct <= 100:
            raise ValidationError("must be between 0 and 100", field="availability_pct")
        try:
            methodology_role = role(self.role_id)
        except ValidationError as error:
            raise ValidationError(error.message, "role_id") from None
        return {
            "name": self.name.strip(),
            "role_id": methodology_role.id,
            # The side follows from the role: V_* roles are vendor staff, E_* enterprise.
            "side": Side(methodology_role.side),
            "organisation": self.organisation.strip(),
            "email": self.email.strip(),
            "availability_pct": self.availability_pct,
        }


def add_team_member(session: Session, project: Project, draft: TeamMemberDraft) -> TeamMember:
    member = TeamMember(**draft.fields())
    project.team.append(member)
    session.flush()
    return member


def update_team_member(member: TeamMember, expected_version: int | None, draft: TeamMemberDraft) -> None:
    apply_changes(member, expected_version, draft.fields())


def remove_team_member(session: Session, member: TeamMember) -> None:
    member.project.team.remove(member)
    session.delete(member)
