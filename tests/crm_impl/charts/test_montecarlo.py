"""The Monte Carlo histogram and the criticality chart."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from crm_impl.charts.montecarlo import criticality_figure, montecarlo_figure
from crm_impl.charts.style import COLORS
from crm_impl.errors import ValidationError
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.montecarlo import simulate
from tests.crm_impl.charts.conftest import MONDAY


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


def test_montecarlo_with_a_calendar_plots_the_percentiles_finish_dates(sample):
    plan = sample["plan"]
    result = simulate(plan.network, plan.estimates(), iterations=2000, seed=7)
    cal = WorkCalendar(date.fromisoformat(sample["start_date"]))
    percentiles = result.percentiles(cal)
    fig = montecarlo_figure(result.durations, calendar=cal, target=date(2025, 12, 1), percentiles=percentiles)
    assert fig.layout.xaxis.type == "date" and sum(fig.data[0].y) == 2000
    lines = {s.name: s.x0 for s in fig.layout.shapes}
    p80 = int(np.ceil(result.p80 - 1e-9))
    assert lines["P80"] == cal.finish_date(p80, p80).isoformat()
    assert lines == {**{p.name: p.finish.isoformat() for p in percentiles}, "Target": "2025-12-01"}
    assert lines["P50"] <= lines["P80"] <= lines["P90"]


def test_montecarlo_default_percentiles_match_the_simulation(sample):
    plan = sample["plan"]
    result = simulate(plan.network, plan.estimates(), iterations=500, seed=3)
    lines = {s.name: s.x0 for s in montecarlo_figure(result.durations, locale="zh_Hans").layout.shapes}
    assert lines == {f"P{q}": int(np.ceil(result.percentile(q) - 1e-9)) for q in (50, 80, 90)}


def test_montecarlo_rejects_bad_input():
    with pytest.raises(ValidationError, match="no simulation runs"):
        montecarlo_figure([])
    with pytest.raises(ValidationError, match="finite"):
        montecarlo_figure([1.0, float("nan")])
    with pytest.raises(ValidationError, match="needs a calendar"):
        montecarlo_figure([1.0], target=MONDAY)


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


def test_figures_serialise_for_the_web():
    calendar = WorkCalendar(MONDAY)
    for fig in (montecarlo_figure(np.array([5.0, 5.5, 7.0]), calendar=calendar, target=MONDAY),
                criticality_figure({"a": 1.0, "c": 0.25})):
        assert json.loads(fig.to_json())["data"]


def test_criticality_shows_the_sometimes_critical_tasks_even_among_many_always_critical_ones():
    indices = {f"A{i:02d}": 1.0 for i in range(20)} | {"S1": 0.4, "S2": 0.75, "N": 0.0}
    bars = criticality_figure(indices, top=15).data[0]
    shown = [label.split()[0] for label in bars.y]
    assert "S1" in shown and "S2" in shown and "N" not in shown and len(shown) == 15
    assert list(bars.x) == sorted(bars.x, reverse=True)


def test_percentile_labels_are_level_and_on_rows_of_their_own():
    figure = montecarlo_figure(np.array([10.0, 11.0, 11.0, 12.0, 14.0]), target=12.0)
    labels = [a for a in figure.layout.annotations if a.text and a.text.startswith("<b>")]
    assert len(labels) == 4 and len({a.yshift for a in labels}) == 4  # P50, P80, P90, target
    assert all(a.textangle in (None, 0) for a in labels)


def test_percentile_labels_sit_in_the_top_margin_clear_of_the_bars_and_the_curve():
    from crm_impl.charts.montecarlo import LABEL_ROW_PX, LEGEND_PX, TITLE_PX

    figure = montecarlo_figure(np.array([10.0, 11.0, 11.0, 12.0, 14.0]), target=12.0)
    labels = [a for a in figure.layout.annotations if a.text and a.text.startswith("<b>")]
    # Anchored by their bottom edge at the top of the plot area and shifted up from it: the bars
    # and the S-curve (which reaches 100 % at the top) are all below, inside the plot area.
    assert all((a.yref, a.y, a.yanchor) == ("paper", 1.0, "bottom") and a.yshift > 0 for a in labels)
    shifts = sorted(a.yshift for a in labels)
    assert all(b - a >= LABEL_ROW_PX for a, b in zip(shifts, shifts[1:]))  # rows never touch
    # The margin holds every row under the title and the legend, and the plot keeps its height.
    top = figure.layout.margin.t
    assert shifts[-1] + LABEL_ROW_PX <= top - TITLE_PX - LEGEND_PX
    assert figure.layout.height - top - figure.layout.margin.b >= 300
    assert figure.layout.legend.yref == "container"
    legend_bottom = figure.layout.legend.y * figure.layout.height - LEGEND_PX  # pixels above the figure's foot
    assert legend_bottom >= figure.layout.height - top + shifts[-1] + LABEL_ROW_PX
    fewer = montecarlo_figure(np.array([10.0, 11.0, 12.0]))  # no target: three rows, a lower margin
    assert fewer.layout.margin.t == top - LABEL_ROW_PX


def test_the_histogram_counts_runs_by_the_working_day_they_finish_on():
    # Runs of 4.2 to 6.0 working days from Monday 3 March with a holiday on Friday 7 March and a
    # make-up Saturday on the 8th: one bar per working day, none on the holiday or the Sunday.
    cal = WorkCalendar(MONDAY, holidays=frozenset({date(2025, 3, 7)}), workdays=frozenset({date(2025, 3, 8)}))
    fig = montecarlo_figure([4.2, 4.9, 5.0, 5.5, 6.0, 6.0], calendar=cal)
    bars = fig.data[0]
    assert list(bars.x) == ["2025-03-08", "2025-03-10"] and list(bars.y) == [3, 3]
    assert sum(bars.y) == 6 and bars.width == pytest.approx(0.8 * 86_400_000)
