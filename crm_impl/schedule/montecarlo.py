"""Monte Carlo schedule simulation, vectorised over iterations.

Each run samples every task's duration from its three-point estimate (triangular or PERT-beta),
adds the delays of the risk events that fire, and runs the same CPM passes as
:mod:`crm_impl.schedule.cpm` on whole columns of runs at once: the Python loop is over tasks in
topological order, never over iterations.  Runs are processed in chunks so memory stays bounded
(about 24 bytes per task per run in a chunk).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Real

import numpy as np

from crm_impl.errors import ValidationError
from crm_impl.schedule.cpm import FLOAT_TOLERANCE
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.estimates import PERCENTILES, Percentile, ThreePoint, estimate_arrays, percentiles
from crm_impl.schedule.network import NO_DEADLINE, Network

__all__ = ["DISTRIBUTIONS", "RiskEvent", "SimulationResult", "simulate", "simulation_digest"]

DISTRIBUTIONS: tuple[str, ...] = ("triangular", "pert")

# Elements (tasks x runs) per chunk: large enough that per-call numpy overhead is amortised,
# small enough that the work and sampling arrays (about 7 x 8 bytes per element) stay near 100 MB.
_CHUNK_ELEMENTS = 2_000_000


@dataclass(frozen=True, slots=True)
class RiskEvent:
    """A risk that, with ``probability`` per run, delays each of ``tasks`` by ``delay_days``."""

    id: str
    probability: float
    delay_days: float
    tasks: tuple[str, ...]

    def __post_init__(self) -> None:
        p, d = self.probability, self.delay_days
        if isinstance(p, bool) or not isinstance(p, Real) or not 0 <= p <= 1:
            raise ValidationError("must be between 0 and 1, got %(p)r", "probability", p=p)
        if isinstance(d, bool) or not isinstance(d, Real) or not math.isfinite(d) or d < 0:
            raise ValidationError("must be a finite number >= 0, got %(d)r", "delay_days", d=d)
        object.__setattr__(self, "tasks", tuple(self.tasks))


@dataclass(frozen=True, eq=False)
class SimulationResult:
    """Outcome of :func:`simulate`.

    Attributes
    ----------
    ids : tuple of str
        Task ids (order of ``criticality``).
    durations : ndarray of float64
        Project duration (``T = max EF``) of every run, in run order.
    criticality : ndarray of float64
        Per task, the share of runs in which it was critical (criticality index).
    iterations : int
    distribution : str
    seed : int
        The seed that reproduces these runs.
    """

    ids: tuple[str, ...]
    durations: np.ndarray
    criticality: np.ndarray
    iterations: int
    distribution: str
    seed: int

    def percentile(self, q: float) -> float:
        """Duration that ``q`` percent of runs finish within (P80: ``q=80``)."""
        if not 0 <= q <= 100:
            raise ValidationError("must be between 0 and 100, got %(q)r", "q", q=q)
        return float(np.quantile(self.durations, q / 100, method="inverted_cdf"))

    def percentiles(self, calendar: WorkCalendar, qs: tuple[int, ...] = PERCENTILES) -> tuple[Percentile, ...]:
        """P50, P80 and P90 (or ``qs``) in working days with their finish dates."""
        return percentiles(self.percentile, calendar, qs)

    @property
    def p50(self) -> float:
        return self.percentile(50)

    @property
    def p80(self) -> float:
        return self.percentile(80)

    @property
    def p90(self) -> float:
        return self.percentile(90)

    @property
    def mean(self) -> float:
        return float(self.durations.mean())

    @property
    def std_dev(self) -> float:
        return float(self.durations.std())

    def probability_by(self, target: float) -> float:
        """Share of runs finishing within ``target`` working days."""
        return float(np.count_nonzero(self.durations <= target)) / self.iterations

    def criticality_index(self) -> dict[str, float]:
        """``id -> share of runs in which the task was critical``."""
        return dict(zip(self.ids, self.criticality.tolist()))

    def histogram(self, bins: int = 30) -> tuple[np.ndarray, np.ndarray]:
        """``(counts, edges)`` of the project durations (``len(edges) == bins + 1``)."""
        if bins < 1:
            raise ValidationError("must be >= 1", "bins")
        return np.histogram(self.durations, bins=bins)

    def s_curve(self) -> tuple[np.ndarray, np.ndarray]:
        """``(duration, share of runs finished by then)``: the cumulative S-curve, one point per
        distinct duration."""
        values, counts = np.unique(self.durations, return_counts=True)
        return values, np.cumsum(counts) / self.iterations


@dataclass(frozen=True)
class _Links:
    """Links into (or out of) the tasks of one level, padded to a (tasks, max links) grid.

    ``rows`` index the other end's point in the work array (padding points at a row of -inf for
    a max, +inf for a min), ``lags`` are already signed for the pass and ``pos`` gives the
    positions (within the level) of the tasks that have such links.
    """

    rows: np.ndarray
    lags: np.ndarray | None
    pos: np.ndarray | slice


@dataclass(frozen=True)
class _Level:
    lo: int
    hi: int
    floor: np.ndarray | None  # (size, 1) or None when all zero
    deadline: np.ndarray | None  # (size, 1) or None when there is none
    into_start: _Links | None
    into_finish: _Links | None
    from_finish: _Links | None
    from_start: _Links | None


@dataclass(frozen=True)
class _Plan:
    """The network relabelled so that each topological level is a contiguous block of rows.

    Tasks of one level do not depend on each other, so a pass handles a whole level with a few
    numpy calls: the Python loop runs over levels (at most the number of tasks).
    """

    perm: np.ndarray  # level order -> original task index
    levels: list[_Level]


def _links(
    keys: np.ndarray, rows: np.ndarray, lags: np.ndarray, lo: int, size: int, sign: int, pad: int
) -> _Links | None:
    if keys.size == 0:
        return None
    order = np.argsort(keys, kind="stable")
    keys, rows, lags = keys[order] - lo, rows[order], lags[order]
    tasks, first, counts = np.unique(keys, return_index=True, return_counts=True)
    slot = np.arange(keys.size) - np.repeat(first, counts)  # link's rank within its task
    grid_rows = np.full((tasks.size, int(counts.max())), pad, dtype=np.int64)
    grid_lags = np.zeros(grid_rows.shape)
    task_of = np.repeat(np.arange(tasks.size), counts)
    grid_rows[task_of, slot] = rows
    grid_lags[task_of, slot] = sign * lags
    pos: np.ndarray | slice = slice(None) if tasks.size == size else tasks
    return _Links(
        rows=grid_rows if grid_rows.shape[1] > 1 else grid_rows[:, 0],
        lags=(grid_lags[..., None] if grid_rows.shape[1] > 1 else grid_lags) if lags.any() else None,
        pos=pos,
    )


def _plan(net: Network) -> _Plan:
    n = net.n_tasks
    level = [0] * n
    for p, s in zip(net.pred[net.forward_links].tolist(), net.succ[net.forward_links].tolist()):
        if level[p] + 1 > level[s]:
            level[s] = level[p] + 1
    level_arr = np.array(level, dtype=np.int64)
    perm = np.argsort(level_arr, kind="stable")
    where = np.empty(n, dtype=np.int64)
    where[perm] = np.arange(n)
    bounds = np.searchsorted(level_arr[perm], np.arange(level_arr.max(initial=-1) + 2))

    pred, succ = where[net.pred], where[net.succ]
    pred_rows = pred + n * net.from_finish  # ES rows 0..n-1, EF (later LS, LF) rows n..2n-1
    succ_rows = succ + n * net.to_finish
    lag = net.lag.astype(np.float64)
    floor = net.floor[perm].astype(np.float64)
    deadline = np.where(net.deadline == NO_DEADLINE, np.inf, net.deadline)[perm].astype(np.float64)
    n_levels = bounds.size - 1
    # Each link kind, sorted by the level of the task it belongs to, then cut per level.
    kinds = []
    for mask, keys, rows, sign, pad in (
        (~net.to_finish, succ, pred_rows, 1, 2 * n),  # into a start
        (net.to_finish, succ, pred_rows, 1, 2 * n),  # into a finish
        (net.from_finish, pred, succ_rows, -1, 2 * n + 1),  # out of a finish
        (~net.from_finish, pred, succ_rows, -1, 2 * n + 1),  # out of a start
    ):
        key_level = level_arr[perm[keys[mask]]]
        by_level = np.argsort(key_level, kind="stable")
        cut = np.searchsorted(key_level[by_level], np.arange(n_levels + 1)).tolist()
        kinds.append((keys[mask][by_level], rows[mask][by_level], lag[mask][by_level], cut, sign, pad))
    levels = []
    for g in range(n_levels):
        lo, hi = int(bounds[g]), int(bounds[g + 1])
        groups = [
            _links(keys[cut[g] : cut[g + 1]], rows[cut[g] : cut[g + 1]], lags[cut[g] : cut[g + 1]],
                   lo, hi - lo, sign, pad)
            for keys, rows, lags, cut, sign, pad in kinds
        ]
        levels.append(
            _Level(
                lo=lo,
                hi=hi,
                floor=floor[lo:hi, None] if floor[lo:hi].any() else None,
                deadline=deadline[lo:hi, None] if np.isfinite(deadline[lo:hi]).any() else None,
                into_start=groups[0],
                into_finish=groups[1],
                from_finish=groups[2],
                from_start=groups[3],
            )
        )
    return _Plan(perm=perm, levels=levels)


def _gather(x: np.ndarray, links: _Links, reduce: np.ufunc) -> np.ndarray:
    """Per task of the level: ``reduce`` over its links of ``x[row] ± lag`` (a fresh array)."""
    values = x[links.rows]
    if links.lags is not None:
        values += links.lags
    if values.ndim == 2:  # one link per task: nothing to reduce
        return values
    return reduce.reduce(values, axis=1)


def _run_chunk(plan: _Plan, d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """CPM on ``d`` (tasks x runs, level order); returns (T per run, critical-run count per task)."""
    n, k = d.shape
    # One work array: early start / early finish rows on the way forward, overwritten by late
    # start / late finish on the way back (a level's successors are done before it).
    x = np.empty((2 * n + 2, k))
    x[2 * n] = -np.inf  # padding row for a max over links
    x[2 * n + 1] = np.inf  # padding row for a min
    for lv in plan.levels:
        es = x[lv.lo : lv.hi]
        dur = d[lv.lo : lv.hi]
        if lv.floor is None:
            es.fill(0.0)
        else:
            es[:] = lv.floor
        if lv.into_start is not None:
            bound = _gather(x, lv.into_start, np.maximum)
            es[lv.into_start.pos] = np.maximum(es[lv.into_start.pos], bound)
        if lv.into_finish is not None:
            bound = _gather(x, lv.into_finish, np.maximum)
            bound -= dur[lv.into_finish.pos]
            es[lv.into_finish.pos] = np.maximum(es[lv.into_finish.pos], bound)
        np.add(es, dur, out=x[n + lv.lo : n + lv.hi])
    t = x[n : 2 * n].max(axis=0) if n else np.zeros(k)

    tolerance = FLOAT_TOLERANCE * np.maximum(1.0, np.abs(t))
    critical = np.zeros(n, dtype=np.int64)
    for lv in reversed(plan.levels):
        dur = d[lv.lo : lv.hi]
        lf = np.empty((lv.hi - lv.lo, k))
        if lv.deadline is None:
            lf[:] = t
        else:
            np.minimum(t, lv.deadline, out=lf)
        if lv.from_finish is not None:
            bound = _gather(x, lv.from_finish, np.minimum)
            lf[lv.from_finish.pos] = np.minimum(lf[lv.from_finish.pos], bound)
        if lv.from_start is not None:
            bound = _gather(x, lv.from_start, np.minimum)
            bound += dur[lv.from_start.pos]
            lf[lv.from_start.pos] = np.minimum(lf[lv.from_start.pos], bound)
        ef = x[n + lv.lo : n + lv.hi]
        # Total slack LS - ES equals LF - EF.
        critical[lv.lo : lv.hi] = np.count_nonzero(lf - ef <= tolerance, axis=1)
        ef[:] = lf
        np.subtract(lf, dur, out=x[lv.lo : lv.hi])
    return t, critical


def _sample(
    rng: np.random.Generator, est: np.ndarray, k: int, distribution: str
) -> np.ndarray:
    """Durations (tasks x k) drawn from the (3, tasks) estimate array."""
    o, m, p = est
    d = np.repeat(o[:, None], k, axis=1)
    uncertain = np.flatnonzero(p > o)  # o == m == p needs no draw
    if uncertain.size == 0:
        return d
    o, m, p = o[uncertain, None], m[uncertain, None], p[uncertain, None]
    span = p - o
    if distribution == "triangular":
        # Inverse CDF of the triangular distribution, one uniform per draw.
        u = rng.random((uncertain.size, k))
        low = u < (m - o) / span
        left = np.sqrt(u * (span * (m - o)))
        left += o
        np.subtract(1.0, u, out=u)
        u *= span * (p - m)
        np.sqrt(u, out=u)
        np.subtract(p, u, out=u)
        d[uncertain] = np.where(low, left, u)
    else:
        alpha = (1 + 4 * (m - o) / span).ravel().tolist()
        beta = (1 + 4 * (p - m) / span).ravel().tolist()
        # One call per task: numpy's beta sampler is markedly faster with scalar shapes than
        # with broadcast arrays of shapes.
        for row, a, b, lo, width in zip(uncertain.tolist(), alpha, beta, o.ravel().tolist(), span.ravel().tolist()):
            draws = rng.beta(a, b, size=k)
            draws *= width
            draws += lo
            d[row] = draws
    return d


def simulate(
    net: Network,
    estimates: Mapping[str, ThreePoint],
    *,
    iterations: int = 10_000,
    distribution: str = "triangular",
    risks: Sequence[RiskEvent] = (),
    seed: int | None = None,
    progress: Callable[[float], None] | None = None,
) -> SimulationResult:
    """Simulate the project ``iterations`` times.

    Parameters
    ----------
    net : Network
    estimates : Mapping[str, ThreePoint]
        One estimate per task id.
    iterations : int
    distribution : {"triangular", "pert"}
        Triangular on (o, m, p) or PERT-beta (``α = 1 + 4(m-o)/(p-o)``, ``β = 1 + 4(p-m)/(p-o)``).
    risks : sequence of RiskEvent
    seed : int, optional
        Same seed, same runs.  Without one a fresh seed is drawn and reported in the result.
    progress : callable, optional
        Called with the share of runs done (0 < share <= 1) after each chunk of runs.

    Examples
    --------
    >>> from crm_impl.schedule.network import Activity, Link, build_network
    >>> net = build_network([Activity("a", 2), Activity("b", 3)], [Link("a", "b")])
    >>> r = simulate(net, {"a": ThreePoint(2, 2, 2), "b": ThreePoint(3, 3, 3)}, iterations=100, seed=1)
    >>> r.p50, r.criticality_index()
    (5.0, {'a': 1.0, 'b': 1.0})
    """
    if isinstance(iterations, bool) or not isinstance(iterations, int) or iterations < 1:
        raise ValidationError("must be a positive integer, got %(iterations)r", "iterations", iterations=iterations)
    if distribution not in DISTRIBUTIONS:
        raise ValidationError(
            "unknown distribution %(distribution)r (use one of %(choices)s)",
            "distribution", distribution=distribution, choices=", ".join(DISTRIBUTIONS),
        )
    if seed is None:
        seed = int(np.random.SeedSequence().entropy)  # type: ignore[arg-type]
    elif isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValidationError("must be a non-negative integer, got %(seed)r", "seed", seed=seed)
    est = estimate_arrays(net, estimates)
    risk_rows = []
    for i, risk in enumerate(risks):
        rows = []
        for j, task_id in enumerate(risk.tasks):
            if task_id not in net.index:
                raise ValidationError("unknown task %(task)r", f"risks[{i}].tasks[{j}]", task=task_id)
            rows.append(net.index[task_id])
        # A task named twice by one risk is still delayed once.
        risk_rows.append((np.unique(np.array(rows, dtype=np.int64)), risk.probability, float(risk.delay_days)))

    rng = np.random.default_rng(seed)
    plan = _plan(net)
    where = np.empty(net.n_tasks, dtype=np.int64)
    where[plan.perm] = np.arange(net.n_tasks)
    est = est[:, plan.perm]  # work in level order throughout
    n = net.n_tasks
    chunk = max(1, _CHUNK_ELEMENTS // max(1, n))
    finish = np.empty(iterations)
    critical_runs = np.zeros(n, dtype=np.int64)
    for start in range(0, iterations, chunk):
        k = min(chunk, iterations - start)
        d = _sample(rng, est, k, distribution)
        for rows, probability, delay in risk_rows:
            fired = rng.random(k) < probability
            d[where[rows]] += delay * fired
        t, critical = _run_chunk(plan, d)
        finish[start : start + k] = t
        critical_runs += critical
        if progress is not None:
            progress((start + k) / iterations)
    critical_runs = critical_runs[where]  # back to the network's task order
    finish.setflags(write=False)
    criticality = critical_runs / iterations
    criticality.setflags(write=False)
    return SimulationResult(
        ids=net.ids,
        durations=finish,
        criticality=criticality,
        iterations=iterations,
        distribution=distribution,
        seed=seed,
    )


def simulation_digest(
    net: Network,
    estimates: Mapping[str, ThreePoint],
    *,
    iterations: int,
    distribution: str,
    risks: Sequence[RiskEvent] = (),
    seed: int,
) -> str:
    """A digest of everything :func:`simulate` draws its runs from: the same digest, the same
    result (a key for a cache of results; any edit of the plan, an estimate or a risk changes it).

    >>> from crm_impl.schedule.network import Activity, Link, build_network
    >>> net = build_network([Activity("a", 2), Activity("b", 3)], [Link("a", "b")])
    >>> est = {"a": ThreePoint(1, 2, 4), "b": ThreePoint(3, 3, 3)}
    >>> key = simulation_digest(net, est, iterations=100, distribution="pert", seed=1)
    >>> key == simulation_digest(net, est, iterations=100, distribution="pert", seed=2)
    False
    >>> key == simulation_digest(net, dict(est, a=ThreePoint(1, 2, 5)), iterations=100, distribution="pert", seed=1)
    False
    """
    digest = hashlib.sha256()
    for array in (net.floor, net.deadline, net.pred, net.succ, net.link_type, net.lag):
        digest.update(np.ascontiguousarray(array).tobytes())
        digest.update(b"|")
    described = (
        net.ids,
        [(e.optimistic, e.most_likely, e.pessimistic) if e else None for e in map(estimates.get, net.ids)],
        [(r.id, r.probability, r.delay_days, r.tasks) for r in risks],
        iterations,
        distribution,
        seed,
    )
    digest.update(repr(described).encode())
    return digest.hexdigest()

