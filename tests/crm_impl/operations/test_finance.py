"""A project's business case: every edit checked on the whole case, nothing saved on bad input,
benefits that move with the forecast go-live, tracking after go-live."""

import dataclasses
from datetime import date, timedelta

import numpy as np
import pytest

from crm_impl.errors import StaleEditError, ValidationError
from crm_impl.finance import MONTH, evaluate, simulate
from crm_impl.models import Baseline, BaselineTask
from crm_impl.operations.finance import (
    case_section, create_case, delete_driver, delete_line, finance_report, go_live, go_live_milestone, record_actual,
    replace_case, save_driver, save_line, update_settings,
)
from crm_impl.operations.planning import plan_schedule

SECTION = {
    "horizon": 3, "discount_rate": 0.08, "tax_rate": 0.0, "benefit_risk": 0.0, "cost_risk": 0.0,
    "drivers": [{"name": "reps", "value": 450, "description": "Sales reps"}, {"name": "hours", "value": 40},
                {"name": "rate", "value": 120}],
    "lines": [
        {"id": "C_LIC", "kind": "cost", "category": "construction", "component": "software_license",
         "name": "Licences", "amounts": [1_000_000, 0, 0, 0], "conservative": 1.1, "optimistic": 1.0},
        {"id": "U_SYS", "kind": "cost", "category": "usage", "component": "system_maintenance",
         "name": "Maintenance", "amounts": [0, 200_000, 200_000, 200_000]},
        {"id": "B_REP", "kind": "benefit", "category": "cost_reduction", "component": "", "name": "Rep time",
         "name_zh": "代表时间", "formula": "reps * hours * rate", "ramp": [0, 0.5, 1, 1],
         "conservative": 0.7, "optimistic": 1.2, "kpi": "rep_admin_hours"},
        {"id": "B_GROW", "kind": "benefit", "category": "revenue_growth", "component": "", "name": "Retention",
         "amounts": [0, 1_000_000, 2_000_000, 2_000_000], "gross_margin": 0.5},
    ],
    "actuals": [],
}


@pytest.fixture
def project(db, user, load_sample):
    project = load_sample(user)
    replace_case(db, project, SECTION)
    db.commit()
    return project


def line_of(db, project, key):
    from crm_impl.operations.finance import case_rows
    return next(line for line in case_rows(db, project).lines if line.key == key)


def test_section_round_trips(db, project):
    section = case_section(db, project)
    lines = [{"conservative": 1.0, "optimistic": 1.0} | line for line in SECTION["lines"]]
    for line in lines:
        if line["kind"] == "benefit":
            line["component"] = ""
    assert section == {**SECTION, "lines": lines}
    # the engine sees the same case (revenue growth as gross profit)
    report = finance_report(db, project, project.start_date, runs=200)
    assert report.case.values()[2].tolist() == [0, 1_080_000, 2_160_000, 2_160_000]
    assert report.case.values()[3].tolist() == [0, 500_000, 1_000_000, 1_000_000]


def test_editing_a_cost_line_changes_npv(db, project):
    before = finance_report(db, project, project.start_date, runs=100).planned.npv
    line = line_of(db, project, "C_LIC")
    save_line(db, project, {**SECTION["lines"][0], "amounts": ["1,200,000", 0, 0, 0]}, line_id=line.id,
              expected_version=line.version)
    db.commit()
    after = finance_report(db, project, project.start_date, runs=100).planned.npv
    assert after == pytest.approx(before - 200_000)


@pytest.mark.parametrize(("changes", "field", "text"), [
    ({"amounts": [100, "lots", 0, 0]}, "amounts[1]", "lots"),
    ({"amounts": [100, 0]}, "amounts", "4 amounts"),
    ({"amounts": [-5, 0, 0, 0]}, "amounts[0]", "at least 0"),
    ({"amounts": None, "formula": "reps * wage"}, "formula", "'wage'"),
    ({"formula": "reps * 2"}, "formula", "not both"),
    ({"amounts": None, "formula": "__import__('os')"}, "formula", "may hold numbers"),
    ({"component": "consulting", "category": "usage"}, "component", "usage component"),
    ({"name": "  "}, "name", "required"),
    ({"id": "U_SYS"}, "id", "twice"),
])
def test_bad_line_is_refused_and_nothing_saved(db, project, changes, field, text):
    stored = case_section(db, project)
    line = line_of(db, project, "C_LIC")
    with pytest.raises(ValidationError) as error:
        save_line(db, project, {**SECTION["lines"][0], **changes}, line_id=line.id, expected_version=line.version)
    assert error.value.field == field and text in error.value.reason
    db.rollback()
    assert case_section(db, project) == stored


