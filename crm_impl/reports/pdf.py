"""A report as PDF, made by LibreOffice headless.

Each conversion runs its own office on a private profile (``-env:UserInstallation``) in a
temporary folder, under a timeout, so conversions never share state or hang a worker.  With
LibreOffice's Python (``uno``) the fields and the table of contents are updated before the
export — the PDF shows the contents with page numbers, as Word does on open; without it the
plain ``soffice --convert-to pdf`` is used (the contents then list the headings without pages).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from functools import cache
from pathlib import Path

from crm_impl.errors import CrmImplError
from crm_impl.i18n import msg

__all__ = ["find_soffice", "pdf_available", "docx_to_pdf", "PdfConversionError", "PDF_TIMEOUT"]

#: Seconds a conversion may take before the office is stopped.
PDF_TIMEOUT = 180
_SCRIPT = Path(__file__).with_name("lo_convert.py")


class PdfConversionError(CrmImplError):
    """LibreOffice could not make the PDF."""


def find_soffice() -> str | None:
    """LibreOffice's ``soffice`` (``SOFFICE_PATH``, else on the ``PATH``), or ``None``."""
    configured = os.environ.get("SOFFICE_PATH", "").strip()
    if configured:
        return shutil.which(configured)
    return shutil.which("soffice") or shutil.which("libreoffice")


def pdf_available() -> bool:
    """Whether reports can be had as PDF on this machine."""
    return find_soffice() is not None


@cache
def _uno_python(soffice: str) -> str | None:
    """A Python that can ``import uno``: LibreOffice's own, else the system's."""
    program = Path(os.path.realpath(soffice)).parent
    for candidate in (program / "python", Path("/usr/bin/python3")):
        if candidate.exists():
            try:
                subprocess.run([str(candidate), "-c", "import uno"], check=True, timeout=30,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                return str(candidate)
            except (subprocess.SubprocessError, OSError):
                continue
    return None


def _stop_group(process: subprocess.Popen) -> None:
    """Kill the process group of ``process`` (the conversion script and its office)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def docx_to_pdf(docx: bytes, *, timeout: float = PDF_TIMEOUT) -> bytes:
    """The PDF of a .docx document; :class:`PdfConversionError` when LibreOffice is missing,
    fails or runs out of time."""
    soffice = find_soffice()
    if soffice is None:
        raise PdfConversionError(msg("LibreOffice is not installed: the report is available as .docx only"))
    with tempfile.TemporaryDirectory(prefix="crm-impl-pdf-") as folder:
        work = Path(folder)
        source, target, profile = work / "report.docx", work / "report.pdf", work / "profile"
        source.write_bytes(docx)
        python = _uno_python(soffice)
        if python is not None:
            command = [python, str(_SCRIPT), soffice, str(profile), str(source), str(target)]
        else:
            command = [soffice, "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                       "--convert-to", "pdf", "--outdir", str(work), str(source)]
        # A session of its own: on a timeout the whole group goes (the script and the office it started).
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        try:
            code = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop_group(process)
            raise PdfConversionError(msg("LibreOffice took longer than %(seconds)s seconds to make the PDF",
                                         seconds=int(timeout))) from None
        finally:
            if process.poll() is None:  # interrupted while waiting
                _stop_group(process)
        if code != 0:
            _stop_group(process)
            raise PdfConversionError(msg("LibreOffice could not make the PDF"))
        if not target.exists() or target.stat().st_size == 0:
            raise PdfConversionError(msg("LibreOffice could not make the PDF"))
        return target.read_bytes()
