"""Typed SQLAlchemy 2.x models of crm-impl (plain SQLAlchemy: no Flask)."""

from crm_impl.models.accounts import LOCALES, User
from crm_impl.models.base import Base, Versioned
from crm_impl.models.plan import Baseline, BaselineTask, Dependency, LinkType, Phase, Task
from crm_impl.models.tracking import (
    ActionItem,
    AuditEvent,
    ChangeRequest,
    ChangeStatus,
    Deliverable,
    DeliverableStatus,
    GateDecision,
    GateRecord,
    Meeting,
    RaciAssignment,
    Risk,
    RiskStatus,
)
from crm_impl.models.projects import (
    Holiday,
    KpiMeasurement,
    KpiTarget,
    MemberRole,
    Membership,
    Project,
    ProjectStatus,
    Side,
    TeamMember,
)

__all__ = [
    "Base",
    "Versioned",
    "User",
    "LOCALES",
    "Project",
    "ProjectStatus",
    "Holiday",
    "Membership",
    "MemberRole",
    "TeamMember",
    "Side",
    "KpiMeasurement",
    "KpiTarget",
    "Phase",
    "Task",
    "Dependency",
    "LinkType",
    "Baseline",
    "BaselineTask",
    "Deliverable",
    "DeliverableStatus",
    "RaciAssignment",
    "GateRecord",
    "GateDecision",
    "Risk",
    "RiskStatus",
    "ChangeRequest",
    "ChangeStatus",
    "Meeting",
    "ActionItem",
    "AuditEvent",
]
