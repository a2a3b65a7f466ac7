"""What-if simulation of a process map: cases arrive, queue for the people of each lane, flow.

A discrete-event run (:mod:`simpy`, seeded): cases arrive at ``arrival_rate`` per hour (Poisson
arrivals, or evenly spaced with ``poisson_arrivals=False``) and enter at a start event chosen by
its share.  At a task the case first waits the task's ``waiting_time`` (a callback, the post: no
one is busy), then queues for a person of the task's lane and holds them for the ``working_time``.
People work only in their lane's working hours (``day_start`` for ``day_hours`` each 24 hours;
work in progress pauses overnight); automated tasks need no person and run round the clock.  A
lane with no :class:`LaneStaff` has as many people as needed.  Exclusive gateways pick a flow by
its probability; a parallel split runs its branches at once and the join waits for all.

``variability`` is the coefficient of variation of working and waiting times (gamma-distributed
around the map's values; 0 keeps them fixed).  With no variability, evenly spaced arrivals and
ample people, every case's cycle time is the path's exact time, so the mean equals the analytic
:func:`~crm_impl.processes.metrics.process_metrics` cycle time.

Time is in hours from the first arrival.  Results: cycle-time distribution (P50/P90, mean), queue
waiting per case, and per lane the utilisation (hours worked over hours its people were on shift
during the run) and the mean queue wait.

>>> from crm_impl.processes.model import Flow, Lane, Node, ProcessMap
>>> pm = ProcessMap("m", lanes=(Lane("desk"),), nodes=(Node("s", "start"),
...     Node("t", "task", lane="desk", working_time=0.5, waiting_time=1), Node("e", "end")),
...     flows=(Flow("s", "t"), Flow("t", "e")))
>>> r = simulate_process(pm, Scenario(arrival_rate=1, cases=50, staff={"desk": LaneStaff(people=1)}, seed=1))
>>> r.completed, round(r.p50, 3), r.lanes[0].lane
(50, 1.5, 'desk')
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field

import numpy as np

from crm_impl.errors import ValidationError
from crm_impl.limits import MAX_SIMULATION_CASES, MAX_SIMULATION_STEPS
from crm_impl.processes.metrics import process_metrics, start_shares
from crm_impl.processes.model import END, TASK, ProcessMap
from crm_impl.processes.validate import check_map, transition_probabilities

__all__ = ["LaneStaff", "Scenario", "LaneResult", "ProcessSimulation", "simulate_process", "simulation_digest",
           "DAY_HOURS", "DEFAULT_SCENARIO", "DEFAULT_DAY_START", "DEFAULT_DAY_HOURS", "DAY_START_RANGE",
           "DAY_HOURS_RANGE"]

DAY_HOURS = 24.0


@dataclass(frozen=True)
class LaneStaff:
    """The people of a lane and their working hours (``day_start`` o'clock for ``day_hours``)."""

    people: int = 1
    day_start: float = 0.0
    day_hours: float = DAY_HOURS

    def open_at(self, t: float) -> float:
        """The first moment from ``t`` on when the lane works."""
        if self.day_hours >= DAY_HOURS:
            return t
        day = math.floor((t - self.day_start) / DAY_HOURS)
        opens = self.day_start + day * DAY_HOURS
        if t < opens + self.day_hours:
            return max(t, opens)
        return opens + DAY_HOURS

    def finish(self, t: float, work: float) -> float:
        """When ``work`` hours started at ``t`` are done, pausing outside the working hours."""
        if self.day_hours >= DAY_HOURS:
            return t + work
        t = self.open_at(t)
        while True:
            closes = self.day_start + math.floor((t - self.day_start) / DAY_HOURS) * DAY_HOURS + self.day_hours
            if t + work <= closes + 1e-9:
                return t + work
            work -= closes - t
            t = self.open_at(closes)

    def shift_hours(self, until: float) -> float:
        """The hours one person of the lane is on shift from 0 to ``until``."""
        if self.day_hours >= DAY_HOURS:
            return until
        hours, day = 0.0, math.floor(-self.day_start / DAY_HOURS) - 1
        while True:
            opens = self.day_start + day * DAY_HOURS
            if opens >= until:
                return hours
            hours += max(0.0, min(until, opens + self.day_hours) - max(0.0, opens))
            day += 1


@dataclass(frozen=True)
class Scenario:
    """A what-if run: the arrival rate (cases per hour), how many cases, the people per lane."""

    arrival_rate: float
    cases: int = 1000
    staff: Mapping[str, LaneStaff] = field(default_factory=dict)
    variability: float = 0.0
    poisson_arrivals: bool = True
    seed: int = 0


#: The what-if page's scenario before anyone changes it, which the process report runs too (so
#: the report and the page agree): no people given, so every lane has as many as it needs.
DEFAULT_SCENARIO = Scenario(arrival_rate=2.0, cases=500, variability=0.3, poisson_arrivals=True, seed=1)
#: The working day the page offers for a lane whose people are given (9 o'clock, 8 hours).
DEFAULT_DAY_START = 9.0
DEFAULT_DAY_HOURS = 8.0
#: The hours a lane's working day may start at and last (lowest, highest), on the page.
DAY_START_RANGE = (0.0, 23.99)
DAY_HOURS_RANGE = (0.5, DAY_HOURS)


@dataclass(frozen=True)
class LaneResult:
    lane: str
    people: int | None
    utilisation: float | None
    mean_queue_wait: float
    hours_worked: float


@dataclass(frozen=True)
class ProcessSimulation:
    cycle_times: np.ndarray
    queue_waits: np.ndarray
    lanes: tuple[LaneResult, ...]
    outcomes: Mapping[str, int]
    duration: float

    @property
    def completed(self) -> int:
        return int(self.cycle_times.size)

    def percentile(self, q: float) -> float:
        return float(np.percentile(self.cycle_times, q)) if self.cycle_times.size else 0.0

    @property
    def p50(self) -> float:
        return self.percentile(50)

    @property
    def p90(self) -> float:
        return self.percentile(90)

    @property
    def mean(self) -> float:
        return float(self.cycle_times.mean()) if self.cycle_times.size else 0.0

    @property
    def mean_queue_wait(self) -> float:
        return float(self.queue_waits.mean()) if self.queue_waits.size else 0.0


def _check(pm: ProcessMap, scenario: Scenario) -> None:
    rate = scenario.arrival_rate
    if isinstance(rate, bool) or not isinstance(rate, int | float) or not math.isfinite(rate) or rate <= 0:
        raise ValidationError("must be a number above 0, got %(value)r", "arrival_rate", value=rate)
    if isinstance(scenario.cases, bool) or not isinstance(scenario.cases, int) \
            or not 1 <= scenario.cases <= MAX_SIMULATION_CASES:
        raise ValidationError("must be a whole number from 1 to %(limit)s, got %(value)r", "cases",
                              limit=MAX_SIMULATION_CASES, value=scenario.cases)
    if not math.isfinite(scenario.variability) or not 0 <= scenario.variability <= 5:
        raise ValidationError("must be a number from 0 to 5, got %(value)r", "variability", value=scenario.variability)
    lanes = {lane.key for lane in pm.lanes}
    for key, staff in scenario.staff.items():
        where = f"staff[{key}]"
        if key not in lanes:
            raise ValidationError("the map has no lane %(lane)r", where, lane=key)
        if isinstance(staff.people, bool) or not isinstance(staff.people, int) or not 1 <= staff.people <= 10_000:
            raise ValidationError("people must be a whole number from 1 to 10000, got %(value)r", where,
                                  value=staff.people)
        if not 0 < staff.day_hours <= DAY_HOURS or not 0 <= staff.day_start < DAY_HOURS:
            raise ValidationError("working hours must start from 0 to 24 o'clock and last more than 0 and at most "
                                  "24 hours", where)


def simulation_digest(pm: ProcessMap, scenario: Scenario) -> str:
    """A digest of everything :func:`simulate_process` draws from: the same digest, the same result
    (a key for a cache of results; any edit of the map or the scenario changes it).

    >>> from crm_impl.processes.model import Flow, Node, ProcessMap
    >>> pm = ProcessMap("m", nodes=(Node("s", "start"), Node("t", "task", working_time=1), Node("e", "end")),
    ...     flows=(Flow("s", "t"), Flow("t", "e")))
    >>> key = simulation_digest(pm, Scenario(arrival_rate=1, seed=1))
    >>> key == simulation_digest(pm, Scenario(arrival_rate=1, seed=2))
    False
    >>> key == simulation_digest(pm.with_nodes([Node("t", "task", working_time=2)]), Scenario(arrival_rate=1, seed=1))
    False
    >>> key == simulation_digest(pm, Scenario(arrival_rate=1, seed=1))
    True
    """
    described = {
        "lanes": [asdict(lane) for lane in pm.lanes],
        "nodes": [asdict(node) for node in pm.nodes],
        "flows": [[f.source, f.target, f.probability] for f in pm.flows],
        "scenario": {**asdict(scenario), "staff": {k: asdict(v) for k, v in sorted(scenario.staff.items())}},
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def simulate_process(pm: ProcessMap, scenario: Scenario,
                     progress: Callable[[float], None] | None = None) -> ProcessSimulation:
    """Run ``scenario`` on ``pm``; ``progress`` (if given) is called with the share of cases done."""
    import simpy

    joins = check_map(pm)
    _check(pm, scenario)
    expected = sum(process_metrics(pm).visits.values()) * scenario.cases
    if expected > MAX_SIMULATION_STEPS:
        raise ValidationError("the run would take about %(steps)s steps, more than %(limit)s: simulate fewer "
                              "cases or check the loops' probabilities", "cases", steps=f"{expected:,.0f}",
                              limit=f"{MAX_SIMULATION_STEPS:,}")
    budget = [2 * MAX_SIMULATION_STEPS]  # a run far above its expectation (a long loop streak) stops too
    rng = np.random.default_rng(scenario.seed)
    env = simpy.Environment()
    lanes = pm.effective_lanes()
    staffed = {key: (staff, simpy.Resource(env, capacity=staff.people)) for key, staff in scenario.staff.items()}
    worked: dict[str, float] = {lane.key: 0.0 for lane in pm.lanes}
    lane_waits: dict[str, list[float]] = {lane.key: [] for lane in pm.lanes}
    cycle_times: list[float] = []
    case_waits: list[float] = []
    outcomes: dict[str, int] = {n.id: 0 for n in pm.ends()}
    graph = pm.graph()
    moves = {n: transition_probabilities(pm, n) for n in graph}
    shares = start_shares(pm)
    starts, start_p = list(shares), np.array(list(shares.values()))
    cv = scenario.variability

    def draw(mean: float) -> float:
        if cv == 0 or mean == 0:
            return mean
        shape = 1 / cv**2
        return float(rng.gamma(shape, mean / shape))

    def step(node_id: str, waited: list[float]):
        node = pm.node(node_id)
        wait = draw(node.waiting_time)
        if wait:
            yield env.timeout(wait)
        work = draw(node.working_time)
        lane = lanes.get(node_id)
        if node.kind != TASK or node.automated or lane not in staffed:
            if work:
                yield env.timeout(work)
            if lane in worked and node.kind == TASK and not node.automated:
                worked[lane] += work
            return
        staff, resource = staffed[lane]
        asked = env.now
        with resource.request() as request:
            yield request
            queued = env.now - asked
            opens = staff.open_at(env.now)
            done = staff.finish(opens, work)
            if done > env.now:
                yield env.timeout(done - env.now)
        waited[0] += queued
        lane_waits[lane].append(queued)
        worked[lane] += work

    def run(node_id: str, stop: str | None, waited: list[float]):
        while node_id != stop:
            node = pm.node(node_id)
            if node.kind == END:
                return node_id
            budget[0] -= 1
            if budget[0] < 0:
                raise ValidationError("the run took more than %(limit)s steps", "cases",
                                      limit=f"{2 * MAX_SIMULATION_STEPS:,}")
            yield from step(node_id, waited)
            if node_id in joins:
                yield simpy.AllOf(env, [env.process(run(branch, joins[node_id], waited))
                                        for branch in graph.successors(node_id)])
                node_id = joins[node_id]
                continue
            options = moves[node_id]
            targets = list(options)
            if len(targets) == 1:
                node_id = targets[0]
            else:
                p = np.array([options[t] for t in targets])
                node_id = targets[int(rng.choice(len(targets), p=p / p.sum()))]
        return node_id

    def case(arrived: float):
        waited = [0.0]
        start = starts[int(rng.choice(len(starts), p=start_p))] if len(starts) > 1 else starts[0]
        end = yield from run(start, None, waited)
        cycle_times.append(env.now - arrived)
        case_waits.append(waited[0])
        outcomes[end] += 1
        if progress and len(cycle_times) % max(1, scenario.cases // 20) == 0:
            progress(len(cycle_times) / scenario.cases)

    def arrivals():
        for index in range(scenario.cases):
            env.process(case(env.now))
            if index + 1 < scenario.cases:
                gap = rng.exponential(1 / scenario.arrival_rate) if scenario.poisson_arrivals else 1 / scenario.arrival_rate
                yield env.timeout(gap)

    env.process(arrivals())
    env.run()
    duration = float(env.now)
    results = []
    for lane in pm.lanes:
        staff = scenario.staff.get(lane.key)
        waits = lane_waits[lane.key]
        available = staff.people * staff.shift_hours(duration) if staff else 0.0
        results.append(LaneResult(
            lane=lane.key,
            people=staff.people if staff else None,
            utilisation=min(1.0, worked[lane.key] / available) if staff and available else None,
            mean_queue_wait=float(np.mean(waits)) if waits else 0.0,
            hours_worked=worked[lane.key],
        ))
    return ProcessSimulation(np.array(cycle_times), np.array(case_waits), tuple(results), outcomes, duration)
