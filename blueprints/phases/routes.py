import mimetypes
from datetime import datetime, timezone

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _
from flask_login import current_user

from crm_impl.operations.phases import (
    PASSED,
    attach_file,
    complete_phase,
    due_dates,
    unfinished_tasks,
    decide_gate,
    gate_review,
    phase_rows,
    reopen,
    set_checks,
    set_phase_dates,
    sign_off,
    update_deliverable,
)
from blueprints.access import Action, one_of, project_view
from blueprints.kit import download, form_messages, form_status, role_choices, save_edit, submit
from blueprints.phases import bp
from blueprints.kit import ActionForm
from blueprints.phases.forms import (
    ChecksForm,
    CompleteForm,
    DecisionForm,
    DeliverableForm,
    PhaseDatesForm,
    UploadForm,
)


def _actor() -> str:
    return current_user.display_name or current_user.email


def _now() -> datetime:
    return datetime.now(timezone.utc)


# --- phases -----------------------------------------------------------------------------------


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    return render_template("phases/index.html", project=project, rows=phase_rows(project), due=due_dates(project))


def _phase_page(project, phase, status: int = 200, **forms):
    """The phase page; a refused form is passed in to show with its errors."""
    row = next(r for r in phase_rows(project) if r.phase is phase)
    forms.setdefault("dates_form", PhaseDatesForm(formdata=None, obj=phase))
    forms.setdefault("complete_form", CompleteForm.of(phase))
    forms.setdefault("button_errors", [])
    return render_template("phases/phase.html", project=project, row=row, due=due_dates(project),
                           open_tasks=unfinished_tasks(phase), **forms), status


@bp.get("/<int:phase_id>")
@project_view(Action.VIEW)
def phase(project, phase_id: int):
    return _phase_page(project, one_of(project.phases, phase_id))


@bp.post("/<int:phase_id>/dates")
@project_view(Action.EDIT)
def dates(project, phase_id: int):
    phase = one_of(project.phases, phase_id)
    form = PhaseDatesForm()
    outcome = form.validate_on_submit() and save_edit(form, lambda: PhaseDatesForm(formdata=None, obj=phase), lambda: set_phase_dates(
        phase, form.expected_version(), actual_start=form.actual_start.data, actual_finish=form.actual_finish.data
    ))
    if outcome:
        flash(_("Phase dates saved."), "success")
        return redirect(url_for("phases.phase", project_id=project.id, phase_id=phase.id))
    return _phase_page(project, phase, form_status(form, outcome), dates_form=form)


@bp.post("/<int:phase_id>/complete")
@project_view(Action.EDIT)
def complete(project, phase_id: int):
    phase = one_of(project.phases, phase_id)
    form = CompleteForm()
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: CompleteForm.of(phase), complete_phase, project, phase, form.expected_version(),
        form.actual_finish.data, form.finish_open_tasks.data,
    )
    if outcome:
        flash(_("Phase %(key)s is complete.", key=phase.key), "success")
        return redirect(url_for("phases.phase", project_id=project.id, phase_id=phase.id))
    return _phase_page(project, phase, form_status(form, outcome), complete_form=form)


# --- deliverables -----------------------------------------------------------------------------


def _deliverable_page(project, deliverable, status: int = 200, **forms):
    forms.setdefault("form", DeliverableForm.of(deliverable, role_choices()))
    forms.setdefault("upload_form", UploadForm(formdata=None, version=deliverable.version))
    return render_template("phases/deliverable.html", project=project, deliverable=deliverable, **forms), status


