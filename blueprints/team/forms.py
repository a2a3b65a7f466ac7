from flask_babel import lazy_gettext as _l
from wtforms import EmailField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, Optional

from crm_impl.models import TeamMember

from crm_impl.operations.team import TeamMemberDraft
from blueprints.kit import VersionedForm, choices, role_choices


class TeamMemberForm(VersionedForm):
    model = TeamMember

    name = StringField(_l("Full name"), validators=[DataRequired()])
    role_id = SelectField(_l("Methodology role"))
    organisation = StringField(_l("Organisation"))
    email = EmailField(_l("E-mail"), validators=[Optional()])
    availability_pct = IntegerField(_l("Availability (%)"), default=100)

    def __init__(self, *args, roles: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.role_id.choices = choices(roles)

    @classmethod
    def of(cls, member) -> "TeamMemberForm":
        return cls(formdata=None, obj=member, roles=role_choices())

    def draft(self) -> TeamMemberDraft:
        return TeamMemberDraft(
            name=self.name.data,
            role_id=self.role_id.data,
            organisation=self.organisation.data or "",
            email=self.email.data or "",
            availability_pct=self.availability_pct.data,
        )
