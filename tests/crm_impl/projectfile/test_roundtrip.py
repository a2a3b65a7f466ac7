"""Export → import gives back the identical project, for every sample project."""

import json

import pytest
from sqlalchemy import func, select

from crm_impl.models import Dependency, Project, Task
from crm_impl.projectfile import export_project, import_project, parse, schema
from jsonschema import Draft202012Validator

from tests.conftest import SAMPLES, without_import_events


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_sample_file_survives_import_and_export_unchanged(db, user, path):
    document = parse(path.read_bytes())
    project = import_project(db, user, document)
    db.commit()
    db.expire_all()  # read everything back from the database, not from the identity map
    exported = export_project(db.get(Project, project.id))
    assert without_import_events(exported) == document

    again = import_project(db, user, exported)
    db.commit()
    db.expire_all()
    assert without_import_events(export_project(db.get(Project, again.id))) == document


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_samples_are_full_nine_phase_plans(db, user, path):
    document = json.loads(path.read_text("utf-8"))
    Draft202012Validator(schema()).validate(document)
    assert [p["key"] for p in document["phases"]] == [f"P{i}" for i in range(1, 10)]
    assert {t["phase"] for t in document["tasks"]} == {f"P{i}" for i in range(1, 10)}
    assert len(document["tasks"]) >= 30
    assert sum(t["milestone"] for t in document["tasks"]) == 7  # gates G1..G7
    assert {m["side"] for m in document["team"]} == {"vendor", "enterprise"}
    project = import_project(db, user, document)
    db.flush()
    count = db.scalar(select(func.count()).select_from(Task).where(Task.project_id == project.id))
    links = db.scalar(select(func.count()).select_from(Dependency).where(Dependency.project_id == project.id))
    assert (count, links) == (len(document["tasks"]), len(document["dependencies"]))
