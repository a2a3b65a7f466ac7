"""Every report's test module checks that each of its reports is a finished document
(:func:`~tests.crm_impl.reports.helpers.finished_document_test`: the title page, a TOC field Word
updates, numbered captions under their pictures, the East-Asian font on every style, Word's
element order, no unfilled placeholder), on the reports it has made already; and every report
of a project that has only just started each area is made."""

from __future__ import annotations

from importlib import import_module

import pytest

from crm_impl.reports import REPORTS


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_every_report_has_its_module_with_the_finished_document_checks(kind):
    module = import_module(f"tests.crm_impl.reports.test_{kind}")
    assert module.test_is_a_finished_document.__qualname__.startswith("finished_document_test")


@pytest.mark.parametrize("lang", ["en", "zh_Hans"])
def test_every_report_of_a_project_just_started_in_every_area(db, user, lang):
    """A bare imported plan with a business case without lines, a vendor selection without
    vendors and one blank process map: every report is still made (no chart refuses to draw)."""
    import json
    from datetime import date

    from crm_impl.operations.finance import create_case
    from crm_impl.operations.processes import blank_bpmn, create_map
    from crm_impl.operations.vendors import start_selection
    from crm_impl.projectfile import import_project, parse
    from crm_impl.projectfile.plan import document_from_plan
    from crm_impl.reports import ReportOptions, build_report
    from crm_impl.reports.render import ChartRenderer
    from tests.crm_impl.charts.test_network_geometry import _generated
    from tests.crm_impl.reports.conftest import reopen

    project = import_project(db, user, parse(json.dumps(document_from_plan(_generated(12), client_company="X"))))
    create_case(db, project, {"horizon": 3, "discount_rate": 0.08})
    start_selection(db, project)
    create_map(db, project, key="blank", data=blank_bpmn("blank", "Blank"))
    db.commit()
    for kind in REPORTS:
        document = reopen(build_report(kind, project, ReportOptions(lang, today=date(2025, 6, 2)),
                                       ChartRenderer(enabled=False)))
        assert len([p for p in document.paragraphs if p.style.name.startswith("Heading")]) >= 1, kind
