"""Steering meetings: the biweekly cadence and the action items."""

from datetime import date

import pytest

from crm_impl.errors import StaleEditError, ValidationError
from crm_impl.operations.meetings import (
    ActionDraft,
    MeetingDraft,
    add_action,
    add_meeting,
    delete_action,
    delete_meeting,
    next_steering_date,
    open_actions,
    overdue_actions,
    set_action_done,
    update_meeting,
)


@pytest.fixture
def project(db, user, load_sample):
    return load_sample(user)


def test_next_steering_date_follows_the_biweekly_cadence(db, project):
    today = date(2025, 6, 10)
    assert next_steering_date(project, today) is None
    add_meeting(db, project, MeetingDraft(held_on=date(2025, 6, 3), title="Steering 1"))
    add_meeting(db, project, MeetingDraft(held_on=date(2025, 6, 9), title="Workshop", kind="workshop"))
    assert next_steering_date(project, today) == date(2025, 6, 17)
    assert next_steering_date(project, date(2025, 6, 17)) == date(2025, 6, 17)
    assert next_steering_date(project, date(2025, 6, 18)) == date(2025, 7, 1)  # one missed: next slot
    add_meeting(db, project, MeetingDraft(held_on=date(2025, 6, 20), title="Special session"))
    assert next_steering_date(project, today) == date(2025, 6, 20)  # already planned


def test_meeting_validation_and_edit(db, project):
    with pytest.raises(ValidationError, match="title"):
        add_meeting(db, project, MeetingDraft(held_on=date(2025, 6, 3), title=" "))
    meeting = add_meeting(db, project, MeetingDraft(held_on=date(2025, 6, 3), title="Steering",
                                                    agenda="Progress\nDecisions"))
    assert meeting.kind == "steering"
    draft = MeetingDraft(held_on=date(2025, 6, 3), title="Steering 1", decisions="Go with option B")
    assert update_meeting(meeting, meeting.version, draft)
    db.flush()
    with pytest.raises(StaleEditError):
        update_meeting(meeting, meeting.version - 1, draft)
    delete_meeting(db, project, meeting)
    db.flush()
    assert project.meetings == []


def test_action_items_open_overdue_and_done(db, project):
    meeting = add_meeting(db, project, MeetingDraft(held_on=date(2025, 6, 3), title="Steering"))
    late = add_action(db, meeting, ActionDraft(text="Sign the data-sharing agreement", owner="E_SC",
                                               due_date=date(2025, 6, 6)))
    soon = add_action(db, meeting, ActionDraft(text="Book training rooms", due_date=date(2025, 6, 20)))
    undated = add_action(db, meeting, ActionDraft(text="Collect feedback"))
    with pytest.raises(ValidationError, match="text"):
        add_action(db, meeting, ActionDraft(text=""))
    today = date(2025, 6, 10)
    assert open_actions(project) == [late, soon, undated]
    assert overdue_actions(project, today) == [late]
    assert set_action_done(late, late.version, True)
    db.flush()
    assert overdue_actions(project, today) == [] and open_actions(project) == [soon, undated]
    with pytest.raises(StaleEditError):
        set_action_done(late, late.version - 1, False)
    delete_action(db, undated)
    db.flush()
    assert meeting.actions == [late, soon]
