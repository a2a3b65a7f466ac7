"""Schedule charts of a stored project, checked against the sample's known critical path."""

import json
from datetime import date

from crm_impl.operations.schedule import project_gantt_figure, project_network_figure, resource_figure, run_monte_carlo
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


def test_gantt_marks_the_critical_tasks_and_every_gate(db, user, load_sample):
    project = load_sample(user, RETAIL)
    figure = project_gantt_figure(project, "en", today=date(2025, 6, 2))
    text = json.dumps(figure.to_plotly_json(), default=str)
    for gate in range(1, 8):
        assert f"Gate {gate}" in text
    # The retail sample's most-likely CPM critical path includes R01 and not R06 (10 days slack).
    (critical,) = [t for t in figure.data if (t.name or "") == "Critical task"]
    names = {row[0] for row in critical.customdata}
    assert any(name.startswith("Current-state assessment") for name in names)  # R01, slack 0
    assert not any(name.startswith("ROI/TCO business case") for name in names)  # R06, slack 10


def test_gantt_and_network_follow_the_language(db, user, load_sample):
    project = load_sample(user, RETAIL)
    zh = json.dumps(project_network_figure(project, "zh_Hans").to_plotly_json(), default=str, ensure_ascii=False)
    assert "现状评估与CRM战略目标" in zh
    en = json.dumps(project_gantt_figure(project, "en").to_plotly_json(), default=str, ensure_ascii=False)
    assert "Current-state assessment" in en and "现状评估" not in en


def test_resource_load_compares_roles_with_team_capacity(db, user, load_sample):
    project = load_sample(user, RETAIL)
    figure = resource_figure(project, "en")
    assert len(figure.data) >= 2
    # Panels headed by the role's name in the reader's language, not its code alone.
    titles = [a.text for a in figure.layout.annotations]
    assert any(t.startswith("Enterprise project manager <span") and "E_PM" in t for t in titles), titles
    chinese = [a.text for a in resource_figure(project, "zh_Hans").layout.annotations]
    assert any(t.startswith("企业项目经理 <span") for t in chinese), chinese


def test_monte_carlo_is_repeatable_and_brackets_the_pert_mean(db, user, load_sample):
    project = load_sample(user, RETAIL)
    first = run_monte_carlo(project, iterations=2000, seed=7, target=date(2025, 12, 31))
    again = run_monte_carlo(project, iterations=2000, seed=7, target=date(2025, 12, 31))
    assert (first.result.durations == again.result.durations).all()
    # The domain document gives PERT 183.3 ± 5.1 working days for this sample; the simulated
    # median sits near the mean and the percentiles are ordered.
    assert 175 <= first.result.p50 <= 195
    assert first.result.p50 <= first.result.p80 <= first.result.p90
    p50, p80, p90 = (p.finish for p in first.percentiles)
    assert p50 <= p80 <= p90
    late = run_monte_carlo(project, iterations=2000, seed=7, target=date(2027, 1, 1))
    early = run_monte_carlo(project, iterations=2000, seed=7, target=date(2025, 6, 1))
    assert late.probability == 1.0 and early.probability == 0.0


def test_pert_answer_is_shown_beside_the_simulation(db, user, load_sample):
    project = load_sample(user, RETAIL)
    run = run_monte_carlo(project, iterations=500, seed=1, target=date(2025, 11, 28))
    assert round(run.pert.expected_duration, 1) == 183.3 and round(run.pert.std_dev, 1) == 5.1  # §10.5
    p50, p80, p90 = (p.finish for p in run.pert_percentiles)
    assert p50 <= p80 <= p90
    assert 0.0 < run.pert_probability < 1.0


def test_risk_register_events_delay_the_simulated_finish(db, user, load_sample):
    project = load_sample(user, RETAIL)
    risk = project.risks[9]  # data migration
    risk.linked_tasks, risk.delay_days = ["R28"], 15  # R28: data cleansing and migration
    risk.residual_probability = 5  # 90% chance per run
    calm = run_monte_carlo(project, iterations=2000, seed=3)
    risky = run_monte_carlo(project, iterations=2000, seed=3, with_risks=True)
    assert risky.result.p50 >= calm.result.p50 + 5
    risk.linked_tasks = []  # a risk without tasks cannot delay anything
    assert run_monte_carlo(project, iterations=2000, seed=3, with_risks=True).result.p50 == calm.result.p50


