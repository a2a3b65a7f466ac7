"""Every report's test module checks that each of its reports is a finished document
(:func:`~tests.crm_impl.reports.helpers.finished_document_test`: the title page, a TOC field Word
updates, numbered captions under their pictures, the East-Asian font on every style, Word's
element order, no unfilled placeholder), on the reports it has made already."""

from __future__ import annotations

from importlib import import_module

import pytest

from crm_impl.reports import REPORTS


@pytest.mark.parametrize("kind", sorted(REPORTS))
def test_every_report_has_its_module_with_the_finished_document_checks(kind):
    module = import_module(f"tests.crm_impl.reports.test_{kind}")
    assert module.test_is_a_finished_document.__qualname__.startswith("finished_document_test")
