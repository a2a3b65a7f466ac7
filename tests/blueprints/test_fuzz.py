"""Fuzzing every form and every upload through a real WSGI server: hostile input gets a form
error or a 4xx with a reason, never a 500, and every page still renders afterwards.

The forms are found as a person finds them: by walking the project's pages and reading each
``<form method="post">`` (its action, fields and the values the page filled in).  Hypothesis then
sends each form values a careless or hostile person would type (``tests/strategies.py``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from crm_impl.formats.mspdi import export_mspdi
from crm_impl.models import MemberRole
from crm_impl.operations.changes import Assessment, ChangeDraft, assess_change, submit_change
from crm_impl.operations.meetings import ActionDraft, MeetingDraft, add_action, add_meeting
from crm_impl.operations.baselines import save_baseline
from crm_impl.operations.finance import record_actual
from crm_impl.operations.members import add_member
from crm_impl.operations.phases import attach_file, sign_off
from crm_impl.operations.planning import project_plan
from crm_impl.operations.vendors import add_evaluator
from tests.conftest import SAMPLES
from tests.strategies import NASTY_TEXTS, document_bytes, nasty_text

EXAMPLES_PER_FORM = 8  # deterministic: the same 8 hostile posts per form in every run, ~100 forms
# No shrinking: the assertion names the form and the values sent, and shrinking a web request
# sequence takes minutes.
FUZZ = settings(deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck),
                phases=[Phase.explicit, Phase.generate])
# Forms whose success changes what the others can reach: fuzzed last.
DESTRUCTIVE = ("/delete", "/archive", "/remove", "/auth/password")
SKIPPED = ("/auth/logout",)  # would end the fuzzing session itself
# Pages whose links are not followed (downloads, other people's pages).
NOT_CRAWLED = (".csv", ".xml", ".json", ".docx", ".pdf", "/export", "/download", "/file", "/static/", "/auth/logout")
# The pages of a project every user sees: each must still render after any form was fuzzed.
PAGES = ("", "plan/", "schedule/gantt", "schedule/network", "schedule/monte-carlo", "schedule/resources",
         "schedule/baselines", "risks/", "raci/", "status/", "phases/", "changes/", "meetings/", "team/", "audit",
         "processes/", "processes/fishbones", "processes/candidates")


class _Forms(HTMLParser):
    """The links and the POST forms of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form" and (a.get("method") or "get").lower() == "post":
            self._form = {"action": a.get("action") or "", "fields": {}, "files": []}
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind == "file":
                self._form["files"].append(a["name"])
            elif kind in ("checkbox", "radio"):
                self._form["fields"].setdefault(a["name"], {"kind": kind, "options": [], "value": None})
                self._form["fields"][a["name"]]["options"].append(a.get("value", "y"))
                if "checked" in a:
                    self._form["fields"][a["name"]]["value"] = a.get("value", "y")
            elif kind not in ("submit", "button"):
                self._form["fields"][a["name"]] = {"kind": kind, "options": [], "value": a.get("value", "")}
        elif tag == "select" and a.get("name"):
            self._select = self._form["fields"][a["name"]] = {"kind": "select", "options": [], "value": None}
        elif tag == "option" and self._select is not None:
            self._select["options"].append(a.get("value", ""))
            if "selected" in a or self._select["value"] is None:
                self._select["value"] = a.get("value", "")
        elif tag == "textarea" and a.get("name"):
            self._textarea = self._form["fields"][a["name"]] = {"kind": "textarea", "options": [], "value": ""}

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea["value"] += data

    def handle_endtag(self, tag):
        if tag == "form" and self._form is not None:
            self.forms.append(self._form)
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def crawl(client, start: str, within: str) -> dict[str, dict]:
    """Every POST form reachable from ``start`` by links under ``within``: action → form."""
    seen, todo, forms = set(), [start], {}
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code < 500, url
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        parser = _Forms()
        parser.feed(response.text)
        for form in parser.forms:
            action = urlsplit(urljoin(url, form["action"] or url)).path
            # One form per kind: the edit form of every task is the same form.
            forms.setdefault(re.sub(r"/\d+", "/<id>", action), {**form, "action": action, "page": url})
        for link in parser.links:
            path = urlsplit(urljoin(url, link)).path
            if path.startswith(within) and not any(part in path for part in NOT_CRAWLED):
                todo.append(path)
    return forms


