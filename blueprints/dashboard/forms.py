from flask_babel import lazy_gettext as _l
from wtforms import DateField, FloatField, SelectField
from wtforms.validators import DataRequired, InputRequired

from crm_impl.models import KpiMeasurement

from blueprints.kit import Form


class MeasurementForm(Form):
    """A KPI's value on a date; shares are typed as percentages (95 for 95 %)."""

    model = KpiMeasurement

    kpi = SelectField(_l("KPI"), validators=[DataRequired()])
    value = FloatField(_l("Value"), validators=[InputRequired()])
    measured_on = DateField(_l("Measured on"), validators=[DataRequired()])

    def stored_value(self, unit: str) -> float:
        return self.value.data / 100 if unit == "ratio" else self.value.data
