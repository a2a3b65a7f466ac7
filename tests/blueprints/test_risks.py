"""Risk register pages: the table with zone colours, the heat map, add/edit/delete."""

from blueprints.assets import plotly_version
from crm_impl.models import Risk
from crm_impl.charts.risks import ZONE_COLORS


def test_register_shows_scores_zones_and_the_heat_map(client, login, user, load_sample):
    project = load_sample(user)
    login()
    page = client.get(f"/projects/{project.id}/risks/")
    assert page.status_code == 200
    assert "RISK-01" in page.text and "RISK-12" in page.text
    assert f"background-color: {ZONE_COLORS['red']}" in page.text  # RISK-02 scores 15
    assert 'src="/assets/plotly-%s.min.js"' % plotly_version() in page.text and "Plotly.newPlot" in page.text
    assert "cdn.plot.ly" not in page.text
    client.post("/language/zh_Hans", data={"next": "/projects/"})
    chinese = client.get(f"/projects/{project.id}/risks/")
    assert "缺乏专门的项目主管" in chinese.text


def test_add_edit_and_delete_a_risk(client, login, user, load_sample, db):
    project = load_sample(user)
    login()
    url = f"/projects/{project.id}/risks"
    form = {"title": "Key user leaves", "probability": "4", "impact": "5", "residual_probability": "2",
            "residual_impact": "3", "status": "open", "linked_tasks": "A07, A08", "delay_days": "5"}
    assert client.post(f"{url}/new", data=form).status_code == 302
    risk = db.query(Risk).filter_by(project_id=project.id, key="RISK-13").one()
    assert (risk.score, risk.linked_tasks, risk.delay_days) == (20, ["A07", "A08"], 5)
    page = client.get(f"{url}/")
    assert "Key user leaves" in page.text and "+5" in page.text

    bad = client.post(f"{url}/{risk.id}/edit", data=form | {"linked_tasks": "A07, NOPE", "version": risk.version})
    assert bad.status_code == 422 and "unknown task" in bad.text
    half = client.post(f"{url}/{risk.id}/edit", data=form | {"residual_impact": "", "version": risk.version})
    assert half.status_code == 422 and "both residual values" in half.text
    stale = client.post(f"{url}/{risk.id}/edit", data=form | {"version": risk.version - 1})
    assert stale.status_code == 409
    ok = client.post(f"{url}/{risk.id}/edit", data=form | {"status": "closed", "version": risk.version})
    assert ok.status_code == 302
    db.expire_all()
    assert db.get(Risk, risk.id).status.value == "closed"

    edit_page = client.get(f"{url}/{risk.id}/edit")
    assert edit_page.status_code == 200 and 'value="A07, A08"' in edit_page.text
    risk_id = risk.id
    assert client.post(f"{url}/{risk_id}/delete").status_code == 302
    db.expire_all()
    assert db.get(Risk, risk_id) is None
    assert client.post(f"{url}/typical").status_code == 302  # nothing missing: adds none


def test_risks_of_another_project_are_out_of_reach(client, login, user, make_user, load_sample):
    project = load_sample(user)
    other = load_sample(make_user("other@example.com"))
    login()
    assert client.get(f"/projects/{project.id}/risks/{other.risks[0].id}/edit").status_code == 404
