"""The ``crm-impl`` command line.

Commands that change projects say who acts: the audit trail records ``cli:<email>`` of the
owner they act for (``cli:demo@example.com`` for the demo).
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from crm_impl.errors import CrmImplError
from blueprints import cli_finance, cli_processes, cli_report, cli_schedule, cli_vendors
from blueprints.cli_errors import cli_locale, describe_failure, fail
from blueprints.paths import asset_dir

if TYPE_CHECKING:
    from flask import Flask

__all__ = ["main", "sample_files", "load_samples", "cli_actor"]

DEMO_EMAIL = "demo@example.com"


def cli_actor(email: str) -> str:
    """How the audit trail names a command acting for ``email``."""
    return f"cli:{email.strip().lower()}"


@contextmanager
def _app(instance: str | None) -> Iterator[Flask]:
    """The app of the instance folder, its database connections closed afterwards."""
    from blueprints import create_app

    app = create_app(instance_path=str(Path(instance).resolve()) if instance else None)
    try:
        yield app
    finally:
        app.extensions["crm_impl.engine"].dispose()


def _session(app: Flask, actor: str = ""):
    """A database session; changes it makes are recorded as done by ``actor``."""
    session = app.extensions["crm_impl.session_factory"]()
    session.info["actor"] = actor
    return session


def _owner(session, email: str):
    from crm_impl.operations.accounts import find_user_by_email

    owner = find_user_by_email(session, email)
    if owner is None:
        fail(f"no user {email!r}; create it with `crm-impl create-user`")
    return owner


def sample_files() -> list[Path]:
    return sorted(asset_dir("sample_projects").glob("*.json"))


def load_samples(app: Flask, owner_email: str) -> list:
    """Import every sample project for the user ``owner_email``."""
    from crm_impl.projectfile import import_project, read

    with _session(app, cli_actor(owner_email)) as session:
        owner = _owner(session, owner_email)
        projects = [import_project(session, owner, read(path.read_bytes())) for path in sample_files()]
        session.commit()
        return projects


class _Commands(click.Group):
    """The command group: whatever goes wrong ends as ``Error:`` lines and exit code 2, never a
    traceback (``CRM_IMPL_DEBUG=1`` shows one, for a bug report)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:  # noqa: BLE001 - the one place that turns any failure into a message
            if os.environ.get("CRM_IMPL_DEBUG"):
                raise
            fail(describe_failure(error))


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--instance", envvar="CRM_IMPL_INSTANCE", type=click.Path(file_okay=False),
              help="Instance folder (database, secret key, config.py). Default: ./instance")
@click.pass_context
def main(ctx: click.Context, instance: str | None) -> None:
    """Run CRM implementation projects: plan, track, report.

    Messages come in the language of CRM_IMPL_LANG (en or zh_Hans), else of LANG.
    """
    ctx.obj = {"instance": instance}


@main.command("init-db")
@click.pass_obj
def init_db(obj) -> None:
    """Create or upgrade the database schema (Alembic migrations)."""
    from blueprints.database import migrate

    with _app(obj["instance"]) as app:
        migrate(app)
        click.echo(f"database ready: {app.config['DATABASE_URL']}")


@main.command("create-user")
@click.argument("email")
@click.option("--name", default="", help="Display name.")
@click.option("--locale", type=click.Choice(["en", "zh_Hans"]), default="en")
@click.password_option(help="Password (asked for when not given).")
@click.pass_obj
def create_user_command(obj, email: str, name: str, locale: str, password: str) -> None:
    """Create a user account."""
    from crm_impl.operations.accounts import create_user

    with _app(obj["instance"]) as app, _session(app, cli_actor(email)) as session:
        try:
            user = create_user(session, email, password, name, locale)
        except CrmImplError as error:
            fail(error)
        session.commit()
        click.echo(f"created user {user.email}")


@main.command("load-samples")
@click.option("--owner", "owner_email", required=True, help="E-mail of the user who will own them.")
@click.pass_obj
def load_samples_command(obj, owner_email: str) -> None:
    """Import the bundled sample projects."""
    with _app(obj["instance"]) as app:
        for project in load_samples(app, owner_email):
            click.echo(f"{project.id}\t{project.code}\t{project.title}")


@main.command("export")
@click.argument("project_id", type=int)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), required=True,
              help="File to write ('-' for standard output).")
@click.pass_obj
def export_command(obj, project_id: int, output: str) -> None:
    """Write a project to a project file (JSON)."""
    from crm_impl.models import Project
    from crm_impl.projectfile import dumps, export_project

    with _app(obj["instance"]) as app, _session(app) as session:
        project = session.get(Project, project_id)
        if project is None:
            fail(f"no project {project_id}")
        text = dumps(export_project(project))
    if output == "-":
        click.echo(text, nl=False)
    else:
        Path(output).write_text(text, encoding="utf-8")
        click.echo(f"exported project {project_id} to {output}")


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--owner", "owner_email", required=True, help="E-mail of the user who will own them.")
@click.pass_obj
def import_command(obj, files: tuple[Path, ...], owner_email: str) -> None:
    """Create a project from each project FILE.

    Each file is all or nothing: a file with a problem adds nothing and its problems are listed;
    the other files are still imported. Exits 2 when any file was refused.
    """
    from crm_impl.projectfile import import_project, read

    refused = 0
    locale = cli_locale()
    with _app(obj["instance"]) as app, _session(app, cli_actor(owner_email)) as session:
        owner = _owner(session, owner_email)
        for path in files:
            try:
                project = import_project(session, owner, read(path.read_bytes()))
                session.commit()
            except (CrmImplError, OSError) as error:
                session.rollback()
                refused += 1
                text = error.localized(locale) if isinstance(error, CrmImplError) else describe_failure(error)
                for line in text.splitlines():
                    click.echo(f"Error: {path}: {line}", err=True)
                continue
            click.echo(f"imported project {project.id}: {project.title}")
    if refused:
        raise SystemExit(2)


