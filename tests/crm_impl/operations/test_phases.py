"""Phase and deliverable tracking on a sample project: sign-off, gate decisions, phase completion."""

from datetime import date, datetime, timezone

import pytest

from crm_impl.errors import StaleEditError, ValidationError
from crm_impl.models import DeliverableStatus, GateDecision
from crm_impl.operations.phases import (
    MAX_FILE_BYTES,
    attach_file,
    complete_phase,
    decide_gate,
    gate_review,
    phase_rows,
    reopen,
    set_checks,
    set_phase_dates,
    sign_off,
    update_deliverable,
)
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)
NOW = datetime(2025, 5, 2, 10, 30, tzinfo=timezone.utc)


@pytest.fixture
def project(db, user, load_sample):
    return load_sample(user, RETAIL)


def phase(project, key):
    return next(p for p in project.phases if p.key == key)


def gate(project, gate_id):
    return next(g for g in project.gates if g.gate_id == gate_id)


def deliverables(project, phase_key, *, mandatory=None):
    return [
        d for d in project.deliverables
        if d.phase.key == phase_key and (mandatory is None or d.mandatory == mandatory)
    ]


def sign_all(db, project, phase_key, *, mandatory=True):
    for d in deliverables(project, phase_key, mandatory=mandatory):
        sign_off(d, d.version, "Li Na", NOW)
    db.flush()


def tick_all(db, project, record):
    set_checks(record, record.version, {c.key: True for c in gate_review(project, record).criteria})
    db.flush()


def test_a_gate_cannot_pass_with_an_unsigned_mandatory_deliverable(db, project):
    g1 = gate(project, "G1")
    tick_all(db, project, g1)
    *signed, last = deliverables(project, "P1", mandatory=True)
    for d in signed:
        sign_off(d, d.version, "Li Na", NOW)
    db.flush()
    review = gate_review(project, g1)
    assert review.open_items == () and review.unsigned_mandatory == (last.key,)
    for decision in ("pass", "pass_with_conditions"):
        with pytest.raises(ValidationError, match=f"not signed off: {last.key}"):
            decide_gate(project, g1, g1.version, decision, "Budget review in June", "Wang Wei", NOW)
    assert g1.decision is None and g1.decided_by == ""


def test_a_gate_passes_once_mandatory_deliverables_are_signed_and_criteria_checked(db, project):
    g1 = gate(project, "G1")
    sign_all(db, project, "P1")  # the optional needs list stays open
    with pytest.raises(ValidationError, match="criteria are open: G1.1, G1.2"):
        decide_gate(project, g1, g1.version, "pass", "", "Wang Wei", NOW)
    tick_all(db, project, g1)
    decide_gate(project, g1, g1.version, "pass", "", "Wang Wei", NOW)
    db.flush()
    assert (g1.decision, g1.decided_by, g1.decided_at) == (GateDecision.PASS, "Wang Wei", NOW)
    milestone = next(t for t in project.tasks if t.key == g1.milestone_task)
    assert milestone.progress == 100 and milestone.actual_finish == NOW.date()
    with pytest.raises(ValidationError, match="already passed by Wang Wei"):
        decide_gate(project, g1, g1.version, "fail", "", "Zhao Lei", NOW)


def test_measured_kpis_decide_criteria_that_name_one(db, project):
    g5 = gate(project, "G5")
    targets = {t.kpi: t for t in project.kpi_targets}
    targets["training_coverage"].actual = 1.0
    targets["data_migration_accuracy"].actual = 0.997  # below the 99.8% target
    criteria = {c.key: c for c in gate_review(project, g5).criteria}
    assert (criteria["G5.1"].measured, criteria["G5.1"].met) == (1.0, True)
    assert (criteria["G5.3"].measured, criteria["G5.3"].threshold, criteria["G5.3"].met) == (0.997, 0.998, False)
    assert (criteria["G5.2"].measured, criteria["G5.2"].met) == (None, None)  # not measured yet
    targets["data_migration_accuracy"].actual = 0.998
    sign_all(db, project, "P7")
    set_checks(g5, g5.version, {"G5.2": True, "G5.4": True})
    db.flush()
    review = gate_review(project, g5)
    assert review.can_pass, review.open_items
    decide_gate(project, g5, g5.version, "pass", "", "Wang Wei", NOW)
    assert g5.decision == GateDecision.PASS


def test_pass_with_conditions_needs_the_conditions_written_down(db, project):
    g1 = gate(project, "G1")
    sign_all(db, project, "P1")
    with pytest.raises(ValidationError, match="conditions written down") as refused:
        decide_gate(project, g1, g1.version, "pass_with_conditions", "  ", "Wang Wei", NOW)
    assert refused.value.field == "conditions"
    decide_gate(project, g1, g1.version, "pass_with_conditions", "POC report by 30 May", "Wang Wei", NOW)
    assert (g1.decision, g1.conditions) == (GateDecision.PASS_WITH_CONDITIONS, "POC report by 30 May")


