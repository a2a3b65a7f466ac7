"""Pure algorithms for tracking a project against the methodology.

RACI checks (:mod:`.raci`), quality-gate reviews (:mod:`.gates`), the steering-committee
RAG status (:mod:`.rag`) and risk ratings (:mod:`.risks`): plain dataclasses in and out, no
database, no web, no charts (the heat map is :mod:`crm_impl.charts.risks`).
"""

from crm_impl.tracking.gates import (
    DECISIONS,
    CriterionState,
    Decision,
    DeliverableState,
    GateReview,
    check_decision,
    evaluate_gate,
)
from crm_impl.tracking.raci import LETTERS, RaciProblem, validate_raci
from crm_impl.tracking.rag import (
    AREAS,
    AreaStatus,
    Rag,
    RagThresholds,
    StatusFacts,
    StatusReport,
    area_label,
    assess_status,
    describe_thresholds,
    rag_label,
)

__all__ = [
    "LETTERS",
    "RaciProblem",
    "validate_raci",
    "DECISIONS",
    "CriterionState",
    "Decision",
    "DeliverableState",
    "GateReview",
    "check_decision",
    "evaluate_gate",
    "AREAS",
    "AreaStatus",
    "Rag",
    "RagThresholds",
    "StatusFacts",
    "StatusReport",
    "area_label",
    "assess_status",
    "describe_thresholds",
    "rag_label",
]
