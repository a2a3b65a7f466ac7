from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from crm_impl.operations.raci import project_raci_csv, raci_matrix, raci_problems, role_columns, save_raci
from crm_impl.tracking.raci import LETTERS
from blueprints.access import Action, project_view
from blueprints.kit import ActionForm, download, file_stem, form_status, submit
from blueprints.raci import bp


def _grid(project, matrix, form, status=200):
    problems = raci_problems(matrix)
    return render_template(
        "raci/index.html", project=project, matrix=matrix, columns=role_columns(), letters=LETTERS,
        problems=problems,
        bad_rows={p.deliverable for p in problems}, form=form,
    ), status


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    return _grid(project, raci_matrix(project), ActionForm(formdata=None))


@bp.post("/")
@project_view(Action.EDIT)
def save(project):
    form = ActionForm()
    columns = role_columns()
    # The grid posts one select per cell, named "<deliverable>|<role>", and one version per row.
    matrix = {
        d.key: {role: request.form.get(f"{d.key}|{role}", "") for role in columns} for d in project.deliverables
    }
    versions = {d.key: request.form.get(f"version|{d.key}", type=int) for d in project.deliverables}
    outcome = form.validate_on_submit() and submit(form, save_raci, project, matrix, versions)
    if outcome:
        flash(_("RACI matrix saved."), "success")
        return redirect(url_for("raci.index", project_id=project.id))
    status = form_status(form, outcome)
    shown = raci_matrix(project) if status == 409 else {k: {r: v for r, v in row.items() if v} for k, row in matrix.items()}
    return _grid(project, shown, form, status)


@bp.get("/raci.csv")
@project_view(Action.VIEW)
def export_csv(project):
    return download(project_raci_csv(project), f"{file_stem(project)}-raci.csv", "text/csv")
