"""Project operations: create from a methodology template, edit, archive, delete, list."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from crm_impl.db import audit
from crm_impl.db.locking import check_version
from crm_impl.errors import ValidationError
from crm_impl.limits import check_date
from crm_impl.models import Holiday, MemberRole, Membership, Project, ProjectStatus, Task, User, WorkingDay
from crm_impl.models.base import max_length, value_range
from crm_impl.projectfile import FORMAT, FORMAT_VERSION
from crm_impl.projectfile.load import add_project

__all__ = [
    "ProjectDraft",
    "create_project",
    "update_project",
    "set_archived",
    "delete_project",
    "projects_of",
    "matching",
    "ProjectPage",
    "ProjectRow",
    "PAGE_SIZE",
    "template_document",
    "tracking_sections",
]


@dataclass
class ProjectDraft:
    """What a person fills in to create or edit a project."""

    title: str
    client_company: str
    start_date: date
    industry: str = ""
    description: str = ""
    objectives: list[str] = field(default_factory=list)
    title_zh: str = ""
    client_company_zh: str = ""
    industry_zh: str = ""
    description_zh: str = ""
    objectives_zh: list[str] = field(default_factory=list)
    currency: str = "CNY"
    template_id: str = "nine_phase"
    working_weekdays: list[int] = field(default_factory=lambda: [0, 1, 2, 3, 4])
    holidays: list[tuple[date, str]] = field(default_factory=list)
    #: Reserve for changes (a change costing more goes to the steering committee).
    budget_reserve: float = 0.0
    #: The date progress is reported to; ``None``: always today.
    status_date: date | None = None
    #: Make-up working days (a weekend day worked, 调休), ``(date, name)``.
    working_days: list[tuple[date, str]] = field(default_factory=list)

    def check(self) -> None:
        if not self.title.strip():
            raise ValidationError("is required", field="title")
        if not self.client_company.strip():
            raise ValidationError("is required", field="client_company")
        if not self.working_weekdays:
            raise ValidationError("at least one working weekday is needed", field="working_weekdays")
        if len(self.currency) != 3 or not self.currency.isalpha():
            raise ValidationError("must be a three-letter ISO 4217 code such as CNY", field="currency")
        check_date(self.start_date, "start_date")
        if self.status_date is not None:
            check_date(self.status_date, "status_date")
        low, high = value_range(Project.budget_reserve)
        if not low <= self.budget_reserve <= high:
            raise ValidationError("must be between %(low)s and %(high)s", field="budget_reserve", low=low, high=high)
        for name, days in (("holidays", self.holidays), ("working_days", self.working_days)):
            _check_days(name, days)
        both = sorted({d for d, _ in self.holidays} & {d for d, _ in self.working_days})
        if both:
            raise ValidationError("%(day)s is both a holiday and a working day", field="working_days",
                                  day=both[0].isoformat())


def _check_days(field_name: str, days: list[tuple[date, str]]) -> None:
    """Dates of a calendar list in range, each once, names that fit their column."""
    for day, _ in days:
        check_date(day, field_name)
    if len({day for day, _ in days}) != len(days):
        raise ValidationError("a date is listed twice", field=field_name)
    limit = max_length(Holiday.name)
    for day, name in days:
        if len(name) > limit:
            raise ValidationError("the name of the day %(day)s is longer than %(limit)s characters",
                                  field=field_name, day=day.isoformat(), limit=limit)


def template_document(draft: ProjectDraft) -> dict[str, Any]:
    """A project-file document for a new project: the draft plus its template's plan."""
    from crm_impl.methodology.catalogue import get_template

    template = get_template(draft.template_id)
    phases, tasks, dependencies = [], [], []
    for phase in template.phases:
        phases.append({"key": phase.id, "name": phase.name, "name_zh": phase.name_zh})
        for task in phase.tasks:
            tasks.append(
                {
                    "id": task.key,
                    "phase": phase.id,
                    "name": task.name,
                    "name_zh": task.name_zh,
                    "milestone": task.milestone,
                    "duration": task.most_likely,
                    "duration_days": {
                        "optimistic": task.optimistic,
                        "most_likely": task.most_likely,
                        "pessimistic": task.pessimistic,
                    },
                    "roles": {
                        "R": list(task.roles.get("R", [])),
                        "A": task.roles.get("A"),
                        "C": list(task.roles.get("C", [])),
                    },
                    "deliverable": "; ".join(
                        template.deliverable(key).name for key in task.deliverables
                    ),
                }
            )
            dependencies.extend(
                {"pred": p.task, "succ": task.key, "type": p.type, "lag": p.lag}
                for p in task.predecessors
            )
    return {
        **tracking_sections(template),
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "project": {
            "title": draft.title.strip(),
            "client_company": draft.client_company.strip(),
            "industry": draft.industry.strip(),
            "description": draft.description.strip(),
            "title_zh": draft.title_zh.strip(),
            "client_company_zh": draft.client_company_zh.strip(),
            "industry_zh": draft.industry_zh.strip(),
            "description_zh": draft.description_zh.strip(),
            "objectives_zh": [o.strip() for o in draft.objectives_zh if o.strip()],
            "objectives": [o.strip() for o in draft.objectives if o.strip()],
            "start_date": draft.start_date.isoformat(),
            "currency": draft.currency.upper(),
            "template": template.id,
            "budget_reserve": draft.budget_reserve,
            **({"status_date": draft.status_date.isoformat()} if draft.status_date else {}),
        },
        "calendar": {
            "working_weekdays": sorted(draft.working_weekdays),
            "holidays": [{"date": d.isoformat(), "name": n} for d, n in sorted(draft.holidays)],
            "working_days": [{"date": d.isoformat(), "name": n} for d, n in sorted(draft.working_days)],
        },
        "phases": phases,
        "tasks": tasks,
        "dependencies": dependencies,
    }


