"""The steering dashboard page: RAG per area with the thresholds written on the page."""

from tests.conftest import SAMPLES


def test_dashboard_shows_rag_thresholds_and_kpis(client, login, user, load_sample):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    login()
    page = client.get(f"/projects/{project.id}/status/?date=2025-04-01")
    assert page.status_code == 200
    for area in ("schedule", "cost", "scope", "risk", "people", "kpi"):
        assert f'data-area="{area}"' in page.text
    assert "green ≤ 5, amber ≤ 15, red &gt; 15" in page.text  # the schedule thresholds, on the page
    assert 'data-testid="kpis"' in page.text and "Approved plan (G2)" in page.text
    assert client.get(f"/projects/{project.id}/status/?date=not-a-date").status_code == 200  # falls back to today


def test_a_kpi_measurement_is_entered_on_the_status_page(client, login, user, make_user, load_sample, db):
    from crm_impl.models import MemberRole
    from crm_impl.operations.members import add_member

    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    make_user("viewer@example.com")
    add_member(db, project, "viewer@example.com", MemberRole.VIEWER)
    db.commit()
    login()
    url = f"/projects/{project.id}/status/"
    assert 'data-testid="measure"' in client.get(url).text
    saved = client.post(url + "kpis", data={"kpi": "training_coverage", "value": "92.5", "measured_on": "2025-10-01"})
    assert saved.status_code == 302
    page = client.get(url).text
    assert 'data-kpi="training_coverage"' in page and "92.5%" in page
    db.expire_all()
    target = next(t for t in db.get(type(project), project.id).kpi_targets if t.kpi == "training_coverage")
    assert target.actual == 0.925 and target.measurements[0].recorded_by == "pm@example.com"
    refused = client.post(url + "kpis", data={"kpi": "training_coverage", "value": "", "measured_on": "2025-10-01"})
    assert refused.status_code == 422 and "This field is required." in refused.text
    assert client.post(url + "kpis", data={"kpi": "nope", "value": "1", "measured_on": "2025-10-01"}).status_code == 422
    client.post("/auth/logout")
    login("viewer@example.com")
    assert 'data-testid="measure"' not in client.get(url).text
    assert client.post(url + "kpis", data={"kpi": "training_coverage", "value": "1", "measured_on": "2025-10-01"}).status_code == 403
