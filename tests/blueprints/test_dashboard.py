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
