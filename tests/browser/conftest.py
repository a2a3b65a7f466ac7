"""Browser fixtures: the real `crm-impl demo` server and headless Debian Chromium."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is required in CI (apt-get install chromium)")
        pytest.skip("Debian chromium is not installed")
    return path


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    """`crm-impl demo` exactly as the README starts it, on a free port of its own."""
    port = _free_port()
    script = Path(sys.executable).with_name("crm-impl")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "blueprints.cli"]
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # the demo is SQLite
    process = subprocess.Popen(
        [*command, "demo", "--port", str(port), "--dir", str(tmp_path_factory.mktemp("demo"))],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )
    first_line = process.stdout.readline()
    try:
        credentials = json.loads(first_line)
    except json.JSONDecodeError:
        process.kill()
        raise AssertionError(f"demo did not start: {first_line}{process.stdout.read()}") from None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield credentials
    process.terminate()
    process.wait(timeout=10)
    process.stdout.close()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Every page the browser shows reports what the Content-Security-Policy blocked here.
_CSP_WATCH = """
window.addEventListener("securitypolicyviolation", (e) => {
  console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI + " " + (e.sample || ""));
});
"""


@pytest.fixture
def page(browser):
    """A browser tab; the test fails if any page broke the Content-Security-Policy or threw."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    context.add_init_script(_CSP_WATCH)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" and (
        "Content Security Policy" in m.text or "CSP violation" in m.text) else None)
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    yield page
    context.close()
    assert not problems, f"{len(problems)} CSP violation(s) or script errors: {problems[:5]}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def log_in(page, url: str, email: str = "pm@example.com", password: str = "correct horse") -> None:
    """Log in through the login page of the app served at ``url`` (the test user by default)."""
    import re

    page.goto(url + "/auth/login")
    page.locator("#email").fill(email)
    page.locator("#password").fill(password)
    page.locator("form button.btn-primary[type=submit]").click()
    page.wait_for_url(re.compile(r"/projects/$"))
