"""Fuzzing the project-file reader and import: any file is refused with its problems or stored
whole, never an unexpected exception (hypothesis; the figures go to the issue note)."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_impl.errors import CrmImplError, ProjectFileError
from crm_impl.operations.planning import plan_schedule
from crm_impl.projectfile import import_project, read
from crm_impl.projectfile.plan import plan_from_document
from tests.conftest import SAMPLES
from tests.strategies import document_bytes

GOOD = json.loads(SAMPLES[0].read_text("utf-8"))
FIGURES = {"files": 0, "refused": 0, "stored": 0}


@settings(max_examples=400, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(raw=document_bytes(GOOD))
def test_any_file_is_refused_with_its_problems_or_schedulable(raw):
    try:
        document = read(raw)
    except ProjectFileError as error:
        assert error.problems
        for locale in ("en", "zh_Hans"):
            assert all(line.strip() for line in error.lines(locale))
        return
    scheduled = plan_from_document(document).schedule()
    assert scheduled.finish >= scheduled.calendar.start


@settings(max_examples=120, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large, HealthCheck.large_base_example])
@given(raw=document_bytes(GOOD), data=st.data())
def test_an_import_stores_the_whole_file_or_nothing(db, user, raw, data):
    FIGURES["files"] += 1
    try:
        project = import_project(db, user, read(raw))
    except CrmImplError:
        db.rollback()
        FIGURES["refused"] += 1
        return
    db.flush()
    FIGURES["stored"] += 1
    plan_schedule(project)  # what every page of the project starts from
    db.rollback()
