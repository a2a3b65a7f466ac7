"""The rules of a project file's ``vendor_selection`` beyond its schema (no database code: reading
a file needs none).  They are the engine's (:mod:`crm_impl.vendors`): the criteria tree must hold
together, scores lie on their criterion's scale, comparisons are reciprocal and complete; every
problem is reported with its path.  A selection still being scored (sheets incomplete) is valid.
"""

from __future__ import annotations

import base64
from collections import Counter
from typing import Any

from crm_impl.errors import ValidationError
from crm_impl.i18n import msg
from crm_impl.vendors.ahp import comparison_matrix
from crm_impl.vendors.criteria import CriteriaTree, Criterion, Group, direct_weights
from crm_impl.vendors.selection import ROOT

__all__ = ["SECTION", "vendor_problems", "selection_from_document"]

SECTION = "vendor_selection"


def _duplicates(values) -> list:
    return [value for value, count in Counter(values).items() if count > 1]


def _tree(section: dict[str, Any]) -> CriteriaTree:
    return CriteriaTree(
        tuple(Group(g["key"], g["name"], g.get("name_zh", ""), g.get("weight", 1.0)) for g in section["groups"]),
        tuple(Criterion(c["key"], c["name"], c["group"], name_zh=c.get("name_zh", ""), scale=c.get("scale", 5),
                        higher_is_better=c.get("higher_is_better", True), knockout=c.get("knockout"),
                        weight=c.get("weight", 1.0), from_figures=c.get("from_figures", False), unit=c.get("unit", ""),
                        area=c.get("area", ""))
              for c in section["criteria"]),
    )


