"""Risk heat map: zones, marker placement, bilingual labels and trace layout."""

from __future__ import annotations

import itertools
import math
import subprocess
import sys
from pathlib import Path

import plotly.graph_objects as go
import pytest

from crm_impl.errors import ValidationError
from crm_impl.charts.risks import ZONE_COLORS, cell_offsets, risk_heatmap_figure, risk_heatmap_pair
from crm_impl.tracking.risks import RiskPoint, risk_zone

RISKS = [
    RiskPoint("R1", "Requirement change", 4, 4),
    RiskPoint("R2", "Data migration", 5, 5),
    RiskPoint("R3", "Employee resistance", 4, 4),
    RiskPoint("R4", "Cultural <resistance>", 1, 2),
]


@pytest.mark.parametrize(
    ("score", "zone"),
    [(1, "green"), (4, "green"), (5, "amber"), (12, "amber"), (15, "red"), (25, "red")],
)
def test_zone_edges(score, zone):
    assert risk_zone(score) == zone


def test_grid_colours_every_cell_by_zone():
    grid = risk_heatmap_figure([]).data[0]
    assert isinstance(grid, go.Heatmap)
    assert list(grid.x) == [1, 2, 3, 4, 5] and list(grid.y) == [1, 2, 3, 4, 5]
    # Row = probability, column = impact; 0 green, 1 amber, 2 red.
    assert [list(row) for row in grid.z] == [
        [0, 0, 0, 0, 1],
        [0, 0, 1, 1, 1],
        [0, 1, 1, 1, 2],
        [0, 1, 1, 2, 2],
        [1, 1, 2, 2, 2],
    ]
    assert grid.showscale is False
    assert {colour for _, colour in grid.colorscale} == set(ZONE_COLORS.values())
    assert grid.text[2][4] == "3 × 5 = 15 (high)"


def test_single_risk_sits_in_its_cell_centre():
    marks = risk_heatmap_figure([RiskPoint("R9", "Scope creep", 3, 2)]).data[1]
    assert (list(marks.x), list(marks.y), list(marks.text)) == ([2.0], [3.0], ["R9"])
    assert marks.mode == "markers+text"


def test_risks_in_one_cell_do_not_overlap():
    marks = risk_heatmap_figure(RISKS).data[1]
    points = list(zip(marks.x, marks.y, strict=True))
    assert list(marks.text) == ["R1", "R3", "R2", "R4"]  # grouped by cell, first-seen order
    assert points == [(3.825, 4.0), (4.175, 4.0), (5.0, 5.0), (2.0, 1.0)]
    assert len(set(points)) == len(points)


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 9, 10, 30])
def test_offsets_stay_inside_the_cell_and_apart(count):
    offsets = cell_offsets(count)
    assert len(offsets) == len(set(offsets)) == count
    assert all(abs(dx) <= 0.35 and abs(dy) <= 0.35 for dx, dy in offsets)
    step = 0.7 / math.ceil(math.sqrt(count))  # grid pitch; offsets are rounded to 6 places
    for (ax, ay), (bx, by) in itertools.combinations(offsets, 2):
        assert max(abs(ax - bx), abs(ay - by)) >= step - 1e-5


def test_hover_names_the_risk_and_escapes_html():
    marks = risk_heatmap_figure(RISKS).data[1]
    assert marks.hovertext[3] == "<b>R4</b> Cultural &lt;resistance&gt;<br>Probability 1 × Impact 2 = 2"


def test_english_labels():
    fig = risk_heatmap_figure(RISKS)
    assert fig.layout.title.text == "Risk heat map"
    assert fig.layout.xaxis.title.text == "Impact"
    assert fig.layout.yaxis.title.text == "Probability"
    assert list(fig.layout.xaxis.tickvals) == [1, 2, 3, 4, 5]
    assert fig.layout.yaxis.scaleanchor == "x"


def test_chinese_labels():
    fig = risk_heatmap_figure(RISKS, locale="zh_Hans_CN")
    assert fig.layout.title.text == "风险热力图"
    assert fig.layout.xaxis.title.text == "影响"
    assert fig.layout.yaxis.title.text == "概率"
    assert fig.data[1].hovertext[2].endswith("概率 5 × 影响 5 = 25")
    assert fig.data[0].text[0][0] == "1 × 1 = 1 (低)"


def test_custom_title_is_escaped():
    assert risk_heatmap_figure([], title="P&L risks").layout.title.text == "P&amp;L risks"


def test_empty_list_keeps_both_traces():
    fig = risk_heatmap_figure([])
    assert [type(t).__name__ for t in fig.data] == ["Heatmap", "Scatter"]
    assert list(fig.data[1].x) == []


@pytest.mark.parametrize(
    ("risk", "field"),
    [
        (RiskPoint("R", "t", 0, 3), "risks[0].probability"),
        (RiskPoint("R", "t", 3, 6), "risks[0].impact"),
        (RiskPoint("R", "t", 2.5, 3), "risks[0].probability"),
        (RiskPoint("R", "t", True, 3), "risks[0].probability"),
    ],
)
def test_out_of_range_is_refused(risk, field):
    with pytest.raises(ValidationError) as info:
        risk_heatmap_figure([risk])
    assert info.value.field == field


def test_pair_has_two_panels():
    after = [RiskPoint("R2", "Data migration", 2, 5)]
    fig = risk_heatmap_pair(RISKS, after)
    assert [type(t).__name__ for t in fig.data] == ["Heatmap", "Scatter", "Heatmap", "Scatter"]
    assert [(t.xaxis, t.yaxis) for t in fig.data] == [("x", "y"), ("x", "y"), ("x2", "y2"), ("x2", "y2")]
    assert [a.text for a in fig.layout.annotations] == ["Before mitigation", "After mitigation"]
    assert (list(fig.data[3].x), list(fig.data[3].y)) == ([5.0], [2.0])
    assert fig.layout.xaxis2.title.text == "Impact"
    assert fig.layout.yaxis.title.text == "Probability"
    assert fig.layout.yaxis2.scaleanchor == "x2"
    assert fig.layout.title.text == "Risk heat map before and after mitigation"


def test_pair_in_chinese():
    fig = risk_heatmap_pair([], [], "zh")
    assert [a.text for a in fig.layout.annotations] == ["缓解前", "缓解后"]
    assert fig.layout.xaxis.title.text == "影响" and fig.layout.yaxis2.title.text == "概率"


def test_pair_names_the_bad_side():
    with pytest.raises(ValidationError) as info:
        risk_heatmap_pair(RISKS, [RiskPoint("R", "t", 9, 1)])
    assert info.value.field == "after[0].probability"


def test_package_import_does_not_load_plotly():
    # A fresh interpreter: this test process has plotly loaded already.
    code = "import sys, crm_impl.tracking; print('plotly' in sys.modules)"
    root = Path(__file__).resolve().parents[3]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "False"