def tracking_sections(template, gate_tasks: dict[str, str] | None = None) -> dict[str, Any]:
    """Deliverables with their RACI, quality gates and the typical risks, from the catalogue.

    ``gate_tasks`` maps a gate id to the plan's milestone task standing for it; by default the
    template's own gate milestones.
    """
    from crm_impl.methodology.catalogue import typical_risks

    if gate_tasks is None:
        gate_tasks = {task.gate: task.key for task in template.tasks if task.gate}
    return {
        "deliverables": [
            {
                "key": d.key,
                "phase": d.phase_id,
                "name": d.name,
                "name_zh": d.name_zh,
                "mandatory": d.mandatory,
                "owner_role": d.owner,
                "raci": dict(d.raci),
            }
            for d in template.deliverables
        ],
        "gates": [
            {"gate": g.id, "phase": g.phase_id, "milestone_task": gate_tasks.get(g.id, "")}
            for g in template.gates
        ],
        "risks": [
            {
                "key": f"RISK-{i:02d}",
                "template": r.id,
                "title": r.name,
                "title_zh": r.name_zh,
                "description": r.description,
                "description_zh": r.description_zh,
                "probability": r.probability,
                "impact": r.impact,
                "response": r.response,
                "response_zh": r.response_zh,
                "status": "open",
            }
            for i, r in enumerate(typical_risks(), start=1)
        ],
    }


def create_project(session: Session, owner: User, draft: ProjectDraft) -> Project:
    """Create a project owned by ``owner`` with the phases, tasks and links of its template."""
    draft.check()
    project = add_project(session, owner, template_document(draft))
    audit.record(session, project, "Project", "create", project.title,
                 {"template": project.template_id, "tasks": len(project.tasks)})
    session.flush()
    return project


