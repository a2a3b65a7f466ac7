"""Schedule figures: asserted on the traces, shapes and annotations they are made of."""

from __future__ import annotations

import doctest
import importlib
import json
import os
import shutil
from datetime import date, timedelta

import numpy as np
import pytest

from crm_impl.errors import ValidationError
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import compute_schedule, schedule_network
from crm_impl.schedule.figures import (
    COLORS,
    GanttTask,
    criticality_figure,
    gantt_figure,
    gantt_tasks,
    montecarlo_figure,
    network_figure,
    resource_load_figure,
    schedule_links,
    weekly_role_loads,
)
from crm_impl.schedule.montecarlo import simulate
from crm_impl.schedule.network import Activity, Link
from tests.crm_impl.schedule.helpers import SAMPLE_FILES, load_sample, sample_estimates, sample_network

DAY_MS = 86_400_000
MONDAY = date(2025, 3, 3)

# a(3) ─FS→ b(2) ─FS→ g (gate);  a ─SS+1→ c(3) ─FF→ g.   T = 5, critical a, b, g; c has slack 1.
ACTIVITIES = [Activity("a", 3), Activity("b", 2), Activity("c", 3), Activity("g", 0, milestone=True)]
LINKS = [Link("a", "b"), Link("a", "c", "SS", 1), Link("b", "g"), Link("c", "g", "FF", 0)]
META = {
    "a": {"name": "Assess", "phase_key": "P1", "phase_name": "Preparation", "progress": 50},
    "b": {"name": "Blueprint", "phase_key": "P1", "phase_name": "Preparation"},
    "c": {"name": "Configure", "phase_key": "P2", "phase_name": "Build"},
    "g": {"name": "Gate 1", "phase_key": "P2", "phase_name": "Build", "is_gate": True},
}


@pytest.fixture
def calendar() -> WorkCalendar:
    return WorkCalendar(MONDAY)


@pytest.fixture
def schedule():
    return compute_schedule(ACTIVITIES, LINKS)


@pytest.fixture
def tasks(schedule, calendar) -> list[GanttTask]:
    return gantt_tasks(schedule, calendar, META)


@pytest.fixture(params=SAMPLE_FILES, ids=lambda p: p.stem)
def sample(request) -> dict:
    """A golden sample project (tasks with predecessors and the derived CPM results)."""
    return load_sample(request.param)


def trace(fig, name):
    found = [t for t in fig.data if t.name == name]
    assert len(found) == 1, [t.name for t in fig.data]
    return found[0]


def arrows(fig):
    return [a for a in fig.layout.annotations if a.showarrow]


# ----------------------------------------------------------------------------- input records


def test_gantt_tasks_carry_dates_timings_and_metadata(tasks):
    by_id = {t.id: t for t in tasks}
    assert [t.id for t in tasks] == ["a", "b", "c", "g"]
    a, c, g = by_id["a"], by_id["c"], by_id["g"]
    assert (a.start, a.finish, a.es, a.ef, a.critical, a.progress) == (MONDAY, date(2025, 3, 5), 0, 3, True, 50)
    assert (c.start, c.finish, c.es, c.ef, c.ls, c.lf, c.total_slack, c.critical) == (
        date(2025, 3, 4), date(2025, 3, 6), 1, 4, 2, 5, 1, False
    )
    assert (g.start, g.finish, g.milestone, g.is_gate, g.phase_name) == (
        date(2025, 3, 10), date(2025, 3, 10), True, True, "Build"
    )
    assert (a.ls, a.lf) == (0, 3)


def test_gantt_tasks_default_name_is_the_id_and_meta_is_checked(schedule, calendar):
    assert gantt_tasks(schedule, calendar)[0].name == "a"
    with pytest.raises(ValidationError) as err:
        gantt_tasks(schedule, calendar, {"zz": {}})
    assert err.value.field == "meta.zz"
    with pytest.raises(ValidationError, match="unknown keys"):
        gantt_tasks(schedule, calendar, {"a": {"colour": "red"}})


