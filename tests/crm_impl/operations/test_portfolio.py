"""The portfolio: each row equals its project's dashboard; filters, sorts, and recomputes only
what changed."""

from datetime import date

from cachelib import SimpleCache

from crm_impl.operations import portfolio as portfolio_module
from crm_impl.operations.portfolio import portfolio
from crm_impl.operations.status import project_dashboard
from tests.conftest import SAMPLES

TODAY = date(2025, 9, 1)


def _projects(db, user, load_sample, make_user):
    projects = [load_sample(user, path) for path in SAMPLES]
    projects[0].status_date = projects[0].start_date  # just started: on plan
    other = make_user("other@example.com")
    load_sample(other)  # someone else's: never listed
    db.commit()
    return projects


def test_every_row_equals_its_projects_dashboard(db, user, load_sample, make_user):
    projects = _projects(db, user, load_sample, make_user)
    rows = {row.project_id: row for row in portfolio(db, user, TODAY)}
    assert set(rows) == {p.id for p in projects}
    for project in projects:
        dashboard, row = project_dashboard(db.get(type(project), project.id), TODAY), rows[project.id]
        assert row.overall == dashboard.status.overall
        assert row.areas == {a.area: a.rag for a in dashboard.status.areas}
        assert (row.forecast_finish, row.target_finish, row.slip_days) == (
            dashboard.forecast_finish, dashboard.target_finish, dashboard.facts.schedule_slip_days)
        assert row.progress == dashboard.overview.progress
        assert row.open_changes == dashboard.facts.open_change_requests
        assert row.high_risks == sum(s >= 15 for s in dashboard.facts.open_risk_scores)


def test_filters_and_sorts(db, user, load_sample, make_user):
    projects = _projects(db, user, load_sample, make_user)
    by_slip = portfolio(db, user, TODAY, sort="slip")
    assert [r.slip_days for r in by_slip] == sorted((r.slip_days for r in by_slip), reverse=True)
    assert by_slip[-1].project_id == projects[0].id  # the one just started slips least
    assert [r.title for r in portfolio(db, user, TODAY, sort="title")] == sorted(p.title for p in projects)
    red = portfolio(db, user, TODAY, rag="red")
    assert red and all(r.overall == "red" for r in red)
    assert [r.project_id for r in portfolio(db, user, TODAY, search=projects[2].code)] == [projects[2].id]
    assert portfolio(db, user, TODAY, sort="nonsense")  # an unknown order is the default one


def test_a_cached_portfolio_recomputes_only_the_project_that_changed(db, user, load_sample, make_user, monkeypatch):
    projects = _projects(db, user, load_sample, make_user)
    computed = []
    real = portfolio_module.project_dashboard
    monkeypatch.setattr(portfolio_module, "project_dashboard", lambda p, *a: computed.append(p.id) or real(p, *a))
    cache = SimpleCache()
    portfolio(db, user, TODAY, cache=cache)
    assert sorted(computed) == sorted(p.id for p in projects)
    computed.clear()
    portfolio(db, user, TODAY, cache=cache)
    assert computed == []
    changed = db.get(type(projects[1]), projects[1].id)
    changed.tasks[0].progress = 50  # recorded in the audit trail: a new stamp
    db.commit()
    rows = {r.project_id: r for r in portfolio(db, user, TODAY, cache=cache)}
    assert computed == [projects[1].id] and rows[projects[1].id].progress > 0
