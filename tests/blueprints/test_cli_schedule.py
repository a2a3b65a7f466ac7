"""The ``schedule``, ``export-mspdi`` and ``import-mspdi`` commands, driven through click's CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from blueprints.cli_schedule import commands, export_mspdi_command, import_mspdi_command, schedule_command
from crm_impl.formats.task_table import COLUMNS
from crm_impl.projectfile import validate_document

GOLDEN = Path(__file__).resolve().parents[1] / "crm_impl" / "schedule" / "data"
PROJECT_FILES = sorted((Path(__file__).resolve().parents[2] / "sample_projects").glob("*.json"))
RETAIL = next(p for p in PROJECT_FILES if p.stem == "retail_chain_pengbo")


@pytest.fixture
def run(tmp_path):
    def run(data, *args):
        if isinstance(data, Path):
            path = data
        else:
            path = tmp_path / "project.json"
            path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        return CliRunner().invoke(schedule_command, [str(path), *args])

    return run


def project_file(tasks, dependencies=(), start="2025-03-07", holidays=(), **sections) -> dict:
    """A minimal crm-impl project file holding ``tasks`` (each gets phase P1 and a name)."""
    return {
        "format": "crm-impl-project",
        "format_version": 1,
        "project": {"title": "Small plan", "client_company": "ACME", "start_date": start},
        "calendar": {"working_weekdays": [0, 1, 2, 3, 4], "holidays": [{"date": day} for day in holidays]},
        "phases": [{"key": "P1", "name": "Phase"}],
        "tasks": [{"phase": "P1", "name": t["id"], **t} for t in tasks],
        "dependencies": list(dependencies),
        **sections,
    }


SMALL = project_file(
    [
        {"id": "A", "duration": 2},
        {"id": "B", "duration": 3, "duration_days": {"optimistic": 1, "most_likely": 3, "pessimistic": 6}},
        {"id": "M", "duration": 0, "milestone": True},
    ],
    [{"pred": "A", "succ": "B", "type": "FS", "lag": 0}, {"pred": "B", "succ": "M"}],
    holidays=["2025-03-10"],
)


def test_commands_are_exposed_for_the_main_group():
    assert commands == [schedule_command, export_mspdi_command, import_mspdi_command]
    assert [c.name for c in commands] == ["schedule", "export-mspdi", "import-mspdi"]


def test_json_output_is_exactly_the_documented_shape(run):
    result = run(SMALL, "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    assert out == {
        "project_duration": 5,
        "tasks": [
            {"id": "A", "es": 0, "ef": 2, "ls": 0, "lf": 2, "slack": 0, "critical": True,
             "start": "2025-03-07", "finish": "2025-03-11"},  # Fri, then Tue (weekend + holiday)
            {"id": "B", "es": 2, "ef": 5, "ls": 2, "lf": 5, "slack": 0, "critical": True,
             "start": "2025-03-12", "finish": "2025-03-14"},
            # At B's finish, as MS Project dates a milestone that follows a finish.
            {"id": "M", "es": 5, "ef": 5, "ls": 5, "lf": 5, "slack": 0, "critical": True,
             "start": "2025-03-14", "finish": "2025-03-14"},
        ],
    }


def test_sample_file_json_matches_golden(run):
    result = run(RETAIL, "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    golden = json.loads((GOLDEN / RETAIL.name).read_text("utf-8"))["derived"]["schedule"]
    assert out["project_duration"] == 177
    for task, g in zip(out["tasks"], golden["tasks"], strict=True):
        assert (task["id"], task["es"], task["lf"], task["slack"], task["critical"]) == (
            g["id"], g["es"], g["lf"], g["slack"], g["critical"]
        )
    assert out["tasks"][0]["start"] == "2025-03-03"


def test_table_output(run):
    result = run(SMALL)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Project duration: 5 working days (2025-03-07 to 2025-03-14)"
    assert lines[1] == "Critical tasks: A B M"
    header = lines[3]
    assert header.split() == ["ID", "ES", "EF", "LS", "LF", "SLACK", "CRIT", "START", "FINISH"]
    row_a = lines[4]
    assert row_a.split() == ["A", "0", "2", "0", "2", "0", "*", "2025-03-07", "2025-03-11"]
    # Columns line up: every row has the start date at the header's START column.
    col = header.index("START")
    assert all(line[col : col + 10].count("-") == 2 for line in lines[4:7])


def test_simulation_json_is_repeatable_with_a_seed(run):
    a = run(SMALL, "--json", "--simulate", "500", "--seed", "4", "--distribution", "pert")
    b = run(SMALL, "--json", "--simulate", "500", "--seed", "4", "--distribution", "pert")
    assert a.exit_code == 0, a.stderr
    assert a.stdout == b.stdout
    sim = json.loads(a.stdout)["simulation"]
    assert sim["iterations"] == 500 and sim["seed"] == 4 and sim["distribution"] == "pert"
    assert 4 <= sim["p50"] <= sim["p80"] <= sim["p90"] <= 8
    assert sim["criticality"] == {"A": 1.0, "B": 1.0, "M": 1.0}
    assert set(sim["dates"]) == {"p50", "p80", "p90"}
    assert 0 <= sim["probability_by_cpm_duration"] <= 1


def test_simulation_table(run):
    result = run(SMALL, "--simulate", "200", "--seed", "1")
    assert result.exit_code == 0, result.stderr
    assert "Monte Carlo: 200 runs, triangular, seed 1" in result.stdout
    assert "P80:" in result.stdout


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("{not json", "not valid JSON"),
        (project_file([{"id": "A", "duration": -1}]), "tasks[0].duration: must be at least 0, got -1"),
        (project_file([{"id": "A", "duration": 1}], [{"pred": "A", "succ": "Q"}]),
         "dependencies[0].succ: unknown task 'Q'"),
        (project_file([{"id": "A", "duration": 1}, {"id": "B", "duration": 1}],
                      [{"pred": "A", "succ": "B"}, {"pred": "B", "succ": "A"}]), "dependency cycle: A → B → A"),
    ],
)
def test_errors_go_to_stderr_with_exit_code_2(run, data, message):
    result = run(data, "--json")
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_missing_file_and_bad_options_exit_2(run, tmp_path):
    assert CliRunner().invoke(schedule_command, [str(tmp_path / "nope.json")]).exit_code == 2
    assert run(SMALL, "--seed", "3").exit_code == 2  # --seed without --simulate
    assert run(SMALL, "--simulate", "0").exit_code == 2
    assert run(SMALL, "--simulate", "5", "--distribution", "normal").exit_code == 2


# --- export-mspdi / import-mspdi / --csv -------------------------------------------------


def _invoke(command, *args):
    return CliRunner().invoke(command, [str(a) for a in args])


def _schedule_json(path):
    result = _invoke(schedule_command, path, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("sample", PROJECT_FILES, ids=lambda p: p.stem)
def test_mspdi_round_trip_keeps_tasks_links_and_cpm_duration(sample, tmp_path):
    assert PROJECT_FILES, "no sample project files"
    xml, back = tmp_path / "plan.xml", tmp_path / "back.json"
    result = _invoke(export_mspdi_command, sample, "-o", xml)
    assert result.exit_code == 0, result.stderr
    assert xml.read_bytes().lstrip().startswith(b"<?xml")
    result = _invoke(import_mspdi_command, xml, "-o", back)
    assert result.exit_code == 0, result.stderr

    original = json.loads(sample.read_text("utf-8"))
    text = back.read_text("utf-8")
    imported = json.loads(text)
    validate_document(imported)
    assert "\\u" not in text  # ensure_ascii=False: names stay readable
    assert [(t["id"], t["name"], t["duration"], bool(t.get("milestone"))) for t in imported["tasks"]] == [
        (t["id"], t["name"], t["duration"], bool(t.get("milestone"))) for t in original["tasks"]
    ]
    links = lambda doc: sorted(  # noqa: E731
        (d["pred"], d["succ"], d.get("type", "FS"), d.get("lag", 0)) for d in doc.get("dependencies", [])
    )
    assert links(imported) == links(original)
    assert imported["project"]["start_date"] == original["project"]["start_date"]
    # The steering baseline went to MS Project as Baseline0 and came back as the steering baseline.
    steering = next(b for b in original["baselines"] if b["steering"])
    assert [b["name"] for b in imported["baselines"]] == ["Baseline (MS Project)"] and imported["baselines"][0]["steering"]
    assert imported["baselines"][0]["tasks"] == steering["tasks"]

    before, after = _schedule_json(sample), _schedule_json(back)
    assert after["project_duration"] == before["project_duration"]
    assert after["tasks"] == before["tasks"]


def test_every_problem_of_a_file_is_one_error_line(run):
    bad = project_file([{"id": "A", "duration": -1}, {"id": "B", "duration": "2"}])
    result = run(bad, "--json")
    assert result.exit_code == 2 and result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("Error: invalid project file: tasks[") for line in lines)


def test_export_to_stdout_and_client_option(tmp_path):
    sample = PROJECT_FILES[0]
    result = _invoke(export_mspdi_command, sample, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert b"<Project" in result.stdout_bytes
    xml = tmp_path / "plan.xml"
    xml.write_bytes(result.stdout_bytes)
    result = _invoke(import_mspdi_command, xml, "-o", "-", "--client", "ACME 股份")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["project"]["client_company"] == "ACME 股份"
    validate_document(document)


def test_import_mspdi_of_a_bpmn_map_says_what_the_file_is(tmp_path):
    source = Path(__file__).resolve().parents[2] / "sample_projects" / "processes" / "hotel_booking_to_be.bpmn"
    xml = tmp_path / "map.xml"
    xml.write_bytes(source.read_bytes())
    result = _invoke(import_mspdi_command, xml, "-o", tmp_path / "out.json")
    assert result.exit_code != 0 and not (tmp_path / "out.json").exists()
    assert "BPMN 2.0 process map, not an MS Project plan" in result.stderr and "root element" not in result.stderr


MINIMAL_MSPDI = """<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <Title>Mini plan</Title>
  <StartDate>2025-03-03T08:00:00</StartDate>
  <Tasks>
    <Task><UID>1</UID><ID>1</ID><Name>Design</Name><OutlineLevel>1</OutlineLevel>
      <Start>2025-03-03T08:00:00</Start><Duration>PT16H0M0S</Duration></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Build</Name><OutlineLevel>1</OutlineLevel>
      <Start>2025-03-05T08:00:00</Start><Duration>PT24H0M0S</Duration>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
  </Tasks>
