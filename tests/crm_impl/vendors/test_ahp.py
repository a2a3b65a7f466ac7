"""AHP on Saaty's published matrices, stakeholders combined, the inconsistent pair suggested."""

from __future__ import annotations

import numpy as np
import pytest

from crm_impl.errors import ValidationError
from crm_impl.vendors.ahp import (
    CR_LIMIT, SAATY_VALUES, ahp, check_matrix, comparison_matrix, geometric_mean, node_weights,
)

# Saaty, "How to make a decision: the analytic hierarchy process", EJOR 48 (1990) 9–26: the house.
HOUSE = [
    [1, 5, 3, 7, 6, 6, 1 / 3, 1 / 4],
    [1 / 5, 1, 1 / 3, 5, 3, 3, 1 / 5, 1 / 7],
    [1 / 3, 3, 1, 6, 3, 4, 6, 1 / 5],
    [1 / 7, 1 / 5, 1 / 6, 1, 1 / 3, 1 / 4, 1 / 7, 1 / 8],
    [1 / 6, 1 / 3, 1 / 3, 3, 1, 1 / 2, 1 / 5, 1 / 6],
    [1 / 6, 1 / 3, 1 / 4, 4, 2, 1, 1 / 5, 1 / 6],
    [3, 5, 1 / 6, 7, 5, 5, 1, 1 / 2],
    [4, 7, 5, 8, 6, 6, 2, 1],
]
# Saaty, The Analytic Hierarchy Process (1980): the relative wealth of nations (US, USSR, China,
# France, UK, Japan, West Germany); published eigenvector .427 .230 .021 .052 .052 .123 .094 and
# λmax 7.61 (two decimals, §2-4).  To three decimals λmax is 7.608, so CI = (7.608 − 7)/6 = 0.101
# and CR = CI / RI(7) = 0.101 / 1.32 = 0.077: consistent, under 0.10.
WEALTH = [
    [1, 4, 9, 6, 6, 5, 5],
    [1 / 4, 1, 7, 5, 5, 3, 4],
    [1 / 9, 1 / 7, 1, 1 / 5, 1 / 5, 1 / 7, 1 / 5],
    [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3],
    [1 / 6, 1 / 5, 5, 1, 1, 1 / 3, 1 / 3],
    [1 / 5, 1 / 3, 7, 3, 3, 1, 2],
    [1 / 5, 1 / 4, 5, 3, 3, 1 / 2, 1],
]


def test_saaty_house_weights_lambda_and_cr_to_three_decimals():
    result = ahp(HOUSE)
    assert [round(w, 3) for w in result.weights] == [0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]
    assert round(result.lambda_max, 3) == 9.669
    assert round(result.consistency_index, 3) == 0.238
    assert round(result.consistency_ratio, 3) == 0.169
    assert not result.consistent and result.suggestion is not None


def test_saaty_wealth_of_nations():
    result = ahp(WEALTH)
    assert [round(w, 3) for w in result.weights] == [0.427, 0.230, 0.021, 0.052, 0.052, 0.123, 0.094]
    assert round(result.lambda_max, 3) == 7.608
    assert round(result.consistency_index, 3) == 0.101
    assert round(result.consistency_ratio, 3) == 0.077
    assert round(result.lambda_max, 2) == 7.61  # the book's figure
    assert result.consistency_index == pytest.approx((result.lambda_max - 7) / 6)
    assert result.consistency_ratio == pytest.approx(result.consistency_index / 1.32)
    assert result.consistent and result.suggestion is None


def test_consistent_matrix_has_cr_zero_and_exact_weights():
    w = np.array([0.5, 0.3, 0.2])
    result = ahp(w[:, None] / w[None, :])
    assert result.consistency_ratio == pytest.approx(0, abs=1e-9)
    assert result.weights == pytest.approx(list(w))


def test_weights_do_not_depend_on_the_order_of_items():
    order = [3, 0, 7, 1, 5, 2, 6, 4]
    shuffled = [[HOUSE[i][j] for j in order] for i in order]
    assert ahp(shuffled).weights == pytest.approx([ahp(HOUSE).weights[i] for i in order])


@pytest.mark.parametrize("matrix", [HOUSE, [[1, 9, 1 / 9], [1 / 9, 1, 9], [9, 1 / 9, 1]],
                                    [[1, 3, 5, 1 / 4], [1 / 3, 1, 1 / 2, 5], [1 / 5, 2, 1, 1 / 7], [4, 1 / 5, 7, 1]]])
def test_the_suggestion_names_the_worst_pair_and_lowers_the_cr(matrix):
    result = ahp(matrix)
    suggestion = result.suggestion
    assert result.consistency_ratio > CR_LIMIT and suggestion is not None
    i, j = suggestion.row, suggestion.column
    assert i < j and suggestion.value == pytest.approx(matrix[i][j])
    assert suggestion.suggested_value in SAATY_VALUES
    fixed = [list(row) for row in matrix]
    fixed[i][j], fixed[j][i] = suggestion.suggested_value, 1 / suggestion.suggested_value
    assert ahp(fixed).consistency_ratio == pytest.approx(suggestion.suggested_cr)
    assert suggestion.suggested_cr < result.consistency_ratio
    # The pair named departs most from what the weights imply.
    w = result.weights
    departures = {(r, c): abs(np.log(matrix[r][c] * w[c] / w[r])) for r in range(len(w)) for c in range(r + 1, len(w))}
    assert max(departures, key=departures.get) == (i, j)
    assert suggestion.consistent_value == pytest.approx(w[i] / w[j])