def test_gantt_tasks_round_float_offsets_outwards(calendar):
    net = compute_schedule([Activity("a", 2)], []).network
    pert = schedule_network(net, np.array([2.5]))
    (task,) = gantt_tasks(pert, calendar)
    assert (task.start, task.finish) == (MONDAY, date(2025, 3, 5))


def test_schedule_links_rebuild_the_input_links(schedule):
    assert schedule_links(schedule) == LINKS


def test_gantt_task_validates_progress_and_dates():
    with pytest.raises(ValidationError, match="0 to 100"):
        GanttTask("x", "X", "P", "P", MONDAY, MONDAY, 0, 1, 1, progress=101)
    with pytest.raises(ValidationError, match="before start"):
        GanttTask("x", "X", "P", "P", MONDAY, MONDAY - timedelta(days=1), 0, 1, 1)
    with pytest.raises(ValidationError, match="both baseline"):
        GanttTask("x", "X", "P", "P", MONDAY, MONDAY, 0, 1, 1, baseline_start=MONDAY)


# ------------------------------------------------------------------------------------- Gantt


def test_gantt_colours_critical_bars_red_and_the_others_blue(tasks):
    fig = gantt_figure(tasks, LINKS)
    critical = trace(fig, "Critical task")
    normal = trace(fig, "Task")
    assert critical.marker.color == COLORS["critical"] and normal.marker.color == COLORS["task"]
    rows = dict(zip(fig.layout.yaxis.tickvals, fig.layout.yaxis.ticktext))
    assert sorted(rows[y].split()[0] for y in critical.y) == ["a", "b"]
    assert [rows[y].split()[0] for y in normal.y] == ["c"]


def test_gantt_bars_span_start_to_the_end_of_the_last_working_day(tasks):
    fig = gantt_figure(tasks, LINKS)
    normal = trace(fig, "Task")  # c: Tue 4 → Thu 6 March
    assert normal.base == ("2025-03-04",) and normal.x == (3 * DAY_MS,)
    assert fig.layout.xaxis.type == "date"


def test_gantt_groups_rows_phase_by_phase_top_to_bottom(tasks):
    fig = gantt_figure(tasks, LINKS)
    ticks = list(fig.layout.yaxis.ticktext)
    assert ticks == ["<b>Preparation</b>", "a Assess", "b Blueprint", "<b>Build</b>", "c Configure", "g Gate 1"]
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]  # reversed: first row on top
    phase = trace(fig, "Phase")
    assert phase.base == ("2025-03-03", "2025-03-04")
    assert phase.x == (5 * DAY_MS, 6 * DAY_MS)  # Build runs Tue 4 → Mon 10 (the gate's day)


def test_gantt_progress_overlays_a_proportion_of_the_bar(tasks):
    progress = trace(gantt_figure(tasks, LINKS), "Progress")
    assert progress.x == (1.5 * DAY_MS,)  # half of a's three days
    assert progress.marker.color == (COLORS["critical_done"],)


def test_gantt_draws_gates_as_labelled_diamonds(tasks):
    fig = gantt_figure(tasks, LINKS)
    gate = trace(fig, "Gate")
    assert gate.marker.symbol == "diamond" and gate.x == ("2025-03-10",)
    assert gate.text == ("Gate 1",) and gate.marker.color == (COLORS["critical"],)
    assert not [t for t in fig.data if t.name == "Milestone"]


def test_gantt_plain_milestones_are_unlabelled_diamonds(schedule, calendar):
    meta = {k: {**v, "is_gate": False} for k, v in META.items()}
    fig = gantt_figure(gantt_tasks(schedule, calendar, meta), LINKS)
    milestone = trace(fig, "Milestone")
    assert milestone.marker.symbol == "diamond" and milestone.text is None


def test_gantt_has_one_arrow_per_link_anchored_by_link_type(tasks):
    fig = gantt_figure(tasks, LINKS)
    drawn = arrows(fig)
    assert len(drawn) == len(LINKS)
    ends = [(a.ax, a.x) for a in drawn]
    assert ends[0] == ("2025-03-06", "2025-03-06")  # FS: a's end → b's start
    assert ends[1] == ("2025-03-03", "2025-03-04")  # SS: a's start → c's start
    assert ends[3] == ("2025-03-07", "2025-03-10")  # FF: c's end → the gate (a point)
    assert {a.axref for a in drawn} == {"x"} and drawn[0].arrowcolor == COLORS["critical"]