</Project>
"""


def test_import_without_company_defaults_client_to_the_plan_name(tmp_path):
    xml, out = tmp_path / "mini.xml", tmp_path / "mini.json"
    xml.write_text(MINIMAL_MSPDI, encoding="utf-8")
    result = _invoke(import_mspdi_command, xml, "-o", out)
    assert result.exit_code == 0, result.stderr
    document = json.loads(out.read_text("utf-8"))
    validate_document(document)
    assert document["project"]["client_company"] == "Mini plan"
    assert [(t["name"], t["duration"]) for t in document["tasks"]] == [("Design", 2), ("Build", 3)]
    assert _schedule_json(out)["project_duration"] == 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<Project><Tasks>", "not well-formed XML"),
        (b"<NotAProject/>", "not an MS Project XML file"),
        (b"\xff\xfe garbage", "Error:"),
    ],
)
def test_import_bad_xml_exits_2_with_a_message(tmp_path, content, message):
    xml, out = tmp_path / "bad.xml", tmp_path / "out.json"
    xml.write_bytes(content)
    result = _invoke(import_mspdi_command, xml, "-o", out)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert not out.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps({"format": "crm-impl-project", "format_version": 1}), "invalid project file"),
    ],
)
def test_export_invalid_project_file_exits_2(tmp_path, content, message):
    path, out = tmp_path / "project.json", tmp_path / "out.xml"
    path.write_text(content, encoding="utf-8")
    result = _invoke(export_mspdi_command, path, "-o", out)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_unknown_files_and_missing_output_exit_2(tmp_path):
    for command in (export_mspdi_command, import_mspdi_command):
        assert _invoke(command, tmp_path / "nope", "-o", tmp_path / "x").exit_code == 2
        assert _invoke(command, PROJECT_FILES[0]).exit_code == 2  # -o is required


CSV_HEADER = list(COLUMNS)  # the task table the plan page reads back


def test_csv_task_table_of_a_project_file():
    sample = PROJECT_FILES[0]
    result = _invoke(schedule_command, sample, "--csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == CSV_HEADER
    document = json.loads(sample.read_text("utf-8"))
    assert len(rows) == 1 + len(document["tasks"])
    assert [r[:3] for r in rows[1:]] == [[t["id"], t["phase"], t["name"]] for t in document["tasks"]]
    timings = {t["id"]: t for t in _schedule_json(sample)["tasks"]}
    for row in rows[1:]:
        t, cell = timings[row[0]], dict(zip(CSV_HEADER, row))
        assert [cell[c] for c in ("es", "lf", "total_slack", "critical", "start", "finish")] == [
            str(t["es"]), str(t["lf"]), str(t["slack"]), str(t["critical"]).lower(), t["start"], t["finish"]
        ]


def test_csv_of_the_small_layout(run):
    result = run(SMALL, "--csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ",".join(CSV_HEADER)
    assert lines[1] == "A,P1,A,,2,false,,,,,,,,0,0,2025-03-07,2025-03-11,0,2,0,2,0,0,true"
    assert len(lines) == 4
    assert run(SMALL, "--csv", "--json").exit_code == 2
    assert run(SMALL, "--csv", "--simulate", "10").exit_code == 2


def test_simulation_takes_risk_events_from_the_file(tmp_path):
    import json as _json

    from click.testing import CliRunner

    from blueprints.cli import main

    plan = project_file(
        [{"id": "a", "duration": 5, "duration_days": {"optimistic": 5, "most_likely": 5, "pessimistic": 5}},
         {"id": "b", "duration": 3}],
        [{"pred": "a", "succ": "b", "type": "FS", "lag": 0}], start="2025-03-03")
    risk = {"key": "R1", "title": "Late data", "probability": 5, "impact": 4, "delay_days": 4, "linked_tasks": ["a"]}
    path = tmp_path / "p.json"
    runner = CliRunner()

    def p50(extra):
        path.write_text(_json.dumps({**plan, **extra}))
        result = runner.invoke(main, ["schedule", str(path), "--json", "--simulate", "500", "--seed", "1", "--with-risks"])
        assert result.exit_code == 0, result.output
        return _json.loads(result.output)["simulation"]

    calm = p50({})
    risky = p50({"risks": [risk]})
    assert _json.dumps(calm) != _json.dumps(risky)
    closed = p50({"risks": [{**risk, "status": "closed"}]})
    assert _json.dumps(calm) == _json.dumps(closed)
    path.write_text(_json.dumps({**plan, "risks": [{**risk, "probability": 7}]}))
    bad = runner.invoke(main, ["schedule", str(path), "--simulate", "100", "--with-risks"])
    assert bad.exit_code == 2 and "risks[0].probability" in bad.output
