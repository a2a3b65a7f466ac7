from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _
from flask_login import current_user, login_required

from crm_impl.errors import ProjectFileError
from crm_impl.methodology.catalogue import list_templates
from crm_impl.operations.overview import project_overview
from crm_impl.operations.exchange import read_upload
from crm_impl.projectfile import dumps, export_project, import_project
from crm_impl.operations.audit import audit_page
from crm_impl.operations.portfolio import RAG_ORDER, SORTS, portfolio
from crm_impl.tracking.rag import AREAS, area_label, rag_label
from crm_impl.operations.vendors import readable_export
from crm_impl.operations.projects import create_project, delete_project, projects_of, set_archived, update_project
from blueprints.access import Action, project_view
from blueprints.database import get_db
from blueprints.extensions import cache
from blueprints.kit import ActionForm, act, download, file_stem, render_form, save_edit, submit
from blueprints.members.forms import ROLE_LABELS
from blueprints.projects import bp
from blueprints.projects.forms import AuditFilterForm, DeleteForm, ImportForm, ProjectForm


def _template_choices() -> list[tuple[str, str]]:
    locale = str(get_locale())
    return [(t.id, t.label(locale)) for t in list_templates()]


@bp.get("/")
@login_required
def index():
    archived = request.args.get("archived") == "1"
    search = request.args.get("q", "")[:200]
    listing = projects_of(get_db(), current_user, archived=archived, search=search,
                          page=request.args.get("page", 1, type=int))
    return render_template("projects/index.html", listing=listing, archived=archived, search=search,
                           role_labels=ROLE_LABELS)


@bp.get("/portfolio")
@login_required
def portfolio_page():
    """Every project's steering status side by side: sortable, filterable by status and text."""
    search, rag, sort = request.args.get("q", "")[:200], request.args.get("rag", ""), request.args.get("sort", "status")
    rows = portfolio(get_db(), current_user, date.today(), search=search, rag=rag, sort=sort, cache=cache)
    return render_template("projects/portfolio.html", rows=rows, search=search, rag=rag,
                           sort=sort if sort in SORTS else "status", sorts=SORTS, areas=AREAS,
                           rag_labels={r: rag_label(r, str(get_locale())) for r in RAG_ORDER},
                           area_labels={a: area_label(a, str(get_locale())) for a in AREAS})


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    form = ProjectForm(templates=_template_choices())
    if request.method == "GET":
        form.start_date.data = date.today()
    outcome = form.validate_on_submit() and submit(form, create_project, get_db(), current_user, form.draft())
    if outcome:
        flash(_("Project created with the plan of its methodology template."), "success")
        return redirect(url_for("projects.overview", project_id=outcome.result.id))
    return render_form("projects/new.html", form, outcome)


@bp.route("/import", methods=["GET", "POST"])
@login_required
def upload():
    form = ImportForm()
    problems = []
    if form.validate_on_submit():
        session = get_db()
        try:
            document = read_upload(form.file.data.filename or "", form.file.data.read())
            project = import_project(session, current_user, document)
            session.commit()
        except ProjectFileError as error:
            session.rollback()
            problems = error.problems
        else:
            flash(_("Project imported."), "success")
            return redirect(url_for("projects.overview", project_id=project.id))
    status = 422 if problems or form.errors else 200
    return render_template("projects/import.html", form=form, problems=problems), status


@bp.get("/<int:project_id>/")
@project_view(Action.VIEW)
def overview(project):
    summary = project_overview(project, today=date.today())
    return render_template("projects/overview.html", project=project, summary=summary)


@bp.route("/<int:project_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit(project):
    form = ProjectForm() if request.method == "POST" else ProjectForm.of(project)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: ProjectForm.of(project), update_project, project, form.expected_version(), form.draft()
    )
    if outcome:
        flash(_("Project settings saved."), "success")
        return redirect(url_for("projects.overview", project_id=project.id))
    return render_form("projects/edit.html", form, outcome, project=project)


@bp.post("/<int:project_id>/archive")
@project_view(Action.ARCHIVE)
def archive(project):
    archived = request.form.get("archived", "1") == "1"
    act(ActionForm(), _("Project archived.") if archived else _("Project restored."), set_archived, project, archived)
    return redirect(url_for("projects.overview", project_id=project.id))


@bp.route("/<int:project_id>/delete", methods=["GET", "POST"])
@project_view(Action.DELETE)
def delete(project):
    form = DeleteForm()
    outcome = form.validate_on_submit() and submit(form, delete_project, get_db(), project, form.confirmation.data)
    if outcome:
        flash(_("Project deleted."), "success")
        return redirect(url_for("projects.index"))
    return render_form("projects/delete.html", form, outcome, project=project)


@bp.get("/<int:project_id>/export.json")
@project_view(Action.VIEW)
def export(project):
    document = readable_export(export_project(project), project, current_user)
    return download(dumps(document), f"{file_stem(project)}.json", "application/json")


@bp.get("/<int:project_id>/audit")
@project_view(Action.VIEW)
def audit_trail(project):
    form = AuditFilterForm(formdata=request.args)
    trail = audit_page(get_db(), project, form.filters(), page=form.page.data or 1, locale=get_locale())
    form.set_choices(trail)
    return render_template("projects/audit.html", project=project, trail=trail, form=form)
