from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Optional

from crm_impl.models import Risk, RiskStatus
from crm_impl.operations.risks import RiskDraft
from blueprints.kit import VersionedForm, choices

SCALE = [(1, _l("1 – very low")), (2, _l("2 – low")), (3, _l("3 – medium")), (4, _l("4 – high")), (5, _l("5 – very high"))]
STATUSES = [
    (RiskStatus.OPEN.value, _l("Open")),
    (RiskStatus.MITIGATING.value, _l("Mitigating")),
    (RiskStatus.OCCURRED.value, _l("Occurred")),
    (RiskStatus.CLOSED.value, _l("Closed")),
]


def _optional_int(value):
    return None if value in (None, "", "None") else int(value)


def split_keys(text: str) -> list[str]:
    return [part.strip() for part in (text or "").replace(";", ",").split(",") if part.strip()]


class RiskForm(VersionedForm):
    model = Risk

    key = StringField(_l("Risk id"), description=_l("Left empty: the next RISK-NN."))
    title = StringField(_l("Title"), validators=[DataRequired()])
    title_zh = StringField(_l("Title (Chinese)"))
    description = TextAreaField(_l("Description"))
    description_zh = TextAreaField(_l("Description (Chinese)"))
    probability = SelectField(_l("Probability"), coerce=int, choices=choices(SCALE), default=3)
    impact = SelectField(_l("Impact"), coerce=int, choices=choices(SCALE), default=3)
    residual_probability = SelectField(
        _l("Probability after mitigation"), coerce=_optional_int, choices=choices([("", "—"), *SCALE])
    )
    residual_impact = SelectField(
        _l("Impact after mitigation"), coerce=_optional_int, choices=choices([("", "—"), *SCALE])
    )
    owner = StringField(_l("Responsible person"))
    response = TextAreaField(_l("Response"))
    response_zh = TextAreaField(_l("Response (Chinese)"))
    status = SelectField(_l("Status"), choices=choices(STATUSES), default=RiskStatus.OPEN.value)
    linked_tasks = StringField(
        _l("Linked tasks"), description=_l("Task ids separated by commas, e.g. A07, A08.")
    )
    delay_days = IntegerField(
        _l("Delay if it occurs (working days)"), default=0, validators=[Optional()],
        description=_l("Used by the Monte Carlo simulation on the linked tasks."),
    )

    def draft(self) -> RiskDraft:
        return RiskDraft(
            key=self.key.data or "",
            title=self.title.data or "",
            title_zh=self.title_zh.data or "",
            description=self.description.data or "",
            description_zh=self.description_zh.data or "",
            probability=self.probability.data,
            impact=self.impact.data,
            residual_probability=self.residual_probability.data,
            residual_impact=self.residual_impact.data,
            owner=self.owner.data or "",
            response=self.response.data or "",
            response_zh=self.response_zh.data or "",
            status=self.status.data,
            linked_tasks=split_keys(self.linked_tasks.data),
            delay_days=self.delay_days.data or 0,
        )

    @classmethod
    def of(cls, risk) -> "RiskForm":
        form = cls(formdata=None, obj=risk)
        form.status.data = risk.status.value
        form.linked_tasks.data = ", ".join(risk.linked_tasks or [])
        return form