def _field_value(draw, field: dict):
    options, value = field["options"], field["value"]
    choice = draw(st.sampled_from(["keep", "nasty", "nasty", "omit", "option"]))
    if choice == "omit":
        return None
    if choice == "keep" or (choice == "option" and not options):
        return value
    if choice == "option":
        return draw(st.sampled_from(options))
    return draw(nasty_text())


def _post_data(draw, form: dict) -> dict:
    data = {}
    for name, field in form["fields"].items():
        value = _field_value(draw, field)
        if value is not None:
            # A lone surrogate has no UTF-8: it goes out as the bytes a broken client would send.
            data[name] = value.encode("utf-8", "surrogatepass")
    return data


@pytest.fixture
def fuzz_project(db, user, make_user, load_sample):
    """A sample project with a record of every kind a form edits (meeting, action, change...)."""
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    make_user("consultant@example.com")
    add_member(db, project, "consultant@example.com", MemberRole.CONSULTANT)
    meeting = add_meeting(db, project, MeetingDraft(held_on=date(2025, 3, 10), title="Steering 1"))
    add_action(db, meeting, ActionDraft(text="Confirm the scope", owner="PM"))
    submit_change(db, project, ChangeDraft(title="More stores"))
    assessed = submit_change(db, project, ChangeDraft(title="Loyalty app"))
    db.flush()
    assess_change(project, assessed, assessed.version, Assessment(days_impact=3, cost_impact=5_000.0))
    signed = project.deliverables[1]
    attach_file(signed, "charter.docx", b"PK", expected_version=signed.version)
    db.flush()
    sign_off(signed, signed.version, "pm@example.com", datetime.now(timezone.utc))
    save_baseline(db, project, "Re-plan")  # a baseline that is not the steering one
    record_actual(db, project, 1, 1_800_000, 920_000)  # a business-case year to delete
    # The vendor selection with scoring open and the owner as an evaluator: every form of it shows.
    project.vendor_selection.scoring_closed = False
    add_evaluator(db, project.vendor_selection, user.id)
    db.commit()
    return project


def _post_rules(app) -> set[str]:
    """Every URL rule that takes a POST, written the way :func:`crawl` names forms."""
    return {re.sub(r"<(int:)?\w+>", "<id>", rule.rule) for rule in app.url_map.iter_rules() if "POST" in rule.methods}


def test_every_form_answers_hostile_input_without_a_500(app, live_client, fuzz_project, capsys):
    client = live_client()
    base = f"/projects/{fuzz_project.id}/"
    forms = crawl(client, base, base) | crawl(client, "/projects/", "/projects/new") | \
        crawl(client, "/auth/password", "/auth/password") | crawl(client, "/projects/import", "/projects/import")
    forms = {kind: form for kind, form in forms.items() if not kind.startswith(SKIPPED)}
    # Every POST route of the app but the two anonymous ones (below) and logout.
    found = {re.sub(r"^/language/\w+", "/language/<id>", kind) for kind in forms}
    assert _post_rules(app) - found == {"/auth/login", "/auth/register", "/auth/logout"}
    statuses: Counter = Counter()
    ordered = sorted(forms.values(), key=lambda f: (any(d in f["action"] for d in DESTRUCTIVE), f["action"]))
    for form in ordered:
        @settings(FUZZ, max_examples=EXAMPLES_PER_FORM)
        @given(st.data())
        def post(data):
            sent = _post_data(data.draw, form)
            files = {name: ("x.json", b"{}") for name in form["files"]} or None
            response = client.post(form["action"], data=sent, files=files)
            statuses[response.status_code] += 1
            assert response.status_code < 500, (form["action"], {k: v[:200] for k, v in sent.items()},
                                                response.text[:500])

        post()
        for page in (form["page"], base):
            status = client.get(page).status_code
            assert status < 500 or status == 404 and page == base, (form["action"], page, status)
    with capsys.disabled():
        print(f"\nfuzz: {len(forms)} forms, {sum(statuses.values())} posts, statuses {dict(sorted(statuses.items()))}")
        print("forms:", " ".join(sorted(forms)))


