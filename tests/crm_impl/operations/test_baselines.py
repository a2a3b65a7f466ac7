from datetime import date

import pytest

from crm_impl.operations.baselines import baseline_variance, delete_baseline, project_earned_value, save_baseline
from crm_impl.errors import ValidationError
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


def test_a_slip_shows_as_variance_against_the_saved_baseline(db, user, load_sample):
    project = load_sample(user, RETAIL)
    baseline = save_baseline(db, project, "Kickoff", today=project.start_date)
    assert len(baseline.tasks) == len(project.tasks)
    with pytest.raises(ValidationError, match="exists already"):
        save_baseline(db, project, "Kickoff")
    poc = next(t for t in project.tasks if t.key == "R05")
    poc.duration = 18  # the POC, on the critical path, takes three days longer
    rows = {row.key: row for row in baseline_variance(project, baseline, project.start_date)}
    assert rows["R05"].start_variance == 0 and rows["R05"].finish_variance == 3
    assert rows["R_G7"].finish_variance == 3  # the slip reaches the closure gate
    assert rows["R06"].finish_variance == 0  # the business case runs beside the POC, with slack


def test_earned_value_of_the_sample_against_its_approved_baseline(db, user, load_sample):
    project = load_sample(user, RETAIL)
    (baseline,) = project.baselines  # "Approved plan (G2)" ships with the sample
    for task in project.tasks:
        if task.phase.key == "P1":
            task.progress, task.actual_cost = 100, task.budget * 1.25
    # At the end of P1's baseline (G1 on 25 April 2025) all of P1 was planned and all is done.
    result = project_earned_value(project, baseline, date(2025, 4, 25))
    p1_budget = sum(t.budget for t in project.tasks if t.phase.key == "P1")
    assert result.ev == pytest.approx(p1_budget)
    assert result.cpi == pytest.approx(0.8)
    assert result.bac == pytest.approx(sum(t.budget for t in project.tasks))
    assert result.pv >= p1_budget  # P2 may already have started by then


def test_deleting_a_baseline(db, user, load_sample):
    project = load_sample(user, RETAIL)
    baseline = save_baseline(db, project, "Re-plan")
    delete_baseline(db, project, baseline)
    db.flush()
    assert [b.name for b in project.baselines] == ["Approved plan (G2)"]
