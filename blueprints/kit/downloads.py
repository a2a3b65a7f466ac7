"""Sending a generated file: one helper over Flask's ``send_file``.

``send_file(download_name=...)`` writes the RFC 6266 ``filename*`` form for names that are not
plain ASCII (a project coded ``华康-01``), which a hand-built header cannot do under a WSGI
server that speaks Latin-1.
"""

from __future__ import annotations

from io import BytesIO

from flask import Response, send_file

__all__ = ["download", "file_stem"]

#: Text downloads for spreadsheets start with a byte-order mark so Excel reads the UTF-8.
_BOM_TYPES = frozenset({"text/csv"})


def download(payload: bytes | str, filename: str, mimetype: str) -> Response:
    """An attachment called ``filename`` holding ``payload`` (text is sent as UTF-8)."""
    if isinstance(payload, str):
        payload = (("\ufeff" if mimetype in _BOM_TYPES else "") + payload).encode("utf-8")
    response = send_file(BytesIO(payload), mimetype=mimetype, as_attachment=True, download_name=filename,
                         max_age=0)
    response.headers["Cache-Control"] = "private, no-store"
    return response


def file_stem(project) -> str:
    """The start of a project's file names: its code, else ``project-<id>``."""
    return (project.code or "").strip() or f"project-{project.id}"
