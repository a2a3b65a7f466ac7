"""The risk register: adding, editing and removing a project's risks, and their heat-map points.

Each risk has a probability and an impact from 1 to 5 (score = probability × impact, zones as
in :mod:`crm_impl.tracking.risks`), optional residual values after mitigation, an
owner, a response, a status, and the plan tasks it would delay by ``delay_days`` working days
(the risk events of the Monte Carlo simulation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_impl.db.locking import apply_changes
from crm_impl.db.numbering import add_numbered
from crm_impl.errors import ValidationError
from crm_impl.i18n import is_chinese
from crm_impl.limits import MAX_DURATION_DAYS
from crm_impl.methodology import typical_risks
from crm_impl.models import Project, Risk, RiskStatus
from crm_impl.tracking.risks import RiskPoint, is_open

__all__ = [
    "RiskDraft",
    "next_risk_key",
    "add_risk",
    "update_risk",
    "delete_risk",
    "add_typical_risks",
    "heatmap_points",
]

_SCALE = range(1, 6)
_NUMBERED = re.compile(r"RISK-(\d+)")


def _rating(value: int | None, name: str, *, required: bool) -> int | None:
    if value is None:
        if required:
            raise ValidationError("is required", field=name)
        return None
    if value not in _SCALE:
        raise ValidationError("must be a whole number from 1 to 5", field=name)
    return int(value)


@dataclass
class RiskDraft:
    """What a person enters for a risk; :meth:`fields` validates it against the project."""

    title: str
    probability: int
    impact: int
    key: str = ""
    title_zh: str = ""
    description: str = ""
    description_zh: str = ""
    residual_probability: int | None = None
    residual_impact: int | None = None
    owner: str = ""
    response: str = ""
    response_zh: str = ""
    status: str = RiskStatus.OPEN.value
    linked_tasks: list[str] = field(default_factory=list)
    delay_days: int = 0
    template_id: str = ""

    def fields(self, project: Project) -> dict:
        if not self.title.strip():
            raise ValidationError("is required", field="title")
        values = {
            "probability": _rating(self.probability, "probability", required=True),
            "impact": _rating(self.impact, "impact", required=True),
            "residual_probability": _rating(self.residual_probability, "residual_probability", required=False),
            "residual_impact": _rating(self.residual_impact, "residual_impact", required=False),
        }
        if (values["residual_probability"] is None) != (values["residual_impact"] is None):
            raise ValidationError("give both residual values or neither", field="residual_impact")
        try:
            status = RiskStatus(self.status)
        except ValueError:
            raise ValidationError("unknown status %(status)r", field="status", status=self.status) from None
        known = {task.key for task in project.tasks}
        linked: list[str] = []
        for key in (k.strip() for k in self.linked_tasks):
            if not key:
                continue
            if key not in known:
                raise ValidationError("unknown task %(task)r", field="linked_tasks", task=key)
            if key in linked:
                raise ValidationError("task %(task)r is listed twice", field="linked_tasks", task=key)
            linked.append(key)
        if not 0 <= self.delay_days <= MAX_DURATION_DAYS:
            raise ValidationError("must be from 0 to %(limit)s working days", field="delay_days",
                                  limit=MAX_DURATION_DAYS)
        if self.delay_days and not linked:
            raise ValidationError("a delay needs at least one linked task", field="delay_days")
        return {
            **values,
            "title": self.title.strip(),
            "title_zh": self.title_zh.strip(),
            "description": self.description.strip(),
            "description_zh": self.description_zh.strip(),
            "owner": self.owner.strip(),
            "response": self.response.strip(),
            "response_zh": self.response_zh.strip(),
            "status": status,
            "linked_tasks": linked,
            "delay_days": int(self.delay_days),
        }


def next_risk_key(project: Project) -> str:
    """``RISK-NN`` one above the highest number in use.

    >>> from crm_impl.models import Project, Risk
    >>> next_risk_key(Project(risks=[Risk(key="RISK-09"), Risk(key="R-X")]))
    'RISK-10'
    """
    numbers = [int(m[1]) for r in project.risks if (m := _NUMBERED.fullmatch(r.key or ""))]
    return f"RISK-{max(numbers, default=0) + 1:02d}"


def _unique_key(project: Project, key: str, risk: Risk | None = None) -> str:
    key = key.strip() or (risk.key if risk is not None else next_risk_key(project))
    if len(key) > 40:
        raise ValidationError("is longer than 40 characters", field="key")
    if any(r.key == key and r is not risk for r in project.risks):
        raise ValidationError("risk id %(key)r exists already", field="key", key=key)
    return key


def add_risk(session: Session, project: Project, draft: RiskDraft) -> Risk:
    """Add a risk; without a key it gets the next free ``RISK-NN`` (drawn again if someone else
    took it at the same moment)."""
    values = draft.fields(project)
    template_id = draft.template_id.strip()
    if draft.key.strip():
        risk = Risk(key=_unique_key(project, draft.key), template_id=template_id, **values)
        project.risks.append(risk)
        session.flush()
        return risk

    def add(number: int) -> Risk:
        risk = Risk(key=f"RISK-{number:02d}", template_id=template_id, **values)
        project.risks.append(risk)
        return risk

    def highest() -> int | None:
        keys = session.scalars(select(Risk.key).where(Risk.project_id == project.id))
        return max((int(m[1]) for k in keys if (m := _NUMBERED.fullmatch(k or ""))), default=0)

    return add_numbered(session, add, highest)


def update_risk(project: Project, risk: Risk, expected_version: int | None, draft: RiskDraft) -> bool:
    """Apply an edit made from version ``expected_version``; returns whether anything changed."""
    values = draft.fields(project)
    values["key"] = _unique_key(project, draft.key, risk)
    return apply_changes(risk, expected_version, values)


def delete_risk(session: Session, project: Project, risk: Risk) -> None:
    project.risks.remove(risk)
    session.delete(risk)


def add_typical_risks(session: Session, project: Project) -> list[Risk]:
    """Seed the methodology's typical CRM risks the register does not hold yet (by template id)."""
    present = {r.template_id for r in project.risks if r.template_id}
    added = []
    for template in typical_risks():
        if template.id in present:
            continue
        draft = RiskDraft(
            title=template.name, title_zh=template.name_zh, description=template.description,
            description_zh=template.description_zh, probability=template.probability, impact=template.impact,
            response=template.response, response_zh=template.response_zh,
            template_id=template.id,
        )
        added.append(add_risk(session, project, draft))
    return added


def heatmap_points(project: Project, locale: str | None = None) -> tuple[list[RiskPoint], list[RiskPoint]]:
    """The open risks before and after mitigation, for :func:`risk_heatmap_pair`.

    A risk without residual values stays where it is after mitigation.
    """
    before, after = [], []
    for risk in project.risks:
        if not is_open(risk.status):
            continue
        title = risk.title_zh if is_chinese(locale) and risk.title_zh else risk.title
        # Markers carry the short number ("09" for RISK-09): several share a cell.
        label = risk.key.removeprefix("RISK-")
        before.append(RiskPoint(label, title, risk.probability, risk.impact))
        after.append(
            RiskPoint(
                label, title,
                risk.residual_probability or risk.probability,
                risk.residual_impact or risk.impact,
            )
        )
    return before, after
