"""The published schema carries the limits of the models, and dates are really checked."""

import json
from importlib import resources

import pytest
from jsonschema import Draft202012Validator

from crm_impl.limits import MAX_DURATION_DAYS, MAX_LAG_DAYS, MAX_TEXT
from crm_impl.models import Holiday, Meeting, Project, Task
from crm_impl.models.base import max_length
from crm_impl.projectfile.spec import SCHEMA_FILE, column_at, complete, format_checker, schema


def _published() -> dict:
    return json.loads(resources.files("crm_impl.projectfile").joinpath(SCHEMA_FILE).read_text("utf-8"))


def _leaves(node, where=()):
    """(where, node) of every typed node of the schema."""
    if not isinstance(node, dict):
        return
    if "type" in node:
        yield where, node
    for key, child in node.get("properties", {}).items():
        yield from _leaves(child, (*where, key))
    if isinstance(node.get("items"), dict):
        yield from _leaves(node["items"], (*where, "[]"))
    if isinstance(node.get("additionalProperties"), dict):
        yield from _leaves(node["additionalProperties"], (*where, "*"))


def test_the_published_schema_carries_todays_model_limits():
    # Fails after a column changes until `python tools/write_schema_limits.py` is run.
    assert _published() == complete(_published())


def test_every_text_number_and_list_of_the_schema_is_bounded():
    unbounded = []
    for where, node in _leaves(schema()):
        kinds = {node["type"]} if isinstance(node["type"], str) else set(node["type"])
        needs = {"string": ["maxLength"], "integer": ["minimum", "maximum"], "number": ["minimum", "maximum"],
                 "array": ["maxItems"]}
        for kind in kinds:
            unbounded += [(where, key) for key in needs.get(kind, []) if key not in node]
    assert unbounded == []


@pytest.mark.parametrize(("path", "column"), [
    (("project", "title"), Project.title),
    (("tasks", "id"), Task.key),
    (("dependencies", "pred"), Task.key),
    (("tasks", "name"), Task.name),
    (("meetings", "title"), Meeting.title),
    (("calendar", "holidays", "name"), Holiday.name),
])
def test_string_limits_are_the_columns_lengths(path, column):
    node = schema()
    for key in path:
        node = node.get("items", node)["properties"][key]
    assert node["maxLength"] == max_length(column)
    assert column_at(path).name == column.property.columns[0].name


def test_number_limits_are_the_columns_ranges():
    task = schema()["properties"]["tasks"]["items"]["properties"]
    assert (task["duration"]["minimum"], task["duration"]["maximum"]) == (0, MAX_DURATION_DAYS)
    assert (task["progress"]["minimum"], task["progress"]["maximum"]) == (0, 100)
    lag = schema()["properties"]["dependencies"]["items"]["properties"]["lag"]
    assert (lag["minimum"], lag["maximum"]) == (-MAX_LAG_DAYS, MAX_LAG_DAYS)
    free = schema()["properties"]["project"]["properties"]["description"]
    assert free["maxLength"] == MAX_TEXT


@pytest.mark.parametrize(("kind", "value", "valid"), [
    ("date", "2025-03-03", True),
    ("date", "2024-02-29", True),
    ("date", "2025-02-29", False),
    ("date", "20250303", False),
    ("date", "2025-W10-1", False),
    ("date", "1899-12-31", False),
    ("date", "2200-01-01", False),
    ("date-time", "2025-03-03T09:00:00+08:00", True),
    ("date-time", "2025-03-03T01:00:00Z", True),
    ("date-time", "2025-03-03T09:00:00.123456+08:00", True),
    ("date-time", "2025-03-03", False),
    ("date-time", "2025-03-03 09:00:00", False),
    ("date-time", "2025-03-03T25:00:00Z", False),
    ("date-time", "0001-01-01T00:00:00+14:00", False),
    ("date-time", "9999-12-31T23:59:59-14:00", False),
])
def test_dates_and_times_are_really_checked(kind, value, valid):
    validator = Draft202012Validator({"type": "string", "format": kind}, format_checker=format_checker())
    assert validator.is_valid(value) is valid
