"""Forms of the vendor-selection pages; the tree-shaped ones (weights, figures, comparisons, a
score sheet) get one field per item of the selection, built for the selection at hand."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, FloatField, HiddenField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional

from crm_impl.models import CriteriaGroup, SelectionCriterion, ShortlistedVendor, VendorSelection
from crm_impl.operations.vendors import CriterionDraft, GroupDraft, GroupNames, SettingsDraft, VendorDraft
from crm_impl.vendors.ahp import SAATY_VALUES, scale_label
from crm_impl.vendors.catalogue import CRM7_AREAS
from blueprints.kit import Form, VersionedForm, choices

WEIGHTINGS = [("direct", _l("Direct weights")), ("ahp", _l("AHP from pairwise comparisons"))]
SCALE_CHOICES = [(5, _l("1–5")), (10, _l("1–10"))]


def _optional_float(value):
    return None if value in (None, "", "None") else float(value)


class SettingsForm(VersionedForm):
    model = VendorSelection

    title = StringField(_l("Title"))
    title_zh = StringField(_l("Title (Chinese)"))
    weighting = SelectField(_l("Weighting"), choices=choices(WEIGHTINGS), default="direct")
    horizon_years = IntegerField(_l("Years of running costs in the cost criterion"), default=3,
                                 validators=[InputRequired()])
    notes = TextAreaField(_l("Notes"))

    def draft(self) -> SettingsDraft:
        return SettingsDraft(self.title.data or "", self.title_zh.data or "", self.weighting.data,
                             self.horizon_years.data, self.notes.data or "")


class ScoringForm(VersionedForm):
    """The project manager's switch: ``closed`` "1" closes scoring, "0" reopens it."""

    closed = HiddenField()


class GroupForm(Form):
    model = CriteriaGroup

    key = StringField(_l("Key"), validators=[DataRequired()], description=_l("Letters, digits, _ - ."))
    name = StringField(_l("Name"), validators=[DataRequired()])
    name_zh = StringField(_l("Name (Chinese)"))
    weight = FloatField(_l("Weight"), default=1.0, validators=[InputRequired()])

    def draft(self) -> GroupDraft:
        return GroupDraft(self.key.data or "", self.name.data or "", self.name_zh.data or "", self.weight.data)


class GroupNamesForm(VersionedForm):
    """Renaming a group: its key and weight stay (the weight is set with the others)."""

    model = CriteriaGroup

    name = StringField(_l("Name"), validators=[DataRequired()])
    name_zh = StringField(_l("Name (Chinese)"))

    def names(self) -> GroupNames:
        return GroupNames(self.name.data or "", self.name_zh.data or "")


class CriterionForm(VersionedForm):
    model = SelectionCriterion
    columns = {"group": SelectionCriterion.group_key}

    key = StringField(_l("Key"), validators=[DataRequired()], description=_l("Letters, digits, _ - ."))
    group = SelectField(_l("Group"))
    name = StringField(_l("Name"), validators=[DataRequired()])
    name_zh = StringField(_l("Name (Chinese)"))
    description = TextAreaField(_l("Description"))
    description_zh = TextAreaField(_l("Description (Chinese)"))
    scale = SelectField(_l("Scale"), coerce=int, choices=choices(SCALE_CHOICES), default=5)
    higher_is_better = BooleanField(_l("Higher is better"), default=True)
    knockout = FloatField(_l("Knock-out threshold"), validators=[Optional()],
                          description=_l("Higher is better: a vendor scored under it is disqualified; "
                                         "lower is better: over it."))
    weight = FloatField(_l("Weight inside the group"), default=1.0, validators=[InputRequired()])
    from_figures = BooleanField(_l("Scored from figures (months, money) instead of by evaluators"))
    unit = StringField(_l("Unit of the figures"), description=_l("“money” uses the quotations when no figure is given."))
    area = SelectField(_l("CRM-7 area"))

    def fill_choices(self, selection: VendorSelection, locale) -> "CriterionForm":
        from crm_impl.i18n import is_chinese

        zh = is_chinese(locale)
        self.group.choices = choices((g.key, g.name_zh if zh and g.name_zh else g.name) for g in selection.groups)
        self.area.choices = choices([("", "—"), *((k, v[1] if zh else v[0]) for k, v in CRM7_AREAS.items())])
        return self

    def draft(self) -> CriterionDraft:
        return CriterionDraft(
            key=self.key.data or "", name=self.name.data or "", group=self.group.data or "",
            name_zh=self.name_zh.data or "", description=self.description.data or "",
            description_zh=self.description_zh.data or "", scale=self.scale.data,
            higher_is_better=bool(self.higher_is_better.data), knockout=self.knockout.data,
            weight=self.weight.data, from_figures=bool(self.from_figures.data), unit=self.unit.data or "",
            area=self.area.data or "",
        )

    @classmethod
    def of(cls, criterion: SelectionCriterion) -> "CriterionForm":
        form = cls(formdata=None, obj=criterion)
        form.group.data = criterion.group_key
        return form


