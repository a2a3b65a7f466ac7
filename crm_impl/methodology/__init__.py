"""The methodology catalogue as bilingual data: templates, roles, KPIs and typical risks.

The catalogue lives in JSON files under ``data/``; :mod:`.loader` validates them into the
frozen dataclasses of :mod:`.model` and :mod:`.catalogue` serves them from a cache.
"""

from crm_impl.methodology.catalogue import (
    DEFAULT_TEMPLATE_ID,
    control_measures,
    get_template,
    kpi,
    kpis,
    list_templates,
    role,
    roles,
    typical_risks,
)
from crm_impl.methodology.model import (
    NOT_INVOLVED,
    ControlMeasure,
    Deliverable,
    Gate,
    GateCriterion,
    Kpi,
    Phase,
    PredecessorTemplate,
    RiskTemplate,
    Role,
    TaskTemplate,
    Template,
)

__all__ = [
    "DEFAULT_TEMPLATE_ID",
    "NOT_INVOLVED",
    "ControlMeasure",
    "Deliverable",
    "Gate",
    "GateCriterion",
    "Kpi",
    "Phase",
    "PredecessorTemplate",
    "RiskTemplate",
    "Role",
    "TaskTemplate",
    "Template",
    "control_measures",
    "get_template",
    "kpi",
    "kpis",
    "list_templates",
    "role",
    "roles",
    "typical_risks",
]
