"""A stored project as MS Project XML and CSV, and uploads read back into project-file documents."""

import json

import pytest

from crm_impl.errors import ProjectFileError
from crm_impl.formats.mspdi import import_mspdi
from crm_impl.operations.exchange import project_mspdi, read_upload
from crm_impl.projectfile import validate_document
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


@pytest.fixture
def project(db, user, load_sample):
    return load_sample(user, RETAIL)


def test_mspdi_reimports_with_the_same_tasks_and_links(project):
    plan = import_mspdi(project_mspdi(project))
    assert [t.id for t in plan.tasks] == [t.key for t in project.tasks]
    assert [p.key for p in plan.phases] == [p.key for p in project.phases]
    assert [t.duration for t in plan.tasks] == [t.duration for t in project.tasks]
    assert sorted((l.pred, l.succ, l.type, l.lag) for l in plan.links) == sorted(
        (d.pred.key, d.succ.key, d.type.value, d.lag) for d in project.dependencies)


def test_read_upload_of_a_project_file():
    raw = RETAIL.read_bytes()
    document = read_upload("Pengbo.JSON", raw)
    validate_document(document)
    assert document == json.loads(raw)


def test_read_upload_of_ms_project_xml(project):
    document = read_upload("plan.XML", project_mspdi(project))
    validate_document(document)
    assert [t["id"] for t in document["tasks"]] == [t.key for t in project.tasks]
    assert len(document["dependencies"]) == len(project.dependencies)


MSPDI = "<Project xmlns='http://schemas.microsoft.com/project'><StartDate>2025-03-03T08:00:00</StartDate><Tasks>{}</Tasks></Project>"
CYCLE = ("<Task><UID>1</UID><Name>A</Name><Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>2"
         "</PredecessorUID></PredecessorLink></Task><Task><UID>2</UID><Name>B</Name><Duration>PT8H0M0S</Duration>"
         "<PredecessorLink><PredecessorUID>1</PredecessorUID></PredecessorLink></Task>")


@pytest.mark.parametrize(
    ("raw", "path", "reason"),
    [
        (b"<Project><Tasks>", "file", "not well-formed XML"),
        (b"not xml at all", "file", "not well-formed XML"),
        (b"<NotAProject/>", "file", "not an MS Project XML file"),
        (MSPDI.format(CYCLE).encode(), "dependencies", "dependency cycle: T1 → T2 → T1"),
    ],
)
def test_a_broken_xml_upload_is_a_project_file_error(raw, path, reason):
    with pytest.raises(ProjectFileError) as error:
        read_upload("broken.xml", raw)
    ((where, message),) = error.value.problems
    assert where == path and str(message).startswith(reason)
    assert error.value.lines() == [f"{path}: {message}"]
    assert error.value.localized("zh_Hans").startswith("项目文件无效")


def test_a_broken_json_upload_is_a_project_file_error():
    with pytest.raises(ProjectFileError, match="not valid JSON"):
        read_upload("plan.json", b"{ not json")
    with pytest.raises(ProjectFileError, match="the file is empty"):
        read_upload("plan.xml.json", b"   ")


@pytest.mark.parametrize("name", ["hotel.xml", "hotel.bpmn", "bpmnio.XML"])
def test_a_bpmn_process_map_is_told_apart_from_ms_project_xml(name):
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    source = (root / "tests" / "crm_impl" / "formats" / "data" / "bpmnio_complaint.bpmn" if name.startswith("bpmnio")
              else root / "sample_projects" / "processes" / "hotel_booking_as_is.bpmn")
    with pytest.raises(ProjectFileError) as error:
        read_upload(name, source.read_bytes())
    ((where, message),) = error.value.problems
    assert where == "file"
    assert str(message).startswith("this is a BPMN 2.0 process map, not an MS Project plan")
    assert "under Processes" in str(message) and "MSPDI" not in str(message) and "root element" not in str(message)
    assert "流程" in error.value.localized("zh_Hans")


def test_a_bpmn_root_after_a_long_preamble_is_still_told_apart():
    from crm_impl.formats.bpmn import BPMN_NAMESPACE

    raw = (b'<?xml version="1.0"?>' + b"<!-- " + b"x" * 5000 + b" -->"
           + f'<definitions xmlns="{BPMN_NAMESPACE}"/>'.encode())
    with pytest.raises(ProjectFileError, match="BPMN 2.0 process map"):
        read_upload("map.xml", raw)