def update_project(project: Project, expected_version: int | None, draft: ProjectDraft) -> None:
    """Apply an edit of the project's settings and calendar (the template stays as created)."""
    check_version(project, expected_version)
    draft.check()
    project.title = draft.title.strip()
    project.client_company = draft.client_company.strip()
    project.industry = draft.industry.strip()
    project.description = draft.description.strip()
    project.title_zh = draft.title_zh.strip()
    project.client_company_zh = draft.client_company_zh.strip()
    project.industry_zh = draft.industry_zh.strip()
    project.description_zh = draft.description_zh.strip()
    project.objectives_zh = [o.strip() for o in draft.objectives_zh if o.strip()]
    project.objectives = [o.strip() for o in draft.objectives if o.strip()]
    project.start_date = draft.start_date
    project.currency = draft.currency.upper()
    project.working_weekdays = sorted(draft.working_weekdays)
    project.budget_reserve = draft.budget_reserve
    project.status_date = draft.status_date
    project.holidays = _days_kept(project.holidays, draft.holidays, Holiday)
    project.working_days = _days_kept(project.working_days, draft.working_days, WorkingDay)
    # Holidays are child rows; mark the project row changed so its version moves with every
    # settings edit and a concurrent edit of the calendar is detected too.
    flag_modified(project, "title")


def _days_kept(rows: list, wanted_days: list[tuple[date, str]], model: type) -> list:
    """The calendar rows for ``wanted_days``: existing rows kept (renamed), the others new."""
    existing = {row.day: row for row in rows}
    wanted = dict(wanted_days)
    kept = [existing[day] if day in existing else model(day=day, name=name) for day, name in sorted(wanted.items())]
    for row in kept:
        row.name = wanted[row.day]
    return kept


def set_archived(project: Project, archived: bool) -> None:
    project.status = ProjectStatus.ARCHIVED if archived else ProjectStatus.ACTIVE


def delete_project(session: Session, project: Project, confirmation: str) -> None:
    """Delete the project and everything in it; ``confirmation`` must repeat its title."""
    if confirmation.strip() != project.title.strip():
        raise ValidationError("type the project's title exactly to confirm", field="confirmation")
    session.delete(project)


@dataclass(frozen=True)
class ProjectRow:
    """A project as the list shows it: the project, the reader's role in it, its number of tasks."""

    project: Project
    role: MemberRole
    tasks: int


@dataclass(frozen=True)
class ProjectPage:
    """One page of a person's projects, newest first."""

    rows: list[ProjectRow]
    number: int
    pages: int
    total: int


#: Projects on one page of the list.
PAGE_SIZE = 24


def matching(query, search: str):
    """``query`` narrowed to projects whose title, client or code (either language) contains
    ``search``, case aside; ``%`` and ``_`` are plain characters.  Blank: ``query`` as it is."""
    words = search.strip()
    if not words:
        return query
    return query.where(or_(*(column.icontains(words, autoescape=True) for column in (
        Project.title, Project.title_zh, Project.client_company, Project.client_company_zh, Project.code))))


def projects_of(session: Session, user: User, *, archived: bool = False, search: str = "", page: int = 1,
                per_page: int = PAGE_SIZE) -> ProjectPage:
    """The projects ``user`` is a member of, newest first, one page at a time: two queries
    whatever the number of projects.  ``search`` finds a piece of the title, client or code (in
    either language); a page beyond the last gives the last."""
    status = ProjectStatus.ARCHIVED if archived else ProjectStatus.ACTIVE
    mine = (select(Project.id)
            .join(Membership, Membership.project_id == Project.id)
            .where(Membership.user_id == user.id, Project.status == status))
    mine = matching(mine, search)
    total = session.scalar(select(func.count()).select_from(mine.subquery())) or 0
    pages = max(1, -(-total // per_page))
    number = min(max(1, page), pages)
    tasks = (select(func.count(Task.id)).where(Task.project_id == Project.id).correlate(Project)
             .scalar_subquery())
    rows = session.execute(
        select(Project, Membership.role, tasks)
        .join(Membership, Membership.project_id == Project.id)
        .where(Membership.user_id == user.id, Project.id.in_(mine))
        .order_by(Project.id.desc())
        .limit(per_page).offset((number - 1) * per_page)
    )
    return ProjectPage([ProjectRow(project, role, count) for project, role, count in rows], number, pages, total)