def vendor_problems(data: dict[str, Any]) -> list[tuple[str, Any]]:
    """Every problem of the file's ``vendor_selection`` (none when it has no selection)."""
    section = data.get(SECTION)
    if not section:
        return []
    where = SECTION
    problems: list[tuple[str, Any]] = []
    groups = [g["key"] for g in section["groups"]]
    for key in _duplicates(groups):
        problems.append((f"{where}.groups", msg("group %(group)r is used more than once", group=key)))
    criteria = {c["key"]: c for c in section["criteria"]}
    for key in _duplicates(c["key"] for c in section["criteria"]):
        problems.append((f"{where}.criteria", msg("criterion %(criterion)r is used more than once", criterion=key)))
    for i, c in enumerate(section["criteria"]):
        if c["group"] not in groups:
            problems.append((f"{where}.criteria[{i}].group", msg("unknown group %(group)r", group=c["group"])))
        knockout, scale = c.get("knockout"), c.get("scale", 5)
        if knockout is not None and not 1 <= knockout <= scale:
            problems.append((f"{where}.criteria[{i}].knockout",
                             msg("the knock-out threshold must lie on the scale 1–%(top)s", top=scale)))
    for i, g in enumerate(section["groups"]):
        if not any(c["group"] == g["key"] for c in section["criteria"]):
            problems.append((f"{where}.groups[{i}]", msg("group %(group)r has no criteria", group=g["key"])))
    if problems:
        return problems
    try:
        direct_weights(_tree(section))
    except ValidationError as error:
        problems.append((f"{where}.{error.field}" if error.field else where, error.message))

    vendors = [v["key"] for v in section.get("vendors", [])]
    for key in _duplicates(vendors):
        problems.append((f"{where}.vendors", msg("vendor %(vendor)r is listed twice", vendor=key)))
    for i, vendor in enumerate(section.get("vendors", [])):
        for key in vendor.get("figures", {}):
            if key not in criteria or not criteria[key].get("from_figures", False):
                problems.append((f"{where}.vendors[{i}].figures.{key}",
                                 msg("%(criterion)s is not scored from figures", criterion=key)))
        quotation = vendor.get("quotation")
        if quotation:
            try:
                base64.b64decode(quotation["content_base64"], validate=True)
            except ValueError:
                problems.append((f"{where}.vendors[{i}].quotation.content_base64", msg("is not valid base64")))

    evaluators = section.get("evaluators", [])
    for name in _duplicates(e["name"] for e in evaluators):
        problems.append((f"{where}.evaluators", msg("%(name)s is an evaluator already", name=name)))
    for i, evaluator in enumerate(evaluators):
        seen = set()
        for j, score in enumerate(evaluator.get("scores", [])):
            at = f"{where}.evaluators[{i}].scores[{j}]"
            if score["vendor"] not in vendors:
                problems.append((f"{at}.vendor", msg("unknown vendor %(vendor)r", vendor=score["vendor"])))
            criterion = criteria.get(score["criterion"])
            if criterion is None:
                problems.append((f"{at}.criterion", msg("unknown criterion %(criterion)r", criterion=score["criterion"])))
                continue
            if criterion.get("from_figures", False):
                problems.append((f"{at}.criterion", msg("%(criterion)s is scored from figures, not by evaluators",
                                                        criterion=score["criterion"])))
            top = criterion.get("scale", 5)
            if not 1 <= score["value"] <= top:
                problems.append((f"{at}.value", msg("score %(value)s of %(vendor)s on %(criterion)s is outside the "
                                                    "scale 1–%(top)s", value=score["value"], vendor=score["vendor"],
                                                    criterion=score["criterion"], top=top)))
            cell = (score["vendor"], score["criterion"])
            if cell in seen:
                problems.append((at, msg("%(evaluator)s scored %(vendor)s on %(criterion)s twice",
                                         evaluator=evaluator["name"], vendor=cell[0], criterion=cell[1])))
            seen.add(cell)

    items = {ROOT: groups, **{g: [c["key"] for c in section["criteria"] if c["group"] == g] for g in groups}}
    judgements: dict[tuple[str, str], dict[tuple[str, str], float]] = {}
    for i, comparison in enumerate(section.get("comparisons", [])):
        node = comparison["node"]
        if node not in items:
            problems.append((f"{where}.comparisons[{i}].node", msg("unknown node %(node)r", node=node)))
            continue
        judgements.setdefault((comparison["stakeholder"], node), {})
        pair = (comparison["a"], comparison["b"])
        if pair in judgements[comparison["stakeholder"], node]:
            problems.append((f"{where}.comparisons[{i}]", msg("comparison %(a)s/%(b)s is given twice and the two "
                                                              "are not reciprocal", a=pair[0], b=pair[1])))
        judgements[comparison["stakeholder"], node][pair] = comparison["value"]
    for (stakeholder, node), values in judgements.items():
        try:
            comparison_matrix(items[node], values)
        except ValidationError as error:
            problems.append((f"{where}.comparisons", msg("%(stakeholder)s at %(node)s: %(problem)s",
                                                         stakeholder=stakeholder, node=node, problem=error.message)))
    if section.get("weighting") == "ahp":
        compared = {node for _, node in judgements}
        for node, node_items in items.items():
            if len(node_items) > 1 and node not in compared:
                problems.append((f"{where}.comparisons", msg("nobody compared the items of %(node)s", node=node)))
    return problems


def selection_from_document(data: dict[str, Any]):
    """The file's selection as the engine's :class:`~crm_impl.vendors.selection.Selection` (or
    ``None``), for commands that analyse a file without a database.  ``data`` is validated."""
    from crm_impl.vendors.scoring import Score, Vendor
    from crm_impl.vendors.selection import Comparison, Quotation, Selection

    section = data.get(SECTION)
    if not section:
        return None
    vendors = section.get("vendors", [])
    return Selection(
        tree=_tree(section),
        vendors=tuple(Vendor(v["key"], v["name"], v.get("name_zh", ""), dict(v.get("figures", {}))) for v in vendors),
        scores=tuple(Score(e["name"], s["vendor"], s["criterion"], s["value"], s.get("comment", ""))
                     for e in section.get("evaluators", []) for s in e.get("scores", [])),
        weighting=section.get("weighting", "direct"),
        comparisons=tuple(Comparison(c["stakeholder"], c["node"], c["a"], c["b"], c["value"])
                          for c in section.get("comparisons", [])),
        quotations={v["key"]: Quotation(v.get("licence_cost", 0), v.get("implementation_cost", 0),
                                        v.get("running_cost_per_year", 0)) for v in vendors},
        horizon_years=section.get("horizon_years", 3),
    )
