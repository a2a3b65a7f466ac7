"""The ``vendor_selection`` section of a project file: loading it into a project and exporting it
(mirrors of each other, so export → import keeps everything).  Its rules are in
:mod:`crm_impl.projectfile.vendor_rules`.
"""

from __future__ import annotations

import base64
from typing import Any

from crm_impl.models import (
    AhpComparison, CriteriaGroup, Evaluator, Project, SelectionCriterion, ShortlistedVendor, User, VendorScore,
    VendorSelection,
)
from crm_impl.projectfile.values import utc_moment, utc_text
from crm_impl.projectfile.vendor_rules import SECTION

__all__ = ["load_vendor_selection", "export_vendor_selection"]


def load_vendor_selection(project: Project, data: dict[str, Any], owner: User | None = None) -> None:
    """Add the file's selection to ``project`` (checked already by :func:`vendor_problems`).

    An evaluator whose e-mail is the importing owner's becomes the owner's own sheet; the other
    sheets are kept under their names until the manager links them to members.
    """
    section = data.get(SECTION)
    if not section:
        return
    selection = VendorSelection(
        title=section.get("title", ""), title_zh=section.get("title_zh", ""),
        weighting=section.get("weighting", "direct"), horizon_years=section.get("horizon_years", 3),
        scoring_closed=bool(section.get("scoring_closed", False)), closed_by=section.get("closed_by", ""),
        closed_at=utc_moment(section.get("closed_at")) if section.get("closed_at") else None,
        notes=section.get("notes", ""),
    )
    selection.groups = [CriteriaGroup(key=g["key"], position=i, name=g["name"], name_zh=g.get("name_zh", ""),
                                      weight=g.get("weight", 1.0)) for i, g in enumerate(section["groups"])]
    selection.criteria = [
        SelectionCriterion(key=c["key"], group_key=c["group"], position=i, name=c["name"],
                           name_zh=c.get("name_zh", ""), description=c.get("description", ""),
                           description_zh=c.get("description_zh", ""), scale=c.get("scale", 5),
                           higher_is_better=c.get("higher_is_better", True), knockout=c.get("knockout"),
                           weight=c.get("weight", 1.0), from_figures=c.get("from_figures", False),
                           unit=c.get("unit", ""), area=c.get("area", ""))
        for i, c in enumerate(section["criteria"])
    ]
    selection.vendors = [
        ShortlistedVendor(key=v["key"], position=i, name=v["name"], name_zh=v.get("name_zh", ""),
                          description=v.get("description", ""), description_zh=v.get("description_zh", ""),
                          licence_cost=float(v.get("licence_cost", 0)),
                          implementation_cost=float(v.get("implementation_cost", 0)),
                          running_cost_per_year=float(v.get("running_cost_per_year", 0)),
                          figures={k: float(x) for k, x in v.get("figures", {}).items()},
                          quotation_file_name=(v.get("quotation") or {}).get("name", ""),
                          quotation_file_data=base64.b64decode(v["quotation"]["content_base64"])
                          if v.get("quotation") else None)
        for i, v in enumerate(section.get("vendors", []))
    ]
    selection.evaluators = [
        Evaluator(name=e["name"], email=e.get("email", ""),
                  user=owner if owner is not None and e.get("email") and e["email"].lower() == owner.email.lower()
                  else None,
                  scores=[VendorScore(vendor_key=s["vendor"], criterion_key=s["criterion"], value=float(s["value"]),
                                      comment=s.get("comment", "")) for s in e.get("scores", [])])
        for e in section.get("evaluators", [])
    ]
    selection.comparisons = [
        AhpComparison(stakeholder=c["stakeholder"], node=c["node"], item_a=c["a"], item_b=c["b"],
                      value=float(c["value"]))
        for c in section.get("comparisons", [])
    ]
    project.vendor_selection = selection
    for row in [*selection.groups, *selection.criteria, *selection.vendors, *selection.evaluators,
                *selection.comparisons, *(s for e in selection.evaluators for s in e.scores)]:
        row.project = project


def export_vendor_selection(project: Project) -> dict[str, Any]:
    selection = project.vendor_selection
    if selection is None:
        return {}
    return {SECTION: {
        "title": selection.title, "title_zh": selection.title_zh, "weighting": selection.weighting,
        "horizon_years": selection.horizon_years, "scoring_closed": selection.scoring_closed,
        "closed_by": selection.closed_by, "closed_at": utc_text(selection.closed_at) if selection.closed_at else None,
        "notes": selection.notes,
        "groups": [{"key": g.key, "name": g.name, "name_zh": g.name_zh, "weight": g.weight} for g in selection.groups],
        "criteria": [
            {"key": c.key, "group": c.group_key, "name": c.name, "name_zh": c.name_zh, "description": c.description,
             "description_zh": c.description_zh, "scale": c.scale, "higher_is_better": c.higher_is_better,
             "knockout": c.knockout, "weight": c.weight, "from_figures": c.from_figures, "unit": c.unit,
             "area": c.area}
            for c in selection.criteria
        ],
        "vendors": [
            {"key": v.key, "name": v.name, "name_zh": v.name_zh, "description": v.description,
             "description_zh": v.description_zh, "licence_cost": v.licence_cost,
             "implementation_cost": v.implementation_cost, "running_cost_per_year": v.running_cost_per_year,
             "figures": dict(v.figures or {}),
             "quotation": ({"name": v.quotation_file_name,
                            "content_base64": base64.b64encode(v.quotation_file_data).decode("ascii")}
                           if v.quotation_file_name and v.quotation_file_data is not None else None)}
            for v in selection.vendors
        ],
        "evaluators": [
            {"name": e.name, "email": e.email,
             "scores": [{"vendor": s.vendor_key, "criterion": s.criterion_key, "value": s.value, "comment": s.comment}
                        for s in e.scores]}
            for e in selection.evaluators
        ],
        "comparisons": [
            {"stakeholder": c.stakeholder, "node": c.node, "a": c.item_a, "b": c.item_b, "value": c.value}
            for c in selection.comparisons
        ],
    }}