def test_gantt_today_line_is_a_vertical_shape(tasks):
    fig = gantt_figure(tasks, LINKS, today=date(2025, 3, 5))
    (line,) = fig.layout.shapes
    assert (line.type, line.x0, line.x1, line.yref, line.y0, line.y1) == (
        "line", "2025-03-05", "2025-03-05", "paper", 0, 1
    )
    assert line.label.text == "Today"
    assert not gantt_figure(tasks, LINKS).layout.shapes


def test_gantt_baseline_bars_only_when_a_baseline_exists(schedule, calendar, tasks):
    assert not [t for t in gantt_figure(tasks, LINKS).data if t.name == "Baseline"]
    meta = {**META, "c": {**META["c"], "baseline_start": MONDAY, "baseline_finish": date(2025, 3, 5)}}
    fig = gantt_figure(gantt_tasks(schedule, calendar, meta), LINKS)
    baseline = trace(fig, "Baseline")
    assert baseline.base == ("2025-03-03",) and baseline.x == (3 * DAY_MS,)
    assert baseline.width < trace(fig, "Task").width and baseline.marker.color == COLORS["baseline"]


def test_gantt_height_grows_with_the_task_count(calendar):
    def figure(n):
        acts = [Activity(f"t{i}", 1) for i in range(n)]
        s = compute_schedule(acts, [Link(f"t{i}", f"t{i + 1}") for i in range(n - 1)])
        return gantt_figure(gantt_tasks(s, calendar), schedule_links(s))

    assert figure(40).layout.height >= figure(4).layout.height + 36 * 20


def test_gantt_speaks_chinese_and_refuses_unknown_locales(tasks):
    fig = gantt_figure(tasks, LINKS, today=MONDAY, locale="zh_Hans")
    assert {t.name for t in fig.data} >= {"关键任务", "任务", "阶段", "进度", "质量关口"}
    assert fig.layout.xaxis.title.text == "日期" and fig.layout.shapes[0].label.text == "今天"
    assert trace(gantt_figure(tasks, LINKS, locale="zh_Hans_CN"), "关键任务")
    with pytest.raises(ValidationError) as err:
        gantt_figure(tasks, LINKS, locale="fr")
    assert err.value.field == "locale"


def test_gantt_escapes_task_names(schedule, calendar):
    meta = {"a": {"name": "<b>bold</b> & co"}}
    fig = gantt_figure(gantt_tasks(schedule, calendar, meta), LINKS)
    assert "a &lt;b&gt;bold&lt;/b&gt; &amp; co" in fig.layout.yaxis.ticktext


def test_gantt_refuses_a_link_to_an_unknown_task(tasks):
    with pytest.raises(ValidationError) as err:
        gantt_figure(tasks, [Link("a", "zz")])
    assert err.value.field == "links[0].succ"


def test_gantt_of_a_golden_sample(sample):
    net = sample_network(sample)
    s = schedule_network(net)
    cal = WorkCalendar(date.fromisoformat(sample["start_date"]))
    meta = {t["id"]: {"phase_key": t["phase"], "is_gate": t["milestone"]} for t in sample["tasks"]}
    fig = gantt_figure(gantt_tasks(s, cal, meta), schedule_links(s), title=sample["id"])
    golden = sample["derived"]["schedule"]["cpm_most_likely"]["critical_path"]
    red = [len(trace(fig, "Critical task").y)]
    red += [sum(c == COLORS["critical"] for c in trace(fig, "Gate").marker.color)]
    assert sum(red) == len(golden)
    assert len(arrows(fig)) == net.n_links
    assert fig.layout.title.text == sample["id"]
    assert len(fig.layout.yaxis.ticktext) == len(sample["tasks"]) + len({t["phase"] for t in sample["tasks"]})


# ----------------------------------------------------------------------------------- Network


