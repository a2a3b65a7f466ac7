"""Pure algorithms for tracking a project against the methodology.

RACI checks (:mod:`.raci`), quality-gate reviews (:mod:`.gates`), the steering-committee
RAG status (:mod:`.rag`) and the risk heat map (:mod:`.risk_figures`). Plain dataclasses in
and out; no database, no web.
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
from crm_impl.tracking.raci import LETTERS, RaciProblem, raci_csv, validate_raci

__all__ = [
    "DECISIONS",
    "CriterionState",
    "Decision",
    "DeliverableState",
    "GateReview",
    "check_decision",
    "evaluate_gate",
    "LETTERS",
    "RaciProblem",
    "raci_csv",
    "validate_raci",
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
