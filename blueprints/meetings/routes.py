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
from blueprints.forms import STALE_MESSAGE, is_stale, refreshed, render_form, submit
from blueprints.meetings import bp
from blueprints.meetings.forms import KINDS, ActionItemForm, MeetingForm, ToggleForm
from blueprints.projects.forms import ActionForm


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
    if form.validate_on_submit() and submit(form, add_meeting, get_db(), project, form.draft()):
        flash(_("Meeting recorded."), "success")
        return redirect(url_for("meetings.show", project_id=project.id, meeting_id=form.result.id))
    return render_form("meetings/edit.html", form, project=project, meeting=None)


@bp.route("/<int:meeting_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit(project, meeting_id: int):
    meeting = one_of(project.meetings, meeting_id)
    fresh = lambda: MeetingForm(formdata=None, obj=meeting)  # noqa: E731
    form = MeetingForm() if request.method == "POST" else fresh()
    if form.validate_on_submit():
        if submit(form, update_meeting, meeting, form.expected_version(), form.draft()):
            flash(_("Meeting saved."), "success")
            return redirect(url_for("meetings.show", project_id=project.id, meeting_id=meeting.id))
        if is_stale(form):
            form = refreshed(form, fresh())
    return render_form("meetings/edit.html", form, project=project, meeting=meeting)


@bp.post("/<int:meeting_id>/delete")
@project_view(Action.EDIT)
def delete(project, meeting_id: int):
    meeting = one_of(project.meetings, meeting_id)
    if ActionForm().validate_on_submit():
        delete_meeting(get_db(), project, meeting)
        get_db().commit()
        flash(_("Meeting deleted."), "success")
    return redirect(url_for("meetings.index", project_id=project.id))


@bp.post("/<int:meeting_id>/actions")
@project_view(Action.EDIT)
def add_item(project, meeting_id: int):
    meeting = one_of(project.meetings, meeting_id)
    form = ActionItemForm()
    if form.validate_on_submit() and submit(form, add_action, get_db(), meeting, form.draft()):
        flash(_("Action item added."), "success")
        return redirect(url_for("meetings.show", project_id=project.id, meeting_id=meeting.id))
    return _show(project, meeting, action_form=form, status=422)


@bp.post("/<int:meeting_id>/actions/<int:action_id>/toggle")
@project_view(Action.EDIT)
def toggle(project, meeting_id: int, action_id: int):
    meeting = one_of(project.meetings, meeting_id)
    item = one_of(meeting.actions, action_id)
    form = ToggleForm()
    if form.validate_on_submit() and not submit(form, set_action_done, item, form.expected_version(), not item.done):
        if is_stale(form):
            flash(str(STALE_MESSAGE), "warning")
            return _show(project, meeting, status=409)
    if request.form.get("back") == "index":  # toggled in the open-items list
        return redirect(url_for("meetings.index", project_id=project.id))
    return redirect(url_for("meetings.show", project_id=project.id, meeting_id=meeting.id))


@bp.post("/<int:meeting_id>/actions/<int:action_id>/delete")
@project_view(Action.EDIT)
def delete_item(project, meeting_id: int, action_id: int):
    meeting = one_of(project.meetings, meeting_id)
    item = one_of(meeting.actions, action_id)
    if ActionForm().validate_on_submit():
        delete_action(get_db(), item)
        get_db().commit()
        flash(_("Action item deleted."), "success")
    return redirect(url_for("meetings.show", project_id=project.id, meeting_id=meeting.id))