@main.command("backup")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.pass_obj
def backup_command(obj, folder: Path) -> None:
    """Write every project, account and membership to FOLDER (new or empty), with a manifest of
    checksums; `crm-impl restore FOLDER` brings them back into an empty database."""
    from crm_impl.db import current_revision
    from crm_impl.operations.backup import write_backup

    with _app(obj["instance"]) as app, _session(app) as session:
        summary = write_backup(session, folder, revision=current_revision(app.extensions["crm_impl.engine"]))
    click.echo(f"backed up {summary.projects} projects and {summary.accounts} accounts to {summary.folder}")


@main.command("restore")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.pass_obj
def restore_command(obj, folder: Path) -> None:
    """Bring a backup FOLDER into an empty database (run `crm-impl init-db` first). Every file is
    checked against the manifest before anything is written; it is all or nothing."""
    from crm_impl.operations.backup import restore_backup

    with _app(obj["instance"]) as app, _session(app, "cli:restore") as session:
        summary = restore_backup(session, folder)
        session.commit()
    click.echo(f"restored {summary.projects} projects and {summary.accounts} accounts from {summary.folder}")


@main.command("worker")
@click.option("--burst", is_flag=True, help="Run the queued jobs, then stop (else wait for more).")
@click.option("--no-fork", is_flag=True,
              help="Run each job in the worker process itself (rq.SimpleWorker) instead of a fork of it: "
                   "Word reports then share one warm Chromium for their charts.")
@click.pass_obj
def worker_command(obj, burst: bool, no_fork: bool = False) -> None:
    """Run long work (big simulations, reports) queued by the web app; needs REDIS_URL."""
    from rq import SimpleWorker, Worker

    from blueprints.jobs import queue

    with _app(obj["instance"]) as app, app.app_context():
        jobs = queue()
        if jobs is None:
            fail("REDIS_URL is not set: without Redis the web app does all its work itself")
        kind = SimpleWorker if no_fork else Worker
        kind([jobs], connection=jobs.connection).work(burst=burst, logging_level="WARNING")


#: How far into its plan each demo project is: the work before that point reported as planned.
DEMO_PROGRESS = 0.45


def _demo_as_project_manager(app: Flask, project_ids: list[int]) -> None:
    """The demo account is the enterprise project manager (E_PM) on every sample's team, so
    "My work" shows what waits for that role; each project is shown in the middle of its rollout
    (the work planned before its status date reported as planned), not untouched months late."""
    from crm_impl.models import Project
    from crm_impl.operations.plan import progress_as_planned
    from crm_impl.operations.planning import plan_schedule

    with _session(app, cli_actor(DEMO_EMAIL)) as session:
        for project_id in project_ids:
            project = session.get(Project, project_id)
            member = next((m for m in project.team if m.role_id == "E_PM"), None)
            if member is not None:
                member.email = DEMO_EMAIL
            plan = plan_schedule(project)
            progress_as_planned(project, plan.calendar.date_at(int(plan.duration * DEMO_PROGRESS)))
        session.commit()


@main.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--dir", "directory", type=click.Path(file_okay=False),
              help="Folder for the demo database (default: a new temporary folder).")
def demo(host: str, port: int, directory: str | None) -> None:
    """Serve the app on a fresh SQLite database with the sample projects and a demo account."""
    from waitress import serve

    from crm_impl.operations.accounts import create_user
    from blueprints import create_app
    from blueprints.database import migrate

    folder = Path(directory or tempfile.mkdtemp(prefix="crm-impl-demo-")).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "demo.db"
    if database.exists():
        database.unlink()
    app = create_app({"DATABASE_URL": f"sqlite:///{database}"}, instance_path=str(folder))
    migrate(app)
    password = secrets.token_urlsafe(9)
    with _session(app, cli_actor(DEMO_EMAIL)) as session:
        create_user(session, DEMO_EMAIL, password, "Demo PM")
        session.commit()
    projects = load_samples(app, DEMO_EMAIL)
    _demo_as_project_manager(app, [p.id for p in projects])
    click.echo(json.dumps({"url": f"http://{host}:{port}/", "email": DEMO_EMAIL, "password": password}))
    click.echo(f"crm-impl demo: {len(projects)} sample projects in {database}")
    click.echo(f"open http://{host}:{port}/ and log in as {DEMO_EMAIL} with password {password}")
    sys.stdout.flush()
    serve(app, host=host, port=port, threads=8)


for _command in (*cli_schedule.commands, *cli_vendors.commands, *cli_finance.commands, *cli_processes.commands,
                 *cli_report.commands):
    main.add_command(_command)


if __name__ == "__main__":
    main()