def test_the_anonymous_forms_answer_hostile_input_without_a_500(live_server, user):
    import httpx

    statuses: Counter = Counter()
    with httpx.Client(base_url=live_server, timeout=60) as client:
        forms = crawl(client, "/auth/login", "/auth/")
        assert {"/auth/login", "/auth/register"} <= set(forms), sorted(forms)
        for kind in ("/auth/login", "/auth/register"):
            form = forms[kind]

            @settings(FUZZ, max_examples=40)
            @given(st.data())
            def post(data):
                sent = _post_data(data.draw, form)
                response = client.post(form["action"], data=sent)
                statuses[response.status_code] += 1
                assert response.status_code < 500, (kind, sent, response.text[:500])
                client.cookies.clear()  # a registration that succeeded logs in: start anonymous again

            post()
    assert statuses


def test_every_upload_answers_hostile_files_without_a_500(live_client, fuzz_project, db, capsys):
    client = live_client()
    good = json.loads(SAMPLES[0].read_text("utf-8"))
    xml = export_mspdi(project_plan(fuzz_project)).decode()
    deliverable = fuzz_project.deliverables[0]
    any_name = st.one_of(st.sampled_from(["../../etc/passwd", "no-extension", ".json", "plan.json.exe",
                                          "x\x00.json", "a" * 300 + ".json"]), st.text(max_size=30))
    xml_texts = st.sampled_from(NASTY_TEXTS).map(lambda text: text.replace("&", "&amp;").replace("<", "&lt;"))
    mutated_xml = st.tuples(st.integers(0, xml.count("</")), xml_texts).map(
        lambda t: _replace_nth_text(xml, t[0], t[1]).encode("utf-8", "surrogatepass"))
    uploads = st.one_of(
        st.tuples(st.sampled_from(["plan.json", "计划 v2.json", "PLAN.JSON"]), document_bytes(good)),
        st.tuples(st.sampled_from(["plan.xml", "项目.XML"]), mutated_xml),
        st.tuples(any_name, st.binary(max_size=300)),
    )
    statuses: Counter = Counter()
    stored = []

    @settings(FUZZ, max_examples=70)
    @given(upload=uploads)
    def import_file(upload):
        name, raw = upload
        response = client.post("/projects/import", files={"file": (name, raw)})
        statuses[response.status_code] += 1
        assert response.status_code < 500, (name, raw[:200], response.text[:500])
        if response.status_code == 302:
            stored.append(response.headers["location"])
            for page in PAGES:
                url = urljoin(response.headers["location"], page)
                assert client.get(url).status_code < 500, url

    @settings(FUZZ, max_examples=30)
    @given(name=st.one_of(any_name, st.sampled_from(["charter.docx", "章程 第2版.pdf"])), raw=st.binary(max_size=2000))
    def upload_document(name, raw):
        db.expire_all()  # the version the page would show now
        response = client.post(f"/projects/{fuzz_project.id}/phases/deliverables/{deliverable.id}/file",
                               data={"version": str(deliverable.version)}, files={"file": (name, raw)})
        statuses[response.status_code] += 1
        assert response.status_code < 500, (name, response.text[:500])

    import_file()
    upload_document()
    with capsys.disabled():
        print(f"\nfuzz: {sum(statuses.values())} uploads ({len(stored)} imported), statuses {dict(statuses)}")


def _replace_nth_text(xml: str, n: int, text: str) -> str:
    """``xml`` with the text of its ``n``-th element replaced by ``text``."""
    end = -1
    for _ in range(n + 1):
        end = xml.find("</", end + 1)
        if end < 0:
            return xml
    start = xml.rfind(">", 0, end) + 1
    return xml[:start] + text + xml[end:]
