import pytest

from crm_impl.errors import StaleEditError, ValidationError
from crm_impl.operations.raci import project_raci_csv, raci_matrix, raci_problems, save_raci


def _versions(project):
    return {d.key: d.version for d in project.deliverables}


def test_grid_saves_and_moves_the_deliverable_version(db, user, load_sample):
    project = load_sample(user)
    matrix = raci_matrix(project)
    assert raci_problems(matrix) == []
    matrix["P1.D1"] = {"E_SC": "A", "E_PM": "R", "V_BC": "C"}
    before = project.deliverables[0].version
    save_raci(project, matrix, _versions(project))
    db.commit()
    db.expire_all()
    assert raci_matrix(project)["P1.D1"] == {"E_SC": "A", "E_PM": "R", "V_BC": "C"}
    assert project.deliverables[0].version == before + 1


@pytest.mark.parametrize("row", [{"E_PM": "R"}, {"E_SC": "A", "E_PM": "A", "E_SIG": "R"}])
def test_zero_or_two_accountables_are_refused_and_nothing_changes(db, user, load_sample, row):
    project = load_sample(user)
    original = raci_matrix(project)
    matrix = {**original, "P1.D1": row}
    assert [p.deliverable for p in raci_problems(matrix)] == ["P1.D1"]
    with pytest.raises(ValidationError, match="P1.D1"):
        save_raci(project, matrix, _versions(project))
    db.rollback()
    db.expire_all()
    assert raci_matrix(project) == original


def test_stale_grid_is_refused(db, user, load_sample):
    project = load_sample(user)
    versions = _versions(project)
    matrix = raci_matrix(project)
    matrix["P1.D1"]["V_PM"] = "I"
    save_raci(project, matrix, versions)
    db.commit()
    matrix["P1.D1"]["V_PM"] = "C"
    with pytest.raises(StaleEditError):
        save_raci(project, matrix, versions)


def test_csv_has_a_row_per_deliverable_and_a_column_per_role(db, user, load_sample):
    project = load_sample(user)
    lines = project_raci_csv(project).splitlines()
    assert lines[0].startswith("deliverable,name,V_PM") and lines[0].count(",") == 11
    assert len(lines) == len(project.deliverables) + 1
