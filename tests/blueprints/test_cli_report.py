"""``crm-impl report {plan,status,vendors,roi,processes} FILE_OR_PROJECT_ID -o OUT.docx [--lang] [--pdf]``."""

from __future__ import annotations

import json

import docx
import pytest
from click.testing import CliRunner

from blueprints.cli import main
from crm_impl.reports import REPORTS
from crm_impl.reports.pdf import pdf_available
from tests.conftest import SAMPLES

PHARMA = next(p for p in SAMPLES if "pharma" in p.stem)


def test_a_report_of_a_project_file_in_chinese(tmp_path):
    out = tmp_path / "计划.docx"
    result = CliRunner().invoke(main, ["report", "plan", str(PHARMA), "-o", str(out), "--lang", "zh",
                                       "--date", "2025-06-02", "--author", "PMO"])
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.output
    document = docx.Document(str(out))
    assert document.core_properties.language == "zh-CN" and document.core_properties.author == "PMO"
    title = json.loads(PHARMA.read_text(encoding="utf-8"))["project"]["title_zh"]
    assert any(p.text == title for p in document.paragraphs[:6])
    assert [p.name for p in tmp_path.iterdir()] == ["计划.docx"]  # no temporary file left


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_every_report_from_the_command_line(tmp_path, monkeypatch, kind):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")  # charts as tables: quick, and still complete
    out = tmp_path / f"{kind}.docx"
    result = CliRunner().invoke(main, ["report", kind, str(PHARMA), "-o", str(out), "--date", "2025-06-02"])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    assert document.core_properties.title and len([p for p in document.paragraphs if p.style.name == "Heading 1"]) >= 2


def test_a_report_of_a_stored_project(tmp_path, app, user, load_sample, monkeypatch):
    project = load_sample(user, PHARMA)
    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    monkeypatch.setenv("CRM_IMPL_DATABASE_URL", app.config["DATABASE_URL"])
    out = tmp_path / "status.docx"
    result = CliRunner().invoke(main, ["--instance", str(tmp_path / "instance"), "report", "status", str(project.id),
                                       "-o", str(out), "--lang", "en", "--date", "2025-06-02"])
    assert result.exit_code == 0, result.output
    headings = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Heading 1"]
    assert headings[0].endswith("Summary")


@pytest.mark.parametrize(("args", "message"), [
    (["report", "plan", "no-such-file.json", "-o", "x.docx"], "neither a project file nor a project id"),
    (["report", "budget", str(PHARMA), "-o", "x.docx"], "Invalid value"),
    (["report", "plan", str(PHARMA), "-o", "x.txt"], "must end in .docx"),
])
def test_mistakes_are_one_error_line_and_no_file(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2 and message in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_broken_project_file_writes_nothing(tmp_path):
    broken = tmp_path / "broken.json"
    data = json.loads(PHARMA.read_text(encoding="utf-8"))
    data["tasks"][0]["duration"] = -3
    broken.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "plan.docx"
    result = CliRunner().invoke(main, ["report", "plan", str(broken), "-o", str(out)])
    assert result.exit_code == 2 and "tasks[0].duration" in result.output
    assert not out.exists()


@pytest.mark.skipif(not pdf_available(), reason="LibreOffice is not installed")
def test_pdf_alongside_with_the_contents_filled(tmp_path):
    import subprocess

    out = tmp_path / "status.docx"
    result = CliRunner().invoke(main, ["report", "status", str(PHARMA), "-o", str(out), "--pdf", "--lang", "en",
                                       "--date", "2025-06-02"])
    assert result.exit_code == 0, result.output
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = subprocess.run(["pdftotext", "-l", "2", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # The table of contents lists the headings with their page numbers (filled by LibreOffice).
    assert any(line.startswith("1 Summary") and line.rstrip()[-1].isdigit() for line in text.splitlines()), text
