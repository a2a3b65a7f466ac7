import dataclasses
from datetime import date

import numpy as np
import pytest

from crm_impl.errors import ValidationError

from crm_impl.finance import (
    MONTH, BusinessCase, Line, calendar_months, cost_of_delay, evaluate, go_live_shift, scenarios, shift_benefits,
    simulate, tornado,
)
from crm_impl.finance.analysis import adjusted_values

from .conftest import retail_case


def test_retail_worked_example(retail):
    """Methodology §7.4: TCO 7.11m, benefits 9.341m, ROI 1.314, net ROI 0.314, payback 2.30 years."""
    result = evaluate(retail)
    assert result.construction_total == 4_350_000 and result.usage_total == 2_760_000
    assert result.tco == 7_110_000
    assert result.cost_reduction_total == 3_995_000 and result.revenue_growth_total == 5_346_000
    assert result.benefits == 9_341_000 and result.net_benefit == 2_231_000
    assert round(result.roi_methodology, 3) == 1.314 and round(result.roi, 3) == 0.314
    assert round(result.payback_years, 2) == 2.30
    assert result.payback_years == pytest.approx(2 + 979_000 / 3_210_000)
    assert round(result.npv) == 1_150_156          # the sample file's derived npv_at_discount_rate
    assert result.cash_flows == (-4_350_000, 902_000, 2_469_000, 3_210_000)
    assert [row.cumulative for row in result.years] == [-4_350_000, -3_448_000, -979_000, 2_231_000]
    assert result.irr.status == "unique"
    # the IRR is the rate at which the same case has NPV zero
    at_irr = dataclasses.replace(retail, discount_rate=result.irr.value)
    assert evaluate(at_irr).npv == pytest.approx(0, abs=1e-4)


def test_present_values_and_discounted_payback(retail):
    result = evaluate(retail)
    factors = 1 / 1.08 ** np.arange(4)
    assert result.tco_pv == pytest.approx(4_350_000 + 920_000 * factors[1:].sum())
    assert result.benefits_pv == pytest.approx(1_822_000 / 1.08 + 3_389_000 / 1.08 ** 2 + 4_130_000 / 1.08 ** 3)
    pv = np.array(result.cash_flows) * factors
    assert result.discounted_payback_years == pytest.approx(2 + -(pv[:3].sum()) / pv[3])
    assert result.years[-1].cumulative_pv == pytest.approx(result.npv)


def test_convention_reconciles_to_the_spreadsheet(retail):
    convention = evaluate(retail).convention
    assert convention.spreadsheet == pytest.approx(convention.npv)
    assert convention.spreadsheet_all == pytest.approx(convention.npv / 1.08)
    text = convention.message().render("en")
    assert "=NPV(8%, year 1 … year 3) + year 0 = 1,150,156" in text and "1,064,959" in text


def test_costs_by_component(retail):
    result = evaluate(retail)
    assert result.costs_by_component["customization_reserve"] == (870_000, 0, 0, 0)
    assert result.costs_by_component["labor"] == (0, 360_000, 360_000, 360_000)
    assert sum(sum(v) for v in result.costs_by_component.values()) == result.tco


def _hand_npv(flows, rate=0.08):
    return sum(flow / (1 + rate) ** year for year, flow in enumerate(flows))


