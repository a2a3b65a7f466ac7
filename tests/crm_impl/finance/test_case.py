import pytest

from crm_impl.errors import ValidationError
from crm_impl.finance import BusinessCase, Driver, Line
from crm_impl.finance.formula import evaluate_formula

from .conftest import retail_case

COST = {"id": "C", "kind": "cost", "category": "construction", "component": "consulting", "name": "Consulting",
        "amounts": [100, 0, 0, 0]}


def build(**changes):
    data = {"horizon": 3, "discount_rate": 0.08, "lines": [COST], "drivers": []}
    data.update(changes)
    return BusinessCase.build(data)


@pytest.mark.parametrize("horizon", [0, 2, 31, -1, 3.5, "five", None])
def test_horizon_out_of_range_is_refused(horizon):
    with pytest.raises(ValidationError) as error:
        build(horizon=horizon, lines=[])
    assert error.value.field == "horizon"


@pytest.mark.parametrize("horizon", [3, 30])
def test_horizon_bounds_are_accepted(horizon):
    assert build(horizon=horizon, lines=[]).horizon == horizon


@pytest.mark.parametrize("rate", [-1, -1.5, "x", float("nan")])
def test_rate_at_or_below_minus_100_percent_is_refused(rate):
    with pytest.raises(ValidationError) as error:
        build(discount_rate=rate)
    assert error.value.field == "discount_rate"


def test_formula_naming_an_unknown_driver_names_it_and_its_path():
    line = {"id": "B", "kind": "benefit", "category": "cost_reduction", "component": "", "name": "Saved",
            "formula": "reps * hours * cost"}
    with pytest.raises(ValidationError) as error:
        build(lines=[COST, line], drivers=[{"name": "reps", "value": 450}, {"name": "hours", "value": 40}])
    assert error.value.field == "lines[1].formula" and "'cost'" in error.value.reason


def test_text_in_a_number_names_the_year():
    with pytest.raises(ValidationError) as error:
        build(lines=[{**COST, "amounts": [100, "lots", 0, 0]}])
    assert error.value.field == "lines[0].amounts[1]" and "lots" in error.value.reason
    with pytest.raises(ValidationError) as error:
        build(drivers=[{"name": "reps", "value": "many"}])
    assert error.value.field == "drivers[0].value"


@pytest.mark.parametrize("formula", ["__import__('os').system('true')", "reps.real", "'a' * 3",
                                     "[1, 2]", "reps if reps else 1", "open('x')", "reps > 2", "lambda: 1"])
def test_formulas_are_arithmetic_only(formula):
    with pytest.raises(ValidationError):
        evaluate_formula(formula, {"reps": 3})


def test_formula_functions_and_division_by_zero():
    assert evaluate_formula("max(reps, 5) * 2 - abs(-1)", {"reps": 3}) == 9
    with pytest.raises(ValidationError, match="divides by zero"):
        evaluate_formula("reps / (reps - 3)", {"reps": 3})


def test_amount_count_must_match_the_horizon():
    with pytest.raises(ValidationError) as error:
        build(lines=[{**COST, "amounts": [100, 0]}])
    assert error.value.field == "lines[0].amounts"


def test_line_rules():
    with pytest.raises(ValidationError, match="gross margin"):
        Line("R", "benefit", "revenue_growth", "", "Growth", amounts=(0, 1, 1, 1))
    with pytest.raises(ValidationError, match="either amounts"):
        Line("R", "benefit", "cost_reduction", "", "Saved")
    with pytest.raises(ValidationError, match="component"):
        Line("C", "cost", "usage", "consulting", "Consulting", amounts=(0, 1, 1, 1))
    with pytest.raises(ValidationError, match="conservative"):
        Line("B", "benefit", "cost_reduction", "", "Saved", amounts=(0, 1, 1, 1), conservative=1.2)
    with pytest.raises(ValidationError, match="conservative"):
        Line("C", "cost", "usage", "labor", "Team", amounts=(0, 1, 1, 1), conservative=0.9)
    with pytest.raises(ValidationError, match="line id"):
        build(lines=[COST, COST])
    with pytest.raises(ValidationError) as error:
        Driver("2fast", 1)
    assert error.value.field == "name"


def test_revenue_growth_counts_gross_profit_and_the_ramp_applies():
    case = retail_case()
    rep = case.line_index("B_REP")
    assert case.values()[rep].tolist() == [0, 972_000, 1_944_000, 2_430_000]
    assert case.revenue(rep).tolist() == pytest.approx([0, 10_800_000, 21_600_000, 27_000_000])
    assert case.values()[case.line_index("B_MKT")].tolist() == [0, 450_000, 765_000, 900_000]


def test_a_formula_line_without_ramp_falls_where_its_category_does():
    case = build(lines=[{**COST, "amounts": None, "formula": "fee * 2"},
                        {"id": "U", "kind": "cost", "category": "usage", "component": "labor", "name": "Team",
                         "formula": "fee"}], drivers=[{"name": "fee", "value": 10}])
    assert case.values().tolist() == [[20, 0, 0, 0], [0, 10, 10, 10]]


@pytest.mark.parametrize("formula", ["10 ** 10 ** 10", "9" * 400 + " ** 99", "999999 ** 999999", "x" * 501,
                                     " * ".join(["999999999999999"] * 30), "(-8) ** (1 / 3)", "x * 1e15 ** 30"])
def test_formulas_that_would_hold_the_worker_are_refused(formula):
    with pytest.raises(ValidationError):
        evaluate_formula(formula, {"x": 1})
