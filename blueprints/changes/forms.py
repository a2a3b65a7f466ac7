from flask_babel import lazy_gettext as _l
from wtforms import FloatField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Optional

from crm_impl.models import ChangeRequest, Task

from crm_impl.operations.changes import Assessment, ChangeDraft, format_plan_changes, parse_plan_changes
from blueprints.kit import VersionedForm


class ChangeForm(VersionedForm):
    model = ChangeRequest

    title = StringField(_l("Title"), validators=[DataRequired()])
    requester = StringField(_l("Requested by"))
    description = TextAreaField(_l("Description"))

    def draft(self) -> ChangeDraft:
        return ChangeDraft(title=self.title.data or "", description=self.description.data or "",
                           requester=self.requester.data or "")


class AssessForm(VersionedForm):
    model = ChangeRequest
    columns = {"extend_task": Task.key}

    scope_impact = TextAreaField(_l("Impact on scope"))
    days_impact = IntegerField(_l("Impact on schedule (working days)"), default=0, validators=[InputRequired()])
    cost_impact = FloatField(_l("Cost"), default=0.0, validators=[InputRequired()])
    extend_task = StringField(
        _l("Add the days to task"), validators=[Optional()],
        description=_l("Optional: the id of the task whose duration grows by the days above."),
    )
    plan_changes = TextAreaField(
        _l("Plan changes"),
        description=_l("One task a line: its id, then duration=working days and/or budget=amount, "
                       "e.g. A07 duration=12 budget=50000."),
    )

    def assessment(self) -> Assessment:
        """The assessment entered; raises the domain's ValidationError for unreadable plan changes."""
        return Assessment(
            scope_impact=self.scope_impact.data or "",
            days_impact=self.days_impact.data or 0,
            cost_impact=self.cost_impact.data or 0.0,
            plan_changes=parse_plan_changes(self.plan_changes.data),
            extend_task=self.extend_task.data or "",
        )

    @classmethod
    def of(cls, change) -> "AssessForm":
        form = cls(formdata=None, obj=change)
        form.plan_changes.data = format_plan_changes(change.plan_changes or [])
        form.extend_task.data = next((item["task"] for item in change.plan_changes or [] if item.get("add_days")), "")
        return form


class DecisionForm(VersionedForm):
    """Approve or reject: only the version the decider saw (and the CSRF token)."""

    @classmethod
    def of(cls, change) -> "DecisionForm":
        return cls(formdata=None, obj=change)
