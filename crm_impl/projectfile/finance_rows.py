"""The ``business_case`` section of a project file ⇄ its stored rows (load and export)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from crm_impl.models import BusinessCase, CaseActual, CaseDriver, CaseLine, LineKind, Project
from crm_impl.projectfile.finance import SECTION, SETTINGS, check_section, section_actuals

__all__ = ["section_of", "rows_of", "export_business_case", "load_business_case"]


# ------------------------------------------------------------------------------------ rows ⇄ data

def _line_data(line: CaseLine) -> dict[str, Any]:
    data: dict[str, Any] = {"id": line.key, "kind": line.kind.value, "category": line.category,
                            "component": line.component, "name": line.name}
    if line.name_zh:
        data["name_zh"] = line.name_zh
    if line.amounts is not None:
        data["amounts"] = list(line.amounts)
    else:
        data["formula"] = line.formula
        if line.ramp is not None:
            data["ramp"] = list(line.ramp)
    if line.gross_margin is not None:
        data["gross_margin"] = line.gross_margin
    data["conservative"], data["optimistic"] = line.conservative, line.optimistic
    if line.risk is not None:
        data["risk"] = line.risk
    if line.source:
        data["source"] = line.source
    if line.kpi:
        data["kpi"] = line.kpi
    return data


def section_of(case: BusinessCase, lines: list[CaseLine], drivers: list[CaseDriver],
               actuals: list[CaseActual]) -> dict[str, Any]:
    """The plain section of stored rows."""
    section: dict[str, Any] = {name: getattr(case, name) for name in SETTINGS}
    if case.go_live is not None:
        section["go_live"] = case.go_live.isoformat()
    if case.notes:
        section["notes"] = case.notes
    section["drivers"] = [{"name": d.name, "value": d.value, **({"description": d.description} if d.description
                                                               else {})} for d in drivers]
    section["lines"] = [_line_data(line) for line in lines]
    section["actuals"] = [{"year": a.year, "benefits": a.benefits, "costs": a.costs,
                           **({"note": a.note} if a.note else {})} for a in actuals]
    return section


def rows_of(project: Project, section: Mapping[str, Any]) -> list[Any]:
    """New rows holding ``section`` for ``project`` (checked first: nothing is made from a bad one)."""
    case = check_section(section, project.currency)
    go_live = section.get("go_live")
    rows: list[Any] = [BusinessCase(project=project, **{name: getattr(case, name) for name in SETTINGS},
                                    go_live=date.fromisoformat(go_live) if isinstance(go_live, str) else go_live,
                                    notes=section.get("notes", ""))]
    rows += [CaseDriver(project=project, name=driver.name, value=driver.value, description=raw.get("description", ""))
             for driver, raw in zip(case.drivers, section.get("drivers") or (), strict=True)]
    rows += [CaseLine(project=project, key=line.id, position=position, kind=LineKind(line.kind),
                      category=line.category, component=line.component, name=line.name,
                      name_zh=raw.get("name_zh", ""),
                      amounts=list(line.amounts) if line.amounts is not None else None, formula=line.formula or "",
                      ramp=list(line.ramp) if line.ramp is not None else None, gross_margin=line.gross_margin,
                      conservative=line.conservative, optimistic=line.optimistic, risk=line.risk,
                      source=raw.get("source", ""),
                      kpi=raw.get("kpi", ""))
             for position, (line, raw) in enumerate(zip(case.lines, section.get("lines") or (), strict=True))]
    notes = {raw["year"]: raw.get("note", "") for raw in section.get("actuals") or ()}
    rows += [CaseActual(project=project, year=year, benefits=actual.benefits, costs=actual.costs, note=notes[year])
             for year, actual in sorted(section_actuals(section, case.horizon).items())]
    return rows


def _stored(session: Session, project: Project) -> tuple[BusinessCase | None, list, list, list]:
    case = session.scalar(select(BusinessCase).where(BusinessCase.project_id == project.id))
    if case is None:
        return None, [], [], []
    lines = list(session.scalars(select(CaseLine).where(CaseLine.project_id == project.id)
                                 .order_by(CaseLine.position, CaseLine.id)))
    drivers = list(session.scalars(select(CaseDriver).where(CaseDriver.project_id == project.id)
                                   .order_by(CaseDriver.id)))
    actuals = list(session.scalars(select(CaseActual).where(CaseActual.project_id == project.id)
                                   .order_by(CaseActual.year)))
    return case, lines, drivers, actuals


def export_business_case(project: Project) -> dict[str, Any]:
    """``{"business_case": section}`` for a project with a case, else nothing."""
    session = object_session(project)
    if session is None or project.id is None:
        return {}
    case, lines, drivers, actuals = _stored(session, project)
    return {} if case is None else {SECTION: section_of(case, lines, drivers, actuals)}


def load_business_case(session: Session, project: Project, data: Mapping[str, Any]) -> None:
    """Add the rows of a (validated) file's case to ``session``."""
    section = data.get(SECTION)
    if section is not None:
        session.add_all(rows_of(project, section))