def test_geometric_mean_of_stakeholders():
    a = [[1, 3, 5], [1 / 3, 1, 2], [1 / 5, 1 / 2, 1]]
    b = [[1, 1 / 3, 1], [3, 1, 4], [1, 1 / 4, 1]]
    group = geometric_mean([a, b])
    assert group[0][1] == pytest.approx(1.0)
    assert group[0][2] == pytest.approx(5 ** 0.5)
    assert group[1][2] == pytest.approx(8 ** 0.5)
    check_matrix(group)  # still reciprocal
    assert group[2][1] == pytest.approx(1 / group[1][2])


def test_node_weights_shows_each_stakeholder_beside_the_group():
    judgements = {
        "CFO": {("f", "t"): 3, ("f", "c"): 5, ("t", "c"): 2},
        "CIO": {("f", "t"): 1 / 2, ("f", "c"): 1, ("t", "c"): 3},
    }
    node = node_weights("root", ["f", "t", "c"], judgements)
    assert [s.name for s in node.stakeholders] == ["CFO", "CIO"]
    assert np.allclose(node.matrix, geometric_mean([s.matrix for s in node.stakeholders]))
    assert node.result.weights == pytest.approx(ahp(node.matrix).weights)
    assert node.stakeholders[0].result.weights[0] > node.result.weights[0] > node.stakeholders[1].result.weights[0]


def test_reciprocal_mismatch_is_refused_with_the_pair_named():
    with pytest.raises(ValidationError, match=r"comparison 2/3 is 2 but 3/2 is 2: it must be 1/2"):
        ahp([[1, 2, 3], [1 / 2, 1, 2], [1 / 3, 2, 1]])
    with pytest.raises(ValidationError, match="given twice and the two are not reciprocal"):
        comparison_matrix(["a", "b"], {("a", "b"): 3, ("b", "a"): 3})
    comparison_matrix(["a", "b"], {("a", "b"): 3, ("b", "a"): 1 / 3})  # both ways, reciprocal: fine


@pytest.mark.parametrize("matrix, message", [
    ([[1, 12], [1 / 12, 1]], "Saaty's scale runs from 1/9 to 9"),
    ([[2, 1], [1, 1]], "compared with itself must be 1"),
    ([[1, 2, 3], [1 / 2, 1]], "square table"),
    ([[1, float("nan")], [1, 1]], "must be a number"),
    ([[1, 0], [0, 1]], "Saaty's scale"),
])
def test_invalid_matrices(matrix, message):
    with pytest.raises(ValidationError, match=message):
        ahp(matrix)


def test_missing_comparison_is_named():
    with pytest.raises(ValidationError, match="the comparison of a with c is missing"):
        comparison_matrix(["a", "b", "c"], {("a", "b"): 2, ("b", "c"): 2})


def test_the_suggestion_lowers_the_cr_of_any_inconsistent_matrix():
    """300 random judgements on Saaty's scale (3 to 7 items): every flagged matrix gets a
    suggestion that changes one entry to another scale value and lowers its CR."""
    rng = np.random.default_rng(12)
    flagged = 0
    for _ in range(300):
        n = int(rng.integers(3, 8))
        matrix = np.ones((n, n))
        for i in range(n):
            for j in range(i + 1, n):
                value = SAATY_VALUES[int(rng.integers(len(SAATY_VALUES)))]
                matrix[i, j], matrix[j, i] = value, 1 / value
        result = ahp(matrix.tolist())
        if result.consistency_ratio <= CR_LIMIT:
            assert result.suggestion is None
            continue
        flagged += 1
        s = result.suggestion
        assert s.suggested_value in SAATY_VALUES and s.suggested_value != pytest.approx(s.value)
        fixed = matrix.copy()
        fixed[s.row, s.column], fixed[s.column, s.row] = s.suggested_value, 1 / s.suggested_value
        assert ahp(fixed.tolist()).consistency_ratio == pytest.approx(s.suggested_cr)
        assert s.suggested_cr < result.consistency_ratio
    assert flagged > 200


def test_the_group_revision_names_a_stakeholder_whose_change_lowers_the_group_cr():
    """Nobody enters the group matrix: the revision says which stakeholder's comparison of the
    worst pair to change, and to what, and re-weighting with it gives the promised group CR.
    200 random pairs of stakeholders (3 to 6 items) on Saaty's scale."""
    rng = np.random.default_rng(7)
    revised = 0
    for _ in range(200):
        n = int(rng.integers(3, 7))
        items = [f"i{k}" for k in range(n)]
        judgements = {who: {(items[i], items[j]): SAATY_VALUES[int(rng.integers(len(SAATY_VALUES)))]
                            for i in range(n) for j in range(i + 1, n)} for who in ("Ann", "Bo")}
        node = node_weights("root", items, judgements)
        revision = node.revision
        if node.result.consistency_ratio <= CR_LIMIT:
            assert revision is None
            continue
        if revision is None:
            continue
        revised += 1
        pair = (items[revision.row], items[revision.column])
        suggestion = node.result.suggestion
        assert (revision.row, revision.column) == (suggestion.row, suggestion.column)  # the group's worst pair
        assert revision.value == pytest.approx(judgements[revision.stakeholder][pair])
        assert revision.revised_value in SAATY_VALUES and revision.revised_value != pytest.approx(revision.value)
        again = node_weights("root", items, {**judgements, revision.stakeholder: {
            **judgements[revision.stakeholder], pair: revision.revised_value}})
        assert again.result.consistency_ratio == pytest.approx(revision.revised_cr)
        assert revision.revised_cr < node.result.consistency_ratio
    assert revised > 100