def test_network_node_text_shows_es_ef_ls_lf_and_slack(tasks):
    fig = network_figure(tasks, LINKS)
    texts = {t.split("</b>")[0].removeprefix("<b>"): t for tr in fig.data if tr.mode == "text" for t in tr.text}
    assert "ES 0 · EF 3" in texts["a"] and "LS 0 · LF 3" in texts["a"] and "Slack 0" in texts["a"]
    assert "ES 1 · EF 4" in texts["c"] and "LS 2 · LF 5" in texts["c"] and "Slack 1" in texts["c"]


def test_network_lays_nodes_out_by_generation(tasks):
    fig = network_figure(tasks, LINKS)
    x = {}
    for tr in fig.data:
        if tr.name in ("Task", "Critical task"):
            for text, xv in zip(tr.text, tr.x):
                x[text.split("</b>")[0].removeprefix("<b>")] = xv
    assert x == {"a": 0, "b": 1, "c": 1, "g": 2}
    assert len([s for s in fig.layout.shapes if s.type == "rect"]) == len(tasks)


def test_network_marks_critical_nodes_and_driving_links_red(tasks, calendar):
    fig = network_figure(tasks, LINKS)
    colours = [a.arrowcolor for a in arrows(fig)]
    assert colours == [COLORS["critical"], COLORS["link"], COLORS["critical"], COLORS["link"]]
    rects = fig.layout.shapes
    assert [r.line.color for r in rects] == [COLORS["critical"], COLORS["critical"], COLORS["task"], COLORS["critical"]]
    # Two critical tasks whose link does not drive the successor: the arrow stays grey.
    s = compute_schedule([Activity("p", 2), Activity("q", 3), Activity("r", 1)], [Link("p", "r"), Link("q", "r")])
    fig = network_figure(gantt_tasks(s, calendar), schedule_links(s))
    assert [a.arrowcolor for a in arrows(fig)] == [COLORS["link"], COLORS["critical"]]


def test_network_labels_links_other_than_plain_fs(tasks):
    fig = network_figure(tasks, LINKS, locale="zh_Hans")
    labels = [tr for tr in fig.data if tr.name == "依赖类型"]
    assert labels and list(labels[0].text) == ["SS+1", "FF"]
    assert any("时差 0" in t for tr in fig.data if tr.name == "关键任务" for t in tr.text)


def test_network_refuses_a_cycle(tasks):
    with pytest.raises(ValidationError, match="cycle"):
        network_figure(tasks, [Link("a", "b"), Link("b", "a")])


def test_network_of_a_golden_sample(sample):
    s = schedule_network(sample_network(sample))
    fig = network_figure(gantt_tasks(s, WorkCalendar(MONDAY)), schedule_links(s))
    assert len(arrows(fig)) == s.network.n_links
    red = [r for r in fig.layout.shapes if r.line.color == COLORS["critical"]]
    assert len(red) == len(sample["derived"]["schedule"]["cpm_most_likely"]["critical_path"])


# ------------------------------------------------------------------------------- Monte Carlo


def test_montecarlo_histogram_s_curve_and_percentile_lines():
    runs = np.array([10.0, 10.2, 11.0, 12.0, 12.0, 13.5])
    fig = montecarlo_figure(runs, target=12)
    bars, curve = fig.data
    assert list(bars.x) == [10, 11, 12, 14] and list(bars.y) == [1, 2, 2, 1]
    assert curve.yaxis == "y2" and curve.y[-1] == pytest.approx(100)
    assert list(curve.y) == pytest.approx([100 / 6, 50, 500 / 6, 100])
    lines = {s.name: s for s in fig.layout.shapes}
    assert set(lines) == {"P50", "P80", "P90", "Target"}
    assert (lines["P50"].x0, lines["P90"].x0, lines["Target"].x0) == (11, 14, 12.0)
    assert lines["Target"].line.color == COLORS["target"] and lines["P80"].yref == "paper"


