"""A stored project in the file formats of other tools, and back.

MS Project XML (MSPDI) for MS Project, ProjectLibre and GanttProject; CSV of the task table
for spreadsheets. Files are produced as bytes or text here; sending them is the web layer's job.
"""

from __future__ import annotations

from typing import Any

from crm_impl.errors import ProjectFileError, ValidationError
from crm_impl.models import Project
from crm_impl.operations.planning import plan_schedule
from crm_impl.projectfile import export_project, parse
from crm_impl.schedule.exchange import plan_from_project_file, plan_to_project_file
from crm_impl.formats.mspdi import export_mspdi, import_mspdi
from crm_impl.formats.csv_tables import task_table_csv

__all__ = ["project_mspdi", "project_tasks_csv", "read_upload"]


def project_mspdi(project: Project) -> bytes:
    """The project's plan as Microsoft Project XML."""
    return export_mspdi(plan_from_project_file(export_project(project)))


def project_tasks_csv(project: Project) -> str:
    """The task table with CPM dates and slack, one row per task."""
    plan = plan_schedule(project)
    records = [{"id": t.key, "name": t.name, "phase": t.phase.key} for t in project.tasks]
    return task_table_csv(plan.schedule, plan.calendar, records)


def read_upload(filename: str, raw: bytes) -> dict[str, Any]:
    """A project-file document from an upload: a crm-impl ``.json`` file or MSPDI ``.xml``."""
    if filename.lower().endswith(".xml"):
        try:
            return plan_to_project_file(import_mspdi(raw))
        except ValidationError as error:
            raise ProjectFileError([(error.field or "", error.reason)]) from None
    return parse(raw)
