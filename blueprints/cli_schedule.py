"""``schedule FILE``: CPM (and optionally Monte Carlo) for a JSON project file; ``export-mspdi``
and ``import-mspdi``: convert between a crm-impl project file and Microsoft Project XML.

Thin on purpose: parsing and every computation live in :mod:`crm_impl.schedule`; this module
only reads the file, calls the domain and formats the answer.  The main CLI group registers
everything in :data:`commands`.
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path
from typing import Any

import click

from crm_impl.errors import CrmImplError
from crm_impl.projectfile import validate_document
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import Schedule, schedule_network
from crm_impl.schedule.exchange import plan_from_project_file, plan_to_project_file
from crm_impl.formats.mspdi import export_mspdi, import_mspdi
from crm_impl.schedule.schedule_file import from_project_file, parse_project, schedule_records
from crm_impl.schedule.montecarlo import DISTRIBUTIONS, SimulationResult
from crm_impl.schedule.montecarlo import simulate as run_simulation  # "simulate" is an option
from crm_impl.formats.csv_tables import task_table_csv
from blueprints.cli_errors import fail

__all__ = ["commands", "export_mspdi_command", "import_mspdi_command", "schedule_command"]

_JSON_KEYS = ("id", "es", "ef", "ls", "lf", "slack", "critical", "start", "finish")


def _last_day(days: float, calendar: WorkCalendar) -> date:
    whole = max(0, math.ceil(days - 1e-9))
    return calendar.finish_date(whole, whole)


def _simulation_dict(sim: SimulationResult, schedule: Schedule, calendar: WorkCalendar) -> dict[str, Any]:
    percentiles = {f"p{q}": sim.percentile(q) for q in (50, 80, 90)}
    return {
        "iterations": sim.iterations,
        "distribution": sim.distribution,
        "seed": sim.seed,
        "mean": round(sim.mean, 3),
        "std_dev": round(sim.std_dev, 3),
        **{key: round(value, 3) for key, value in percentiles.items()},
        "dates": {key: _last_day(value, calendar).isoformat() for key, value in percentiles.items()},
        "probability_by_cpm_duration": round(sim.probability_by(schedule.project_duration), 4),
        "criticality": {task_id: round(c, 4) for task_id, c in sim.criticality_index().items()},
    }


def _table(records: list[dict[str, Any]]) -> str:
    header = ("ID", "ES", "EF", "LS", "LF", "SLACK", "CRIT", "START", "FINISH")
    rows = [
        (
            str(r["id"]), str(r["es"]), str(r["ef"]), str(r["ls"]), str(r["lf"]), str(r["slack"]),
            "*" if r["critical"] else "", r["start"].isoformat(), r["finish"].isoformat(),
        )
        for r in records
    ]
    widths = [max(len(row[c]) for row in [header, *rows]) for c in range(len(header))]
    # Ids and dates read best left-aligned, numbers right-aligned.
    left = {0, 6, 7, 8}

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            cell.ljust(w) if c in left else cell.rjust(w) for c, (cell, w) in enumerate(zip(cells, widths))
        ).rstrip()

    return "\n".join([line(header), *(line(row) for row in rows)])


def _text_report(
    schedule: Schedule, records: list[dict[str, Any]], calendar: WorkCalendar, sim: SimulationResult | None
) -> str:
    # The last date anything happens, milestones included (a final gate sits on day T).
    finish = max(r["finish"] for r in records)
    lines = [
        f"Project duration: {schedule.project_duration} working days "
        f"({calendar.date_at(0).isoformat()} to {finish.isoformat()})",
        f"Critical tasks: {' '.join(schedule.critical_path) or '-'}",
        "",
        _table(records),
    ]
    if sim is not None:
        lines += [
            "",
            f"Monte Carlo: {sim.iterations} runs, {sim.distribution}, seed {sim.seed}",
            f"  mean {sim.mean:.1f} days, std dev {sim.std_dev:.1f}",
        ]
        for q in (50, 80, 90):
            days = sim.percentile(q)
            lines.append(f"  P{q}: {days:.1f} days (by {_last_day(days, calendar).isoformat()})")
        lines.append(
            f"  P(finish within {schedule.project_duration} days): "
            f"{sim.probability_by(schedule.project_duration):.1%}"
        )
    return "\n".join(lines)


@click.command("schedule")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the task table as CSV.")
@click.option("--simulate", type=click.IntRange(min=1), default=None, metavar="N",
              help="Also run N Monte Carlo iterations.")
@click.option("--seed", type=click.IntRange(min=0), default=None, help="Seed for --simulate.")
@click.option("--distribution", type=click.Choice(DISTRIBUTIONS), default="triangular",
              show_default=True, help="Duration distribution for --simulate.")
def schedule_command(
    file: Path, as_json: bool, as_csv: bool, simulate: int | None, seed: int | None, distribution: str
) -> None:
    """Compute the CPM schedule of the JSON project FILE."""
    if seed is not None and simulate is None:
        raise click.UsageError("--seed only applies with --simulate")
    if as_csv and (as_json or simulate is not None):
        raise click.UsageError("--csv cannot be combined with --json or --simulate")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        fail(f"cannot read {file}: {exc}")
    try:
        plan = parse_project(from_project_file(data))
        network = plan.network()
        schedule = schedule_network(network)
        records = schedule_records(schedule, plan.calendar)
        sim = None
        if simulate is not None:
            sim = run_simulation(
                network, plan.estimates, iterations=simulate, distribution=distribution, seed=seed,
                risks=plan.risks,
            )
    except CrmImplError as exc:
        fail(str(exc))
    if as_csv:
        tasks = data.get("tasks", []) if isinstance(data, dict) else []
        click.echo(task_table_csv(schedule, plan.calendar, tasks), nl=False)
    elif as_json:
        out: dict[str, Any] = {
            "project_duration": schedule.project_duration,
            "tasks": [
                {key: (r[key].isoformat() if isinstance(r[key], date) else r[key]) for key in _JSON_KEYS}
                for r in records
            ],
        }
        if sim is not None:
            out["simulation"] = _simulation_dict(sim, schedule, plan.calendar)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(_text_report(schedule, records, plan.calendar, sim))


def _write(out: str, payload: bytes) -> None:
    """Write ``payload`` to the path ``out`` ("-" is stdout)."""
    if out == "-":
        # Both payloads are UTF-8 text (XML or JSON); echoing text avoids click's
        # deprecated binary-stream path.
        click.echo(payload.decode("utf-8"), nl=False)
        return
    try:
        Path(out).write_bytes(payload)
    except OSError as exc:
        fail(f"cannot write {out}: {exc}")


@click.command("export-mspdi")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, metavar="OUT",
              help="Where to write the MSPDI XML ('-' for stdout).")
def export_mspdi_command(file: Path, out: str) -> None:
    """Write the crm-impl project FILE (JSON) as Microsoft Project XML (MSPDI)."""
    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        fail(f"cannot read {file}: {exc}")
    try:
        validate_document(data)
        payload = export_mspdi(plan_from_project_file(data))
    except CrmImplError as exc:
        fail(str(exc))
    _write(out, payload)


@click.command("import-mspdi")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, metavar="OUT",
              help="Where to write the project file ('-' for stdout).")
@click.option("--client", default=None,
              help="Client company for the project file (default: the file's company, else the plan name).")
def import_mspdi_command(file: Path, out: str, client: str | None) -> None:
    """Read the MSPDI XML FILE (MS Project, ProjectLibre, GanttProject) into a crm-impl project file."""
    try:
        raw = file.read_bytes()
    except OSError as exc:
        fail(f"cannot read {file}: {exc}")
    try:
        document = plan_to_project_file(import_mspdi(raw), client_company=client)
        validate_document(document)
    except CrmImplError as exc:
        fail(str(exc))
    _write(out, (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


#: Commands for the main CLI group to register.
commands = [schedule_command, export_mspdi_command, import_mspdi_command]
