"""Time to make each Word report of the largest sample project, cold and with a warm renderer,
and the share of it spent drawing charts.

    python bench/bench_reports.py [--repeat 3] [--lang en] [--pdf] [--tasks 200] [--reports plan,status]

The largest sample (most tasks) is imported into a private SQLite database (migrated as usual);
with ``--tasks N``, a generated plan of N tasks instead (phases in sequence, parallel streams,
links across phases: ``tests/crm_impl/charts/test_network_geometry._generated``), for what a PM
with a big plan waits for.
For each report:

- ``cold``: a new :class:`~crm_impl.reports.render.ChartRenderer` for the report, so the time
  includes starting Chromium (what a first report of a fresh worker costs);
- ``warm``: the renderer's browser already running (a worker's later reports), every picture
  drawn (the renderer's cache off), best of ``--repeat`` runs;
- ``again``: the same report made a second time by one renderer, its pictures from the
  renderer's cache (a report downloaded again, or a status pack whose charts did not change);
- ``no charts``: no browser at all (each chart as its data table): the domain and python-docx part;
- ``charts``: seconds spent in the renderer (starting it included when cold), and their share;
- with ``--pdf``, the LibreOffice conversion of the warm report (TOC update included).

The Monte Carlo runs of a report (5,000 by default) are part of its time, not of the charts'.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crm_impl.db import make_engine, make_session_factory, upgrade  # noqa: E402
from crm_impl.models import User  # noqa: E402
from crm_impl.projectfile import import_project, parse  # noqa: E402
from crm_impl.reports import REPORTS, ReportOptions, build_document  # noqa: E402
from crm_impl.reports.render import ChartRenderer  # noqa: E402

TODAY = date(2025, 6, 2)


def _largest_sample(session):
    owner = User(email="bench@example.com", display_name="Bench", password_hash="!")
    session.add(owner)
    session.flush()
    files = sorted((ROOT / "sample_projects").glob("*.json"))
    documents = [parse(path.read_bytes()) for path in files]
    largest = max(range(len(files)), key=lambda i: len(documents[i]["tasks"]))
    project = import_project(session, owner, documents[largest])
    session.commit()
    return files[largest].stem, project


def _generated_project(session, tasks: int):
    from crm_impl.projectfile.plan import document_from_plan
    from tests.crm_impl.charts.test_network_geometry import _generated

    owner = User(email="bench@example.com", display_name="Bench", password_hash="!")
    session.add(owner)
    session.flush()
    project = import_project(session, owner, parse(json.dumps(document_from_plan(
        _generated(tasks), client_company="Bench Co.")).encode()))
    session.commit()
    return f"generated {tasks}", project


def _make(kind, project, options, renderer):
    began = time.perf_counter()
    charts_before, seconds_before = renderer.charts, renderer.seconds
    document = build_document(kind, project, options, renderer)
    data = document.to_bytes()
    total = time.perf_counter() - began
    return data, total, renderer.seconds - seconds_before, renderer.charts - charts_before, \
        document.counters.figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--pdf", action="store_true")
    parser.add_argument("--tasks", type=int, default=0, help="a generated plan of this many tasks")
    parser.add_argument("--reports", default="", help="comma-separated report keys (default: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        upgrade(engine, ROOT / "migrations")
        session = make_session_factory(engine)()
        stem, project = _generated_project(session, args.tasks) if args.tasks else _largest_sample(session)
        options = ReportOptions(locale=args.lang, today=TODAY)
        print(f"sample {stem}: {len(project.tasks)} tasks, {len(project.risks)} risks; language {args.lang}; "
              f"{options.iterations} Monte Carlo runs per simulation")
        print(f"{'report':>7} {'figures':>7} {'pictures':>8} | {'cold s':>7} {'charts s':>8} {'share':>6} | "
              f"{'warm s':>7} {'charts s':>8} {'share':>6} | {'again s':>7} | {'no charts s':>11} | {'KB':>6}"
              + (f" | {'pdf s':>6}" if args.pdf else ""))
        for kind in (args.reports.split(",") if args.reports else REPORTS):
            with ChartRenderer() as cold_renderer:
                _, cold, cold_charts, _, _ = _make(kind, project, options, cold_renderer)
            # Warm: the browser is running, every picture is drawn (no cache); again: the same
            # report made a second time, its pictures from the renderer's cache.
            with ChartRenderer(cache_bytes=0) as warm_renderer:
                _make(kind, project, options, warm_renderer)  # starts the browser
                runs = [_make(kind, project, options, warm_renderer) for _ in range(max(1, args.repeat))]
            with ChartRenderer() as caching_renderer:
                _make(kind, project, options, caching_renderer)
                _, again, _, _, _ = _make(kind, project, options, caching_renderer)
            data, warm, warm_charts, pictures, figures = min(runs, key=lambda run: run[1])
            _, bare, _, _, _ = _make(kind, project, options, ChartRenderer(enabled=False))
            line = (f"{kind:>7} {figures:>7} {pictures:>8} | {cold:7.2f} {cold_charts:8.2f} {cold_charts / cold:6.0%} | "
                    f"{warm:7.2f} {warm_charts:8.2f} {warm_charts / warm:6.0%} | {again:7.2f} | {bare:11.2f} | "
                    f"{len(data) / 1024:6.0f}")
            if args.pdf:
                from crm_impl.reports.pdf import docx_to_pdf

                began = time.perf_counter()
                docx_to_pdf(data)
                line += f" | {time.perf_counter() - began:6.2f}"
            print(line, flush=True)
        session.close()
        engine.dispose()


if __name__ == "__main__":
    main()
