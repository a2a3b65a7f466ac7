"""The steering dashboard's facts come from the project; the colours follow the thresholds."""

from datetime import date

from crm_impl.operations.plan import progress_as_planned
from crm_impl.models import ChangeRequest, ChangeStatus
from crm_impl.operations.status import project_dashboard
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


def _poc(project):
    return next(t for t in project.tasks if t.key == "R05")


def test_schedule_area_turns_amber_just_past_five_days_of_slip(db, user, load_sample):
    project = load_sample(user, RETAIL)
    project.status_date = project.start_date  # nothing can be late yet: only the plan moves
    on_plan = project_dashboard(project, date(2025, 4, 1))
    assert on_plan.facts.schedule_slip_days == 0 and on_plan.status.area("schedule").rag == "green"
    _poc(project).duration = 20  # five days more on the critical path: still within green
    assert project_dashboard(project, date(2025, 4, 1)).status.area("schedule").rag == "green"
    _poc(project).duration = 21  # six days
    dashboard = project_dashboard(project, date(2025, 4, 1))
    assert dashboard.facts.schedule_slip_days == 6 and dashboard.status.area("schedule").rag == "amber"
    _poc(project).duration = 31  # sixteen days
    assert project_dashboard(project, date(2025, 4, 1)).status.area("schedule").rag == "red"


def test_facts_from_risks_people_changes_and_kpis(db, user, load_sample):
    project = load_sample(user, RETAIL)
    dashboard = project_dashboard(project, date(2025, 4, 1))
    assert len(dashboard.facts.open_risk_scores) == 12
    assert dashboard.facts.unstaffed_roles == 0  # the sample staffs all ten roles
    project.change_requests.append(ChangeRequest(number=1, title="Loyalty app", cost_impact=900_000.0,
                                                 status=ChangeStatus.APPROVED))
    dashboard = project_dashboard(project, date(2025, 4, 1))
    assert dashboard.facts.approved_change_cost == 900_000.0
    assert dashboard.status.area("scope").rag == "red"  # beyond the CNY 870,000 reserve
    target = next(k for k in project.kpi_targets if k.kpi == "training_coverage")
    target.actual = 1.0
    rows = {row.kpi: row for row in project_dashboard(project, date(2025, 4, 1)).kpis}
    assert rows["training_coverage"].met is True and rows["data_migration_accuracy"].met is None
    assert {"requirement_doc_completeness", "training_coverage", "data_migration_accuracy"} <= set(rows)


def test_a_project_months_late_at_zero_percent_is_red_with_its_slip_in_working_days(db, user, load_sample):
    project = load_sample(user, RETAIL)  # planned from 2025-03-03, nothing reported
    dashboard = project_dashboard(project, date(2025, 7, 1))
    calendar = dashboard.forecast.calendar
    # All the work still ahead starts on the status date: the finish moves by the time gone by.
    gone_by = calendar.offset_of(date(2025, 7, 1)) - calendar.offset_of(project.start_date)
    assert dashboard.facts.schedule_slip_days == gone_by > 80
    assert dashboard.status.area("schedule").rag == "red" and dashboard.status.overall == "red"
    assert dashboard.forecast_finish > dashboard.target_finish
    assert dashboard.baseline_name == "Approved plan (G2)"


def test_a_project_on_track_is_green_and_the_forecast_keeps_its_finish(db, user, load_sample):
    project = load_sample(user, RETAIL)
    progress_as_planned(project, date(2025, 7, 1))
    dashboard = project_dashboard(project, date(2025, 7, 1))
    # Progress is whole percent: the remainder of running work rounds up to at most a day.
    assert dashboard.facts.schedule_slip_days <= 1 and dashboard.status.area("schedule").rag == "green"
    # Earned value agrees in sign: on plan, SPI about 1.
    from crm_impl.operations.baselines import project_earned_value, steering_baseline

    value = project_earned_value(project, steering_baseline(project), date(2025, 7, 1))
    assert value.spi is not None and value.spi >= 0.95


def test_a_new_baseline_does_not_hide_slip_until_the_committee_chooses_it(db, user, load_sample, make_user):
    from crm_impl.operations.baselines import save_baseline, set_steering_baseline

    project = load_sample(user, RETAIL)
    project.status_date = date(2025, 5, 2)
    slipped = project_dashboard(project, date.today()).facts.schedule_slip_days
    assert slipped > 15
    replan = save_baseline(db, project, "Re-plan May")
    assert not replan.steering
    again = project_dashboard(project, date.today())
    assert again.facts.schedule_slip_days == slipped and again.baseline_name == "Approved plan (G2)"
    set_steering_baseline(db, project, replan)
    moved = project_dashboard(project, date.today())
    assert moved.baseline_name == "Re-plan May" and moved.facts.schedule_slip_days < slipped
    assert [b.name for b in project.baselines if b.steering] == ["Re-plan May"]


def test_earned_value_and_slip_agree_in_sign_on_every_sample(db, user, load_sample):
    from crm_impl.operations.baselines import project_earned_value, steering_baseline

    for path in SAMPLES:
        late = load_sample(user, path)  # nothing reported months into the plan: behind by both
        day = date(2025, 12, 1)
        spi = project_earned_value(late, steering_baseline(late), day).spi
        assert project_dashboard(late, day).facts.schedule_slip_days > 0 and spi < 1, path.stem
        on_plan = load_sample(user, path)  # everything reported as planned: on time by both
        day = date(2025, 9, 1)
        progress_as_planned(on_plan, day)
        spi = project_earned_value(on_plan, steering_baseline(on_plan), day).spi
        assert project_dashboard(on_plan, day).facts.schedule_slip_days <= 1 and spi >= 0.95, path.stem
