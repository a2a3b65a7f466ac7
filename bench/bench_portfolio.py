"""How long the portfolio page's figures take for 200 projects: computed, then from the cache.

    python bench/bench_portfolio.py [--projects 200]

Loads the three samples again and again into a temporary SQLite database, then times
``operations.portfolio.portfolio`` for one person who is a member of all of them: the first
call computes every project's dashboard (forecast, earned value, RAG), the second reads the
rows back from the cache (a change to a project recomputes only that one).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from cachelib import SimpleCache
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crm_impl.db import make_engine, upgrade  # noqa: E402
from crm_impl.models import User  # noqa: E402
from crm_impl.operations.accounts import create_user  # noqa: E402
from crm_impl.operations.portfolio import portfolio  # noqa: E402
from crm_impl.projectfile import import_project  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{folder}/portfolio.db")
        upgrade(engine, ROOT / "migrations")
        samples = [json.loads(p.read_text("utf-8")) for p in sorted((ROOT / "sample_projects").glob("*.json"))]
        with Session(engine) as session:
            owner = create_user(session, "bench@example.com", "bench password 42")
            for k in range(args.projects):
                document = json.loads(json.dumps(samples[k % len(samples)]))
                document["project"]["code"] = f"BENCH-{k + 1:03}"
                import_project(session, owner, document)
            session.commit()
        cache = SimpleCache(threshold=10 * args.projects)
        for label in ("computed", "cached"):
            with Session(engine) as session:
                user = session.query(User).one()
                started = time.perf_counter()
                rows = portfolio(session, user, date.today(), cache=cache)
                print(f"{label:9} {len(rows)} projects in {time.perf_counter() - started:.3f} s")
        engine.dispose()


if __name__ == "__main__":
    main()
