from datetime import datetime, timezone

from flask import flash, g, redirect, render_template, url_for
from flask_babel import get_locale, gettext as _
from flask_login import current_user

from crm_impl.operations.changes import (
    approved_change_cost,
    approve_change,
    assess_change,
    may_approve,
    needs_steering,
    remaining_reserve,
    unapplied_days,
    reject_change,
    submit_change,
)
from crm_impl.errors import PermissionDeniedError
from blueprints.access import Action, one_of, project_view
from blueprints.changes import bp
from blueprints.changes.forms import AssessForm, ChangeForm, DecisionForm
from blueprints.database import get_db
from blueprints.kit import Outcome, form_status, render_form, save_edit, submit


def _show(project, change, assess_form=None, decision_form=None, refusal=None, status=None):
    """The change request page with its assess form and decision buttons."""
    assess_form = assess_form or AssessForm.of(change)
    decision_form = decision_form or DecisionForm.of(change)
    page = render_template(
        "changes/show.html", project=project, change=change, form=assess_form, decision_form=decision_form,
        refusal=refusal, needs_steering=needs_steering(project, change), remaining=remaining_reserve(project),
        tasks={t.key: t for t in project.tasks}, unapplied=unapplied_days(change),
        may_approve=may_approve(project, change, g.membership.role),
    )
    return page, status or 200


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    return render_template("changes/index.html", project=project, remaining=remaining_reserve(project),
                           approved=approved_change_cost(project), needs_steering=lambda c: needs_steering(project, c))


@bp.route("/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def new(project):
    form = ChangeForm()
    outcome = form.validate_on_submit() and submit(form, submit_change, get_db(), project, form.draft())
    if outcome:
        flash(_("Change request CR-%(n)s submitted.", n=outcome.result.number), "success")
        return redirect(url_for("changes.show", project_id=project.id, change_id=outcome.result.id))
    return render_form("changes/new.html", form, outcome, project=project)


@bp.get("/<int:change_id>")
@project_view(Action.VIEW)
def show(project, change_id: int):
    return _show(project, one_of(project.change_requests, change_id))


def _assess(project, change, form):
    return assess_change(project, change, form.expected_version(), form.assessment())


@bp.post("/<int:change_id>/assess")
@project_view(Action.EDIT)
def assess(project, change_id: int):
    change = one_of(project.change_requests, change_id)
    form = AssessForm()
    outcome = form.validate_on_submit() and save_edit(form, lambda: AssessForm.of(change), _assess, project, change, form)
    if outcome:
        flash(_("CR-%(n)s assessed.", n=change.number), "success")
        return redirect(url_for("changes.show", project_id=project.id, change_id=change.id))
    return _show(project, change, assess_form=form, status=form_status(form, outcome))


def _decide(project, change_id: int, operation, done_message):
    change = one_of(project.change_requests, change_id)
    form = DecisionForm()
    outcome: Outcome | bool = False
    if form.validate_on_submit():
        try:
            outcome = save_edit(form, lambda: DecisionForm.of(change), operation, get_db(), project, change,
                                form.expected_version(), current_user, datetime.now(timezone.utc))
        except PermissionDeniedError as error:
            get_db().rollback()
            return _show(project, change, refusal=error.localized(get_locale()), status=403)
        if outcome:
            flash(done_message(change.number, outcome.result), "success")
            return redirect(url_for("changes.show", project_id=project.id, change_id=change.id))
    return _show(project, change, decision_form=form, status=form_status(form, outcome))


@bp.post("/<int:change_id>/approve")
@project_view(Action.APPROVE_CHANGES)
def approve(project, change_id: int):
    return _decide(project, change_id, approve_change, _approved)


def _approved(number: int, delta: list[dict]) -> str:
    """One truthful message: what the approval did to the plan."""
    if not delta:
        return _("CR-%(n)s approved; it changes nothing in the plan.", n=number)
    return _("CR-%(n)s approved; %(count)s plan values were updated.", n=number, count=len(delta))


@bp.post("/<int:change_id>/reject")
@project_view(Action.APPROVE_CHANGES)
def reject(project, change_id: int):
    return _decide(project, change_id, reject_change, lambda n, _result: _("CR-%(n)s rejected.", n=n))
