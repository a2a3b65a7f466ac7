"""Malformed project files are refused with a message naming the field; nothing is saved."""

import copy
import json

import pytest
from sqlalchemy import func, select

from crm_impl.errors import ProjectFileError
from crm_impl.models import Base
from crm_impl.projectfile import import_project, parse, validate_document

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


def _mutate_text(change):
    return lambda: change(json.dumps(GOOD, ensure_ascii=False)).encode("utf-8", "surrogatepass")


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
    "negative duration": (_mutate(lambda d: _task(d).update(duration=-3)), "tasks[1].duration", "at least 0"),
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
    "bad weekday": (_mutate(lambda d: d["calendar"].update(working_weekdays=[0, 7])), "calendar.working_weekdays[1]", "at most 6"),
    "finish before start": (
        _mutate(lambda d: _task(d).update(actual_start="2025-03-10", actual_finish="2025-03-01")),
        "tasks[1].actual_finish",
        "before",
    ),
}

# What a hostile (or broken) file tries: each refused with its field, before the database sees it.
HOSTILE = {
    "deep nesting": (lambda: b"[" * 100_000 + b"]" * 100_000, "", "nested more than 32"),
    "nesting in a free object": (
        _mutate(lambda d: d["project"].update(company_profile=json.loads("[" * 40 + "]" * 40))), "", "nested"),
    "NaN budget": (lambda: json.dumps(GOOD).replace('"budget_reserve": ', '"budget_reserve": NaN, "x": ').encode(),
                   "", "NaN"),
    "Infinity": (lambda: json.dumps(GOOD)[:-1].encode() + b', "y": -Infinity}', "", "Infinity"),
    "endless integer": (_mutate_text(lambda t: t.replace('"format_version": 1', '"format_version": ' + "9" * 5000)),
                        "", "too long to read"),
    "integer beyond 32 bits": (_mutate(lambda d: d["risks"][0].update(delay_days=2**31)), "risks[0].delay_days",
                               "at most"),
    "huge duration": (_mutate(lambda d: _task(d).update(duration=10**7)), "tasks[1].duration", "at most 2,600"),
    "huge lag": (_mutate(lambda d: d["dependencies"][0].update(lag=-10**6)), "dependencies[0].lag", "at least -2,600"),
    "huge budget": (_mutate(lambda d: _task(d).update(budget=1e300)), "tasks[1].budget", "at most"),
    "long title": (_mutate(lambda d: d["project"].update(title="x" * 201)), "project.title", "longer than 200"),
    "long meeting title": (_mutate(lambda d: d.update(meetings=[{"held_on": "2025-03-03", "title": "m" * 301}])), "meetings[0].title",
                           "longer than 300"),
    "long holiday name": (_mutate(lambda d: d["calendar"]["holidays"][0].update(name="h" * 121)),
                          "calendar.holidays[0].name", "longer than 120"),
    "long description": (_mutate(lambda d: d["project"].update(description="d" * 20_001)), "project.description",
                         "longer than 20000"),
    "NUL in a name": (_mutate(lambda d: _task(d).update(name="Kick\x00off")), "tasks[1].name", "U+0000"),
    "lone surrogate": (_mutate_text(lambda t: t.replace('"title": "', '"title": "\\ud800', 1)), "project.title",
                       "U+D800"),
    "surrogate in a free key": (_mutate(lambda d: d["project"].update(company_profile={"\udfff": 1})),
                                "project.company_profile", "field name"),
    "year 9999": (_mutate(lambda d: d["project"].update(start_date="9999-12-31")), "project.start_date", "2199-12-31"),
    "year 1 at +14:00": (_mutate(lambda d: d["baselines"][0].update(created_at="0001-01-01T00:00:00+14:00")),
                         "baselines[0].created_at", "1900-01-01"),
    "date-time nonsense": (_mutate(lambda d: d["baselines"][0].update(created_at="2025-02-30T25:61:00Z")),
                           "baselines[0].created_at", "date like"),
    "date without dashes": (_mutate(lambda d: d["project"].update(start_date="20250303")), "project.start_date",
                            "date like"),
    "a century of chained tasks": (
        _mutate(lambda d: [t.update(duration=2600, duration_days=None) if not t.get("milestone") else None
                           for t in d["tasks"][:4]] and [t.pop("duration_days") for t in d["tasks"][:4]
                                                         if "duration_days" in t]),
        "tasks", "working days from start to finish"),
    "too many tasks": (_mutate(lambda d: d.update(tasks=[{"id": f"T{i}", "phase": d["phases"][0]["key"], "name": "t",
                                                          "duration": 1} for i in range(10_001)])),
                       "tasks", "more than 10000"),
}


def _row_counts(db):
    return {t.name: db.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


def test_there_are_at_least_twenty_cases():
    assert len(CASES) >= 20


@pytest.mark.parametrize("name", [*CASES, *HOSTILE])
def test_malformed_file_is_refused_with_a_clear_message(db, user, load_sample, name):
    build, field, words = CASES.get(name) or HOSTILE[name]
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


def test_every_problem_of_a_file_is_named_together_structural_and_semantic():
    """A dangling link once hid a cycle, and a wrong type hid both."""
    document = json.loads(SAMPLES[-1].read_text("utf-8"))
    first, fifth = document["tasks"][0]["id"], document["tasks"][4]["id"]
    document["dependencies"].insert(0, {"pred": "NOPE", "succ": first})
    document["dependencies"].append({"pred": fifth, "succ": first})
    document["tasks"][2]["duration"] = "ten"
    with pytest.raises(ProjectFileError) as refused:
        validate_document(document)
    fields = [field for field, _ in refused.value.problems]
    assert fields == ["tasks[2].duration", "dependencies[0].pred", "dependencies"]
    assert "dependency cycle" in refused.value.localized("en")


def test_a_day_cannot_be_both_a_holiday_and_a_working_day():
    document = json.loads(SAMPLES[-1].read_text("utf-8"))
    day = document["calendar"]["holidays"][0]["date"]
    document["calendar"]["working_days"] = [{"date": day, "name": "make-up"}, {"date": day}]
    with pytest.raises(ProjectFileError) as refused:
        validate_document(document)
    text = refused.value.localized("en")
    assert "is listed twice" in text and "is both a holiday and a working day" in text
