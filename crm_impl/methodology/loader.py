"""Read and validate the catalogue's JSON files into the dataclasses of :mod:`.model`.

Each file is checked twice: against its JSON Schema (``data/schema/*.schema.json``) for
shape, then here for meaning (unique keys, known roles and KPIs, predecessors inside the
template, an acyclic network, one ``A`` per phase and deliverable, the §3.5 rule that a
task's roles take part in its phase). Every problem is collected, so one run of the tests
lists everything wrong with a data file.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from jsonschema import Draft202012Validator

if TYPE_CHECKING:
    import networkx as nx

from crm_impl.errors import CatalogueDataError
from crm_impl.methodology.model import (
    NOT_INVOLVED,
    ControlMeasure,
    Deliverable,
    Gate,
    GateCriterion,
    Kpi,
    Phase,
    PredecessorTemplate,
    RiskTemplate,
    Role,
    TaskTemplate,
    Template,
)

__all__ = [
    "Catalogue",
    "DATA_DIR",
    "DEFAULT_TEMPLATE_ID",
    "load_catalogue",
    "parse_roles",
    "parse_kpis",
    "parse_risks",
    "parse_template",
    "validate_template",
    "template_graph",
]

#: The folder of JSON files shipped inside the package.
DATA_DIR: Traversable = resources.files("crm_impl.methodology") / "data"

#: The template a new project gets unless it chooses another; KPI and risk phases use its ids.
DEFAULT_TEMPLATE_ID = "nine_phase"

Problem = tuple[str, str]

_PHASE_LETTERS = frozenset({"R", "A", "C", "I", "A/R", NOT_INVOLVED})
_SINGLETON_KINDS = ("roles", "kpis", "risks")


@dataclass(frozen=True)
class Catalogue:
    """Everything loaded from one data folder."""

    roles: tuple[Role, ...]
    templates: tuple[Template, ...]
    kpis: tuple[Kpi, ...]
    control_measures: tuple[ControlMeasure, ...]
    risks: tuple[RiskTemplate, ...]


# --------------------------------------------------------------------------- shape


@cache
def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads((DATA_DIR / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _path(parts: Iterable[Any]) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _check_shape(data: Any, kind: str, source: str) -> None:
    errors = sorted(_validator(kind).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise CatalogueDataError(source, [(_path(e.absolute_path), e.message) for e in errors])


def _duplicates(values: Iterable[str]) -> list[str]:
    return [value for value, count in Counter(values).items() if count > 1]


# --------------------------------------------------------------------------- roles, KPIs, risks


def parse_roles(data: Any, *, source: str = "roles.json", check: bool = True) -> tuple[Role, ...]:
    """Build the role catalogue from the parsed JSON of ``roles.json``."""
    if check:
        _check_shape(data, "roles", source)
    items = data["roles"]
    problems = [("roles", f"duplicate role id {d!r}") for d in _duplicates(r["id"] for r in items)]
    for i, item in enumerate(items):
        if len(item["responsibilities"]) != len(item["responsibilities_zh"]):
            problems.append((f"roles[{i}]", "responsibilities and responsibilities_zh differ in length"))
    if problems:
        raise CatalogueDataError(source, problems)
    return tuple(
        Role(
            id=item["id"],
            side=item["side"],
            name=item["name"],
            name_zh=item["name_zh"],
            responsibilities=tuple(item["responsibilities"]),
            responsibilities_zh=tuple(item["responsibilities_zh"]),
            members=item.get("members", ""),
            members_zh=item.get("members_zh", ""),
            source=item.get("source", ""),
        )
        for item in items
    )


def parse_kpis(data: Any, *, source: str = "kpis.json", check: bool = True) -> tuple[Kpi, ...]:
    """Build the KPI catalogue from the parsed JSON of ``kpis.json``."""
    if check:
        _check_shape(data, "kpis", source)
    items = data["kpis"]
    problems = [("kpis", f"duplicate KPI id {d!r}") for d in _duplicates(k["id"] for k in items)]
    for i, item in enumerate(items):
        if item["unit"] == "ratio" and not 0 <= item["target"] <= 1:
            problems.append((f"kpis[{i}].target", "a ratio target must lie between 0 and 1"))
    if problems:
        raise CatalogueDataError(source, problems)
    return tuple(
        Kpi(
            id=item["id"],
            kind=item["kind"],
            name=item["name"],
            name_zh=item["name_zh"],
            unit=item["unit"],
            target=item["target"],
            comparison=item["comparison"],
            direction=item["direction"],
            measure=item["measure"],
            measure_zh=item["measure_zh"],
            phase=item["phase"],
            source=item.get("source", ""),
        )
        for item in items
    )


def parse_risks(
    data: Any, *, source: str = "risks.json", check: bool = True
) -> tuple[tuple[ControlMeasure, ...], tuple[RiskTemplate, ...]]:
    """Build the control measures and typical risks from the parsed JSON of ``risks.json``."""
    if check:
        _check_shape(data, "risks", source)
    measures = data["control_measures"]
    measure_ids = {m["id"] for m in measures}
    problems = [("control_measures", f"duplicate id {d!r}") for d in _duplicates(m["id"] for m in measures)]
    problems += [("risks", f"duplicate risk id {d!r}") for d in _duplicates(r["id"] for r in data["risks"])]
    for i, item in enumerate(data["risks"]):
        for measure in item["control_measures"]:
            if measure not in measure_ids:
                problems.append((f"risks[{i}].control_measures", f"unknown control measure {measure!r}"))
    if problems:
        raise CatalogueDataError(source, problems)
    control_measures = tuple(
        ControlMeasure(id=m["id"], name=m["name"], name_zh=m["name_zh"], source=m.get("source", ""))
        for m in measures
    )
    risks = tuple(
        RiskTemplate(
            id=item["id"],
            category=item["category"],
            name=item["name"],
            name_zh=item["name_zh"],
            description=item["description"],
            description_zh=item["description_zh"],
            probability=item["probability"],
            impact=item["impact"],
            response=item["response"],
            response_zh=item["response_zh"],
            control_measures=tuple(item["control_measures"]),
            phases=tuple(item["phases"]),
            source=item.get("source", ""),
        )
        for item in data["risks"]
    )
    return control_measures, risks


# --------------------------------------------------------------------------- templates


def _build_phase(item: Mapping[str, Any]) -> Phase:
    phase_id = item["id"]
    gate = item["gate"]
    return Phase(
        id=phase_id,
        order=item["order"],
        name=item["name"],
        name_zh=item["name_zh"],
        goal=item["goal"],
        goal_zh=item["goal_zh"],
        duration_share=item["duration_share"],
        name_source=item.get("name_source", ""),
        # "-" is accepted as a typing convenience for the §3.5 dash.
        raci=MappingProxyType({r: NOT_INVOLVED if v == "-" else v for r, v in item["raci"].items()}),
        tasks=tuple(
            TaskTemplate(
                key=t["key"],
                phase_id=phase_id,
                name=t["name"],
                name_zh=t["name_zh"],
                optimistic=t["duration_days"]["optimistic"],
                most_likely=t["duration_days"]["most_likely"],
                pessimistic=t["duration_days"]["pessimistic"],
                milestone=t["milestone"],
                predecessors=tuple(
                    PredecessorTemplate(task=p["task"], type=p["type"], lag=p["lag"]) for p in t["predecessors"]
                ),
                responsible=tuple(t["roles"]["R"]),
                accountable=t["roles"]["A"],
                consulted=tuple(t["roles"]["C"]),
                deliverables=tuple(t["deliverables"]),
                gate=t.get("gate"),
                source=t.get("source", ""),
            )
            for t in item["tasks"]
        ),
        deliverables=tuple(
            Deliverable(
                key=d["key"],
                phase_id=phase_id,
                name=d["name"],
                name_zh=d["name_zh"],
                mandatory=d["mandatory"],
                owner=d["owner"],
                raci=MappingProxyType(dict(d["raci"])),
                source=d.get("source", ""),
            )
            for d in item["deliverables"]
        ),
        gate=None
        if gate is None
        else Gate(
            id=gate["id"],
            phase_id=phase_id,
            name=gate["name"],
            name_zh=gate["name_zh"],
            proposed=gate["proposed"],
            source=gate.get("source", ""),
            criteria=tuple(
                GateCriterion(
                    key=c["key"],
                    text=c["text"],
                    text_zh=c["text_zh"],
                    kpi=c["kpi"],
                    threshold=c["threshold"],
                    comparison=c["comparison"],
                    source=c.get("source", ""),
                )
                for c in gate["criteria"]
            ),
        ),
    )


def template_graph(template: Template) -> nx.DiGraph:
    """The task network: one node per task key, an edge predecessor → successor.

    Edges carry ``type`` and ``lag``; links to unknown tasks are left out.
    """
    import networkx as nx  # here: loading the shipped catalogue never draws a graph

    graph = nx.DiGraph()
    graph.add_nodes_from(task.key for task in template.tasks)
    for task in template.tasks:
        for pred in task.predecessors:
            if pred.task in graph:
                graph.add_edge(pred.task, task.key, type=pred.type, lag=pred.lag)
    return graph


def _check_phase_raci(phase: Phase, role_ids: Collection[str]) -> list[Problem]:
    where = f"phase {phase.id}.raci"
    problems = [(where, f"unknown role {r!r}") for r in phase.raci if r not in role_ids]
    problems += [(where, f"role {r!r} is missing (use '–' if not involved)")
                 for r in sorted(role_ids) if r not in phase.raci]
    problems += [(where, f"unknown RACI value {v!r} for {r}")
                 for r, v in phase.raci.items() if v not in _PHASE_LETTERS]
    accountable = [r for r, v in phase.raci.items() if v in ("A", "A/R")]
    if len(accountable) != 1:
        problems.append((where, f"needs exactly one A, found {accountable or 'none'}"))
    return problems


def _check_task(
    task: TaskTemplate, phase: Phase, keys: Collection[str], role_ids: Collection[str]
) -> list[Problem]:
    where = f"task {task.key}"
    problems: list[Problem] = []
    if not task.key.startswith(f"{phase.id}."):
        problems.append((where, f"key must start with {phase.id + '.'!r}"))
    if not task.optimistic <= task.most_likely <= task.pessimistic:
        problems.append((where, "needs optimistic ≤ most_likely ≤ pessimistic"))
    if task.milestone and task.pessimistic != 0:
        problems.append((where, "a milestone has duration 0"))
    if not task.milestone and task.optimistic < 1:
        problems.append((where, "a task that is not a milestone needs at least one day"))
    seen: set[str] = set()
    for i, pred in enumerate(task.predecessors):
        if pred.task == task.key:
            problems.append((f"{where}.predecessors[{i}]", "a task cannot precede itself"))
        elif pred.task not in keys:
            problems.append((f"{where}.predecessors[{i}]", f"unknown task {pred.task!r} in this template"))
        elif pred.task in seen:
            problems.append((f"{where}.predecessors[{i}]", f"duplicate link from {pred.task!r}"))
        seen.add(pred.task)
    for role_id in sorted(task.role_ids):
        if role_id not in role_ids:
            problems.append((f"{where}.roles", f"unknown role {role_id!r}"))
        elif not phase.involved(role_id):
            # §3.5: a task's roles must not be "–" in its phase column.
            problems.append((f"{where}.roles", f"{role_id} is not involved ('–') in phase {phase.id}"))
    both = set(task.responsible) & set(task.consulted)
    if both or task.accountable in task.consulted:
        problems.append((f"{where}.roles", f"a role is both R/A and C: {sorted(both | {task.accountable})}"))
    phase_deliverables = {d.key for d in phase.deliverables}
    for key in task.deliverables:
        if key not in phase_deliverables:
            problems.append((f"{where}.deliverables", f"{key!r} is not a deliverable of phase {phase.id}"))
    if task.gate is not None:
        if phase.gate is None or task.gate != phase.gate.id:
            problems.append((f"{where}.gate", f"phase {phase.id} has no gate {task.gate!r}"))
        if not task.milestone:
            problems.append((f"{where}.gate", "a gate task must be a milestone"))
    return problems


def _check_deliverable(item: Deliverable, phase: Phase, role_ids: Collection[str]) -> list[Problem]:
    where = f"deliverable {item.key}"
    problems: list[Problem] = []
    if not item.key.startswith(f"{phase.id}."):
        problems.append((where, f"key must start with {phase.id + '.'!r}"))
    letters = list(item.raci.values())
    if letters.count("A") != 1:
        problems.append((f"{where}.raci", f"needs exactly one A, found {letters.count('A')}"))
    if "R" not in letters:
        problems.append((f"{where}.raci", "needs at least one R"))
    for role_id in item.raci:
        if role_id not in role_ids:
            problems.append((f"{where}.raci", f"unknown role {role_id!r}"))
        elif not phase.involved(role_id):
            problems.append((f"{where}.raci", f"{role_id} is not involved ('–') in phase {phase.id}"))
    if item.raci.get(item.owner) not in ("R", "A"):
        problems.append((f"{where}.owner", f"owner {item.owner!r} must be R or A in the deliverable's RACI"))
    return problems


def _check_gate(phase: Phase, graph: nx.DiGraph | None, kpi_ids: Collection[str]) -> list[Problem]:
    """Check the gate of ``phase``; ``graph`` is ``None`` when the network has a cycle."""
    gate = phase.gate
    if gate is None:
        return [(f"task {t.key}.gate", f"phase {phase.id} has no gate") for t in phase.tasks if t.gate]
    where = f"gate {gate.id}"
    problems: list[Problem] = []
    gate_tasks = [t for t in phase.tasks if t.gate == gate.id]
    if len(gate_tasks) != 1:
        problems.append((where, f"needs exactly one gate milestone task in phase {phase.id}, "
                                f"found {len(gate_tasks)}"))
    elif graph is not None:
        # The gate closes the phase: everything else in the phase must lead to it.
        import networkx as nx

        ancestors = nx.ancestors(graph, gate_tasks[0].key)
        loose = [t.key for t in phase.tasks if t is not gate_tasks[0] and t.key not in ancestors]
        if loose:
            problems.append((where, f"tasks of phase {phase.id} do not lead to the gate: {loose}"))
    for d in _duplicates(c.key for c in gate.criteria):
        problems.append((f"{where}.criteria", f"duplicate criterion key {d!r}"))
    for criterion in gate.criteria:
        if criterion.kpi is not None and criterion.kpi not in kpi_ids:
            problems.append((f"{where}.{criterion.key}", f"unknown KPI {criterion.kpi!r}"))
        if (criterion.threshold is None) != (criterion.comparison is None):
            problems.append((f"{where}.{criterion.key}", "threshold and comparison go together"))
    return problems


def validate_template(
    template: Template, *, role_ids: Collection[str], kpi_ids: Collection[str]
) -> list[Problem]:
    """List every semantic problem of ``template``; an empty list means it is valid."""
    problems: list[Problem] = []
    phases = template.phases
    problems += [("phases", f"duplicate phase id {d!r}") for d in _duplicates(p.id for p in phases)]
    if [p.order for p in phases] != list(range(1, len(phases) + 1)):
        problems.append(("phases", "orders must run 1, 2, … in the listed order"))
    keys = [t.key for t in template.tasks]
    problems += [("tasks", f"duplicate task key {d!r}") for d in _duplicates(keys)]
    problems += [("deliverables", f"duplicate deliverable key {d!r}") for d in
                 _duplicates(d.key for d in template.deliverables)]
    problems += [("gates", f"duplicate gate id {d!r}") for d in _duplicates(g.id for g in template.gates)]

    import networkx as nx

    graph: nx.DiGraph | None = template_graph(template)
    if not nx.is_directed_acyclic_graph(graph):
        cycle = [edge[0] for edge in nx.find_cycle(graph)]
        problems.append(("tasks", "dependency cycle: " + " → ".join([*cycle, cycle[0]])))
        graph = None

    key_set = set(keys)
    produced = {key for task in template.tasks for key in task.deliverables}
    for phase in phases:
        problems += _check_phase_raci(phase, role_ids)
        for task in phase.tasks:
            problems += _check_task(task, phase, key_set, role_ids)
        for item in phase.deliverables:
            problems += _check_deliverable(item, phase, role_ids)
            if item.mandatory and item.key not in produced:
                problems.append((f"deliverable {item.key}", "mandatory but no task produces it"))
        problems += _check_gate(phase, graph, kpi_ids)
    return problems


def parse_template(
    data: Any, *, role_ids: Collection[str], kpi_ids: Collection[str], source: str = "template", check: bool = True
) -> Template:
    """Build and validate a template from parsed JSON; raise :class:`CatalogueDataError`."""
    if check:
        _check_shape(data, "template", source)
    template = Template(
        id=data["id"],
        name=data["name"],
        name_zh=data["name_zh"],
        description=data["description"],
        description_zh=data["description_zh"],
        position=data["position"],
        source=data.get("source", ""),
        phases=tuple(_build_phase(item) for item in data["phases"]),
    )
    problems = validate_template(template, role_ids=role_ids, kpi_ids=kpi_ids) if check else []
    if problems:
        raise CatalogueDataError(source, problems)
    return template


# --------------------------------------------------------------------------- folder


def load_catalogue(data_dir: Traversable = DATA_DIR, *, check: bool = True) -> Catalogue:
    """Load every ``*.json`` file of ``data_dir``; templates are found by ``"kind": "template"``.

    ``check=False`` skips the schema and template checks (half a second at every start): for the
    catalogue shipped with crm-impl, which the test suite checks.
    """
    files: dict[str, list[tuple[str, Any]]] = {}
    for entry in sorted(data_dir.iterdir(), key=lambda e: e.name):
        if not entry.is_file() or not entry.name.endswith(".json"):
            continue
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise CatalogueDataError(entry.name, [("", f"not valid JSON: {exc}")]) from exc
        kind = data.get("kind") if isinstance(data, dict) else None
        if kind not in ("template", *_SINGLETON_KINDS):
            raise CatalogueDataError(entry.name, [("kind", f"unknown kind {kind!r}")])
        files.setdefault(kind, []).append((entry.name, data))
    for kind in _SINGLETON_KINDS:
        if len(files.get(kind, [])) != 1:
            raise CatalogueDataError(str(data_dir), [("", f"needs exactly one {kind!r} file")])

    (roles_name, roles_data), = files["roles"]
    (kpis_name, kpis_data), = files["kpis"]
    (risks_name, risks_data), = files["risks"]
    roles = parse_roles(roles_data, source=roles_name, check=check)
    kpis = parse_kpis(kpis_data, source=kpis_name, check=check)
    control_measures, risks = parse_risks(risks_data, source=risks_name, check=check)
    role_ids = {r.id for r in roles}
    kpi_ids = {k.id for k in kpis}

    templates = []
    for name, data in files.get("template", []):
        template = parse_template(data, role_ids=role_ids, kpi_ids=kpi_ids, source=name, check=check)
        if f"{template.id}.json" != name:
            raise CatalogueDataError(name, [("id", f"template id {template.id!r} must match the file name")])
        templates.append(template)
    if not templates:
        raise CatalogueDataError(str(data_dir), [("", "no template file")])
    templates.sort(key=lambda t: (t.position, t.id))

    default = next((t for t in templates if t.id == DEFAULT_TEMPLATE_ID), templates[0])
    phase_ids = {p.id for p in default.phases}
    problems = [(f"kpi {k.id}.phase", f"unknown phase {k.phase!r}") for k in kpis
                if k.phase is not None and k.phase not in phase_ids]
    problems += [(f"risk {r.id}.phases", f"unknown phase {p!r}") for r in risks for p in r.phases
                 if p not in phase_ids]
    if problems:
        raise CatalogueDataError(f"{kpis_name}, {risks_name}", problems)
    return Catalogue(
        roles=roles, templates=tuple(templates), kpis=kpis, control_measures=control_measures, risks=risks
    )
