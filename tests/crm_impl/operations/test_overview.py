"""A project's overview: progress weighted by duration, phase dates, the next milestones."""

from datetime import date

import pytest

from crm_impl.models import Task
from crm_impl.operations.overview import project_overview, weighted_progress
from crm_impl.operations.planning import plan_schedule
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)
TODAY = date(2025, 6, 2)


@pytest.fixture
def project(db, user, load_sample):
    return load_sample(user, RETAIL)


def task(duration: int, progress: int, milestone: bool = False) -> Task:
    return Task(key="T", name="T", duration=duration, progress=progress, milestone=milestone)


def test_progress_is_weighted_by_duration():
    assert weighted_progress([task(10, 50), task(30, 0)]) == pytest.approx(5 / 40)
    assert weighted_progress([task(1, 100), task(3, 0)]) == pytest.approx(0.25)
    assert weighted_progress([task(4, 100), task(4, 100)]) == pytest.approx(1.0)


def test_milestones_weigh_one_day_and_count_when_done():
    assert weighted_progress([task(0, 100, milestone=True), task(3, 0)]) == pytest.approx(0.25)
    assert weighted_progress([task(0, 0, milestone=True), task(3, 100)]) == pytest.approx(0.75)
    # A zero-length task that is not a milestone has no weight.
    assert weighted_progress([task(0, 100), task(3, 0)]) == 0.0


def test_no_work_means_no_progress():
    assert weighted_progress([]) == 0.0
    assert weighted_progress([task(0, 100)]) == 0.0


def test_phase_summaries_take_their_dates_from_the_schedule(project):
    overview = project_overview(project, TODAY)
    schedule = plan_schedule(project)
    assert [s.phase.key for s in overview.phases] == [p.key for p in project.phases]
    for summary in overview.phases:
        planned = [schedule.task(t.key) for t in summary.phase.tasks]
        assert summary.task_count == len(planned) > 0
        assert summary.start == min(p.start for p in planned)
        assert summary.finish == max(p.finish for p in planned)
    first = overview.phases[0]
    assert first.start == schedule.task("R01").start == project.start_date
    assert first.finish == schedule.task("R_G1").finish
    assert overview.phases[-1].finish == schedule.finish
    assert overview.today == TODAY


def test_phase_and_project_progress_follow_the_tasks(db, project):
    p1 = project.phases[0]
    for t in p1.tasks:
        t.progress = 100
    overview = project_overview(project, TODAY)
    assert overview.phases[0].progress == pytest.approx(1.0)
    assert overview.phases[1].progress == 0.0
    done = sum(max(t.duration, 1 if t.milestone else 0) for t in p1.tasks)
    total = sum(max(t.duration, 1 if t.milestone else 0) for t in project.tasks)
    assert overview.progress == pytest.approx(done / total)


def test_next_milestones_are_open_and_in_date_order(db, project):
    overview = project_overview(project, TODAY)
    keys = [t.key for t, _ in overview.next_milestones]
    assert keys == ["R_G1", "R_G2", "R_G3", "R_G4", "R_G5"]  # five by default
    finishes = [planned.finish for _, planned in overview.next_milestones]
    assert finishes == sorted(finishes)
    assert all(t.milestone and planned.id == t.key for t, planned in overview.next_milestones)

    for key in ("R_G1", "R_G3"):
        next(t for t in project.tasks if t.key == key).progress = 100
    later = project_overview(project, TODAY, milestones=10)
    assert [t.key for t, _ in later.next_milestones] == ["R_G2", "R_G4", "R_G5", "R_G6", "R_G7"]


def test_milestones_are_sorted_by_date_not_plan_order(db, project):
    # Move the closing gate's milestone to the front of the plan: it still comes last.
    last = next(t for t in project.tasks if t.key == "R_G7")
    last.position = -1
    db.flush()
    db.expire(project, ["tasks"])
    assert project.tasks[0].key == "R_G7"
    overview = project_overview(project, TODAY, milestones=7)
    assert [t.key for t, _ in overview.next_milestones][-1] == "R_G7"
    assert project_overview(project, TODAY, milestones=2).next_milestones[0][0].key == "R_G1"
