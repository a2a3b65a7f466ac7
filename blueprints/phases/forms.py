from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, DateField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Optional

from crm_impl.models import Deliverable, GateRecord, Phase
from blueprints.kit import VersionedForm, choices
from blueprints.kit import MultiCheckboxField

#: The statuses an editor may set; *signed off* comes only from the sign-off button.
EDITABLE_STATUSES = [
    ("open", _l("Open")),
    ("in_progress", _l("In progress")),
    ("submitted", _l("Submitted")),
]
DECISION_CHOICES = [
    ("pass", _l("Pass")),
    ("pass_with_conditions", _l("Pass with conditions")),
    ("fail", _l("Fail")),
]


class DeliverableForm(VersionedForm):
    model = Deliverable

    due_date = DateField(_l("Due date"), validators=[Optional()])
    status = SelectField(_l("Status"), choices=choices(EDITABLE_STATUSES))
    link = StringField(_l("Link"),
                       description=_l("Address of the document, e.g. in the document management system."))
    owner_role = SelectField(_l("Owner role"))

    def __init__(self, *args, roles: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.owner_role.choices = choices(roles)

    @classmethod
    def of(cls, deliverable: Deliverable, roles) -> "DeliverableForm":
        form = cls(formdata=None, obj=deliverable, roles=roles)
        form.status.data = deliverable.status.value
        return form


class UploadForm(VersionedForm):
    file = FileField(_l("Document (at most 10 MB)"), validators=[FileRequired()])


class PhaseDatesForm(VersionedForm):
    model = Phase

    actual_start = DateField(_l("Actual start"), validators=[Optional()])
    actual_finish = DateField(_l("Actual finish"), validators=[Optional()],
                              description=_l("Recorded when the phase is marked complete."))


class CompleteForm(VersionedForm):
    model = Phase

    actual_finish = DateField(_l("Actual finish"), validators=[DataRequired()])
    finish_open_tasks = BooleanField(_l("Record its unfinished tasks as finished on this date"))

    @classmethod
    def of(cls, phase: Phase) -> "CompleteForm":
        return cls(formdata=None, version=phase.version, actual_finish=phase.actual_finish or date.today())


class ChecksForm(VersionedForm):
    checks = MultiCheckboxField(_l("Checked by the reviewer"))

    def __init__(self, *args, criteria: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.checks.choices = choices(criteria)


class DecisionForm(VersionedForm):
    model = GateRecord

    decision = RadioField(_l("Decision"), choices=choices(DECISION_CHOICES), validators=[DataRequired()])
    conditions = TextAreaField(_l("Conditions"),
                               description=_l("Required for a pass with conditions: what must still be done, by whom, by when."))
