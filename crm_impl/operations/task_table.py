"""The project's task table out to a spreadsheet (CSV, Excel) and back in.

A table read back changes the tasks it names, column by column (a column the file lacks leaves
that field alone), adds the tasks it does not know yet and leaves the others as they are.  The
whole table is checked first — phases, roles, predecessors, the network as it would be — and
every problem is reported with its row and column; nothing is saved unless all of it is right.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy.orm import Session

from crm_impl.errors import TaskTableError, ValidationError
from crm_impl.formats.task_table import TableRow, TaskTable, cell, read_task_table, task_table_text, task_table_xlsx
from crm_impl.i18n import N_, Message, msg
from crm_impl.limits import MAX_DURATION_DAYS
from crm_impl.methodology import roles
from crm_impl.models import Project, Task
from crm_impl.operations.plan import PredecessorDraft, parse_predecessors, resolve_predecessor, set_predecessors
from crm_impl.operations.planning import plan_schedule, project_plan
from crm_impl.schedule.cpm import check_span
from crm_impl.schedule.estimates import rescaled_days
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import PlanTask

__all__ = ["TableImport", "import_task_table", "project_task_table"]


def project_task_table(project: Project, kind: str) -> str | bytes:
    """The task table with CPM dates: ``"csv"`` (text) or ``"xlsx"`` (an Excel workbook)."""
    scheduled = plan_schedule(project)
    return task_table_xlsx(scheduled) if kind == "xlsx" else task_table_text(scheduled)


@dataclass(frozen=True)
class TableImport:
    """What a table read back changed: the ids added and updated, and how many it left alone."""

    added: tuple[str, ...]
    updated: tuple[str, ...]
    untouched: int


def _role_problems(row: TableRow, known: set[str]) -> list[tuple[Message, Message]]:
    problems = []
    for column, codes in (("responsible", row.task.roles.get("R") or []), ("accountable", [row.task.roles.get("A")]),
                          ("consulted", row.task.roles.get("C") or [])):
        for code in codes:
            if code and code not in known:
                problems.append((cell(row.number, column),
                                 msg(N_("unknown methodology role %(role)r"), role=code)))
    return problems


def _merged(row: TableRow, before: PlanTask | None, columns: frozenset[str]) -> PlanTask:
    """The task as it will be: the file's columns over what the task had."""
    new = row.task
    if before is None:
        return new
    changes: dict = {}
    simple = {"name": "name", "name_zh": "name_zh", "phase": "phase", "progress": "progress", "budget": "budget"}
    for column, attribute in simple.items():
        if column in columns and not (column == "phase" and not new.phase):
            changes[attribute] = getattr(new, attribute)
    if "duration" in columns or {"optimistic", "most_likely", "pessimistic"} & columns:
        changes["duration"] = new.duration
    if {"optimistic", "most_likely", "pessimistic"} & columns and new.estimate != before.estimate:
        changes["estimate"] = new.estimate
    elif before.estimate is not None and changes.get("duration", before.duration) != before.duration:
        # The duration moved and the estimate was not given: it follows (as in the task form).
        o, m, p = rescaled_days(before.estimate.optimistic, before.estimate.most_likely,
                                before.estimate.pessimistic, changes["duration"])
        changes["estimate"] = replace(before.estimate, optimistic=o, most_likely=m,
                                      pessimistic=min(p, MAX_DURATION_DAYS))
    if "milestone" in columns:
        changes["milestone"] = new.milestone
    elif changes.get("duration", before.duration) > 0:
        changes["milestone"] = False
    roles_now = dict(before.roles)
    for column, key in (("responsible", "R"), ("accountable", "A"), ("consulted", "C")):
        if column in columns:
            roles_now[key] = new.roles.get(key)
    changes["roles"] = roles_now
    return replace(before, **changes)


