"""Reports as PDF through LibreOffice headless: the contents with page numbers, the captions, CJK
text in a CJK font; and the refusals when LibreOffice is missing or too slow."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from crm_impl.reports.pdf import PdfConversionError, docx_to_pdf, pdf_available
from crm_impl.reports.words import word
from tests.conftest import SAMPLES
from tests.crm_impl.reports.conftest import reopen
from tests.crm_impl.reports.helpers import captions

needs_office = pytest.mark.skipif(not pdf_available() or shutil.which("pdftotext") is None,
                                  reason="LibreOffice or poppler is not installed")


def _text(pdf: bytes, tmp_path, first: int = 1, last: int = 99) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-f", str(first), "-l", str(last), "-layout", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


@needs_office
@pytest.mark.parametrize("lang", ["en", "zh_Hans"])
def test_the_pdf_has_its_contents_filled_and_every_caption(made, tmp_path, lang):
    sample = SAMPLES[0].stem
    data = made("plan", sample, lang)
    pdf = docx_to_pdf(data)
    assert pdf[:5] == b"%PDF-"
    contents = _text(pdf, tmp_path, 2, 2)
    entries = [line.strip() for line in contents.splitlines() if "..." in line or "…" in line]
    # Every heading listed with its page number, as Word shows it after updating the field.
    assert len(entries) >= 10 and all(entry.split()[-1].rstrip(".").split(".")[-1].isdigit() or
                                       entry[-1].isdigit() for entry in entries), entries
    assert word("plan_intro", lang) in contents
    # Spaces compared away: LibreOffice sets a little space between CJK and digits ("图 1").
    body = "".join(_text(pdf, tmp_path).split())
    document = reopen(data)
    for kind in ("figure", "table"):
        # Every caption of the document is in the PDF, numbered as in the document.
        label = word(kind, lang)
        expected = ["".join(c.split(word("caption_separator", lang))[0].split()) for c in captions(document)
                    if c.startswith(label)]
        assert expected and all(number in body for number in expected), (kind, expected)
    if lang != "en":
        (tmp_path / "report.pdf").write_bytes(pdf)
        fonts = subprocess.run(["pdffonts", str(tmp_path / "report.pdf")], capture_output=True, text=True).stdout
        assert "NotoSansCJK" in fonts.replace(" ", "")  # the Chinese is set in a CJK font, not boxes
        assert "项目计划" in body and "\ufffd" not in body


def test_without_libreoffice_the_pdf_is_refused_with_a_reason(monkeypatch):
    monkeypatch.setenv("SOFFICE_PATH", "/nonexistent/soffice")
    assert not pdf_available()
    with pytest.raises(PdfConversionError) as refusal:
        docx_to_pdf(b"PK")
    assert "LibreOffice" in refusal.value.localized("en") and "LibreOffice" in refusal.value.localized("zh_Hans")
    assert "未安装" in refusal.value.localized("zh_Hans")


@needs_office
def test_a_conversion_that_takes_too_long_is_stopped(made):
    with pytest.raises(PdfConversionError) as refusal:
        docx_to_pdf(made("status", SAMPLES[0].stem, "en"), timeout=0.5)
    assert "longer than 0 seconds" in str(refusal.value)
    # The office the conversion started is stopped with it, not left running.
    offices = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert "crm-impl-pdf-" not in offices
