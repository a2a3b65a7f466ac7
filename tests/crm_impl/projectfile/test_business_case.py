"""The business_case section: the samples reproduce the methodology's figures, a bad case is refused
with its path and nothing is saved, export → import keeps it.

The samples' horizons are 3 (retail), 5 (automotive) and 4 (pharma) years, not the "5-year business
case for each sample" of the issue text: the domain document's §10.5 sets those horizons, all its
figures (TCO, benefits, both ROIs, payback, NPV) are over them, and the retail worked example it
asks the retail sample to reproduce is itself a 3-year case. The samples follow the document
(docs/project-file.md records the decision)."""

import copy
import json

import pytest
from sqlalchemy import func, select

from crm_impl.errors import ProjectFileError
from crm_impl.finance import evaluate
from crm_impl.models import CaseLine, Project
from crm_impl.projectfile import export_project, import_project, parse, validate_document
from crm_impl.projectfile.finance import engine_case

from tests.conftest import ROOT, without_import_events

SAMPLE = {path.stem: json.loads(path.read_text("utf-8")) for path in (ROOT / "sample_projects").glob("*.json")}

# Domain document §10.5 (derived.finance of each sample): TCO, benefits, ROI (seed), net ROI, payback, NPV at 8 %.
EXPECTED = {
    "retail_chain_pengbo": (3, 7_110_000, 9_341_000, 1.314, 0.314, 2.30, 1_150_156),
    "automotive_huatong": (5, 91_000_000, 210_300_000, 2.311, 1.311, 2.28, 79_853_265),
    "pharma_huikang": (4, 11_050_000, 26_317_500, 2.382, 1.382, 1.55, 11_302_043),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_samples_reproduce_the_methodology_figures(name):
    """§10.5's figures over §10.5's horizons (3/5/4 years: the document's, see the module)."""
    horizon, tco, benefits, roi_seed, roi_net, payback, npv = EXPECTED[name]
    section = SAMPLE[name]["business_case"]
    result = evaluate(engine_case(section))
    assert section["horizon"] == horizon and section["discount_rate"] == 0.08
    assert result.tco == tco and result.benefits == benefits
    assert round(result.roi_methodology, 3) == roi_seed and round(result.roi, 3) == roi_net
    assert round(result.payback_years, 2) == payback and round(result.npv) == npv
    # the 20 % customisation reserve of the construction budget (methodology §7.2)
    reserve = next(line for line in section["lines"] if line["component"] == "customization_reserve")
    assert reserve["amounts"][0] == pytest.approx(0.2 * result.construction_total, abs=1)


def test_samples_scale_with_the_company():
    """Each case is sized by its company (§10.5): Pengbo's 210 stores, Huatong's 300 dealers,
    Huikang's 450 reps. The dealers and reps are drivers, and the lines they drive move with them."""
    tco = {name: evaluate(engine_case(doc["business_case"])).tco for name, doc in SAMPLE.items()}
    assert tco["automotive_huatong"] > tco["pharma_huikang"] > tco["retail_chain_pengbo"]
    retail = SAMPLE["retail_chain_pengbo"]["business_case"]
    assert any("210 store" in line["name"] for line in retail["lines"])
    drivers = {name: {d["name"]: d["value"] for d in doc["business_case"]["drivers"]} for name, doc in SAMPLE.items()}
    assert drivers["automotive_huatong"]["dealers"] == 300 and drivers["pharma_huikang"]["reps"] == 450
    # (sample, driver, line, its amounts by hand, the amounts with twice the driver)
    cases = [
        ("automotive_huatong", "dealers", "U_COM", [0] + [300 * 6_000] * 5, [0] + [600 * 6_000] * 5),
        ("pharma_huikang", "reps", "C_INF", [300_000 + 450 * 2_000, 0, 0, 0, 0], [300_000 + 900 * 2_000, 0, 0, 0, 0]),
    ]
    for name, driver, line_id, amounts, doubled in cases:
        section = copy.deepcopy(SAMPLE[name]["business_case"])
        case = engine_case(section)
        assert case.values()[case.line_index(line_id)].tolist() == amounts
        next(d for d in section["drivers"] if d["name"] == driver)["value"] *= 2
        bigger = engine_case(section)
        assert bigger.values()[bigger.line_index(line_id)].tolist() == doubled
        assert evaluate(bigger).tco - evaluate(case).tco == sum(doubled) - sum(amounts)


def _with(change, name="retail_chain_pengbo"):
    doc = copy.deepcopy(SAMPLE[name])
    change(doc["business_case"])
    return doc


def _line(index, **values):
    def change(section):
        section["lines"][index].update(values)
    return change


@pytest.mark.parametrize(("change", "path", "text"), [
    (lambda s: s.update(horizon=0), "business_case.horizon", "at least 3"),
    (lambda s: s.update(horizon=31), "business_case.horizon", "at most 30"),
    (lambda s: s.update(discount_rate=-1), "business_case.discount_rate", "-1"),
    (lambda s: s.update(discount_rate="8%"), "business_case.discount_rate", "not of type 'number'"),
    (_line(0, amounts=[900000, "zero", 0, 0]), "business_case.lines[0].amounts[1]", "not of type 'number'"),
    (_line(11, formula="flyer_spend * flyer_share"), "business_case.lines[11].formula", "unknown driver 'flyer_share'"),
    (_line(0, amounts=[1, 2]), "business_case.lines[0].amounts", "needs 4 amounts"),
    (_line(14, gross_margin=None), "business_case.lines[14].gross_margin", "not of type 'number'"),
    (lambda s: s["actuals"].append({"year": 7, "benefits": 1}), "business_case.actuals[0].year", "0 to 3"),
])
def test_bad_case_is_refused_with_its_path(db, user, change, path, text):
    doc = _with(change)
    with pytest.raises(ProjectFileError) as error:
        validate_document(doc)
    problems = {where: str(message) for where, message in error.value.problems}
    assert path in problems and text in problems[path], problems
    with pytest.raises(ProjectFileError):
        import_project(db, user, doc)
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Project)) == 0
    assert db.scalar(select(func.count()).select_from(CaseLine)) == 0


def test_export_import_keeps_the_case_with_actuals(db, user):
    def line_risk(section):
        section["lines"][14]["risk"] = 0.25
        section["lines"][12]["source"] = "process map: retail_repair_to_be"   # taken from a process map
    doc = _with(line_risk)
    doc["business_case"].update(go_live="2025-10-06", benefit_risk=0.1, tax_rate=0.25,
                                actuals=[{"year": 0, "benefits": 0, "costs": 4_400_000, "note": "closing"},
                                         {"year": 1, "benefits": 1_700_000, "costs": 900_000}])
    project = import_project(db, user, doc)
    db.commit()
    db.expire_all()
    exported = export_project(db.get(Project, project.id))
    assert exported["business_case"] == doc["business_case"]
    assert exported["business_case"]["lines"][12]["source"] == "process map: retail_repair_to_be"
    assert without_import_events(exported) == doc
    again = import_project(db, user, parse(json.dumps(exported).encode()))
    db.commit()
    db.expire_all()
    assert export_project(db.get(Project, again.id))["business_case"] == doc["business_case"]


def test_a_file_without_a_case_exports_none(db, user):
    doc = copy.deepcopy(SAMPLE["pharma_huikang"])
    del doc["business_case"]
    project = import_project(db, user, doc)
    db.commit()
    assert "business_case" not in export_project(project)
