"""The ``crm-impl`` command line."""

from __future__ import annotations

import json
import secrets
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from flask import Flask

from crm_impl.operations.accounts import create_user, find_user_by_email
from crm_impl.errors import CrmImplError, ProjectFileError
from crm_impl.models import Project
from crm_impl.projectfile import dumps, export_project, import_project, parse
from blueprints import cli_schedule, create_app
from blueprints.cli_errors import fail
from blueprints.database import migrate
from blueprints.paths import asset_dir

__all__ = ["main", "sample_files", "load_samples"]

DEMO_EMAIL = "demo@example.com"


@contextmanager
def _app(instance: str | None) -> Iterator[Flask]:
    """The app of the instance folder, its database connections closed afterwards."""
    app = create_app(instance_path=str(Path(instance).resolve()) if instance else None)
    try:
        yield app
    finally:
        app.extensions["crm_impl.engine"].dispose()


def _session(app: Flask):
    return app.extensions["crm_impl.session_factory"]()


def sample_files() -> list[Path]:
    return sorted(asset_dir("sample_projects").glob("*.json"))


def load_samples(app: Flask, owner_email: str) -> list[Project]:
    """Import every sample project for the user ``owner_email``."""
    with _session(app) as session:
        owner = find_user_by_email(session, owner_email)
        if owner is None:
            raise click.ClickException(f"no user {owner_email!r}; create it with `crm-impl create-user`")
        projects = [import_project(session, owner, parse(path.read_bytes())) for path in sample_files()]
        session.commit()
        return projects


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--instance", envvar="CRM_IMPL_INSTANCE", type=click.Path(file_okay=False),
              help="Instance folder (database, secret key, config.py). Default: ./instance")
@click.pass_context
def main(ctx: click.Context, instance: str | None) -> None:
    """Run CRM implementation projects: plan, track, report."""
    ctx.obj = {"instance": instance}


@main.command("init-db")
@click.pass_obj
def init_db(obj) -> None:
    """Create or upgrade the database schema (Alembic migrations)."""
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
    with _app(obj["instance"]) as app, _session(app) as session:
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
@click.argument("file", type=click.File("rb"))
@click.option("--owner", "owner_email", required=True, help="E-mail of the user who will own it.")
@click.pass_obj
def import_command(obj, file, owner_email: str) -> None:
    """Create a project from a project file; nothing is saved if the file has a problem."""
    with _app(obj["instance"]) as app, _session(app) as session:
        owner = find_user_by_email(session, owner_email)
        if owner is None:
            fail(f"no user {owner_email!r}")
        try:
            project = import_project(session, owner, parse(file.read()))
        except ProjectFileError as error:
            session.rollback()
            fail(error)
        session.commit()
        click.echo(f"imported project {project.id}: {project.title}")


@main.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--dir", "directory", type=click.Path(file_okay=False),
              help="Folder for the demo database (default: a new temporary folder).")
def demo(host: str, port: int, directory: str | None) -> None:
    """Serve the app on a fresh SQLite database with the sample projects and a demo account."""
    from waitress import serve

    folder = Path(directory or tempfile.mkdtemp(prefix="crm-impl-demo-")).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / "demo.db"
    if database.exists():
        database.unlink()
    app = create_app({"DATABASE_URL": f"sqlite:///{database}"}, instance_path=str(folder))
    migrate(app)
    password = secrets.token_urlsafe(9)
    with _session(app) as session:
        create_user(session, DEMO_EMAIL, password, "Demo PM")
        session.commit()
    projects = load_samples(app, DEMO_EMAIL)
    click.echo(json.dumps({"url": f"http://{host}:{port}/", "email": DEMO_EMAIL, "password": password}))
    click.echo(f"crm-impl demo: {len(projects)} sample projects in {database}")
    click.echo(f"open http://{host}:{port}/ and log in as {DEMO_EMAIL} with password {password}")
    sys.stdout.flush()
    serve(app, host=host, port=port, threads=8)


for _command in cli_schedule.commands:
    main.add_command(_command)
