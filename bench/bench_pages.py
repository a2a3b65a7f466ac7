"""Server time of the Gantt and network pages of big plans, through the real app.

    python bench/bench_pages.py [--sizes 200,1000] [--runs 5] [--database URL]

For each size a generated plan (``tests/crm_impl/charts/test_network_geometry._generated``: nine
phases in sequence, parallel streams, links across phases, SS/FF links with lags) is imported
into a fresh database (SQLite in a temporary folder unless ``--database`` names one) through the
project file, as a user would import it; then the app (``create_app``, the production settings
but this database, an in-process cache) answers ``GET /projects/<id>/schedule/gantt`` and
``/network`` to its test client, logged in, with ``Accept-Encoding: br`` as a browser sends it.

Each page is asked for once cold (the first request after the import: the network's layout is
computed) and then ``--runs`` times warm; the table gives the cold time and the median warm one
and splits the median request into:

- **db+forecast**: reading the project and scheduling it (``plan_schedule``/``forecast_schedule``);
- **figure**: ``gantt_figure`` / ``network_figure`` (the network's layout included, or from the
  cache when warm);
- **serialise**: the figure to its HTML fragment (``chart_html``: plotly's ``to_json``);
- **template**: the page around it (``render_template``);
- **compress**: brotli of the response (Flask-Compress);
- **other**: the rest of the request (login session, permissions, routing).

The response's size is given raw and as sent (brotli).  Times are wall-clock on this machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PARTS = ("db+forecast", "figure", "serialise", "template", "compress", "other")


class _Clock:
    """Time spent in wrapped functions, by part, during one request."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.depth = 0

    def wrap(self, part: str, function):
        def timed(*args, **kwargs):
            if self.depth:  # a part inside another part counts for the outer one
                return function(*args, **kwargs)
            self.depth += 1
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.spent[part] += time.perf_counter() - started
                self.depth -= 1

        return timed


def _patches(clock: _Clock) -> ExitStack:
    import flask_compress.flask_compress as fc

    import blueprints.schedule.routes as routes
    import crm_impl.operations.schedule as operations

    stack = ExitStack()
    for module, name, part in (
        (operations, "plan_schedule", "db+forecast"),
        (operations, "forecast_schedule", "db+forecast"),
        (operations, "gantt_figure", "figure"),
        (operations, "network_figure", "figure"),
        (operations, "network_layout", "figure"),  # laid out (cold) or taken from the cache (warm)
        (operations, "network_layout_key", "figure"),
        (routes, "chart_html", "serialise"),
        (routes, "render_template", "template"),
        (fc, "_compress_data", "compress"),
    ):
        stack.enter_context(mock.patch.object(module, name, clock.wrap(part, getattr(module, name))))
    return stack


def _project(session, owner, tasks: int):
    from crm_impl.projectfile import import_project, parse
    from crm_impl.projectfile.plan import document_from_plan
    from tests.crm_impl.charts.test_network_geometry import _generated

    document = document_from_plan(_generated(tasks), client_company="Bench Co.")
    document["project"]["code"] = f"BENCH-{tasks}"
    project = import_project(session, owner, parse(json.dumps(document).encode()))
    session.commit()
    return project.id, len(document["dependencies"])


def _get(client, url: str):
    clock = _Clock()
    with _patches(clock):
        started = time.perf_counter()
        response = client.get(url, headers={"Accept-Encoding": "br"})
        total = time.perf_counter() - started
    assert response.status_code == 200, (url, response.status_code)
    assert response.headers.get("Content-Encoding") == "br", response.headers
    parts = dict(clock.spent)
    parts["other"] = total - sum(parts.values())
    return total, parts, response


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database", default="", help="a database URL (default: SQLite in a temporary folder)")
    args = parser.parse_args()

    import brotli
    from sqlalchemy.orm import Session

    from blueprints import create_app
    from crm_impl.db import make_engine, upgrade
    from crm_impl.operations.accounts import create_user

    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{folder}/pages.db"
        engine = make_engine(url)
        upgrade(engine, ROOT / "migrations")
        projects = {}
        with Session(engine) as session:
            owner = create_user(session, "bench@example.com", "bench password 42")
            session.commit()
            for size in (int(n) for n in args.sizes.split(",")):
                projects[size] = _project(session, owner, size)
        engine.dispose()
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                          "RATELIMIT_ENABLED": False, "CACHE_TYPE": "SimpleCache"},
                         instance_path=f"{folder}/instance")
        client = app.test_client()
        login = client.post("/auth/login", data={"email": "bench@example.com", "password": "bench password 42"})
        assert login.status_code == 302, login.text
        print(f"{'tasks':>6} {'links':>6} {'page':8} | {'cold s':>7} {'warm s':>7} | "
              + " ".join(f"{p:>11}" for p in PARTS) + f" | {'KB':>6} {'br KB':>6}")
        for size, (project_id, links) in projects.items():
            for page in ("gantt", "network"):
                url_ = f"/projects/{project_id}/schedule/{page}"
                cold, _, _ = _get(client, url_)
                runs = [_get(client, url_) for _ in range(args.runs)]
                totals = [total for total, _, _ in runs]
                middle = runs[totals.index(statistics.median_low(totals))]
                total, parts, response = middle
                raw = brotli.decompress(response.data)
                print(f"{size:6} {links:6} {page:8} | {cold:7.3f} {total:7.3f} | "
                      + " ".join(f"{parts.get(p, 0.0):11.3f}" for p in PARTS)
                      + f" | {len(raw) // 1024:6} {len(response.data) // 1024:6}")
        app.extensions["crm_impl.engine"].dispose()


if __name__ == "__main__":
    main()
