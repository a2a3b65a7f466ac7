"""The Reports page: the list, a report as .docx (and PDF) through a real WSGI server with a
non-ASCII file name, bad input refused with a reason, a report made once per project state, and
reports made on a job worker when there is one."""

from __future__ import annotations

import io
import re
from urllib.parse import unquote

import docx
import pytest

from crm_impl.reports.pdf import pdf_available
from tests.conftest import SAMPLES, start_worker

PHARMA = next(p for p in SAMPLES if "pharma" in p.stem)


@pytest.fixture
def project(user, load_sample):
    return load_sample(user, PHARMA)


def test_the_page_lists_every_report_with_language_and_format(client, login, project):
    login()
    page = client.get(f"/projects/{project.id}/reports/")
    assert page.status_code == 200
    assert 'data-report="plan"' in page.text and 'data-report="status"' in page.text
    assert 'data-report="vendors"' in page.text and "TCO and ROI per vendor." in page.text
    assert 'value="zh_Hans"' in page.text and 'value="pdf"' in page.text
    assert f'href="/projects/{project.id}/reports/"' in page.text  # the project's tab


def test_a_report_downloads_with_its_chinese_name_through_a_real_server(live_client, project):
    client = live_client()
    response = client.get(f"/projects/{project.id}/reports/", params={"report": "status", "lang": "zh_Hans",
                                                                       "format": "docx"})
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    disposition = response.headers["content-disposition"]
    name = unquote(re.search(r"filename\*=UTF-8''(.+)$", disposition).group(1))
    assert name.startswith("指导委员会状态报告 - ") and name.endswith(".docx")
    document = docx.Document(io.BytesIO(response.content))
    assert any(p.style.name == "Heading 1" and "摘要" in p.text for p in document.paragraphs)
    # Signed by the person who made it: the title page and Word's author property.
    assert ["编写", "pm"] in [[c.text for c in r.cells] for r in document.tables[0].rows]
    assert document.core_properties.author == "pm"


def test_the_same_report_of_an_unchanged_project_is_made_once(client, login, project, monkeypatch, db):
    from blueprints.reports import jobs

    made = []
    real = jobs.build_report

    def counting(*args, **kwargs):
        made.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(jobs, "build_report", counting)
    login()
    url = f"/projects/{project.id}/reports/?report=plan&lang=en&format=docx"
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200 and first.data == second.data
    assert made == ["plan"]
    project.tasks[0].progress = 50  # any edit gives a new report
    db.commit()
    assert client.get(url).status_code == 200 and made == ["plan", "plan"]


@pytest.mark.parametrize("query", ["report=nope&lang=en&format=docx", "report=plan&lang=fr&format=docx",
                                   "report=plan&lang=en&format=exe", "report=plan"])
def test_bad_input_is_refused_with_a_reason(client, login, project, query):
    login()
    response = client.get(f"/projects/{project.id}/reports/?{query}")
    assert response.status_code == 422
    assert 'data-testid="form-errors"' in response.text


def test_pdf_without_libreoffice_is_refused_with_a_reason(client, login, project, monkeypatch):
    from blueprints.reports import routes

    monkeypatch.setattr(routes, "pdf_available", lambda: False)
    login()
    page = client.get(f"/projects/{project.id}/reports/")
    assert re.search(r'<option value="pdf"\s+disabled', page.text)
    response = client.get(f"/projects/{project.id}/reports/?report=plan&lang=en&format=pdf")
    assert response.status_code == 422 and "LibreOffice" in response.text


@pytest.mark.skipif(not pdf_available(), reason="LibreOffice is not installed")
def test_a_report_downloads_as_pdf(client, login, project):
    login()
    response = client.get(f"/projects/{project.id}/reports/?report=status&lang=en&format=pdf")
    assert response.status_code == 200 and response.data[:5] == b"%PDF-"
    assert response.headers["Content-Type"] == "application/pdf"


def test_a_report_is_made_on_a_worker_and_then_sent(queued_app, user, load_sample):
    project = load_sample(user, PHARMA)
    client = queued_app.test_client()
    client.post("/auth/login", data={"email": "pm@example.com", "password": "correct horse"})
    url = f"/projects/{project.id}/reports/?report=plan&lang=zh_Hans&format=docx"
    page = client.get(url)
    assert page.status_code == 202 and "progress-bar" in page.text and "js/jobs.js" in page.text
    job_url = re.search(r'data-job-url="([^"]+)"', page.text).group(1)
    assert client.get(job_url).json["state"] == "queued"
    assert re.search(r'data-job-url="([^"]+)"', client.get(url).text).group(1) == job_url  # joins the job
    worker = start_worker(queued_app)
    errors = worker.communicate(timeout=300)[1]
    assert worker.returncode == 0, errors
    assert client.get(job_url).json == {"state": "finished", "progress": 1.0}
    done = client.get(url)
    assert done.status_code == 200 and done.data[:2] == b"PK"
    document = docx.Document(io.BytesIO(done.data))
    assert document.core_properties.language == "zh-CN"


def test_a_worker_that_does_not_fork_makes_the_queued_reports_in_its_own_process(queued_app, user, load_sample):
    import subprocess
    import sys

    project = load_sample(user, PHARMA)
    client = queued_app.test_client()
    client.post("/auth/login", data={"email": "pm@example.com", "password": "correct horse"})
    urls = [f"/projects/{project.id}/reports/?report={kind}&lang=en&format=docx" for kind in ("status", "plan")]
    assert [client.get(url).status_code for url in urls] == [202, 202]
    worker = subprocess.Popen([sys.executable, "-m", "blueprints.cli", "--instance", str(queued_app.worker_instance),
                               "worker", "--burst", "--no-fork"], env=queued_app.worker_env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    errors = worker.communicate(timeout=300)[1]
    assert worker.returncode == 0, errors
    for url in urls:
        done = client.get(url)
        assert done.status_code == 200 and done.data[:2] == b"PK"
