from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import format_date, gettext as _

from crm_impl.operations.overview import project_overview
from crm_impl.errors import TaskTableError
from crm_impl.operations.plan import (
    add_task, delete_task, predecessor_notations, progress_as_planned, reschedule_task, update_phase, update_task,
)
from crm_impl.operations.task_table import import_task_table
from blueprints.access import Action, one_of, project_view
from blueprints.database import get_db
from blueprints.kit import ActionForm, act, form_messages, form_status, phase_choices, render_form, save_edit, submit
from blueprints.plan import bp
from blueprints.plan.forms import PhaseForm, ProgressAsPlannedForm, QuickEditForm, TableImportForm, TaskForm


def _with_draft(form, operation):
    """Run ``operation(*args, form.draft())``: the predecessor notation is parsed inside the
    submission, so its errors show on the field."""
    return lambda *args: operation(*args, form.draft())


def _table(project, row_errors=None, status=200, typed=None, table_form=None, table_problems=(), update_form=None):
    """The task table; a refused row keeps what was typed in it (``typed``) beside its reasons."""
    summary = project_overview(project, today=date.today())
    if update_form is None:
        update_form = ProgressAsPlannedForm(formdata=None)
        update_form.status_date.data = date.today()
    return render_template(
        "plan/index.html", project=project, summary=summary,
        predecessors=predecessor_notations(project), row_errors=row_errors or {}, typed=typed or {},
        table_form=table_form or TableImportForm(formdata=None), table_problems=table_problems,
        update_form=update_form,
    ), status


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    return _table(project)


@bp.post("/import-table")
@project_view(Action.EDIT)
def import_table(project):
    form = TableImportForm()
    if not form.validate_on_submit():
        return _table(project, status=422, table_form=form)
    session = get_db()
    try:
        result = import_task_table(session, project, form.file.data.filename or "", form.file.data.read())
        session.commit()
    except TaskTableError as error:
        session.rollback()
        return _table(project, status=422, table_form=form, table_problems=error.problems)
    flash(_("Task table read: %(added)s tasks added, %(updated)s updated, %(untouched)s left as they were.",
            added=len(result.added), updated=len(result.updated), untouched=result.untouched), "success")
    return redirect(url_for("plan.index", project_id=project.id))


@bp.post("/progress-as-planned")
@project_view(Action.EDIT)
def update_progress(project):
    form = ProgressAsPlannedForm()
    outcome = form.validate_on_submit() and submit(form, progress_as_planned, project, form.status_date.data)
    if not outcome:
        return _table(project, status=422, update_form=form)
    flash(_("Progress reported as planned up to %(date)s: %(count)s tasks updated; the status date is now %(date)s.",
            date=format_date(form.status_date.data), count=len(outcome.result)), "success")
    return redirect(url_for("plan.index", project_id=project.id))


@bp.post("/tasks/<int:task_id>/quick")
@project_view(Action.EDIT)
def quick_edit(project, task_id: int):
    """Save a row of the task table (duration, predecessors) and show the recomputed plan."""
    task = one_of(project.tasks, task_id)
    form = QuickEditForm()
    outcome = form.validate_on_submit() and submit(
        form, reschedule_task, project, task, form.expected_version(), form.duration.data, form.predecessors.data or ""
    )
    if outcome:
        flash(_("Task %(id)s saved; the schedule is recomputed.", id=task.key), "success")
        return redirect(url_for("plan.index", project_id=project.id, _anchor=f"task-{task.id}"))
    # One line per problem (a field's reason and the form's can be the same words).
    messages = list(dict.fromkeys(form_messages(form)))
    typed = {task.id: {"duration": request.form.get("duration", ""), "predecessors": request.form.get("predecessors", "")}}
    return _table(project, {task.id: messages}, status=form_status(form, outcome), typed=typed)


@bp.route("/tasks/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def new_task(project):
    form = TaskForm(phases=phase_choices(project))
    if request.method == "GET" and request.args.get("phase"):
        form.phase_key.data = request.args["phase"]
    outcome = form.validate_on_submit() and submit(form, _with_draft(form, add_task), get_db(), project)
    if outcome:
        flash(_("Task added."), "success")
        return redirect(url_for("plan.index", project_id=project.id))
    return render_form("plan/task.html", form, outcome, project=project, task=None)


@bp.route("/tasks/<int:task_id>", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit_task(project, task_id: int):
    task = one_of(project.tasks, task_id)
    phases = phase_choices(project)
    form = TaskForm(phases=phases) if request.method == "POST" else TaskForm.of(task, phases)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: TaskForm.of(task, phases), _with_draft(form, update_task), project, task, form.expected_version()
    )
    if outcome:
        flash(_("Task saved."), "success")
        return redirect(url_for("plan.index", project_id=project.id))
    return render_form("plan/task.html", form, outcome, project=project, task=task)


@bp.post("/tasks/<int:task_id>/delete")
@project_view(Action.EDIT)
def remove_task(project, task_id: int):
    task = one_of(project.tasks, task_id)
    key = task.key
    act(ActionForm(), lambda made: _deleted(key, made), delete_task, get_db(), project, task,
        request.form.get("reconnect", "1") == "1")
    return redirect(url_for("plan.index", project_id=project.id))


def _deleted(key: str, made: list[tuple[str, str]]) -> str:
    """What the deletion did to the chain, said plainly."""
    if not made:
        return _("Task %(key)s deleted.", key=key)
    return _("Task %(key)s deleted; its predecessors now lead to its successors: %(links)s.", key=key,
             links=", ".join(f"{a} → {b}" for a, b in made))


@bp.route("/phases/<int:phase_id>", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit_phase(project, phase_id: int):
    phase = one_of(project.phases, phase_id)
    form = PhaseForm() if request.method == "POST" else PhaseForm.of(phase)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: PhaseForm.of(phase), update_phase, phase, form.expected_version(), form.name.data,
        form.name_zh.data or "",
    )
    if outcome:
        flash(_("Phase saved."), "success")
        return redirect(url_for("plan.index", project_id=project.id))
    return render_form("plan/phase.html", form, outcome, project=project, phase=phase)
