from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _

from crm_impl.methodology.catalogue import roles
from crm_impl.operations.team import add_team_member, remove_team_member, update_team_member
from blueprints.access import Action, one_of, project_view
from blueprints.database import get_db
from blueprints.forms import is_stale, refreshed, render_form, submit
from blueprints.projects.forms import ActionForm
from blueprints.team import bp
from blueprints.team.forms import TeamMemberForm


def _role_choices() -> list[tuple[str, str]]:
    locale = str(get_locale())
    return [(r.id, f"{r.id} · {r.label(locale)}") for r in roles()]


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    role_names = {r.id: r.label(str(get_locale())) for r in roles()}
    return render_template("team/index.html", project=project, role_names=role_names)


@bp.route("/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def new(project):
    form = TeamMemberForm(roles=_role_choices())
    if form.validate_on_submit() and submit(form, add_team_member, get_db(), project, form.draft()):
        flash(_("Team member added."), "success")
        return redirect(url_for("team.index", project_id=project.id))
    return render_form("team/edit.html", form, project=project, member=None)


@bp.route("/<int:member_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit(project, member_id: int):
    member = one_of(project.team, member_id)
    fresh = lambda: TeamMemberForm(formdata=None, obj=member, roles=_role_choices())  # noqa: E731
    form = TeamMemberForm(roles=_role_choices()) if request.method == "POST" else fresh()
    if form.validate_on_submit():
        if submit(form, update_team_member, member, form.expected_version(), form.draft()):
            flash(_("Team member saved."), "success")
            return redirect(url_for("team.index", project_id=project.id))
        if is_stale(form):
            form = refreshed(form, fresh())
    return render_form("team/edit.html", form, project=project, member=member)


@bp.post("/<int:member_id>/delete")
@project_view(Action.EDIT)
def delete(project, member_id: int):
    member = one_of(project.team, member_id)
    if ActionForm().validate_on_submit():
        remove_team_member(get_db(), member)
        get_db().commit()
        flash(_("Team member removed."), "success")
    return redirect(url_for("team.index", project_id=project.id))
