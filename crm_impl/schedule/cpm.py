"""Critical path method (methodology §4.3) on an activity-on-node network.

Conventions, to the day: whole working days, exclusive finish (``EF = ES + d``), project
duration ``T = max EF``; forward ``ES = max(0, SNET, link constraints)``; backward
``LF = min(T, deadline, link constraints)`` for *every* task; ``LS = LF - d``; total slack
``LS - ES``; critical ⇔ slack ≤ 0.

Every link type reduces to a start-to-start inequality ``ES_s >= ES_p + w`` (see
:meth:`Network.link_weights`), so each pass is one flat loop over the links in topological order
of their successor (forward) or predecessor (backward): linear in tasks + links.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from crm_impl.errors import ValidationError
from crm_impl.limits import MAX_SPAN_DAYS
from crm_impl.schedule.network import NO_DEADLINE, Activity, Link, Network, build_network

__all__ = [
    "TaskTiming",
    "Schedule",
    "compute_schedule",
    "schedule_network",
    "check_span",
]

# Float durations (PERT te, sampled durations) accumulate rounding error; a slack this close to
# zero still counts as zero.
FLOAT_TOLERANCE = 1e-9


@dataclass(frozen=True, slots=True)
class TaskTiming:
    """The CPM timings of one task (working-day offsets, finish exclusive)."""

    id: str
    duration: int | float
    es: int | float
    ef: int | float
    ls: int | float
    lf: int | float
    total_slack: int | float
    free_slack: int | float
    critical: bool


class _TimingView(Mapping[str, TaskTiming]):
    """Read-only ``id -> TaskTiming`` view that builds each record on access."""

    __slots__ = ("_schedule",)

    def __init__(self, schedule: Schedule) -> None:
        self._schedule = schedule

    def __getitem__(self, task_id: str) -> TaskTiming:
        return self._schedule.timing_at(self._schedule.network.index[task_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self._schedule.network.ids)

    def __len__(self) -> int:
        return self._schedule.network.n_tasks


@dataclass(frozen=True, eq=False)
class Schedule:
    """Result of a CPM run; arrays are indexed like ``network.ids`` and read-only.

    Attributes
    ----------
    network : Network
    project_duration : int or float
        ``T = max EF`` (0 for an empty network).
    durations, es, ef, ls, lf, total_slack, free_slack : ndarray
        int64 for integer durations, float64 otherwise.
    critical : ndarray of bool
        ``total_slack <= 0`` (within :data:`FLOAT_TOLERANCE` for float durations).
    critical_path : tuple of str
        Ids of all critical tasks ordered by ES, then topological order.
    """

    network: Network
    project_duration: int | float
    durations: np.ndarray
    es: np.ndarray
    ef: np.ndarray
    ls: np.ndarray
    lf: np.ndarray
    total_slack: np.ndarray
    free_slack: np.ndarray
    critical: np.ndarray
    critical_path: tuple[str, ...]

    @property
    def tasks(self) -> Mapping[str, TaskTiming]:
        """``id -> TaskTiming`` in input order."""
        return _TimingView(self)

    def timing_at(self, i: int) -> TaskTiming:
        """The timing of the task at index ``i``."""
        return TaskTiming(
            id=self.network.ids[i],
            duration=self.durations[i].item(),
            es=self.es[i].item(),
            ef=self.ef[i].item(),
            ls=self.ls[i].item(),
            lf=self.lf[i].item(),
            total_slack=self.total_slack[i].item(),
            free_slack=self.free_slack[i].item(),
            critical=bool(self.critical[i]),
        )

    def driving_links(self) -> np.ndarray:
        """Indices of links between critical tasks whose forward constraint is tight."""
        net = self.network
        w = net.link_weights(self.durations)
        gap = self.es[net.succ] - self.es[net.pred] - w
        tight = gap <= (FLOAT_TOLERANCE if gap.dtype.kind == "f" else 0)
        return np.flatnonzero(tight & self.critical[net.pred] & self.critical[net.succ])

    def critical_paths(self, limit: int = 100) -> tuple[tuple[str, ...], ...]:
        """Critical chains: paths of driving links between critical tasks, in order.

        Each path runs from a critical task with no driving critical predecessor to one with no
        driving critical successor (without deadlines: a task with ``EF = T``).  Parallel
        critical branches give several paths; at most ``limit`` are returned, in depth-first
        order from the earliest start.
        """
        if limit < 1:
            raise ValidationError("must be >= 1", "limit")
        net = self.network
        links = self.driving_links()
        succ = net.succ[links]
        # Follow successors in ES then topological order so paths come out deterministic.
        links = links[np.lexsort((net.rank[succ], self.es[succ]))]
        nxt: dict[int, list[int]] = {}
        for p, s in zip(net.pred[links].tolist(), net.succ[links].tolist()):
            nxt.setdefault(p, []).append(s)
        has_pred = np.zeros(net.n_tasks, dtype=bool)
        has_pred[net.succ[links]] = True
        starts = [i for i in self._critical_indices() if not has_pred[i]]
        paths: list[tuple[str, ...]] = []
        for start in starts:
            # Iterative DFS: chains can be far longer than Python's recursion limit.
            stack: list[tuple[int, int]] = [(start, 0)]
            path = [start]
            while stack and len(paths) < limit:
                node, k = stack[-1]
                children = nxt.get(node, [])
                if not children:
                    paths.append(tuple(net.ids[i] for i in path))
                if k < len(children):
                    stack[-1] = (node, k + 1)
                    stack.append((children[k], 0))
                    path.append(children[k])
                else:
                    stack.pop()
                    path.pop()
            if len(paths) >= limit:
                break
        return tuple(paths)

    def _critical_indices(self) -> list[int]:
        idx = np.flatnonzero(self.critical)
        return idx[np.lexsort((self.network.rank[idx], self.es[idx]))].tolist()


def _forward(net: Network, w: np.ndarray, floor: np.ndarray) -> np.ndarray:
    es = floor.tolist()
    links = net.forward_links
    for p, s, x in zip(net.pred[links].tolist(), net.succ[links].tolist(), w[links].tolist()):
        v = es[p] + x
        if v > es[s]:
            es[s] = v
    return np.array(es, dtype=floor.dtype)


def _backward(net: Network, w: np.ndarray, ls_cap: np.ndarray) -> np.ndarray:
    ls = ls_cap.tolist()
    links = net.backward_links
    for p, s, x in zip(net.pred[links].tolist(), net.succ[links].tolist(), w[links].tolist()):
        v = ls[s] - x
        if v < ls[p]:
            ls[p] = v
    return np.array(ls, dtype=ls_cap.dtype)


def _readonly(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def schedule_network(net: Network, durations: np.ndarray | Sequence[float] | None = None) -> Schedule:
    """Run the forward and backward passes on a compiled network.

    Parameters
    ----------
    net : Network
    durations : array-like, optional
        Override the network's integer durations, e.g. with PERT ``te`` values (floats,
        ``>= 0``, one per task in ``net.ids`` order).

    Examples
    --------
    >>> from crm_impl.schedule.network import Activity, Link, build_network
    >>> net = build_network([Activity("a", 3), Activity("b", 2)], [Link("a", "b", "SS", 1)])
    >>> s = schedule_network(net)
    >>> s.project_duration, s.tasks["b"].es, s.tasks["a"].total_slack
    (3, 1, 0)
    """
    if durations is None:
        d = net.durations
    else:
        d = np.asarray(durations)
        if d.shape != (net.n_tasks,):
            raise ValidationError("expected %(n_tasks)s durations, got shape %(shape)s", "durations", n_tasks=net.n_tasks, shape=d.shape)
        if d.dtype.kind not in "iuf":
            raise ValidationError("durations must be numbers", "durations")
        if d.dtype.kind == "f" and not (np.isfinite(d).all() and (d >= 0).all()):
            raise ValidationError("durations must be finite and >= 0", "durations")
        if d.dtype.kind in "iu":
            if (d < 0).any():
                raise ValidationError("durations must be >= 0", "durations")
            d = d.astype(np.int64)
    is_float = d.dtype.kind == "f"
    dtype = np.float64 if is_float else np.int64
    d = d.astype(dtype, copy=True)

    w = net.link_weights(d)
    es = _forward(net, w, net.floor.astype(dtype))
    ef = es + d
    project_duration = ef.max().item() if ef.size else (0.0 if is_float else 0)

    if is_float:
        deadline = np.where(net.deadline == NO_DEADLINE, np.inf, net.deadline.astype(np.float64))
    else:
        deadline = net.deadline
    lf_cap = np.minimum(deadline, project_duration).astype(dtype)
    ls = _backward(net, w, lf_cap - d)
    lf = ls + d
    total_slack = ls - es

    # Free slack: the least slack on any outgoing link, never beyond the project end.
    free_slack = (project_duration - ef).astype(dtype)
    if net.n_links:
        link_slack = es[net.succ] - es[net.pred] - w
        np.minimum.at(free_slack, net.pred, link_slack)

    tolerance = FLOAT_TOLERANCE * max(1.0, abs(project_duration)) if is_float else 0
    critical = total_slack <= tolerance
    idx = np.flatnonzero(critical)
    idx = idx[np.lexsort((net.rank[idx], es[idx]))]
    return Schedule(
        network=net,
        project_duration=project_duration,
        durations=_readonly(d),
        es=_readonly(es),
        ef=_readonly(ef),
        ls=_readonly(ls),
        lf=_readonly(lf),
        total_slack=_readonly(total_slack),
        free_slack=_readonly(free_slack),
        critical=_readonly(critical),
        critical_path=tuple(net.ids[i] for i in idx.tolist()),
    )


def compute_schedule(activities: Sequence[Activity], links: Sequence[Link]) -> Schedule:
    """Validate a network and compute its CPM schedule.

    Raises
    ------
    ValidationError
        A field is invalid; ``field`` names it (``tasks[2].duration``, ``dependencies[4].pred``).
    ScheduleCycleError
        The dependencies form a cycle; ``cycle`` lists its tasks in order.

    Examples
    --------
    >>> s = compute_schedule(
    ...     [Activity("a", 3), Activity("b", 2), Activity("c", 4)],
    ...     [Link("a", "b"), Link("a", "c", "FF", 0)],
    ... )
    >>> s.project_duration, s.critical_path
    (5, ('a', 'b'))
    >>> s.tasks["c"].es, s.tasks["c"].total_slack
    (0, 1)
    """
    return schedule_network(build_network(activities, links))


def check_span(schedule: Schedule, field: str = "tasks") -> Schedule:
    """``schedule`` if the plan takes at most :data:`~crm_impl.limits.MAX_SPAN_DAYS` working days.

    Each task is bounded on its own; a chain of long tasks (or a start constraint decades out)
    could still stretch a plan over centuries, whose every page would walk each of those days.

    >>> check_span(compute_schedule([Activity("a", 2600), Activity("b", 2600), Activity("c", 1)],
    ...                             [Link("a", "b"), Link("b", "c")]))
    Traceback (most recent call last):
    ...
    crm_impl.errors.ValidationError: tasks: the plan takes 5201 working days from start to finish; at most 5200
    """
    if schedule.project_duration > MAX_SPAN_DAYS:
        raise ValidationError("the plan takes %(days)s working days from start to finish; at most %(limit)s", field,
                              days=schedule.project_duration, limit=MAX_SPAN_DAYS)
    return schedule
