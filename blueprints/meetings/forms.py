from flask_babel import lazy_gettext as _l
from wtforms import DateField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Optional

from crm_impl.models import ActionItem, Meeting

from crm_impl.operations.meetings import ActionDraft, MeetingDraft
from blueprints.kit import VersionedForm, choices

KINDS = [("steering", _l("Steering decision meeting")), ("project", _l("Project meeting")),
         ("workshop", _l("Workshop")), ("other", _l("Other"))]


class MeetingForm(VersionedForm):
    model = Meeting

    held_on = DateField(_l("Date"), validators=[DataRequired()])
    kind = SelectField(_l("Kind"), choices=choices(KINDS), default="steering")
    title = StringField(_l("Title"), validators=[DataRequired()])
    attendees = TextAreaField(_l("Attendees"))
    agenda = TextAreaField(_l("Agenda"), description=_l("Progress report; decisions on major business and IT issues; coordination of key resources."))
    decisions = TextAreaField(_l("Decisions"))

    @classmethod
    def of(cls, meeting) -> "MeetingForm":
        return cls(formdata=None, obj=meeting)

    def draft(self) -> MeetingDraft:
        return MeetingDraft(
            held_on=self.held_on.data, title=self.title.data or "", kind=self.kind.data,
            agenda=self.agenda.data or "", attendees=self.attendees.data or "", decisions=self.decisions.data or "",
        )


class ActionItemForm(VersionedForm):
    model = ActionItem

    text = StringField(_l("Action"), validators=[DataRequired()])
    owner = StringField(_l("Responsible person"))
    due_date = DateField(_l("Due"), validators=[Optional()])

    def draft(self) -> ActionDraft:
        return ActionDraft(text=self.text.data or "", owner=self.owner.data or "", due_date=self.due_date.data)
