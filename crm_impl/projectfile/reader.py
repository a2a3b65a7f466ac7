"""Reading a project file: bytes → a validated document, or every problem with its field path.

Needs no database code, so the command line schedules a file without loading the models.
"""

from __future__ import annotations

import json
from typing import Any

from crm_impl.errors import ProjectFileError
from crm_impl.i18n import msg
from crm_impl.limits import MAX_DEPTH
from crm_impl.projectfile.validate import validate_document

__all__ = ["MAX_FILE_BYTES", "parse", "read"]

#: Larger uploads are refused before parsing (a 50,000-task plan is about 25 MB).
MAX_FILE_BYTES = 64 * 1024 * 1024


def _refuse_constant(name: str) -> Any:
    raise ProjectFileError([("", msg("%(value)s is not a number a project file may hold", value=name))])


def _depth(data: Any) -> int:
    """How deeply lists and objects nest in ``data`` (without recursion: the data may be hostile)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict | list):
            deepest = max(deepest, level)
            stack.extend((item, level + 1) for item in (value.values() if isinstance(value, dict) else value))
    return deepest


def _too_deep() -> ProjectFileError:
    return ProjectFileError([("", msg("lists and objects are nested more than %(limit)s deep", limit=MAX_DEPTH))])


def parse(raw: bytes | str) -> Any:
    """Decode a project file's bytes into JSON data, with a readable error.

    Refused besides what is not JSON: ``NaN`` and ``Infinity`` (no amount is infinite), numbers
    too long to read, and nesting deeper than :data:`~crm_impl.limits.MAX_DEPTH`.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise ProjectFileError([("", msg("file is larger than %(limit)s MB", limit=MAX_FILE_BYTES // 2**20))])
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError as exc:
        raise ProjectFileError([("", msg("not UTF-8 text (byte %(byte)s)", byte=exc.start))]) from None
    if not text.strip():
        raise ProjectFileError([("", msg("the file is empty"))])
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ProjectFileError(
            [("", msg("not valid JSON: %(error)s at line %(line)s, column %(column)s",
                      error=exc.msg, line=exc.lineno, column=exc.colno))]
        ) from None
    except ValueError:  # an integer of thousands of digits
        raise ProjectFileError([("", msg("holds a number too long to read"))]) from None
    except RecursionError:  # nested deeper than Python reads: deeper than the limit too
        raise _too_deep() from None
    if _depth(data) > MAX_DEPTH:
        raise _too_deep()
    return data


def read(raw: bytes | str) -> dict[str, Any]:
    """A project file's bytes as a validated document: the one reader of project files.

    Raises :class:`ProjectFileError` listing every problem with its field path.
    """
    document = parse(raw)
    validate_document(document)
    return document
