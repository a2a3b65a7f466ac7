from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _

from crm_impl.methodology import roles
from crm_impl.operations.team import add_team_member, remove_team_member, update_team_member
from blueprints.access import Action, one_of, project_view
from blueprints.database import get_db
from blueprints.kit import ActionForm, act, render_form, role_choices, save_edit, submit
from blueprints.team import bp
from blueprints.team.forms import TeamMemberForm


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    role_names = {r.id: r.label(str(get_locale())) for r in roles()}
    return render_template("team/index.html", project=project, role_names=role_names)


@bp.route("/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def new(project):
    form = TeamMemberForm(roles=role_choices())
    outcome = form.validate_on_submit() and submit(form, add_team_member, get_db(), project, form.draft())
    if outcome:
        flash(_("Team member added."), "success")
        return redirect(url_for("team.index", project_id=project.id))
    return render_form("team/edit.html", form, outcome, project=project, member=None)


@bp.route("/<int:member_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit(project, member_id: int):
    member = one_of(project.team, member_id)
    form = TeamMemberForm(roles=role_choices()) if request.method == "POST" else TeamMemberForm.of(member)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: TeamMemberForm.of(member), update_team_member, member, form.expected_version(), form.draft()
    )
    if outcome:
        flash(_("Team member saved."), "success")
        return redirect(url_for("team.index", project_id=project.id))
    return render_form("team/edit.html", form, outcome, project=project, member=member)


@bp.post("/<int:member_id>/delete")
@project_view(Action.EDIT)
def delete(project, member_id: int):
    member = one_of(project.team, member_id)
    act(ActionForm(), _("Team member removed."), remove_team_member, get_db(), member)
    return redirect(url_for("team.index", project_id=project.id))
