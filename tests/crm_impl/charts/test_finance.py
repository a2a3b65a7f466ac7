"""Business-case charts, asserted on their traces."""

import dataclasses

import numpy as np
import pytest

from crm_impl.charts.finance import cashflow_figure, costs_figure, npv_histogram_figure, tornado_figure
from crm_impl.finance import evaluate, simulate, tornado

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
