"""``schedule FILE``: CPM (and optionally Monte Carlo) for a project file; ``export-mspdi``
and ``import-mspdi``: convert between a crm-impl project file and Microsoft Project XML.

Thin on purpose: every file is read by the same validated reader as an import
(:func:`crm_impl.projectfile.read`), every computation lives in the domain; this module only
calls it and formats the answer.  The main CLI group registers everything in :data:`commands`.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from crm_impl.errors import CrmImplError
from crm_impl.schedule.montecarlo import DISTRIBUTIONS
from blueprints.cli_errors import fail

__all__ = ["commands", "export_mspdi_command", "import_mspdi_command", "schedule_command", "read_project_file"]


def read_project_file(path: Path) -> dict[str, Any]:
    """The validated document in ``path``; every problem is printed and the command exits 2."""
    from crm_impl.projectfile import read

    try:
        raw = path.read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}")
    try:
        return read(raw)
    except CrmImplError as error:
        fail(error)


def _simulation_dict(sim, scheduled) -> dict[str, Any]:
    percentiles = sim.percentiles(scheduled.calendar)
    return {
        "iterations": sim.iterations,
        "distribution": sim.distribution,
        "seed": sim.seed,
        "mean": round(sim.mean, 3),
        "std_dev": round(sim.std_dev, 3),
        **{p.name.lower(): round(p.days, 3) for p in percentiles},
        "dates": {p.name.lower(): p.finish.isoformat() for p in percentiles},
        "probability_by_cpm_duration": round(sim.probability_by(scheduled.duration), 4),
        "criticality": {task_id: round(c, 4) for task_id, c in sim.criticality_index().items()},
    }


def _task_records(scheduled) -> list[dict[str, Any]]:
    return [
        {"id": t.id, "es": t.es, "ef": t.ef, "ls": t.ls, "lf": t.lf, "slack": t.total_slack,
         "critical": t.critical, "start": t.start.isoformat(), "finish": t.finish.isoformat()}
        for t in scheduled.tasks
    ]


def _table(records: list[dict[str, Any]]) -> str:
    header = ("ID", "ES", "EF", "LS", "LF", "SLACK", "CRIT", "START", "FINISH")
    rows = [
        (
            str(r["id"]), str(r["es"]), str(r["ef"]), str(r["ls"]), str(r["lf"]), str(r["slack"]),
            "*" if r["critical"] else "", r["start"], r["finish"],
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


def _text_report(scheduled, sim) -> str:
    calendar = scheduled.calendar
    lines = [
        f"Project duration: {scheduled.duration} working days "
        f"({calendar.date_at(0).isoformat()} to {scheduled.finish.isoformat()})",
        f"Critical tasks: {' '.join(scheduled.critical_path) or '-'}",
        "",
        _table(_task_records(scheduled)),
    ]
    if sim is not None:
        lines += [
            "",
            f"Monte Carlo: {sim.iterations} runs, {sim.distribution}, seed {sim.seed}",
            f"  mean {sim.mean:.1f} days, std dev {sim.std_dev:.1f}",
        ]
        for p in sim.percentiles(calendar):
            lines.append(f"  {p.name}: {p.days:.1f} days (by {p.finish.isoformat()})")
        lines.append(
            f"  P(finish within {scheduled.duration} days): {sim.probability_by(scheduled.duration):.1%}"
        )
    return "\n".join(lines)


@click.command("schedule")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the task table as CSV.")
@click.option("--simulate", type=click.IntRange(min=1, max=1_000_000), default=None, metavar="N",
              help="Also run N Monte Carlo iterations.")
@click.option("--with-risks", is_flag=True,
              help="Let the file's open risks that name tasks and a delay fire in the simulation.")
@click.option("--seed", type=click.IntRange(min=0), default=None, help="Seed for --simulate.")
@click.option("--distribution", type=click.Choice(DISTRIBUTIONS), default="triangular",
              show_default=True, help="Duration distribution for --simulate.")
@click.option("--status-date", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
              help="Forecast from this date: finished work where it happened, the rest rescheduled from it "
                   "(default: the file's status date; without one, the plan as planned).")
def schedule_command(
    file: Path, as_json: bool, as_csv: bool, simulate: int | None, with_risks: bool, seed: int | None,
    distribution: str, status_date: datetime | None,
) -> None:
    """Compute the CPM schedule of the project FILE (a crm-impl project file)."""
    if (seed is not None or with_risks) and simulate is None:
        raise click.UsageError("--seed and --with-risks only apply with --simulate")
    if as_csv and (as_json or simulate is not None):
        raise click.UsageError("--csv cannot be combined with --json or --simulate")
    from crm_impl.formats.task_table import task_table_text
    from crm_impl.projectfile.plan import plan_from_document, risk_events_from_document
    from crm_impl.schedule.montecarlo import simulate as run_simulation

    from crm_impl.schedule.forecast import forecast_schedule

    document = read_project_file(file)
    try:
        plan = plan_from_document(document)
        given = document["project"].get("status_date")
        day = status_date.date() if status_date else date.fromisoformat(given) if given else None
        scheduled = plan.schedule() if day is None else forecast_schedule(plan, day)
        plan = scheduled.plan
        sim = None
        if simulate is not None:
            sim = run_simulation(
                plan.network, plan.estimates(), iterations=simulate, distribution=distribution, seed=seed,
                risks=risk_events_from_document(document) if with_risks else (),
            )
    except CrmImplError as error:
        fail(error)
    if as_csv:
        click.echo(task_table_text(scheduled), nl=False)
    elif as_json:
        out: dict[str, Any] = {"project_duration": scheduled.duration, "tasks": _task_records(scheduled)}
        if sim is not None:
            out["simulation"] = _simulation_dict(sim, scheduled)
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        click.echo(_text_report(scheduled, sim))


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
        fail(f"cannot write {out}: {exc.strerror}")


@click.command("export-mspdi")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, metavar="OUT",
              help="Where to write the MSPDI XML ('-' for stdout).")
def export_mspdi_command(file: Path, out: str) -> None:
    """Write the crm-impl project FILE (JSON) as Microsoft Project XML (MSPDI)."""
    from crm_impl.formats.mspdi import export_mspdi
    from crm_impl.projectfile.plan import baseline_from_document, plan_from_document

    document = read_project_file(file)
    try:
        payload = export_mspdi(plan_from_document(document), baseline=baseline_from_document(document))
    except CrmImplError as error:
        fail(error)
    _write(out, payload)


@click.command("import-mspdi")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "out", required=True, metavar="OUT",
              help="Where to write the project file ('-' for stdout).")
@click.option("--client", default=None,
              help="Client company for the project file (default: the file's company, else the plan name).")
def import_mspdi_command(file: Path, out: str, client: str | None) -> None:
    """Read the MSPDI XML FILE (MS Project, ProjectLibre, GanttProject) into a crm-impl project file."""
    from crm_impl.formats.mspdi import read_mspdi
    from crm_impl.projectfile import dumps, validate_document
    from crm_impl.projectfile.plan import document_from_plan

    try:
        raw = file.read_bytes()
    except OSError as exc:
        fail(f"cannot read {file}: {exc.strerror}")
    try:
        read = read_mspdi(raw)
        document = document_from_plan(read.plan, client_company=client, baseline=read.baseline)
        validate_document(document)
    except CrmImplError as error:
        fail(error)
    _write(out, dumps(document).encode("utf-8"))


#: Commands for the main CLI group to register.
commands = [schedule_command, export_mspdi_command, import_mspdi_command]
