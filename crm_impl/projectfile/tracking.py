"""The methodology-tracking sections of a project file: deliverables, gates, risks, change
requests, meetings and the audit trail (both directions, so export and import stay mirrors)."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from crm_impl.models import (
    ActionItem,
    AuditEvent,
    ChangeRequest,
    ChangeStatus,
    Deliverable,
    DeliverableStatus,
    GateDecision,
    GateRecord,
    Meeting,
    Phase,
    Project,
    RaciAssignment,
    Risk,
    RiskStatus,
)
from crm_impl.projectfile.values import iso_date, parse_date, utc_moment, utc_text

__all__ = ["export_tracking", "load_tracking"]


def export_tracking(project: Project) -> dict[str, Any]:
    return {
        "deliverables": [
            {
                "key": d.key,
                "phase": d.phase.key,
                "name": d.name,
                "name_zh": d.name_zh,
                "mandatory": d.mandatory,
                "owner_role": d.owner_role,
                "due_date": iso_date(d.due_date),
                "status": d.status.value,
                "link": d.link,
                "file": (
                    {"name": d.file_name, "content_base64": base64.b64encode(d.file_data).decode("ascii")}
                    if d.file_name and d.file_data is not None
                    else None
                ),
                "signed_off_by": d.signed_off_by,
                "signed_off_at": utc_text(d.signed_off_at),
                "raci": {a.role_id: a.letter for a in d.raci},
            }
            for d in project.deliverables
        ],
        "gates": [
            {
                "gate": g.gate_id,
                "phase": g.phase.key,
                "milestone_task": g.milestone_task,
                "checks": dict(g.checks),
                "decision": g.decision.value if g.decision else None,
                "conditions": g.conditions,
                "decided_by": g.decided_by,
                "decided_at": utc_text(g.decided_at),
            }
            for g in project.gates
        ],
        "risks": [
            {
                "key": r.key,
                "template": r.template_id,
                "title": r.title,
                "title_zh": r.title_zh,
                "description": r.description,
                "description_zh": r.description_zh,
                "probability": r.probability,
                "impact": r.impact,
                "residual_probability": r.residual_probability,
                "residual_impact": r.residual_impact,
                "owner": r.owner,
                "response": r.response,
                "response_zh": r.response_zh,
                "status": r.status.value,
                "linked_tasks": list(r.linked_tasks),
                "delay_days": r.delay_days,
            }
            for r in project.risks
        ],
        "change_requests": [
            {
                "number": c.number,
                "title": c.title,
                "description": c.description,
                "requester": c.requester,
                "scope_impact": c.scope_impact,
                "days_impact": c.days_impact,
                "cost_impact": c.cost_impact,
                "plan_changes": list(c.plan_changes),
                "status": c.status.value,
                "decided_by": c.decided_by,
                "decided_at": utc_text(c.decided_at),
                "applied_delta": list(c.applied_delta),
            }
            for c in project.change_requests
        ],
        "meetings": [
            {
                "held_on": m.held_on.isoformat(),
                "kind": m.kind,
                "title": m.title,
                "agenda": m.agenda,
                "attendees": m.attendees,
                "decisions": m.decisions,
                "actions": [
                    {"text": a.text, "owner": a.owner, "due_date": iso_date(a.due_date), "done": a.done} for a in m.actions
                ],
            }
            for m in project.meetings
        ],
        "audit": [
            {
                "at": utc_text(e.at),
                "actor": e.actor,
                "entity": e.entity,
                "entity_key": e.entity_key,
                "action": e.action,
                "changes": dict(e.changes),
            }
            for e in project.audit_events
        ],
    }


def load_tracking(project: Project, phases: dict[str, Phase], data: dict[str, Any]) -> None:
    """Add the tracking sections of a validated document to a new ``project``."""
    project.budget_reserve = float(data["project"].get("budget_reserve", 0))
    for item in data.get("phases", []):
        phase = phases[item["key"]]
        phase.actual_start = parse_date(item.get("actual_start"))
        phase.actual_finish = parse_date(item.get("actual_finish"))
        phase.complete = item.get("complete", False)
    project.deliverables = [
        Deliverable(
            key=d["key"],
            phase=phases[d["phase"]],
            name=d["name"],
            name_zh=d.get("name_zh", ""),
            mandatory=d.get("mandatory", True),
            owner_role=d["owner_role"],
            due_date=parse_date(d.get("due_date")),
            status=DeliverableStatus(d.get("status", "open")),
            link=d.get("link", ""),
            file_name=(d.get("file") or {}).get("name", ""),
            file_data=base64.b64decode(d["file"]["content_base64"]) if d.get("file") else None,
            signed_off_by=d.get("signed_off_by", ""),
            signed_off_at=utc_moment(d.get("signed_off_at")),
            raci=[RaciAssignment(role_id=role, letter=letter) for role, letter in sorted(d.get("raci", {}).items())],
        )
        for d in data.get("deliverables", [])
    ]
    project.gates = [
        GateRecord(
            gate_id=g["gate"],
            phase=phases[g["phase"]],
            milestone_task=g.get("milestone_task", ""),
            checks=dict(g.get("checks", {})),
            decision=GateDecision(g["decision"]) if g.get("decision") else None,
            conditions=g.get("conditions", ""),
            decided_by=g.get("decided_by", ""),
            decided_at=utc_moment(g.get("decided_at")),
        )
        for g in data.get("gates", [])
    ]
    project.risks = [
        Risk(
            key=r["key"],
            template_id=r.get("template", ""),
            title=r["title"],
            title_zh=r.get("title_zh", ""),
            description=r.get("description", ""),
            description_zh=r.get("description_zh", ""),
            probability=r["probability"],
            impact=r["impact"],
            residual_probability=r.get("residual_probability"),
            residual_impact=r.get("residual_impact"),
            owner=r.get("owner", ""),
            response=r.get("response", ""),
            response_zh=r.get("response_zh", ""),
            status=RiskStatus(r.get("status", "open")),
            linked_tasks=list(r.get("linked_tasks", [])),
            delay_days=r.get("delay_days", 0),
        )
        for r in data.get("risks", [])
    ]
    project.change_requests = [
        ChangeRequest(
            number=c["number"],
            title=c["title"],
            description=c.get("description", ""),
            requester=c.get("requester", ""),
            scope_impact=c.get("scope_impact", ""),
            days_impact=c.get("days_impact", 0),
            cost_impact=float(c.get("cost_impact", 0)),
            plan_changes=list(c.get("plan_changes", [])),
            status=ChangeStatus(c.get("status", "submitted")),
            decided_by=c.get("decided_by", ""),
            decided_at=utc_moment(c.get("decided_at")),
            applied_delta=list(c.get("applied_delta", [])),
        )
        for c in data.get("change_requests", [])
    ]
    project.meetings = [
        Meeting(
            held_on=date.fromisoformat(m["held_on"]),
            kind=m.get("kind", "steering"),
            title=m["title"],
            agenda=m.get("agenda", ""),
            attendees=m.get("attendees", ""),
            decisions=m.get("decisions", ""),
            actions=[
                ActionItem(text=a["text"], owner=a.get("owner", ""), due_date=parse_date(a.get("due_date")), done=a.get("done", False))
                for a in m.get("actions", [])
            ],
        )
        for m in data.get("meetings", [])
    ]
    project.audit_events = [
        AuditEvent(
            at=utc_moment(e["at"]),
            actor=e.get("actor", ""),
            entity=e["entity"],
            entity_key=e.get("entity_key", ""),
            action=e["action"],
            changes=dict(e.get("changes", {})),
        )
        for e in data.get("audit", [])
    ]
