"""Backup and restore of a whole installation: every project as a project file, the accounts and
who is a member of what, and a manifest with a checksum of each file.

A backup folder::

    manifest.json          format, time, schema revision, and per file: name, bytes, SHA-256
    accounts.json          the accounts (e-mail, name, password hash, language, active)
    projects/0001-CODE.json  one project file per project (plan, tracking, documents, audit trail)

The manifest also lists each project's members (e-mail and role), so a restore into an empty
database gives back the same projects, people and permissions.  A restore checks every checksum
and every project file before it writes anything, and writes all or nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from crm_impl.db import audit
from crm_impl.errors import ValidationError
from crm_impl.models import MemberRole, Membership, Project, User
from crm_impl.projectfile import dumps, export_project, read, validate_document
from crm_impl.projectfile.load import add_project
from crm_impl.operations.vendors import link_evaluators

__all__ = ["BACKUP_FORMAT", "BackupSummary", "write_backup", "restore_backup"]

BACKUP_FORMAT = "crm-impl-backup"
BACKUP_VERSION = 1
MANIFEST = "manifest.json"
ACCOUNTS = "accounts.json"


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds or a restore brought back."""

    projects: int
    accounts: int
    folder: Path


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write(folder: Path, name: str, data: bytes) -> dict[str, Any]:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    # Password hashes and client documents: readable by the owner only.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
    return {"file": name, "bytes": len(data), "sha256": _sha256(data)}


def _file_name(project: Project) -> str:
    code = re.sub(r"[^A-Za-z0-9_.-]+", "-", project.code or "").strip("-.")[:60]
    return f"projects/{project.id:05d}{'-' + code if code else ''}.json"


def write_backup(session: Session, folder: Path, *, revision: str | None = None) -> BackupSummary:
    """Write every project and account of the database to ``folder`` (new or empty)."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise ValidationError("the folder %(folder)s is not empty: choose a new one", "folder", folder=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    users = session.scalars(select(User).order_by(User.id)).all()
    accounts = [{"email": u.email, "display_name": u.display_name, "password_hash": u.password_hash,
                 "locale": u.locale, "is_active": u.is_active} for u in users]
    entries = []
    projects = session.scalars(
        select(Project).options(selectinload(Project.memberships).joinedload(Membership.user)).order_by(Project.id)
    )
    for project in projects:
        entry = _write(folder, _file_name(project), dumps(export_project(project)).encode("utf-8"))
        entry.update(code=project.code, title=project.title,
                     members=[{"email": m.user.email, "role": m.role.value}
                              for m in sorted(project.memberships, key=lambda m: m.user.email)])
        entries.append(entry)
        session.expunge(project)  # one project in memory at a time, whatever the installation's size
    manifest = {
        "format": BACKUP_FORMAT,
        "format_version": BACKUP_VERSION,
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "schema_revision": revision,
        "accounts": _write(folder, ACCOUNTS, (json.dumps(accounts, ensure_ascii=False, indent=2) + "\n").encode()),
        "projects": entries,
    }
    _write(folder, MANIFEST, (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode())
    return BackupSummary(len(entries), len(accounts), folder)


def _read_checked(folder: Path, entry: Any, what: str) -> bytes:
    """The bytes of a file the manifest lists, refused unless they match its checksum."""
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or not isinstance(entry.get("sha256"), str):
        raise ValidationError("the manifest's entry is damaged", what)
    name = entry["file"]
    path = (folder / name).resolve()
    if folder.resolve() not in path.parents:
        raise ValidationError("%(file)s lies outside the backup folder", what, file=name)
    try:
        data = path.read_bytes()
    except OSError:
        raise ValidationError("%(file)s is missing", what, file=name) from None
    if _sha256(data) != entry["sha256"]:
        raise ValidationError("%(file)s does not match its checksum in the manifest (changed or damaged)", what,
                              file=name)
    return data


def _manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((folder / MANIFEST).read_bytes())
    except OSError:
        raise ValidationError("no %(file)s in %(folder)s: not a backup folder", "folder", file=MANIFEST,
                              folder=str(folder)) from None
    except ValueError:
        raise ValidationError("%(file)s is not valid JSON", "folder", file=MANIFEST) from None
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise ValidationError("%(file)s is not a crm-impl backup manifest", "folder", file=MANIFEST)
    if manifest.get("format_version") != BACKUP_VERSION:
        raise ValidationError("backup format version %(version)s is not supported (this crm-impl reads %(ours)s)",
                              "folder", version=manifest.get("format_version"), ours=BACKUP_VERSION)
    if not isinstance(manifest.get("projects"), list):
        raise ValidationError("the manifest lists no projects", "folder")
    return manifest


def _accounts(data: bytes) -> list[dict[str, Any]]:
    accounts = json.loads(data)
    fields = {"email": str, "display_name": str, "password_hash": str, "locale": str, "is_active": bool}
    if not isinstance(accounts, list):
        raise ValidationError("must be a list of accounts", ACCOUNTS)
    for i, account in enumerate(accounts):
        for name, kind in fields.items():
            if not isinstance(account, dict) or not isinstance(account.get(name), kind):
                raise ValidationError("account %(n)s has no valid %(field)s", ACCOUNTS, n=i + 1, field=name)
    return accounts


def restore_backup(session: Session, folder: Path) -> BackupSummary:
    """Bring a backup written by :func:`write_backup` into an empty database (the caller commits).

    Every file is checked (checksum, project file validation, members naming known accounts)
    before anything is added; any problem raises :class:`ValidationError` and adds nothing.
    """
    folder = Path(folder)
    manifest = _manifest(folder)
    have_projects = session.scalar(select(func.count()).select_from(Project)) or 0
    have_users = session.scalar(select(func.count()).select_from(User)) or 0
    if have_projects or have_users:
        raise ValidationError("the database is not empty (%(projects)s projects, %(users)s accounts): restore only "
                              "into an empty database", "database", projects=have_projects, users=have_users)
    accounts = _accounts(_read_checked(folder, manifest.get("accounts"), ACCOUNTS))
    documents = []
    for entry in manifest["projects"]:
        data = _read_checked(folder, entry, "projects")
        document = read(data)
        validate_document(document)
        members = entry.get("members")
        roles = {role.value for role in MemberRole}
        if not isinstance(members, list) or not members or not all(
                isinstance(m, dict) and m.get("role") in roles and isinstance(m.get("email"), str) for m in members):
            raise ValidationError("%(file)s: the manifest's list of members is damaged", "projects", file=entry["file"])
        documents.append((entry["file"], document, members))

    users = {a["email"]: User(**a) for a in accounts}
    session.add_all(users.values())
    for name, document, members in documents:
        unknown = sorted({m["email"] for m in members} - users.keys())
        if unknown:
            raise ValidationError("%(file)s: members without an account: %(emails)s", "projects", file=name,
                                  emails=", ".join(unknown))
        owner = next((users[m["email"]] for m in members if m["role"] == MemberRole.OWNER.value),
                     users[members[0]["email"]])
        project = add_project(session, owner, document)
        # The memberships as they were; restoring them is not a change to record.
        session.info[audit.SUSPENDED] = True
        try:
            # add_project made ``owner`` a member; the others join as they were.
            project.memberships.extend(Membership(user=users[m["email"]], role=MemberRole(m["role"]))
                                       for m in members if users[m["email"]] is not owner)
            session.flush()
            link_evaluators(project)  # each vendor score sheet back with its member
            session.flush()
        finally:
            session.info.pop(audit.SUSPENDED, None)
    return BackupSummary(len(documents), len(accounts), folder)
