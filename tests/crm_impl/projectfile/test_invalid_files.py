"""Malformed project files are refused with a message naming the field; nothing is saved."""

import copy
import json

import pytest
from sqlalchemy import func, select

from crm_impl.errors import ProjectFileError
from crm_impl.models import Base
from crm_impl.projectfile import import_project, parse

from tests.conftest import SAMPLES

GOOD = json.loads(SAMPLES[0].read_text("utf-8"))


def _task(doc, i=1):
    return doc["tasks"][i]


def _mutate(change):
    def build():
        doc = copy.deepcopy(GOOD)
        change(doc)
        return json.dumps(doc).encode()

    return build


CASES = {
    "not json": (lambda: b'{"format": "crm-impl-project",', "", "not valid JSON"),
    "empty": (lambda: b"   ", "", "empty"),
    "not utf-8": (lambda: b"\xff\xfe\x00{", "", "UTF-8"),
    "array": (lambda: b"[1, 2]", "", "JSON object"),
    "missing format": (_mutate(lambda d: d.pop("format")), "", "'format' is a required property"),
    "newer version": (_mutate(lambda d: d.update(format_version=2)), "format_version", "not supported"),
    "missing title": (_mutate(lambda d: d["project"].pop("title")), "project", "'title' is a required"),
    "bad date": (_mutate(lambda d: d["project"].update(start_date="2025-13-40")), "project.start_date", "date"),
    "bad currency": (_mutate(lambda d: d["project"].update(currency="yuan")), "project.currency", "does not match"),
    "unknown section": (_mutate(lambda d: d.update(taks=[])), "", "unknown field"),
    "negative duration": (_mutate(lambda d: _task(d).update(duration=-3)), "tasks[1].duration", "minimum"),
    "text duration": (_mutate(lambda d: _task(d).update(duration="five")), "tasks[1].duration", "not of type 'integer'"),
    "duplicate task id": (_mutate(lambda d: _task(d).update(id=d["tasks"][0]["id"])), "tasks", "used more than once"),
    "unknown phase": (_mutate(lambda d: _task(d).update(phase="P10")), "tasks[1].phase", "unknown phase"),
    "unknown predecessor": (_mutate(lambda d: d["dependencies"][0].update(pred="NOPE")), "dependencies[0].pred", "unknown task"),
    "bad link type": (_mutate(lambda d: d["dependencies"][0].update(type="XX")), "dependencies[0].type", "is not one of"),
    "cycle": (
        _mutate(lambda d: d["dependencies"].append({"pred": d["tasks"][3]["id"], "succ": d["tasks"][0]["id"], "type": "FS", "lag": 0})),
        "dependencies",
        "cycle",
    ),
    "self link": (_mutate(lambda d: d["dependencies"][0].update(succ=d["dependencies"][0]["pred"])), "dependencies[0]", "itself"),
    "estimate order": (
        _mutate(lambda d: _task(d)["duration_days"].update(optimistic=99)),
        "tasks[1].duration_days",
        "optimistic <= most_likely <= pessimistic",
    ),
    "unknown role": (_mutate(lambda d: _task(d)["roles"].update(R=["CEO"])), "tasks[1].roles.R", "unknown role"),
    "milestone duration": (
        _mutate(lambda d: next(t for t in d["tasks"] if t["milestone"]).update(duration=5)),
        "duration",
        "milestone",
    ),
    "bad side": (_mutate(lambda d: d["team"][0].update(side="client")), "team[0].side", "is not one of"),
    "duplicate holiday": (
        _mutate(lambda d: d["calendar"]["holidays"].append(dict(d["calendar"]["holidays"][0]))),
        "calendar.holidays",
        "listed twice",
    ),
    "bad weekday": (_mutate(lambda d: d["calendar"].update(working_weekdays=[0, 7])), "calendar.working_weekdays[1]", "maximum"),
    "finish before start": (
        _mutate(lambda d: _task(d).update(actual_start="2025-03-10", actual_finish="2025-03-01")),
        "tasks[1].actual_finish",
        "before",
    ),
}


def _row_counts(db):
    return {t.name: db.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


def test_there_are_at_least_twenty_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("name", list(CASES))
def test_malformed_file_is_refused_with_a_clear_message(db, user, load_sample, name):
    build, field, words = CASES[name]
    load_sample(user)  # the database already holds a project that must stay untouched
    before = _row_counts(db)
    with pytest.raises(ProjectFileError) as info:
        import_project(db, user, parse(build()))
    db.rollback()
    problems = info.value.problems
    assert any(path.endswith(field) if field else True for path, _ in problems), problems
    assert any(field in path and words.lower() in str(message).lower() for path, message in problems), problems
    assert _row_counts(db) == before


def test_every_problem_is_reported_at_once(db, user):
    doc = copy.deepcopy(GOOD)
    doc["tasks"][0]["duration"] = -1
    doc["tasks"][2]["phase"] = 7
    with pytest.raises(ProjectFileError) as info:
        import_project(db, user, doc)
    assert {path for path, _ in info.value.problems} == {"tasks[0].duration", "tasks[2].phase"}
