"""The crm-impl project file: one JSON document holding everything a project contains.

The format is published as a JSON Schema (``project-file.schema.json`` in this package)
and described in ``docs/project-file.md``.
"""

from crm_impl.projectfile.export import dumps, export_project
from crm_impl.projectfile.load import import_project, parse, read
from crm_impl.projectfile.validate import FORMAT, FORMAT_VERSION, schema, validate_document

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "schema",
    "validate_document",
    "export_project",
    "dumps",
    "parse",
    "read",
    "import_project",
]
