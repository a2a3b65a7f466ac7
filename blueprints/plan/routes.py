from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _

from crm_impl.operations.overview import project_overview
from crm_impl.operations.plan import add_task, delete_task, predecessor_notations, reschedule_task, update_phase, update_task
from blueprints.access import Action, one_of, project_view
from blueprints.database import get_db
from blueprints.forms import is_stale, refreshed, refusal_status, render_form, submit
from blueprints.plan import bp
from blueprints.plan.forms import PhaseForm, QuickEditForm, TaskForm
from blueprints.projects.forms import ActionForm


def _phase_choices(project) -> list[tuple[str, str]]:
    zh = str(get_locale()).startswith("zh")
    return [(p.key, f"{p.key} · {(p.name_zh if zh and p.name_zh else p.name)}") for p in project.phases]


def _save_task(form, operation, *args) -> bool:
    """Parse the predecessor notation inside the submission so its errors show on the field."""
    def run():
        return operation(*args, form.draft())

    return submit(form, run)


def _table(project, row_errors=None, status=200):
    summary = project_overview(project, today=date.today())
    return render_template(
        "plan/index.html", project=project, summary=summary,
        predecessors=predecessor_notations(project), row_errors=row_errors or {},
    ), status


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    return _table(project)


@bp.post("/tasks/<int:task_id>/quick")
@project_view(Action.EDIT)
def quick_edit(project, task_id: int):
    """Save a row of the task table (duration, predecessors) and show the recomputed plan."""
    task = one_of(project.tasks, task_id)
    form = QuickEditForm()
    if form.validate_on_submit() and submit(
        form, reschedule_task, project, task, form.expected_version(), form.duration.data, form.predecessors.data or ""
    ):
        flash(_("Task %(id)s saved; the schedule is recomputed.", id=task.key), "success")
        return redirect(url_for("plan.index", project_id=project.id, _anchor=f"task-{task.id}"))
    messages = list(form.form_errors) + [str(e) for errors in form.errors.values() for e in errors]
    return _table(project, {task.id: messages}, status=refusal_status(form))


@bp.route("/tasks/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def new_task(project):
    form = TaskForm(phases=_phase_choices(project))
    if request.method == "GET" and request.args.get("phase"):
        form.phase_key.data = request.args["phase"]
    if form.validate_on_submit() and _save_task(form, add_task, get_db(), project):
        flash(_("Task added."), "success")
        return redirect(url_for("plan.index", project_id=project.id))
    return render_form("plan/task.html", form, project=project, task=None)


@bp.route("/tasks/<int:task_id>", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit_task(project, task_id: int):
    task = one_of(project.tasks, task_id)
    phases = _phase_choices(project)
    form = TaskForm(phases=phases) if request.method == "POST" else TaskForm.of(task, phases)
    if form.validate_on_submit():
        if _save_task(form, update_task, project, task, form.expected_version()):
            flash(_("Task saved."), "success")
            return redirect(url_for("plan.index", project_id=project.id))
        if is_stale(form):
            form = refreshed(form, TaskForm.of(task, phases))
    return render_form("plan/task.html", form, project=project, task=task)


@bp.post("/tasks/<int:task_id>/delete")
@project_view(Action.EDIT)
def remove_task(project, task_id: int):
    task = one_of(project.tasks, task_id)
    if ActionForm().validate_on_submit():
        delete_task(get_db(), project, task)
        get_db().commit()
        flash(_("Task deleted."), "success")
    return redirect(url_for("plan.index", project_id=project.id))


@bp.route("/phases/<int:phase_id>", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit_phase(project, phase_id: int):
    phase = one_of(project.phases, phase_id)
    fresh = lambda: PhaseForm(formdata=None, obj=phase)  # noqa: E731
    form = PhaseForm() if request.method == "POST" else fresh()
    if form.validate_on_submit():
        if submit(form, update_phase, phase, form.expected_version(), form.name.data, form.name_zh.data or ""):
            flash(_("Phase saved."), "success")
            return redirect(url_for("plan.index", project_id=project.id))
        if is_stale(form):
            form = refreshed(form, fresh())
    return render_form("plan/phase.html", form, project=project, phase=phase)
