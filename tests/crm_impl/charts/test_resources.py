"""The resource-load chart."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from crm_impl.charts.resources import resource_load_figure
from crm_impl.charts.style import COLORS
from crm_impl.errors import ValidationError
from tests.crm_impl.charts.conftest import MONDAY, trace


def test_resource_load_highlights_weeks_over_capacity():
    week2 = MONDAY + timedelta(days=7)
    loads = {"V_PM": {MONDAY: 3.0, week2: 6.0}, "E_KU": {week2: 2.0}}
    fig = resource_load_figure(loads, {"V_PM": 5.0})
    bars = [t for t in fig.data if t.type == "bar" and t.x != (None,)]
    capacity = [t for t in fig.data if t.name == "Capacity"]
    assert len(bars) == 2 and len(capacity) == 2
    assert bars[0].x == ("2025-03-03", "2025-03-10") and bars[0].y == (3.0, 6.0)
    assert bars[0].marker.color == (COLORS["task"], COLORS["critical"])
    assert bars[1].marker.color == (COLORS["task"], COLORS["critical"])  # E_KU has no capacity
    assert capacity[0].y == (5.0, 5.0) and capacity[1].y == (0.0, 0.0)
    assert [a.text for a in fig.layout.annotations] == ["V_PM", "E_KU"]
    assert trace(fig, "Over-allocated").marker.color == COLORS["critical"]
    assert json.loads(fig.to_json())["data"]


def test_resource_load_needs_loads():
    with pytest.raises(ValidationError):
        resource_load_figure({}, {})


def test_resource_load_heads_each_panel_with_the_role_name_and_the_code_as_a_hint():
    loads = {"V_PM": {MONDAY: 3.0}, "E_KU": {MONDAY: 2.0}, "X_NEW": {MONDAY: 1.0}}
    names = {"V_PM": "供应商项目经理", "E_KU": "关键用户"}
    fig = resource_load_figure(loads, {"V_PM": 5.0}, locale="zh_Hans", role_names=names)
    titles = [a.text for a in fig.layout.annotations]
    assert titles == ['供应商项目经理 <span style="color:#6c757d">V_PM</span>',
                      '关键用户 <span style="color:#6c757d">E_KU</span>', "X_NEW"]  # no name: the code
    bars = [t for t in fig.data if t.type == "bar" and t.x != (None,)]
    assert [t.meta for t in bars] == ["供应商项目经理", "关键用户", "X_NEW"]
    assert bars[0].hovertemplate.startswith("<b>供应商项目经理</b> (V_PM) ")
    assert bars[2].hovertemplate.startswith("<b>X_NEW</b> ")
