from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField
from wtforms.validators import DataRequired

from crm_impl.models import MemberRole
from blueprints.kit import Form, VersionedForm, choices

ROLE_LABELS = {
    MemberRole.OWNER: _l("Owner"),
    MemberRole.MANAGER: _l("Project manager"),
    MemberRole.CONSULTANT: _l("Consultant"),
    MemberRole.STEERING: _l("Steering committee member"),
    MemberRole.VIEWER: _l("Viewer"),
}
ROLE_CHOICES = choices((role.value, label) for role, label in ROLE_LABELS.items())


class AddMemberForm(Form):
    email = EmailField(_l("E-mail of a registered user"), validators=[DataRequired()])
    role = SelectField(_l("Role"), choices=ROLE_CHOICES, default=MemberRole.VIEWER.value)


class MemberRoleForm(VersionedForm):
    role = SelectField(_l("Role"), choices=ROLE_CHOICES)
