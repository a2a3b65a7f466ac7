"""Decisions and meetings: the biweekly steering decision meeting of the methodology (§3.4) and
other project meetings, with their agenda, attendees, decisions and action items.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from crm_impl.db.locking import apply_changes
from crm_impl.errors import ValidationError
from crm_impl.models import ActionItem, Meeting, Project

__all__ = [
    "STEERING",
    "STEERING_CADENCE",
    "MeetingDraft",
    "ActionDraft",
    "add_meeting",
    "update_meeting",
    "delete_meeting",
    "add_action",
    "set_action_done",
    "delete_action",
    "next_steering_date",
    "open_actions",
    "overdue_actions",
]

STEERING = "steering"
#: The methodology's steering decision meeting is held every two weeks.
STEERING_CADENCE = timedelta(days=14)


@dataclass
class MeetingDraft:
    held_on: date
    title: str
    kind: str = STEERING
    agenda: str = ""
    attendees: str = ""
    decisions: str = ""

    def fields(self) -> dict:
        if self.held_on is None:
            raise ValidationError("is required", field="held_on")
        if not self.title.strip():
            raise ValidationError("is required", field="title")
        if len(self.title.strip()) > 300:
            raise ValidationError("is longer than 300 characters", field="title")
        kind = (self.kind or STEERING).strip()
        if len(kind) > 40:
            raise ValidationError("is longer than 40 characters", field="kind")
        return {
            "held_on": self.held_on,
            "title": self.title.strip(),
            "kind": kind,
            "agenda": self.agenda.strip(),
            "attendees": self.attendees.strip(),
            "decisions": self.decisions.strip(),
        }


@dataclass
class ActionDraft:
    text: str
    owner: str = ""
    due_date: date | None = None

    def fields(self) -> dict:
        if not self.text.strip():
            raise ValidationError("is required", field="text")
        if len(self.owner.strip()) > 120:
            raise ValidationError("is longer than 120 characters", field="owner")
        return {"text": self.text.strip(), "owner": self.owner.strip(), "due_date": self.due_date}


def add_meeting(session: Session, project: Project, draft: MeetingDraft) -> Meeting:
    meeting = Meeting(**draft.fields())
    project.meetings.append(meeting)
    session.flush()
    return meeting


def update_meeting(meeting: Meeting, expected_version: int | None, draft: MeetingDraft) -> bool:
    return apply_changes(meeting, expected_version, draft.fields())


def delete_meeting(session: Session, project: Project, meeting: Meeting) -> None:
    """Delete a meeting with its action items."""
    # Deleting cascades to the action items, which are loaded first; no autoflush may remove
    # the orphaned meeting in between.
    with session.no_autoflush:
        session.delete(meeting)
        project.meetings.remove(meeting)


def add_action(session: Session, meeting: Meeting, draft: ActionDraft) -> ActionItem:
    action = ActionItem(done=False, **draft.fields())
    meeting.actions.append(action)
    session.flush()
    return action


def set_action_done(action: ActionItem, expected_version: int | None, done: bool) -> bool:
    """Mark an action item done (or open again)."""
    return apply_changes(action, expected_version, {"done": bool(done)})


def delete_action(session: Session, action: ActionItem) -> None:
    action.meeting.actions.remove(action)
    session.delete(action)


def next_steering_date(project: Project, today: date) -> date | None:
    """When the next steering decision meeting is due.

    A steering meeting already recorded for today or later is the next one. Otherwise the
    biweekly cadence runs on from the last steering meeting: the first date ``last + 14·k``
    (``k ≥ 1``) that is not before ``today``. ``None`` before the first steering meeting.
    """
    held = sorted(m.held_on for m in project.meetings if m.kind == STEERING)
    if not held:
        return None
    upcoming = [d for d in held if d >= today]
    if upcoming:
        return upcoming[0]
    last = held[-1]
    periods = max(1, -(-(today - last).days // STEERING_CADENCE.days))
    return last + periods * STEERING_CADENCE


def open_actions(project: Project) -> list[ActionItem]:
    """Action items not done yet, the earliest due first (those without a due date last)."""
    items = [a for m in project.meetings for a in m.actions if not a.done]
    return sorted(items, key=lambda a: (a.due_date is None, a.due_date or date.min, a.id or 0))


def overdue_actions(project: Project, today: date) -> list[ActionItem]:
    """Open action items whose due date has passed."""
    return [a for a in open_actions(project) if a.due_date is not None and a.due_date < today]
