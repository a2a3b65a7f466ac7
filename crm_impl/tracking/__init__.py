"""Pure algorithms for tracking a project against the methodology.

RACI checks (:mod:`.raci`), quality-gate reviews (:mod:`.gates`) and the steering-committee
RAG status (:mod:`.rag`): plain dataclasses in and out, no database, no web. The risk heat
map lives in :mod:`.risk_figures` and is not re-exported here, so importing the package does
not load plotly (as with :mod:`crm_impl.schedule` and its figures).
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
from crm_impl.tracking.raci import LETTERS, RaciProblem, raci_csv, validate_raci
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
    "raci_csv",
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
