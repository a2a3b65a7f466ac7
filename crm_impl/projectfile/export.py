"""Turning a stored project into a project-file document."""

from __future__ import annotations

import json
from typing import Any

from crm_impl.models import Project
from crm_impl.projectfile.finance_rows import export_business_case
from crm_impl.projectfile.processes import export_processes
from crm_impl.projectfile.tracking import export_tracking
from crm_impl.projectfile.vendors import export_vendor_selection
from crm_impl.projectfile.values import iso_date, utc_text
from crm_impl.projectfile.spec import FORMAT, FORMAT_VERSION

__all__ = ["export_project", "dumps"]


def export_project(project: Project) -> dict[str, Any]:
    """The complete project as a document of the project file format."""
    tasks_by_id = {task.id: task.key for task in project.tasks}
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "project": {
            "code": project.code,
            "title": project.title,
            "title_zh": project.title_zh,
            "client_company": project.client_company,
            "client_company_zh": project.client_company_zh,
            "industry": project.industry,
            "industry_zh": project.industry_zh,
            "description": project.description,
            "description_zh": project.description_zh,
            "objectives": list(project.objectives),
            "objectives_zh": list(project.objectives_zh),
            "company_profile": dict(project.company_profile),
            "scope_modules": list(project.scope_modules),
            "start_date": project.start_date.isoformat(),
            "currency": project.currency,
            "template": project.template_id,
            "status": project.status.value,
            "budget_reserve": project.budget_reserve,
            **({"status_date": project.status_date.isoformat()} if project.status_date else {}),
        },
        "calendar": {
            "working_weekdays": sorted(project.working_weekdays),
            "holidays": [{"date": h.day.isoformat(), "name": h.name} for h in project.holidays],
            **({"working_days": [{"date": w.day.isoformat(), "name": w.name} for w in project.working_days]}
               if project.working_days else {}),
        },
        "kpi_targets": [
            {"kpi": k.kpi, "name": k.name, "name_zh": k.name_zh, "baseline": k.baseline, "target": k.target,
             "actual": k.actual,
             **({"measurements": [{"date": m.measured_on.isoformat(), "value": m.value, "recorded_by": m.recorded_by,
                                   "note": m.note} for m in sorted(k.measurements, key=lambda m: (m.measured_on, m.id or 0))]}
                if k.measurements else {})}
            for k in project.kpi_targets
        ],
        "team": [
            {
                "name": m.name,
                "organisation": m.organisation,
                "side": m.side.value,
                "role": m.role_id,
                "email": m.email,
                "availability_pct": m.availability_pct,
            }
            for m in project.team
        ],
        "phases": [
            {"key": p.key, "name": p.name, "name_zh": p.name_zh, "actual_start": iso_date(p.actual_start),
             "actual_finish": iso_date(p.actual_finish), "complete": p.complete}
            for p in project.phases
        ],
        "tasks": [_task(task) for task in project.tasks],
        "dependencies": [
            {"pred": tasks_by_id[d.pred_id], "succ": tasks_by_id[d.succ_id], "type": d.type.value, "lag": d.lag}
            for d in project.dependencies
        ],
        "baselines": [
            {
                "name": b.name,
                "created_at": utc_text(b.created_at),
                "steering": b.steering,
                "tasks": [
                    {"id": t.task_key, "start": t.start.isoformat(), "finish": t.finish.isoformat(),
                     "duration": t.duration, "budget": t.budget}
                    for t in b.tasks
                ],
            }
            for b in project.baselines
        ],
        **export_tracking(project),
        **export_business_case(project),
        **export_vendor_selection(project),
        **export_processes(project),
    }


def _task(task) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": task.key,
        "phase": task.phase.key,
        "name": task.name,
        "name_zh": task.name_zh,
        "milestone": task.milestone,
        "duration": task.duration,
    }
    if task.most_likely is not None:
        out["duration_days"] = {
            "optimistic": task.optimistic,
            "most_likely": task.most_likely,
            "pessimistic": task.pessimistic,
        }
    out.update(
        roles={"R": list(task.roles.get("R", [])), "A": task.roles.get("A"), "C": list(task.roles.get("C", []))},
        deliverable=task.deliverable,
        progress=task.progress,
        actual_start=iso_date(task.actual_start),
        actual_finish=iso_date(task.actual_finish),
        start_no_earlier_than=iso_date(task.start_no_earlier_than),
        finish_no_later_than=iso_date(task.finish_no_later_than),
        budget=task.budget,
        actual_cost=task.actual_cost,
    )
    return out


def dumps(document: dict[str, Any]) -> str:
    """Serialise a document the way crm-impl writes files: UTF-8 text, stable, readable."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
