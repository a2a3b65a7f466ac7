"""Business-case charts, asserted on their traces."""

import dataclasses

import numpy as np
import pytest

from crm_impl.charts.finance import (
    cashflow_figure, costs_figure, finance_labels, npv_histogram_figure, tornado_figure, vendor_cases_figure,
)
from crm_impl.finance import evaluate, simulate, tornado
from crm_impl.finance.quotes import with_quotation

from tests.crm_impl.finance.conftest import retail_case


@pytest.fixture
def case():
    base = retail_case()
    lines = tuple(dataclasses.replace(line, conservative=0.7, optimistic=1.2) if line.kind == "benefit"
                  else dataclasses.replace(line, conservative=1.1, optimistic=1.0) for line in base.lines)
    return dataclasses.replace(base, lines=lines)


def test_cashflow_marks_the_payback_point(case):
    result = evaluate(case)
    fig = cashflow_figure(result)
    bars, cumulative, discounted, payback = fig.data
    assert list(bars.y) == list(result.cash_flows)
    assert list(cumulative.y) == [row.cumulative for row in result.years]
    assert list(discounted.y)[-1] == pytest.approx(result.npv)
    assert payback.x[0] == pytest.approx(result.payback_years) and payback.y[0] == 0
    assert "2.30" in payback.name


def test_cashflow_without_payback_says_so(case):
    costs_only = dataclasses.replace(case, lines=tuple(line for line in case.lines if line.kind == "cost"))
    fig = cashflow_figure(evaluate(costs_only), locale="zh_Hans")
    assert len(fig.data) == 3
    assert fig.layout.annotations[0].text != "No payback within the horizon"


def test_costs_are_stacked_by_component(case):
    result = evaluate(case)
    fig = costs_figure(result)
    assert fig.layout.barmode == "stack"
    assert sum(sum(trace.y) for trace in fig.data) == pytest.approx(result.tco)
    groups = {trace.legendgroup for trace in fig.data}
    assert groups == {"construction", "usage"}
    assert any("Customisation reserve" in trace.name for trace in fig.data)


def test_npv_histogram_counts_every_run_and_states_p_positive(case):
    sim = simulate(case, runs=5_000, seed=1)
    fig = npv_histogram_figure(sim)
    assert sum(fig.data[0].y) == 5_000
    assert f"{sim.probability_positive:.1%}" in fig.layout.title.text
    zero_width = npv_histogram_figure(simulate(retail_case(), runs=100))
    assert list(zero_width.data[0].y) == [100]


def test_tornado_puts_the_widest_swing_on_top(case):
    bars = tornado(case)
    base = evaluate(case).npv
    fig = tornado_figure(bars, base, locale="zh_Hans")
    low, high = fig.data
    assert low.y[-1] == bars[0].name[:40] or low.y[-1].startswith(bars[0].name[:20])
    assert np.allclose(np.array(low.x) + base, [bar.conservative_npv for bar in reversed(bars)])
    assert np.allclose(np.array(high.customdata), [bar.optimistic_npv for bar in reversed(bars)])


def test_vendor_cases_stack_construction_and_usage_beside_the_npv_in_the_order_given():
    """Three quotations in the retail case, in a ranking order that is not the order of cost: each
    vendor's TCO is its construction and usage stacked, beside its NPV (red when negative)."""
    base = retail_case()
    quotes = [("Vendor B", 1_500_000, 700_000, 250_000), ("Vendor A", 900_000, 500_000, 150_000),
              ("Vendor C with a very long product and service name", 5_000_000, 2_500_000, 900_000)]
    cases = [(name, evaluate(with_quotation(base, name, licence=licence, implementation=implementation,
                                            running_per_year=running)))
             for name, licence, implementation, running in quotes]
    fig = vendor_cases_figure(cases, currency="CNY", locale="zh_Hans")
    construction, usage, npv = fig.data
    assert fig.layout.barmode == "relative"
    assert [trace.type for trace in fig.data] == ["bar", "bar", "bar"]
    assert (construction.offsetgroup, usage.offsetgroup, npv.offsetgroup) == ("tco", "tco", "npv")
    assert list(construction.x) == list(usage.x) == list(npv.x)
    assert list(npv.x)[:2] == ["Vendor B", "Vendor A"] and list(npv.x)[2].startswith("Vendor C")
    assert len(list(npv.x)[2]) <= 31                                   # long names shortened
    results = [result for _, result in cases]
    assert list(construction.y) == [r.construction_total for r in results]
    assert list(usage.y) == [r.usage_total for r in results]
    # the stack is each vendor's TCO; by hand for Vendor A: 4,350,000 - 1,050,000 - 620,000 + 900,000
    # + 500,000 in year 0, usage 2,760,000 - 3 × 190,000 + 3 × 150,000 over three years
    assert [c + u for c, u in zip(construction.y, usage.y)] == [r.tco for r in results]
    assert construction.y[1] == 4_080_000 and usage.y[1] == 2_640_000
    assert list(npv.y) == [r.npv for r in results]
    assert results[2].npv < 0 < results[1].npv
    assert list(npv.marker.color) == ["#2e7d32" if r.npv >= 0 else "#c62828" for r in results]
    assert list(npv.text) == [f"{r.npv:,.0f}" for r in results]
    words = finance_labels("zh_Hans")
    assert (construction.name, usage.name, npv.name) == (words["tco_construction"], words["tco_usage"],
                                                         words["npv_marker"])
    assert fig.layout.title.text == words["vendors_title"]
