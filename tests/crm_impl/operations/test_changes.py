"""Change requests: assessment against the plan, the budget-reserve rule, the applied delta."""

from datetime import datetime, timezone

import pytest

from crm_impl.operations.changes import (
    Assessment,
    ChangeDraft,
    PlanChange,
    approve_change,
    assess_change,
    format_plan_changes,
    needs_steering,
    parse_plan_changes,
    reject_change,
    remaining_reserve,
    submit_change,
)
from crm_impl.errors import PermissionDeniedError, StaleEditError, ValidationError
from crm_impl.operations.members import add_member
from crm_impl.models import ChangeStatus, MemberRole

NOW = datetime(2025, 6, 3, 14, 0, tzinfo=timezone.utc)


@pytest.fixture
def people(db, make_user, load_sample):
    """A sample project with a 100,000 reserve, its owner, a manager, a steering member, a consultant."""
    owner = make_user("owner@example.com")
    project = load_sample(owner)
    project.budget_reserve = 100_000.0
    users = {"owner": owner}
    for name, role in [("manager", MemberRole.MANAGER), ("steering", MemberRole.STEERING),
                       ("consultant", MemberRole.CONSULTANT)]:
        users[name] = make_user(f"{name}@example.com")
        add_member(db, project, f"{name}@example.com", role)
    db.commit()
    return project, users


def _task(project, key):
    return next(t for t in project.tasks if t.key == key)


def _assessed(db, project, cost, changes=(), days=0, extend=""):
    change = submit_change(db, project, ChangeDraft(title="Add a dealer portal", requester="Sales"))
    assess_change(project, change, change.version,
                  Assessment(scope_impact="Dealer portal module", days_impact=days, cost_impact=cost,
                             plan_changes=list(changes), extend_task=extend))
    db.flush()
    return change


def test_submit_numbers_changes_in_order(db, people):
    project, _ = people
    first = submit_change(db, project, ChangeDraft(title="One"))
    second = submit_change(db, project, ChangeDraft(title="Two"))
    assert (first.number, second.number) == (1, 2)
    assert first.status is ChangeStatus.SUBMITTED
    with pytest.raises(ValidationError, match="title"):
        submit_change(db, project, ChangeDraft(title="  "))


def test_over_reserve_change_needs_a_steering_member(db, people):
    project, users = people
    a07 = _task(project, "A07")
    duration, budget = a07.duration, a07.budget
    change = _assessed(db, project, 150_000, [PlanChange("A07", duration=duration + 5, budget=budget + 150_000)])
    assert needs_steering(project, change)

    for refused in ("manager", "owner"):
        with pytest.raises(PermissionDeniedError, match="only a steering-committee member"):
            approve_change(db, project, change, change.version, users[refused], NOW)
    assert change.status is ChangeStatus.ASSESSED
    assert (a07.duration, a07.budget) == (duration, budget)  # refused: the plan is untouched

    delta = approve_change(db, project, change, change.version, users["steering"], NOW)
    assert change.status is ChangeStatus.APPROVED
    assert (a07.duration, a07.budget) == (duration + 5, budget + 150_000)
    assert delta == change.applied_delta == [
        {"task": "A07", "field": "duration", "before": duration, "after": duration + 5},
        {"task": "A07", "field": "budget", "before": budget, "after": budget + 150_000},
    ]
    assert change.decided_by == "steering@example.com" and change.decided_at == NOW
    assert remaining_reserve(project) == -50_000


def test_within_reserve_a_manager_may_approve(db, people):
    project, users = people
    change = _assessed(db, project, 100_000, [PlanChange("A02", budget=1.0)])  # exactly the reserve
    assert not needs_steering(project, change)
    approve_change(db, project, change, change.version, users["manager"], NOW)
    assert _task(project, "A02").budget == 1.0
    assert remaining_reserve(project) == 0
    # The reserve is used up: the next change, however small, goes to the steering committee.
    small = _assessed(db, project, 1, [PlanChange("A03", budget=2.0)])
    with pytest.raises(PermissionDeniedError, match="remaining budget reserve of 0.00"):
        approve_change(db, project, small, small.version, users["owner"], NOW)


