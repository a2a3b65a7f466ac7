"""Forms of the business case.  Rates are entered in per cent and stored as fractions; amounts
per year are one text of numbers separated by spaces or semicolons (commas may group thousands)."""

from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from wtforms import DateField, FloatField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, NumberRange, Optional

from crm_impl.finance.case import COST_COMPONENTS, MAX_HORIZON, MIN_HORIZON
from crm_impl.models import BusinessCase, CaseActual, CaseDriver, CaseLine
from blueprints.kit import Form, VersionedForm, choices

CATEGORIES = [
    ("construction", _l("Cost: construction (one-off)")),
    ("usage", _l("Cost: usage (recurring)")),
    ("cost_reduction", _l("Benefit: cost reduction")),
    ("revenue_growth", _l("Benefit: revenue growth (at its gross margin)")),
]
COMPONENTS = [
    ("", _l("— (a benefit)")),
    ("it_infrastructure", _l("IT infrastructure")),
    ("software_license", _l("Software licences")),
    ("database_development", _l("Database development")),
    ("consulting", _l("Consulting")),
    ("training", _l("Training")),
    ("internal_hr", _l("Internal staff")),
    ("data_migration", _l("Data migration")),
    ("customization_reserve", _l("Customisation reserve")),
    ("system_maintenance", _l("System maintenance")),
    ("data_maintenance", _l("Data maintenance")),
    ("communication", _l("Communication")),
    ("labor", _l("Staff")),
    ("license_renewal", _l("Licence renewals")),
]

_SEPARATORS = re.compile(r"[\s;]+")


def split_numbers(text: str | None) -> list[str] | None:
    """The numbers of an amounts text, as typed (the domain parses and names a bad one).

    >>> split_numbers("900,000 0; 0\\n0")
    ['900,000', '0', '0', '0']
    >>> split_numbers("  ") is None
    True
    """
    parts = [part for part in _SEPARATORS.split(text or "") if part]
    return parts or None


def join_numbers(values) -> str:
    """Amounts as the form shows them: whole numbers plain, others as typed."""
    if values is None:
        return ""
    return " ".join(f"{v:,.0f}" if float(v).is_integer() and abs(v) >= 1000 else f"{v:g}" for v in values)


def _percent(value: float | None) -> float:
    return 0.0 if value is None else value / 100.0


class SettingsForm(VersionedForm):
    horizon = IntegerField(_l("Horizon (years after year 0)"), default=5, validators=[InputRequired(), NumberRange(
        min=MIN_HORIZON, max=MAX_HORIZON)])
    discount_rate = FloatField(_l("Discount rate (%)"), default=8,
                               validators=[InputRequired(), NumberRange(min=-99.9999, max=1000)])
    tax_rate = FloatField(_l("Tax rate (%)"), default=0, validators=[Optional(), NumberRange(min=0, max=99)])
    benefit_risk = FloatField(_l("Risk adjustment: benefits reduced by (%)"), default=0,
                              validators=[Optional(), NumberRange(min=0, max=100)])
    cost_risk = FloatField(_l("Risk adjustment: costs raised by (%)"), default=0,
                           validators=[Optional(), NumberRange(min=0, max=1000)])
    go_live = DateField(_l("Go-live the case assumes"), validators=[Optional()],
                        description=_l("Year 1 starts here. Empty: the steering baseline's go-live, else the plan's."))
    notes = TextAreaField(_l("Notes"))

    def values(self) -> dict:
        return {"horizon": self.horizon.data, "discount_rate": _percent(self.discount_rate.data),
                "tax_rate": _percent(self.tax_rate.data), "benefit_risk": _percent(self.benefit_risk.data),
                "cost_risk": _percent(self.cost_risk.data), "go_live": self.go_live.data,
                "notes": self.notes.data or ""}

    @classmethod
    def of(cls, case: BusinessCase) -> SettingsForm:
        form = cls(formdata=None, obj=case)
        for name in ("discount_rate", "tax_rate", "benefit_risk", "cost_risk"):
            getattr(form, name).data = round(getattr(case, name) * 100, 6)
        return form


