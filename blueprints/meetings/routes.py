from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from crm_impl.operations.meetings import (
    add_action,
    add_meeting,
    delete_action,
    delete_meeting,
    next_steering_date,
    open_actions,
    overdue_actions,
    set_action_done,
    update_meeting,
)
from blueprints.access import Action, one_of, project_view
from blueprints.database import get_db
from blueprints.kit import ActionForm, Outcome, act, form_status, render_form, save_edit, submit
from blueprints.meetings import bp
from blueprints.meetings.forms import KINDS, ActionItemForm, MeetingForm


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    today = date.today()
    return render_template(
        "meetings/index.html", project=project, today=today, next_steering=next_steering_date(project, today),
        open_items=open_actions(project), overdue={a.id for a in overdue_actions(project, today)},
        kinds=dict(KINDS), meetings=sorted(project.meetings, key=lambda m: (m.held_on, m.id), reverse=True),
    )


def _show(project, meeting, action_form=None, status=200):
    return render_template(
        "meetings/show.html", project=project, meeting=meeting, kinds=dict(KINDS), today=date.today(),
        action_form=action_form or ActionItemForm(formdata=None),
    ), status


@bp.get("/<int:meeting_id>")
@project_view(Action.VIEW)
def show(project, meeting_id: int):
    return _show(project, one_of(project.meetings, meeting_id))


@bp.route("/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def new(project):
    form = MeetingForm()
    if request.method == "GET":
        form.held_on.data = next_steering_date(project, date.today()) or date.today()
        form.title.data = _("Steering decision meeting")
    outcome = form.validate_on_submit() and submit(form, add_meeting, get_db(), project, form.draft())
    if outcome:
        flash(_("Meeting recorded."), "success")
        return redirect(url_for("meetings.show", project_id=project.id, meeting_id=outcome.result.id))
    return render_form("meetings/edit.html", form, outcome, project=project, meeting=None)


@bp.route("/<int:meeting_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit(project, meeting_id: int):
    meeting = one_of(project.meetings, meeting_id)
    form = MeetingForm() if request.method == "POST" else MeetingForm.of(meeting)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: MeetingForm.of(meeting), update_meeting, meeting, form.expected_version(), form.draft()
    )
    if outcome:
        flash(_("Meeting saved."), "success")
        return redirect(url_for("meetings.show", project_id=project.id, meeting_id=meeting.id))
    return render_form("meetings/edit.html", form, outcome, project=project, meeting=meeting)


@bp.post("/<int:meeting_id>/delete")
@project_view(Action.EDIT)
def delete(project, meeting_id: int):
    meeting = one_of(project.meetings, meeting_id)
    act(ActionForm(), _("Meeting deleted."), delete_meeting, get_db(), project, meeting)
    return redirect(url_for("meetings.index", project_id=project.id))


@bp.post("/<int:meeting_id>/actions")
@project_view(Action.EDIT)
def add_item(project, meeting_id: int):
    meeting = one_of(project.meetings, meeting_id)
    form = ActionItemForm()
    outcome = form.validate_on_submit() and submit(form, add_action, get_db(), meeting, form.draft())
    if outcome:
        flash(_("Action item added."), "success")
        return redirect(url_for("meetings.show", project_id=project.id, meeting_id=meeting.id))
    return _show(project, meeting, action_form=form, status=form_status(form, outcome))


@bp.post("/<int:meeting_id>/actions/<int:action_id>/toggle")
@project_view(Action.EDIT)
def toggle(project, meeting_id: int, action_id: int):
    meeting = one_of(project.meetings, meeting_id)
    item = one_of(meeting.actions, action_id)
    form = ActionForm()
    outcome = act(form, _("Action item updated."), set_action_done, item, form.expected_version(), not item.done)
    if isinstance(outcome, Outcome) and outcome.stale:
        return _show(project, meeting, status=409)
    if request.form.get("back") == "index":  # toggled in the open-items list
        return redirect(url_for("meetings.index", project_id=project.id))
    return redirect(url_for("meetings.show", project_id=project.id, meeting_id=meeting.id))


@bp.post("/<int:meeting_id>/actions/<int:action_id>/delete")
@project_view(Action.EDIT)
def delete_item(project, meeting_id: int, action_id: int):
    meeting = one_of(project.meetings, meeting_id)
    item = one_of(meeting.actions, action_id)
    act(ActionForm(), _("Action item deleted."), delete_action, get_db(), item)
    return redirect(url_for("meetings.show", project_id=project.id, meeting_id=meeting.id))
