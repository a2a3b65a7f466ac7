"""Benchmark of the process-map engine and the BPMN format on generated maps of about 200 and
2,000 nodes (2,000 is the most a map may have, ``crm_impl.limits.MAX_PROCESS_NODES``).

Run from the repository root::

    python bench/bench_processes.py            # ~200 and ~2,000 nodes, best of 3 (about a minute)
    python bench/bench_processes.py --quick    # ~200 nodes, one run, fewer cases: a smoke test

A map is a chain of blocks between one start and one end event, the blocks drawn at random
(seeded) as people draw processes: a task, a decision of 2-3 branches with probabilities, a
parallel block of 2-3 branches, a rework loop (a task and a decision sending a share of the cases
back); tasks spread over six lanes.  What is timed, each the least CPU time (``time.process_time``)
of ``--repeats`` runs — the last column is the wall time of all the runs over their CPU time, above 1
when other processes shared the cores:

- **validate**: ``check_map`` (every rule, reachability, the parallel blocks);
- **metrics**: ``process_metrics`` (the absorbing Markov chain, the parallel blocks' E[max]);
- **export**: ``export_bpmn`` with its layout (``layered_lane_layout``) and diagram interchange;
- **import**: ``import_bpmn`` of that file (defusedxml, the model and the layout read back);
- **simulate**: ``simulate_process`` (simpy, seeded) with the page's default scenario — 500 cases
  at 2 an hour, variability 0.3 — each lane staffed for its expected load at 80 % utilisation
  (the table gives the people in all, the analytic cycle time and the simulated mean).
"""

from __future__ import annotations

import argparse
import math
import platform
import random
import time
from collections.abc import Callable

import simpy

from crm_impl.formats.bpmn import export_bpmn, import_bpmn
from crm_impl.processes import (
    Flow, Lane, LaneStaff, Node, ProcessMap, Scenario, check_map, process_metrics, simulate_process,
)

LANES = tuple(Lane(f"lane_{i}", f"Role {i}") for i in range(6))


def generate(target: int, seed: int = 1) -> ProcessMap:
    """A sound map of at most ``target`` nodes (and close to it)."""
    rng = random.Random(seed)
    nodes: list[Node] = []
    flows: list[Flow] = []

    def new(kind: str, **fields) -> str:
        node_id = f"{kind[0].upper()}{len(nodes)}"
        nodes.append(Node(node_id, kind, f"{kind} {len(nodes)}", lane=rng.choice(LANES).key, **fields))
        return node_id

    def task() -> str:
        return new("task", working_time=round(rng.uniform(0.05, 2), 2), waiting_time=round(rng.uniform(0, 4), 2),
                   cost=round(rng.uniform(1, 80), 2), value_adding=rng.random() < 0.4, automated=rng.random() < 0.2,
                   channel=rng.choice([None, "phone", "web", "email"]))

    current = new("start", channel="web")
    while len(nodes) < target - 8:  # room for the largest block and the end event
        block = rng.choices(("task", "choice", "parallel", "loop"), (5, 2, 1, 1))[0]
        if block == "task":
            head = tail = task()
        elif block == "choice":
            head, count = new("exclusive"), rng.randint(2, 3)
            branches = [task() for _ in range(count)]
            tail = new("exclusive")
            weights = [rng.randint(1, 9) for _ in branches]
            shares = [round(w / sum(weights), 6) for w in weights]
            shares[-1] = round(1 - sum(shares[:-1]), 6)
            for branch, share in zip(branches, shares, strict=True):
                flows += [Flow(head, branch, probability=share), Flow(branch, tail)]
        elif block == "parallel":
            head = new("parallel")
            branches = [task() for _ in range(rng.randint(2, 3))]
            tail = new("parallel")
            for branch in branches:
                flows += [Flow(head, branch), Flow(branch, tail)]
        else:
            head = new("exclusive")
            body = task()
            check = new("exclusive")
            after = task()
            back = round(rng.uniform(0.05, 0.3), 2)
            flows += [Flow(head, body), Flow(body, check), Flow(check, head, "rework", back),
                      Flow(check, after, "ok", round(1 - back, 2))]
            tail = after
        flows.append(Flow(current, head))
        current = tail
    end = new("end", success=True)
    flows.append(Flow(current, end))
    return ProcessMap(f"bench_{target}", f"Generated map of {len(nodes)} nodes", LANES, tuple(nodes), tuple(flows))