class VendorForm(VersionedForm):
    model = ShortlistedVendor

    key = StringField(_l("Key"), validators=[DataRequired()], description=_l("Letters, digits, _ - ."))
    name = StringField(_l("Name"), validators=[DataRequired()])
    name_zh = StringField(_l("Name (Chinese)"))
    description = TextAreaField(_l("Description"))
    description_zh = TextAreaField(_l("Description (Chinese)"))
    licence_cost = FloatField(_l("Licence (one-off)"), default=0, validators=[Optional()])
    implementation_cost = FloatField(_l("Implementation (one-off)"), default=0, validators=[Optional()])
    running_cost_per_year = FloatField(_l("Running cost per year"), default=0, validators=[Optional()])
    quotation = FileField(_l("Quotation (file, at most 10 MB)"))

    figure_keys: list[str] = []

    def draft(self) -> VendorDraft:
        return VendorDraft(
            key=self.key.data or "", name=self.name.data or "", name_zh=self.name_zh.data or "",
            description=self.description.data or "", description_zh=self.description_zh.data or "",
            licence_cost=self.licence_cost.data or 0, implementation_cost=self.implementation_cost.data or 0,
            running_cost_per_year=self.running_cost_per_year.data or 0,
            figures={key: self[f"figure__{key}"].data for key in self.figure_keys},
        )

    def upload(self) -> tuple[str, bytes] | None:
        data = self.quotation.data
        if data is None or not getattr(data, "filename", ""):
            return None
        return data.filename, data.read()


def vendor_form(selection: VendorSelection, vendor: ShortlistedVendor | None = None, formdata=True) -> VendorForm:
    """The vendor form with one figure field per criterion scored from figures."""
    criteria = [c for c in selection.criteria if c.from_figures]

    class SelectionVendorForm(VendorForm):
        figure_keys = [c.key for c in criteria]

    for c in criteria:
        unit = f" ({c.unit})" if c.unit else ""
        setattr(SelectionVendorForm, f"figure__{c.key}",
                FloatField(f"{c.name}{unit}", validators=[Optional(), NumberRange(min=0)],
                           description=_l("Left empty for money: the quotation's total over the horizon.")
                           if c.unit == "money" else ""))
    if formdata:
        return SelectionVendorForm()
    form = SelectionVendorForm(formdata=None, obj=vendor)
    for c in criteria:
        form[f"figure__{c.key}"].data = (vendor.figures or {}).get(c.key) if vendor else None
    return form


class WeightsForm(VersionedForm):
    keys: list[str] = []

    def weights(self) -> dict[str, float | None]:
        return {key: self[f"w__{key}"].data for key in self.keys}


def weights_form(selection: VendorSelection, formdata=True) -> WeightsForm:
    keys = [g.key for g in selection.groups] + [c.key for c in selection.criteria]

    class SelectionWeightsForm(WeightsForm):
        pass

    SelectionWeightsForm.keys = keys
    for key in keys:
        setattr(SelectionWeightsForm, f"w__{key}", FloatField(key, validators=[InputRequired()]))
    if formdata:
        return SelectionWeightsForm()
    form = SelectionWeightsForm(formdata=None, version=selection.version)
    for g in selection.groups:
        form[f"w__{g.key}"].data = g.weight
    for c in selection.criteria:
        form[f"w__{c.key}"].data = c.weight
    return form


#: Saaty's scale as one choice per pair: "a is v times as important as b" (v ≥ 1) or the reverse.
SAATY_CHOICES = [scale_label(v) for v in sorted(SAATY_VALUES)]


class ComparisonForm(Form):
    stakeholder = StringField(_l("Stakeholder"), validators=[DataRequired()])
    pairs: list[tuple[str, str]] = []

    def values(self) -> dict[tuple[str, str], float]:
        out = {}
        for i, (a, b) in enumerate(self.pairs):
            text = self[f"p__{i}"].data or "1"
            top, _, bottom = text.partition("/")
            out[a, b] = float(top) / float(bottom) if bottom else float(top)
        return out


def comparison_form(items: list[str], formdata=True, existing: dict[tuple[str, str], float] | None = None,
                    stakeholder: str = "") -> ComparisonForm:
    pairs = [(a, b) for i, a in enumerate(items) for b in items[i + 1:]]

    class NodeComparisonForm(ComparisonForm):
        pass

    NodeComparisonForm.pairs = pairs
    for i, _pair in enumerate(pairs):
        setattr(NodeComparisonForm, f"p__{i}", SelectField(choices=choices((v, v) for v in SAATY_CHOICES), default="1"))
    if formdata:
        return NodeComparisonForm()
    form = NodeComparisonForm(formdata=None, stakeholder=stakeholder)
    for i, pair in enumerate(pairs):
        if existing and pair in existing:
            form[f"p__{i}"].data = scale_label(existing[pair])
    return form


class SheetForm(VersionedForm):
    cells: list[tuple[str, str]] = []

    def entries(self) -> dict[tuple[str, str], tuple[float | None, str]]:
        return {(v, c): (self[f"s__{v}__{c}"].data, self[f"c__{v}__{c}"].data or "") for v, c in self.cells}


def sheet_form(selection: VendorSelection, evaluator, formdata=True) -> SheetForm:
    cells = [(v.key, c.key) for c in selection.criteria if not c.from_figures for v in selection.vendors]
    scale = {c.key: c.scale for c in selection.criteria}

    class EvaluatorSheetForm(SheetForm):
        pass

    EvaluatorSheetForm.cells = cells
    for v, c in cells:
        setattr(EvaluatorSheetForm, f"s__{v}__{c}", FloatField(validators=[Optional(), NumberRange(1, scale[c])]))
        setattr(EvaluatorSheetForm, f"c__{v}__{c}", StringField())
    if formdata:
        return EvaluatorSheetForm()
    form = EvaluatorSheetForm(formdata=None, version=evaluator.version)
    for score in evaluator.scores:
        if (score.vendor_key, score.criterion_key) in cells:
            form[f"s__{score.vendor_key}__{score.criterion_key}"].data = score.value
            form[f"c__{score.vendor_key}__{score.criterion_key}"].data = score.comment
    return form


class EvaluatorForm(Form):
    user = SelectField(_l("Project member"), coerce=int, validators=[InputRequired()])
    name = StringField(_l("Name shown on the sheet"), description=_l("Left empty: the member's name."))
