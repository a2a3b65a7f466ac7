"""Vendor selection on a stored project: the seeded tree, weights, vendors, sheets and who sees
them, AHP comparisons, closing scoring; refused edits save nothing (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from crm_impl.errors import PermissionDeniedError, StaleEditError, ValidationError
from crm_impl.models import AuditEvent, MemberRole
from crm_impl.operations.members import add_member
from crm_impl.operations.vendors import (
    CriterionDraft, VendorDraft, add_criterion, add_evaluator, add_vendor, analyse_selection, attach_quotation,
    changes_since_closing, close_scoring, delete_criterion, node_preview, readable_sheets, reopen_scoring, results_visible,
    save_comparisons, save_sheet, save_weights, sheet_progress, start_selection, vendor_costs,
)
from crm_impl.vendors.catalogue import CATALOGUE

pytestmark = pytest.mark.db


@pytest.fixture
def setup(db, make_user, load_sample):
    owner = make_user("pm@example.com")
    ann, bo, viewer = make_user("ann@example.com"), make_user("bo@example.com"), make_user("vi@example.com")
    project = load_sample(owner)
    if project.vendor_selection is not None:  # the sample carries one: start from scratch here
        db.delete(project.vendor_selection)
        db.commit()
        db.refresh(project)
    add_member(db, project, "ann@example.com", MemberRole.CONSULTANT)
    add_member(db, project, "bo@example.com", MemberRole.STEERING)
    add_member(db, project, "vi@example.com", MemberRole.VIEWER)
    selection = start_selection(db, project, "CRM product")
    db.commit()
    return db, project, selection, {"pm": owner, "ann": ann, "bo": bo, "viewer": viewer}


def small(db, selection):
    """Two vendors with their cost figures; two evaluators."""
    cost = next(c for c in selection.criteria if c.key == "total_cost")
    time = next(c for c in selection.criteria if c.key == "implementation_time")
    add_vendor(db, selection, VendorDraft("cloud", "Cloud leader", licence_cost=1_500_000, implementation_cost=900_000,
                                          running_cost_per_year=600_000, figures={time.key: 9}))
    add_vendor(db, selection, VendorDraft("erp", "ERP suite", licence_cost=800_000, implementation_cost=700_000,
                                          running_cost_per_year=300_000, figures={time.key: 6}))
    assert cost.from_figures
    db.commit()


def full_sheet(selection, value_of):
    return {(v.key, c.key): (value_of(v.key, c.key), "") for v in selection.vendors for c in selection.criteria
            if not c.from_figures}


def test_start_seeds_the_catalogue(setup):
    _, _, selection, _ = setup
    assert [g.key for g in selection.groups] == [g.key for g in CATALOGUE]
    assert len(selection.criteria) == sum(len(g.criteria) for g in CATALOGUE)
    security = next(c for c in selection.criteria if c.key == "security")
    assert security.knockout == 3 and security.name_zh == "安全性"


def test_evaluator_sees_and_edits_only_their_own_sheet_until_closed(setup):
    db, project, selection, users = setup
    small(db, selection)
    ann_sheet = add_evaluator(db, selection, users["ann"].id)
    bo_sheet = add_evaluator(db, selection, users["bo"].id)
    db.commit()
    save_sheet(db, selection, ann_sheet, users["ann"], ann_sheet.version, full_sheet(selection, lambda v, c: 4))
    db.commit()
    assert readable_sheets(selection, users["ann"]) == [ann_sheet]
    assert readable_sheets(selection, users["bo"]) == [bo_sheet]
    assert readable_sheets(selection, users["pm"]) == []  # not an evaluator: no sheet before closing
    assert not results_visible(selection)
    with pytest.raises(PermissionDeniedError):
        save_sheet(db, selection, ann_sheet, users["bo"], ann_sheet.version, {("cloud", "security"): (1, "")})
    db.rollback()
    assert {s.value for s in ann_sheet.scores} == {4}
    progress = sheet_progress(selection)
    assert progress[ann_sheet.id][0] == progress[ann_sheet.id][1] and progress[bo_sheet.id][0] == 0

    save_sheet(db, selection, bo_sheet, users["bo"], bo_sheet.version, full_sheet(selection, lambda v, c: 2 if v == "cloud" else 5))
    close_scoring(selection, selection.version, "pm@example.com")
    db.commit()
    assert readable_sheets(selection, users["viewer"]) == [ann_sheet, bo_sheet]
    assert results_visible(selection)
    with pytest.raises(ValidationError, match="scoring is closed"):
        save_sheet(db, selection, ann_sheet, users["ann"], ann_sheet.version, {("cloud", "security"): (1, "")})
    db.rollback()
    analysis = analyse_selection(selection)
    assert analysis.evaluation.winner == "ERP suite"
    cell = analysis.evaluation.consolidated["cloud", "security"]
    assert (cell.mean, cell.low, cell.high, cell.count) == (3.0, 2.0, 4.0, 2)
    # The cost criterion comes from the quotations over the horizon (3 years).
    assert analysis.evaluation.consolidated["erp", "total_cost"].figure == 800_000 + 700_000 + 3 * 300_000
    reopen_scoring(selection, selection.version)
    db.commit()
    assert readable_sheets(selection, users["bo"]) == [bo_sheet]


def test_score_values_stay_out_of_the_audit_trail(setup):
    db, project, selection, users = setup
    small(db, selection)
    sheet = add_evaluator(db, selection, users["ann"].id)
    db.commit()
    save_sheet(db, selection, sheet, users["ann"], sheet.version, {("cloud", "security"): (4, "secret remark")})
    db.commit()
    events = db.query(AuditEvent).filter_by(project_id=project.id, entity="VendorScore").all()
    assert events and all("value" not in e.changes and "comment" not in e.changes for e in events)
    assert "secret remark" not in str([e.changes for e in db.query(AuditEvent).all()])


def test_a_refused_sheet_saves_nothing(setup):
    db, project, selection, users = setup
    small(db, selection)
    sheet = add_evaluator(db, selection, users["ann"].id)
    db.commit()
    with pytest.raises(ValidationError, match="must be from 1 to 5"):
        save_sheet(db, selection, sheet, users["ann"], sheet.version,
                   {("cloud", "security"): (4, ""), ("erp", "security"): (7, "")})
    db.rollback()
    assert sheet.scores == []
    with pytest.raises(StaleEditError):
        save_sheet(db, selection, sheet, users["ann"], sheet.version - 1, {("cloud", "security"): (4, "")})
    db.rollback()
    with pytest.raises(ValidationError, match="scored from figures"):
        save_sheet(db, selection, sheet, users["ann"], sheet.version, {("cloud", "total_cost"): (4, "")})


def test_viewers_cannot_be_evaluators(setup):
    db, _, selection, users = setup
    with pytest.raises(ValidationError, match="viewer"):
        add_evaluator(db, selection, users["viewer"].id)


def test_weights_summing_to_zero_save_nothing(setup):
    db, _, selection, _ = setup
    before = {g.key: g.weight for g in selection.groups}
    with pytest.raises(ValidationError, match="sum to zero"):
        save_weights(selection, selection.version, {g.key: 0 for g in selection.groups})
    db.rollback()
    assert {g.key: g.weight for g in selection.groups} == before
    save_weights(selection, selection.version, {"functions": 40, "cost": 20})
    db.commit()
    assert next(g for g in selection.groups if g.key == "functions").weight == 40


def test_ahp_comparisons_from_two_stakeholders(setup):
    db, _, selection, _ = setup
    items = [c.key for c in selection.criteria if c.group_key == "vendor"]
    first = {(a, b): 2.0 for i, a in enumerate(items) for b in items[i + 1:]}
    second = {(a, b): 1 / 3 for i, a in enumerate(items) for b in items[i + 1:]}
    save_comparisons(db, selection, "CFO", "vendor", first)
    save_comparisons(db, selection, "CIO", "vendor", second)
    db.commit()
    preview = node_preview(selection, "vendor")
    assert [s.name for s in preview.stakeholders] == ["CFO", "CIO"]
    assert preview.matrix[0][1] == pytest.approx((2 / 3) ** 0.5)
    # A reciprocal mismatch is refused and the earlier comparisons stay.
    with pytest.raises(ValidationError, match="not reciprocal"):
        save_comparisons(db, selection, "CFO", "vendor", {**first, (items[1], items[0]): 2.0})
    db.rollback()
    assert sum(c.stakeholder == "CFO" for c in selection.comparisons) == len(first)


def test_deleting_a_criterion_drops_its_scores_and_its_groups_comparisons(setup):
    db, _, selection, users = setup
    small(db, selection)
    extra = add_criterion(db, selection, CriterionDraft("poc", "POC result", "technology", knockout=3))
    sheet = add_evaluator(db, selection, users["ann"].id)
    save_sheet(db, selection, sheet, users["ann"], sheet.version, {("cloud", "poc"): (2, "")})
    items = [c.key for c in selection.criteria if c.group_key == "technology"]
    save_comparisons(db, selection, "CFO", "technology", {(a, b): 1 for i, a in enumerate(items) for b in items[i + 1:]})
    db.commit()
    delete_criterion(db, selection, extra)
    db.commit()
    assert sheet.scores == [] and not [c for c in selection.comparisons if c.node == "technology"]


def test_vendor_costs_and_quotation_for_the_business_case(setup):
    db, project, selection, _ = setup
    small(db, selection)
    attach_quotation(selection.vendors[0], "C:\\quotes\\cloud.pdf", b"%PDF-1.4 quotation")
    db.commit()
    costs = {c.key: c for c in vendor_costs(project)}
    assert costs["cloud"].total(3) == 1_500_000 + 900_000 + 3 * 600_000
    assert selection.vendors[0].quotation_file_name == "cloud.pdf"
    with pytest.raises(ValidationError, match="empty"):
        attach_quotation(selection.vendors[1], "x.pdf", b"")


def test_duplicate_vendor_and_bad_figure_are_refused(setup):
    db, _, selection, _ = setup
    small(db, selection)
    with pytest.raises(ValidationError, match="listed twice"):
        add_vendor(db, selection, VendorDraft("cloud", "Again"))
    with pytest.raises(ValidationError, match="above 0"):
        add_vendor(db, selection, VendorDraft("new", "New", figures={"implementation_time": 0}))
    with pytest.raises(ValidationError, match="not scored from figures"):
        add_vendor(db, selection, VendorDraft("new", "New", figures={"security": 3}))


def test_a_sheet_imported_under_a_name_is_linked_to_its_member(setup):
    db, project, selection, users = setup
    from crm_impl.models import Evaluator

    selection.evaluators.append(Evaluator(project_id=project.id, name="Wu Lei", email=""))
    db.commit()
    linked = add_evaluator(db, selection, users["bo"].id, "Wu Lei")
    db.commit()
    assert len(selection.evaluators) == 1 and linked.user_id == users["bo"].id and linked.email == "bo@example.com"


def test_backup_and_restore_give_each_sheet_back_to_its_member(setup, tmp_path):
    db, project, selection, users = setup
    from crm_impl.models import Project
    from crm_impl.operations.backup import restore_backup, write_backup
    from tests.conftest import _empty_all_tables

    small(db, selection)
    sheet = add_evaluator(db, selection, users["ann"].id)
    db.commit()
    save_sheet(db, selection, sheet, users["ann"], sheet.version, {("cloud", "security"): (4, "ok")})
    db.commit()
    write_backup(db, tmp_path / "b")
    _empty_all_tables(db.get_bind())
    db.expire_all()
    restore_backup(db, tmp_path / "b")
    db.commit()
    restored = db.query(Project).one().vendor_selection
    ann = next(e for e in restored.evaluators if e.email == "ann@example.com")
    assert ann.user.email == "ann@example.com" and [(s.vendor_key, s.value) for s in ann.scores] == [("cloud", 4.0)]


def test_an_export_before_closing_shows_a_reader_only_their_own_sheet(setup):
    """Evaluator independence in the exported file: before closing, nobody — the project manager who
    closes scoring included, evaluator or not — reads another evaluator's scores or comments."""
    db, project, selection, users = setup
    from crm_impl.operations.vendors import readable_export
    from crm_impl.projectfile import export_project

    small(db, selection)
    for who, value in (("ann", 4), ("bo", 2)):
        sheet = add_evaluator(db, selection, users[who].id)
        db.commit()
        save_sheet(db, selection, sheet, users[who], sheet.version, {("cloud", "security"): (value, f"{who} says")})
        db.commit()

    def scores(user):
        section = readable_export(export_project(project), project, user)["vendor_selection"]
        return {e["name"]: [(s["value"], s["comment"]) for s in e["scores"]] for e in section["evaluators"]}

    assert scores(users["ann"]) == {"ann": [(4.0, "ann says")], "bo": []}
    assert scores(users["viewer"]) == {"ann": [], "bo": []}
    assert scores(users["pm"]) == {"ann": [], "bo": []}  # the manager sees who scores (progress), not the values
    # The owner who closes scoring scores too: their own sheet, still nobody else's.
    sheet = add_evaluator(db, selection, users["pm"].id)
    db.commit()
    save_sheet(db, selection, sheet, users["pm"], sheet.version, {("cloud", "security"): (5, "pm says")})
    db.commit()
    assert scores(users["pm"]) == {"ann": [], "bo": [], sheet.name: [(5.0, "pm says")]}
    assert "ann says" not in str(readable_export(export_project(project), project, users["pm"]))
    close_scoring(selection, selection.version, "pm@example.com")
    db.commit()
    assert scores(users["viewer"]) == {"ann": [(4.0, "ann says")], "bo": [(2.0, "bo says")],
                                       sheet.name: [(5.0, "pm says")]}


def test_changes_after_closing_are_counted_and_the_closing_is_not(setup):
    db, _, selection, users = setup
    db.info["actor"] = "pm@example.com"
    assert changes_since_closing(db, selection) is None                 # scoring open
    # The selection was built a while before closing (the trail keeps whole seconds).
    for event in db.query(AuditEvent).all():
        event.at -= timedelta(minutes=5)
    db.flush()
    close_scoring(selection, selection.version, "pm@example.com")
    db.commit()
    assert changes_since_closing(db, selection) is None                 # closing is no change of result
    items = [c.key for c in selection.criteria if c.group_key == "vendor"]
    save_comparisons(db, selection, "CFO", "vendor", {(a, b): 2.0 for i, a in enumerate(items) for b in items[i + 1:]})
    db.commit()
    changed = changes_since_closing(db, selection)
    assert changed is not None and changed.count == len(items) * (len(items) - 1) // 2
    reopen_scoring(selection, selection.version)
    db.commit()
    assert changes_since_closing(db, selection) is None                 # open again: nothing was read yet
