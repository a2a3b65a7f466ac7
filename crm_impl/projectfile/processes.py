"""The ``processes`` section of a project file: process maps (as BPMN 2.0 XML), fishbones, the
candidate processes scored for selection and the weights and scoring method they are ranked with
(``selection``; both directions, so export and import stay mirrors).

A map travels as the BPMN file the modeler saved (``bpmn``: its layout and our attributes in
one text), with its key, kind, the as-is map a to-be map redesigns, the process it draws, its
cases a year and the business-case benefit line its savings feed.  Each map is read and checked
on validation, every problem placed at ``processes.maps[i].bpmn``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from crm_impl.errors import ValidationError
from crm_impl.formats.bpmn import import_bpmn
from crm_impl.i18n import msg
from crm_impl.processes import MapDiff, ProcessMap, ProcessMapError, ProcessMetrics, check_map, diff_maps, process_metrics
from crm_impl.processes.serial import map_from_dict, map_to_dict

__all__ = ["export_processes", "load_processes", "process_problems", "document_maps", "DocumentMap"]

Problems = list[tuple[str, Any]]


@dataclass(frozen=True)
class DocumentMap:
    """One map of a (validated) document: its entry, the map and what it measures; a to-be map
    with an as-is map also its diff (savings per case and a year)."""

    key: str
    kind: str
    cases_per_year: int
    benefit: str
    process: ProcessMap
    bpmn: bytes
    metrics: ProcessMetrics
    as_is: str | None = None
    diff: MapDiff | None = None


def document_maps(data: dict[str, Any]) -> list[DocumentMap]:
    """Every map of a validated project-file document, measured (for ``crm-impl processes``)."""
    items = (data.get("processes") or {}).get("maps", [])
    maps = {item["key"]: import_bpmn(item["bpmn"].encode("utf-8")).process for item in items}
    out = []
    for item in items:
        pm, as_is = maps[item["key"]], item.get("as_is")
        diff = diff_maps(maps[as_is], pm, item.get("cases_per_year", 0)) if as_is else None
        out.append(DocumentMap(item["key"], item.get("kind", "as_is"), item.get("cases_per_year", 0),
                               item.get("benefit", ""), pm, item["bpmn"].encode("utf-8"),
                               diff.after if diff else process_metrics(pm), as_is, diff))
    return out


def export_processes(project) -> dict[str, Any]:
    maps = getattr(project, "process_maps", [])
    fishbones = getattr(project, "fishbones", [])
    candidates = getattr(project, "process_candidates", [])
    selection = getattr(project, "process_selection", None)
    if not (maps or fishbones or candidates or selection):
        return {}
    section: dict[str, Any] = {
        "maps": [
            {
                "key": m.key,
                "kind": m.kind.value,
                "process": m.process,
                "as_is": m.as_is.key if m.as_is is not None else None,
                "cases_per_year": m.cases_per_year,
                "benefit": m.benefit,
                "bpmn": m.bpmn.decode("utf-8"),
            }
            for m in maps
        ],
        "fishbones": [],
        "candidates": [
            {"key": c.key, "name": c.name, "name_zh": c.name_zh, "importance": c.importance, "gap": c.gap,
             "feasibility": c.feasibility, "functions": c.functions, "departments": c.departments}
            for c in candidates
        ],
    }
    for fishbone in fishbones:
        categories: dict[str, dict[str, Any]] = {}
        for cause in fishbone.causes:
            category = categories.setdefault(cause.category, {"name": cause.category, "name_zh": cause.category_zh,
                                                              "causes": []})
            category["causes"].append({"name": cause.name, "name_zh": cause.name_zh, "value": cause.value})
        section["fishbones"].append({"key": fishbone.key, "problem": fishbone.problem,
                                     "problem_zh": fishbone.problem_zh, "categories": list(categories.values())})
    if selection is not None:
        section["selection"] = {"importance": selection.importance, "gap": selection.gap,
                                "feasibility": selection.feasibility, "method": selection.method}
    return {"processes": section}


def _duplicates(values) -> list:
    return [value for value, count in Counter(values).items() if count > 1]


def process_problems(data: dict[str, Any]) -> Problems:
    """What the schema cannot say about the section: unique keys, the as-is map a to-be map
    names, and every map read and checked (each problem of a map named by its node)."""
    section = data.get("processes") or {}
    problems: Problems = []
    maps = section.get("maps", [])
    for key in _duplicates(m["key"] for m in maps):
        problems.append(("processes.maps", msg("map key %(key)r is used more than once", key=key)))
    kinds = {m["key"]: m.get("kind", "as_is") for m in maps}
    for i, item in enumerate(maps):
        where = f"processes.maps[{i}]"
        as_is = item.get("as_is")
        if item.get("kind", "as_is") == "as_is" and as_is:
            problems.append((f"{where}.as_is", msg("an as-is map redesigns no other map")))
        elif as_is and kinds.get(as_is) != "as_is":
            problems.append((f"{where}.as_is", msg("unknown as-is map %(key)r", key=as_is)))
        try:
            check_map(import_bpmn(item["bpmn"].encode("utf-8")).process)
        except ProcessMapError as error:
            problems.extend((f"{where}.bpmn", msg("%(where)s: %(problem)s", where=place, problem=problem))
                            for place, problem in error.problems)
        except ValidationError as error:
            problems.append((f"{where}.bpmn", error.message))
    for key in _duplicates(f["key"] for f in section.get("fishbones", [])):
        problems.append(("processes.fishbones", msg("fishbone key %(key)r is used more than once", key=key)))
    for i, fishbone in enumerate(section.get("fishbones", [])):
        for name in _duplicates(c["name"] for c in fishbone.get("categories", [])):
            problems.append((f"processes.fishbones[{i}].categories",
                             msg("category %(name)r is listed twice", name=name)))
    for key in _duplicates(c["key"] for c in section.get("candidates", [])):
        problems.append(("processes.candidates", msg("candidate key %(key)r is used more than once", key=key)))
    selection = section.get("selection")
    if selection is not None and not any(selection.get(name, 1.0) for name in ("importance", "gap", "feasibility")):
        problems.append(("processes.selection", msg("weights must be numbers of at least 0, not all 0")))
    return problems


def load_processes(project, data: dict[str, Any]) -> None:
    """Add the section of a validated document to a new ``project``."""
    from crm_impl.models import (
        FishboneCause, FishboneDiagram, MapKind, ProcessCandidate, ProcessMapRecord, ProcessSelection,
    )

    section = data.get("processes") or {}
    records: dict[str, ProcessMapRecord] = {}
    for position, item in enumerate(section.get("maps", [])):
        raw = item["bpmn"].encode("utf-8")
        pm = import_bpmn(raw).process
        records[item["key"]] = ProcessMapRecord(
            key=item["key"], position=position, kind=MapKind(item.get("kind", "as_is")), process=item.get("process", ""),
            name=pm.name[:300], name_zh=pm.name_zh[:300], cases_per_year=item.get("cases_per_year", 0),
            benefit=item.get("benefit", ""), bpmn=raw, model=map_to_dict(pm))
    for item in section.get("maps", []):
        record = records[item["key"]]
        if item.get("as_is"):
            record.as_is = records[item["as_is"]]
            diff = diff_maps(map_from_dict(record.as_is.model), map_from_dict(record.model), record.cases_per_year)
            record.savings_per_case, record.annual_savings = diff.savings_per_case, diff.annual_savings
    project.process_maps = list(records.values())
    project.fishbones = [
        FishboneDiagram(key=f["key"], problem=f["problem"], problem_zh=f.get("problem_zh", ""), causes=[
            FishboneCause(position=position, category=category["name"], category_zh=category.get("name_zh", ""),
                          name=cause["name"], name_zh=cause.get("name_zh", ""), value=float(cause["value"]))
            for position, (category, cause) in enumerate(
                (category, cause) for category in f.get("categories", []) for cause in category["causes"])])
        for f in section.get("fishbones", [])
    ]
    project.process_candidates = [
        ProcessCandidate(key=c["key"], name=c["name"], name_zh=c.get("name_zh", ""), importance=c["importance"],
                         gap=c["gap"], feasibility=c["feasibility"], functions=c.get("functions", 0),
                         departments=c.get("departments", 0))
        for c in section.get("candidates", [])
    ]
    selection = section.get("selection")
    if selection is not None:
        project.process_selection = ProcessSelection(
            importance=float(selection.get("importance", 1.0)), gap=float(selection.get("gap", 1.0)),
            feasibility=float(selection.get("feasibility", 1.0)), method=selection.get("method", "weighted"))
