from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import DateField, DecimalField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, NumberRange, Optional, Regexp, ValidationError

from crm_impl.models import Project
from crm_impl.operations.audit import AuditFilter
from crm_impl.operations.projects import ProjectDraft
from blueprints.kit import Form, MultiCheckboxField, VersionedForm, choices

WEEKDAYS = [
    (0, _l("Monday")), (1, _l("Tuesday")), (2, _l("Wednesday")), (3, _l("Thursday")),
    (4, _l("Friday")), (5, _l("Saturday")), (6, _l("Sunday")),
]


def parse_holidays(text: str) -> list[tuple[date, str]]:
    """``YYYY-MM-DD name`` per line; raises a WTForms error naming the bad line."""
    holidays = []
    for number, line in enumerate((text or "").splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        day, _, name = line.partition(" ")
        try:
            holidays.append((date.fromisoformat(day), name.strip()))
        except ValueError:
            raise ValidationError(_l("Line %(n)s: %(day)s is not a date (YYYY-MM-DD).", n=number, day=day)) from None
    return holidays


class ProjectForm(VersionedForm):
    model = Project

    title = StringField(_l("Title"), validators=[DataRequired()])
    title_zh = StringField(_l("Title (Chinese)"))
    client_company = StringField(_l("Client company"), validators=[DataRequired()])
    client_company_zh = StringField(_l("Client company (Chinese)"))
    industry = StringField(_l("Industry"))
    industry_zh = StringField(_l("Industry (Chinese)"))
    description = TextAreaField(_l("Description"))
    description_zh = TextAreaField(_l("Description (Chinese)"))
    objectives = TextAreaField(_l("Objectives (one per line)"))
    objectives_zh = TextAreaField(_l("Objectives in Chinese (one per line)"))
    start_date = DateField(_l("Start date"), validators=[DataRequired()])
    currency = StringField(
        _l("Currency"), default="CNY",
        validators=[DataRequired(), Regexp(r"^[A-Za-z]{3}$", message=_l("Three letters, e.g. CNY."))],
    )
    template_id = SelectField(_l("Methodology template"))
    working_weekdays = MultiCheckboxField(_l("Working weekdays"), coerce=int, choices=choices(WEEKDAYS), default=[0, 1, 2, 3, 4])
    holidays = TextAreaField(_l("Holidays (one per line: YYYY-MM-DD name)"))
    working_days = TextAreaField(_l("Make-up working days (one per line: YYYY-MM-DD name)"),
                                 description=_l("Weekend days that are worked, e.g. 2025-09-28 National Day make-up day."))
    budget_reserve = DecimalField(_l("Budget reserve for changes"), default=0, places=2,
                                  validators=[Optional()],
                                  description=_l("A change request costing more than what is left of it needs the steering committee."))
    status_date = DateField(_l("Status date"), validators=[Optional()],
                            description=_l("The date progress is reported to: the forecast reschedules the work not yet done from it. Empty: today."))

    def __init__(self, *args, templates: list[tuple[str, str]] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.template_id.choices = choices(templates or [])
        if not templates:
            del self.template_id  # a project keeps the template it was created from

    def validate_working_weekdays(self, field):
        if not field.data:
            raise ValidationError(_l("Choose at least one working day."))

    def validate_holidays(self, field):
        parse_holidays(field.data)

    def validate_working_days(self, field):
        parse_holidays(field.data)

    def draft(self) -> ProjectDraft:
        return ProjectDraft(
            title=self.title.data,
            client_company=self.client_company.data,
            industry=self.industry.data or "",
            description=self.description.data or "",
            objectives=(self.objectives.data or "").splitlines(),
            title_zh=self.title_zh.data or "",
            client_company_zh=self.client_company_zh.data or "",
            industry_zh=self.industry_zh.data or "",
            description_zh=self.description_zh.data or "",
            objectives_zh=(self.objectives_zh.data or "").splitlines(),
            start_date=self.start_date.data,
            currency=self.currency.data.upper(),
            template_id=self.template_id.data if "template_id" in self._fields else "nine_phase",
            working_weekdays=list(self.working_weekdays.data),
            holidays=parse_holidays(self.holidays.data),
            working_days=parse_holidays(self.working_days.data),
            budget_reserve=float(self.budget_reserve.data or 0),
            status_date=self.status_date.data,
        )

    @classmethod
    def of(cls, project: Project, **kwargs) -> "ProjectForm":
        form = cls(formdata=None, obj=project, **kwargs)
        form.objectives.data = "\n".join(project.objectives)
        form.objectives_zh.data = "\n".join(project.objectives_zh)
        form.holidays.data = "\n".join(f"{h.day.isoformat()} {h.name}".strip() for h in project.holidays)
        form.working_days.data = "\n".join(f"{w.day.isoformat()} {w.name}".strip() for w in project.working_days)
        form.working_weekdays.data = list(project.working_weekdays)
        form.version.data = project.version
        return form


class DeleteForm(Form):
    confirmation = StringField(_l("Type the project title to confirm"), validators=[DataRequired()])


class ImportForm(Form):
    file = FileField(
        _l("Project file (.json) or MS Project XML (.xml)"),
        validators=[FileRequired(), FileAllowed(["json", "xml", "bpmn"],
                                                _l("Choose a .json project file or an MS Project .xml file."))],
    )


class AuditFilterForm(Form):
    """The audit trail's filters, read from the query string (nothing is stored)."""

    class Meta:
        csrf = False

    # The choices are those the trail holds, known only after it is read: any value filters.
    entity = SelectField(_l("Record"), default="", validate_choice=False)
    actor = SelectField(_l("Who"), default="", validate_choice=False)
    action = SelectField(_l("Operation"), default="", validate_choice=False)
    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("To"), validators=[Optional()])
    page = IntegerField(validators=[Optional(), NumberRange(min=1, max=1_000_000)], default=1)

    def set_choices(self, trail) -> None:
        anything = [("", _l("All"))]
        self.entity.choices = choices([*anything, *trail.entities])
        self.actor.choices = choices([*anything, *((a, a) for a in trail.actors)])
        self.action.choices = choices([*anything, *trail.actions])

    def filters(self) -> AuditFilter:
        """The filters asked for; values the form cannot read are left out."""
        self.validate()
        valid = lambda field: field.data if not field.errors else None  # noqa: E731
        return AuditFilter(
            entity=self.entity.data or "", actor=self.actor.data or "", action=self.action.data or "",
            since=valid(self.since), until=valid(self.until),
        )
