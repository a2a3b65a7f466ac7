"""Validation of project files: JSON Schema first, then the rules a schema cannot say.

Every problem is reported with the path of the field it concerns (``tasks[3].duration``),
all at once, so a user can fix a file in one round.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator

from crm_impl.errors import ProjectFileError, ScheduleCycleError, ValidationError
from crm_impl.i18n import msg
from crm_impl.limits import EARLIEST_DATE, LATEST_DATE, unstorable_character
from crm_impl.projectfile.finance import section_problems
from crm_impl.projectfile.spec import FORMAT, FORMAT_VERSION, format_checker, schema
from crm_impl.projectfile.vendor_rules import vendor_problems
from crm_impl.schedule.cpm import check_span
from crm_impl.schedule.network import Activity, Link, build_network

__all__ = ["FORMAT", "FORMAT_VERSION", "schema", "validate_document"]

Problems = list[tuple[str, str]]

# A problem quotes what it refuses; a value of thousands of characters is cut short.
_QUOTE_LIMIT = 300


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema(), format_checker=format_checker())


def _path(parts) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_message(error) -> Any:
    """The message of one schema error, in words a person fixing the file can act on."""
    kind, limit = error.validator, error.validator_value
    if kind == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field(s)")
    if kind == "const" and list(error.path) == ["format_version"]:
        return msg("format version %(version)r is not supported (this crm-impl reads version %(supported)s)",
                   version=error.instance, supported=FORMAT_VERSION)
    if kind == "format" and limit in ("date", "date-time"):
        example = "2025-03-03" if limit == "date" else "2025-03-03T09:00:00+08:00"
        return msg("is not a date like %(example)s from %(first)s to %(last)s", example=example,
                   first=EARLIEST_DATE.isoformat(), last=LATEST_DATE.isoformat())
    if kind == "maxLength":
        return msg("is longer than %(limit)s characters", limit=limit)
    if kind in ("maximum", "minimum"):
        bound = f"{limit:,.0f}" if float(limit).is_integer() else f"{limit:,}"
        if kind == "maximum":
            return msg("must be at most %(limit)s, got %(value)s", limit=bound, value=error.instance)
        return msg("must be at least %(limit)s, got %(value)s", limit=bound, value=error.instance)
    if kind == "maxItems":
        return msg("has more than %(limit)s entries", limit=limit)
    message = error.message
    return message if len(message) <= _QUOTE_LIMIT else message[:_QUOTE_LIMIT] + "…"


def _schema_problems(data: Any) -> Problems:
    return [(_path(error.path), _schema_message(error))
            for error in sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path)))]


def _text_problems(data: Any) -> Problems:
    """Every text (field names too) no database can store, with its path."""
    problems: Problems = []
    stack: list[tuple[Any, tuple]] = [(data, ())]
    while stack:
        value, where = stack.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                bad = unstorable_character(key)
                if bad:
                    problems.append((_path(where), msg("a field name contains a character that cannot be stored "
                                                       "(%(character)s)", character=bad)))
                stack.append((item, (*where, key)))
        elif isinstance(value, list):
            stack.extend((item, (*where, i)) for i, item in enumerate(value))
        elif isinstance(value, str):
            bad = unstorable_character(value)
            if bad:
                problems.append((_path(where), msg("contains a character that cannot be stored (%(character)s)",
                                                   character=bad)))
    return sorted(problems)


def _duplicates(values) -> list:
    return [value for value, count in Counter(values).items() if count > 1]


def _semantic_problems(data: dict[str, Any], problems: Problems) -> None:
    """Add what the schema cannot say (references, duplicates, cycles) to ``problems``."""
    from crm_impl.methodology.catalogue import roles

    known_roles = {role.id for role in roles()}
    phases = [p["key"] for p in data["phases"]]
    for key in _duplicates(phases):
        problems.append(("phases", msg("phase key %(key)r is used more than once", key=key)))
    tasks = data["tasks"]
    for key in _duplicates(t["id"] for t in tasks):
        problems.append(("tasks", msg("task id %(task)r is used more than once", task=key)))

    for i, task in enumerate(tasks):
        where = f"tasks[{i}]"
        if task["phase"] not in phases:
            problems.append((f"{where}.phase", msg("unknown phase %(phase)r", phase=task["phase"])))
        estimate = task.get("duration_days")
        if estimate and not estimate["optimistic"] <= estimate["most_likely"] <= estimate["pessimistic"]:
            problems.append(
                (f"{where}.duration_days", msg("needs optimistic <= most_likely <= pessimistic"))
            )
        if task.get("milestone") and task["duration"] != 0:
            problems.append((f"{where}.duration", msg("a milestone has duration 0")))
        roles = task.get("roles") or {}
        for letter in ("R", "C"):
            for role in roles.get(letter, []):
                if role not in known_roles:
                    problems.append((f"{where}.roles.{letter}", msg("unknown role %(role)r", role=role)))
        if roles.get("A") is not None and roles["A"] not in known_roles:
            problems.append((f"{where}.roles.A", msg("unknown role %(role)r", role=roles["A"])))
        start, finish = task.get("actual_start"), task.get("actual_finish")
        if start and finish and date.fromisoformat(finish) < date.fromisoformat(start):
            problems.append((f"{where}.actual_finish", msg("is before actual_start")))

    ids = {t["id"] for t in tasks}
    seen_pairs = set()
    for i, dep in enumerate(data.get("dependencies", [])):
        where = f"dependencies[{i}]"
        for end in ("pred", "succ"):
            if dep[end] not in ids:
                problems.append((f"{where}.{end}", msg("unknown task %(task)r", task=dep[end])))
        if dep["pred"] == dep["succ"]:
            problems.append((where, msg("task %(task)r cannot depend on itself", task=dep["pred"])))
        elif (dep["pred"], dep["succ"]) in seen_pairs:
            problems.append((where, msg("link %(pred)s → %(succ)s is given twice", pred=dep["pred"], succ=dep["succ"])))
        seen_pairs.add((dep["pred"], dep["succ"]))
    # A cycle among the links that do name two known tasks, whatever else is wrong with the file.
    if len(ids) == len(tasks):
        sound = [d for d in data.get("dependencies", [])
                 if d["pred"] in ids and d["succ"] in ids and d["pred"] != d["succ"]]
        problems.extend(_cycle_problems(tasks, _unique_links(sound)))

    for i, baseline in enumerate(data.get("baselines", [])):
        for key in _duplicates(t["id"] for t in baseline["tasks"]):
            problems.append((f"baselines[{i}].tasks", msg("task %(task)r is listed twice", task=key)))
    for name in _duplicates(b["name"] for b in data.get("baselines", [])):
        problems.append(("baselines", msg("baseline name %(name)r is used twice", name=name)))
    if sum(bool(b.get("steering")) for b in data.get("baselines", [])) > 1:
        problems.append(("baselines", msg("only one baseline can be the steering baseline")))

    problems.extend(_tracking_problems(data, set(phases), ids, known_roles))
    problems.extend(vendor_problems(data))
    if data.get("processes"):
        from crm_impl.projectfile.processes import process_problems

        problems.extend(process_problems(data))

    calendar = data.get("calendar", {})
    for day in _duplicates(h["date"] for h in calendar.get("holidays", [])):
        problems.append(("calendar.holidays", msg("holiday %(day)s is listed twice", day=day)))
    for day in _duplicates(w["date"] for w in calendar.get("working_days", [])):
        problems.append(("calendar.working_days", msg("working day %(day)s is listed twice", day=day)))
    both = {h["date"] for h in calendar.get("holidays", [])} & {w["date"] for w in calendar.get("working_days", [])}
    for day in sorted(both):
        problems.append(("calendar.working_days", msg("%(day)s is both a holiday and a working day", day=day)))
    for kpi in _duplicates(k["kpi"] for k in data.get("kpi_targets", [])):
        problems.append(("kpi_targets", msg("KPI %(kpi)r is listed twice", kpi=kpi)))
    for i, member in enumerate(data.get("team", [])):
        if member["role"] not in known_roles:
            problems.append((f"team[{i}].role", msg("unknown role %(role)r", role=member["role"])))


def _unique_links(links: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, unique = set(), []
    for link in links:
        if (link["pred"], link["succ"]) not in seen:
            seen.add((link["pred"], link["succ"]))
            unique.append(link)
    return unique


def _cycle_problems(tasks: list[dict[str, Any]], dependencies: list[dict[str, Any]]) -> Problems:
    """A dependency cycle, found by the scheduling engine (the one place that knows cycles).

    Only the graph matters here, so every task enters with duration 0; durations and
    milestones were checked above with their own field paths.
    """
    activities = [Activity(t["id"], 0) for t in tasks]
    links = [Link(d["pred"], d["succ"], d.get("type", "FS"), d.get("lag", 0)) for d in dependencies]
    try:
        build_network(activities, links)
    except ScheduleCycleError as error:
        return [(error.field, error.message)]
    except ValidationError:  # a link the schema refused already (its problem says where)
        return []
    return []


def _tracking_problems(data: dict[str, Any], phases: set[str], tasks: set[str], roles: set[str]) -> Problems:
    """References inside the methodology-tracking sections must point at what exists."""
    problems: Problems = []
    deliverables = data.get("deliverables", [])
    for key in _duplicates(d["key"] for d in deliverables):
        problems.append(("deliverables", msg("deliverable key %(key)r is used more than once", key=key)))
    for i, item in enumerate(deliverables):
        if item["phase"] not in phases:
            problems.append((f"deliverables[{i}].phase", msg("unknown phase %(phase)r", phase=item["phase"])))
        if item["owner_role"] not in roles:
            problems.append((f"deliverables[{i}].owner_role", msg("unknown role %(role)r", role=item["owner_role"])))
        for role in item.get("raci", {}):
            if role not in roles:
                problems.append((f"deliverables[{i}].raci", msg("unknown role %(role)r", role=role)))
    gates = data.get("gates", [])
    for gate in _duplicates(g["gate"] for g in gates):
        problems.append(("gates", msg("gate %(gate)r is listed twice", gate=gate)))
    for i, gate in enumerate(gates):
        if gate["phase"] not in phases:
            problems.append((f"gates[{i}].phase", msg("unknown phase %(phase)r", phase=gate["phase"])))
        if gate.get("milestone_task") and gate["milestone_task"] not in tasks:
            problems.append((f"gates[{i}].milestone_task", msg("unknown task %(task)r", task=gate["milestone_task"])))
    risks = data.get("risks", [])
    for key in _duplicates(r["key"] for r in risks):
        problems.append(("risks", msg("risk key %(key)r is used more than once", key=key)))
    for i, risk in enumerate(risks):
        for task in risk.get("linked_tasks", []):
            if task not in tasks:
                problems.append((f"risks[{i}].linked_tasks", msg("unknown task %(task)r", task=task)))
    changes = data.get("change_requests", [])
    for number in _duplicates(c["number"] for c in changes):
        problems.append(("change_requests", msg("change request number %(number)s is used twice", number=number)))
    for i, change in enumerate(changes):
        for j, item in enumerate(change.get("plan_changes", [])):
            if item["task"] not in tasks:
                problems.append((f"change_requests[{i}].plan_changes[{j}].task", msg("unknown task %(task)r", task=item["task"])))
    return problems


def _span_problems(data: dict[str, Any]) -> Problems:
    """The whole plan, scheduled, must fit :data:`~crm_impl.limits.MAX_SPAN_DAYS`."""
    from crm_impl.projectfile.plan import plan_from_document

    try:
        check_span(plan_from_document(data).schedule().schedule)
    except ValidationError as error:
        return [(error.field, error.message)]
    return []


def validate_document(data: Any) -> None:
    """Raise :class:`ProjectFileError` listing every problem of ``data``, or return."""
    if not isinstance(data, dict):
        raise ProjectFileError([("", msg("a project file is a JSON object"))])
    problems = _text_problems(data)
    if not problems:
        problems = _schema_problems(data)
        found: Problems = []
        try:
            _semantic_problems(data, found)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError):
            # The file's structure is broken where the checks went on: the schema's problems say where.
            if not problems:
                raise
        problems += [problem for problem in found if problem not in problems]
    if not problems:
        problems = section_problems(data)
    if not problems:
        problems = _span_problems(data)
    if problems:
        raise ProjectFileError(problems)
