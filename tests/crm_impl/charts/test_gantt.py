"""The Gantt chart, asserted on the traces, shapes and annotations it is made of."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from datetime import date

import pytest

from crm_impl.charts.gantt import gantt_figure
from crm_impl.charts.style import COLORS
from crm_impl.errors import ValidationError
from crm_impl.schedule.baseline import BaselineEntry
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanTask
from tests.crm_impl.charts.conftest import DAY_MS, LINKS, MONDAY, TASKS, arrows, small_plan, trace


def grid(fig) -> list[tuple[str, ...]]:
    """The task grid's rows as the reader sees them in full (hover text), column by column."""
    columns = [t for t in fig.data if t.xaxis == "x2"]
    return list(zip(*(column.customdata for column in columns)))


def test_gantt_colours_critical_bars_red_and_the_others_blue(scheduled):
    fig = gantt_figure(scheduled)
    critical = trace(fig, "Critical task")
    normal = trace(fig, "Task")
    assert critical.marker.color == COLORS["critical"] and normal.marker.color == COLORS["task"]
    ids = [row[0] for row in grid(fig)]
    assert sorted(ids[y] for y in critical.y) == ["a", "b"]
    assert [ids[y] for y in normal.y] == ["c"]
    assert trace(fig, "ID").textfont.color[ids.index("a")] == COLORS["critical"]


def test_gantt_grid_lines_up_with_the_bars_column_by_column(scheduled):
    fig = gantt_figure(scheduled, role_names={"E_PM": "Enterprise PM"})
    assert [t.name for t in fig.data if t.xaxis == "x2"] == [
        "ID", "Task name", "Days", "Start", "Finish", "Done (%)", "Responsible"]
    rows = grid(fig)
    assert rows[0] == ("▾ P1", "Preparation", "5", "2025-03-03", "2025-03-07", "30", "")  # 50 % of 3 days + 0 of 2
    a = rows[1]
    assert a[:6] == ("a", "Assess", "3", "2025-03-03", "2025-03-05", "50")
    assert all(t.y == tuple(range(len(rows))) for t in fig.data if t.xaxis == "x2")
    # The grid does not pan or zoom with the dates; both share the rows.
    assert fig.layout.xaxis2.fixedrange and fig.layout.xaxis2.domain[1] < fig.layout.xaxis.domain[0]
    headers = [a.text for a in fig.layout.annotations if a.xref == "x2"]
    assert headers[0] == "<b>ID</b>" and len(headers) == 7


def test_gantt_grid_names_the_responsible_roles_and_cuts_long_names_to_their_column():
    tasks = (replace(TASKS[0], name="Requirements workshop with every regional sales director",
                     roles={"R": ["E_PM", "V_TC"], "A": ["V_PM"]}), *TASKS[1:])
    fig = gantt_figure(small_plan(tasks=tasks).schedule(), role_names={"E_PM": "Enterprise PM"})
    row = grid(fig)[1]
    assert row[1] == "Requirements workshop with every regional sales director" and row[6] == "Enterprise PM, V_TC"
    shown = trace(fig, "Task name").text[1]
    assert shown.endswith("…") and len(shown) <= 28


def test_a_folded_phase_keeps_its_summary_row_and_hides_its_tasks_and_their_links(scheduled):
    fig = gantt_figure(scheduled, collapsed={"P2"})
    rows = grid(fig)
    assert [row[0] for row in rows] == ["▾ P1", "a", "b", "▸ P2"]
    assert rows[3][3:5] == ("2025-03-04", "2025-03-07")  # the folded phase still spans its tasks
    assert len(trace(fig, "Phase").y) == 2
    assert not [t for t in fig.data if t.name == "Gate"]
    assert len(arrows(fig)) == 1  # a → b; the other links end in the folded phase
    assert fig.layout.height < gantt_figure(scheduled).layout.height


def test_gantt_bars_span_start_to_the_end_of_the_last_working_day(scheduled):
    fig = gantt_figure(scheduled)
    normal = trace(fig, "Task")  # c: Tue 4 → Thu 6 March
    assert normal.base == ("2025-03-04",) and normal.x == (3 * DAY_MS,)
    assert fig.layout.xaxis.type == "date"


def test_gantt_groups_rows_phase_by_phase_top_to_bottom(scheduled):
    fig = gantt_figure(scheduled)
    assert [row[:2] for row in grid(fig)] == [
        ("▾ P1", "Preparation"), ("a", "Assess"), ("b", "Blueprint"), ("▾ P2", "Build"), ("c", "Configure"),
        ("g", "Gate 1")]
    assert trace(fig, "Task name").text[0] == "<b>Preparation</b>"
    assert fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]  # reversed: first row on top
    phase = trace(fig, "Phase")
    assert phase.base == ("2025-03-03", "2025-03-04")
    # Build runs Tue 4 → the end of Fri 7, where c's finish places the gate (MS Project's way).
    assert phase.x == (5 * DAY_MS, 4 * DAY_MS)


