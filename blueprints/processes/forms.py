from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import BooleanField, FloatField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional

from crm_impl.limits import MAX_SIMULATION_CASES
from crm_impl.models import (
    FishboneCause, FishboneDiagram, MapKind, ProcessCandidate, ProcessMapRecord, ProcessSelection,
)
from crm_impl.operations.processes import CandidateDraft, CauseDraft
from crm_impl.processes import Weights
from crm_impl.processes.simulation import (
    DAY_HOURS_RANGE, DAY_START_RANGE, DEFAULT_DAY_HOURS, DEFAULT_DAY_START, DEFAULT_SCENARIO,
)
from blueprints.kit import Form, VersionedForm, choices

KINDS = [(MapKind.AS_IS.value, _l("As-is")), (MapKind.TO_BE.value, _l("To-be"))]
SCALE = [(1, "1"), (2, "2"), (3, "3"), (4, "4"), (5, "5")]
BPMN_FILES = FileAllowed(["bpmn", "xml"], _l("Choose a .bpmn file or a BPMN 2.0 .xml file."))


def _optional_int(value):
    return None if value in (None, "", "None") else int(value)


class NewMapForm(Form):
    model = ProcessMapRecord
    columns = {"process_key": ProcessMapRecord.process}

    key = StringField(_l("Key"), validators=[DataRequired()],
                      description=_l("Letters, digits, '_', '.' or '-': it names the BPMN file too."))
    kind = SelectField(_l("Version"), choices=choices(KINDS), default=MapKind.AS_IS.value)
    as_is = SelectField(_l("Redesigns the as-is map"), coerce=_optional_int, validate_choice=False)
    process_key = StringField(_l("Process (candidate key)"))
    cases_per_year = IntegerField(_l("Cases a year"), default=0, validators=[Optional()])
    benefit = StringField(_l("Business-case benefit line"))
    source = SelectField(_l("Start from"), validate_choice=False)
    file = FileField(_l("BPMN file"), validators=[Optional(), BPMN_FILES])


class MapSettingsForm(VersionedForm):
    model = ProcessMapRecord
    columns = {"process_key": ProcessMapRecord.process}

    key = StringField(_l("Key"), validators=[DataRequired()])
    as_is = SelectField(_l("Redesigns the as-is map"), coerce=_optional_int, validate_choice=False)
    process_key = StringField(_l("Process (candidate key)"))
    cases_per_year = IntegerField(_l("Cases a year"), default=0, validators=[Optional()])
    benefit = StringField(_l("Business-case benefit line"))


class BpmnForm(VersionedForm):
    """The modeler's XML, posted by the Save button as a file part (a big map is larger than a
    form field may be) or, from a script, as the text field ``xml``."""

    xml = TextAreaField(validators=[Optional()])
    file = FileField()

    def data_bytes(self) -> bytes:
        if self.file.data:
            return self.file.data.read()
        return (self.xml.data or "").encode("utf-8")


class UploadForm(VersionedForm):
    file = FileField(_l("BPMN file"), validators=[FileRequired(), BPMN_FILES])


class CopyForm(Form):
    key = StringField(_l("Key of the to-be map"), description=_l("Left empty: the as-is key ending in _to_be."))


class CandidateForm(VersionedForm):
    model = ProcessCandidate

    key = StringField(_l("Key"), validators=[DataRequired()])
    name = StringField(_l("Process"), validators=[DataRequired()])
    name_zh = StringField(_l("Process (Chinese)"))
    importance = SelectField(_l("Importance"), coerce=int, choices=choices(SCALE), default=3)
    gap = SelectField(_l("Performance gap"), coerce=int, choices=choices(SCALE), default=3)
    feasibility = SelectField(_l("Feasibility"), coerce=int, choices=choices(SCALE), default=3)
    functions = IntegerField(_l("Functions"), default=1, validators=[Optional()])
    departments = IntegerField(_l("Departments"), default=1, validators=[Optional()])

    def draft(self) -> CandidateDraft:
        return CandidateDraft(self.key.data or "", self.name.data or "", self.importance.data, self.gap.data,
                              self.feasibility.data, self.name_zh.data or "", self.functions.data or 0,
                              self.departments.data or 0)

    @classmethod
    def of(cls, candidate) -> "CandidateForm":
        return cls(formdata=None, obj=candidate)


