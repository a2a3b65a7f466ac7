"""The crm-impl command line: database, users, samples, export and import."""

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from blueprints.cli import main
from crm_impl.models import Project
from tests.conftest import SAMPLES


@pytest.fixture
def run(engine, database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", database_url)
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, ["--instance", str(tmp_path / "instance"), *args], input=input)

    return invoke


def test_init_db_is_idempotent(run):
    result = run("init-db")
    assert result.exit_code == 0, result.output
    assert "database ready" in result.output
    assert run("init-db").exit_code == 0


def test_create_user_load_samples_export_import(run, db, tmp_path):
    result = run("create-user", "pm@example.com", "--name", "PM", "--password", "long enough")
    assert result.exit_code == 0, result.output
    bad = run("create-user", "pm@example.com", "--password", "long enough")
    assert bad.exit_code == 2 and "exists already" in bad.output

    result = run("load-samples", "--owner", "pm@example.com")
    assert result.exit_code == 0, result.output
    assert len(result.output.strip().splitlines()) == len(SAMPLES) == 3
    project_id = int(result.output.split()[0])

    out = tmp_path / "p.json"
    assert run("export", str(project_id), "-o", str(out)).exit_code == 0
    exported = json.loads(out.read_text("utf-8"))
    assert exported["project"]["code"] == "SP-AUTO-01"  # samples load in file-name order

    result = run("import", str(out), "--owner", "pm@example.com")
    assert result.exit_code == 0, result.output
    assert db.scalar(select(func.count()).select_from(Project)) == 4


def test_import_of_a_bad_file_exits_2_with_the_reasons_and_saves_nothing(run, db, tmp_path):
    run("create-user", "pm@example.com", "--password", "long enough")
    broken = json.loads(SAMPLES[0].read_text("utf-8"))
    broken["tasks"][0]["duration"] = "ten"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken))
    result = run("import", str(path), "--owner", "pm@example.com")
    assert result.exit_code == 2
    assert "tasks[0].duration" in result.output and "Traceback" not in result.output
    assert db.scalar(select(func.count()).select_from(Project)) == 0


def test_export_of_unknown_project_is_an_error(run):
    result = run("export", "424242", "-o", "-")
    assert result.exit_code == 2 and "no project 424242" in result.output


def test_the_audit_trail_names_the_command_line(run, db):
    from crm_impl.models import AuditEvent

    run("create-user", "pm@example.com", "--password", "long enough")
    assert run("import", str(SAMPLES[0]), "--owner", "PM@example.com").exit_code == 0
    event = db.scalars(select(AuditEvent)).one()
    assert (event.actor, event.entity, event.action) == ("cli:pm@example.com", "Project", "import")


def test_import_takes_several_files_and_names_each_refusal(run, db, tmp_path):
    run("create-user", "pm@example.com", "--password", "long enough")
    broken = json.loads(SAMPLES[0].read_text("utf-8"))
    broken["tasks"][0]["duration"] = -3
    bad = tmp_path / "broken.json"
    bad.write_text(json.dumps(broken))
    result = run("import", str(SAMPLES[0]), str(bad), str(SAMPLES[1]), "--owner", "pm@example.com")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.output.count("imported project") == 2
    assert f"Error: {bad}: " in result.output and "tasks[0].duration" in result.output
    assert db.scalar(select(func.count()).select_from(Project)) == 2


def test_errors_speak_chinese_when_asked(run, db, tmp_path, monkeypatch):
    run("create-user", "pm@example.com", "--password", "long enough")
    broken = json.loads(SAMPLES[0].read_text("utf-8"))
    broken["dependencies"][0]["succ"] = "NOPE"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken))
    monkeypatch.setenv("CRM_IMPL_LANG", "zh_Hans")
    result = run("import", str(path), "--owner", "pm@example.com")
    assert result.exit_code == 2 and "项目文件无效" in result.output and "未知任务 'NOPE'" in result.output
