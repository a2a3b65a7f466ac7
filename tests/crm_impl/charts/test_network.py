"""The network diagram, asserted on its boxes, arrows and labels."""

from __future__ import annotations

import json

from crm_impl.charts.network import network_figure
from crm_impl.charts.style import COLORS
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanTask
from tests.crm_impl.charts.conftest import MONDAY, TASKS, arrows


def _texts(fig) -> dict[str, str]:
    return {t.split("</b>")[0].removeprefix("<b>"): t for tr in fig.data if tr.mode == "text" for t in tr.text}


def test_network_boxes_show_name_duration_dates_and_slack(scheduled):
    figure = network_figure(scheduled)
    texts = _texts(figure)
    assert texts["a"] == "<b>a</b> Assess<br>3 working days · 03-03 – 03-05<br>ES 0 · EF 3 · Slack 0"
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
    assert x["a"] < x["b"] == x["c"] < x["g"]  # columns by rank, left to right
    assert len([s for s in fig.layout.shapes if s.type == "rect"]) == len(TASKS)


def test_network_marks_critical_nodes_and_driving_links_red(scheduled):
    fig = network_figure(scheduled)
    colours = [a.arrowcolor for a in arrows(fig)]
    assert colours == [COLORS["critical"], COLORS["link"], COLORS["critical"], COLORS["link"]]
    rects = fig.layout.shapes
    assert [r.line.color for r in rects] == [COLORS["critical"], COLORS["critical"], COLORS["task"], COLORS["critical"]]
    # Two critical tasks whose link does not drive the successor: the arrow stays grey.
    plan = Plan("P", MONDAY, tasks=(PlanTask("p", "", duration=2), PlanTask("q", "", duration=3),
                                    PlanTask("r", "", duration=1)),
                links=(Link("p", "r"), Link("q", "r")))
    fig = network_figure(plan.schedule())
    assert [a.arrowcolor for a in arrows(fig)] == [COLORS["link"], COLORS["critical"]]


def test_network_labels_links_other_than_plain_fs(scheduled):
    fig = network_figure(scheduled, locale="zh_Hans")
    labels = [tr for tr in fig.data if tr.name == "依赖类型"]
    assert labels and list(labels[0].text) == ["SS+1", "FF"]
    assert any("时差 0" in t for tr in fig.data if tr.name == "关键任务" for t in tr.text)


def test_network_of_a_golden_sample(sample):
    scheduled = sample["plan"].schedule()
    fig = network_figure(scheduled)
    assert len(arrows(fig)) == scheduled.schedule.network.n_links
    red = [r for r in fig.layout.shapes if r.line.color == COLORS["critical"]]
    assert len(red) == len(sample["derived"]["schedule"]["cpm_most_likely"]["critical_path"])


def test_network_serialises_for_the_web(scheduled):
    assert json.loads(network_figure(scheduled).to_json())["data"]
