"""Word reports a client accepts as delivered, built from the same engines and charts as the web.

:func:`build_report` makes one report of a stored project as .docx bytes (and :func:`report_pdf`
its PDF); :data:`REPORTS` lists the reports, each a module with one ``build_*_report`` function:

============  ==========================================  ===============================
key           report                                       module
============  ==========================================  ===============================
``plan``      the project plan                             :mod:`crm_impl.reports.plan`
``status``    the steering committee's status pack         :mod:`crm_impl.reports.status`
``vendors``   the vendor comparison and recommendation     :mod:`crm_impl.reports.vendors`
``roi``       the ROI/TCO business case                    :mod:`crm_impl.reports.roi`
``processes`` the process redesign (BPR)                   :mod:`crm_impl.reports.processes`
============  ==========================================  ===============================

A new report is a module with a
``build_<key>_report(project, options, renderer, cache) -> ReportDocument`` and one line in
:data:`REPORTS`.  The document framework is :mod:`crm_impl.reports.document`; charts are drawn
by :mod:`crm_impl.reports.render`; PDFs are made by :mod:`crm_impl.reports.pdf`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from crm_impl.errors import NotFoundError
from crm_impl.i18n import msg
from crm_impl.models import Project
from crm_impl.operations.schedule import ResultCache
from crm_impl.reports.base import ReportOptions
from crm_impl.reports.document import ReportDocument
from crm_impl.reports.render import ChartRenderer

__all__ = ["ReportKind", "REPORTS", "ReportOptions", "build_report", "build_document", "report_pdf", "report_key",
           "report_file_name"]


@dataclass(frozen=True)
class ReportKind:
    key: str
    module: str  # in crm_impl.reports
    builder: str
    title: str  # the key of its name in crm_impl.reports.words

    def load(self) -> Callable[..., ReportDocument]:
        return getattr(import_module(f"crm_impl.reports.{self.module}"), self.builder)


REPORTS: dict[str, ReportKind] = {
    "plan": ReportKind("plan", "plan", "build_plan_report", "plan_report"),
    "status": ReportKind("status", "status", "build_status_report", "status_report"),
    "vendors": ReportKind("vendors", "vendors", "build_vendors_report", "vendors_report"),
    "roi": ReportKind("roi", "roi", "build_roi_report", "roi_report"),
    "processes": ReportKind("processes", "processes", "build_processes_report", "processes_report"),
}


def _kind(key: str) -> ReportKind:
    try:
        return REPORTS[key]
    except KeyError:
        raise NotFoundError(msg("no report %(report)r", report=key)) from None


def build_document(key: str, project: Project, options: ReportOptions, renderer: ChartRenderer | None = None,
                   cache: ResultCache | None = None) -> ReportDocument:
    """Report ``key`` of ``project`` as a :class:`ReportDocument` (not yet saved)."""
    return _kind(key).load()(project, options, renderer, cache)


def build_report(key: str, project: Project, options: ReportOptions, renderer: ChartRenderer | None = None,
                 cache: ResultCache | None = None) -> bytes:
    """Report ``key`` of ``project`` as .docx bytes.

    Without a ``renderer`` a private one is started and stopped for this report; pass one to
    keep the browser warm across reports."""
    if renderer is None:
        with ChartRenderer() as own:
            return build_document(key, project, options, own, cache).to_bytes()
    return build_document(key, project, options, renderer, cache).to_bytes()


def report_pdf(docx: bytes) -> bytes:
    """The PDF of a report made by :func:`build_report` (LibreOffice headless)."""
    from crm_impl.reports.pdf import docx_to_pdf

    return docx_to_pdf(docx)


def report_file_name(key: str, project: Project, options: ReportOptions, extension: str = "docx") -> str:
    """``项目计划-华通 CRM-2025-06-02.docx``: the report's name, the project's, the date."""
    import re

    from crm_impl.i18n import localized
    from crm_impl.reports.words import word

    title = str(localized(project, "title", options.locale))
    clean = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", f"{word(_kind(key).title, options.locale)} - {title}")
    clean = re.sub(r"\s+", " ", clean).strip()[:120]
    return f"{clean} - {options.today.isoformat()}.{extension}"


#: Bumped when the reports change shape, so that reports made before are not sent again.
REPORTS_REVISION = 1


def report_key(key: str, project: Project, options: ReportOptions, fmt: str = "docx") -> str:
    """The cache key of a report: a digest of everything it is made of (the whole project as
    its project file, the report, its options and format), so any edit gives a new key."""
    import hashlib
    import json

    from crm_impl.projectfile import export_project

    _kind(key)
    payload = json.dumps({"project": export_project(project), "report": key, "options": vars(options),
                          "format": fmt, "revision": REPORTS_REVISION}, sort_keys=True, default=str)
    return f"report:{key}:{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:40]}"
