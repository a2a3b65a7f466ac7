"""The portfolio: every project of a person with its steering status, side by side.

Each row is the project's own dashboard (:func:`~crm_impl.operations.status.project_dashboard`)
boiled down, so the two never disagree.  A dashboard costs a forecast and earned value, so rows
are kept in a cache keyed by the project's last audit event (every change to a project leaves
one) and the day: a portfolio of many projects recomputes only what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_impl.models import AuditEvent, MemberRole, Membership, Project, ProjectStatus, User
from crm_impl.operations.projects import matching
from crm_impl.operations.status import project_dashboard
from crm_impl.tracking.rag import RagThresholds

__all__ = ["PortfolioRow", "portfolio", "SORTS", "RAG_ORDER"]

#: Worst first.
RAG_ORDER = {"red": 0, "amber": 1, "grey": 2, "green": 3}
#: The orders a portfolio can be read in.
SORTS = ("status", "slip", "progress", "finish", "title")


class RowCache(Protocol):
    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any, timeout: int | None = None) -> Any: ...


@dataclass(frozen=True)
class PortfolioRow:
    """One project as the portfolio shows it (texts in both languages; the page picks one)."""

    project_id: int
    code: str
    title: str
    title_zh: str
    client: str
    client_zh: str
    role: MemberRole
    overall: str
    areas: dict[str, str]  # area -> rag
    status_date: date
    forecast_finish: date
    target_finish: date
    slip_days: int | None
    progress: float
    high_risks: int
    open_changes: int


def _row(project: Project, role: MemberRole, today: date) -> PortfolioRow:
    dashboard = project_dashboard(project, today)
    facts = dashboard.facts
    high = RagThresholds().high_risk_score
    return PortfolioRow(
        project_id=project.id, code=project.code, title=project.title, title_zh=project.title_zh,
        client=project.client_company, client_zh=project.client_company_zh, role=role,
        overall=dashboard.status.overall, areas={a.area: a.rag for a in dashboard.status.areas},
        status_date=dashboard.status_date, forecast_finish=dashboard.forecast_finish,
        target_finish=dashboard.target_finish, slip_days=facts.schedule_slip_days,
        progress=dashboard.overview.progress, high_risks=sum(score >= high for score in facts.open_risk_scores),
        open_changes=facts.open_change_requests,
    )


def _sort_key(sort: str):
    return {
        "status": lambda r: (RAG_ORDER[r.overall], -(r.slip_days or 0), r.title.lower()),
        "slip": lambda r: (-(r.slip_days or 0), r.title.lower()),
        "progress": lambda r: (r.progress, r.title.lower()),
        "finish": lambda r: (r.forecast_finish, r.title.lower()),
        "title": lambda r: r.title.lower(),
    }[sort]


def portfolio(session: Session, user: User, today: date, *, archived: bool = False, search: str = "",
              rag: str = "", sort: str = "status", cache: RowCache | None = None) -> list[PortfolioRow]:
    """The projects ``user`` is a member of, each with its dashboard's figures; ``rag`` keeps only
    projects of that overall status, ``search`` those whose title, client or code contains it."""
    status = ProjectStatus.ARCHIVED if archived else ProjectStatus.ACTIVE
    query = (select(Project.id, Membership.role, func.max(AuditEvent.id))
             .join(Membership, Membership.project_id == Project.id)
             .outerjoin(AuditEvent, AuditEvent.project_id == Project.id)
             .where(Membership.user_id == user.id, Project.status == status)
             .group_by(Project.id, Membership.role))
    query = matching(query, search)
    rows = []
    for project_id, role, stamp in session.execute(query):
        key = f"portfolio:{project_id}:{stamp or 0}:{today.isoformat()}"
        row = cache.get(key) if cache is not None else None
        if not isinstance(row, PortfolioRow) or row.role != role:
            project = session.get(Project, project_id)
            row = _row(project, role, today)
            session.expunge(project)  # one project's records in memory at a time
            if cache is not None:
                cache.set(key, row, timeout=24 * 3600)
        rows.append(row)
    if rag in RAG_ORDER:
        rows = [r for r in rows if r.overall == rag]
    return sorted(rows, key=_sort_key(sort if sort in SORTS else "status"))