def test_montecarlo_with_a_calendar_plots_dates(sample):
    net = sample_network(sample)
    result = simulate(net, sample_estimates(sample), iterations=2000, seed=7)
    cal = WorkCalendar(date.fromisoformat(sample["start_date"]))
    target = date(2025, 12, 1)
    fig = montecarlo_figure(
        result.durations, calendar=cal, target=target,
        percentiles={"P50": result.p50, "P80": result.p80, "P90": result.p90},
    )
    assert fig.layout.xaxis.type == "date" and sum(fig.data[0].y) == 2000
    lines = {s.name: s.x0 for s in fig.layout.shapes}
    p80 = int(np.ceil(result.p80 - 1e-9))
    assert lines["P80"] == cal.finish_date(p80, p80).isoformat()
    assert lines["Target"] == "2025-12-01"
    assert lines["P50"] <= lines["P80"] <= lines["P90"]


def test_montecarlo_default_percentiles_match_the_simulation(sample):
    result = simulate(sample_network(sample), sample_estimates(sample), iterations=500, seed=3)
    lines = {s.name: s.x0 for s in montecarlo_figure(result.durations, locale="zh_Hans").layout.shapes}
    assert lines == {f"P{q}": int(np.ceil(result.percentile(q) - 1e-9)) for q in (50, 80, 90)}


def test_montecarlo_rejects_bad_input():
    with pytest.raises(ValidationError, match="no simulation runs"):
        montecarlo_figure([])
    with pytest.raises(ValidationError, match="finite"):
        montecarlo_figure([1.0, float("nan")])
    with pytest.raises(ValidationError, match="needs a calendar"):
        montecarlo_figure([1.0], target=MONDAY)


# ----------------------------------------------------------------------------- Resource load


def test_weekly_role_loads_book_a_person_day_per_working_day(tasks, calendar):
    loads = weekly_role_loads(tasks, {"a": ["V_PM", "E_KU"], "c": ["E_KU"], "g": ["V_PM"]}, calendar)
    assert loads == {
        "V_PM": {MONDAY: 3.0},
        "E_KU": {MONDAY: 6.0},  # a: 3 days, c: Tue–Thu 3 days
    }


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


def test_resource_load_needs_loads():
    with pytest.raises(ValidationError):
        resource_load_figure({}, {})


# ------------------------------------------------------------------------------- Criticality


def test_criticality_shows_the_top_n_highest_first():
    indices = {"a": 0.2, "b": 1.0, "c": 0.55, "d": 0.0}
    fig = criticality_figure(indices, top=3, names={"b": "Blueprint"}, locale="zh_Hans")
    (bars,) = fig.data
    assert bars.y == ("b Blueprint", "c", "a") and bars.x == (100.0, 55.0, 20.0)
    assert fig.layout.yaxis.autorange == "reversed" and fig.layout.title.text == "关键性指数"


def test_criticality_validates_input():
    with pytest.raises(ValidationError):
        criticality_figure({"a": 1.5})
    with pytest.raises(ValidationError):
        criticality_figure({"a": 0.5}, top=0)


def test_every_figure_serialises_for_the_web(tasks, calendar):
    figures = [
        gantt_figure(tasks, LINKS, today=MONDAY),
        network_figure(tasks, LINKS),
        montecarlo_figure(np.array([5.0, 5.5, 7.0]), calendar=calendar, target=MONDAY),
        resource_load_figure(weekly_role_loads(tasks, {"a": ["V_PM"]}, calendar), {"V_PM": 5}),
        criticality_figure({"a": 1.0, "c": 0.25}),
    ]
    for fig in figures:
        assert json.loads(fig.to_json())["data"]


@pytest.mark.parametrize("name", ["figures", "risk_figures", "_chart_text"])
def test_docstring_examples_hold(name):
    module = importlib.import_module(f"crm_impl.schedule.{name}")
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# ----------------------------------------------------------------------------- PNG rendering


def test_a_figure_renders_to_png_with_system_chromium(tasks, monkeypatch):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must provide chromium for report images")
        pytest.skip("chromium is not installed")
    # Point kaleido at the system browser so that it never tries to download one.
    monkeypatch.setenv("BROWSER_PATH", chromium)
    png = gantt_figure(tasks, LINKS, today=MONDAY).to_image(format="png", width=800, height=400)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (800, 400)
