"""A whole selection: AHP weights from two stakeholders, figures from quotations, the CLI's JSON."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from crm_impl.errors import ValidationError
from crm_impl.vendors.ahp import ahp, geometric_mean
from crm_impl.vendors.criteria import CriteriaTree, Criterion, Group
from crm_impl.vendors.scoring import Score, Vendor
from crm_impl.vendors.selection import Comparison, Quotation, Selection, analyse, hierarchy_cr
from tests.crm_impl.vendors.conftest import GROUP_WEIGHTS


def test_direct_analysis_json_shape(example):
    out = analyse(example).as_json()
    assert set(out) == {"vendors", "weights", "consistency_ratio", "ahp", "sensitivity"}
    assert [v["name"] for v in out["vendors"]] == ["Yonyou", "Salesforce", "Kingdee"]
    assert [v["rank"] for v in out["vendors"]] == [1, 2, 3]
    assert out["vendors"][0]["score"] == pytest.approx(3.99)
    assert sum(out["weights"].values()) == pytest.approx(1)
    assert out["consistency_ratio"] is None and out["ahp"] == []
    assert {s["criterion"] for s in out["sensitivity"]} == set(GROUP_WEIGHTS)
    json.dumps(out)  # plain JSON types only


def test_ahp_weights_from_two_stakeholders(example):
    groups = list(GROUP_WEIGHTS)
    cfo = {(a, b): 2.0 for i, a in enumerate(groups) for b in groups[i + 1:]}
    cio = {(a, b): 1 / 2 if b == "cost" else 3.0 for i, a in enumerate(groups) for b in groups[i + 1:]}
    comparisons = tuple(Comparison(name, "root", a, b, v) for name, table in (("CFO", cfo), ("CIO", cio))
                        for (a, b), v in table.items())
    analysis = analyse(replace(example, weighting="ahp", comparisons=comparisons))
    root = analysis.nodes[0]
    assert root.node == "root" and [s.name for s in root.stakeholders] == ["CFO", "CIO"]
    assert root.result.weights == pytest.approx(ahp(geometric_mean([s.matrix for s in root.stakeholders])).weights)
    assert list(analysis.weights.groups.values()) == pytest.approx(root.result.weights)
    assert analysis.consistency_ratio == pytest.approx(root.result.consistency_ratio)
    out = analysis.as_json()
    assert out["ahp"][0]["criteria"] == groups and out["consistency_ratio"] == pytest.approx(root.result.consistency_ratio)


def test_ahp_without_comparisons_is_refused(example):
    with pytest.raises(ValidationError, match="nobody compared the items of root"):
        analyse(replace(example, weighting="ahp"))


def test_cost_figure_comes_from_the_quotation_when_not_entered():
    tree = CriteriaTree((Group("f", "F"), Group("cost", "Cost")), (
        Criterion("fit", "Fit", "f"),
        Criterion("total_cost", "Cost", "cost", higher_is_better=False, from_figures=True, unit="money"),
    ))
    scores = (Score("A", "x", "fit", 4), Score("A", "y", "fit", 4))
    selection = Selection(tree, (Vendor("x", "X"), Vendor("y", "Y", figures={"total_cost": 4_000_000})), scores,
                          quotations={"x": Quotation(1_000_000, 500_000, 500_000), "y": Quotation(1, 1, 1)},
                          horizon_years=3)
    analysis = analyse(selection)
    cells = analysis.evaluation.consolidated
    assert cells["x", "total_cost"].figure == 3_000_000 and cells["x", "total_cost"].mean == 5
    assert cells["y", "total_cost"].figure == 4_000_000 and cells["y", "total_cost"].mean == pytest.approx(3.75)


def test_disqualified_vendor_in_json_has_reason_and_no_rank(example):
    tree = CriteriaTree(example.tree.groups, tuple(
        replace(c, knockout=4.0) if c.key == "cost" else c for c in example.tree.criteria))
    out = analyse(replace(example, tree=tree)).as_json()
    by_name = {v["name"]: v for v in out["vendors"]}
    assert by_name["Kingdee"]["rank"] == 1
    assert by_name["Yonyou"]["disqualified"] and by_name["Yonyou"]["rank"] is None
    assert by_name["Yonyou"]["reason"] == "Cost scored 3.5, under the knock-out minimum of 4"
    assert out["vendors"][-1]["disqualified"]


def test_hierarchy_cr_weights_group_matrices_by_priority():
    from crm_impl.vendors.ahp import RANDOM_INDEX, node_weights

    root = node_weights("root", ["g", "h", "k"], {"A": {("g", "h"): 3, ("g", "k"): 1 / 2, ("h", "k"): 4}})
    group = node_weights("g", ["x", "y", "z"], {"A": {("x", "y"): 5, ("x", "z"): 1 / 3, ("y", "z"): 2}})
    pair = node_weights("h", ["u", "v"], {"A": {("u", "v"): 7}})  # two items: always consistent, left out
    priority = dict(zip(root.items, root.result.weights))
    expected = (root.result.consistency_index + priority["g"] * group.result.consistency_index) / (
        RANDOM_INDEX[3] + priority["g"] * RANDOM_INDEX[3])
    assert hierarchy_cr([root, group, pair], priority) == pytest.approx(expected)
    assert root.result.consistency_ratio > 0 and group.result.consistency_ratio > 0
    assert hierarchy_cr([pair], priority) is None


def test_weights_without_scores_are_the_analysis_weights(example):
    from crm_impl.vendors.selection import weigh

    groups = list(GROUP_WEIGHTS)
    comparisons = tuple(Comparison("CFO", "root", a, b, 2.0 if b != "cost" else 1 / 3)
                        for i, a in enumerate(groups) for b in groups[i + 1:])
    for selection in (example, replace(example, weighting="ahp", comparisons=comparisons)):
        weights, nodes = weigh(replace(selection, scores=()))  # no sheet is needed for the weights
        analysis = analyse(selection)
        assert weights.criteria == pytest.approx(analysis.weights.criteria)
        assert [n.result.weights for n in nodes] == [n.result.weights for n in analysis.nodes]
