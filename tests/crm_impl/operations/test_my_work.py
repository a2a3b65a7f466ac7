"""My work: what waits for a person follows their team roles, RACI and project role."""

from datetime import date

from crm_impl.models import DeliverableStatus, MemberRole
from crm_impl.operations.changes import Assessment, ChangeDraft, assess_change, submit_change
from crm_impl.operations.meetings import ActionDraft, MeetingDraft, add_action, add_meeting
from crm_impl.operations.members import add_member
from crm_impl.operations.my_work import my_roles, my_work
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)
TODAY = date(2025, 6, 1)


def test_each_person_sees_what_waits_for_them(db, user, make_user, load_sample):
    project = load_sample(user, RETAIL)
    project.budget_reserve = 100_000
    sponsor = make_user("sponsor@example.com", display_name="Chen Jie")
    add_member(db, project, "sponsor@example.com", MemberRole.STEERING)
    charter = next(d for d in project.deliverables if any(a.letter in ("A", "A/R") for a in d.raci))
    accountable = next(a.role_id for a in charter.raci if a.letter in ("A", "A/R"))
    # The sponsor holds that methodology role in the team.
    member = next(m for m in project.team if m.role_id == accountable)
    member.email = "Sponsor@Example.com"
    assert my_roles(project, sponsor) == {m.role_id for m in project.team if m.email.lower() == "sponsor@example.com"}
    nothing = my_work(db, sponsor, TODAY)
    charter.status = DeliverableStatus.SUBMITTED
    big = submit_change(db, project, ChangeDraft(title="Loyalty app"))
    db.flush()
    assess_change(project, big, big.version, Assessment(cost_impact=150_000))  # over the reserve: steering
    meeting = add_meeting(db, project, MeetingDraft(held_on=date(2025, 5, 1), title="Steering 3"))
    add_action(db, meeting, ActionDraft(text="Confirm pilot stores", owner="Chen Jie", due_date=date(2025, 5, 15)))
    add_action(db, meeting, ActionDraft(text="Not late yet", owner="Chen Jie", due_date=date(2025, 7, 1)))
    add_action(db, meeting, ActionDraft(text="Someone else's", owner="Li Na", due_date=date(2025, 5, 15)))
    db.flush()

    work = my_work(db, sponsor, TODAY)
    assert charter in work.sign_offs and charter not in nothing.sign_offs
    assert work.decisions == [big]
    assert [a.text for a in work.actions] == ["Confirm pilot stores"]
    assert work.count == len(work.sign_offs) + 1 + len(work.gates) + 1
    # The owner may not approve a change over the reserve: it is not waiting for them.
    assert big not in my_work(db, user, TODAY).decisions
    # Gates whose milestone the sponsor's role is accountable for, in plan order.
    tasks = {t.key: t for t in project.tasks}
    accountable_gates = {g.gate_id for g in project.gates if g.milestone_task in tasks
                         and (tasks[g.milestone_task].roles or {}).get("A") in my_roles(project, sponsor)}
    assert accountable_gates and {item.gate.gate_id for item in work.gates} == accountable_gates
    planned = [item.planned for item in work.gates]
    assert planned == sorted(planned)