def test_gantt_progress_overlays_a_proportion_of_the_bar(scheduled):
    progress = trace(gantt_figure(scheduled), "Progress")
    assert progress.x == (1.5 * DAY_MS,)  # half of a's three days
    assert progress.marker.color == (COLORS["critical_done"],)


def test_gantt_draws_gates_as_labelled_diamonds(scheduled):
    fig = gantt_figure(scheduled)
    gate = trace(fig, "Gate")
    # At the end of Friday 7 March, when its predecessors finish; dated that Friday.
    assert gate.marker.symbol == "diamond" and gate.x == ("2025-03-08",)
    assert gate.customdata[0][1] == "2025-03-07"
    assert gate.text == ("Gate 1",) and gate.marker.color == (COLORS["critical"],)
    assert not [t for t in fig.data if t.name == "Milestone"]


def test_gantt_plain_milestones_are_unlabelled_diamonds():
    plan = small_plan(tasks=tuple(replace(t, gate="") for t in TASKS))
    milestone = trace(gantt_figure(plan.schedule()), "Milestone")
    assert milestone.marker.symbol == "diamond" and milestone.text is None


def test_gantt_has_one_arrow_per_link_anchored_by_link_type(scheduled):
    fig = gantt_figure(scheduled)
    drawn = arrows(fig)
    assert len(drawn) == len(LINKS)
    ends = [(a.ax, a.x) for a in drawn]
    assert ends[0] == ("2025-03-06", "2025-03-06")  # FS: a's end → b's start
    assert ends[1] == ("2025-03-03", "2025-03-04")  # SS: a's start → c's start
    assert ends[3] == ("2025-03-07", "2025-03-08")  # FF: c's end → the gate, at that same instant
    assert {a.axref for a in drawn} == {"x"} and drawn[0].arrowcolor == COLORS["critical"]


def test_gantt_today_line_is_a_vertical_shape(scheduled):
    fig = gantt_figure(scheduled, today=date(2025, 3, 5))
    (line,) = [s for s in fig.layout.shapes if s.name != "non_working"]
    assert (line.type, line.x0, line.x1, line.yref, line.y0, line.y1) == (
        "line", "2025-03-05", "2025-03-05", "paper", 0, 1
    )
    assert line.label.text == "Today"
    assert all(s.name == "non_working" for s in gantt_figure(scheduled).layout.shapes)


def test_gantt_baseline_bars_only_when_a_baseline_exists(scheduled):
    assert not [t for t in gantt_figure(scheduled).data if t.name == "Baseline"]
    fig = gantt_figure(scheduled, baseline={"c": BaselineEntry(MONDAY, date(2025, 3, 5), 3)})
    baseline = trace(fig, "Baseline")
    assert baseline.base == ("2025-03-03",) and baseline.x == (3 * DAY_MS,)
    assert baseline.width < trace(fig, "Task").width and baseline.marker.color == COLORS["baseline"]


def test_gantt_height_grows_with_the_task_count():
    def figure(n):
        tasks = tuple(PlanTask(f"t{i}", "", duration=1) for i in range(n))
        links = tuple(Link(f"t{i}", f"t{i + 1}") for i in range(n - 1))
        return gantt_figure(Plan("P", MONDAY, tasks=tasks, links=links).schedule())

    assert figure(40).layout.height >= figure(4).layout.height + 36 * 20


def test_gantt_speaks_chinese_and_refuses_unknown_locales(scheduled):
    fig = gantt_figure(scheduled, today=MONDAY, locale="zh_Hans")
    assert {t.name for t in fig.data} >= {"关键任务", "任务", "阶段", "进度", "质量关口"}
    assert fig.layout.xaxis.title.text == "日期" and next(s for s in fig.layout.shapes if s.name == "today").label.text == "今天"
    assert trace(gantt_figure(scheduled, locale="zh_Hans_CN"), "关键任务")
    with pytest.raises(ValidationError) as err:
        gantt_figure(scheduled, locale="fr")
    assert err.value.field == "locale"


def test_gantt_shows_chinese_names_where_the_plan_has_them():
    tasks = (replace(TASKS[0], name_zh="评估"), *TASKS[1:])
    fig = gantt_figure(small_plan(tasks=tasks).schedule(), locale="zh_Hans")
    assert [row[1] for row in grid(fig)][1:3] == ["评估", "Blueprint"]
    assert [t.name for t in fig.data if t.xaxis == "x2"][1] == "任务名称"


def test_gantt_escapes_task_names():
    tasks = (replace(TASKS[0], name="<b>bold</b> & co"), *TASKS[1:])
    fig = gantt_figure(small_plan(tasks=tasks).schedule())
    assert grid(fig)[1][1] == "&lt;b&gt;bold&lt;/b&gt; &amp; co"
    assert trace(fig, "Task name").text[1] == "&lt;b&gt;bold&lt;/b&gt; &amp; co"


