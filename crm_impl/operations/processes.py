"""A project's process maps (BPR): create, save from the modeler, edit attributes, copy an as-is
map to start its to-be version, measure, compare, simulate; candidate processes and fishbones.

A map is stored as the BPMN 2.0 XML the modeler saved and our model parsed from it
(:mod:`crm_impl.processes.serial`).  Every way in — a template, an upload, the modeler's save,
the attribute table — parses and validates the whole map first and refuses it with every
problem named (:class:`~crm_impl.processes.validate.ProcessMapError`); nothing is stored then.
Attributes edited beside the diagram are written back into the XML (:func:`update_bpmn`), so
they travel with the file.  One thing a modeler cannot draw is left to the table: a decision
whose probabilities are missing or do not sum to 1 (a gateway just drawn, a branch added) is
stored with assumed ones (:func:`~crm_impl.processes.validate.assume_probabilities`: equal
shares, marked ``assumed`` on each flow) for the table to set; saving the table confirms them.  A to-be map keeps what it saves against its as-is map
(``savings_per_case``, ``annual_savings``), refreshed whenever either map or the cases a year
change, for the business case to take as a benefit line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from crm_impl.db.locking import apply_changes, check_version
from crm_impl.errors import ValidationError
from crm_impl.formats.bpmn import BpmnImport, export_bpmn, import_bpmn, update_bpmn
from crm_impl.limits import MAX_AMOUNT, MAX_BPMN_BYTES, MAX_PROCESS_HOURS
from crm_impl.models import (
    FishboneCause,
    FishboneDiagram,
    MapKind,
    ProcessCandidate,
    ProcessMapRecord,
    ProcessSelection,
    Project,
)
from crm_impl.models.processes import MAX_CASES_PER_YEAR, MAX_SCOPE_COUNT, MAX_SELECTION_WEIGHT, SELECTION_METHODS
from crm_impl.processes import (
    Candidate,
    Category,
    Cause,
    Fishbone,
    Flow,
    Lane,
    MapDiff,
    Node,
    ProcessMap,
    ProcessMetrics,
    ProcessSimulation,
    RankedProcess,
    Scenario,
    Weights,
    assume_probabilities,
    check_map,
    diff_maps,
    process_metrics,
    rank_candidates,
    simulate_process,
    simulation_digest,
)
from crm_impl.processes.serial import map_from_dict, map_to_dict

__all__ = [
    "KEY_PATTERN",
    "TASK_FIELDS",
    "read_bpmn",
    "blank_bpmn",
    "stored_map",
    "create_map",
    "save_bpmn",
    "update_attributes",
    "update_map_settings",
    "copy_to_be",
    "delete_map",
    "map_metrics",
    "map_diff",
    "refresh_savings",
    "simulation_key",
    "run_simulation",
    "CandidateDraft",
    "add_candidate",
    "update_candidate",
    "delete_candidate",
    "ranked_candidates",
    "selection_weights",
    "update_selection",
    "add_fishbone",
    "delete_fishbone",
    "CauseDraft",
    "add_cause",
    "update_cause",
    "delete_cause",
    "fishbone_of",
]

#: Keys of maps, candidates and fishbones: letters, digits, ``_ . -`` (they name files too).
KEY_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,59}")
#: The task attributes edited in the table beside the diagram.
TASK_FIELDS = ("working_time", "waiting_time", "cost", "value_adding", "automated", "channel")
_CHANNEL = re.compile(r"[^\s<>\"'&]{1,40}")


def _key(value: str, where: str = "key") -> str:
    key = (value or "").strip()
    if not key:
        raise ValidationError("is required", field=where)
    if not KEY_PATTERN.fullmatch(key):
        raise ValidationError("use up to 60 letters, digits, '_', '.' or '-', starting with a letter or digit",
                              field=where)
    return key


# ------------------------------------------------------------------ reading and storing a map


def read_bpmn(data: bytes | str) -> BpmnImport:
    """The map in a BPMN 2.0 file, checked: a :class:`ValidationError` names what cannot be read,
    a :class:`~crm_impl.processes.validate.ProcessMapError` every node, flow and lane that is wrong.

    A decision whose probabilities are missing or do not sum to 1 is not refused: its flows get
    assumed ones (:func:`assume_probabilities`), marked ``assumed`` in the returned map."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_BPMN_BYTES:
        raise ValidationError("file is larger than %(limit)s MB", "file", limit=MAX_BPMN_BYTES // 2**20)
    result = import_bpmn(data)
    filled, _assumed = assume_probabilities(result.process)
    check_map(filled)
    return replace(result, process=filled)


def _normalised(data: bytes, pm: ProcessMap) -> bytes:
    """The file as UTF-8 with our attributes written in (layout, annotations, other tools' parts kept)."""
    try:
        return update_bpmn(data, pm)
    except ValidationError:
        # A file update_bpmn cannot rewrite exactly (nested lanes...) is kept as it came, when it is
        # UTF-8 and holds the map as it is (no probability assumed that the file would not carry).
        check_map(import_bpmn(data).process)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            raise ValidationError("the file is not UTF-8 encoded", "file") from None
        return data


def blank_bpmn(key: str, name: str = "", lane: str = "") -> bytes:
    """A new map to draw on: one lane with a start event, a task and an end event."""
    pm = ProcessMap(key, name or key, (Lane("lane_1", lane or "Lane 1"),),
                    (Node("Start_1", "start", lane="lane_1"), Node("Task_1", "task", "Task 1", lane="lane_1"),
                     Node("End_1", "end", lane="lane_1", success=True)),
                    (Flow("Start_1", "Task_1"), Flow("Task_1", "End_1")))
    return export_bpmn(pm)


def stored_map(record: ProcessMapRecord) -> ProcessMap:
    """The record's model (as parsed from its BPMN when it was saved)."""
    return map_from_dict(record.model)


def _store(record: ProcessMapRecord, data: bytes, pm: ProcessMap) -> None:
    record.bpmn = data
    record.model = map_to_dict(pm)
    record.name = pm.name[:300]
    record.name_zh = pm.name_zh[:300]


def _unique_map_key(project: Project, key: str, record: ProcessMapRecord | None = None) -> str:
    key = _key(key)
    if any(m.key == key and m is not record for m in project.process_maps):
        raise ValidationError("a map with key %(key)r exists already", field="key", key=key)
    return key


def _cases(value: int | None) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_CASES_PER_YEAR:
        raise ValidationError("must be a whole number from 0 to %(limit)s", field="cases_per_year",
                              limit=f"{MAX_CASES_PER_YEAR:,}")
    return value


def _as_is_of(project: Project, kind: MapKind, as_is: ProcessMapRecord | None,
              record: ProcessMapRecord | None = None) -> ProcessMapRecord | None:
    if kind == MapKind.AS_IS:
        if as_is is not None:
            raise ValidationError("an as-is map redesigns no other map", field="as_is")
        return None
    if as_is is None:
        return None
    if as_is not in project.process_maps or as_is.kind != MapKind.AS_IS or as_is is record:
        raise ValidationError("choose an as-is map of this project", field="as_is")
    return as_is


def create_map(session: Session, project: Project, *, key: str, data: bytes | str, kind: str = MapKind.AS_IS.value,
               process: str = "", as_is: ProcessMapRecord | None = None, cases_per_year: int | None = 0,
               benefit: str = "") -> ProcessMapRecord:
    """Add a map from BPMN ``data`` (a template, an upload, a blank map); refused whole, with
    every problem named, when the file or the map is wrong."""
    try:
        map_kind = MapKind(kind)
    except ValueError:
        raise ValidationError("unknown kind %(kind)r", field="kind", kind=kind) from None
    key = _unique_map_key(project, key)
    linked = _as_is_of(project, map_kind, as_is)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    result = read_bpmn(raw)
    position = max((m.position for m in project.process_maps), default=-1) + 1
    record = ProcessMapRecord(key=key, position=position, kind=map_kind, process=_process_key(process), as_is=linked,
                              cases_per_year=_cases(cases_per_year), benefit=_benefit(benefit))
    _store(record, _normalised(raw, result.process), result.process)
    project.process_maps.append(record)
    refresh_savings(record)
    session.flush()
    return record


def _process_key(value: str) -> str:
    value = (value or "").strip()
    return _key(value, "process") if value else ""


def _benefit(value: str) -> str:
    value = (value or "").strip()
    if len(value) > 40:
        raise ValidationError("is longer than %(limit)s characters", field="benefit", limit=40)
    return value


def save_bpmn(project: Project, record: ProcessMapRecord, expected_version: int | None, data: bytes | str) -> BpmnImport:
    """Store the modeler's XML for ``record`` (the edit started from ``expected_version``); the
    import (with the elements it skipped) is returned for the page to list."""
    check_version(record, expected_version)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    result = read_bpmn(raw)
    _store(record, _normalised(raw, result.process), result.process)
    _refresh_around(record)
    return result


def _number(value: Any, where: str, high: float) -> float:
    if isinstance(value, bool):
        raise ValidationError("must be a number", field=where)
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValidationError("must be a number", field=where) from None
    if not math.isfinite(number) or not 0 <= number <= high:
        raise ValidationError("must be a number from 0 to %(limit)s", field=where, limit=f"{high:,.0f}")
    return number


def update_attributes(project: Project, record: ProcessMapRecord, expected_version: int | None,
                      nodes: Mapping[str, Mapping[str, Any]] | None = None,
                      probabilities: Mapping[tuple[str, str], float | None] | None = None) -> bool:
    """Apply the attribute table: ``nodes`` maps a task (or event) id to the fields it changes
    (:data:`TASK_FIELDS`, ``name``, ``name_zh``; a start event's ``share``, ``None`` for equal
    shares; an end event's ``success``; an intermediate event's ``waiting_time``), ``probabilities``
    a flow ``(source, target)`` leaving a gateway to its probability (set or confirmed: an assumed
    one is assumed no more).  The map is validated whole, then written into the stored XML; returns
    whether anything changed."""
    check_version(record, expected_version)
    pm = stored_map(record)
    changed: list[Node] = []
    for node_id, values in (nodes or {}).items():
        where = f"nodes[{node_id}]"
        if not pm.has_node(node_id):
            raise ValidationError("the map has no node %(node)r", field=where, node=node_id)
        node = pm.node(node_id)
        update: dict[str, Any] = {}
        for name, value in values.items():
            if name in ("working_time", "waiting_time"):
                update[name] = _number(value, f"{where}.{name}", MAX_PROCESS_HOURS)
            elif name == "cost":
                update[name] = _number(value, f"{where}.{name}", MAX_AMOUNT)
            elif name in ("value_adding", "automated", "success"):
                update[name] = bool(value)
            elif name == "share":
                update[name] = None if value is None or value == "" else _number(value, f"{where}.share", 1)
            elif name == "channel":
                text = (value or "").strip()
                if text and not _CHANNEL.fullmatch(text):
                    raise ValidationError("a channel is one word of up to 40 characters", field=f"{where}.channel")
                update[name] = text or None
            elif name in ("name", "name_zh"):
                text = (value or "").strip()
                if len(text) > 300:
                    raise ValidationError("is longer than %(limit)s characters", field=f"{where}.{name}", limit=300)
                update[name] = text
            else:
                raise ValidationError("unknown attribute %(name)r", field=where, name=name)
        if update:
            changed.append(replace(node, **update))
    flows = list(pm.flows)
    for (source, target), probability in (probabilities or {}).items():
        where = f"flows[{source}→{target}]"
        index = next((i for i, f in enumerate(flows) if f.key == (source, target)), None)
        if index is None:
            raise ValidationError("the map has no flow %(source)s → %(target)s", field=where, source=source,
                                  target=target)
        flows[index] = replace(flows[index], probability=None if probability is None
                               else _number(probability, f"{where}.probability", 1), assumed=False)
    new = ProcessMap(pm.key, pm.name, pm.lanes, pm.with_nodes(changed).nodes, tuple(flows), pm.data_links, pm.name_zh)
    if new == pm:
        return False
    check_map(new)
    _store(record, update_bpmn(record.bpmn, new), new)
    _refresh_around(record)
    return True


def update_map_settings(project: Project, record: ProcessMapRecord, expected_version: int | None, *,
                        key: str, process: str = "", as_is: ProcessMapRecord | None = None,
                        cases_per_year: int | None = 0, benefit: str = "") -> bool:
    """Edit what the table of maps shows beside the diagram: key, process, linked as-is map,
    cases a year and benefit line."""
    values = {
        "key": _unique_map_key(project, key, record),
        "process": _process_key(process),
        "as_is": _as_is_of(project, record.kind, as_is, record),
        "cases_per_year": _cases(cases_per_year),
        "benefit": _benefit(benefit),
    }
    changed = apply_changes(record, expected_version, values)
    if changed:
        _refresh_around(record)
    return changed


def copy_to_be(session: Session, project: Project, as_is: ProcessMapRecord, key: str = "",
               name: str = "", name_zh: str = "") -> ProcessMapRecord:
    """Start the to-be version of ``as_is``: the same nodes (same ids, so the diff reads as
    changes), lanes, flows and layout, under a new key and name."""
    if as_is not in project.process_maps or as_is.kind != MapKind.AS_IS:
        raise ValidationError("only an as-is map can start a to-be map", field="as_is")
    base = as_is.key.removesuffix("_as_is")
    key = key.strip() or _free_key(project, f"{base}_to_be")
    source = import_bpmn(as_is.bpmn)
    pm = stored_map(as_is)
    file_key = re.sub(r"[^A-Za-z0-9_.\-]", "_", key)
    copy = pm.copied(file_key, name.strip() or _to_be_name(pm.name),
                     name_zh.strip() or (pm.name_zh.replace("现有流程", "未来流程") if pm.name_zh else ""))
    return create_map(session, project, key=key, data=export_bpmn(copy, source.layout), kind=MapKind.TO_BE.value,
                      process=as_is.process, as_is=as_is, cases_per_year=as_is.cases_per_year, benefit=as_is.benefit)


def _to_be_name(name: str) -> str:
    if "(as-is)" in name:
        return name.replace("(as-is)", "(to-be)")
    return f"{name} (to-be)" if name else ""


def _free_key(project: Project, key: str) -> str:
    taken = {m.key for m in project.process_maps}
    candidate, number = key[:60], 2
    while candidate in taken:
        suffix = f"_{number}"
        candidate, number = key[:60 - len(suffix)] + suffix, number + 1
    return candidate


def delete_map(session: Session, project: Project, record: ProcessMapRecord) -> None:
    with session.no_autoflush:
        for to_be in list(record.to_be_maps):
            to_be.as_is = None
            refresh_savings(to_be)
        session.delete(record)
        project.process_maps.remove(record)


# ------------------------------------------------------------------ measuring


def map_metrics(record: ProcessMapRecord) -> ProcessMetrics:
    return process_metrics(stored_map(record))


def map_diff(record: ProcessMapRecord) -> MapDiff | None:
    """A to-be map against its as-is map (``None`` when it has none)."""
    if record.kind != MapKind.TO_BE or record.as_is is None:
        return None
    return diff_maps(stored_map(record.as_is), stored_map(record), record.cases_per_year)


def refresh_savings(record: ProcessMapRecord) -> None:
    """Store what a to-be map saves against its as-is map (cost per case, per year)."""
    diff = map_diff(record) if record.model else None
    record.savings_per_case = None if diff is None else diff.savings_per_case
    record.annual_savings = None if diff is None else diff.annual_savings


def _refresh_around(record: ProcessMapRecord) -> None:
    refresh_savings(record)
    for to_be in record.to_be_maps:
        refresh_savings(to_be)


# ------------------------------------------------------------------ simulation


def simulation_key(record: ProcessMapRecord, scenario: Scenario) -> str:
    return "processsim:" + simulation_digest(stored_map(record), scenario)


def run_simulation(record: ProcessMapRecord, scenario: Scenario, cache: Any = None,
                   progress: Callable[[float], None] | None = None) -> ProcessSimulation:
    """Simulate ``scenario`` on the map; with a ``cache`` the result of the same map and
    scenario is taken from it, or kept there."""
    key = simulation_key(record, scenario) if cache is not None else None
    result = cache.get(key) if key else None
    if not isinstance(result, ProcessSimulation):
        result = simulate_process(stored_map(record), scenario, progress=progress)
        if key:
            cache.set(key, result, timeout=7 * 24 * 3600)
    return result


# ------------------------------------------------------------------ selection candidates


def _score(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError("must be a whole number from 1 to 5", field=where)
    return value


def _count(value: Any, where: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_SCOPE_COUNT:
        raise ValidationError("must be a whole number from 0 to %(limit)s", field=where, limit=MAX_SCOPE_COUNT)
    return value


def _text(value: str, where: str, limit: int, required: bool = False) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError("is required", field=where)
    if len(text) > limit:
        raise ValidationError("is longer than %(limit)s characters", field=where, limit=limit)
    return text


@dataclass
class CandidateDraft:
    key: str
    name: str
    importance: int
    gap: int
    feasibility: int
    name_zh: str = ""
    functions: int = 0
    departments: int = 0

    def fields(self) -> dict[str, Any]:
        return {
            "key": _key(self.key),
            "name": _text(self.name, "name", 300, required=True),
            "name_zh": _text(self.name_zh, "name_zh", 300),
            "importance": _score(self.importance, "importance"),
            "gap": _score(self.gap, "gap"),
            "feasibility": _score(self.feasibility, "feasibility"),
            "functions": _count(self.functions, "functions"),
            "departments": _count(self.departments, "departments"),
        }


def _unique_candidate(project: Project, key: str, record: ProcessCandidate | None = None) -> None:
    if any(c.key == key and c is not record for c in project.process_candidates):
        raise ValidationError("a candidate with key %(key)r exists already", field="key", key=key)


def add_candidate(session: Session, project: Project, draft: CandidateDraft) -> ProcessCandidate:
    values = draft.fields()
    _unique_candidate(project, values["key"])
    record = ProcessCandidate(**values)
    project.process_candidates.append(record)
    session.flush()
    return record


def update_candidate(project: Project, record: ProcessCandidate, expected_version: int | None,
                     draft: CandidateDraft) -> bool:
    values = draft.fields()
    _unique_candidate(project, values["key"], record)
    return apply_changes(record, expected_version, values)


def delete_candidate(session: Session, project: Project, record: ProcessCandidate) -> None:
    with session.no_autoflush:
        session.delete(record)
        project.process_candidates.remove(record)


def selection_weights(project: Project) -> tuple[Weights, str]:
    """The weights and scoring method the project ranks its candidates with (equal weights and a
    weighted average until someone saves others)."""
    record = project.process_selection
    if record is None:
        return Weights(), "weighted"
    return Weights(record.importance, record.gap, record.feasibility), record.method


def update_selection(session: Session, project: Project, expected_version: int | None, weights: Weights,
                     method: str) -> bool:
    """Store the weights and the scoring method of the project's process selection (the version
    the editor saw: ``None`` while the project has stored none); returns whether anything changed."""
    if method not in SELECTION_METHODS:
        raise ValidationError("unknown scoring method %(value)r", field="method", value=method)
    values = {name: _number(getattr(weights, name), name, MAX_SELECTION_WEIGHT)
              for name in ("importance", "gap", "feasibility")}
    if not sum(values.values()):
        raise ValidationError("weights must be numbers of at least 0, not all 0", "weights")
    values["method"] = method
    record = project.process_selection
    if record is None:  # the first save (two at once: the unique project_id refuses the second)
        project.process_selection = ProcessSelection(**values)
        session.flush()
        return True
    return apply_changes(record, expected_version, values)


def ranked_candidates(project: Project, weights: Weights | None = None, method: str | None = None) -> list[RankedProcess]:
    """The project's candidates ranked with ``weights`` and ``method``, by default the stored ones."""
    stored_weights, stored_method = selection_weights(project)
    weights = stored_weights if weights is None else weights
    method = stored_method if method is None else method
    return rank_candidates(
        [Candidate(c.key, c.name, c.importance, c.gap, c.feasibility, functions=c.functions,
                   departments=c.departments, name_zh=c.name_zh) for c in project.process_candidates],
        weights, method)


# ------------------------------------------------------------------ fishbones


def add_fishbone(session: Session, project: Project, key: str, problem: str, problem_zh: str = "") -> FishboneDiagram:
    key = _key(key)
    if any(f.key == key for f in project.fishbones):
        raise ValidationError("a fishbone with key %(key)r exists already", field="key", key=key)
    record = FishboneDiagram(key=key, problem=_text(problem, "problem", 300, required=True),
                             problem_zh=_text(problem_zh, "problem_zh", 300))
    project.fishbones.append(record)
    session.flush()
    return record


def delete_fishbone(session: Session, project: Project, record: FishboneDiagram) -> None:
    """Delete a fishbone with its causes."""
    # The causes are loaded first; no autoflush may remove the orphaned fishbone in between.
    with session.no_autoflush:
        list(record.causes)
        session.delete(record)
        project.fishbones.remove(record)


@dataclass
class CauseDraft:
    category: str
    name: str
    value: float
    category_zh: str = ""
    name_zh: str = ""

    def fields(self) -> dict[str, Any]:
        return {
            "category": _text(self.category, "category", 120, required=True),
            "category_zh": _text(self.category_zh, "category_zh", 120),
            "name": _text(self.name, "name", 300, required=True),
            "name_zh": _text(self.name_zh, "name_zh", 300),
            "value": _number(self.value, "value", MAX_AMOUNT),
        }


def add_cause(session: Session, fishbone: FishboneDiagram, draft: CauseDraft) -> FishboneCause:
    values = draft.fields()
    position = max((c.position for c in fishbone.causes), default=-1) + 1
    cause = FishboneCause(position=position, **values)
    fishbone.causes.append(cause)
    session.flush()
    return cause


def update_cause(fishbone: FishboneDiagram, cause: FishboneCause, expected_version: int | None,
                 draft: CauseDraft) -> bool:
    return apply_changes(cause, expected_version, draft.fields())


def delete_cause(session: Session, fishbone: FishboneDiagram, cause: FishboneCause) -> None:
    with session.no_autoflush:
        session.delete(cause)
        fishbone.causes.remove(cause)


def fishbone_of(record: FishboneDiagram) -> Fishbone:
    """The engine's fishbone: categories in the order their first cause comes."""
    categories: dict[str, list[FishboneCause]] = {}
    for cause in record.causes:
        categories.setdefault(cause.category, []).append(cause)
    return Fishbone(record.problem, tuple(
        Category(name, tuple(Cause(c.name, c.value, c.name_zh) for c in causes), causes[0].category_zh)
        for name, causes in categories.items()), record.problem_zh)
