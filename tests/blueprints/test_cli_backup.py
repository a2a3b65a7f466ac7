"""`crm-impl backup` and `crm-impl restore`: a whole installation into a folder with checksums,
and back into an empty database equal to before (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from blueprints.cli import main
from crm_impl.db import make_engine, make_session_factory
from crm_impl.models import MemberRole, Membership, Project, User
from crm_impl.projectfile import export_project
from tests.conftest import SAMPLES, postgres_schema


@pytest.fixture
def empty_database(database_url, tmp_path):
    """A second, migrated, empty database of the same kind as the test database."""
    if database_url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'restored.db'}"
        yield url
        return
    with postgres_schema("restore") as url:
        yield url


def _cli(url, tmp_path, *args):
    return CliRunner().invoke(main, ["--instance", str(tmp_path / "instance"), *args], env={"DATABASE_URL": url})


def _snapshot(url) -> dict:
    """Everything a person sees: accounts, and per project its whole file and its members."""
    engine = make_engine(url)
    try:
        with make_session_factory(engine)() as session:
            users = sorted((u.email, u.display_name, u.password_hash, u.locale, u.is_active)
                           for u in session.scalars(select(User)))
            projects = {p.code: (export_project(p), sorted((m.user.email, m.role.value) for m in p.memberships))
                        for p in session.scalars(select(Project))}
            return {"users": users, "projects": projects}
    finally:
        engine.dispose()


@pytest.fixture
def installation(db, make_user, load_sample):
    """Three sample projects, two people with different roles, an uploaded document, a baseline."""
    from crm_impl.operations.baselines import save_baseline

    owner = make_user()
    consultant = make_user(email="gu@example.com", locale="zh_Hans")
    projects = [load_sample(owner, path) for path in SAMPLES]
    db.add(Membership(project=projects[0], user=consultant, role=MemberRole.CONSULTANT))
    db.add(Membership(project=projects[2], user=consultant, role=MemberRole.VIEWER))
    deliverable = projects[0].deliverables[0]
    deliverable.file_name, deliverable.file_data = "需求说明书.docx", b"PK\x03\x04 a document \x00\xff"
    save_baseline(db, projects[1], "Signed plan")
    projects[1].tasks[3].progress = 40
    db.commit()
    return projects


def test_backup_then_restore_into_an_empty_database_gives_back_everything(installation, database_url, empty_database,
                                                                         tmp_path):
    folder = tmp_path / "backup"
    result = _cli(database_url, tmp_path, "backup", str(folder))
    assert result.exit_code == 0, result.output
    assert "backed up 3 projects and 2 accounts" in result.output
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["format"] == "crm-impl-backup" and len(manifest["projects"]) == 3
    assert all(len(entry["sha256"]) == 64 for entry in manifest["projects"])
    assert (folder / "accounts.json").stat().st_mode & 0o077 == 0  # password hashes: owner only

    assert _cli(empty_database, tmp_path, "init-db").exit_code == 0
    result = _cli(empty_database, tmp_path, "restore", str(folder))
    assert result.exit_code == 0, result.output
    assert _snapshot(empty_database) == _snapshot(database_url)
    # The people log in with their own passwords on the restored database.
    from crm_impl.operations.accounts import authenticate

    engine = make_engine(empty_database)
    with make_session_factory(engine)() as session:
        assert authenticate(session, "gu@example.com", "correct horse") is not None
    engine.dispose()

    again = _cli(empty_database, tmp_path, "restore", str(folder))
    assert again.exit_code == 2 and "not empty (3 projects, 2 accounts)" in again.output
    assert _cli(database_url, tmp_path, "backup", str(folder)).exit_code == 2  # never over a backup


def test_a_damaged_backup_restores_nothing_and_says_which_file(installation, database_url, empty_database, tmp_path):
    folder = tmp_path / "backup"
    assert _cli(database_url, tmp_path, "backup", str(folder)).exit_code == 0
    assert _cli(empty_database, tmp_path, "init-db").exit_code == 0
    manifest = json.loads((folder / "manifest.json").read_text())
    damaged = folder / manifest["projects"][1]["file"]  # the project with a task at 40 %
    text = damaged.read_bytes()
    assert b'"progress": 40' in text
    damaged.write_bytes(text.replace(b'"progress": 40', b'"progress": 41'))
    result = _cli(empty_database, tmp_path, "restore", str(folder))
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert manifest["projects"][1]["file"] in result.output and "checksum" in result.output
    assert _snapshot(empty_database) == {"users": [], "projects": {}}

    (folder / "manifest.json").write_text("{not json")
    result = _cli(empty_database, tmp_path, "restore", str(folder))
    assert result.exit_code == 2 and "not valid JSON" in result.output
    result = _cli(empty_database, tmp_path, "restore", str(tmp_path))
    assert result.exit_code == 2 and "not a backup folder" in result.output
