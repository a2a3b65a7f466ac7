"""The ``schedule FILE`` command, driven through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from blueprints.cli_schedule import commands, schedule_command

SAMPLES = Path(__file__).resolve().parents[1] / "crm_impl" / "schedule" / "data"
RETAIL = SAMPLES / "retail_chain_pengbo.json"


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


SMALL = {
    "start_date": "2025-03-07",
    "calendar": {"weekdays": [0, 1, 2, 3, 4], "holidays": ["2025-03-10"]},
    "tasks": [
        {"id": "A", "duration": 2},
        {"id": "B", "duration_days": {"optimistic": 1, "most_likely": 3, "pessimistic": 6}},
        {"id": "M", "duration": 0, "milestone": True},
    ],
    "dependencies": [{"pred": "A", "succ": "B", "type": "FS", "lag": 0}, {"pred": "B", "succ": "M"}],
}


def test_commands_are_exposed_for_the_main_group():
    assert commands == [schedule_command] and schedule_command.name == "schedule"


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
            {"id": "M", "es": 5, "ef": 5, "ls": 5, "lf": 5, "slack": 0, "critical": True,
             "start": "2025-03-17", "finish": "2025-03-17"},
        ],
    }


def test_sample_file_json_matches_golden(run):
    result = run(RETAIL, "--json")
    assert result.exit_code == 0, result.stderr
    out = json.loads(result.stdout)
    golden = json.loads(RETAIL.read_text("utf-8"))["derived"]["schedule"]
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
    assert lines[0] == "Project duration: 5 working days (2025-03-07 to 2025-03-17)"
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
        ("{not json", "cannot read"),
        ({"tasks": [{"id": "A", "duration": -1}]}, "tasks[0].duration: must be >= 0"),
        ({"tasks": [{"id": "A", "duration": 1}], "dependencies": [{"pred": "A", "succ": "Q"}]},
         "dependencies[0].succ: unknown task 'Q'"),
        ({"tasks": [{"id": "A", "duration": 1, "predecessors": [{"pred": "A"}]}]}, "dependency cycle: A → A"),
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
