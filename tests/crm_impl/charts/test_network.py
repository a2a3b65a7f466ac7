"""The network diagram, asserted on its boxes, arrows and labels."""

from __future__ import annotations

import json
from dataclasses import replace

from crm_impl.charts.network import NAME_CELLS, network_figure
from crm_impl.charts.style import cells
from crm_impl.charts.style import COLORS
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanTask
from tests.crm_impl.charts.conftest import LINKS, MONDAY, TASKS, small_plan


def _texts(fig) -> dict[str, str]:
    return {t.split("</b>")[0].removeprefix("<b>"): t for tr in fig.data if tr.mode == "text" for t in tr.text}


def _boxes(fig):
    return [s for s in fig.layout.shapes if not s.name.startswith("phase:")]


def _link_colours(fig, plan) -> list[str]:
    """The colour each link is drawn in, found by its ends (the boxes' sides) among the polylines."""
    box = {s.name: s for s in _boxes(fig)}
    drawn = {}
    for tr in fig.data:
        if tr.name == "links":
            points = []
            for x, y in [*zip(tr.x, tr.y), (None, None)]:
                if x is None and points:
                    drawn[(round(points[0][0], 6), round(points[0][1], 6), round(points[-1][0], 6),
                           round(points[-1][1], 6))] = tr.line.color
                    points = []
                elif x is not None:
                    points.append((x, y))
    colours = []
    for link in plan.links:
        p, s = box[link.pred], box[link.succ]
        key = (round(p.x1, 6), round((p.y0 + p.y1) / 2, 6), round(s.x0, 6), round((s.y0 + s.y1) / 2, 6))
        colours.append(drawn[key])
    return colours


def _heads(fig) -> dict[str, int]:
    """Arrow heads by colour: one marker per link where it arrives."""
    return {tr.marker.color: len(tr.x) for tr in fig.data if tr.name == "arrows"}


def test_network_boxes_show_name_duration_dates_and_slack(scheduled):
    figure = network_figure(scheduled)
    texts = _texts(figure)
    assert texts["a"] == "<b>a</b> Assess<br><br>3 working days<br>03-03 – 03-05<br>ES 0 · EF 3 · Slack 0"
    assert "ES 1 · EF 4" in texts["c"] and "Slack 1" in texts["c"]
    late = {row[0]: row for tr in figure.data if tr.mode == "text" and tr.customdata is not None for row in tr.customdata}
    assert any(list(row[2:4]) == ["2", "5"] for row in late.values())  # LS and LF of c, on hover


def test_network_lays_nodes_out_by_generation(scheduled):
    fig = network_figure(scheduled)
    x = {}
    for tr in fig.data:
        if tr.name in ("Task", "Critical task"):
            for text, xv in zip(tr.text, tr.x):
                x[text.split("</b>")[0].removeprefix("<b>")] = xv
    # Columns by rank, left to right; c (phase P2) starts the band of P2, after b's column.
    assert x["a"] < x["b"] < x["c"] < x["g"]
    assert len(_boxes(fig)) == len(TASKS)
    one_phase = network_figure(small_plan(tasks=tuple(replace(t, phase="P1") for t in TASKS)).schedule())
    x = {t.split("</b>")[0].removeprefix("<b>"): xv for tr in one_phase.data if tr.mode == "text"
         for t, xv in zip(tr.text, tr.x)}
    assert x["a"] < x["b"] == x["c"] < x["g"]


def test_network_marks_critical_nodes_and_driving_links_red(scheduled):
    fig = network_figure(scheduled)
    colours = _link_colours(fig, scheduled.plan)
    assert colours == [COLORS["critical"], COLORS["link"], COLORS["critical"], COLORS["link"]]
    assert _heads(fig) == {COLORS["link"]: 2, COLORS["critical"]: 2}
    rects = _boxes(fig)
    assert [r.line.color for r in rects] == [COLORS["critical"], COLORS["critical"], COLORS["task"], COLORS["critical"]]
    # Two critical tasks whose link does not drive the successor: the arrow stays grey.
    plan = Plan("P", MONDAY, tasks=(PlanTask("p", "", duration=2), PlanTask("q", "", duration=3),
                                    PlanTask("r", "", duration=1)),
                links=(Link("p", "r"), Link("q", "r")))
    fig = network_figure(plan.schedule())
    assert _link_colours(fig, plan) == [COLORS["link"], COLORS["critical"]]
    assert _heads(fig) == {COLORS["link"]: 1, COLORS["critical"]: 1}


def test_network_labels_links_other_than_plain_fs(scheduled):
    fig = network_figure(scheduled, locale="zh_Hans")
    labels = [tr for tr in fig.data if tr.name == "依赖类型"]
    assert labels and list(labels[0].text) == ["SS+1", "FF"]
    assert any("时差 0" in t for tr in fig.data if tr.name == "关键任务" for t in tr.text)


def test_network_of_a_golden_sample(sample):
    scheduled = sample["plan"].schedule()
    fig = network_figure(scheduled)
    assert sum(_heads(fig).values()) == scheduled.schedule.network.n_links
    red = [r for r in _boxes(fig) if r.line.color == COLORS["critical"]]
    assert len(red) == len(sample["derived"]["schedule"]["cpm_most_likely"]["critical_path"])


def test_network_serialises_for_the_web(scheduled):
    assert json.loads(network_figure(scheduled).to_json())["data"]


def test_long_names_wrap_onto_two_lines_cut_by_display_width():
    name_zh = "客户主数据清洗与迁移规则的确认及第一次试迁移的结果评审"  # 27 characters, 54 cells
    name_en = "Customer master data cleansing and migration rules sign-off with first trial load review"
    plan = small_plan(tasks=(replace(TASKS[0], name=name_en, name_zh=name_zh), *TASKS[1:]))
    for locale, name in (("zh_Hans", name_zh), ("en", name_en)):
        text = _texts(network_figure(plan.schedule(), locale=locale))["a"]
        first, second = text.split("<br>")[:2]
        first = first.removeprefix("<b>a</b> ")
        assert cells("a") + 1 + cells(first) <= NAME_CELLS and cells(second) <= NAME_CELLS, (first, second)
        assert second.endswith("…") and name.startswith(first)  # cut, not squeezed
        assert len(first) > 5 and len(second) > 5  # both lines used


def test_the_layout_is_kept_in_a_cache_by_the_networks_shape(scheduled):
    class Cache(dict):
        def set(self, key, value, timeout=None):
            self[key] = value

    from crm_impl.operations.schedule import kept_network_layout

    cache = Cache()

    def kept(plan):  # as the page draws it: the layout kept in the cache
        return network_figure(plan, layout=kept_network_layout(plan, cache))

    first = kept(scheduled)
    assert len(cache) == 1 and next(iter(cache)).startswith("network-layout:")
    (key, layout), = cache.items()
    cache[key] = replace(layout, centres={k: (x, y - 100) for k, (x, y) in layout.centres.items()})
    again = kept(scheduled)  # the kept layout is used, not laid out again
    assert [round(s.y0, 6) for s in _boxes(again)] == [round(s.y0 - 100, 6) for s in _boxes(first)]
    # Durations do not move boxes (the same key); a link or a phase does (another key).
    kept(small_plan(tasks=(replace(TASKS[0], duration=9), *TASKS[1:])).schedule())
    assert len(cache) == 1
    kept(small_plan(links=LINKS[:3]).schedule())
    kept(small_plan(tasks=(*TASKS[:2], replace(TASKS[2], phase="P1"), TASKS[3])).schedule())
    assert len(cache) == 3