@pytest.mark.parametrize("where", ["case", "each line"])
def test_zero_risk_adjustment_changes_nothing(where):
    """At 0 % the figures are the amounts as entered: the worked example by hand, in the result,
    the scenarios and the Monte Carlo. A line's own 0 % replaces a case-wide 10 %/5 % (which would
    cut the benefits to 8,406,900 and raise the TCO to 7,465,500)."""
    if where == "case":
        case = retail_case(benefit_risk=0.0, cost_risk=0.0)
    else:
        risky = retail_case(benefit_risk=0.10, cost_risk=0.05)
        case = dataclasses.replace(risky, lines=tuple(dataclasses.replace(line, risk=0.0) for line in risky.lines))
        assert evaluate(risky).tco == pytest.approx(7_465_500)       # the case-wide risk does bite
    assert np.array_equal(adjusted_values(case), case.values())
    flows = (-4_350_000, 902_000, 2_469_000, 3_210_000)
    result = evaluate(case)
    assert (result.tco, result.benefits, result.cash_flows) == (7_110_000, 9_341_000, flows)
    assert result.npv == pytest.approx(_hand_npv(flows), rel=1e-12)
    assert result.payback_years == pytest.approx(2 + 979_000 / 3_210_000)
    # scenarios: the factors act on the amounts as entered
    lines = tuple(dataclasses.replace(line, conservative=0.8, optimistic=1.1) if line.kind == "benefit"
                  else dataclasses.replace(line, conservative=1.1, optimistic=0.95) for line in case.lines)
    low, mid, high = scenarios(dataclasses.replace(case, lines=lines))
    assert (mid.tco, mid.benefits) == (7_110_000, 9_341_000) and mid.npv == pytest.approx(_hand_npv(flows))
    assert low.tco == pytest.approx(7_110_000 * 1.1) and low.benefits == pytest.approx(9_341_000 * 0.8)
    assert high.tco == pytest.approx(7_110_000 * 0.95) and high.benefits == pytest.approx(9_341_000 * 1.1)
    # the Monte Carlo with zero-width ranges: every run is the hand NPV
    runs = simulate(case, runs=200)
    assert np.allclose(runs.npv, _hand_npv(flows), rtol=1e-12) and runs.probability_positive == 1.0


def test_risk_adjustment_reduces_benefits_and_raises_costs(retail):
    adjusted = evaluate(retail_case(benefit_risk=0.10, cost_risk=0.05))
    base = evaluate(retail)
    assert adjusted.benefits == pytest.approx(base.benefits * 0.9)
    assert adjusted.tco == pytest.approx(base.tco * 1.05)
    assert adjusted.npv < base.npv


def test_a_lines_own_risk_adjustment_replaces_the_cases():
    case = retail_case(benefit_risk=0.10, cost_risk=0.05)
    lines = list(case.lines)
    rep, lic = case.line_index("B_REP"), case.line_index("C_LIC")
    lines[rep] = dataclasses.replace(lines[rep], risk=0.30)
    lines[lic] = dataclasses.replace(lines[lic], risk=0.0)
    result = evaluate(dataclasses.replace(case, lines=tuple(lines)))
    assert result.revenue_growth_total == pytest.approx(5_346_000 * 0.70)
    assert result.cost_reduction_total == pytest.approx(3_995_000 * 0.90)
    assert result.tco == pytest.approx(1_050_000 + (7_110_000 - 1_050_000) * 1.05)
    with pytest.raises(ValidationError):
        dataclasses.replace(lines[rep], risk=1.5)


def test_tax_scales_the_cash_flows_not_the_roi(retail):
    taxed = evaluate(retail_case(tax_rate=0.25))
    base = evaluate(retail)
    assert taxed.npv == pytest.approx(base.npv * 0.75)
    assert taxed.roi == base.roi and taxed.irr.value == pytest.approx(base.irr.value)


def test_shift_benefits_moves_a_share_between_years():
    b = np.array([0.0, 120, 240, 360])
    assert shift_benefits(b, MONTH).tolist() == pytest.approx([0, 110, 230, 350])
    assert shift_benefits(b, 1.0).tolist() == [0, 0, 120, 240]
    assert shift_benefits(b, 5.0).tolist() == [0, 0, 0, 0]
    runs = shift_benefits(np.tile(b, (3, 1)), np.array([0.0, 1.0, MONTH]))
    assert np.allclose(runs, [[0, 120, 240, 360], [0, 0, 120, 240], [0, 110, 230, 350]])


def test_one_month_slip_lowers_npv_by_the_cost_of_one_months_delay(retail):
    delay = cost_of_delay(retail)
    assert delay > 0
    assert evaluate(retail).npv - evaluate(retail, shift_years=MONTH).npv == pytest.approx(delay, rel=1e-12)
    # from an already slipped go-live, the next month costs what the engine says for that point
    later = cost_of_delay(retail, shift_years=0.25)
    assert evaluate(retail, shift_years=0.25).npv - evaluate(retail, shift_years=0.25 + MONTH).npv == \
        pytest.approx(later, rel=1e-12)


