"""A stored project's schedule: dates from its calendar, constraints from its tasks."""

from datetime import date

from crm_impl.operations.planning import plan_schedule
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


def test_sample_schedule_matches_the_domain_oracle(db, user, load_sample):
    project = load_sample(user, RETAIL)
    plan = plan_schedule(project)
    assert plan.schedule.project_duration == 177  # methodology §10.5
    assert plan.task("R01").start == date(2025, 3, 3)
    assert plan.task("R06").total_slack == 10


def test_holidays_move_dates_but_not_working_day_offsets(db, user, load_sample):
    project = load_sample(user, RETAIL)
    before = plan_schedule(project)
    project.holidays.clear()
    after = plan_schedule(project)
    assert after.schedule.project_duration == before.schedule.project_duration
    assert after.finish < before.finish  # Labour Day and National Day no longer push it


def test_task_constraints_enter_the_schedule(db, user, load_sample):
    project = load_sample(user, RETAIL)
    task = next(t for t in project.tasks if t.key == "R06")  # 10 days of slack in the plan
    task.start_no_earlier_than = date(2025, 5, 5)
    plan = plan_schedule(project)
    assert plan.task("R06").start == date(2025, 5, 6)  # 5 May 2025 is a Labour Day holiday
    task.start_no_earlier_than = None
    task.finish_no_later_than = date(2025, 4, 4)  # earlier than the plan allows
    plan = plan_schedule(project)
    assert plan.task("R06").total_slack < 0 and plan.task("R06").critical
