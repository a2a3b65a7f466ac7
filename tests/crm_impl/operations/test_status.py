"""The steering dashboard's facts come from the project; the colours follow the thresholds."""

from datetime import date

from crm_impl.models import ChangeRequest, ChangeStatus
from crm_impl.operations.status import project_dashboard
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


def _poc(project):
    return next(t for t in project.tasks if t.key == "R05")


def test_schedule_area_turns_amber_just_past_five_days_of_slip(db, user, load_sample):
    project = load_sample(user, RETAIL)
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
