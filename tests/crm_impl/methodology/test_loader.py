"""A broken data file must be refused at load time with a message that says what is wrong."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from crm_impl.errors import CatalogueDataError
from crm_impl.methodology.loader import (
    DATA_DIR,
    load_catalogue,
    parse_kpis,
    parse_risks,
    parse_roles,
    parse_template,
)

ROLE_IDS = {"V_PM", "V_BC", "V_PC", "V_TC", "E_SC", "E_PM", "E_SIG", "E_TG", "E_KU", "E_EU"}
KPI_IDS = {"requirement_doc_completeness", "training_coverage", "data_validation_pass_rate",
           "data_migration_accuracy", "parallel_run_consistency", "poc_users", "customization_reserve_share"}


def read(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


@pytest.fixture
def nine() -> dict[str, Any]:
    return copy.deepcopy(read("nine_phase.json"))


@pytest.fixture
def seven() -> dict[str, Any]:
    return copy.deepcopy(read("seven_step.json"))


def phase(data: dict[str, Any], phase_id: str) -> dict[str, Any]:
    return next(p for p in data["phases"] if p["id"] == phase_id)


def task(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(t for p in data["phases"] for t in p["tasks"] if t["key"] == key)


def problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    with pytest.raises(CatalogueDataError) as caught:
        parse_template(data, role_ids=ROLE_IDS, kpi_ids=KPI_IDS, source="test.json")
    assert "test.json" in str(caught.value)
    return caught.value.problems


def test_shipped_files_load():
    catalogue = load_catalogue()
    assert [t.id for t in catalogue.templates] == ["nine_phase", "seven_step"]
    assert len(catalogue.roles) == 10 and len(catalogue.risks) == 12


def test_the_app_loads_the_checked_catalogue_unchecked_to_the_same_result():
    # The app skips the checks at start (they cost half a second); this test is where they run.
    assert load_catalogue(check=False) == load_catalogue()


def test_shipped_template_passes_with_the_literal_role_ids(nine):
    assert parse_template(nine, role_ids=ROLE_IDS, kpi_ids=KPI_IDS).id == "nine_phase"


def test_cycle_is_named(nine):
    task(nine, "P1.01")["predecessors"] = [{"task": "P1.04", "type": "FS", "lag": 0}]
    found = problems(nine)
    # Only the cycle: the gate checks that need an acyclic network stay quiet.
    assert len(found) == 1
    assert "P1.01" in found[0][1] and "P1.04" in found[0][1]


def test_unknown_predecessor(nine):
    task(nine, "P3.02")["predecessors"].append({"task": "P3.99", "type": "SS", "lag": 1})
    assert ("task P3.02.predecessors[1]", "unknown task 'P3.99' in this template") in problems(nine)


def test_predecessor_from_another_template_is_unknown(nine):
    task(nine, "P1.02")["predecessors"].append({"task": "S1.01", "type": "FS", "lag": 0})
    assert any("S1.01" in what for _, what in problems(nine))


def test_two_accountable_roles_on_a_deliverable(nine):
    phase(nine, "P3")["deliverables"][0]["raci"]["V_BC"] = "A"
    assert ("deliverable P3.D1.raci", "needs exactly one A, found 2") in problems(nine)


def test_deliverable_without_responsible(nine):
    item = phase(nine, "P9")["deliverables"][3]
    item["raci"] = {"E_PM": "A", "V_PM": "C"}
    item["owner"] = "E_PM"
    assert ("deliverable P9.D4.raci", "needs at least one R") in problems(nine)


def test_two_accountable_roles_in_a_phase(nine):
    phase(nine, "P4")["raci"]["V_TC"] = "A"
    assert any(where == "phase P4.raci" and "exactly one A" in what for where, what in problems(nine))


def test_unknown_role(nine):
    task(nine, "P2.01")["roles"]["C"].append("E_CFO")
    assert ("task P2.01.roles", "unknown role 'E_CFO'") in problems(nine)


def test_role_not_involved_in_the_phase(seven):
    # Section 3.5 rule: a task's roles must not be "–" in its phase column.
    task(seven, "S3.01")["roles"]["C"].append("V_BC")
    assert ("task S3.01.roles", "V_BC is not involved ('–') in phase S3") in problems(seven)


def test_mandatory_deliverable_nobody_produces(nine):
    task(nine, "P5.04")["deliverables"] = []
    assert ("deliverable P5.D4", "mandatory but no task produces it") in problems(nine)


def test_estimate_out_of_order(nine):
    task(nine, "P6.01")["duration_days"] = {"optimistic": 25, "most_likely": 20, "pessimistic": 30}
    assert ("task P6.01", "needs optimistic ≤ most_likely ≤ pessimistic") in problems(nine)


def test_gate_task_must_close_its_phase(nine):
    task(nine, "P9.G7")["predecessors"] = [{"task": "P9.04", "type": "FS", "lag": 0}]
    assert any(where == "gate G7" and "P9.05" in what for where, what in problems(nine))


def test_gated_phase_without_gate_task(nine):
    ph = phase(nine, "P2")
    ph["tasks"] = [t for t in ph["tasks"] if t["key"] != "P2.G2"]
    for t in phase(nine, "P3")["tasks"] + phase(nine, "P4")["tasks"]:
        for link in t["predecessors"]:
            if link["task"] == "P2.G2":
                link["task"] = "P2.02"
    found = problems(nine)
    assert any(where == "gate G2" and "found 0" in what for where, what in found)


def test_unknown_kpi_in_a_gate(nine):
    phase(nine, "P5")["gate"]["criteria"][0]["kpi"] = "requirements_done"
    assert ("gate G4.G4.1", "unknown KPI 'requirements_done'") in problems(nine)


def test_duplicate_task_key(nine):
    task(nine, "P4.04")["key"] = "P4.03"
    assert ("tasks", "duplicate task key 'P4.03'") in problems(nine)


def test_shape_errors_come_with_a_path(nine):
    task(nine, "P1.02")["predecessors"][0]["type"] = "XX"
    found = problems(nine)
    assert any(where.startswith("phases[0].tasks[1].predecessors[0].type") for where, _ in found)


def test_roles_file_with_duplicates():
    data = read("roles.json")
    data["roles"].append(copy.deepcopy(data["roles"][0]))
    with pytest.raises(CatalogueDataError, match="duplicate role id 'V_PM'"):
        parse_roles(data)


def test_role_side_must_be_vendor_or_enterprise():
    data = read("roles.json")
    data["roles"][4]["side"] = "joint"
    with pytest.raises(CatalogueDataError, match=r"roles\[4\]\.side"):
        parse_roles(data)


def test_ratio_kpi_target_out_of_range():
    data = read("kpis.json")
    data["kpis"][0]["target"] = 95
    with pytest.raises(CatalogueDataError, match="between 0 and 1"):
        parse_kpis(data)


def test_risk_probability_out_of_range_and_unknown_measure():
    data = read("risks.json")
    data["risks"][0]["probability"] = 6
    with pytest.raises(CatalogueDataError, match="probability"):
        parse_risks(data)
    data = read("risks.json")
    data["risks"][0]["control_measures"] = ["CM9"]
    with pytest.raises(CatalogueDataError, match="unknown control measure 'CM9'"):
        parse_risks(data)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(str(DATA_DIR), target)
    return target


def test_folder_with_a_broken_template_is_refused(data_copy: Path):
    path = data_copy / "seven_step.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["phases"][0]["tasks"][0]["predecessors"] = [{"task": "S1.SG1", "type": "FS", "lag": 0}]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(CatalogueDataError, match="seven_step.json") as caught:
        load_catalogue(data_copy)
    assert any("cycle" in what for _, what in caught.value.problems)


def test_folder_finds_an_added_template(data_copy: Path):
    data = json.loads((data_copy / "seven_step.json").read_text(encoding="utf-8"))
    data.update(id="seven_step_copy", position=3, name="Copy")
    (data_copy / "seven_step_copy.json").write_text(json.dumps(data), encoding="utf-8")
    assert [t.id for t in load_catalogue(data_copy).templates] == ["nine_phase", "seven_step", "seven_step_copy"]


def test_template_id_must_match_the_file_name(data_copy: Path):
    (data_copy / "seven_step.json").rename(data_copy / "seven.json")
    with pytest.raises(CatalogueDataError, match="must match the file name"):
        load_catalogue(data_copy)


def test_unknown_kind_and_bad_json(data_copy: Path):
    (data_copy / "notes.json").write_text('{"kind": "notes"}', encoding="utf-8")
    with pytest.raises(CatalogueDataError, match="unknown kind 'notes'"):
        load_catalogue(data_copy)
    (data_copy / "notes.json").write_text("{", encoding="utf-8")
    with pytest.raises(CatalogueDataError, match="not valid JSON"):
        load_catalogue(data_copy)


def test_risk_phase_must_be_a_nine_phase_id(data_copy: Path):
    path = data_copy / "risks.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["risks"][0]["phases"] = ["P10"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CatalogueDataError, match="unknown phase 'P10'"):
        load_catalogue(data_copy)