def test_cost_of_delay_by_hand():
    """Benefits 1,200 a year, r = 0: a month's slip loses the last month of year 3 (100)."""
    case = BusinessCase(horizon=3, discount_rate=0.0, lines=(
        Line("B", "benefit", "cost_reduction", "", "Saved", amounts=(0, 1200, 1200, 1200)),))
    assert cost_of_delay(case) == pytest.approx(100)
    # at 10 %, each year's first month moves to the end of the previous one
    case = dataclasses.replace(case, discount_rate=0.10)
    base = evaluate(case)
    moved = [0, 1100, 1100 + 100, 1100 + 100]
    assert evaluate(case, shift_years=MONTH).npv == pytest.approx(sum(m / 1.1 ** y for y, m in enumerate(moved)))
    assert base.npv - cost_of_delay(case) == pytest.approx(evaluate(case, shift_years=MONTH).npv)


def test_scenarios_bracket_the_expected_case():
    case = retail_case()
    lines = tuple(dataclasses.replace(line, conservative=0.8, optimistic=1.1) if line.kind == "benefit"
                  else dataclasses.replace(line, conservative=1.1, optimistic=0.95) for line in case.lines)
    case = dataclasses.replace(case, lines=lines)
    low, mid, high = scenarios(case)
    assert (low.scenario, mid.scenario, high.scenario) == ("conservative", "expected", "optimistic")
    assert low.npv < mid.npv < high.npv
    assert mid.npv == pytest.approx(evaluate(case).npv)
    assert low.benefits == pytest.approx(9_341_000 * 0.8) and low.tco == pytest.approx(7_110_000 * 1.1)


def test_tornado_orders_by_swing_and_skips_fixed_lines():
    case = retail_case()
    lines = list(case.lines)
    rep, lic = case.line_index("B_REP"), case.line_index("C_LIC")
    lines[rep] = dataclasses.replace(lines[rep], conservative=0.5, optimistic=1.2)
    lines[lic] = dataclasses.replace(lines[lic], conservative=1.2, optimistic=1.0)
    case = dataclasses.replace(case, lines=tuple(lines))
    bars = tornado(case)
    assert [bar.line_id for bar in bars] == ["B_REP", "C_LIC"]
    base = evaluate(case).npv
    assert bars[1].conservative_npv == pytest.approx(base - 0.2 * 1_050_000)
    assert bars[1].optimistic_npv == pytest.approx(base)
    assert bars[0].conservative_npv < base < bars[0].optimistic_npv


@pytest.mark.parametrize(("assumed", "forecast"), [
    (date(2025, 10, 15), date(2025, 11, 15)),      # 31 days
    (date(2025, 2, 15), date(2025, 3, 15)),        # 28 days
    (date(2024, 1, 31), date(2024, 2, 29)),        # to the last day of a short month
    (date(2025, 12, 20), date(2026, 1, 20)),       # over the turn of the year
])
def test_a_slip_of_one_calendar_month_costs_exactly_one_months_delay(retail, assumed, forecast):
    assert calendar_months(assumed, forecast) == 1.0 and go_live_shift(assumed, forecast) == MONTH
    assert evaluate(retail).npv - evaluate(retail, shift_years=go_live_shift(assumed, forecast)).npv == \
        pytest.approx(cost_of_delay(retail), rel=1e-12)
    assert go_live_shift(forecast, assumed) == -MONTH       # a go-live a month early


def test_calendar_months_count_the_share_of_the_month_begun():
    assert calendar_months(date(2025, 9, 15), date(2025, 9, 30)) == 0.5                  # 15 of 30 days
    assert calendar_months(date(2025, 10, 15), date(2025, 12, 31)) == pytest.approx(2 + 16 / 31)
    assert calendar_months(date(2025, 10, 15), date(2026, 10, 15)) == 12.0
    assert calendar_months(date(2025, 3, 3), date(2025, 3, 3)) == 0.0
