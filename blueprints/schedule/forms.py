from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, NumberRange, Optional

from crm_impl.models import Baseline

from blueprints.kit import Form, choices


class MonteCarloForm(Form):
    """Parameters of a simulation, read from the query string (a GET form: nothing is stored)."""

    class Meta:
        csrf = False

    iterations = IntegerField(_l("Iterations"), default=10_000, validators=[NumberRange(100, 100_000)])
    seed = IntegerField(_l("Seed"), default=1, validators=[Optional(), NumberRange(0, 2**32 - 1)])
    distribution = SelectField(
        _l("Distribution"),
        choices=choices([("triangular", _l("Triangular")), ("pert", _l("PERT-beta"))]),
        default="triangular",
    )
    target = DateField(_l("Go-live target date"), validators=[Optional()])
    risks = BooleanField(_l("Include risk-register events"))

    def simulation(self) -> dict:
        """What the runs depend on (the target date only reads them)."""
        return {"iterations": self.iterations.data, "seed": self.seed.data,
                "distribution": self.distribution.data, "with_risks": self.risks.data}


class BaselineForm(Form):
    model = Baseline

    name = StringField(_l("Baseline name"), validators=[DataRequired()])