def import_task_table(session: Session, project: Project, filename: str, data: bytes) -> TableImport:
    """Read a task table (CSV or ``.xlsx``) into the project's plan; all of it or nothing.

    Raises
    ------
    TaskTableError
        Every problem of the file, each with its row and column.
    """
    table: TaskTable = read_task_table(data, filename)
    plan = project_plan(project)
    before = {t.id: t for t in plan.tasks}
    phases = {p.key for p in plan.phases}
    known_roles = {r.id for r in roles()}
    problems: list[tuple[str | Message, str | Message]] = []
    all_ids = set(before) | {row.task.id for row in table.rows}
    merged: dict[str, PlanTask] = {}
    incoming: dict[str, list[PredecessorDraft]] = {}
    for row in table.rows:
        task = _merged(row, before.get(row.task.id), table.columns)
        if not task.phase:
            problems.append((cell(row.number, "phase"), msg(
                N_("a new task needs a phase (one of %(phases)s)"), phases=", ".join(sorted(phases)))))
        elif task.phase not in phases:
            problems.append((cell(row.number, "phase"), msg(N_("unknown phase %(phase)r"), phase=task.phase)))
        problems.extend(_role_problems(row, known_roles))
        if row.predecessors is not None:
            try:
                drafts = [resolve_predecessor(d, all_ids) for d in parse_predecessors(row.predecessors)]
            except ValidationError as error:
                problems.append((cell(row.number, "predecessors"), error.message))
                drafts = []
            seen: set[str] = set()
            for draft in drafts:
                if draft.task == task.id:
                    problems.append((cell(row.number, "predecessors"),
                                     msg(N_("a task cannot depend on itself"))))
                elif draft.task not in all_ids:
                    problems.append((cell(row.number, "predecessors"),
                                     msg(N_("unknown task %(task)r"), task=draft.task)))
                elif draft.task in seen:
                    problems.append((cell(row.number, "predecessors"),
                                     msg(N_("task %(task)r is listed twice"), task=draft.task)))
                seen.add(draft.task)
            incoming[task.id] = drafts
        merged[task.id] = task
    if problems:
        raise TaskTableError(problems)

    # The network as it would be: no cycle, a span the calendar can date.
    tasks = [merged.get(t.id, t) for t in plan.tasks] + [t for key, t in merged.items() if key not in before]
    links = [link for link in plan.links if link.succ not in incoming]
    links += [Link(d.task, succ, d.type, d.lag) for succ, drafts in incoming.items() for d in drafts]
    try:
        check_span(replace(plan, tasks=tuple(tasks), links=tuple(links)).schedule().schedule, field="duration")
    except ValidationError as error:
        raise TaskTableError([("", error.message)]) from None

    by_key = {t.key: t for t in project.tasks}
    phase_of = {p.key: p for p in project.phases}
    position = max((t.position for t in project.tasks), default=-1)
    added, updated = [], []
    for key, task in merged.items():
        estimate = task.estimate
        values = {
            "name": task.name, "name_zh": task.name_zh, "phase": phase_of[task.phase], "duration": task.duration,
            "milestone": task.milestone, "progress": task.progress, "budget": task.budget, "roles": dict(task.roles),
            "optimistic": estimate.optimistic if estimate else None,
            "most_likely": estimate.most_likely if estimate else None,
            "pessimistic": estimate.pessimistic if estimate else None,
        }
        record = by_key.get(key)
        if record is None:
            position += 1
            record = Task(key=key, position=position, **values)
            project.tasks.append(record)
            by_key[key] = record
            added.append(key)
        else:
            changed = {name: value for name, value in values.items() if getattr(record, name) != value}
            for name, value in changed.items():
                setattr(record, name, value)
            if changed:
                updated.append(key)
    for succ, drafts in incoming.items():
        current = sorted((d.pred.key, d.type.value, d.lag) for d in project.dependencies if d.succ is by_key[succ])
        wanted = sorted((d.task, d.type, d.lag) for d in drafts)
        if current != wanted:
            set_predecessors(project, by_key[succ], [(by_key[d.task], d) for d in drafts])
            if succ not in added and succ not in updated:
                updated.append(succ)
    session.flush()
    return TableImport(tuple(added), tuple(updated), len(project.tasks) - len(added) - len(updated))