class LineForm(VersionedForm):
    model = CaseLine
    # The margin is entered in per cent (the column holds the fraction).
    columns = {"id": CaseLine.key, "gross_margin": None, "risk": None}

    id = StringField(_l("Line id"), description=_l("Left empty: the next C.. or B.. number."))
    category = SelectField(_l("Kind"), choices=choices(CATEGORIES), default="construction")
    component = SelectField(_l("Cost component"), choices=choices(COMPONENTS), default="")
    name = StringField(_l("Name"), validators=[DataRequired()])
    name_zh = StringField(_l("Name (Chinese)"))
    amounts = TextAreaField(_l("Amounts per year"), description=_l(
        "Year 0 to the last year, separated by spaces, e.g. 900,000 0 0 0. Revenue growth: the incremental "
        "revenue. Leave empty to use a formula."))
    formula = StringField(_l("Formula"), description=_l(
        "Instead of amounts: the full-year amount from drivers, e.g. reps * hours_saved * hourly_cost."))
    ramp = StringField(_l("Ramp-up (share per year)"), description=_l(
        "With a formula: the share realised in year 0 to the last year, e.g. 0 0.5 0.85 1. Empty: all in "
        "year 0 for construction, every later year otherwise."))
    gross_margin = FloatField(_l("Gross margin (%)"), validators=[Optional()],
                              description=_l("Revenue growth counts as incremental revenue × margin."))
    conservative = FloatField(_l("Conservative factor"), default=1.0, validators=[Optional()],
                              description=_l("× the expected amounts: a benefit at most 1, a cost at least 1."))
    optimistic = FloatField(_l("Optimistic factor"), default=1.0, validators=[Optional()],
                            description=_l("× the expected amounts: a benefit at least 1, a cost at most 1."))
    risk = FloatField(_l("Own risk adjustment (%)"), validators=[Optional()], description=_l(
        "A benefit reduced by, a cost raised by this share instead of the case's. Empty: the case's."))
    source = StringField(_l("Source"))
    kpi = StringField(_l("KPI"))

    def data_dict(self) -> dict:
        category = self.category.data
        kind = "cost" if category in COST_COMPONENTS else "benefit"
        margin = self.gross_margin.data
        return {
            "id": (self.id.data or "").strip(), "kind": kind, "category": category,
            "component": self.component.data if kind == "cost" else "", "name": self.name.data or "",
            "name_zh": self.name_zh.data or "", "amounts": split_numbers(self.amounts.data),
            "formula": (self.formula.data or "").strip(), "ramp": split_numbers(self.ramp.data),
            "gross_margin": None if margin is None else margin / 100.0,
            "conservative": 1.0 if self.conservative.data is None else self.conservative.data,
            "optimistic": 1.0 if self.optimistic.data is None else self.optimistic.data,
            "risk": None if self.risk.data is None else self.risk.data / 100.0,
            "source": self.source.data or "", "kpi": self.kpi.data or "",
        }

    @classmethod
    def of(cls, line: CaseLine) -> LineForm:
        form = cls(formdata=None, obj=line)
        form.id.data = line.key
        form.amounts.data = join_numbers(line.amounts)
        form.ramp.data = join_numbers(line.ramp)
        form.gross_margin.data = None if line.gross_margin is None else round(line.gross_margin * 100, 6)
        form.risk.data = None if line.risk is None else round(line.risk * 100, 6)
        return form


class DriverForm(VersionedForm):
    model = CaseDriver
    # Typed as text: the domain reads it (thousands separators too) and names what is wrong.
    columns = {"value": None}

    name = StringField(_l("Name"), validators=[DataRequired()],
                       description=_l("A letter or _, then letters, digits or _ (used in formulas)."))
    value = StringField(_l("Value"), validators=[DataRequired()])
    description = StringField(_l("Description"))

    def data_dict(self) -> dict:
        return {"name": self.name.data or "", "value": self.value.data, "description": self.description.data or ""}

    @classmethod
    def of(cls, driver: CaseDriver) -> DriverForm:
        form = cls(formdata=None, obj=driver)
        form.value.data = f"{driver.value:g}"
        return form


class ActualForm(Form):
    model = CaseActual
    columns = {"benefits": None, "costs": None}

    year = IntegerField(_l("Year"), validators=[InputRequired()])
    benefits = StringField(_l("Actual benefits"), default="0")
    costs = StringField(_l("Actual costs"), default="0")
    note = StringField(_l("Note"), validators=[])


class DeleteActualForm(Form):
    year = IntegerField(validators=[InputRequired()])
