"""``processes FILE``: each process map of a project file with its metrics, and what each to-be map
saves against its as-is map (``--json`` for machines, ``--bpmn-dir`` to write every map as BPMN).

Thin on purpose: the file is read by the validated reader (:func:`crm_impl.projectfile.read`),
the maps are measured by the engine; this module only formats the answer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from blueprints.cli_errors import fail
from blueprints.cli_schedule import read_project_file

__all__ = ["commands", "processes_command"]


def _number(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(float(value), digits)


def _record(entry) -> dict[str, Any]:
    m = entry.metrics
    return {
        "key": entry.key,
        "name": entry.process.name,
        "name_zh": entry.process.name_zh,
        "kind": entry.kind,
        "steps": m.steps,
        "handoffs": m.handoffs,
        "decisions": m.decisions,
        "cycle_time_hours": _number(m.cycle_time),
        "touch_time_hours": _number(m.touch_time),
        "waiting_time_hours": _number(m.waiting_time),
        "cost_per_case": _number(m.cost_per_case, 2),
        "value_added_ratio": _number(m.value_added_ratio),
        "automation_share": _number(m.automation_share),
        "success_rate": _number(m.success_rate),
        "channels": list(m.channels),
        "cases_per_year": entry.cases_per_year,
    }


def _savings(entry) -> dict[str, Any]:
    d = entry.diff
    return {
        "as_is": entry.as_is,
        "to_be": entry.key,
        "cases_per_year": entry.cases_per_year,
        "benefit": entry.benefit,
        "savings_per_case": _number(d.savings_per_case, 2),
        "annual_savings": _number(d.annual_savings, 2),
        "hours_saved_per_case": _number(d.hours_saved_per_case),
        "annual_touch_hours_saved": _number(d.annual_touch_hours_saved, 2),
        "added_nodes": list(d.added_nodes),
        "removed_nodes": list(d.removed_nodes),
        "changed_nodes": [c.id for c in d.changed_nodes],
    }


def _table(records: list[dict[str, Any]], savings: list[dict[str, Any]]) -> str:
    header = ("KEY", "KIND", "STEPS", "HANDOFFS", "DECISIONS", "CYCLE_H", "COST/CASE", "VA_RATIO")
    rows = [(r["key"], r["kind"], str(r["steps"]), str(r["handoffs"]), str(r["decisions"]),
             f"{r['cycle_time_hours']:.2f}", f"{r['cost_per_case']:.2f}", f"{r['value_added_ratio']:.1%}")
            for r in records]
    widths = [max(len(row[c]) for row in [header, *rows]) for c in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if c < 2 else cell.rjust(w) for c, (cell, w) in enumerate(zip(row, widths))).rstrip()
             for row in [header, *rows]]
    for s in savings:
        lines.append(f"{s['to_be']} vs {s['as_is']}: {s['savings_per_case']:,.2f} saved per case × "
                     f"{s['cases_per_year']:,} cases = {s['annual_savings']:,.2f} a year"
                     + (f" ({s['benefit']})" if s["benefit"] else ""))
    return "\n".join(lines)


@click.command("processes")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--bpmn-dir", type=click.Path(file_okay=False, path_type=Path), default=None, metavar="DIR",
              help="Write each map there as <key>.bpmn.")
def processes_command(file: Path, as_json: bool, bpmn_dir: Path | None) -> None:
    """Each process map of project FILE with its metrics, and the as-is/to-be savings."""
    from crm_impl.projectfile.processes import document_maps

    entries = document_maps(read_project_file(file))
    if bpmn_dir is not None:
        try:
            bpmn_dir.mkdir(parents=True, exist_ok=True)
            for entry in entries:
                (bpmn_dir / f"{entry.key}.bpmn").write_bytes(entry.bpmn)
        except OSError as exc:
            fail(f"cannot write to {bpmn_dir}: {exc.strerror}")
    records = [_record(e) for e in entries]
    savings = [_savings(e) for e in entries if e.diff is not None]
    if as_json:
        click.echo(json.dumps({"processes": records, "savings": savings}, ensure_ascii=False, indent=2))
    else:
        click.echo(_table(records, savings) if records else "no process maps in this file")


commands = [processes_command]