def best_of(repeats: int, fn: Callable[[], object], wall: list[float]) -> float:
    """The least CPU time of ``repeats`` runs of ``fn`` (the machine is shared: CPU time is what the
    engine costs); the wall time of those runs is added to ``wall``."""
    best = float("inf")
    for _ in range(repeats):
        start, cpu = time.perf_counter(), time.process_time()
        fn()
        best = min(best, time.process_time() - cpu)
        wall[0] += time.perf_counter() - start
        wall[1] += time.process_time() - cpu
    return best


ARRIVAL_RATE = 2.0
#: The staff's target utilisation: enough people that queues stay short (the bench times the
#: engine, not an overloaded office).
UTILISATION = 0.8


def staffed(pm: ProcessMap, cases: int) -> Scenario:
    """The page's default scenario with each lane staffed for its expected load."""
    visits = process_metrics(pm).visits
    load = {lane.key: 0.0 for lane in LANES}
    for node in pm.tasks():
        if not node.automated:
            load[node.lane] += visits.get(node.id, 0.0) * node.working_time * ARRIVAL_RATE
    staff = {key: LaneStaff(people=max(1, math.ceil(hours / UTILISATION))) for key, hours in load.items()}
    return Scenario(arrival_rate=ARRIVAL_RATE, cases=cases, staff=staff, variability=0.3, poisson_arrivals=True,
                    seed=1)


def bench(sizes: list[int], repeats: int, cases: int) -> None:
    print(f"{'nodes':>6} {'flows':>6} {'tasks':>6} {'validate s':>10} {'metrics s':>9} {'export s':>8} "
          f"{'BPMN KB':>8} {'import s':>8} {'simulate s':>10} {'cases':>6} {'people':>6} {'cycle h':>8} {'mean h':>8} "
          f"{'wall/CPU':>8}")
    for size in sizes:
        pm = generate(size)
        check_map(pm)
        scenario = staffed(pm, cases)
        xml = export_bpmn(pm)
        assert import_bpmn(xml).process == pm  # the trip keeps the map: the timings are of real work
        wall = [0.0, 0.0]
        validate = best_of(repeats, lambda: check_map(pm), wall)
        metrics = best_of(repeats, lambda: process_metrics(pm), wall)
        export = best_of(repeats, lambda: export_bpmn(pm), wall)
        read = best_of(repeats, lambda: import_bpmn(xml), wall)
        simulate = best_of(repeats, lambda: simulate_process(pm, scenario), wall)
        result = simulate_process(pm, scenario)
        print(f"{len(pm.nodes):>6} {len(pm.flows):>6} {len(pm.tasks()):>6} {validate:>10.3f} {metrics:>9.3f} "
              f"{export:>8.3f} {len(xml) / 1024:>8.0f} {read:>8.3f} {simulate:>10.2f} {result.completed:>6} "
              f"{sum(s.people for s in scenario.staff.values()):>6} {process_metrics(pm).cycle_time:>8.1f} "
              f"{result.mean:>8.1f} {wall[0] / wall[1]:>8.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="~200 nodes only, one run, 100 cases")
    parser.add_argument("--repeats", type=int, default=3, help="runs per figure (the best is shown)")
    args = parser.parse_args()
    print(f"python {platform.python_version()}, simpy {simpy.__version__}, {platform.machine()}\n")
    if args.quick:
        bench([200], repeats=1, cases=100)
    else:
        bench([200, 2_000], repeats=args.repeats, cases=500)


if __name__ == "__main__":
    main()
