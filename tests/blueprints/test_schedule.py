"""Schedule pages: charts load plotly.js from the app; bad simulation input is a form error."""

from datetime import date

import pytest

from blueprints.assets import plotly_version
from tests.conftest import SAMPLES


def test_schedule_pages_render_with_the_apps_plotly(client, login, user, load_sample):
    project = load_sample(user)
    login()
    for view in ("gantt", "network", "resources", "monte-carlo"):
        page = client.get(f"/projects/{project.id}/schedule/{view}")
        assert page.status_code == 200, view
        assert 'src="/assets/plotly-%s.min.js"' % plotly_version() in page.text
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


def test_baselines_page_saves_compares_and_shows_earned_value(client, login, user, load_sample, db):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    login()
    page = client.get(f"/projects/{project.id}/schedule/baselines?status_date=2025-04-25")
    assert page.status_code == 200
    assert "Approved plan (G2)" in page.text and 'data-testid="earned-value"' in page.text
    assert "Planned value (PV)" in page.text

    saved = client.post(f"/projects/{project.id}/schedule/baselines", data={"name": "Re-plan after G3"})
    assert saved.status_code == 302
    again = client.post(f"/projects/{project.id}/schedule/baselines", data={"name": "Re-plan after G3"})
    assert again.status_code == 422 and "exists already" in again.text

    task = next(t for t in project.tasks if t.key == "R05")
    form = {"key": task.key, "phase_key": task.phase.key, "name": task.name, "duration": 18,
            "predecessors": "R04", "progress": 0, "version": str(task.version),
            "budget": "99000", "finish_no_later_than": "2025-04-20"}
    assert client.post(f"/projects/{project.id}/plan/tasks/{task.id}", data=form).status_code == 302
    db.expire_all()
    assert db.get(type(task), task.id).budget == 99000.0
    page = client.get(f"/projects/{project.id}/schedule/baselines?baseline={project.baselines[0].id}"
                      "&status_date=2025-03-03")
    assert "+3" in page.text  # the POC's three extra days against the approved plan

    gantt = client.get(f"/projects/{project.id}/schedule/gantt")
    assert gantt.status_code == 200 and "Baseline" in gantt.text
    assert client.get(f"/projects/{project.id}/schedule/gantt?baseline=999999").status_code == 404


def test_ms_project_xml_and_csv_downloads_and_xml_upload(client, login, user, load_sample, db):
    import io

    from crm_impl.models import Project
    from sqlalchemy import func, select

    project = load_sample(user)
    login()
    xml = client.get(f"/projects/{project.id}/schedule/plan.xml")
    assert xml.status_code == 200 and b"http://schemas.microsoft.com/project" in xml.data
    csv = client.get(f"/projects/{project.id}/schedule/tasks.csv")
    assert csv.status_code == 200
    lines = csv.data.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("id,") and len(lines) == len(project.tasks) + 1

    response = client.post("/projects/import", data={"file": (io.BytesIO(xml.data), "plan.xml")},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    assert db.scalar(select(func.count()).select_from(Project)) == 2
    # The steering baseline went out as MS Project's Baseline0 and is the copy's steering baseline.
    copy = db.scalar(select(Project).where(Project.id != project.id))
    [baseline] = copy.baselines
    original = next(b for b in project.baselines if b.steering)
    assert baseline.steering and baseline.name == "Baseline (MS Project)"
    assert [(t.task_key, t.start, t.finish, t.duration, t.budget) for t in baseline.tasks] == [
        (t.task_key, t.start, t.finish, t.duration, t.budget) for t in original.tasks]
    bad = client.post("/projects/import", data={"file": (io.BytesIO(b"<Project><Tasks>"), "bad.xml")},
                      content_type="multipart/form-data")
    assert bad.status_code == 422 and "Nothing was saved" in bad.text


@pytest.mark.parametrize("seed", [1, 7, 2024])
def test_percentile_dates_agree_on_the_page_the_chart_and_the_cli(client, login, user, load_sample, seed):
    """P50/P80/P90 finish dates: the page's cards, the chart's lines and ``crm-impl schedule --json``."""
    import json
    import re

    from click.testing import CliRunner

    from blueprints.cli_schedule import schedule_command
    from tests.conftest import SAMPLES

    login()
    for path in SAMPLES:
        project = load_sample(user, path)
        page = client.get(f"/projects/{project.id}/schedule/monte-carlo?iterations=2000&seed={seed}")
        assert page.status_code == 200
        cards = dict(re.findall(r'data-testid="(P\d\d)" data-date="([\d-]+)"', page.text))
        lines = {f"P{n}": day for n, day in re.findall(r'"text":"\\u003cb\\u003eP(\d\d)\\u003c\\u002fb\\u003e ([\d-]+)"', page.text)}
        result = CliRunner().invoke(schedule_command, [str(path), "--json", "--simulate", "2000", "--seed", str(seed),
                                                         "--status-date", date.today().isoformat()])
        assert result.exit_code == 0, result.stderr
        cli = {k.upper(): v for k, v in json.loads(result.stdout)["simulation"]["dates"].items()}
        assert set(cards) == {"P50", "P80", "P90"}
        assert cards == lines == cli, path.stem


def test_the_committee_chooses_its_baseline_and_the_dashboard_names_it(client, login, user, make_user, load_sample, db):
    from crm_impl.models import MemberRole
    from crm_impl.operations.members import add_member

    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    make_user("steer@example.com")
    make_user("consultant@example.com")
    add_member(db, project, "steer@example.com", MemberRole.STEERING)
    add_member(db, project, "consultant@example.com", MemberRole.CONSULTANT)
    db.commit()
    login("consultant@example.com")
    assert client.post(f"/projects/{project.id}/schedule/baselines", data={"name": "Re-plan"}).status_code == 302
    db.expire_all()
    replan = next(b for b in db.get(type(project), project.id).baselines if b.name == "Re-plan")
    page = client.get(f"/projects/{project.id}/schedule/baselines")
    assert 'data-testid="steering-baseline"' in page.text and "Measure the status against" not in page.text
    assert client.post(f"/projects/{project.id}/schedule/baselines/{replan.id}/steering").status_code == 403
    status = client.get(f"/projects/{project.id}/status/").text
    assert "“Approved plan (G2)”" in status

    client.post("/auth/logout")
    login("steer@example.com")
    assert "Measure the status against" in client.get(f"/projects/{project.id}/schedule/baselines").text
    assert client.post(f"/projects/{project.id}/schedule/baselines/{replan.id}/steering").status_code == 302
    assert "“Re-plan”" in client.get(f"/projects/{project.id}/status/").text
    trail = client.get(f"/projects/{project.id}/audit").text
    assert "steer@example.com" in trail
    # The steering baseline cannot be deleted while others exist.
    login("pm@example.com")
    client.post(f"/projects/{project.id}/schedule/baselines/{replan.id}/delete")
    db.expire_all()
    assert replan.id in [b.id for b in db.get(type(project), project.id).baselines]


def test_the_resource_page_of_a_project_without_a_team_says_what_to_do(client, login, user, load_sample, db):
    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    login()
    assert 'data-testid="chart"' in client.get(f"/projects/{project.id}/schedule/resources").text
    project.team.clear()
    db.commit()
    page = client.get(f"/projects/{project.id}/schedule/resources")
    assert page.status_code == 200 and 'data-testid="no-team"' in page.text and 'data-testid="chart"' not in page.text
    assert f"/projects/{project.id}/team/" in page.text