def test_a_link_to_an_unknown_task_is_refused_before_any_chart():
    with pytest.raises(ValidationError) as err:
        small_plan(links=(Link("a", "zz"),)).schedule()
    assert err.value.field == "dependencies[0].succ"


def test_gantt_of_a_golden_sample(sample):
    scheduled = sample["plan"].schedule()
    fig = gantt_figure(scheduled, title=sample["id"])
    golden = sample["derived"]["schedule"]["cpm_most_likely"]["critical_path"]
    red = [len(trace(fig, "Critical task").y)]
    red += [sum(c == COLORS["critical"] for c in trace(fig, "Gate").marker.color)]
    assert sum(red) == len(golden)
    assert len(arrows(fig)) == scheduled.schedule.network.n_links
    assert fig.layout.title.text == sample["id"]
    assert len(grid(fig)) == len(sample["tasks"]) + len({t["phase"] for t in sample["tasks"]})


def test_gantt_serialises_for_the_web(scheduled):
    assert json.loads(gantt_figure(scheduled, today=MONDAY).to_json())["data"]


def test_a_figure_renders_to_png_with_system_chromium(scheduled, monkeypatch):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must provide chromium for report images")
        pytest.skip("chromium is not installed")
    # Point kaleido at the system browser so that it never tries to download one.
    monkeypatch.setenv("BROWSER_PATH", chromium)
    png = gantt_figure(scheduled, today=MONDAY).to_image(format="png", width=800, height=400)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (800, 400)


def test_the_today_and_status_lines_are_always_in_sight(scheduled):
    from datetime import timedelta

    late = scheduled.finish + timedelta(days=400)  # a project long past its plan
    figure = gantt_figure(scheduled, today=late, status_date=late - timedelta(days=30))
    low, high = (date.fromisoformat(x[:10]) for x in figure.layout.xaxis.range)
    assert low <= scheduled.tasks[0].start and high > late
    assert {shape.name for shape in figure.layout.shapes} - {"non_working"} == {"today", "status_date"}
    early = gantt_figure(scheduled, today=scheduled.tasks[0].start - timedelta(days=90))
    assert date.fromisoformat(early.layout.xaxis.range[0][:10]) < scheduled.tasks[0].start - timedelta(days=89)



def test_weekends_and_holidays_are_shaded_and_the_timescale_has_presets(scheduled):
    figure = gantt_figure(scheduled, today=date(2025, 3, 5), locale="zh_Hans")
    shaded = [(s.x0, s.x1) for s in figure.layout.shapes if s.name == "non_working"]
    assert ("2025-03-08", "2025-03-10") in shaded  # the first weekend of the plan, Saturday to Monday
    (menu,) = figure.layout.updatemenus
    assert [b.label for b in menu.buttons] == ["周", "月", "季度"]
    week = menu.buttons[0].args[0]
    assert week["xaxis.dtick"] == 7 * DAY_MS and week["xaxis.range"][0] == "2025-02-19"


def test_a_holiday_is_shaded_and_a_worked_saturday_is_not():
    from dataclasses import replace

    from tests.crm_impl.charts.conftest import TASKS, small_plan

    # Wednesday 5 March a holiday, Friday 21 March a bridge day off before the weekend, and
    # Saturday 15 March worked (调休); Configure runs nine working days over that Saturday.
    tasks = tuple(replace(t, duration=9) if t.id == "c" else t for t in TASKS)
    plan = small_plan(tasks=tasks, holidays=((date(2025, 3, 5), "Plant closed"), (date(2025, 3, 21), "Bridge day")),
                      working_days=((date(2025, 3, 15), "Make-up Saturday"),))
    scheduled = plan.schedule()
    assert (scheduled.task("a").finish, scheduled.task("c").finish) == (date(2025, 3, 6), date(2025, 3, 15))
    figure = gantt_figure(scheduled)
    shaded = [(s.x0, s.x1) for s in figure.layout.shapes if s.name == "non_working"]
    low, high = figure.layout.xaxis.range
    assert (low, high) == ("2025-02-28", "2025-03-30")
    assert shaded == [
        ("2025-03-01", "2025-03-03"),  # the weekend before the start
        ("2025-03-05", "2025-03-06"),  # the holiday, a Wednesday
        ("2025-03-08", "2025-03-10"),  # a whole weekend
        ("2025-03-16", "2025-03-17"),  # Sunday only: Saturday the 15th is worked
        ("2025-03-21", "2025-03-24"),  # the bridge day and its weekend, one span
        ("2025-03-29", "2025-03-31"),  # the last weekend in view
    ]
    assert all(s.layer == "below" for s in figure.layout.shapes if s.name == "non_working")