def test_stale_line_edit_is_refused(db, project):
    line = line_of(db, project, "C_LIC")
    with pytest.raises(StaleEditError):
        save_line(db, project, SECTION["lines"][0], line_id=line.id, expected_version=line.version + 1)


def test_add_and_delete_lines(db, project):
    line = save_line(db, project, {"kind": "cost", "category": "usage", "component": "license_renewal",
                                   "name": "Renewals", "amounts": [0, 10, 10, 10]})
    assert line.key == "C05" and line.position == 4
    delete_line(db, project, line.id, line.version)
    assert [entry["id"] for entry in case_section(db, project)["lines"]] == ["C_LIC", "U_SYS", "B_REP", "B_GROW"]


def test_drivers_in_use_cannot_go(db, project):
    from crm_impl.operations.finance import case_rows
    reps = next(d for d in case_rows(db, project).drivers if d.name == "reps")
    with pytest.raises(ValidationError, match="formula uses this driver"):
        delete_driver(db, project, reps.id, reps.version)
    with pytest.raises(ValidationError, match="formula uses this driver"):
        save_driver(db, project, {"name": "sales_reps", "value": 450}, driver_id=reps.id,
                    expected_version=reps.version)
    with pytest.raises(ValidationError) as error:
        save_driver(db, project, {"name": "reps", "value": "many"}, driver_id=reps.id, expected_version=reps.version)
    assert error.value.field == "value"
    save_driver(db, project, {"name": "reps", "value": 500}, driver_id=reps.id, expected_version=reps.version)
    db.commit()
    report = finance_report(db, project, project.start_date, runs=100)
    assert report.case.values()[2][-1] == 500 * 40 * 120


@pytest.mark.parametrize(("values", "field"), [
    ({"horizon": 0}, "horizon"), ({"horizon": 31}, "horizon"), ({"discount_rate": -1}, "discount_rate"),
    ({"discount_rate": "eight"}, "discount_rate"), ({"benefit_risk": 1.5}, "benefit_risk"),
])
def test_bad_settings_are_refused(db, project, values, field):
    from crm_impl.operations.finance import case_rows
    stored = case_section(db, project)
    with pytest.raises(ValidationError) as error:
        update_settings(db, project, case_rows(db, project).case.version, values)
    assert error.value.field == field
    db.rollback()
    assert case_section(db, project) == stored


def test_a_longer_horizon_extends_the_lines(db, project):
    from crm_impl.operations.finance import case_rows
    assert update_settings(db, project, case_rows(db, project).case.version, {"horizon": 5, "discount_rate": 0.1})
    db.commit()
    section = case_section(db, project)
    assert section["horizon"] == 5 and section["discount_rate"] == 0.1
    amounts = {line["id"]: line.get("amounts") or line.get("ramp") for line in section["lines"]}
    assert amounts == {"C_LIC": [1_000_000, 0, 0, 0, 0, 0], "U_SYS": [0] + [200_000] * 5,
                       "B_REP": [0, 0.5, 1, 1, 1, 1], "B_GROW": [0, 1_000_000] + [2_000_000] * 4}


def test_go_live_milestone_is_the_cut_over_gate(db, project):
    key = go_live_milestone(project)
    gate = next(g for g in project.gates if g.gate_id == "G6")
    assert key == gate.milestone_task


def month_before(day: date) -> date:
    """The same day of the previous calendar month (its last day when it has no such day)."""
    year, month = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last))


