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


def test_network_node_text_shows_es_ef_ls_lf_and_slack(scheduled):
    texts = _texts(network_figure(scheduled))
    assert "ES 0 · EF 3" in texts["a"] and "LS 0 · LF 3" in texts["a"] and "Slack 0" in texts["a"]
    assert "ES 1 · EF 4" in texts["c"] and "LS 2 · LF 5" in texts["c"] and "Slack 1" in texts["c"]


def test_network_lays_nodes_out_by_generation(scheduled):
    fig = network_figure(scheduled)
    x = {}
    for tr in fig.data:
        if tr.name in ("Task", "Critical task"):
            for text, xv in zip(tr.text, tr.x):
                x[text.split("</b>")[0].removeprefix("<b>")] = xv
    assert x == {"a": 0, "b": 1, "c": 1, "g": 2}
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
