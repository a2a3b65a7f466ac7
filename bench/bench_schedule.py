"""Benchmark of the scheduling engine: CPM at 1k / 10k / 50k tasks and Monte Carlo 10k x 1k.

Run from the repository root::

    python bench/bench_schedule.py            # full run (about a minute)
    python bench/bench_schedule.py --quick    # smaller sizes, for a smoke test

Networks are generated like real plans: each task depends on about three tasks among the 50
before it (so chains are long, not a shallow fan), with 70% FS, 15% SS, 10% FF and 5% SF links
and lags from -3 to +5 days.  CPM timings include validation and compilation of the network
(``compute_schedule`` on lists of Activity/Link records); building those records is not timed.
"""

from __future__ import annotations

import argparse
import platform
import random
import time
import tracemalloc
from collections.abc import Callable

import numpy as np

from crm_impl.schedule.cpm import compute_schedule, schedule_network
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.montecarlo import simulate
from crm_impl.schedule.network import Activity, Link, build_network

LINK_MIX = (("FS", 70), ("SS", 15), ("FF", 10), ("SF", 5))


def generate(n: int, links_per_task: int = 3, window: int = 50, seed: int = 1) -> tuple[list[Activity], list[Link]]:
    """A random acyclic plan of ``n`` tasks with about ``links_per_task`` predecessors each."""
    rng = random.Random(seed)
    kinds, weights = zip(*LINK_MIX)
    activities = [Activity(f"T{i:06d}", rng.randint(0, 20)) for i in range(n)]
    links = []
    for i in range(1, n):
        for _ in range(links_per_task):
            j = rng.randrange(max(0, i - window), i)
            links.append(Link(f"T{j:06d}", f"T{i:06d}", rng.choices(kinds, weights)[0], rng.randint(-3, 5)))
    return activities, links


def best_of(repeats: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def peak_memory(fn: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def bench_cpm(sizes: list[int], repeats: int) -> None:
    print("CPM (compute_schedule: validate + compile + forward/backward passes)")
    print(f"{'tasks':>7} {'links':>7} {'best s':>8} {'compile s':>9} {'passes s':>8} {'peak MiB':>8} {'us/(task+link)':>15}")
    rows = []
    for n in sizes:
        acts, links = generate(n)
        total = best_of(repeats, lambda: compute_schedule(acts, links))
        compile_s = best_of(repeats, lambda: build_network(acts, links))
        net = build_network(acts, links)
        passes = best_of(repeats, lambda: schedule_network(net))
        peak = peak_memory(lambda: compute_schedule(acts, links))
        per_item = total / (n + len(links)) * 1e6
        rows.append((n, per_item))
        print(f"{n:>7} {len(links):>7} {total:>8.4f} {compile_s:>9.4f} {passes:>8.4f} {peak / 2**20:>8.1f} {per_item:>15.3f}")
    base = rows[0][1]
    print("linearity: time per (task+link) relative to the smallest size: "
          + ", ".join(f"{n}: {per / base:.2f}x" for n, per in rows))


def bench_monte_carlo(tasks: int, iterations: int, repeats: int) -> None:
    acts, links = generate(tasks)
    net = build_network(acts, links)
    rng = random.Random(2)
    estimates = {
        a.id: ThreePoint(max(0, a.duration - rng.randint(0, 3)), a.duration, a.duration + rng.randint(0, 8))
        for a in acts
    }
    print(f"\nMonte Carlo ({iterations} iterations x {tasks} tasks, {len(links)} links)")
    print(f"{'distribution':>12} {'best s':>8} {'peak MiB':>8} {'P50':>8} {'P80':>8} {'P90':>8}")
    for distribution in ("triangular", "pert"):
        t = best_of(repeats, lambda: simulate(net, estimates, iterations=iterations, seed=1, distribution=distribution))
        peak = peak_memory(lambda: simulate(net, estimates, iterations=iterations, seed=1, distribution=distribution))
        r = simulate(net, estimates, iterations=iterations, seed=1, distribution=distribution)
        print(f"{distribution:>12} {t:>8.3f} {peak / 2**20:>8.1f} {r.p50:>8.1f} {r.p80:>8.1f} {r.p90:>8.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, one repeat")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}\n")
    if args.quick:
        bench_cpm([200, 2_000], repeats=1)
        bench_monte_carlo(tasks=100, iterations=1_000, repeats=1)
    else:
        bench_cpm([1_000, 10_000, 50_000], repeats=5)
        bench_monte_carlo(tasks=1_000, iterations=10_000, repeats=3)


if __name__ == "__main__":
    main()
