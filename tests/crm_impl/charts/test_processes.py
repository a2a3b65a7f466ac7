"""Process charts: the fishbone, the Pareto chart, as-is vs to-be panels, simulated cycle times."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import pytest

from crm_impl.charts.processes import (
    DIFF_COLORS,
    swimlane_figure,
    PROCESS_COLORS,
    cycle_time_figure,
    fishbone_figure,
    pareto_figure,
    process_comparison_figure,
)
from crm_impl.errors import ValidationError
from crm_impl.processes import (
    Category,
    Cause,
    Fishbone,
    LaneStaff,
    Node,
    Scenario,
    diff_maps,
    pareto,
    process_metrics,
    simulate_process,
)
from tests.crm_impl.charts.conftest import trace
from tests.crm_impl.processes.maps import gateway, loop
from tests.crm_impl.processes.test_rootcause import REFINERY


def test_the_fishbone_has_a_bone_per_category_and_each_cause_on_its_bone():
    fig = fishbone_figure(REFINERY)
    bones = trace(fig, "bones")
    segments = [(bones.x[i], bones.y[i], bones.x[i + 1], bones.y[i + 1]) for i in range(0, len(bones.x), 3)]
    assert len(segments) == 4
    assert [y1 > 0 for *_, y1 in segments] == [True, False, True, False]  # alternately above and below
    assert all(y0 == 0 for _, y0, _, _ in segments)  # every bone starts on the spine
    causes = trace(fig, "causes")
    assert list(causes.text) == ["Too few sales staff (35%)", "Too few small-package products (25%)",
                                 "Few retail outlets (7%)", "Poor advertising (18%)", "Strong local brands (10%)",
                                 "Price war (5%)"]
    vital = [t for t, c in zip(causes.text, causes.marker.color, strict=True) if c == PROCESS_COLORS["vital"]]
    assert vital == ["Too few sales staff (35%)", "Too few small-package products (25%)", "Poor advertising (18%)"]
    # each cause lies on its category's bone (collinear with the bone's two ends)
    owners = [0, 1, 1, 2, 3, 3]
    for (x, y), owner in zip(zip(causes.x, causes.y, strict=True), owners, strict=True):
        x0, y0, x1, y1 = segments[owner]
        assert (x - x0) * (y1 - y0) == pytest.approx((y - y0) * (x1 - x0))
    assert "small market" in fig.layout.annotations[0].text
    assert list(trace(fig, "categories").text) == ["<b>People</b>", "<b>Channels</b>", "<b>Advertising</b>",
                                                   "<b>Competition</b>"]


def test_the_fishbone_escapes_names_and_speaks_chinese():
    fish = Fishbone("<script>", (Category("人员 <b>", (Cause("销售人员太少", 3),)),))
    fig = fishbone_figure(fish, locale="zh_Hans")
    assert "&lt;script&gt;" in fig.layout.annotations[0].text
    assert trace(fig, "categories").text[0] == "<b>人员 &lt;b&gt;</b>"
    assert fig.layout.title.text == "鱼骨图"


def test_the_pareto_chart_sorts_marks_the_vital_few_and_draws_the_cut():
    fig = pareto_figure(REFINERY)
    vital, other, cumulative = fig.data
    assert isinstance(vital, go.Bar) and isinstance(other, go.Bar)
    assert list(vital.x) == [0, 1, 2] and list(vital.y) == pytest.approx([35, 25, 18])
    assert list(other.x) == [3, 4, 5] and list(other.y) == pytest.approx([10, 7, 5])
    assert list(cumulative.y) == pytest.approx([35, 60, 78, 88, 95, 100]) and cumulative.yaxis == "y2"
    ticks = list(fig.layout.xaxis.ticktext)
    assert ticks[0] == "Too few sales staff" and ticks[1].endswith("…") and len(ticks[1]) == 24
    cut, divider = fig.layout.shapes
    assert cut.y0 == cut.y1 == 80 and cut.yref == "y2"
    assert divider.x0 == divider.x1 == 2.5  # after the third cause
    assert fig.layout.annotations[0].text == "Cut at 80%"


def test_the_pareto_chart_takes_a_computed_pareto_and_any_cut():
    fig = pareto_figure(pareto(REFINERY, cut=0.9))
    assert list(fig.data[0].y) == pytest.approx([35, 25, 18, 10])
    assert fig.layout.shapes[0].y0 == 90


def test_the_comparison_has_a_panel_per_metric_with_both_values():
    before, after = process_metrics(loop()), process_metrics(gateway())
    fig = process_comparison_figure(before, after)
    titles = [a.text for a in fig.layout.annotations]
    assert titles[:4] == ["Steps", "Hand-offs", "Decision points", "Cycle time (hours)"]
    values = {}
    for bar in fig.data:
        values.setdefault(bar.meta, []).append(bar.y[0])
    assert values["cycle_time"] == pytest.approx([before.cycle_time, after.cycle_time])
    assert values["cost_per_case"] == pytest.approx([before.cost_per_case, after.cost_per_case])
    assert values["value_added_ratio"] == pytest.approx([50, after.value_added_ratio * 100])
    assert values["success_rate"] == pytest.approx([100, 70])
    assert [bar.name for bar in fig.data[:2]] == ["As-is", "To-be"]
    assert sum(bar.showlegend for bar in fig.data) == 2


def test_the_comparison_leaves_out_undefined_metrics_and_refuses_unknown_ones():
    metrics = process_metrics(loop())
    bare = type(metrics)(**{**metrics.__dict__, "success_rate": None})
    fig = process_comparison_figure(bare, bare, metrics=("steps", "success_rate"), names=("Before", "After"))
    assert [a.text for a in fig.layout.annotations] == ["Steps"]
    assert [bar.name for bar in fig.data] == ["Before", "After"]
    with pytest.raises(ValidationError):
        process_comparison_figure(metrics, metrics, metrics=("speed",))


def test_the_simulation_chart_draws_each_run_and_its_percentiles():
    staff = {"front": LaneStaff(1), "back": LaneStaff(1)}
    runs = [(name, simulate_process(loop(), Scenario(arrival_rate=rate, cases=300, staff=staff, seed=1)))
            for name, rate in (("As-is", 0.3), ("To-be", 0.1))]
    fig = cycle_time_figure(runs, locale="zh_Hans")
    assert [h.name for h in fig.data] == ["As-is", "To-be"]
    assert np.array_equal(fig.data[0].x, runs[0][1].cycle_times)
    lines = [shape.x0 for shape in fig.layout.shapes]
    assert lines == pytest.approx([runs[0][1].p50, runs[0][1].p90, runs[1][1].p50, runs[1][1].p90])
    assert fig.layout.xaxis.title.text == "周期时间（小时）"
    with pytest.raises(ValidationError):
        cycle_time_figure([])


# ------------------------------------------------------------------------------- swim lanes

def _hotel():
    from pathlib import Path

    from crm_impl.formats.bpmn import import_bpmn
    folder = Path(__file__).resolve().parents[3] / "sample_projects" / "processes"
    return [import_bpmn((folder / f"hotel_booking_{v}.bpmn").read_bytes()) for v in ("as_is", "to_be")]


def test_the_swimlane_diagram_draws_lanes_nodes_and_flows_where_the_layout_puts_them():
    from crm_impl.formats.bpmn_layout import layered_lane_layout
    pm = loop()
    layout = layered_lane_layout(pm)
    fig = swimlane_figure(pm, layout)
    nodes = trace(fig, "nodes")
    assert list(nodes.customdata) == [n.id for n in pm.nodes]
    box = layout.shapes["d"]
    assert (nodes.x[1], nodes.y[1]) == (box.x + box.width / 2, box.y + box.height / 2)
    # the pool, two lanes, five nodes
    assert len(fig.layout.shapes) == 1 + 2 + 5
    flows = trace(fig, "flows")
    assert sum(x is None for x in flows.x) == len(pm.flows)
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]  # BPMN y runs downwards
    labels = [a.text for a in fig.layout.annotations if not a.showarrow]
    assert "yes (75%)" in labels and "no (25%)" in labels and "Draft" in labels
    assert sum(bool(a.showarrow) for a in fig.layout.annotations) == len(pm.flows)


def test_the_swimlane_diagram_colours_what_the_redesign_changed():
    as_is, to_be = _hotel()
    diff = diff_maps(as_is.process, to_be.process)
    fig = swimlane_figure(to_be.process, to_be.layout, diff=diff, metrics=diff.after)
    nodes = trace(fig, "nodes")
    colour = dict(zip(nodes.customdata, nodes.marker.color, strict=True))
    assert {n for n, c in colour.items() if c == DIFF_COLORS["added"]} == set(diff.added_nodes)
    assert {n for n, c in colour.items() if c == DIFF_COLORS["changed"]} == {"C1", "W1"}
    added = trace(fig, "added flows")
    assert sum(x is None for x in added.x) == len(diff.added_flows)
    assert "Removed: S" in [a.text for a in fig.layout.annotations]
    hover = dict(zip(nodes.customdata, nodes.hovertext, strict=True))
    assert "× 0.18" in hover["C2"] and "Added" in hover["C2"]


def test_the_swimlane_diagram_uses_a_file_layout_and_escapes_names():
    as_is, _ = _hotel()
    pm = as_is.process.with_nodes([Node("C1", "task", "<i>Check</i>", lane="reservation")])
    fig = swimlane_figure(pm, as_is.layout, locale="zh_Hans")
    assert "&lt;i&gt;Check&lt;/i&gt;" in [a.text for a in fig.layout.annotations]
    assert fig.layout.title.text == "流程图"
    texts = [a.text for a in fig.layout.annotations]
    assert "客户离开" in texts and "订房热线" in texts  # Chinese node and lane names from the file
    assert fig.layout.shapes[0].x0 == as_is.layout.pool.x


def test_fishbone_and_pareto_show_chinese_names_to_a_chinese_reader():
    fish = Fishbone("Small market share", (
        Category("People", (Cause("Too few sales staff", 35, "销售人员太少"),), "人员"),
        Category("Advertising", (Cause("Poor advertising", 18),), "广告")), problem_zh="市场份额小")
    zh, en = fishbone_figure(fish, locale="zh_Hans"), fishbone_figure(fish, locale="en")
    assert trace(zh, "causes").text[0].startswith("销售人员太少") and trace(en, "causes").text[0].startswith("Too few")
    assert trace(zh, "causes").text[1].startswith("Poor advertising")  # no Chinese given: the English name
    assert "市场份额小" in zh.layout.annotations[0].text and list(trace(zh, "categories").text) == ["<b>人员</b>", "<b>广告</b>"]
    bars = pareto_figure(fish, locale="zh_Hans")
    assert list(bars.layout.xaxis.ticktext) == ["销售人员太少", "Poor advertising"]
    assert bars.data[0].hovertext[0] == "人员: 销售人员太少"


def test_the_swimlane_diagram_renders_to_png_and_svg_for_reports(monkeypatch):
    import shutil
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed")
    monkeypatch.setenv("BROWSER_PATH", chromium)  # kaleido uses the system browser, never downloads one
    as_is, to_be = _hotel()
    fig = swimlane_figure(to_be.process, to_be.layout, diff=diff_maps(as_is.process, to_be.process), locale="zh_Hans")
    png = fig.to_image(format="png", width=1200, height=700)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    svg = fig.to_image(format="svg", width=1200, height=700).decode("utf-8")
    assert svg.lstrip().startswith("<svg") and "检查附近连锁店" in svg


def test_the_scope_quadrant_places_each_process_and_names_the_quadrants_as_the_methodology():
    from crm_impl.charts.processes import scope_quadrant_figure
    from crm_impl.processes import Candidate, rank_candidates
    ranked = rank_candidates([
        Candidate("service", "Customer service", 5, 5, 4, functions=8, departments=4, name_zh="客户服务"),
        Candidate("leads", "Lead handling", 3, 3, 5, functions=2, departments=1),
        Candidate("billing", "Billing", 5, 4, 2, functions=7, departments=1)])
    fig = scope_quadrant_figure(ranked, locale="zh_Hans")
    chosen, other = fig.data
    assert list(chosen.customdata) == ["service", "leads"] and list(other.customdata) == ["billing"]
    assert (chosen.x[0], chosen.y[0]) == (4, 8) and (other.x[0], other.y[0]) == (1, 7)
    assert chosen.text[0] == "客户服务" and chosen.marker.size[0] > chosen.marker.size[1]
    assert other.marker.symbol == "circle-open"
    vertical, horizontal = fig.layout.shapes
    assert vertical.x0 == 2.5 and horizontal.y0 == 5.5  # more than 2 departments, more than 5 functions
    corner = {a.text: (a.x, a.y) for a in fig.layout.annotations}
    assert corner["<b>II</b>"][0] < vertical.x0 < corner["<b>IV</b>"][0]  # II top-left, IV top-right
    assert corner["<b>I</b>"][1] < horizontal.y0 < corner["<b>II</b>"][1]  # I bottom-left
    assert corner["<b>III</b>"][0] > vertical.x0 and corner["<b>III</b>"][1] < horizontal.y0  # III bottom-right
    assert fig.layout.title.text == "范围象限"
