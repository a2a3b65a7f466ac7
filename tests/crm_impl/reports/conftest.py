"""Fixtures of the report tests: the sample projects loaded once per module and database, one
warm chart renderer per test process, each report made once and reopened by many tests."""

from __future__ import annotations

import io
from datetime import date

import docx
import pytest

from crm_impl.db import make_session_factory
from crm_impl.reports import ReportOptions, build_report
from crm_impl.reports.render import ChartRenderer, find_browser
from tests.conftest import SAMPLES, _empty_all_tables

#: The report date of every test report (the samples have no status date of their own).
TODAY = date(2025, 6, 2)
LANGS = ("en", "zh_Hans")
#: Fewer runs than the default keep the tests quick; the tables are compared with a run of the same size.
ITERATIONS = 1000


def options(lang: str) -> ReportOptions:
    return ReportOptions(locale=lang, today=TODAY, version="2.1", author="PMO 项目办", iterations=ITERATIONS)


@pytest.fixture(scope="module")
def sample_session(engine):
    """A session with every sample project imported, for the whole module."""
    from crm_impl.models import User
    from crm_impl.projectfile import import_project, parse

    session = make_session_factory(engine)()
    owner = User(email="reports@example.com", display_name="Reports", password_hash="!")
    session.add(owner)
    session.flush()
    projects = {path.stem: import_project(session, owner, parse(path.read_bytes())) for path in SAMPLES}
    session.commit()
    session.projects = projects
    yield session
    session.close()
    _empty_all_tables(engine)


@pytest.fixture(scope="session")
def renderer():
    """One browser for every report test of the process. Its cache holds every picture, so the
    second database's run of a module draws nothing again (its figures are the same): the report
    tests take half the time, and the drawing itself is still tested once per picture."""
    if find_browser() is None:
        pytest.skip("no Chromium to render charts")
    with ChartRenderer(cache_bytes=1024 * 1024 * 1024) as shared:
        yield shared


@pytest.fixture(scope="module")
def made(sample_session, renderer):
    """``made(kind, sample, lang)``: the report's bytes, made once per module."""
    cache: dict[tuple[str, str, str], bytes] = {}

    def make(kind: str, sample: str, lang: str) -> bytes:
        if (kind, sample, lang) not in cache:
            project = sample_session.projects[sample]
            cache[kind, sample, lang] = build_report(kind, project, options(lang), renderer)
        return cache[kind, sample, lang]

    return make


def reopen(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))