def test_a_failed_gate_can_be_decided_again(db, project):
    g1 = gate(project, "G1")
    decide_gate(project, g1, g1.version, "fail", "Budget not approved", "Wang Wei", NOW)
    db.flush()
    assert g1.decision == GateDecision.FAIL
    with pytest.raises(ValidationError, match="unknown decision"):
        decide_gate(project, g1, g1.version, "maybe", "", "Wang Wei", NOW)


def test_a_phase_cannot_complete_before_its_gate_passes(db, project):
    p1, g1 = phase(project, "P1"), gate(project, "G1")
    with pytest.raises(ValidationError, match="P1 cannot be completed before its gate G1 has passed"):
        complete_phase(project, p1, p1.version, date(2025, 4, 25))
    decide_gate(project, g1, g1.version, "fail", "", "Wang Wei", NOW)
    with pytest.raises(ValidationError, match="its decision is fail"):
        complete_phase(project, p1, p1.version, date(2025, 4, 25))
    assert not p1.complete
    sign_all(db, project, "P1")
    decide_gate(project, g1, g1.version, "pass_with_conditions", "POC report pending", "Wang Wei", NOW)
    complete_phase(project, p1, p1.version, date(2025, 4, 25), finish_open_tasks=True)
    assert p1.complete and p1.actual_finish == date(2025, 4, 25)
    with pytest.raises(ValidationError, match="complete already"):
        complete_phase(project, p1, p1.version, date(2025, 4, 26))


def test_a_phase_without_gate_completes(db, project):
    p4 = phase(project, "P4")
    assert not any(g.phase_id == p4.id for g in project.gates)
    set_phase_dates(p4, p4.version, actual_start=date(2025, 7, 1), actual_finish=None)
    db.flush()
    with pytest.raises(ValidationError, match="finish cannot be before the start"):
        complete_phase(project, p4, p4.version, date(2025, 6, 30))
    complete_phase(project, p4, p4.version, date(2025, 7, 20), finish_open_tasks=True)
    assert p4.complete and (p4.actual_start, p4.actual_finish) == (date(2025, 7, 1), date(2025, 7, 20))


def test_phase_dates_keep_the_finish_for_complete_phases(db, project):
    p2 = phase(project, "P2")
    with pytest.raises(ValidationError, match="not complete; mark it complete") as refused:
        set_phase_dates(p2, p2.version, actual_start=date(2025, 5, 1), actual_finish=date(2025, 5, 20))
    assert refused.value.field == "actual_finish"
    assert set_phase_dates(p2, p2.version, actual_start=date(2025, 5, 1), actual_finish=None)
    db.flush()
    with pytest.raises(StaleEditError):
        set_phase_dates(p2, p2.version - 1, actual_start=None, actual_finish=None)


def test_sign_off_records_who_and_when_once(db, project):
    d = deliverables(project, "P1")[0]
    sign_off(d, d.version, "Li Na", NOW)
    db.flush()
    assert (d.status, d.signed_off_by, d.signed_off_at) == (DeliverableStatus.SIGNED_OFF, "Li Na", NOW)
    with pytest.raises(ValidationError, match="already signed off by Li Na"):
        sign_off(d, d.version, "Zhao Lei", NOW)
    with pytest.raises(ValidationError, match="reopen it before changing it"):
        update_deliverable(d, d.version, due_date=None, status="open", link="", owner_role="E_PM")
    reopen(d, d.version)
    db.flush()
    assert (d.status, d.signed_off_by, d.signed_off_at) == (DeliverableStatus.IN_PROGRESS, "", None)


def test_a_complete_phase_keeps_its_sign_offs(db, project):
    p1, g1 = phase(project, "P1"), gate(project, "G1")
    sign_all(db, project, "P1")
    decide_gate(project, g1, g1.version, "pass_with_conditions", "POC report pending", "Wang Wei", NOW)
    complete_phase(project, p1, p1.version, date(2025, 4, 25), finish_open_tasks=True)
    d = deliverables(project, "P1", mandatory=True)[0]
    with pytest.raises(ValidationError, match="complete; its deliverables can no longer be reopened"):
        reopen(d, d.version)


