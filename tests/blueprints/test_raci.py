"""The RACI grid: edit, validation shown in the grid, CSV export."""

from crm_impl.operations.raci import raci_matrix


def _form(project, matrix):
    data = {f"version|{d.key}": d.version for d in project.deliverables}
    for key, row in matrix.items():
        for role, letter in row.items():
            data[f"{key}|{role}"] = letter
    return data


def test_grid_edit_validation_and_csv(client, login, user, load_sample, db):
    project = load_sample(user)
    login()
    page = client.get(f"/projects/{project.id}/raci/")
    assert page.status_code == 200 and 'data-testid="raci-grid"' in page.text
    assert page.text.count("<select") == len(project.deliverables) * 10

    matrix = raci_matrix(project)
    matrix["P2.D1"] = {role: ("A" if role in ("E_PM", "E_SC") else letter) for role, letter in matrix["P2.D1"].items()}
    matrix["P2.D1"].update(E_PM="A", E_SC="A")
    refused = client.post(f"/projects/{project.id}/raci/", data=_form(project, matrix))
    assert refused.status_code == 422
    assert "P2.D1" in refused.text and 'class="table-danger" data-deliverable="P2.D1"' in refused.text

    matrix = raci_matrix(project)
    matrix["P2.D1"]["V_TC"] = "I"
    saved = client.post(f"/projects/{project.id}/raci/", data=_form(project, matrix))
    assert saved.status_code == 302
    db.expire_all()
    assert raci_matrix(project)["P2.D1"]["V_TC"] == "I"

    csv = client.get(f"/projects/{project.id}/raci/raci.csv")
    assert csv.status_code == 200 and csv.data.decode("utf-8-sig").startswith("deliverable,name,V_PM")


def test_the_grid_heads_its_columns_with_role_names_and_the_code_as_a_hint(client, login, user, load_sample):
    import re

    from crm_impl.methodology import roles

    project = load_sample(user)
    login()
    for language in ("en", "zh_Hans"):
        client.post(f"/language/{language}", data={"next": "/projects/"})
        page = client.get(f"/projects/{project.id}/raci/")
        heads = re.findall(r'<th class="text-center small" title="([A-Z_]+)" data-role="\1">([^<]+)</th>', page.text)
        names = {role.id: role.label(language) for role in roles()}
        assert len(heads) == 10 and heads == [(code, names[code]) for code, _ in heads], heads
        assert ("V_TC", "Technical consultant" if language == "en" else "技术顾问") in heads
        # The cells' selects are named for screen readers the same way: deliverable and role name.
        assert f'aria-label="P2.D1 {names["V_TC"]}"' in page.text
