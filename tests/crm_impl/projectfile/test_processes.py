"""The ``processes`` section: the sample files carry what the writer writes, every problem has its
path, and export → import keeps the section."""

import copy
import importlib.util
import json
from pathlib import Path

import pytest

from crm_impl.errors import ProjectFileError
from crm_impl.formats.bpmn import import_bpmn
from crm_impl.models import Project
from crm_impl.projectfile import export_project, import_project, parse, validate_document
from crm_impl.projectfile.processes import document_maps
from tests.conftest import without_import_events

ROOT = Path(__file__).resolve().parents[3]
SAMPLES = sorted((ROOT / "sample_projects").glob("*.json"))


def _writer():
    spec = importlib.util.spec_from_file_location("write_process_samples", ROOT / "tools" / "write_process_samples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_sample_project_files_carry_the_writers_section():
    # fails until `python tools/write_process_samples.py` is run after a sample map changes
    for path, content in _writer().sample_project_files().items():
        assert path.read_bytes() == content, path.name


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_each_sample_holds_an_as_is_and_to_be_pair_with_fishbone_and_candidates(path):
    section = json.loads(path.read_text("utf-8"))["processes"]
    kinds = [m["kind"] for m in section["maps"]]
    assert kinds.count("as_is") >= 1 and kinds.count("to_be") == kinds.count("as_is")
    for item in section["maps"]:
        assert import_bpmn(item["bpmn"]).process.key == item["key"]
    assert section["fishbones"] and section["candidates"]


def _problems(document) -> list[str]:
    with pytest.raises(ProjectFileError) as caught:
        validate_document(document)
    return [f"{where}: {problem}" for where, problem in caught.value.problems]


def test_every_problem_of_the_section_is_placed():
    document = json.loads(SAMPLES[0].read_text("utf-8"))
    bad = copy.deepcopy(document)
    maps = bad["processes"]["maps"]
    maps[1]["as_is"] = "nowhere"
    maps[0]["as_is"] = maps[1]["key"]
    maps.append(copy.deepcopy(maps[0]) | {"as_is": None})
    maps[0]["bpmn"] = maps[0]["bpmn"].replace('probability="0.35"', 'probability="0.95"', 1)
    bad["processes"]["candidates"][0]["importance"] = 6
    bad["processes"]["fishbones"][0]["categories"][0]["causes"] = []
    problems = _problems(bad)
    assert any(p.startswith("processes.maps[1].as_is: unknown as-is map") for p in problems)
    assert any(p.startswith("processes.maps[0].as_is: an as-is map redesigns no other map") for p in problems)
    assert any(p.startswith("processes.maps: map key") for p in problems)
    assert any(p.startswith("processes.maps[0].bpmn: nodes[") for p in problems)
    assert any(p.startswith("processes.candidates[0].importance: must be at most 5") for p in problems)
    assert any(p.startswith("processes.fishbones[0].categories[0].causes") for p in problems)
    hostile = copy.deepcopy(document)
    hostile["processes"]["maps"][0]["bpmn"] = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>'
    assert _problems(hostile) == ["processes.maps[0].bpmn: refused unsafe XML (DTDForbidden)"]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_export_then_import_keeps_the_section(db, user, path):
    document = parse(path.read_bytes())
    project = import_project(db, user, document)
    db.commit()
    db.expire_all()
    exported = export_project(db.get(Project, project.id))
    assert exported["processes"] == document["processes"]
    again = import_project(db, user, exported)
    db.commit()
    db.expire_all()
    assert without_import_events(export_project(db.get(Project, again.id)))["processes"] == document["processes"]
    stored = db.get(Project, again.id)
    links = {m["key"]: m["as_is"] for m in document["processes"]["maps"] if m["kind"] == "to_be"}
    assert links and {m.key: m.as_is.key for m in stored.process_maps if m.kind.value == "to_be"} == links
    # the savings are recomputed on import, the same as measured from the file itself
    measured = {m.key: m.diff.annual_savings for m in document_maps(document) if m.diff}
    assert {m.key: m.annual_savings for m in stored.process_maps if m.kind.value == "to_be"} == pytest.approx(measured)


def test_the_selection_weights_travel_in_the_file(db, user):
    from crm_impl.operations.processes import selection_weights, update_selection
    from crm_impl.processes import Weights

    document = parse(SAMPLES[0].read_bytes())
    assert "selection" not in document["processes"]  # none stored: none written
    project = import_project(db, user, document)
    update_selection(db, project, None, Weights(2, 0.5, 1.25), "product")
    db.commit()
    db.expire_all()
    exported = export_project(db.get(Project, project.id))
    assert exported["processes"]["selection"] == {"importance": 2, "gap": 0.5, "feasibility": 1.25, "method": "product"}
    validate_document(exported)
    again = import_project(db, user, json.loads(json.dumps(exported)))
    db.commit()
    db.expire_all()
    stored = db.get(Project, again.id)
    assert selection_weights(stored) == (Weights(2, 0.5, 1.25), "product")
    assert export_project(stored)["processes"]["selection"] == exported["processes"]["selection"]
    # only the weights: a file may carry nothing else of the section
    bare = import_project(db, user, {k: v for k, v in exported.items() if k != "processes"}
                          | {"processes": {"selection": {"importance": 3, "gap": 1, "feasibility": 1}}})
    db.commit()
    assert selection_weights(bare) == (Weights(3, 1, 1), "weighted")
    assert export_project(bare)["processes"] == {"maps": [], "fishbones": [], "candidates": [],
                                                 "selection": {"importance": 3, "gap": 1, "feasibility": 1,
                                                               "method": "weighted"}}


@pytest.mark.parametrize(("selection", "words"), [
    ({"importance": 0, "gap": 0, "feasibility": 0}, "processes.selection: weights must be numbers of at least 0, not all 0"),
    ({"importance": 101}, "processes.selection.importance: "),
    ({"gap": -1}, "processes.selection.gap: "),
    ({"method": "sum"}, "processes.selection.method: "),
    ({"weights": 1}, "processes.selection: "),
])
def test_bad_selection_weights_are_placed(selection, words):
    document = json.loads(SAMPLES[0].read_text("utf-8"))
    document["processes"]["selection"] = selection
    problems = _problems(document)
    assert any(p.startswith(words) for p in problems), problems

