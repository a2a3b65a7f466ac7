"""Load test: a team's realistic mix of pages against gunicorn + PostgreSQL with 200 projects.

Run from the repository root (loopback only; bounded in time and in requests)::

    python bench/load.py                      # 10, 25 and 50 users, with and without think time
    python bench/load.py --quick              # 10 users, 20 s a level: a smoke test
    python bench/load.py --levels 25 --think 2-8 --duration 120

It creates (and afterwards drops) the PostgreSQL database ``crm_impl_load`` next to the one in
``--admin-url``, loads 200 projects with ``crm-impl import`` (one process), gives every virtual
user an account that is a manager of every project, starts ``gunicorn`` with ``--workers`` workers
(Redis for the login limits when ``--redis-url`` answers), and lets each virtual user loop over
the mix below, with a think time drawn between ``--think`` seconds (``0`` for none).

The mix (weights): project list 15, overview 12, dashboard 10, plan 10, Gantt 10, network 5,
Monte Carlo 5, risks 10, RACI 10, a task edit (its page, then the save) 13.  A 409 (two users
saved one task) is the right answer and counted apart; any other status >= 400 is an error.
Figures are printed as a table and written to ``bench/results/load-<time>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from crm_impl.models import MemberRole, Membership, Project, Task, User  # noqa: E402

PASSWORD = "load test password 42"
MIX = {
    "list": 15, "overview": 12, "dashboard": 10, "plan": 10, "gantt": 10, "network": 5, "monte_carlo": 5,
    "risks": 10, "raci": 10, "task_edit": 13,
}
PATHS = {
    "overview": "/projects/{p}/", "dashboard": "/projects/{p}/status/", "plan": "/projects/{p}/plan/",
    "gantt": "/projects/{p}/schedule/gantt", "network": "/projects/{p}/schedule/network",
    "monte_carlo": "/projects/{p}/schedule/monte-carlo", "risks": "/projects/{p}/risks/",
    "raci": "/projects/{p}/raci/",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(command: list[str], env: dict) -> None:
    subprocess.run(command, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)


def prepare_database(admin_url: str, name: str) -> str:
    """A fresh database ``name`` on the server of ``admin_url``; its SQLAlchemy URL."""
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    base = admin_url.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1)
    return f"{base}/{name}"


def drop_database(admin_url: str, name: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def project_files(folder: Path, count: int) -> list[Path]:
    """``count`` project files: the samples again and again, each with its own title and code."""
    samples = sorted((ROOT / "sample_projects").glob("*.json"))
    paths = []
    for k in range(count):
        document = json.loads(samples[k % len(samples)].read_text("utf-8"))
        document["project"]["title"] = f"{document['project']['title']} #{k + 1}"
        document["project"]["code"] = f"LOAD-{k + 1:03}"
        path = folder / f"project-{k + 1:03}.json"
        path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
        paths.append(path)
    return paths


def load(database_url: str, instance: Path, projects: int, users: int, env: dict) -> dict:
    """Schema, the first user, the projects (one ``crm-impl import``), the other users as managers."""
    cli = [sys.executable, "-c", "from blueprints.cli import main; main()", "--instance", str(instance)]
    run([*cli, "init-db"], env)
    run([*cli, "create-user", "load-1@example.com", "--password", PASSWORD], env)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        run([*cli, "import", *map(str, project_files(Path(folder), projects)), "--owner", "load-1@example.com"], env)
    import_seconds = time.perf_counter() - started
    for k in range(2, users + 1):
        run([*cli, "create-user", f"load-{k}@example.com", "--password", PASSWORD], env)
    engine = create_engine(database_url)
    with Session(engine) as session:
        ids = session.scalars(select(Project.id).order_by(Project.id)).all()
        others = session.scalars(select(User).where(User.email != "load-1@example.com")).all()
        session.add_all(Membership(project_id=p, user=u, role=MemberRole.MANAGER) for u in others for p in ids)
        session.commit()
        tasks = defaultdict(list)
        for project_id, task_id in session.execute(select(Task.project_id, Task.id).where(Task.milestone.is_(False))):
            tasks[project_id].append(task_id)
    engine.dispose()
    return {"projects": ids, "tasks": dict(tasks), "import_seconds": import_seconds}


def start_gunicorn(env: dict, workers: int, threads: int, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "--threads", str(threads),
               "-b", f"127.0.0.1:{port}", "--timeout", "120", "--log-level", "warning",
               "blueprints:create_app()"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)
    for _ in range(120):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer /healthz")


class VirtualUser(threading.Thread):
    """One person: logs in, then loops over the mix until told to stop."""

    def __init__(self, number: int, base: str, data: dict, think: tuple[float, float], stop: threading.Event,
                 results: list, budget: threading.Semaphore) -> None:
        super().__init__(daemon=True)
        self.number, self.base, self.data, self.think = number, base, data, think
        self.stop_event, self.results, self.budget = stop, results, budget
        self.random = random.Random(number)
        # Each person works on their own projects (a PM's portfolio); all of them may look at any.
        projects = data["projects"]
        self.own = projects[number % len(projects)::max(1, len(projects) // 8)][:8] or projects

    def timed(self, client: httpx.Client, kind: str, method: str, url: str, **kwargs) -> httpx.Response | None:
        if not self.budget.acquire(blocking=False):
            self.stop_event.set()
            return None
        started = time.perf_counter()
        try:
            response = client.request(method, url, **kwargs)
            status = response.status_code
        except httpx.HTTPError as error:
            response, status = None, f"{type(error).__name__}"
        self.results.append((kind, status, time.perf_counter() - started))
        return response

    def run(self) -> None:
        kinds, weights = zip(*MIX.items())
        with httpx.Client(base_url=self.base, timeout=60, follow_redirects=False) as client:
            page = client.get("/auth/login")
            token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text)
            login = client.post("/auth/login", data={"email": f"load-{self.number}@example.com", "password": PASSWORD,
                                                     "csrf_token": token.group(1) if token else ""})
            if login.status_code != 302:
                self.results.append(("login", login.status_code, 0.0))
                return
            while not self.stop_event.is_set():
                if self.think[1]:
                    if self.stop_event.wait(self.random.uniform(*self.think)):
                        break
                kind = self.random.choices(kinds, weights)[0]
                project = self.random.choice(self.data["projects"])
                if kind == "list":
                    self.timed(client, kind, "GET", "/projects/")
                elif kind == "task_edit":
                    self.edit_task(client)
                else:
                    self.timed(client, kind, "GET", PATHS[kind].format(p=project))

    def edit_task(self, client: httpx.Client) -> None:
        project = self.random.choice(self.own)
        task = self.random.choice(self.data["tasks"][project])
        url = f"/projects/{project}/plan/tasks/{task}"
        page = self.timed(client, "task_page", "GET", url)
        if page is None or page.status_code != 200:
            return
        fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.text))
        fields.update(re.findall(r'<select[^>]*name="([^"]+)".*?<option[^>]*selected[^>]*value="([^"]*)"',
                                 page.text, re.S))
        fields["name"] = fields.get("name", "Task")
        fields["duration"] = str(self.random.randint(1, 20))
        fields.pop("milestone", None)
        for name in ("optimistic", "most_likely", "pessimistic"):
            fields.pop(name, None)  # the new duration need not fit the old estimate
        self.timed(client, "task_save", "POST", url, data=fields)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def run_level(base: str, data: dict, users: int, think: tuple[float, float], duration: float,
              max_requests: int) -> dict:
    stop, results = threading.Event(), []
    budget = threading.Semaphore(max_requests)
    people = [VirtualUser(k + 1, base, data, think, stop, results, budget) for k in range(users)]
    started = time.perf_counter()
    for person in people:
        person.start()
    stop.wait(duration)
    stop.set()
    for person in people:
        person.join(timeout=120)
    elapsed = time.perf_counter() - started
    times = [seconds for _, status, seconds in results if status in (200, 302)]
    errors = Counter(f"{kind}:{status}" for kind, status, _ in results
                     if status not in (200, 302, 409))
    by_kind = defaultdict(list)
    for kind, status, seconds in results:
        if status in (200, 302):
            by_kind[kind].append(seconds)
    return {
        "users": users, "think": list(think), "seconds": round(elapsed, 1), "requests": len(results),
        "throughput": round(len(results) / elapsed, 2),
        "p50_ms": round(1000 * percentile(times, 0.50)), "p95_ms": round(1000 * percentile(times, 0.95)),
        "p99_ms": round(1000 * percentile(times, 0.99)),
        "errors": sum(errors.values()), "error_kinds": dict(errors),
        "conflicts_409": sum(1 for _, status, _ in results if status == 409),
        "p95_ms_by_kind": {k: round(1000 * percentile(v, 0.95)) for k, v in sorted(by_kind.items())},
        "mean_ms_by_kind": {k: round(1000 * statistics.fmean(v)) for k, v in sorted(by_kind.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--admin-url", default=os.environ.get("CRM_IMPL_LOAD_ADMIN_URL",
                                                               "postgresql://postgres@127.0.0.1:5432/test"))
    parser.add_argument("--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/3"))
    parser.add_argument("--projects", type=int, default=200)
    parser.add_argument("--levels", default="10,25,50")
    parser.add_argument("--think", default="both", help="'2-8' (seconds), '0' (none) or 'both'")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds per level")
    parser.add_argument("--max-requests", type=int, default=20_000, help="per level")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    if args.quick:
        args.levels, args.duration, args.projects = "10", 20.0, min(args.projects, 30)
    levels = [int(n) for n in args.levels.split(",")]
    if args.think == "both":
        thinks = [(2.0, 8.0), (0.0, 0.0)]
    elif args.think == "0":
        thinks = [(0.0, 0.0)]
    else:
        low, high = (float(x) for x in args.think.split("-"))
        thinks = [(low, high)]

    name = "crm_impl_load"
    database_url = prepare_database(args.admin_url, name)
    instance = Path(tempfile.mkdtemp(prefix="crm-impl-load-"))
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "load-test",
           "CRM_IMPL_RATELIMIT_LOGIN": "1000 per minute", "CRM_IMPL_INSTANCE": str(instance)}
    try:
        import redis

        redis.Redis.from_url(args.redis_url, socket_connect_timeout=2).ping()
        env["REDIS_URL"] = args.redis_url
    except Exception:  # noqa: BLE001 - without Redis the app keeps its limits in memory
        env.pop("REDIS_URL", None)
    started = time.perf_counter()
    data = load(database_url, instance, args.projects, max(levels), env)
    print(f"loaded {len(data['projects'])} projects in {data['import_seconds']:.1f} s "
          f"(one crm-impl import), {max(levels)} users; setup {time.perf_counter() - started:.0f} s")
    port = free_port()
    server = start_gunicorn(env, args.workers, args.threads, port)
    report = {"workers": args.workers, "threads": args.threads, "projects": len(data["projects"]),
              "import_seconds": round(data["import_seconds"], 1), "levels": []}
    try:
        for think in thinks:
            for users in levels:
                result = run_level(f"http://127.0.0.1:{port}", data, users, think, args.duration, args.max_requests)
                report["levels"].append(result)
                print(f"{users:3} users, think {think[0]:g}-{think[1]:g} s: {result['requests']:6} requests, "
                      f"{result['throughput']:7.2f} req/s, p50 {result['p50_ms']:5} ms, p95 {result['p95_ms']:5} ms, "
                      f"p99 {result['p99_ms']:5} ms, errors {result['errors']}, 409 {result['conflicts_409']}")
                print("      p95 by page (ms):", result["p95_ms_by_kind"])
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        if not args.keep:
            drop_database(args.admin_url, name)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    path = out / f"load-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(report, indent=2))
    print(f"written {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
