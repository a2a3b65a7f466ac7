"""The crm-impl project file: one JSON document holding everything a project contains.

The format is published as a JSON Schema (``project-file.schema.json`` in this package)
and described in ``docs/project-file.md``.  Names are imported on first use: reading and
scheduling a file (:func:`read`) never loads the database models that :func:`import_project`
and :func:`export_project` need.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

# name -> the module of this package that defines it
_HOMES = {
    "FORMAT": "spec",
    "FORMAT_VERSION": "spec",
    "schema": "spec",
    "validate_document": "validate",
    "parse": "reader",
    "read": "reader",
    "export_project": "export",
    "dumps": "export",
    "import_project": "load",
}

__all__ = list(_HOMES)


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
