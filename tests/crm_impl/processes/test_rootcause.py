"""Fishbone and Pareto: the methodology's 78 % example and the cut rule."""

from __future__ import annotations

import pytest

from crm_impl.errors import ValidationError
from crm_impl.processes import Category, Cause, Fishbone, pareto

#: §5.4: a refinery's small market share; three causes explain 78 %.
REFINERY = Fishbone("The refinery's products have a small market share", (
    Category("People", (Cause("Too few sales staff", 35),)),
    Category("Channels", (Cause("Too few small-package products", 25), Cause("Few retail outlets", 7))),
    Category("Advertising", (Cause("Poor advertising", 18),)),
    Category("Competition", (Cause("Strong local brands", 10), Cause("Price war", 5))),
))


def test_the_methodology_example_marks_the_three_causes_that_explain_78_percent():
    result = pareto(REFINERY)
    assert [row.cause for row in result.vital_few] == [
        "Too few sales staff", "Too few small-package products", "Poor advertising"]
    assert result.covered == pytest.approx(0.78)
    assert [round(row.cumulative, 2) for row in result.rows] == [0.35, 0.60, 0.78, 0.88, 0.95, 1.0]
    assert [row.value for row in result.rows] == [35, 25, 18, 10, 7, 5]
    assert result.rows[1].category == "Channels" and result.total == 100


def test_counts_are_normalised_like_shares():
    counts = Fishbone("Complaints", tuple(Category(c.name, tuple(Cause(x.name, x.value * 3) for x in c.causes))
                                          for c in REFINERY.categories))
    assert pareto(counts).covered == pytest.approx(0.78)
    assert pareto(counts).rows[0].share == pytest.approx(0.35)


def test_the_cut_picks_the_run_nearest_to_it():
    causes = [("a", Cause("big", 70)), ("b", Cause("mid", 25)), ("c", Cause("small", 5))]
    assert [r.cause for r in pareto(causes).vital_few] == ["big"]  # 70 % is nearer 80 % than 95 %
    assert [r.cause for r in pareto(causes, cut=0.9).vital_few] == ["big", "mid"]
    assert len(pareto(causes, cut=1.0).vital_few) == 3


def test_ties_keep_their_drawing_order_and_empty_data_marks_nothing():
    causes = [("x", Cause("first", 1)), ("y", Cause("second", 1))]
    assert [r.cause for r in pareto(causes).rows] == ["first", "second"]
    assert pareto([("x", Cause("none", 0))]).vital_few == ()
    assert pareto([]).rows == ()


@pytest.mark.parametrize(("causes", "cut", "field"), [
    ([("x", Cause("a", -1))], 0.8, "causes[0].value"),
    ([("x", Cause("a", float("inf")))], 0.8, "causes[0].value"),
    ([("x", Cause("a", 1))], 0, "cut"),
    ([("x", Cause("a", 1))], 1.5, "cut"),
])
def test_bad_values_are_refused(causes, cut, field):
    with pytest.raises(ValidationError) as caught:
        pareto(causes, cut)
    assert caught.value.field == field
