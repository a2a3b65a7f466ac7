"""Schedule input records and their validated, integer-indexed form.

:class:`Activity` and :class:`Link` are plain records: they are checked once, all together, by
:func:`build_network`, which knows each record's position and can therefore name the offending
field (``tasks[2].duration``, ``dependencies[4].pred``).  The resulting :class:`Network` holds
numpy arrays in task-index space plus a topological order, which is what the CPM passes, PERT
and the Monte Carlo simulation all run on.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral, Real
from types import MappingProxyType

import numpy as np

from crm_impl.errors import ScheduleCycleError, ValidationError
from crm_impl.limits import MAX_DURATION_DAYS, MAX_LAG_DAYS

__all__ = [
    "LINK_TYPES",
    "LINK_POINTS",
    "Activity",
    "Link",
    "Network",
    "build_network",
]

#: Dependency types: predecessor point (Start/Finish) to successor point (Start/Finish).
LINK_TYPES: tuple[str, ...] = ("FS", "SS", "FF", "SF")

#: The geometry of each link type, the one place it is defined: (the constraint leaves the
#: predecessor's finish, the constraint binds the successor's finish).
LINK_POINTS: dict[str, tuple[bool, bool]] = {
    "FS": (True, False),
    "SS": (False, False),
    "FF": (True, True),
    "SF": (False, True),
}
_TYPE_CODE = {name: code for code, name in enumerate(LINK_TYPES)}
_FROM_FINISH = np.array([LINK_POINTS[t][0] for t in LINK_TYPES])
_TO_FINISH = np.array([LINK_POINTS[t][1] for t in LINK_TYPES])

#: "No deadline" sentinel for integer finish-no-later-than values.
NO_DEADLINE = np.iinfo(np.int64).max

# Constraint offsets beyond a million years of working days are typos; bounding them keeps
# every sum inside int64.  Durations and lags have tighter, human bounds (crm_impl.limits).
MAX_DAYS = 10**9


@dataclass(frozen=True, slots=True)
class Activity:
    """A task of the network (activity-on-node).

    Parameters
    ----------
    id : str
        Unique, non-empty task id.
    duration : int
        Whole working days, ``>= 0``; ``0`` is a milestone.
    milestone : bool
        Marks a gate; a milestone must have duration 0.
    start_no_earlier_than : int, optional
        Working-day offset the task may not start before (raises ES).
    finish_no_later_than : int, optional
        Deadline as an exclusive finish offset (caps LF; an unmeetable one gives negative slack).
    """

    id: str
    duration: int
    milestone: bool = False
    start_no_earlier_than: int | None = None
    finish_no_later_than: int | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A dependency ``pred -> succ`` of type FS, SS, FF or SF, lag in working days (may be < 0)."""

    pred: str
    succ: str
    type: str = "FS"
    lag: int = 0


@dataclass(frozen=True, eq=False)
class Network:
    """A validated, acyclic schedule network in integer-index form.

    Arrays are indexed by task position (the order of the activities given) or by link position
    (the order of the links given); all are read-only.

    Attributes
    ----------
    ids : tuple of str
        Task ids by index.
    index : Mapping[str, int]
        Task id -> index.
    durations : ndarray of int64
    milestone : ndarray of bool
    floor : ndarray of int64
        Earliest allowed start: ``max(0, start_no_earlier_than)``.
    deadline : ndarray of int64
        ``finish_no_later_than`` or :data:`NO_DEADLINE`.
    pred, succ : ndarray of int64
        Link end points as task indices.
    link_type : ndarray of int8
        Index into :data:`LINK_TYPES`.
    from_finish, to_finish : ndarray of bool
        Whether the link leaves the predecessor's finish / binds the successor's finish.
    lag : ndarray of int64
    order : ndarray of int64
        Task indices in a topological order.
    rank : ndarray of int64
        Position of each task in ``order``.
    forward_links : ndarray of int64
        Link indices sorted by the topological rank of their successor: relaxing them in this
        order is a complete forward pass.
    backward_links : ndarray of int64
        Link indices sorted by decreasing rank of their predecessor (a complete backward pass).
    """

    ids: tuple[str, ...]
    index: Mapping[str, int]
    durations: np.ndarray
    milestone: np.ndarray
    floor: np.ndarray
    deadline: np.ndarray
    pred: np.ndarray
    succ: np.ndarray
    link_type: np.ndarray
    from_finish: np.ndarray
    to_finish: np.ndarray
    lag: np.ndarray
    order: np.ndarray
    rank: np.ndarray
    forward_links: np.ndarray
    backward_links: np.ndarray

    @property
    def n_tasks(self) -> int:
        return len(self.ids)

    @property
    def n_links(self) -> int:
        return int(self.pred.shape[0])

    @property
    def has_deadlines(self) -> bool:
        return bool((self.deadline != NO_DEADLINE).any())

    def link_weights(self, durations: np.ndarray) -> np.ndarray:
        """Start-to-start weights ``w`` such that every link reads ``ES_succ >= ES_pred + w``.

        FS: ``d_p + lag``; SS: ``lag``; FF: ``d_p + lag - d_s``; SF: ``lag - d_s``.
        """
        w = self.lag.astype(durations.dtype, copy=True)
        w += np.where(self.from_finish, durations[self.pred], 0)
        w -= np.where(self.to_finish, durations[self.succ], 0)
        return w


