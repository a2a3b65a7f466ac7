"""The plan inside a project file, both ways: document → :class:`Plan` and back.

The command line schedules, simulates and converts project files through here, after the same
validation as an import (:func:`crm_impl.projectfile.read`), so a file the web refuses is
refused by every command too.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from crm_impl.projectfile.spec import FORMAT, FORMAT_VERSION
from crm_impl.projectfile.values import parse_date
from crm_impl.schedule.baseline import BaselineEntry
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.montecarlo import RiskEvent
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanPhase, PlanTask
from crm_impl.tracking.risks import risk_event

__all__ = ["plan_from_document", "document_from_plan", "risk_events_from_document"]


def _task(item: Mapping[str, Any], gates: Mapping[str, str]) -> PlanTask:
    estimate = item.get("duration_days")
    roles = item.get("roles") or {}
    return PlanTask(
        id=item["id"],
        name=item["name"],
        phase=item["phase"],
        duration=item["duration"],
        milestone=bool(item.get("milestone", False)),
        name_zh=item.get("name_zh", ""),
        estimate=ThreePoint(estimate["optimistic"], estimate["most_likely"], estimate["pessimistic"]) if estimate else None,
        progress=int(item.get("progress", 0)),
        roles={"R": list(roles.get("R", [])), "A": roles.get("A"), "C": list(roles.get("C", []))},
        start_no_earlier_than=parse_date(item.get("start_no_earlier_than")),
        finish_no_later_than=parse_date(item.get("finish_no_later_than")),
        budget=float(item.get("budget", 0)),
        actual_cost=None if item.get("actual_cost") is None else float(item["actual_cost"]),
        actual_start=parse_date(item.get("actual_start")),
        actual_finish=parse_date(item.get("actual_finish")),
        gate=gates.get(item["id"], ""),
    )


def plan_from_document(document: Mapping[str, Any]) -> Plan:
    """The plan of a validated project-file document.

    Examples
    --------
    >>> doc = {"project": {"title": "Pilot", "client_company": "ACME", "start_date": "2025-03-03"},
    ...        "phases": [{"key": "P1", "name": "Preparation"}],
    ...        "tasks": [{"id": "A", "phase": "P1", "name": "Assess", "duration": 3}]}
    >>> plan = plan_from_document(doc)
    >>> plan.title, plan.company, [(t.id, t.duration) for t in plan.tasks]
    ('Pilot', 'ACME', [('A', 3)])
    """
    project = document["project"]
    calendar = document.get("calendar") or {}
    gates = {g["milestone_task"]: g["gate"] for g in document.get("gates", []) if g.get("milestone_task")}
    return Plan(
        title=project["title"],
        start=date.fromisoformat(project["start_date"]),
        working_weekdays=tuple(sorted(calendar.get("working_weekdays", (0, 1, 2, 3, 4)))),
        holidays=tuple((date.fromisoformat(h["date"]), h.get("name", "")) for h in calendar.get("holidays", ())),
        working_days=tuple((date.fromisoformat(w["date"]), w.get("name", "")) for w in calendar.get("working_days", ())),
        phases=tuple(PlanPhase(p["key"], p["name"], p.get("name_zh", "")) for p in document["phases"]),
        tasks=tuple(_task(t, gates) for t in document["tasks"]),
        links=tuple(
            Link(d["pred"], d["succ"], d.get("type", "FS"), d.get("lag", 0)) for d in document.get("dependencies", ())
        ),
        company=str(project.get("client_company", "")),
    )


def risk_events_from_document(document: Mapping[str, Any]) -> list[RiskEvent]:
    """The risk register's events for a schedule simulation (the rule of
    :func:`crm_impl.tracking.risks.risk_event`, residual probability where rated)."""
    events = []
    for risk in document.get("risks", []):
        event = risk_event(
            risk["key"], risk.get("status", "open"), risk.get("residual_probability") or risk["probability"],
            risk.get("delay_days", 0), risk.get("linked_tasks", []),
        )
        if event is not None:
            events.append(event)
    return events


#: The name a baseline from another tool gets (MS Project XML does not name its baselines).
IMPORTED_BASELINE_NAME = "Baseline (MS Project)"


def baseline_from_document(document: Mapping[str, Any]) -> dict[str, BaselineEntry]:
    """The steering baseline of a project file in the engine's shape (the newest baseline when
    none is marked, as loading the file does; empty without baselines)."""
    baselines = document.get("baselines") or []
    if not baselines:
        return {}
    saved = next((b for b in baselines if b.get("steering")), baselines[-1])
    return {t["id"]: BaselineEntry(date.fromisoformat(t["start"]), date.fromisoformat(t["finish"]),
                                   int(t.get("duration", 0)), float(t.get("budget", 0.0))) for t in saved["tasks"]}


def document_from_plan(
    plan: Plan, *, client_company: str | None = None, baseline: Mapping[str, BaselineEntry] | None = None,
) -> dict[str, Any]:
    """A project-file document (format version 1) holding ``plan`` and, when given, ``baseline``
    as its steering baseline.

    ``client_company`` (required by the format) defaults to the plan's company, else its title.
    """
    tasks = []
    for t in plan.tasks:
        record: dict[str, Any] = {
            "id": t.id,
            "phase": t.phase,
            "name": t.name,
            "milestone": t.milestone,
            "duration": t.duration,
            "progress": t.progress,
        }
        if t.name_zh:
            record["name_zh"] = t.name_zh
        if t.estimate is not None:
            record["duration_days"] = {
                "optimistic": t.estimate.optimistic,
                "most_likely": t.estimate.most_likely,
                "pessimistic": t.estimate.pessimistic,
            }
        if any(t.roles.values()):
            record["roles"] = {"R": list(t.roles.get("R") or []), "A": t.roles.get("A"),
                               "C": list(t.roles.get("C") or [])}
        if t.budget:
            record["budget"] = t.budget
        if t.actual_cost is not None:
            record["actual_cost"] = t.actual_cost
        for name in ("actual_start", "actual_finish", "start_no_earlier_than", "finish_no_later_than"):
            if getattr(t, name) is not None:
                record[name] = getattr(t, name).isoformat()
        tasks.append(record)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "project": {
            "title": plan.title or "Imported project",
            "client_company": client_company or plan.company or plan.title or "Unknown",
            "start_date": plan.start.isoformat(),
        },
        "calendar": {
            "working_weekdays": list(plan.working_weekdays),
            "holidays": [
                {"date": day.isoformat(), "name": name} if name else {"date": day.isoformat()}
                for day, name in plan.holidays
            ],
            **({"working_days": [
                {"date": day.isoformat(), "name": name} if name else {"date": day.isoformat()}
                for day, name in plan.working_days
            ]} if plan.working_days else {}),
        },
        "phases": [{"key": p.key, "name": p.name, **({"name_zh": p.name_zh} if p.name_zh else {})}
                   for p in plan.phases],
        "tasks": tasks,
        "dependencies": [
            {"pred": link.pred, "succ": link.succ, "type": link.type, "lag": link.lag} for link in plan.links
        ],
        **({"baselines": [{
            "name": IMPORTED_BASELINE_NAME, "steering": True,
            "tasks": [{"id": key, "start": e.start.isoformat(), "finish": e.finish.isoformat(), "duration": e.duration,
                       "budget": e.budget} for key, e in baseline.items()],
        }]} if baseline else {}),
    }
