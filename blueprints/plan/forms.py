from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, DateField, DecimalField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Optional

from crm_impl.models import Phase, Task
from crm_impl.operations.plan import TaskDraft, parse_predecessors, predecessor_notations
from blueprints.kit import Form, VersionedForm, choices


class PhaseForm(VersionedForm):
    model = Phase

    name = StringField(_l("Name"), validators=[DataRequired()])
    name_zh = StringField(_l("Chinese name"))

    @classmethod
    def of(cls, phase) -> "PhaseForm":
        return cls(formdata=None, obj=phase)


class TaskForm(VersionedForm):
    model = Task
    columns = {"phase_key": Phase.key}
    #: A refused link (a cycle, an unknown task) is shown on the field it was typed in.
    error_fields = {"dependencies": "predecessors"}

    key = StringField(_l("Task id"), validators=[DataRequired()])
    phase_key = SelectField(_l("Phase"))
    name = StringField(_l("Name"), validators=[DataRequired()])
    name_zh = StringField(_l("Chinese name"))
    milestone = BooleanField(_l("Milestone"))
    duration = IntegerField(_l("Duration (working days)"))
    optimistic = IntegerField(_l("Optimistic"), validators=[Optional()])
    most_likely = IntegerField(_l("Most likely"), validators=[Optional()])
    pessimistic = IntegerField(_l("Pessimistic"), validators=[Optional()])
    predecessors = StringField(_l("Predecessors"), description=_l("e.g. R01, R02SS+2, R03FF-1 (type FS/SS/FF/SF, lag in working days)"))
    deliverable = TextAreaField(_l("Deliverable"))
    progress = IntegerField(_l("Progress (%)"), default=0)
    actual_start = DateField(_l("Actual start"), validators=[Optional()])
    actual_finish = DateField(_l("Actual finish"), validators=[Optional()])
    start_no_earlier_than = DateField(_l("Start no earlier than"), validators=[Optional()])
    finish_no_later_than = DateField(_l("Deadline (finish no later than)"), validators=[Optional()])
    budget = DecimalField(_l("Budget"), default=0, places=2, validators=[Optional()])
    actual_cost = DecimalField(_l("Actual cost"), places=2, validators=[Optional()])

    def __init__(self, *args, phases: list[tuple[str, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.phase_key.choices = choices(phases)

    @classmethod
    def of(cls, task: Task, phases) -> "TaskForm":
        form = cls(formdata=None, obj=task, phases=phases)
        form.phase_key.data = task.phase.key
        form.predecessors.data = predecessor_notations(task.project)[task.id]
        return form

    def draft(self) -> TaskDraft:
        return TaskDraft(
            key=self.key.data,
            phase_key=self.phase_key.data,
            name=self.name.data,
            name_zh=self.name_zh.data or "",
            milestone=self.milestone.data,
            duration=self.duration.data if self.duration.data is not None else 0,
            optimistic=self.optimistic.data,
            most_likely=self.most_likely.data,
            pessimistic=self.pessimistic.data,
            deliverable=self.deliverable.data or "",
            progress=self.progress.data or 0,
            actual_start=self.actual_start.data,
            actual_finish=self.actual_finish.data,
            start_no_earlier_than=self.start_no_earlier_than.data,
            finish_no_later_than=self.finish_no_later_than.data,
            budget=float(self.budget.data or 0),
            actual_cost=None if self.actual_cost.data is None else float(self.actual_cost.data),
            predecessors=parse_predecessors(self.predecessors.data),
        )


class QuickEditForm(VersionedForm):
    """The task table's inline edit of one row."""

    model = Task

    duration = IntegerField(_l("Duration (working days)"))
    predecessors = StringField(_l("Predecessors"))

    #: A refused link (a cycle, an unknown task) is shown on the field it was typed in.
    error_fields = {"dependencies": "predecessors"}


class TableImportForm(Form):
    """A task table from a spreadsheet: the CSV or Excel file the plan's download gives."""

    file = FileField(
        _l("Task table (CSV or Excel)"),
        validators=[FileRequired(), FileAllowed(["csv", "xlsx"], _l("Choose a .csv or .xlsx task table."))],
    )


class ProgressAsPlannedForm(Form):
    """MS Project's "Update Project": the work planned before a date reported as done as planned."""

    status_date = DateField(_l("Status date"), validators=[DataRequired()])
