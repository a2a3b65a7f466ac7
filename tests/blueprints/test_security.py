"""Web security: redirects, headers, sessions that end, passwords, login limits, CSV cells."""

from __future__ import annotations

import csv
import io
import uuid

import httpx
import pytest

from blueprints import create_app
from blueprints.extensions import limiter
from crm_impl.models import Task



@pytest.mark.parametrize("target", ["/%09/evil.example/x", "//evil.example/x", "https://evil.example/",
                                    "/\\evil.example", "/%5Cevil.example", "javascript:alert(1)"])
def test_login_never_redirects_to_another_host(live_server, user, target):
    with httpx.Client(base_url=live_server) as client:
        response = client.post(f"/auth/login?next={target}",
                               data={"email": "pm@example.com", "password": "correct horse"})
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location == "/projects/", location


def test_a_same_site_next_is_kept(client, user):
    response = client.post("/auth/login?next=/projects/?archived=1",
                           data={"email": "pm@example.com", "password": "correct horse"})
    assert response.headers["Location"] == "/projects/?archived=1"


def test_pages_carry_the_security_headers(live_server):
    response = httpx.get(f"{live_server}/auth/login")
    headers = response.headers
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "script-src 'self' 'nonce-" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in headers  # plain HTTP here


def test_behind_https_cookies_are_secure_and_hsts_is_sent(engine, database_url, tmp_path, user):
    app = create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "t", "WTF_CSRF_ENABLED": False,
                      "RATELIMIT_ENABLED": False, "HTTPS": True, "PROXIES": 1},
                     instance_path=str(tmp_path / "i"))
    client = app.test_client()
    plain = client.get("/auth/login")
    assert plain.status_code in (301, 302) and plain.headers["Location"].startswith("https://")
    secure = client.post("/auth/login", base_url="https://localhost",
                         data={"email": "pm@example.com", "password": "correct horse"})
    assert "Secure" in secure.headers["Set-Cookie"] and "HttpOnly" in secure.headers["Set-Cookie"]
    assert "max-age=" in secure.headers["Strict-Transport-Security"]
    proxied = app.test_client().get("/auth/login", headers={"X-Forwarded-Proto": "https"})
    assert proxied.status_code == 200  # the proxy said HTTPS: no redirect loop
    app.extensions["crm_impl.engine"].dispose()


def test_a_copied_session_cookie_stops_working_after_logout(live_server, user):
    with httpx.Client(base_url=live_server) as mine, httpx.Client(base_url=live_server) as thief:
        mine.post("/auth/login", data={"email": "pm@example.com", "password": "correct horse"})
        thief.cookies.update(mine.cookies)
        assert thief.get("/projects/").status_code == 200
        mine.post("/auth/logout")
        assert thief.get("/projects/").status_code == 302  # to the login page


def test_changing_the_password_ends_other_sessions(live_server, user, db):
    with httpx.Client(base_url=live_server) as here, httpx.Client(base_url=live_server) as elsewhere:
        for client in (here, elsewhere):
            client.post("/auth/login", data={"email": "pm@example.com", "password": "correct horse"})
        wrong = here.post("/auth/password", data={"current": "nope", "new": "a long passphrase",
                                                  "confirm": "a long passphrase"})
        assert wrong.status_code == 422 and "not your current password" in wrong.text
        weak = here.post("/auth/password", data={"current": "correct horse", "new": "password123",
                                                 "confirm": "password123"})
        assert weak.status_code == 422 and "too easy to guess" in weak.text
        done = here.post("/auth/password", data={"current": "correct horse", "new": "violet tractor harbour",
                                                 "confirm": "violet tractor harbour"})
        assert done.status_code == 302
        assert here.get("/projects/").status_code == 200
        assert elsewhere.get("/projects/").status_code == 302
    with httpx.Client(base_url=live_server) as again:
        assert again.post("/auth/login", data={"email": "pm@example.com",
                                               "password": "violet tractor harbour"}).status_code == 302


@pytest.mark.parametrize("password", ["aaaaaaaa", "password123", "12345678", "qwertyuiop"])
def test_easy_passwords_are_refused_at_registration(client, password):
    response = client.post("/auth/register", data={"display_name": "Wang Fang", "email": "wang@example.com",
                                                   "password": password, "confirm": password, "locale": "en"})
    assert response.status_code == 422 and "too easy to guess" in response.text


@pytest.fixture
def workers(engine, database_url, tmp_path, redis_url):
    """Two app instances, as two gunicorn workers, sharing login limits through Redis."""
    prefix = f"crm-impl-test-{uuid.uuid4().hex[:8]}"
    apps = [
        create_app({"TESTING": True, "DATABASE_URL": database_url, "SECRET_KEY": "t", "WTF_CSRF_ENABLED": False,
                    "RATELIMIT_STORAGE_URI": redis_url, "RATELIMIT_KEY_PREFIX": prefix,
                    "RATELIMIT_LOGIN": "5 per minute"}, instance_path=str(tmp_path / f"w{k}"))
        for k in range(2)
    ]
    limiter.reset()  # the limiter outlives apps: start from zero
    yield [app.test_client() for app in apps]
    for app in apps:
        app.extensions["crm_impl.engine"].dispose()


def test_login_limits_are_shared_by_the_workers(workers, user):
    codes = [workers[k % 2].post("/auth/login", data={"email": "pm@example.com", "password": "guess"},
                                 environ_base={"REMOTE_ADDR": "203.0.113.7"}).status_code for k in range(7)]
    assert codes == [422] * 5 + [429, 429]


def test_login_limits_count_per_account_from_any_address(workers, user):
    codes = [workers[k % 2].post("/auth/login", data={"email": "PM@example.com ", "password": "guess"},
                                 environ_base={"REMOTE_ADDR": f"198.51.100.{k}"}).status_code for k in range(6)]
    assert codes == [422] * 5 + [429]
    other = workers[0].post("/auth/login", data={"email": "someone@example.com", "password": "guess"},
                            environ_base={"REMOTE_ADDR": "198.51.100.99"})
    assert other.status_code == 422  # another account from another address is not held up


def test_csv_cells_that_look_like_formulas_are_quoted(client, login, user, load_sample, db):
    project = load_sample(user)
    task = db.get(Task, project.tasks[0].id)
    task.name = '=HYPERLINK("http://evil.example","Click")'
    db.commit()
    login()
    text = client.get(f"/projects/{project.id}/schedule/tasks.csv").data.decode("utf-8-sig")
    row = next(r for r in csv.reader(io.StringIO(text)) if r[0] == task.key)
    assert row[2] == "'" + task.name  # the name column (id, phase, name, ...)
