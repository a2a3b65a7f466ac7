"""Whatever goes wrong, a command prints ``Error:`` lines and exits 2: never a traceback."""

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from blueprints.cli import main
from crm_impl.models import Project
from tests.conftest import SAMPLES
from tests.crm_impl.projectfile.test_invalid_files import CASES, HOSTILE

BAD_FILES = {**CASES, **HOSTILE}


def _crm_impl(*args, env=None) -> subprocess.CompletedProcess:
    """The installed command, as a person runs it (its own process, its own stderr)."""
    command = [sys.executable, "-c", "from blueprints.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=300)


def _only_error_lines(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("Error:") for line in lines) and "Traceback" not in text


@pytest.fixture
def bad_files(tmp_path):
    paths = []
    for k, (build, _, _) in enumerate(BAD_FILES.values()):
        path = tmp_path / f"bad-{k:02}.json"
        path.write_bytes(build())
        paths.append(path)
    return paths


def test_import_of_every_hostile_file_prints_only_error_lines(engine, database_url, db, tmp_path, bad_files):
    env = {"DATABASE_URL": database_url}
    instance = ["--instance", str(tmp_path / "instance")]
    assert _crm_impl(*instance, "init-db", env=env).returncode == 0
    assert _crm_impl(*instance, "create-user", "pm@example.com", "--password", "long enough", env=env).returncode == 0
    result = _crm_impl(*instance, "import", *map(str, bad_files), "--owner", "pm@example.com", env=env)
    assert result.returncode == 2
    assert _only_error_lines(result.stderr), result.stderr[-2000:]
    assert {line.split(":")[1].strip() for line in result.stderr.splitlines()} >= {str(p) for p in bad_files}
    assert db.scalar(select(func.count()).select_from(Project)) == 0


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_schedule_of_a_hostile_file_prints_only_error_lines(tmp_path, name):
    path = tmp_path / "bad.json"
    path.write_bytes(BAD_FILES[name][0]())
    result = CliRunner().invoke(main, ["schedule", str(path)])
    assert result.exit_code == 2
    assert _only_error_lines(result.output), result.output


def test_an_unreachable_database_is_one_error_line(tmp_path):
    result = _crm_impl("--instance", str(tmp_path / "instance"), "init-db",
                       env={"DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2"})
    assert result.returncode == 2
    assert _only_error_lines(result.stderr) and "database cannot be reached" in result.stderr, result.stderr


def test_a_bug_is_one_error_line_unless_debugging(tmp_path, monkeypatch, engine, database_url):
    import blueprints.cli_schedule as cli_schedule

    def broken(path):
        raise RuntimeError("the engine fell over")

    monkeypatch.setattr(cli_schedule, "read_project_file", broken)
    sample = str(SAMPLES[0])
    result = CliRunner().invoke(main, ["schedule", sample])
    assert result.exit_code == 2
    assert result.output.strip() == ("Error: unexpected RuntimeError: the engine fell over "
                                     "(CRM_IMPL_DEBUG=1 shows where)")
    monkeypatch.setenv("CRM_IMPL_DEBUG", "1")
    assert isinstance(CliRunner().invoke(main, ["schedule", sample]).exception, RuntimeError)


def test_the_cli_names_every_problem_of_a_file_at_once(tmp_path):
    import json

    from click.testing import CliRunner

    from blueprints.cli_schedule import schedule_command
    from tests.conftest import SAMPLES

    document = json.loads(SAMPLES[-1].read_text("utf-8"))
    first, fifth = document["tasks"][0]["id"], document["tasks"][4]["id"]
    document["dependencies"].insert(0, {"pred": "NOPE", "succ": first})
    document["dependencies"].append({"pred": fifth, "succ": first})
    path = tmp_path / "two-problems.json"
    path.write_text(json.dumps(document), "utf-8")
    result = CliRunner().invoke(schedule_command, [str(path)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 2 and "unknown task 'NOPE'" in errors[0] and "dependency cycle" in errors[1]
