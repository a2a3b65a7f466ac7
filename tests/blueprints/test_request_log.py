"""Request ids on every response and log line; JSON log lines a log collector can read."""

from __future__ import annotations

import json
import logging

import pytest


@pytest.fixture
def json_app(engine, database_url, tmp_path):
    from blueprints import create_app

    app = create_app({"TESTING": False, "DATABASE_URL": database_url, "SECRET_KEY": "t", "WTF_CSRF_ENABLED": False,
                      "RATELIMIT_ENABLED": False, "LOG_FORMAT": "json"}, instance_path=str(tmp_path / "i"))

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    yield app
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "crm_impl", False)]:
        root.removeHandler(handler)
    app.extensions["crm_impl.engine"].dispose()


def _lines(err: str) -> list[dict]:
    return [json.loads(line) for line in err.splitlines() if line.startswith("{")]


def test_every_response_carries_a_request_id_and_a_sane_one_from_the_proxy_is_kept(client):
    first, second = client.get("/auth/login"), client.get("/auth/login")
    assert len(first.headers["X-Request-ID"]) == 32 and first.headers["X-Request-ID"] != second.headers["X-Request-ID"]
    assert client.get("/auth/login", headers={"X-Request-ID": "lb-2026-abc123"}).headers["X-Request-ID"] == "lb-2026-abc123"
    hostile = client.get("/auth/login", headers={"X-Request-ID": "x\" onload=alert(1) " + "y" * 10})
    assert len(hostile.headers["X-Request-ID"]) == 32


def test_json_log_lines_tell_a_requests_story_under_its_id(capsys, json_app, user):
    import sys

    for handler in logging.getLogger().handlers:
        if getattr(handler, "crm_impl", False):
            handler.stream = sys.stderr  # the stream capsys reads
    client = json_app.test_client()
    client.post("/auth/login", data={"email": "pm@example.com", "password": "correct horse"})
    page = client.get("/projects/", headers={"X-Request-ID": "req-0000-list"})
    assert page.status_code == 200
    boom = client.get("/boom", headers={"X-Request-ID": "req-0000-boom"})
    assert boom.status_code == 500 and "req-0000-boom" in boom.text and "secret internals" not in boom.text
    lines = _lines(capsys.readouterr().err)
    listed = next((line for line in lines if line.get("request_id") == "req-0000-list" and line.get("path")))
    assert listed["status"] == 200 and listed["method"] == "GET" and listed["user"] == user.id
    assert listed["level"] == "INFO" and listed["ms"] > 0 and "time" in listed
    story = [line for line in lines if line.get("request_id") == "req-0000-boom"]
    assert any("secret internals" in line.get("exc_info", "") for line in story)  # the trace, for the admin
    assert any(line.get("status") == 500 for line in story)