def test_update_deliverable_fields_and_refusals(db, project):
    d = deliverables(project, "P1")[0]
    assert update_deliverable(d, d.version, due_date=date(2025, 4, 10), status="submitted",
                              link=" https://docs.example.com/p1-d1 ", owner_role="E_SIG")
    db.flush()
    assert (d.due_date, d.status, d.link, d.owner_role) == (
        date(2025, 4, 10), DeliverableStatus.SUBMITTED, "https://docs.example.com/p1-d1", "E_SIG")
    cases = [
        ({"status": "signed_off"}, "status", "use the sign-off"),
        ({"status": "done"}, "status", "unknown status"),
        ({"owner_role": "NOPE"}, "owner_role", "unknown role"),
        ({"link": "javascript:alert(1)"}, "link", "web address"),
    ]
    for change, field, message in cases:
        values = {"due_date": None, "status": "open", "link": "", "owner_role": "E_PM", **change}
        with pytest.raises(ValidationError, match=message) as refused:
            update_deliverable(d, d.version, **values)
        assert refused.value.field == field
    with pytest.raises(StaleEditError):
        update_deliverable(d, d.version - 1, due_date=None, status="open", link="", owner_role="E_PM")


def test_file_size_limit(db, project):
    d = deliverables(project, "P1")[0]
    with pytest.raises(ValidationError, match="at most 10 MB") as refused:
        attach_file(d, "blueprint.pdf", b"x" * (MAX_FILE_BYTES + 1), expected_version=d.version)
    assert refused.value.field == "file"
    with pytest.raises(ValidationError, match="empty"):
        attach_file(d, "blueprint.pdf", b"", expected_version=d.version)
    attach_file(d, "C:\\docs\\blueprint.pdf", b"x" * MAX_FILE_BYTES, expected_version=d.version)
    db.flush()
    assert d.file_name == "blueprint.pdf" and len(d.file_data) == MAX_FILE_BYTES


def test_checks_name_criteria_of_the_gate(db, project):
    g2 = gate(project, "G2")
    with pytest.raises(ValidationError, match="no criterion G9.9"):
        set_checks(g2, g2.version, {"G2.1": True, "G9.9": True})
    set_checks(g2, g2.version, {"G2.1": True})
    db.flush()
    review = gate_review(project, g2)
    assert [c.met for c in review.criteria] == [True, None, None]


def test_phase_rows_take_planned_dates_from_the_schedule(project):
    rows = {row.phase.key: row for row in phase_rows(project)}
    assert len(rows) == 9 and rows["P4"].gate is None and rows["P6"].gate.gate_id == "G5a"
    p1 = rows["P1"]
    assert p1.status == "not_started" and p1.planned_start == project.start_date
    assert p1.gate_planned == p1.planned_finish  # the gate milestone closes the phase
    assert rows["P6"].gate_planned is None  # G5a has no milestone task
    assert [d.key for d in p1.deliverables][:2] == ["P1.D1", "P1.D2"]


def test_a_phase_with_unfinished_tasks_names_them_or_records_them_finished(db, project):
    """Completing a phase never leaves the plan and the dashboard telling different stories."""
    from crm_impl.operations.status import project_dashboard

    p4 = phase(project, "P4")
    open_keys = [t.key for t in p4.tasks]
    with pytest.raises(ValidationError, match="still has unfinished tasks: " + ", ".join(open_keys)) as refused:
        complete_phase(project, p4, p4.version, date(2025, 7, 20))
    assert refused.value.field == "finish_open_tasks" and not p4.complete
    before = project_dashboard(project, date(2025, 7, 21)).facts.schedule_slip_days
    complete_phase(project, p4, p4.version, date(2025, 7, 20), finish_open_tasks=True)
    assert all(t.progress == 100 and t.actual_finish == date(2025, 7, 20) and t.actual_start for t in p4.tasks)
    after = project_dashboard(project, date(2025, 7, 21))
    # The finished phase's work no longer waits for the status date; nothing jumps by months.
    assert after.facts.schedule_slip_days <= before


def test_due_dates_follow_the_plan_until_set_by_hand(db, project):
    from crm_impl.operations.phases import due_dates
    from crm_impl.operations.planning import plan_schedule
    from crm_impl.operations.status import project_dashboard

    charter = deliverables(project, "P1", mandatory=True)[0]
    g1 = gate(project, "G1")
    due = due_dates(project)[charter.id]
    own = next((t.key for t in project.tasks if t.deliverable == charter.key), g1.milestone_task)
    assert due == type(due)(plan_schedule(project).task(own).finish, False)
    source = next(t for t in project.tasks if t.key == own)
    source.start_no_earlier_than = date(2025, 6, 2)  # the plan moves: so does the due date
    assert due_dates(project)[charter.id].day >= date(2025, 6, 2)
    source.start_no_earlier_than = None
    # Late and unsigned: overdue on the dashboard, where "—" used to hide it.
    assert project_dashboard(project, due.day).facts.overdue_deliverables == 0
    project.status_date = date(2025, 12, 1)
    assert project_dashboard(project, date(2025, 12, 1)).facts.overdue_deliverables > 0
    charter.due_date = date(2030, 1, 1)  # by hand: it stays
    source.start_no_earlier_than = date(2025, 6, 2)
    assert due_dates(project)[charter.id] == type(due)(date(2030, 1, 1), True)
