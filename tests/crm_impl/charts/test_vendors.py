"""Vendor-selection charts, asserted on their traces (the worked example of the methodology)."""

from __future__ import annotations

import pytest

from crm_impl.charts.vendors import (
    area_radar_figure, contributions_figure, first_probability_figure, group_radar_figure, sensitivity_figure,
)
from crm_impl.vendors.criteria import catalogue_tree
from crm_impl.vendors.scoring import Score, Vendor
from crm_impl.vendors.selection import Selection, analyse
from tests.crm_impl.vendors.conftest import GROUP_WEIGHTS, worked_example


@pytest.fixture
def example():
    return analyse(worked_example(), runs=2000)


def test_contributions_stack_the_group_subtotals_best_first(example):
    fig = contributions_figure(example.evaluation, {k: k.title() for k in GROUP_WEIGHTS})
    bars = [t for t in fig.data if t.type == "bar"]
    assert [t.name for t in bars] == [k.title() for k in GROUP_WEIGHTS]
    assert list(bars[0].y) == ["Yonyou", "Salesforce", "Kingdee"]
    assert sum(t.x[0] for t in bars) == pytest.approx(3.99)
    assert list(fig.data[-1].text) == ["3.990", "3.930", "3.770"]


def test_group_radar_has_one_closed_trace_per_vendor(example):
    fig = group_radar_figure(example.evaluation, {k: k.title() for k in GROUP_WEIGHTS}, "zh_Hans")
    assert [t.name for t in fig.data] == ["Salesforce", "Yonyou", "Kingdee"]
    assert fig.data[0].r[0] == fig.data[0].r[-1] == pytest.approx(4.65)
    assert fig.layout.title.text == "供应商在各准则组上的得分"


def test_area_radar_uses_the_crm7_areas():
    tree = catalogue_tree(["functions"])
    scores = [Score("a", v, c.key, 3 + i) for i, v in enumerate(["x", "y"]) for c in tree.criteria]
    analysis = analyse(Selection(tree, (Vendor("x", "X"), Vendor("y", "Y")), tuple(scores)), runs=10)
    fig = area_radar_figure(analysis.evaluation, "en")
    assert list(fig.data[0].theta)[:3] == ["Customer management", "Relationship management", "Sales management"]
    assert len(fig.data[0].theta) == 8 and set(fig.data[1].r) == {4}
    assert "客户管理" in area_radar_figure(analysis.evaluation, "zh_Hans").data[0].theta


def test_sensitivity_draws_each_flip_from_now_to_the_threshold(example):
    index = {v.name: i for i, v in enumerate(example.evaluation.vendors)}
    fig = sensitivity_figure(example.flips, {k: k.title() for k in GROUP_WEIGHTS}, index)
    now, *lines = fig.data
    assert list(now.y)[0] == "Cost"  # 10 % → 6.25 % flips it: the nearest
    salesforce = next(t for t in lines if "Salesforce" in t.name)
    technology = list(salesforce.y).index("Technology")
    assert salesforce.x[technology] == pytest.approx(0.2) and salesforce.x[technology + 1] == pytest.approx(1 / 3, abs=1e-5)


def test_probability_bars(example):
    index = {v.name: i for i, v in enumerate(example.evaluation.vendors)}
    fig = first_probability_figure(example.probabilities, index)
    assert sum(fig.data[0].y) == pytest.approx(1)