def _default_task_field(i: int) -> str:
    return f"tasks[{i}]"


def _default_link_field(i: int) -> str:
    return f"dependencies[{i}]"


def _is_int(value: object) -> bool:
    return isinstance(value, Integral) and not isinstance(value, bool)


def _describe(value: object) -> str:
    return f"{type(value).__name__} {value!r}"


def _check_int(value: object, field: str, *, minimum: int = -MAX_DAYS, maximum: int = MAX_DAYS) -> int:
    """Return ``value`` as int or raise a field-named ValidationError."""
    if not _is_int(value):
        if isinstance(value, Real) and not isinstance(value, bool) and math.isfinite(value):
            raise ValidationError("must be a whole number of working days, got %(value)r", field, value=value)
        raise ValidationError("must be an integer, got %(value)s", field, value=_describe(value))
    number = int(value)  # type: ignore[call-overload]
    if number < minimum:
        raise ValidationError("must be >= %(minimum)s, got %(number)s", field, minimum=minimum, number=number)
    if number > maximum:
        raise ValidationError("must be <= %(maximum)s, got %(number)s", field, maximum=maximum, number=number)
    return number


def _all_plain_ints(values: list[object], minimum: int, maximum: int) -> bool:
    """True when every value is an exact int within [minimum, maximum] (C-speed checks)."""
    if not values:
        return True
    return set(map(type, values)) <= {int} and min(values) >= minimum and max(values) <= maximum  # type: ignore[type-var]


def _validate_activities(
    activities: Sequence[Activity], task_field: Callable[[int], str]
) -> tuple[tuple[str, ...], dict[str, int], list[int]]:
    ids = tuple(a.id for a in activities)
    index = dict(zip(ids, range(len(ids))))
    if len(index) != len(ids) or not set(map(type, ids)) <= {str} or "" in index:
        seen: set[str] = set()
        for i, task_id in enumerate(ids):
            if not isinstance(task_id, str) or not task_id:
                raise ValidationError(
                    "task id must be a non-empty string, got %(task)r", f"{task_field(i)}.id", task=task_id
                )
            if task_id in seen:
                raise ValidationError("duplicate task id %(task)r", f"{task_field(i)}.id", task=task_id)
            seen.add(task_id)
    durations = [a.duration for a in activities]
    # Fast path: exact ints, all >= 0.  Anything else gets the precise, field-naming check.
    if not _all_plain_ints(durations, 0, MAX_DURATION_DAYS):
        durations = [
            _check_int(d, f"{task_field(i)}.duration", minimum=0, maximum=MAX_DURATION_DAYS)
            for i, d in enumerate(durations)
        ]
    flags = [a.milestone for a in activities]
    if not any(flags) and set(map(type, flags)) <= {bool}:
        return ids, index, durations
    for i, a in enumerate(activities):
        if a.milestone is not False:
            if a.milestone is not True:
                raise ValidationError(
                    "must be true or false, got %(milestone)s", f"{task_field(i)}.milestone", milestone=_describe(a.milestone)
                )
            if durations[i] != 0:
                raise ValidationError(
                    "a milestone must have duration 0, got %(durations)s", f"{task_field(i)}.duration", durations=durations[i]
                )
    return ids, index, durations


def _constraint_array(
    activities: Sequence[Activity], attr: str, empty: int, task_field: Callable[[int], str]
) -> np.ndarray:
    values = [getattr(a, attr) for a in activities]
    if values.count(None) == len(values):
        return np.full(len(values), empty, dtype=np.int64)
    return np.array(
        [empty if v is None else _check_int(v, f"{task_field(i)}.{attr}") for i, v in enumerate(values)],
        dtype=np.int64,
    )


def _validate_links(
    links: Sequence[Link], index: Mapping[str, int], link_field: Callable[[int], str]
) -> tuple[list[int], list[int], list[int], list[int]]:
    preds = [link.pred for link in links]
    succs = [link.succ for link in links]
    types = [link.type for link in links]
    lags = [link.lag for link in links]
    # Look-ups via map() run at C speed; the per-link loop only runs to name an error.
    pred_idx = list(map(index.get, preds))
    succ_idx = list(map(index.get, succs))
    codes = list(map(_TYPE_CODE.get, types))
    if None in pred_idx or None in succ_idx or None in codes:
        for i in range(len(links)):
            for side, idx, value in (("pred", pred_idx[i], preds[i]), ("succ", succ_idx[i], succs[i])):
                if idx is None:
                    raise ValidationError("unknown task %(task)r", f"{link_field(i)}.{side}", task=value)
            if codes[i] is None:
                raise ValidationError(
                    "unknown dependency type %(type)r (use one of %(choices)s)",
                    f"{link_field(i)}.type", type=types[i], choices=", ".join(LINK_TYPES),
                )
    if not _all_plain_ints(lags, -MAX_LAG_DAYS, MAX_LAG_DAYS):
        lags = [_check_int(lag, f"{link_field(i)}.lag", minimum=-MAX_LAG_DAYS, maximum=MAX_LAG_DAYS)
                for i, lag in enumerate(lags)]
    return pred_idx, succ_idx, codes, lags  # type: ignore[return-value]


