"""PERT: expected duration, driving-chain variance and completion probabilities (§4.3).

Per task ``te = (o + 4m + p) / 6`` and ``σ² = ((p - o) / 6)²``; the expected project duration is
the CPM result with ``te`` durations.  The project variance is summed along the *driving chain*:
walk back from a task with ``EF = T`` along binding dependencies; an FS link adds the
predecessor's variance, an SS link passes through the predecessor's start without adding it; at
ties take the larger variance, then the longer chain.

FF and SF links (not covered by §4.3) follow the same idea: an FF/SF link that binds a task's
finish makes that finish independent of the task's own duration, so its variance is not added
and the walk continues from the predecessor's finish (FF) or start (SF).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from statistics import NormalDist

import numpy as np

from crm_impl.errors import ValidationError
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.cpm import FLOAT_TOLERANCE, Schedule, schedule_network
from crm_impl.schedule.estimates import PERCENTILES, Percentile, ThreePoint, estimate_arrays, percentiles
from crm_impl.schedule.network import Network

__all__ = ["PertResult", "analyse_pert", "driving_chain", "normal_probability"]

# (variance sum, tasks in chain, linked list of task indices newest-first)
_State = tuple[float, int, "tuple[int, object] | None"]


def _key(state: _State) -> tuple[float, int]:
    # Rounded so that sums of the same variances in a different order still tie.
    return (round(state[0], 9), state[1])


def _better(a: _State | None, b: _State | None) -> _State | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if _key(b) > _key(a) else a


def driving_chain(schedule: Schedule, variances: np.ndarray) -> tuple[tuple[str, ...], float]:
    """The driving chain of ``schedule`` and the sum of its tasks' ``variances``.

    A dynamic programme over the tasks in topological order keeps, for each task's start and
    finish, the best chain (largest variance, then most tasks) that drives that point; the answer
    is the best finish among the tasks with ``EF = T``.

    Returns
    -------
    chain : tuple of str
        Ids whose variance is summed, earliest first.
    variance : float
    """
    net = schedule.network
    n = net.n_tasks
    if n == 0:
        return (), 0.0
    es, ef = schedule.es.tolist(), schedule.ef.tolist()
    floor = net.floor.tolist()
    var = np.asarray(variances, dtype=np.float64).tolist()
    is_float = schedule.es.dtype.kind == "f"
    tol = FLOAT_TOLERANCE * max(1.0, abs(schedule.project_duration)) if is_float else 0

    incoming: list[list[tuple[int, bool, bool, float]]] = [[] for _ in range(n)]
    for p, s, ff, tf, lag in zip(
        net.pred.tolist(), net.succ.tolist(), net.from_finish.tolist(), net.to_finish.tolist(),
        net.lag.tolist(),
    ):
        incoming[s].append((p, ff, tf, lag))

    start_best: list[_State | None] = [None] * n
    finish_best: list[_State | None] = [None] * n
    for v in net.order.tolist():
        at_start: _State | None = (0.0, 0, None) if es[v] <= floor[v] + tol else None
        at_finish: _State | None = None
        for p, from_finish, to_finish, lag in incoming[v]:
            point = (ef[p] if from_finish else es[p]) + lag
            target = ef[v] if to_finish else es[v]
            if abs(point - target) > tol:
                continue  # not binding
            came_from = finish_best[p] if from_finish else start_best[p]
            if to_finish:
                at_finish = _better(at_finish, came_from)
            else:
                at_start = _better(at_start, came_from)
        own = None
        if at_start is not None:
            own = (at_start[0] + var[v], at_start[1] + 1, (v, at_start[2]))
        elif at_finish is not None:
            # The start is the finish minus the duration: it moves with the task's own duration.
            at_start = (at_finish[0] + var[v], at_finish[1] + 1, (v, at_finish[2]))
        start_best[v] = at_start
        finish_best[v] = _better(own, at_finish)

    t = schedule.project_duration
    best: _State | None = None
    for v in net.order.tolist():
        if abs(ef[v] - t) <= tol:
            best = _better(best, finish_best[v])
    assert best is not None  # some task has EF = T and every finish has a driving state
    chain: list[str] = []
    node = best[2]
    while node is not None:
        idx, node = node  # type: ignore[misc]
        chain.append(net.ids[idx])  # type: ignore[index]
    chain.reverse()
    return tuple(chain), best[0]


def normal_probability(target: float, mean: float, std_dev: float) -> float:
    """``P(X <= target)`` for ``X ~ N(mean, std_dev²)``; a step at ``mean`` when ``std_dev == 0``."""
    if std_dev <= 0:
        return 1.0 if target >= mean else 0.0
    return 0.5 * (1.0 + math.erf((target - mean) / (std_dev * math.sqrt(2.0))))


def _check_confidence(confidence: float) -> float:
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)):
        raise ValidationError("must be a number, got %(confidence)r", "confidence", confidence=confidence)
    if not 0 < confidence < 1:
        raise ValidationError("must be strictly between 0 and 1, got %(confidence)r", "confidence", confidence=confidence)
    return float(confidence)


@dataclass(frozen=True, eq=False)
class PertResult:
    """PERT analysis of a network.

    Attributes
    ----------
    schedule : Schedule
        CPM with ``te`` durations (float offsets).
    te, variances : ndarray
        Per task, in ``schedule.network.ids`` order.
    expected_duration : float
    variance_chain : tuple of str
        Tasks whose variances make up ``variance``.
    variance, std_dev : float
    """

    schedule: Schedule
    te: np.ndarray
    variances: np.ndarray
    expected_duration: float
    variance_chain: tuple[str, ...]
    variance: float
    std_dev: float

    @property
    def critical_tasks(self) -> tuple[str, ...]:
        """Tasks with zero slack under ``te`` durations."""
        return self.schedule.critical_path

    def probability_by(self, target: float) -> float:
        """Probability of finishing within ``target`` working days (normal approximation)."""
        return normal_probability(float(target), self.expected_duration, self.std_dev)

    def duration_for(self, confidence: float) -> float:
        """Working days within which the project finishes with ``confidence`` (0.8 → P80)."""
        c = _check_confidence(confidence)
        if self.std_dev <= 0:
            return self.expected_duration
        return NormalDist(self.expected_duration, self.std_dev).inv_cdf(c)

    def date_for(self, confidence: float, calendar: WorkCalendar) -> date:
        """Last working day of the project at ``confidence`` (:meth:`WorkCalendar.finish_of`)."""
        return calendar.finish_of(self.duration_for(confidence))

    def percentiles(self, calendar: WorkCalendar, qs: tuple[int, ...] = PERCENTILES) -> tuple[Percentile, ...]:
        """P50, P80 and P90 (or ``qs``) in working days with their finish dates."""
        return percentiles(lambda q: self.duration_for(q / 100), calendar, qs)


def analyse_pert(net: Network, estimates: Mapping[str, ThreePoint]) -> PertResult:
    """Run PERT on ``net`` with a three-point estimate per task id.

    Examples
    --------
    >>> from crm_impl.schedule.network import Activity, Link, build_network
    >>> net = build_network([Activity("a", 6), Activity("b", 8)], [Link("a", "b", "SS", 2)])
    >>> r = analyse_pert(net, {"a": ThreePoint(4, 6, 9), "b": ThreePoint(5, 8, 12)})
    >>> round(r.expected_duration, 2), r.variance_chain, round(r.variance, 3)
    (10.17, ('b',), 1.361)
    """
    o, m, p = estimate_arrays(net, estimates)
    te = (o + 4 * m + p) / 6
    variances = ((p - o) / 6) ** 2
    schedule = schedule_network(net, te)
    chain, variance = driving_chain(schedule, variances)
    te.setflags(write=False)
    variances.setflags(write=False)
    return PertResult(
        schedule=schedule,
        te=te,
        variances=variances,
        expected_duration=float(schedule.project_duration),
        variance_chain=chain,
        variance=variance,
        std_dev=math.sqrt(variance),
    )
