"""Export → import keeps every tracking record: signed deliverables with files, gate decisions,
risks, an approved change with its delta, meetings with action items, the audit trail."""

from datetime import date, datetime, timezone

from crm_impl.operations.changes import Assessment, ChangeDraft, PlanChange, approve_change, assess_change, submit_change
from crm_impl.operations.meetings import ActionDraft, MeetingDraft, add_action, add_meeting
from crm_impl.models import MemberRole, Project
from crm_impl.operations.members import add_member
from crm_impl.operations.phases import attach_file, catalogue_gate, decide_gate, set_checks, sign_off
from crm_impl.projectfile import export_project, import_project
from tests.conftest import SAMPLES

NOW = datetime(2025, 4, 25, 9, 30, tzinfo=timezone.utc)


def test_every_tracking_record_survives_the_round_trip(db, make_user, load_sample):
    owner = make_user("owner@example.com")
    steering = make_user("steer@example.com")
    project = load_sample(owner, next(p for p in SAMPLES if "retail" in p.stem))
    add_member(db, project, steering.email, MemberRole.STEERING)
    db.info["actor"] = "owner@example.com"

    gate = next(g for g in project.gates if g.gate_id == "G1")
    first = project.deliverables[0]
    attach_file(first, "strategy.pdf", b"%PDF-1.4 minimal", expected_version=first.version)
    db.flush()
    for deliverable in [d for d in project.deliverables if d.phase.key == "P1"]:
        sign_off(deliverable, deliverable.version, "Zhou Wei", NOW)
    db.flush()
    set_checks(gate, gate.version, {c.key: True for c in catalogue_gate(project, gate).criteria})
    db.flush()
    decide_gate(project, gate, gate.version, "pass", "", "Zhou Wei", NOW)
    change = submit_change(db, project, ChangeDraft(title="Loyalty mini-app", requester="Marketing"))
    db.flush()
    assess_change(project, change, change.version, Assessment(
        scope_impact="New channel", days_impact=5, cost_impact=950_000.0,
        plan_changes=[PlanChange(task="R20", duration=30)]))
    db.flush()
    approve_change(db, project, change, change.version, steering, NOW)
    meeting = add_meeting(db, project, MeetingDraft(held_on=date(2025, 5, 6), title="Steering #3",
                                                    agenda="Progress; CR-1", decisions="CR-1 approved"))
    add_action(db, meeting, ActionDraft(text="Update the plan", owner="Lin Hui", due_date=date(2025, 5, 9)))
    project.risks[0].linked_tasks, project.risks[0].delay_days = ["R05"], 5
    project.phases[0].actual_start = date(2025, 3, 3)
    db.commit()
    db.expire_all()

    document = export_project(db.get(Project, project.id))
    assert document["change_requests"][0]["applied_delta"]
    assert document["gates"][0]["decision"] == "pass"
    assert document["meetings"][0]["actions"][0]["text"] == "Update the plan"
    assert len(document["audit"]) >= 10
    assert document["deliverables"][0]["file"]["name"] == "strategy.pdf"
    copy = import_project(db, owner, document)
    db.commit()
    db.expire_all()
    again = export_project(db.get(Project, copy.id))
    # The copy keeps the whole trail and adds the event of its own import.
    assert {**again, "audit": again["audit"][:-1]} == document
    assert again["audit"][-1]["action"] == "import"
