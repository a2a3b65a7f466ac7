"""Downloads through a real WSGI server: non-ASCII file names, every download of a project."""

from __future__ import annotations

import json
import urllib.parse

import pytest

from crm_impl.models import Project

DOWNLOADS = ["export.json", "schedule/plan.xml", "schedule/tasks.csv", "raci/raci.csv"]


@pytest.mark.parametrize("path", DOWNLOADS)
def test_a_project_coded_in_chinese_downloads_through_waitress(path, live_client, user, load_sample, db):
    project = load_sample(user)
    db.get(Project, project.id).code = "华康-01"
    db.commit()
    response = live_client().get(f"/projects/{project.id}/{path}")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    body = response.content
    # RFC 6266: an ASCII fallback and the UTF-8 name, which every browser uses.
    assert disposition.startswith("attachment;")
    quoted = disposition.split("filename*=UTF-8''")[1]
    assert urllib.parse.unquote(quoted).startswith("华康-01")
    assert body
    if path == "export.json":
        assert json.loads(body)["project"]["code"] == "华康-01"
    if path.endswith(".csv"):
        assert body.startswith("\ufeff".encode())  # Excel reads the UTF-8
