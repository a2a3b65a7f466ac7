"""The team deployment as README describes it: gunicorn workers, the database, Redis for login
limits, the cache and the job queue, a `crm-impl worker`, JSON logs with request ids."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import httpx
import pytest

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def deployment(engine, database_url, redis_url, db, tmp_path):
    if not (BIN / "gunicorn").exists():
        pytest.fail("gunicorn is part of the test extras: pip install -e '.[test]'")
    name = f"deploy-{uuid.uuid4().hex[:8]}"
    env = {"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(tmp_path), "DATABASE_URL": database_url, "REDIS_URL": redis_url,
           "SECRET_KEY": "deployment-test-secret", "CRM_IMPL_LOG_FORMAT": "json", "CRM_IMPL_JOBS_QUEUE": name,
           "CRM_IMPL_CACHE_KEY_PREFIX": f"{name}:", "CRM_IMPL_RATELIMIT_KEY_PREFIX": name,
           "CRM_IMPL_INSTANCE": str(tmp_path / "instance")}

    def cli(*args):
        done = subprocess.run([str(BIN / "crm-impl"), *args], env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    cli("init-db")
    cli("create-user", "lin@example.com", "--name", "Lin Hui", "--password", "a long team password")
    cli("load-samples", "--owner", "lin@example.com")
    port = _free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen([str(BIN / "gunicorn"), "-w", "2", "-b", f"127.0.0.1:{port}", "blueprints:create_app()"],
                              env=env, stdout=log, stderr=subprocess.STDOUT, cwd=tmp_path)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        server.kill()
        pytest.fail("gunicorn did not answer: " + (tmp_path / "gunicorn.log").read_text())
    yield url, cli, tmp_path / "gunicorn.log"
    server.terminate()
    server.wait(timeout=20)
    log.close()
    import redis

    connection = redis.Redis.from_url(redis_url)
    keys = [k for pattern in (f"{name}*", f"rq:*{name}*", f"*{name}*") for k in connection.keys(pattern)]
    if keys:
        connection.delete(*keys)


def test_a_team_server_serves_logs_and_hands_big_work_to_a_worker(deployment):
    url, cli, log_file = deployment
    with httpx.Client(base_url=url, timeout=60) as browser:
        login_page = browser.get("/auth/login")
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', login_page.text).group(1)
        answer = browser.post("/auth/login", data={"csrf_token": token, "email": "lin@example.com",
                                                   "password": "a long team password"},
                              headers={"X-Request-ID": "deploy-login-0001"})
        assert answer.status_code == 302
        listing = browser.get("/projects/", headers={"Accept-Encoding": "gzip"})
        assert listing.status_code == 200 and listing.headers["Content-Encoding"] == "gzip"
        assert "3 projects" in listing.text
        project = re.search(r'href="/projects/(\d+)/"', listing.text).group(1)
        simulation = f"/projects/{project}/schedule/monte-carlo?iterations=100000&seed=3"
        queued = browser.get(simulation)
        assert queued.status_code == 202  # 100,000 runs of ~40 tasks: a job, not a held web worker
        job = re.search(r'data-job-url="([^"]+)"', queued.text).group(1)
        cli("worker", "--burst")
        assert browser.get(job).json()["state"] == "finished"
        shown = browser.get(simulation)
        assert shown.status_code == 200 and 'data-testid="P80"' in shown.text

    lines = [json.loads(line) for line in log_file.read_text().splitlines() if line.startswith("{")]
    login = [line for line in lines if line.get("request_id") == "deploy-login-0001"]
    assert login and login[0]["path"] == "/auth/login" and login[0]["status"] == 302
    assert any(line.get("path") == "/projects/" and line.get("user") for line in lines)
