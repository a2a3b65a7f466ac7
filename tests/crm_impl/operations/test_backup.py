"""Restore refuses what a hand-edited or hostile manifest asks for, before adding anything."""

import json

import pytest

from crm_impl.errors import ValidationError
from crm_impl.operations.backup import restore_backup, write_backup


@pytest.fixture
def backup(db, user, load_sample, tmp_path):
    load_sample(user)
    db.commit()
    write_backup(db, tmp_path / "b")
    return tmp_path / "b"


def _edit_manifest(folder, change):
    manifest = json.loads((folder / "manifest.json").read_text())
    change(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest))


def _empty(db):
    from tests.conftest import _empty_all_tables

    _empty_all_tables(db.get_bind())
    db.expire_all()


@pytest.mark.parametrize("change, message", [
    (lambda m: m["projects"][0].update(file="../../../etc/passwd"), "outside the backup folder"),
    (lambda m: m["projects"][0].update(file="projects/none.json"), "is missing"),
    (lambda m: m["projects"][0]["members"].append({"email": "ghost@example.com", "role": "owner"}),
     "members without an account: ghost@example.com"),
    (lambda m: m["projects"][0]["members"][0].update(role="emperor"), "list of members is damaged"),
    (lambda m: m.update(format_version=99), "version 99 is not supported"),
    (lambda m: m.update(accounts={"file": "accounts.json", "sha256": "0" * 64}), "does not match its checksum"),
])
def test_hostile_manifests_are_refused_with_a_reason(db, backup, change, message):
    _edit_manifest(backup, change)
    _empty(db)
    with pytest.raises(ValidationError, match=message):
        restore_backup(db, backup)


def test_backup_refuses_a_folder_with_files_in_it(db, backup):
    with pytest.raises(ValidationError, match="not empty"):
        write_backup(db, backup)
