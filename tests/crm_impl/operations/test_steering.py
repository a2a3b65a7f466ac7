"""What the steering committee reviews: phase progress against the baseline, risk trends from
the audit trail, the decisions required and the next period's work."""

from __future__ import annotations

from datetime import date, timedelta

from crm_impl.operations.baselines import steering_baseline
from crm_impl.operations.changes import ChangeDraft, submit_change
from crm_impl.operations.planning import forecast_schedule, plan_schedule
from crm_impl.operations.steering import decisions_required, next_period_work, phase_progress, risk_trends


def test_phase_progress_is_nothing_before_the_baseline_and_everything_after_it(db, user, load_sample):
    project = load_sample(user)
    baseline = steering_baseline(project)
    assert baseline is not None
    first = min(t.start for t in baseline.tasks)
    last = max(t.finish for t in baseline.tasks)
    before = phase_progress(project, baseline, first - timedelta(days=7))
    after = phase_progress(project, baseline, last + timedelta(days=7))
    assert [p.planned for p in before] == [0.0] * len(project.phases)
    assert [p.planned for p in after] == [1.0] * len(project.phases)
    assert all(p.variance == p.actual - 1.0 for p in after)
    # Half-way the first phase is partly planned, and none is more than fully planned.
    middle = phase_progress(project, baseline, first + (last - first) / 2)
    assert middle[0].planned == 1.0 and 0 < sum(p.planned for p in middle) < len(project.phases)
    assert [p.planned for p in phase_progress(project, None, last)] == [None] * len(project.phases)


def test_a_risk_raised_in_the_period_is_rising_and_steady_before_it(db, user, load_sample):
    project = load_sample(user)
    risk = next(r for r in project.risks if r.probability < 5)
    was = risk.score
    risk.probability += 1
    db.commit()
    today = date.today()
    trends = risk_trends(project, today - timedelta(days=1))
    assert (trends[risk.key].previous, trends[risk.key].score, trends[risk.key].direction) == (
        was, risk.probability * risk.impact, "up")
    # Measured from today on, the change is already in the past: nothing moved since.
    assert risk_trends(project, today)[risk.key].direction == "steady"
    others = [t for key, t in trends.items() if key != risk.key]
    assert others and all(t.direction == "steady" for t in others)


def test_decisions_are_open_changes_then_gates_due_by_the_horizon(db, user, load_sample):
    project = load_sample(user)
    change = submit_change(db, project, ChangeDraft(title="Dealer portal"))
    db.commit()
    start = project.start_date
    decisions = decisions_required(project, start, start + timedelta(days=3650))
    assert decisions[0].kind == "change" and decisions[0].key == f"CR-{change.number}"
    gates = [d for d in decisions if d.kind == "gate"]
    assert [d.key for d in gates] == [g.gate_id for g in project.gates if g.decision is None]
    assert decisions_required(project, start, start - timedelta(days=1)) == decisions[:1]
    assert "Dealer portal" in decisions[0].text.render("en")


def test_next_period_holds_the_unfinished_work_of_the_window(db, user, load_sample):
    project = load_sample(user)
    # Three weeks before the planned end the last phase's work is still to do, however far
    # the sample's own progress has got.
    day = plan_schedule(project).finish - timedelta(days=21)
    forecast = forecast_schedule(project, day)
    work = next_period_work(forecast, day, day + timedelta(days=14))
    assert work and all(t.start <= day + timedelta(days=14) and t.finish >= day for t in work)
    assert all(t.task.progress < 100 for t in work)
    assert [t.start for t in work] == sorted(t.start for t in work)
