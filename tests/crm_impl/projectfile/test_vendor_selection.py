"""The ``vendor_selection`` section: export → import keeps it, the samples carry one, and a bad
section is refused with the path of each problem (nothing is saved)."""

from __future__ import annotations

import copy
import itertools
import json

import pytest

from crm_impl.errors import ProjectFileError
from crm_impl.models import Project, VendorSelection
from crm_impl.operations.vendors import analyse_selection, vendor_costs
from crm_impl.projectfile import export_project, import_project, validate_document
from tests.conftest import SAMPLES

SAMPLE = json.loads(next(p for p in SAMPLES if "pharma" in p.stem).read_text("utf-8"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_each_sample_has_three_vendors_three_evaluators_two_stakeholders_and_quotations(path):
    section = json.loads(path.read_text("utf-8"))["vendor_selection"]
    assert len(section["vendors"]) == 3 and len(section["evaluators"]) == 3
    assert len({c["stakeholder"] for c in section["comparisons"]}) == 2
    assert all(v["quotation"] and v["licence_cost"] > 0 for v in section["vendors"])
    sheets = [{(s["vendor"], s["criterion"]): s["value"] for s in e["scores"]} for e in section["evaluators"]]
    assert all(a != b for a, b in itertools.combinations(sheets, 2))  # every pair of sheets differs


def test_export_import_keeps_the_selection(db, make_user, load_sample):
    owner = make_user("owner@example.com")
    project = load_sample(owner, next(p for p in SAMPLES if "pharma" in p.stem))
    selection = project.vendor_selection
    assert selection is not None and selection.scoring_closed and len(selection.comparisons) > 0
    analysis = analyse_selection(selection)
    assert analysis.evaluation.winner is not None
    assert any(v.disqualified for v in analysis.evaluation.vendors)  # the SMB suite fails the security knock-out
    assert {c.key for c in vendor_costs(project)} == {"cloud_leader", "erp_suite", "smb_suite"}
    db.expire_all()
    document = export_project(db.get(Project, project.id))
    assert document["vendor_selection"] == SAMPLE["vendor_selection"]
    copy_ = import_project(db, owner, document)
    db.commit()
    db.expire_all()
    again = export_project(db.get(Project, copy_.id))
    assert again["vendor_selection"] == document["vendor_selection"]
    assert analyse_selection(db.get(Project, copy_.id).vendor_selection).as_json() == analysis.as_json()


def test_a_file_without_a_selection_stays_without(db, make_user):
    document = copy.deepcopy(SAMPLE)
    del document["vendor_selection"]
    project = import_project(db, make_user("o@example.com"), document)
    db.commit()
    assert project.vendor_selection is None and "vendor_selection" not in export_project(project)


def test_the_owners_own_sheet_is_linked_on_import(db, make_user):
    document = copy.deepcopy(SAMPLE)
    document["vendor_selection"]["evaluators"][0]["email"] = "Owner@Example.com"
    owner = make_user("owner@example.com")
    project = import_project(db, owner, document)
    db.commit()
    assert [e.user_id for e in project.vendor_selection.evaluators] == [owner.id, None, None]


def _problems(document) -> list[str]:
    with pytest.raises(ProjectFileError) as caught:
        validate_document(document)
    return caught.value.lines()


def bad(change) -> dict:
    document = copy.deepcopy(SAMPLE)
    change(document["vendor_selection"])
    return document


def test_score_outside_the_scale_is_refused_with_its_path():
    def change(s):
        s["evaluators"][1]["scores"][4]["value"] = 6
    lines = _problems(bad(change))
    assert any(line.startswith("vendor_selection.evaluators[1].scores[4].value") and "outside the scale 1–5" in line
               for line in lines), lines


def test_reciprocal_mismatch_is_refused():
    def change(s):
        first = s["comparisons"][0]
        s["comparisons"].append({**first, "a": first["b"], "b": first["a"], "value": first["value"]})
    lines = _problems(bad(change))
    assert any("not reciprocal" in line for line in lines), lines


def test_incomplete_comparisons_under_ahp_are_refused():
    def change(s):
        del s["comparisons"][0]
    lines = _problems(bad(change))
    assert any("is missing" in line for line in lines), lines


def test_weights_summing_to_zero_are_refused():
    def change(s):
        for group in s["groups"]:
            group["weight"] = 0
    lines = _problems(bad(change))
    assert any(line.startswith("vendor_selection.groups") and "sum to zero" in line for line in lines), lines


@pytest.mark.parametrize("change, path, words", [
    (lambda s: s["criteria"][0].update(group="nowhere"), "vendor_selection.criteria[0].group", "unknown group"),
    (lambda s: s["vendors"].append(dict(s["vendors"][0])), "vendor_selection.vendors", "listed twice"),
    (lambda s: s["evaluators"][0]["scores"][0].update(vendor="ghost"), "vendor_selection.evaluators[0].scores[0].vendor",
     "unknown vendor"),
    (lambda s: s["evaluators"][0]["scores"].append({"vendor": "erp_suite", "criterion": "total_cost", "value": 3}),
     "vendor_selection.evaluators[0].scores", "scored from figures"),
    (lambda s: s["vendors"][0]["figures"].update(security=3), "vendor_selection.vendors[0].figures.security",
     "not scored from figures"),
    (lambda s: s["criteria"][0].update(scale=7), "vendor_selection.criteria[0].scale", ""),
    (lambda s: s["comparisons"][0].update(value=12), "vendor_selection.comparisons[0].value", "at most 9"),
    (lambda s: s["comparisons"][0].update(node="nowhere"), "vendor_selection.comparisons[0].node", "unknown node"),
])
def test_other_problems_name_their_path(change, path, words):
    lines = _problems(bad(change))
    assert any(line.startswith(path) and words in line for line in lines), lines


def test_a_refused_file_saves_nothing(db, make_user):
    def change(s):
        s["evaluators"][0]["scores"][0]["value"] = 0
    with pytest.raises(ProjectFileError):
        import_project(db, make_user("o@example.com"), bad(change))
    db.rollback()
    assert db.query(VendorSelection).count() == 0 and db.query(Project).count() == 0


def test_a_large_quotation_survives_export_and_import(db, make_user):
    from crm_impl.limits import MAX_FILE_BYTES

    owner = make_user("o@example.com")
    project = import_project(db, owner, copy.deepcopy(SAMPLE))
    db.commit()
    quotation = bytes(range(256)) * (2 * 1024 * 1024 // 256)  # 2 MB: far beyond a text field's length
    vendor = project.vendor_selection.vendors[0]
    vendor.quotation_file_name, vendor.quotation_file_data = "quotation.pdf", quotation
    db.commit()
    document = json.loads(json.dumps(export_project(project)))
    copy_ = import_project(db, owner, document)
    db.commit()
    assert copy_.vendor_selection.vendors[0].quotation_file_data == quotation
    too_big = copy.deepcopy(document)
    too_big["vendor_selection"]["vendors"][0]["quotation"]["content_base64"] = "A" * (4 * (MAX_FILE_BYTES // 3 + 2))
    assert any("is longer than" in line for line in _problems(too_big))