def test_simulation_runs_once_per_inputs_and_again_after_an_edit(db, user, load_sample, monkeypatch):
    from cachelib import SimpleCache

    from crm_impl.operations import schedule

    project = load_sample(user, RETAIL)
    calls = []
    real = schedule.simulate
    monkeypatch.setattr(schedule, "simulate", lambda *a, **k: calls.append(k) or real(*a, **k))
    cache = SimpleCache()
    first = run_monte_carlo(project, iterations=1000, seed=5, cache=cache)
    again = run_monte_carlo(project, iterations=1000, seed=5, cache=cache, target=date(2025, 12, 31), locale="zh_Hans")
    assert len(calls) == 1 and (again.result.durations == first.result.durations).all()
    assert again.probability is not None  # the target and the locale are the page's, not the runs'
    run_monte_carlo(project, iterations=1000, seed=6, cache=cache)  # another seed: new runs
    run_monte_carlo(project, iterations=1000, seed=None, cache=cache)  # no seed: never cached
    run_monte_carlo(project, iterations=1000, seed=None, cache=cache)
    assert len(calls) == 4
    task = next(t for t in project.tasks if t.pessimistic)
    task.pessimistic += 20  # an edited estimate is a new simulation
    edited = run_monte_carlo(project, iterations=1000, seed=5, cache=cache)
    assert len(calls) == 5 and edited.result.p90 >= first.result.p90
    assert schedule.simulation_key(project, iterations=1000, seed=5, distribution="triangular",
                                   with_risks=False) in {k for k in cache._cache}


def test_progress_hears_every_chunk_up_to_all_runs(db, user, load_sample, monkeypatch):
    from crm_impl.schedule import montecarlo

    monkeypatch.setattr(montecarlo, "_CHUNK_ELEMENTS", 40 * 250)  # about 250 runs a chunk
    project = load_sample(user, RETAIL)
    heard: list[float] = []
    run_monte_carlo(project, iterations=1000, seed=1, progress=heard.append)
    assert len(heard) >= 4 and heard == sorted(heard) and heard[-1] == 1.0 and heard[0] > 0


def test_gantt_draws_the_forecast_from_the_status_date_over_the_baseline(db, user, load_sample):
    project = load_sample(user, RETAIL)
    project.status_date = date(2025, 7, 1)  # nothing reported: everything not done moves
    figure = project_gantt_figure(project, "en", today=date(2025, 7, 3), baseline=project.baselines[0])
    lines = {shape.name: shape.x0 for shape in figure.layout.shapes if shape.name != "non_working"}
    assert lines == {"today": "2025-07-03", "status_date": "2025-07-01"}
    bars = {trace.name: trace for trace in figure.data}
    starts = [b for trace in ("Task", "Critical task") for b in bars[trace].base]
    assert min(starts) == "2025-07-01"  # the forecast: no open work before the status date
    assert min(bars["Baseline"].base) == "2025-03-03"  # the plan the committee approved, unmoved


def test_without_a_status_date_the_one_line_is_today_and_says_so(db, user, load_sample):
    project = load_sample(user, RETAIL)
    assert project.status_date is None
    figure = project_gantt_figure(project, "en", today=date(2025, 7, 3))
    (line,) = [shape for shape in figure.layout.shapes if shape.name != "non_working"]
    assert (line.name, line.x0, line.label.text) == ("today", "2025-07-03", "Today")
    bars = {trace.name: trace for trace in figure.data}
    # Still the forecast from today: nothing open starts before it.
    assert min(b for trace in ("Task", "Critical task") for b in bars[trace].base) == "2025-07-03"
    chinese = project_gantt_figure(project, "zh_Hans", today=date(2025, 7, 3))
    assert [s.label.text for s in chinese.layout.shapes if s.name != "non_working"] == ["今天"]
    # A status date that is today: one line, named for what it is.
    project.status_date = date(2025, 7, 3)
    figure = project_gantt_figure(project, "en", today=date(2025, 7, 3))
    assert [(s.name, s.label.text) for s in figure.layout.shapes if s.name != "non_working"] == [
        ("status_date", "Status date")]


def test_monte_carlo_from_a_status_date_simulates_only_what_remains(db, user, load_sample):
    from crm_impl.operations.plan import progress_as_planned

    project = load_sample(user, RETAIL)
    whole = run_monte_carlo(project, iterations=2000, seed=3)
    progress_as_planned(project, date(2025, 8, 1))
    rest = run_monte_carlo(project, iterations=2000, seed=3, status_date=date(2025, 8, 1))
    assert rest.result.std_dev < whole.result.std_dev  # less work left, less uncertainty
    assert rest.percentiles[0].finish >= date(2025, 8, 1)
    first = next(t for t in project.tasks if t.key == "R01")  # done in March: certain now
    assert rest.scheduled.plan.estimates()["R01"].optimistic == rest.scheduled.plan.estimates()["R01"].pessimistic
    assert first.progress == 100