def test_consultants_may_not_decide_and_approval_needs_an_assessment(db, people):
    project, users = people
    change = submit_change(db, project, ChangeDraft(title="Tweak"))
    with pytest.raises(ValidationError, match="must be assessed"):
        approve_change(db, project, change, change.version, users["manager"], NOW)
    with pytest.raises(PermissionDeniedError, match="consultant"):
        reject_change(db, project, change, change.version, users["consultant"], NOW)
    with pytest.raises(StaleEditError):
        reject_change(db, project, change, change.version - 1, users["manager"], NOW)


def test_rejected_change_leaves_the_plan_alone(db, people):
    project, users = people
    before = {t.key: (t.duration, t.budget) for t in project.tasks}
    change = _assessed(db, project, 500_000, [PlanChange("A07", duration=99, budget=9.0)])
    reject_change(db, project, change, change.version, users["manager"], NOW)
    db.flush()
    assert change.status is ChangeStatus.REJECTED and change.applied_delta == []
    assert {t.key: (t.duration, t.budget) for t in project.tasks} == before
    assert remaining_reserve(project) == 100_000
    with pytest.raises(ValidationError, match="rejected already"):
        approve_change(db, project, change, change.version, users["steering"], NOW)


def test_assessment_validates_tasks_against_the_plan(db, people):
    project, _ = people
    change = submit_change(db, project, ChangeDraft(title="X"))
    for changes, message in [
        ([PlanChange("NOPE", duration=3)], "unknown task 'NOPE'"),
        ([PlanChange("A07", duration=3), PlanChange("A07", budget=1)], "listed twice"),
        ([PlanChange("A07")], "give a new duration or budget"),
        ([PlanChange("A07", duration=-1)], "from 0 to 2600 working days"),
        ([PlanChange("A07", duration=2601)], "from 0 to 2600 working days"),
        ([PlanChange("A01", duration=2600), PlanChange("A02", duration=2600)], "at most 5200"),
        ([PlanChange("A07", budget=1e300)], "at most 100,000,000,000,000"),
        ([PlanChange("A_G1", duration=3)], "milestone"),
    ]:
        with pytest.raises(ValidationError, match=message):
            assess_change(project, change, change.version, Assessment(cost_impact=1, plan_changes=changes))
    with pytest.raises(ValidationError, match="unknown task"):
        assess_change(project, change, change.version, Assessment(days_impact=2, extend_task="ZZ"))
    assert change.status is ChangeStatus.SUBMITTED


def test_days_impact_extends_the_named_task(db, people):
    project, users = people
    a05 = _task(project, "A05")
    duration = a05.duration
    change = _assessed(db, project, 10, [PlanChange("A05", budget=5.0)], days=4, extend="A05")
    assert change.plan_changes == [{"task": "A05", "budget": 5.0, "add_days": 4}]  # added when approved
    approve_change(db, project, change, change.version, users["owner"], NOW)
    assert a05.duration == duration + 4
    assert {d["field"] for d in change.applied_delta} == {"duration", "budget"}


def test_a_task_deleted_after_assessment_blocks_approval(db, people):
    from crm_impl.operations.plan import delete_task

    project, users = people
    change = _assessed(db, project, 10, [PlanChange("A04", duration=3)])
    delete_task(db, project, _task(project, "A04"))
    with pytest.raises(ValidationError, match="unknown task 'A04'"):
        approve_change(db, project, change, change.version, users["manager"], NOW)


def test_plan_change_text_round_trips():
    text = "A07 duration=12 budget=50000\nA08 budget=0.5\n\n"
    changes = parse_plan_changes(text)
    assert changes == [PlanChange("A07", 12, 50000.0), PlanChange("A08", None, 0.5)]
    assert parse_plan_changes(format_plan_changes([c.as_dict() for c in changes])) == changes
    with pytest.raises(ValidationError, match="line 1"):
        parse_plan_changes("A07 12")
    with pytest.raises(ValidationError, match="not a number"):
        parse_plan_changes("A07 duration=x")
