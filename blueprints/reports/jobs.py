"""Reports are long work: on a job worker when there is one (see :mod:`blueprints.jobs`), else
inline.  Either way the finished file is kept in the shared cache under a key that digests
everything the report is made of, where the page finds it (an edit of the project gives a new
key, so a stale report is never sent)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import current_app

from crm_impl.errors import CrmImplError, NotFoundError
from crm_impl.models import Project
from crm_impl.reports import ReportOptions, build_report, report_file_name, report_pdf
from crm_impl.reports.render import shared_renderer
from blueprints import jobs
from blueprints.database import get_db
from blueprints.extensions import cache

__all__ = ["REPORT_TIMEOUT", "cached_report", "report_job", "make_report"]

#: How long a made report is kept (seconds): the key changes with any edit anyway.
REPORT_TIMEOUT = 24 * 3600


def cached_report(key: str) -> dict[str, Any] | None:
    found = cache.get(key)
    return found if isinstance(found, dict) and "data" in found else None


def make_report(project: Project, kind: str, options: ReportOptions, fmt: str, key: str,
                progress=None) -> dict[str, Any]:
    """Make the report (one warm browser for the charts of every report of this process) and keep it."""
    docx = build_report(kind, project, options, renderer=shared_renderer(), cache=cache)
    if progress:
        progress(0.6 if fmt == "pdf" else 1.0)
    data = report_pdf(docx) if fmt == "pdf" else docx
    made = {"data": data, "name": report_file_name(kind, project, options, fmt)}
    cache.set(key, made, timeout=REPORT_TIMEOUT)
    return made


def report_job(project: Project, kind: str, options: ReportOptions, fmt: str, key: str):
    """The job making this report, or ``None`` when the page should make it inline (no workers)."""
    if jobs.queue() is None:
        return None
    return jobs.start(build, project.id, kind, options, fmt, key, job_id=key.replace(":", "-"),
                      project_id=project.id)


def build(project_id: int, kind: str, options: ReportOptions, fmt: str, key: str) -> None:
    """The job: make the report and leave it in the shared cache for the page to send."""
    with current_app.app_context():
        try:
            project = get_db().get(Project, project_id)
            if project is None:
                raise NotFoundError("the project was deleted")
            jobs.report_progress(0.05)
            make_report(project, kind, options, fmt, key, progress=jobs.report_progress)
        except CrmImplError as error:
            jobs.fail_with(error)
            raise


def today() -> date:
    return date.today()
