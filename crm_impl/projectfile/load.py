"""Creating a stored project from a project-file document."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from crm_impl.db import audit
from crm_impl.models import (
    Baseline,
    BaselineTask,
    Dependency,
    Holiday,
    KpiMeasurement,
    WorkingDay,
    KpiTarget,
    LinkType,
    MemberRole,
    Membership,
    Phase,
    Project,
    ProjectStatus,
    Side,
    Task,
    TeamMember,
    User,
)
from crm_impl.projectfile.finance_rows import load_business_case
from crm_impl.projectfile.processes import load_processes
from crm_impl.projectfile.tracking import load_tracking
from crm_impl.projectfile.vendors import load_vendor_selection
from crm_impl.projectfile.values import parse_date, utc_moment
from crm_impl.projectfile.validate import validate_document

__all__ = ["import_project", "add_project"]


def import_project(session: Session, owner: User, data: Any) -> Project:
    """Validate ``data`` completely, then add it as a new project owned by ``owner``.

    Nothing is added to the session unless the whole document is valid; the caller commits.
    The project keeps its file's audit trail, and one event records the import and who did it
    (``session.info["actor"]``).
    """
    project = add_project(session, owner, data)
    audit.record(session, project, "Project", "import", project.title, {"tasks": len(project.tasks)})
    session.flush()
    return project


def add_project(session: Session, owner: User, data: Any) -> Project:
    """Validate ``data`` and add it as a new project owned by ``owner``, recording no event."""
    validate_document(data)
    info = data["project"]
    calendar = data.get("calendar", {})
    project = Project(
        code=info.get("code", ""),
        title=info["title"],
        title_zh=info.get("title_zh", ""),
        client_company=info["client_company"],
        client_company_zh=info.get("client_company_zh", ""),
        industry=info.get("industry", ""),
        industry_zh=info.get("industry_zh", ""),
        description=info.get("description", ""),
        description_zh=info.get("description_zh", ""),
        objectives=list(info.get("objectives", [])),
        objectives_zh=list(info.get("objectives_zh", [])),
        company_profile=dict(info.get("company_profile", {})),
        scope_modules=list(info.get("scope_modules", [])),
        start_date=date.fromisoformat(info["start_date"]),
        currency=info.get("currency", "CNY"),
        template_id=info.get("template", "nine_phase"),
        status=ProjectStatus(info.get("status", "active")),
        working_weekdays=sorted(calendar.get("working_weekdays", [0, 1, 2, 3, 4])),
        status_date=date.fromisoformat(info["status_date"]) if info.get("status_date") else None,
    )
    project.holidays = [Holiday(day=date.fromisoformat(h["date"]), name=h.get("name", "")) for h in calendar.get("holidays", [])]
    project.working_days = [WorkingDay(day=date.fromisoformat(w["date"]), name=w.get("name", ""))
                            for w in calendar.get("working_days", [])]
    project.kpi_targets = [
        KpiTarget(kpi=k["kpi"], name=k.get("name", ""), name_zh=k.get("name_zh", ""), baseline=k.get("baseline"),
                  target=k["target"], actual=k.get("actual"),
                  measurements=[KpiMeasurement(measured_on=date.fromisoformat(m["date"]), value=m["value"],
                                               recorded_by=m.get("recorded_by", ""), note=m.get("note", ""))
                                for m in k.get("measurements", [])])
        for k in data.get("kpi_targets", [])
    ]
    project.team = [
        TeamMember(
            name=m["name"],
            organisation=m.get("organisation", ""),
            side=Side(m["side"]),
            role_id=m["role"],
            email=m.get("email", ""),
            availability_pct=m.get("availability_pct", 100),
        )
        for m in data.get("team", [])
    ]
    phases = {
        p["key"]: Phase(key=p["key"], position=i, name=p["name"], name_zh=p.get("name_zh", ""))
        for i, p in enumerate(data["phases"])
    }
    project.phases = list(phases.values())
    tasks = {t["id"]: _task(t, i, phases[t["phase"]]) for i, t in enumerate(data["tasks"])}
    project.tasks = list(tasks.values())
    project.dependencies = [
        Dependency(
            pred=tasks[d["pred"]],
            succ=tasks[d["succ"]],
            type=LinkType(d.get("type", "FS")),
            lag=d.get("lag", 0),
        )
        for d in data.get("dependencies", [])
    ]
    project.baselines = [
        Baseline(
            name=b["name"],
            created_at=utc_moment(b.get("created_at")),
            steering=bool(b.get("steering", False)),
            tasks=[
                BaselineTask(task_key=t["id"], start=date.fromisoformat(t["start"]), finish=date.fromisoformat(t["finish"]),
                             duration=t["duration"], budget=float(t.get("budget", 0)))
                for t in b["tasks"]
            ],
        )
        for b in data.get("baselines", [])
    ]
    if project.baselines and not any(b.steering for b in project.baselines):
        # Files from before the steering baseline: the dashboard measured against the newest.
        project.baselines[-1].steering = True
    load_tracking(project, phases, data)
    load_vendor_selection(project, data, owner)
    load_processes(project, data)
    project.memberships = [Membership(user=owner, role=MemberRole.OWNER)]
    session.add(project)
    load_business_case(session, project, data)
    # The new rows are not changes to an existing project: the caller records one event.
    session.info[audit.SUSPENDED] = True
    try:
        session.flush()
    finally:
        session.info.pop(audit.SUSPENDED, None)
    return project


def _task(item: dict[str, Any], position: int, phase: Phase) -> Task:
    estimate = item.get("duration_days") or {}
    roles = item.get("roles") or {}
    return Task(
        key=item["id"],
        position=position,
        phase=phase,
        name=item["name"],
        name_zh=item.get("name_zh", ""),
        milestone=item.get("milestone", False),
        duration=item["duration"],
        optimistic=estimate.get("optimistic"),
        most_likely=estimate.get("most_likely"),
        pessimistic=estimate.get("pessimistic"),
        roles={"R": list(roles.get("R", [])), "A": roles.get("A"), "C": list(roles.get("C", []))},
        deliverable=item.get("deliverable", ""),
        progress=item.get("progress", 0),
        actual_start=parse_date(item.get("actual_start")),
        actual_finish=parse_date(item.get("actual_finish")),
        start_no_earlier_than=parse_date(item.get("start_no_earlier_than")),
        finish_no_later_than=parse_date(item.get("finish_no_later_than")),
        budget=float(item.get("budget", 0)),
        actual_cost=None if item.get("actual_cost") is None else float(item["actual_cost"]),
    )
