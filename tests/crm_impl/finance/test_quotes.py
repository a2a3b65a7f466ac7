"""A business case per vendor: the quotation replaces what vendors sell, nothing else."""

from __future__ import annotations

import json

import numpy as np
import pytest

from crm_impl.finance import evaluate
from crm_impl.finance.quotes import QUOTED_COMPONENTS, with_quotation
from crm_impl.projectfile.finance import engine_case
from tests.conftest import SAMPLES


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_each_vendor_differs_from_the_case_by_its_quotation_only(path):
    document = json.loads(path.read_text("utf-8"))
    case = engine_case(document["business_case"], "CNY")
    base = evaluate(case)
    quoted_before = sum(sum(line.amounts or ()) for line in case.lines
                        if line.kind == "cost" and line.component in QUOTED_COMPONENTS and line.amounts)
    for vendor in document["vendor_selection"]["vendors"]:
        quoted = with_quotation(case, vendor["name"], licence=vendor["licence_cost"],
                                implementation=vendor["implementation_cost"],
                                running_per_year=vendor["running_cost_per_year"])
        result = evaluate(quoted)
        quotation = (vendor["licence_cost"] + vendor["implementation_cost"]
                     + vendor["running_cost_per_year"] * case.horizon)
        # Benefits are the case's; TCO moves by the quotation against the lines it replaces.
        assert result.benefits == pytest.approx(base.benefits)
        if all(line.amounts is not None for line in case.lines if line.component in QUOTED_COMPONENTS):
            assert result.tco == pytest.approx(base.tco - quoted_before + quotation)
        assert {line.id for line in quoted.lines if line.source} >= {"quote:licence", "quote:implementation",
                                                                     "quote:running"}


def test_a_dearer_quotation_lowers_npv_by_its_present_value():
    document = json.loads(SAMPLES[0].read_text("utf-8"))
    case = engine_case(document["business_case"], "CNY")
    cheap = evaluate(with_quotation(case, "A", licence=100_000, implementation=50_000, running_per_year=10_000))
    dear = evaluate(with_quotation(case, "B", licence=200_000, implementation=50_000, running_per_year=30_000))
    factors = 1 / (1 + case.discount_rate) ** np.arange(1, case.horizon + 1)
    expected = 100_000 + 20_000 * factors.sum()
    if case.tax_rate == 0:
        assert cheap.npv - dear.npv == pytest.approx(expected)
    else:
        assert cheap.npv - dear.npv == pytest.approx(expected * (1 - case.tax_rate))
