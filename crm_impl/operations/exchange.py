"""A stored project in the file formats of other tools, and back.

MS Project XML (MSPDI) for MS Project, ProjectLibre and GanttProject; CSV of the task table
for spreadsheets. Files are produced as bytes or text here; sending them is the web layer's job.
"""

from __future__ import annotations

from typing import Any

from crm_impl.errors import ProjectFileError, ValidationError
from crm_impl.formats.csv_tables import task_table_csv
from crm_impl.formats.mspdi import export_mspdi, import_mspdi
from crm_impl.models import Project
from crm_impl.operations.planning import plan_schedule, project_plan
from crm_impl.projectfile import parse
from crm_impl.projectfile.plan import document_from_plan

__all__ = ["project_mspdi", "project_tasks_csv", "read_upload"]


def project_mspdi(project: Project) -> bytes:
    """The project's plan as Microsoft Project XML."""
    return export_mspdi(project_plan(project))


def project_tasks_csv(project: Project) -> str:
    """The task table with CPM dates and slack, one row per task."""
    return task_table_csv(plan_schedule(project))


def read_upload(filename: str, raw: bytes) -> dict[str, Any]:
    """A project-file document from an upload: a crm-impl ``.json`` file or MSPDI ``.xml``."""
    if filename.lower().endswith(".xml"):
        try:
            return document_from_plan(import_mspdi(raw))
        except ValidationError as error:
            raise ProjectFileError([(error.field or "", error.message)]) from None
    return parse(raw)
