from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from crm_impl.operations.members import add_member, change_role, remove_member
from crm_impl.models import MemberRole
from blueprints.access import Action, one_of, project_view
from blueprints.database import get_db
from blueprints.kit import ActionForm, act, form_status, submit
from blueprints.members import bp
from blueprints.members.forms import ROLE_LABELS, AddMemberForm, MemberRoleForm


def _page(project, add_form, status=200):
    role_forms = {m.id: MemberRoleForm(formdata=None, role=m.role.value, version=m.version) for m in project.memberships}
    return render_template(
        "members/index.html", project=project, add_form=add_form, role_forms=role_forms,
        role_labels=ROLE_LABELS,
    ), status


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    return _page(project, AddMemberForm(formdata=None))


@bp.post("/")
@project_view(Action.MANAGE_MEMBERS)
def add(project):
    form = AddMemberForm()
    outcome = form.validate_on_submit() and submit(
        form, add_member, get_db(), project, form.email.data, MemberRole(form.role.data)
    )
    if outcome:
        flash(_("Member added."), "success")
        return redirect(url_for("members.index", project_id=project.id))
    return _page(project, form, status=form_status(form, outcome))


@bp.post("/<int:membership_id>/role")
@project_view(Action.MANAGE_MEMBERS)
def set_role(project, membership_id: int):
    membership = one_of(project.memberships, membership_id)
    form = MemberRoleForm()
    act(form, _("Role changed."), lambda: change_role(membership, form.expected_version(), MemberRole(form.role.data)))
    return redirect(url_for("members.index", project_id=project.id))


@bp.post("/<int:membership_id>/remove")
@project_view(Action.MANAGE_MEMBERS)
def remove(project, membership_id: int):
    membership = one_of(project.memberships, membership_id)
    act(ActionForm(), _("Member removed."), remove_member, get_db(), membership)
    return redirect(url_for("members.index", project_id=project.id))
