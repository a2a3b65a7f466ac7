import dataclasses

import numpy as np
import pytest

from crm_impl.errors import ValidationError
from crm_impl.finance import MONTH, evaluate, simulate

from .conftest import retail_case


def ranged(case, benefit=(0.7, 1.2), cost=(1.15, 0.95)):
    lines = tuple(dataclasses.replace(line, conservative=benefit[0], optimistic=benefit[1]) if line.kind == "benefit"
                  else dataclasses.replace(line, conservative=cost[0], optimistic=cost[1]) for line in case.lines)
    return dataclasses.replace(case, lines=lines)


def test_zero_width_ranges_give_the_deterministic_result(retail):
    result = simulate(retail, runs=10_000, seed=1)
    deterministic = evaluate(retail)
    assert np.allclose(result.npv, deterministic.npv, rtol=0, atol=1e-6)
    assert np.allclose(result.roi, deterministic.roi)
    assert np.allclose(result.payback, deterministic.payback_years)
    assert result.probability_positive == 1.0 and result.share_paid_back == 1.0
    assert result.npv_spread.p10 == pytest.approx(deterministic.npv)


def test_zero_width_with_a_fixed_go_live_offset(retail):
    result = simulate(retail, runs=500, shift_years=2 * MONTH)
    assert np.allclose(result.npv, evaluate(retail, shift_years=2 * MONTH).npv)


def test_seeded_and_reproducible():
    case = ranged(retail_case())
    first, second = simulate(case, seed=42), simulate(case, seed=42)
    assert np.array_equal(first.npv, second.npv)
    assert not np.array_equal(first.npv, simulate(case, seed=43).npv)


def test_distribution_sits_inside_the_scenarios():
    case = ranged(retail_case())
    result = simulate(case, runs=10_000, seed=3)
    low = evaluate(case, factors=np.array([line.conservative for line in case.lines])).npv
    high = evaluate(case, factors=np.array([line.optimistic for line in case.lines])).npv
    assert low <= result.npv.min() and result.npv.max() <= high
    spread = result.npv_spread
    assert spread.p10 < spread.p50 < spread.p90
    assert 0 < result.probability_positive < 1
    assert result.probability_positive == pytest.approx(np.mean(result.npv > 0))
    assert np.nanmin(result.payback) > 0 and result.share_paid_back <= 1


def test_triangular_mean_matches_the_theory():
    case = ranged(retail_case(), benefit=(0.7, 1.0), cost=(1.0, 1.0))
    result = simulate(case, runs=100_000, seed=5)
    # each benefit line's factor has mean (0.7 + 1 + 1) / 3 = 0.9; NPV is linear in the factors
    expected = evaluate(case, factors=np.array([0.9 if line.kind == "benefit" else 1.0 for line in case.lines])).npv
    assert result.npv.mean() == pytest.approx(expected, rel=0.01)


def test_go_live_distribution_moves_npv(retail):
    offsets = np.linspace(0, 0.5, 10_000)
    result = simulate(retail, runs=10_000, shift_years=offsets)
    assert np.allclose(result.npv[[0, -1]], [evaluate(retail).npv, evaluate(retail, shift_years=0.5).npv])
    resampled = simulate(retail, runs=1_000, shift_years=[0.0, 1.0])
    assert set(np.round(resampled.npv)) == {round(evaluate(retail).npv), round(evaluate(retail, shift_years=1).npv)}


@pytest.mark.parametrize("runs", [0, -1, 10 ** 7, 2.5])
def test_runs_are_bounded(retail, runs):
    with pytest.raises(ValidationError):
        simulate(retail, runs=runs)


def test_ten_thousand_runs_are_fast(retail):
    import time
    case = ranged(retail)
    start = time.perf_counter()
    simulate(case, runs=10_000)
    assert time.perf_counter() - start < 1.0