def test_a_slip_of_the_go_live_moves_npv_by_the_cost_of_delay(db, project):
    from crm_impl.operations.finance import case_rows
    key = go_live_milestone(project)
    planned = plan_schedule(project).task(key).finish
    rows = case_rows(db, project)
    update_settings(db, project, rows.case.version, {"go_live": planned})
    db.commit()
    on_time = finance_report(db, project, project.start_date, runs=100)
    assert on_time.go_live.assumed == planned and on_time.go_live.forecast == planned
    assert on_time.go_live.shift_years == 0 and on_time.result.npv == pytest.approx(on_time.planned.npv)
    # the case assumed a go-live one calendar month earlier: the forecast is a month late, and NPV
    # falls by exactly the cost of one month's delay reported on time (28 to 31 days alike)
    rows = case_rows(db, project)
    update_settings(db, project, rows.case.version, {"go_live": month_before(planned)})
    db.commit()
    late = finance_report(db, project, project.start_date, runs=100)
    assert late.go_live.slip_days == (planned - month_before(planned)).days
    assert late.go_live.shift_years == pytest.approx(MONTH, abs=1e-15)
    assert on_time.result.npv - late.result.npv == pytest.approx(on_time.cost_of_delay, rel=1e-12)
    # half of a 30-day month late: half a month; one more month from there costs what the report says
    half = dataclasses.replace(late.go_live, assumed=date(2025, 9, 15), forecast=date(2025, 9, 30))
    assert half.shift_years == pytest.approx(MONTH / 2)
    assert evaluate(late.case, shift_years=MONTH).npv - evaluate(late.case, shift_years=2 * MONTH).npv == \
        pytest.approx(late.cost_of_delay)


def test_the_re_forecast_plans_the_years_to_come_at_the_forecast_go_live(db, project):
    """The headline NPV counts the forecast slip; so do the years the tracking has no actuals for."""
    from crm_impl.operations.finance import case_rows
    key = go_live_milestone(project)
    planned = plan_schedule(project).task(key).finish
    update_settings(db, project, case_rows(db, project).case.version, {"go_live": month_before(month_before(planned))})
    record_actual(db, project, 0, 0, 1_000_000)
    db.commit()
    report = finance_report(db, project, project.start_date, runs=10)
    assert report.go_live.shift_years == pytest.approx(2 * MONTH)
    tracking = report.tracking
    # the plan the actuals are measured against is the case as assumed ...
    assert tracking.npv_planned == pytest.approx(report.planned.npv)
    assert [row.planned_benefits for row in tracking.rows] == [row.benefits for row in report.planned.years]
    # ... the re-forecast is the headline (two months late) with year 0 as recorded (as planned here)
    assert tracking.npv_reforecast == pytest.approx(report.result.npv) and report.result.npv < report.planned.npv
    # a recorded first year replaces that year only; years 2 and 3 stay two months late
    record_actual(db, project, 1, 1_000_000, 200_000)
    db.commit()
    report = finance_report(db, project, project.start_date, runs=10)
    flows = list(report.result.cash_flows)
    flows[1] = 1_000_000 - 200_000
    assert report.tracking.npv_reforecast == pytest.approx(sum(f / 1.08 ** y for y, f in enumerate(flows)))


def test_assumed_go_live_falls_back_to_the_steering_baseline(db, project):
    key = go_live_milestone(project)
    rows_case = finance_report(db, project, project.start_date, runs=10).go_live
    assert rows_case.assumed_from in ("plan", "baseline")
    baseline = Baseline(project_id=project.id, name="Signed", steering=True)
    planned = plan_schedule(project).task(key).finish
    for existing in project.baselines:
        existing.steering = False
    baseline.tasks = [BaselineTask(task_key=key, start=planned, finish=planned - timedelta(days=61), duration=0)]
    db.add(baseline)
    db.commit()
    db.refresh(project)
    moment = go_live(project, None, project.start_date)
    assert moment.assumed_from == "baseline" and moment.slip_days == 61


