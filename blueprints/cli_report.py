"""``report {plan,status} FILE_OR_PROJECT_ID -o OUT.docx [--lang en|zh] [--pdf]``.

A project file is read by the one validated reader and loaded into a private, temporary SQLite
database (migrated like any other), so a report of a file and of a stored project come from the
same operations; a number names a project of the instance's database.  The .docx (and the PDF
with ``--pdf``, next to it) is written completely or not at all.
"""

from __future__ import annotations

import secrets
import tempfile
from datetime import date, datetime
from pathlib import Path

import click

from crm_impl.reports import REPORTS
from blueprints.cli_errors import cli_locale, fail

__all__ = ["commands", "report_command"]

_LANGS = {"en": "en", "zh": "zh_Hans", "zh_Hans": "zh_Hans", "zh-CN": "zh_Hans", "zh_CN": "zh_Hans"}


def _write(project, kind: str, options, output: Path, pdf: bool) -> list[Path]:
    from crm_impl.reports import build_report, report_pdf
    from crm_impl.reports.document import write_atomically

    docx = build_report(kind, project, options)
    written = [write_atomically(output, docx)]
    if pdf:
        written.append(write_atomically(output.with_suffix(".pdf"), report_pdf(docx)))
    return written


def _from_file(path: Path, kind: str, options, output: Path, pdf: bool) -> list[Path]:
    from crm_impl.operations.accounts import create_user
    from crm_impl.projectfile.load import add_project
    from blueprints import create_app
    from blueprints.cli import _session
    from blueprints.cli_schedule import read_project_file
    from blueprints.database import migrate

    document = read_project_file(path)
    with tempfile.TemporaryDirectory(prefix="crm-impl-report-") as folder:
        app = create_app({"DATABASE_URL": f"sqlite:///{Path(folder) / 'report.db'}"}, instance_path=folder)
        try:
            migrate(app)
            with _session(app, "cli:report") as session:
                owner = create_user(session, "report@example.com", secrets.token_urlsafe(24), "report")
                project = add_project(session, owner, document)
                session.flush()
                return _write(project, kind, options, output, pdf)
        finally:
            app.extensions["crm_impl.engine"].dispose()


def _from_database(instance: str | None, project_id: int, kind: str, options, output: Path, pdf: bool) -> list[Path]:
    from crm_impl.models import Project
    from blueprints.cli import _app, _session

    with _app(instance) as app, _session(app) as session:
        project = session.get(Project, project_id)
        if project is None:
            fail(f"no project {project_id}")
        return _write(project, kind, options, output, pdf)


@click.command("report")
@click.argument("kind", type=click.Choice(sorted(REPORTS)))
@click.argument("source")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The .docx file to write.")
@click.option("--lang", type=click.Choice(sorted(_LANGS)), default=None,
              help="Language of the report (default: that of CRM_IMPL_LANG / LANG).")
@click.option("--pdf", is_flag=True, help="Also write the PDF (LibreOffice headless) next to the .docx.")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Report date, and status date of a project without one (default: today).")
@click.option("--version", "version", default="1.0", show_default=True, help="Document version on the title page.")
@click.option("--author", default="", help="Author on the title page.")
@click.pass_obj
def report_command(obj, kind: str, source: str, output: Path, lang: str | None, pdf: bool,
                   day: datetime | None, version: str, author: str) -> None:
    """Write report KIND of SOURCE (a project file, or the id of a stored project) as Word."""
    from crm_impl.reports import ReportOptions

    if output.suffix.lower() != ".docx":
        fail("the output file must end in .docx")
    if not output.parent.exists():
        fail(f"no folder {output.parent}")
    options = ReportOptions(locale=_LANGS[lang] if lang else cli_locale(),
                            today=day.date() if day else date.today(), version=version, author=author)
    path = Path(source)
    if path.is_file():
        written = _from_file(path, kind, options, output, pdf)
    elif source.isdigit():
        written = _from_database((obj or {}).get("instance"), int(source), kind, options, output, pdf)
    else:
        fail(f"{source} is neither a project file nor a project id")
    for item in written:
        click.echo(f"wrote {item}")


commands = [report_command]