class SelectionForm(VersionedForm):
    """The project's selection weights and scoring method, saved (limits from the model)."""

    model = ProcessSelection

    importance = FloatField(_l("Weight of importance"), default=1.0, validators=[InputRequired()])
    gap = FloatField(_l("Weight of the performance gap"), default=1.0, validators=[InputRequired()])
    feasibility = FloatField(_l("Weight of feasibility"), default=1.0, validators=[InputRequired()])
    method = SelectField(_l("Score"), choices=choices([("weighted", _l("Weighted average")),
                                                       ("product", _l("Weighted product"))]), default="weighted")

    def weights(self) -> Weights:
        return Weights(self.importance.data, self.gap.data, self.feasibility.data)

    @classmethod
    def of(cls, project) -> "SelectionForm":
        """The form of the stored selection (equal weights while none is stored)."""
        form = cls(formdata=None, obj=project.process_selection)
        if project.process_selection is None:
            form.version.data = ""
        return form


class WeightsForm(SelectionForm):
    """The same weights from the query string: a ranking to look at, not saved."""

    class Meta:
        csrf = False


class FishboneForm(Form):
    model = FishboneDiagram

    key = StringField(_l("Key"), validators=[DataRequired()])
    problem = StringField(_l("Problem"), validators=[DataRequired()])
    problem_zh = StringField(_l("Problem (Chinese)"))


class CauseForm(VersionedForm):
    model = FishboneCause

    category = StringField(_l("Category"), validators=[DataRequired()])
    category_zh = StringField(_l("Category (Chinese)"))
    name = StringField(_l("Cause"), validators=[DataRequired()])
    name_zh = StringField(_l("Cause (Chinese)"))
    value = FloatField(_l("Count or share"), validators=[InputRequired()])

    def draft(self) -> CauseDraft:
        return CauseDraft(self.category.data or "", self.name.data or "", self.value.data,
                          self.category_zh.data or "", self.name_zh.data or "")


class SimulationForm(Form):
    """What-if parameters (a GET form: the result is a page one can link to)."""

    class Meta:
        csrf = False

    arrival_rate = FloatField(_l("Cases arriving per hour"), default=DEFAULT_SCENARIO.arrival_rate,
                              validators=[InputRequired(), NumberRange(min=0.001, max=100_000)])
    cases = IntegerField(_l("Cases simulated"), default=DEFAULT_SCENARIO.cases,
                         validators=[InputRequired(), NumberRange(1, MAX_SIMULATION_CASES)])
    variability = FloatField(_l("Variability of times (coefficient of variation)"), default=DEFAULT_SCENARIO.variability,
                             validators=[InputRequired(), NumberRange(0, 5)])
    seed = IntegerField(_l("Seed"), default=DEFAULT_SCENARIO.seed, validators=[InputRequired(), NumberRange(0, 2**31 - 1)])
    poisson = BooleanField(_l("Random (Poisson) arrivals"), default=DEFAULT_SCENARIO.poisson_arrivals)
    day_start = FloatField(_l("Working day starts (hour)"), default=DEFAULT_DAY_START,
                           validators=[InputRequired(), NumberRange(*DAY_START_RANGE)])
    day_hours = FloatField(_l("Working hours a day"), default=DEFAULT_DAY_HOURS,
                           validators=[InputRequired(), NumberRange(*DAY_HOURS_RANGE)])


def settings_of(record) -> MapSettingsForm:
    """The settings form of a stored map."""
    form = MapSettingsForm(formdata=None, obj=record)
    form.process_key.data = record.process
    form.as_is.data = record.as_is_id
    return form