def _topological_order(n: int, pred: np.ndarray, succ: np.ndarray) -> list[int]:
    """Kahn's algorithm on CSR lists; returns fewer than ``n`` nodes if there is a cycle."""
    by_pred = np.argsort(pred, kind="stable")
    out = succ[by_pred].tolist()
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(pred, minlength=n), out=ptr[1:])
    ptr_l = ptr.tolist()
    indeg = np.bincount(succ, minlength=n).tolist()
    order = [v for v in range(n) if indeg[v] == 0]
    for u in order:  # the list grows while we walk it: a FIFO queue without a deque
        for s in out[ptr_l[u] : ptr_l[u + 1]]:
            indeg[s] -= 1
            if indeg[s] == 0:
                order.append(s)
    return order


def _raise_cycle(ids: Sequence[str], order: list[int], pred: np.ndarray, succ: np.ndarray) -> None:
    # Only the tasks Kahn could not place matter; networkx reports a cycle among them in order.
    # Imported here: a plan without a cycle never needs it (and commands start faster).
    import networkx as nx

    placed = np.zeros(len(ids), dtype=bool)
    placed[order] = True
    keep = ~placed[pred] & ~placed[succ]
    graph = nx.DiGraph()
    graph.add_edges_from(zip(pred[keep].tolist(), succ[keep].tolist()))
    source = int(np.flatnonzero(~placed)[0])
    edges = nx.find_cycle(graph, source=source)
    raise ScheduleCycleError([ids[u] for u, _ in edges])


def _readonly(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


def build_network(
    activities: Sequence[Activity],
    links: Sequence[Link],
    *,
    task_field: Callable[[int], str] = _default_task_field,
    link_field: Callable[[int], str] = _default_link_field,
) -> Network:
    """Validate activities and links and compile them into a :class:`Network`.

    Parameters
    ----------
    activities : sequence of Activity
    links : sequence of Link
    task_field, link_field : callable, optional
        Map a position to the field path used in error messages (defaults ``tasks[i]`` and
        ``dependencies[i]``), so a file importer can point at its own layout.

    Raises
    ------
    ValidationError
        Duplicate or empty id, negative / non-integer duration or lag, milestone with a duration,
        unknown task or link type; ``field`` names the offending field.
    ScheduleCycleError
        The links form a cycle; ``cycle`` lists its task ids in order.

    Examples
    --------
    >>> net = build_network([Activity("a", 2), Activity("b", 1)], [Link("a", "b")])
    >>> [net.ids[i] for i in net.order]
    ['a', 'b']
    """
    ids, index, durations = _validate_activities(activities, task_field)
    floor = np.maximum(_constraint_array(activities, "start_no_earlier_than", 0, task_field), 0)
    deadline = _constraint_array(activities, "finish_no_later_than", NO_DEADLINE, task_field)
    pred_l, succ_l, codes_l, lags_l = _validate_links(links, index, link_field)

    n = len(ids)
    pred = np.array(pred_l, dtype=np.int64)
    succ = np.array(succ_l, dtype=np.int64)
    codes = np.array(codes_l, dtype=np.int8)
    order_l = _topological_order(n, pred, succ)
    if len(order_l) < n:
        _raise_cycle(ids, order_l, pred, succ)
    order = np.array(order_l, dtype=np.int64)
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    forward_links = np.argsort(rank[succ], kind="stable")
    backward_links = np.argsort(-rank[pred], kind="stable")
    return Network(
        ids=ids,
        index=MappingProxyType(index),
        durations=_readonly(np.array(durations, dtype=np.int64)),
        milestone=_readonly(np.array([a.milestone for a in activities], dtype=bool)),
        floor=_readonly(floor),
        deadline=_readonly(deadline),
        pred=_readonly(pred),
        succ=_readonly(succ),
        link_type=_readonly(codes),
        from_finish=_readonly(_FROM_FINISH[codes]),
        to_finish=_readonly(_TO_FINISH[codes]),
        lag=_readonly(np.array(lags_l, dtype=np.int64)),
        order=_readonly(order),
        rank=_readonly(rank),
        forward_links=_readonly(forward_links),
        backward_links=_readonly(backward_links),
    )
