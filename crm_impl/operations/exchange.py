"""A stored project in the file formats of other tools, and back.

MS Project XML (MSPDI) for MS Project, ProjectLibre and GanttProject (the task table for
spreadsheets is :mod:`crm_impl.operations.task_table`). Files are produced as bytes or text here; sending them is the web layer's job.
"""

from __future__ import annotations

from typing import Any

from crm_impl.errors import ProjectFileError, ValidationError
from crm_impl.formats.mspdi import export_mspdi, read_mspdi
from crm_impl.models import Project
from crm_impl.operations.baselines import baseline_dates, steering_baseline
from crm_impl.operations.planning import project_plan
from crm_impl.projectfile import parse
from crm_impl.projectfile.plan import document_from_plan

__all__ = ["project_mspdi", "read_upload"]


def project_mspdi(project: Project) -> bytes:
    """The project's plan as Microsoft Project XML, the steering baseline as its Baseline0."""
    return export_mspdi(project_plan(project), baseline=baseline_dates(steering_baseline(project)))


def read_upload(filename: str, raw: bytes) -> dict[str, Any]:
    """A project-file document from an upload: a crm-impl ``.json`` file or MSPDI ``.xml``; a BPMN
    process map (``.bpmn``, or ``.xml`` in the BPMN namespace) is refused with where it goes."""
    if filename.lower().endswith((".xml", ".bpmn")):
        try:
            read = read_mspdi(raw)
        except ValidationError as error:
            raise ProjectFileError([(error.field or "", error.message)]) from None
        # Project's Baseline0 is what its users measure against: it becomes the steering baseline.
        return document_from_plan(read.plan, baseline=read.baseline)
    return parse(raw)
