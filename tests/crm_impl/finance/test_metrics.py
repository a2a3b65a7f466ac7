import math

import numpy as np
import pytest

from crm_impl.finance.metrics import irr, npv, payback, paybacks, sign_changes, spreadsheet_npv

FLOWS = [-1000.0, 500.0, 500.0, 500.0]


def test_npv_by_hand():
    expected = -1000 + 500 / 1.1 + 500 / 1.1 ** 2 + 500 / 1.1 ** 3
    assert npv(FLOWS, 0.10) == pytest.approx(expected, abs=1e-9)
    assert npv(FLOWS, 0.0) == pytest.approx(500.0)


def test_spreadsheet_reconciliation():
    assert spreadsheet_npv(FLOWS[1:], 0.10) + FLOWS[0] == pytest.approx(npv(FLOWS, 0.10))
    # =NPV(r, Y0..YN) discounts year 0 once more: the whole figure divided by (1 + r)
    assert spreadsheet_npv(FLOWS, 0.10) == pytest.approx(npv(FLOWS, 0.10) / 1.1)


def test_irr_unique_makes_npv_zero():
    result = irr(FLOWS)
    assert result.status == "unique" and result.changes == (1,)
    assert result.value == pytest.approx(0.233752, abs=1e-6)
    assert npv(FLOWS, result.value) == pytest.approx(0.0, abs=1e-7)


def test_irr_of_a_two_year_case_by_hand():
    # -100 + 60/(1+r) + 60/(1+r)^2 = 0  ->  1+r = (60 + sqrt(3600 + 24000)) / 200
    assert irr([-100, 60, 60]).value == pytest.approx((60 + math.sqrt(27600)) / 200 - 1, abs=1e-12)


@pytest.mark.parametrize("flows", [[-100, -20, -5], [100, 20, 30], [0, 0, 0]])
def test_no_irr_when_the_flows_never_change_sign(flows):
    result = irr(flows)
    assert result.status == "none" and result.value is None and result.values == () and result.changes == ()


def test_several_sign_changes_are_named_with_every_rate():
    result = irr([-100, 230, -132])
    assert result.status == "multiple" and result.changes == (1, 2)
    assert [round(r, 9) for r in result.values] == [0.1, 0.2]
    assert result.value is None  # two rates: no single IRR to headline
    for rate in result.values:
        assert npv([-100, 230, -132], rate) == pytest.approx(0, abs=1e-9)


def test_sign_changes_skip_zero_years():
    assert sign_changes([-5, 0, 0, 3, 0, -1]) == (3, 5)


def test_payback_interpolates_inside_the_year():
    assert payback([-100, 40, 40, 40]) == pytest.approx(2.5)
    assert payback([-100, 30, 30, 30]) is None
    assert payback([0, 1, 1]) == 0.0
    pv = np.array(FLOWS) / 1.1 ** np.arange(4)
    assert payback(pv) == pytest.approx(2 + (1000 - 500 / 1.1 - 500 / 1.1 ** 2) / (500 / 1.1 ** 3))


def test_paybacks_are_vectorised():
    rows = np.array([[-100, 40, 40, 40], [-100, 100, 0, 0], [-100, 0, 0, 50]], dtype=float)
    assert paybacks(rows)[:2].tolist() == [2.5, 1.0] and np.isnan(paybacks(rows)[2])
