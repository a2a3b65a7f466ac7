"""The methodology catalogue: templates, roles, KPIs and typical risks, loaded once.

The data are the JSON files in ``crm_impl/methodology/data``; they are validated when first
needed and then cached for the life of the process. A project chooses its template when it
is created and copies the phases, standard tasks, deliverables, gates and RACI from it.

>>> [t.id for t in list_templates()]
['nine_phase', 'seven_step']
>>> get_template("nine_phase").phase("P2").label("zh_CN")
'项目启动'
"""

from __future__ import annotations

from functools import cache

from crm_impl.errors import ValidationError
from crm_impl.methodology.loader import DEFAULT_TEMPLATE_ID, Catalogue, load_catalogue
from crm_impl.methodology.model import ControlMeasure, Kpi, RiskTemplate, Role, Template

__all__ = [
    "DEFAULT_TEMPLATE_ID",
    "list_templates",
    "get_template",
    "roles",
    "role",
    "kpis",
    "kpi",
    "typical_risks",
    "control_measures",
]


@cache
def _catalogue() -> Catalogue:
    # The shipped catalogue is checked by the test suite (tests/crm_impl/methodology), not at every start.
    return load_catalogue(check=False)


def list_templates() -> list[Template]:
    """All templates in display order, the default (nine-phase) first."""
    return list(_catalogue().templates)


def get_template(template_id: str) -> Template:
    """The template with ``template_id``.

    Raises
    ------
    ValidationError
        If there is no such template; ``field`` is ``"template"``.
    """
    for template in _catalogue().templates:
        if template.id == template_id:
            return template
    known = ", ".join(t.id for t in _catalogue().templates)
    raise ValidationError("unknown methodology template %(template_id)r (known: %(known)s)", field="template", template_id=template_id, known=known)


def roles() -> list[Role]:
    """The ten project roles of §3, vendor side first."""
    return list(_catalogue().roles)


def role(role_id: str) -> Role:
    """The role with ``role_id``; an unknown id raises :class:`ValidationError` on ``role``."""
    for item in _catalogue().roles:
        if item.id == role_id:
            return item
    raise ValidationError("unknown role %(role_id)r", field="role", role_id=role_id)


def kpis() -> list[Kpi]:
    """The KPI catalogue of §9: implementation KPIs first, then operating KPIs."""
    return list(_catalogue().kpis)


def kpi(kpi_id: str) -> Kpi:
    """The KPI with ``kpi_id``; an unknown id raises :class:`ValidationError` on ``kpi``."""
    for item in _catalogue().kpis:
        if item.id == kpi_id:
            return item
    raise ValidationError("unknown KPI %(kpi_id)r", field="kpi", kpi_id=kpi_id)


def typical_risks() -> list[RiskTemplate]:
    """The twelve typical CRM risks of §8 with suggested probability, impact and response."""
    return list(_catalogue().risks)


def control_measures() -> list[ControlMeasure]:
    """The four risk-control measures of §8.2."""
    return list(_catalogue().control_measures)