@bp.route("/deliverables/<int:deliverable_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit_deliverable(project, deliverable_id: int):
    deliverable = one_of(project.deliverables, deliverable_id)
    if request.method == "GET":
        return _deliverable_page(project, deliverable)
    form = DeliverableForm(roles=role_choices())
    outcome = form.validate_on_submit() and save_edit(form, lambda: DeliverableForm.of(deliverable, role_choices()), lambda: update_deliverable(
        deliverable, form.expected_version(), due_date=form.due_date.data, status=form.status.data,
        link=form.link.data or "", owner_role=form.owner_role.data,
    ))
    if outcome:
        flash(_("Deliverable %(key)s saved.", key=deliverable.key), "success")
        return redirect(url_for("phases.phase", project_id=project.id, phase_id=deliverable.phase_id))
    return _deliverable_page(project, deliverable, form_status(form, outcome), form=form)


@bp.post("/deliverables/<int:deliverable_id>/file")
@project_view(Action.EDIT)
def upload(project, deliverable_id: int):
    deliverable = one_of(project.deliverables, deliverable_id)
    form = UploadForm()
    outcome = form.validate_on_submit() and save_edit(form, lambda: UploadForm(formdata=None, version=deliverable.version), lambda: attach_file(
        deliverable, form.file.data.filename or "", form.file.data.read(), expected_version=form.expected_version()
    ))
    if outcome:
        flash(_("File %(name)s attached to %(key)s.", name=deliverable.file_name, key=deliverable.key), "success")
        return redirect(url_for("phases.phase", project_id=project.id, phase_id=deliverable.phase_id))
    return _deliverable_page(project, deliverable, form_status(form, outcome), upload_form=form)


@bp.get("/deliverables/<int:deliverable_id>/file")
@project_view(Action.VIEW)
def download_file(project, deliverable_id: int):
    deliverable = one_of(project.deliverables, deliverable_id)
    if not deliverable.file_name or deliverable.file_data is None:
        abort(404)
    mimetype = mimetypes.guess_type(deliverable.file_name)[0] or "application/octet-stream"
    return download(deliverable.file_data, deliverable.file_name, mimetype)


def _button(project, deliverable, operation, *args, done: str):
    """Run a sign-off button's operation; a refusal shows on the phase page (409 or 422)."""
    form = ActionForm()
    outcome = form.validate_on_submit() and submit(form, operation, deliverable, form.expected_version(), *args)
    if outcome:
        flash(done, "success")
        return redirect(url_for("phases.phase", project_id=project.id, phase_id=deliverable.phase_id,
                                _anchor=f"deliverable-{deliverable.id}"))
    return _phase_page(project, deliverable.phase, form_status(form, outcome), button_errors=form_messages(form))


@bp.post("/deliverables/<int:deliverable_id>/sign-off")
@project_view(Action.EDIT)
def sign(project, deliverable_id: int):
    deliverable = one_of(project.deliverables, deliverable_id)
    return _button(project, deliverable, sign_off, _actor(), _now(),
                   done=_("Deliverable %(key)s signed off.", key=deliverable.key))


@bp.post("/deliverables/<int:deliverable_id>/reopen")
@project_view(Action.EDIT)
def reopen_deliverable(project, deliverable_id: int):
    deliverable = one_of(project.deliverables, deliverable_id)
    return _button(project, deliverable, reopen, done=_("Deliverable %(key)s reopened.", key=deliverable.key))


# --- gates ------------------------------------------------------------------------------------


def _manual_criteria(review) -> list[tuple[str, str]]:
    """Criteria a reviewer ticks by hand: those without a measured value."""
    return [(c.key, c.text) for c in review.criteria if c.measured is None]


def _checks_form(project, gate, *, fresh: bool = False) -> ChecksForm:
    """The checklist form: from the request, or ``fresh`` from the gate as stored."""
    criteria = _manual_criteria(gate_review(project, gate, str(get_locale())))
    if not fresh:
        return ChecksForm(criteria=criteria)
    form = ChecksForm(formdata=None, version=gate.version, criteria=criteria)
    form.checks.data = [key for key, ticked in (gate.checks or {}).items() if ticked]
    return form


def _gate_page(project, gate, status: int = 200, **forms):
    review = gate_review(project, gate, str(get_locale()))
    forms.setdefault("checks_form", _checks_form(project, gate, fresh=True))
    forms.setdefault("decision_form", DecisionForm(formdata=None, version=gate.version))
    return render_template("phases/gate.html", project=project, gate=gate, review=review,
                           decided=gate.decision in PASSED, **forms), status


@bp.get("/gates/<int:gate_id>")
@project_view(Action.VIEW)
def gate(project, gate_id: int):
    return _gate_page(project, one_of(project.gates, gate_id))


@bp.post("/gates/<int:gate_id>/checks")
@project_view(Action.EDIT)
def checks(project, gate_id: int):
    gate = one_of(project.gates, gate_id)
    form = _checks_form(project, gate)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: _checks_form(project, gate, fresh=True), set_checks, gate, form.expected_version(),
        {key: True for key in form.checks.data or []},
    )
    if outcome:
        flash(_("Checklist of gate %(gate)s saved.", gate=gate.gate_id), "success")
        return redirect(url_for("phases.gate", project_id=project.id, gate_id=gate.id))
    return _gate_page(project, gate, form_status(form, outcome), checks_form=form)


@bp.post("/gates/<int:gate_id>/decision")
@project_view(Action.EDIT)
def decide(project, gate_id: int):
    gate = one_of(project.gates, gate_id)
    form = DecisionForm()
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: DecisionForm(formdata=None, version=gate.version), decide_gate, project, gate,
        form.expected_version(), form.decision.data, form.conditions.data or "", _actor(), _now(),
    )
    if outcome:
        flash(_("Decision on gate %(gate)s recorded.", gate=gate.gate_id), "success")
        return redirect(url_for("phases.gate", project_id=project.id, gate_id=gate.id))
    return _gate_page(project, gate, form_status(form, outcome), decision_form=form)
