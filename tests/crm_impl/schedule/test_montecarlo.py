"""Monte Carlo simulation: repeatability, exactness on certain estimates, distributions, risks."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

from crm_impl.errors import ValidationError
from crm_impl.schedule.cpm import schedule_network
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.montecarlo import RiskEvent, simulate
from crm_impl.schedule.network import Activity, Link, build_network
from tests.crm_impl.schedule.helpers import SAMPLE_FILES, load_sample, networks, sample_estimates, sample_network

TP = ThreePoint


def chain(n: int = 4):
    net = build_network([Activity(f"t{i}", 2) for i in range(n)], [Link(f"t{i}", f"t{i + 1}") for i in range(n - 1)])
    return net, {f"t{i}": TP(1, 2, 5) for i in range(n)}


@pytest.mark.parametrize("distribution", ["triangular", "pert"])
def test_same_seed_same_runs_other_seed_other_runs(distribution):
    sample = load_sample(SAMPLE_FILES[0])
    net, est = sample_network(sample), sample_estimates(sample)
    a = simulate(net, est, iterations=2000, seed=7, distribution=distribution)
    b = simulate(net, est, iterations=2000, seed=7, distribution=distribution)
    c = simulate(net, est, iterations=2000, seed=8, distribution=distribution)
    assert np.array_equal(a.durations, b.durations)
    assert np.array_equal(a.criticality, b.criticality)
    assert not np.array_equal(a.durations, c.durations)


def test_without_a_seed_the_reported_seed_reproduces_the_runs():
    net, est = chain()
    a = simulate(net, est, iterations=300)
    b = simulate(net, est, iterations=300, seed=a.seed)
    assert np.array_equal(a.durations, b.durations)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_certain_estimates_give_exactly_the_cpm_result(path):
    sample = load_sample(path)
    net = sample_network(sample)
    cpm = schedule_network(net)
    exact = {task_id: TP.exact(int(d)) for task_id, d in zip(net.ids, net.durations)}
    r = simulate(net, exact, iterations=50, seed=1)
    assert np.all(r.durations == cpm.project_duration)
    assert r.p50 == r.p90 == cpm.project_duration
    assert np.array_equal(r.criticality, cpm.critical.astype(float))


@settings(max_examples=150, deadline=None)
@given(networks(max_tasks=15, constraints=True))
def test_certain_estimates_match_cpm_on_random_networks(net_inputs):
    acts, links = net_inputs
    net = build_network(acts, links)
    cpm = schedule_network(net)
    r = simulate(net, {a.id: TP.exact(a.duration) for a in acts}, iterations=3, seed=0)
    assert np.all(r.durations == cpm.project_duration)
    assert np.array_equal(r.criticality, cpm.critical.astype(float))


def test_single_chain_is_always_critical_and_sums_durations():
    net, est = chain(4)
    r = simulate(net, est, iterations=5000, seed=3)
    assert np.all(r.criticality == 1.0)
    assert r.durations.min() >= 4 and r.durations.max() <= 20
    assert r.mean == pytest.approx(4 * (1 + 2 + 5) / 3, rel=0.02)  # triangular mean (o+m+p)/3


def test_dominant_branch_takes_all_the_criticality():
    net = build_network(
        [Activity("s", 0), Activity("long", 10), Activity("short", 2), Activity("e", 0)],
        [Link("s", "long"), Link("s", "short"), Link("long", "e"), Link("short", "e")],
    )
    est = {"s": TP.exact(0), "long": TP(9, 10, 12), "short": TP(1, 2, 4), "e": TP.exact(0)}
    r = simulate(net, est, iterations=1000, seed=1)
    assert r.criticality_index() == {"s": 1.0, "long": 1.0, "short": 0.0, "e": 1.0}


def test_two_equal_branches_share_criticality():
    net = build_network(
        [Activity("a", 5), Activity("b", 5), Activity("e", 0)], [Link("a", "e"), Link("b", "e")]
    )
    r = simulate(net, {"a": TP(2, 5, 8), "b": TP(2, 5, 8), "e": TP.exact(0)}, iterations=20_000, seed=5)
    assert r.criticality[0] == pytest.approx(0.5, abs=0.02)
    assert r.criticality[0] + r.criticality[1] == pytest.approx(1.0)  # ties have measure zero


@pytest.mark.parametrize(("distribution", "mean"), [("triangular", (2 + 4 + 12) / 3), ("pert", (2 + 16 + 12) / 6)])
def test_distribution_means_and_bounds(distribution, mean):
    net = build_network([Activity("a", 4)], [])
    r = simulate(net, {"a": TP(2, 4, 12)}, iterations=40_000, seed=11, distribution=distribution)
    assert r.durations.min() >= 2 and r.durations.max() <= 12
    assert r.mean == pytest.approx(mean, abs=0.05)


def test_triangular_mode_at_an_end():
    net = build_network([Activity("a", 0)], [])
    r = simulate(net, {"a": TP(0, 0, 6)}, iterations=40_000, seed=2)
    assert r.mean == pytest.approx(2.0, abs=0.03)
    assert r.probability_by(3) == pytest.approx(0.75, abs=0.01)  # CDF 1 - (1 - x/6)^2


def test_risk_events():
    net, est = chain(3)
    exact = {k: TP.exact(2) for k in est}
    certain = simulate(net, exact, iterations=100, seed=1, risks=[RiskEvent("R1", 1.0, 4, ("t1", "t1"))])
    assert np.all(certain.durations == 6 + 4)  # named twice, delayed once
    never = simulate(net, exact, iterations=100, seed=1, risks=[RiskEvent("R1", 0.0, 4, ("t1",))])
    assert np.all(never.durations == 6)
    sometimes = simulate(net, exact, iterations=20_000, seed=1, risks=[RiskEvent("R1", 0.25, 3, ("t0", "t2"))])
    assert set(np.unique(sometimes.durations)) == {6.0, 12.0}
    assert sometimes.probability_by(6) == pytest.approx(0.75, abs=0.01)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"probability": 1.5, "delay_days": 1}, "probability"),
        ({"probability": 0.5, "delay_days": -1}, "delay_days"),
        ({"probability": 0.5, "delay_days": float("inf")}, "delay_days"),
    ],
)
def test_risk_event_validation(kwargs, field):
    with pytest.raises(ValidationError) as err:
        RiskEvent("R", tasks=("a",), **kwargs)
    assert err.value.field == field


def test_risk_on_unknown_task():
    net, est = chain(2)
    with pytest.raises(ValidationError) as err:
        simulate(net, est, iterations=10, risks=[RiskEvent("R", 0.5, 1, ("t0", "nope"))])
    assert err.value.field == "risks[0].tasks[1]"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"iterations": 0}, "iterations"), ({"iterations": 2.5}, "iterations"), ({"distribution": "normal"}, "distribution"),
     ({"seed": -1}, "seed"), ({"seed": "x"}, "seed")],
)
def test_argument_validation(kwargs, field):
    net, est = chain(2)
    with pytest.raises(ValidationError) as err:
        simulate(net, est, **kwargs)
    assert err.value.field == field


def test_percentiles_histogram_and_s_curve():
    net, est = chain(4)
    r = simulate(net, est, iterations=4000, seed=9)
    assert r.p50 <= r.p80 <= r.p90
    assert r.probability_by(r.p80) >= 0.8 > r.probability_by(r.p80 - 1e-9)
    assert r.percentile(0) == r.durations.min() and r.percentile(100) == r.durations.max()
    counts, edges = r.histogram(bins=20)
    assert counts.sum() == 4000 and len(edges) == 21
    x, y = r.s_curve()
    assert np.all(np.diff(x) > 0) and np.all(np.diff(y) > 0) and y[-1] == pytest.approx(1.0)
    with pytest.raises(ValidationError):
        r.percentile(101)
    with pytest.raises(ValidationError):
        r.histogram(bins=0)


def test_chunking_keeps_runs_independent_of_the_chunk_boundaries(monkeypatch):
    import crm_impl.schedule.montecarlo as mc

    net, est = chain(4)
    exact = {k: TP.exact(2) for k in est}
    monkeypatch.setattr(mc, "_CHUNK_ELEMENTS", 12)  # 3 runs per chunk, last chunk partial
    r = simulate(net, exact, iterations=10, seed=1, risks=[RiskEvent("R", 1.0, 1, ("t3",))])
    assert r.durations.shape == (10,) and np.all(r.durations == 9)
    assert np.all(r.criticality == 1.0)


def test_result_arrays_are_read_only():
    net, est = chain(2)
    r = simulate(net, est, iterations=10, seed=1)
    with pytest.raises(ValueError):
        r.durations[0] = 0


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_p50_is_stable_across_seeds_within_one_percent(path):
    net, estimates = sample_network(load_sample(path)), sample_estimates(load_sample(path))
    p50 = [simulate(net, estimates, iterations=10_000, seed=seed).p50 for seed in range(1, 6)]
    assert max(p50) / min(p50) - 1 < 0.01, p50
