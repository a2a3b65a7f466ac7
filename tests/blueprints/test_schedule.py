"""Schedule pages: charts load plotly.js from the app; bad simulation input is a form error."""


def test_schedule_pages_render_with_the_apps_plotly(client, login, user, load_sample):
    project = load_sample(user)
    login()
    for view in ("gantt", "network", "resources", "monte-carlo"):
        page = client.get(f"/projects/{project.id}/schedule/{view}")
        assert page.status_code == 200, view
        assert 'src="/assets/plotly.min.js"' in page.text
        assert "cdn.plot.ly" not in page.text and "Plotly.newPlot" in page.text


def test_monte_carlo_reads_its_parameters_and_refuses_bad_ones(client, login, user, load_sample):
    project = load_sample(user)
    login()
    page = client.get(f"/projects/{project.id}/schedule/monte-carlo?iterations=1000&seed=5&distribution=pert&target=2025-12-01")
    assert page.status_code == 200 and "seed 5" in page.text
    bad = client.get(f"/projects/{project.id}/schedule/monte-carlo?iterations=10&distribution=normal&target=soon")
    assert bad.status_code == 422
    assert "Number must be between 100 and 100000." in bad.text
    assert "Not a valid date value." in bad.text