def test_benefit_tracking_reforecasts_npv(db, project):
    record_actual(db, project, 0, 0, 1_100_000)
    record_actual(db, project, "1", 700_000, 200_000, "first year")
    db.commit()
    tracking = finance_report(db, project, project.start_date, runs=10).tracking
    assert tracking.years_recorded == (0, 1)
    planned_year1 = 1_080_000 + 500_000
    assert tracking.rows[1].realised == pytest.approx(700_000 / planned_year1)
    assert tracking.npv_reforecast == pytest.approx(
        tracking.npv_planned - 100_000 + (700_000 - planned_year1) / 1.08)
    with pytest.raises(ValidationError) as error:
        record_actual(db, project, 4, 1, 1)
    assert error.value.field == "year"
    with pytest.raises(ValidationError) as error:
        record_actual(db, project, 2, "n/a", 1)
    assert error.value.field == "benefits"


def test_create_case_once(db, project, user, load_sample):
    with pytest.raises(ValidationError, match="already"):
        create_case(db, project, {"horizon": 5, "discount_rate": 0.08})
    replace_case(db, project, None)
    assert case_section(db, project) is None
    with pytest.raises(ValidationError) as error:
        create_case(db, project, {"horizon": 4, "discount_rate": -1})
    assert error.value.field == "discount_rate"
    create_case(db, project, {"horizon": 4, "discount_rate": 0.1, "cost_risk": 0.2})
    assert case_section(db, project) | {"drivers": [], "lines": [], "actuals": []} == {
        "horizon": 4, "discount_rate": 0.1, "tax_rate": 0.0, "benefit_risk": 0.0, "cost_risk": 0.2,
        "drivers": [], "lines": [], "actuals": []}


def test_go_live_distribution_from_the_schedule_simulation(db, project):
    from crm_impl.operations.finance import case_rows, go_live_offsets

    rows = case_rows(db, project)
    key = go_live_milestone(project)
    planned = plan_schedule(project).task(key).finish
    update_settings(db, project, rows.case.version, {"go_live": planned})
    db.commit()
    offsets = go_live_offsets(project, case_rows(db, project).case, project.start_date, runs=2_000, seed=3)
    assert offsets.shape == (2_000,)
    assert np.array_equal(offsets, go_live_offsets(project, case_rows(db, project).case, project.start_date,
                                                   runs=2_000, seed=3))
    # the estimates spread the go-live on both sides of the planned (most likely) one
    assert offsets.min() < offsets.max() and np.median(offsets) > offsets.min()
    drawn = finance_report(db, project, project.start_date, runs=2_000, seed=3, draw_go_live=True)
    fixed = finance_report(db, project, project.start_date, runs=2_000, seed=3)
    assert drawn.go_live_drawn and not fixed.go_live_drawn
    # the runs are the engine's with those offsets; the samples' estimates lean late, so NPV falls
    assert np.array_equal(drawn.simulation.npv, simulate(drawn.case, runs=2_000, seed=3, shift_years=offsets).npv)
    assert offsets.mean() > 0 and drawn.simulation.npv.mean() < fixed.simulation.npv.mean()


def test_certain_estimates_give_the_forecast_go_live_in_every_run(db, project):
    from crm_impl.operations.finance import case_rows, go_live_offsets

    for task in project.tasks:
        task.optimistic = task.most_likely = task.pessimistic = task.duration
    db.commit()
    moment = go_live(project, case_rows(db, project).case, project.start_date)
    offsets = go_live_offsets(project, case_rows(db, project).case, project.start_date, runs=500)
    assert np.allclose(offsets, moment.shift_years)


@pytest.mark.parametrize("named", ["C_LIC", "B_REP"])
def test_a_saving_is_not_taken_into_a_cost_or_a_revenue_line(db, user, load_sample, named):
    """A map linked to a cost line or a revenue-growth line (its margin) would turn it into a
    cost saving: refused, naming the line, and the case keeps every line as it was."""
    from crm_impl.models import ProcessMapRecord
    from crm_impl.operations.finance import case_section, take_process_saving
    from tests.conftest import SAMPLES

    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    record = db.scalars(db.query(ProcessMapRecord).filter_by(project_id=project.id, key="retail_repair_to_be")
                        .statement).one()
    assert record.annual_savings > 0
    record.benefit = named
    db.commit()
    before = case_section(db, project)
    with pytest.raises(ValidationError) as refusal:
        take_process_saving(db, project, record.id)
    db.rollback()
    said = refusal.value.message.render("en")
    assert named in said and "cost-reduction" in said
    assert case_section(db, project) == before
