"""The Analytic Hierarchy Process: weights from pairwise comparisons on Saaty's 1–9 scale.

A comparison ``(a, b, v)`` says that ``a`` is ``v`` times as important as ``b``; the matrix holds
``v`` at (a, b) and ``1/v`` at (b, a).  The weights are the principal eigenvector of the matrix
(Saaty 1977), normalised to sum 1; the consistency index is ``CI = (λmax − n)/(n − 1)`` and the
consistency ratio ``CR = CI / RI(n)`` with Saaty's random index.  A CR above 0.10 asks the
stakeholder to revise: the most inconsistent comparison is the one whose value departs most (in
ratio) from what the weights imply, ``w_a / w_b``, and the suggested value is the Saaty scale value
from the entered one to (and nearest) the implied one that lowers the CR most.  Several stakeholders' matrices
combine into the group's by the element-wise geometric mean (Aczél and Saaty 1983), which keeps
the matrix reciprocal.

Saaty's house example (EJOR 48, 1990): eight criteria, λmax 9.669, CR 0.169.

>>> house = [[1, 5, 3, 7, 6, 6, 1/3, 1/4], [1/5, 1, 1/3, 5, 3, 3, 1/5, 1/7], [1/3, 3, 1, 6, 3, 4, 6, 1/5],
...          [1/7, 1/5, 1/6, 1, 1/3, 1/4, 1/7, 1/8], [1/6, 1/3, 1/3, 3, 1, 1/2, 1/5, 1/6],
...          [1/6, 1/3, 1/4, 4, 2, 1, 1/5, 1/6], [3, 5, 1/6, 7, 5, 5, 1, 1/2], [4, 7, 5, 8, 6, 6, 2, 1]]
>>> result = ahp(house)
>>> [round(w, 3) for w in result.weights]
[0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333]
>>> round(result.lambda_max, 3), round(result.consistency_ratio, 3), result.consistent
(9.669, 0.169, False)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from crm_impl.errors import ValidationError

__all__ = [
    "RANDOM_INDEX", "CR_LIMIT", "SAATY_VALUES", "MAX_ITEMS", "Suggestion", "AhpResult", "Revision", "StakeholderResult",
    "NodeResult", "check_matrix", "ahp", "geometric_mean", "comparison_matrix", "node_weights", "scale_label",
]

#: Saaty's random consistency index by matrix size (1980; sizes 11–15 from Saaty 2008).
RANDOM_INDEX = (0.0, 0.0, 0.0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59)
#: The most items one matrix compares (the random index is known up to 15).
MAX_ITEMS = len(RANDOM_INDEX) - 1
#: A matrix with a larger consistency ratio should be revised.
CR_LIMIT = 0.10
#: The values of Saaty's scale and their reciprocals, ascending.
SAATY_VALUES = tuple(sorted({*(1 / v for v in range(1, 10)), *range(1, 10)}))
_LOW, _HIGH = 1 / 9, 9
_TOLERANCE = 1e-3  # relative: a file may write 1/3 as 0.333


def scale_label(value: float) -> str:
    """``3`` or ``1/3`` for a value of Saaty's scale, else the number to 3 decimals.

    >>> scale_label(3.0), scale_label(1 / 7), scale_label(2.5)
    ('3', '1/7', '2.5')
    """
    value = float(value)
    if value >= 1 and abs(value - round(value)) < 1e-9:
        return str(round(value))
    if 0 < value < 1 and abs(1 / value - round(1 / value)) < 1e-9:
        return f"1/{round(1 / value)}"
    return f"{value:.3f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Suggestion:
    """The most inconsistent comparison of a matrix and the value that would make it consistent."""

    row: int
    column: int
    value: float
    #: What the weights imply, ``w_row / w_column``: the fully consistent value.
    consistent_value: float
    #: The Saaty scale value to enter instead, and the CR the matrix would have with it.
    suggested_value: float
    suggested_cr: float


@dataclass(frozen=True)
class AhpResult:
    weights: list[float]
    lambda_max: float
    consistency_index: float
    consistency_ratio: float
    suggestion: Suggestion | None = None

    @property
    def consistent(self) -> bool:
        return self.consistency_ratio <= CR_LIMIT


def check_matrix(matrix: Sequence[Sequence[float]], where: str = "matrix", labels: Sequence[str] | None = None
                 ) -> np.ndarray:
    """The matrix as a numpy array, or :class:`ValidationError` saying what is wrong.

    >>> check_matrix([[1, 3], [0.5, 1]], labels=["a", "b"])
    Traceback (most recent call last):
    ...
    crm_impl.errors.ValidationError: matrix: comparison a/b is 3 but b/a is 1/2: it must be 1/3
    """
    try:
        array = np.array(matrix, dtype=float)
    except (TypeError, ValueError):
        raise ValidationError("a comparison matrix is a square table of numbers", field=where) from None
    n = len(array)
    if array.ndim != 2 or array.shape != (n, n) or n == 0:
        raise ValidationError("a comparison matrix is a square table of numbers", field=where)
    if n > MAX_ITEMS:
        raise ValidationError("a comparison matrix compares at most %(limit)s items", field=where, limit=MAX_ITEMS)
    names = list(labels) if labels is not None else [str(i + 1) for i in range(n)]
    if not np.all(np.isfinite(array)):
        raise ValidationError("a comparison must be a number", field=where)
    for i in range(n):
        if abs(array[i, i] - 1) > _TOLERANCE:
            raise ValidationError("%(item)s compared with itself must be 1", field=where, item=names[i])
        for j in range(n):
            value = array[i, j]
            if not (_LOW * (1 - _TOLERANCE) <= value <= _HIGH * (1 + _TOLERANCE)):
                raise ValidationError("comparison %(a)s/%(b)s is %(value)s: Saaty's scale runs from 1/9 to 9",
                                      field=where, a=names[i], b=names[j], value=scale_label(value))
            if j > i and abs(value * array[j, i] - 1) > _TOLERANCE:
                raise ValidationError("comparison %(a)s/%(b)s is %(value)s but %(b)s/%(a)s is %(reverse)s: "
                                      "it must be %(expected)s", field=where, a=names[i], b=names[j],
                                      value=scale_label(value), reverse=scale_label(array[j, i]),
                                      expected=scale_label(1 / value))
    return array


def _principal(array: np.ndarray) -> tuple[np.ndarray, float]:
    values, vectors = np.linalg.eig(array)
    k = int(np.argmax(values.real))
    vector = np.abs(vectors[:, k].real)
    return vector / vector.sum(), float(values[k].real)


def _cr(array: np.ndarray) -> float:
    n = len(array)
    if n < 3:
        return 0.0
    _, lam = _principal(array)
    return max(0.0, (lam - n) / (n - 1)) / RANDOM_INDEX[n]


def _candidates(current: float, implied: float) -> list[float]:
    """Saaty scale values to try instead of ``current``: those from it to the ``implied`` value and
    the one nearest the implied value (never ``current`` itself)."""
    low, high = sorted((current, implied))
    found = [v for v in SAATY_VALUES if low * (1 - 1e-9) <= v <= high * (1 + 1e-9) and abs(v - current) > 1e-9]
    nearest = min(SAATY_VALUES, key=lambda v: abs(math.log(v / implied)))
    if nearest not in found and abs(nearest - current) > 1e-9:  # it may lie just beyond the implied one
        found.append(nearest)
    if not found:  # the entry is the scale value nearest the implied one: its neighbour that way, if any
        step = [v for v in SAATY_VALUES if (v > current if implied > current else v < current)]
        found = [min(step, key=lambda v: abs(math.log(v / current)))] if step else []
    return found


def _suggest(array: np.ndarray, weights: np.ndarray) -> Suggestion | None:
    n = len(array)
    ratio = array * weights[np.newaxis, :] / weights[:, np.newaxis]  # a_ij · w_j / w_i: 1 when consistent
    deviation = np.abs(np.log(ratio))
    pairs = sorted(((float(deviation[i, j]), i, j) for i in range(n) for j in range(i + 1, n)), reverse=True)

    def cr_with(i: int, j: int, value: float) -> float:
        trial = array.copy()
        trial[i, j], trial[j, i] = value, 1 / value
        return _cr(trial)

    # The most inconsistent comparison that the scale lets change (one already at 9 or 1/9 and
    # pointing further out cannot be moved that way: the next one is named).
    for _, i, j in pairs:
        current, implied = float(array[i, j]), float(weights[i] / weights[j])
        candidates = _candidates(current, implied)
        if candidates:
            best = min(candidates, key=lambda v: (cr_with(i, j, v), abs(math.log(v / implied))))
            return Suggestion(i, j, current, implied, best, cr_with(i, j, best))
    return None


def ahp(matrix: Sequence[Sequence[float]], labels: Sequence[str] | None = None, where: str = "matrix") -> AhpResult:
    """Weights and consistency of one comparison matrix (checked first, see :func:`check_matrix`).

    >>> [round(w, 4) for w in ahp([[1, 2], [1/2, 1]]).weights]
    [0.6667, 0.3333]
    """
    array = check_matrix(matrix, where, labels)
    n = len(array)
    if n == 1:
        return AhpResult([1.0], 1.0, 0.0, 0.0)
    weights, lam = _principal(array)
    ci = max(0.0, (lam - n) / (n - 1))
    cr = ci / RANDOM_INDEX[n] if n >= 3 else 0.0
    suggestion = _suggest(array, weights) if cr > CR_LIMIT else None
    return AhpResult([float(w) for w in weights], lam, ci, cr, suggestion)


def geometric_mean(matrices: Sequence[Sequence[Sequence[float]]]) -> list[list[float]]:
    """The group matrix: the element-wise geometric mean of the stakeholders' matrices.

    >>> geometric_mean([[[1, 4], [1/4, 1]], [[1, 1], [1, 1]]])
    [[1.0, 2.0], [0.5, 1.0]]
    """
    if not matrices:
        raise ValidationError("there are no comparisons to combine", field="matrices")
    arrays = [np.array(m, dtype=float) for m in matrices]
    if len({a.shape for a in arrays}) != 1:
        raise ValidationError("the stakeholders' matrices differ in size", field="matrices")
    combined = np.exp(np.mean(np.log(np.stack(arrays)), axis=0))
    return [[float(x) for x in row] for row in combined]


def comparison_matrix(items: Sequence[str], comparisons: Mapping[tuple[str, str], float], where: str = "comparisons"
                      ) -> list[list[float]]:
    """The matrix over ``items`` from comparisons ``{(a, b): value}``; every pair is needed once
    (or twice, reciprocally).

    >>> comparison_matrix(["x", "y", "z"], {("x", "y"): 3, ("x", "z"): 5, ("z", "y"): 0.5})
    [[1.0, 3.0, 5.0], [0.3333333333333333, 1.0, 2.0], [0.2, 0.5, 1.0]]
    """
    index = {item: i for i, item in enumerate(items)}
    n = len(items)
    matrix = [[1.0 if i == j else math.nan for j in range(n)] for i in range(n)]
    for (a, b), value in comparisons.items():
        for item in (a, b):
            if item not in index:
                raise ValidationError("unknown item %(item)r in a comparison", field=where, item=item)
        if a == b:
            raise ValidationError("%(item)s cannot be compared with itself", field=where, item=a)
        value = float(value)
        if not (math.isfinite(value) and _LOW * (1 - _TOLERANCE) <= value <= _HIGH * (1 + _TOLERANCE)):
            raise ValidationError("comparison %(a)s/%(b)s is %(value)s: Saaty's scale runs from 1/9 to 9",
                                  field=where, a=a, b=b, value=value)
        i, j = index[a], index[b]
        for (r, c), v in (((i, j), value), ((j, i), 1 / value)):
            if not math.isnan(matrix[r][c]) and abs(matrix[r][c] * (1 / v) - 1) > _TOLERANCE:
                raise ValidationError("comparison %(a)s/%(b)s is given twice and the two are not reciprocal",
                                      field=where, a=items[r], b=items[c])
            matrix[r][c] = v
    for i in range(n):
        for j in range(i + 1, n):
            if math.isnan(matrix[i][j]):
                raise ValidationError("the comparison of %(a)s with %(b)s is missing", field=where,
                                      a=items[i], b=items[j])
    return matrix


@dataclass(frozen=True)
class Revision:
    """What one stakeholder could change to make the group's matrix more consistent.

    Nobody enters the group matrix — it is the geometric mean of the stakeholders' — so the
    value suggested for it (:attr:`AhpResult.suggestion`) is reached by a stakeholder revising
    their own comparison of the same pair: ``stakeholder`` entering ``revised_value`` instead of
    ``value`` gives the group the consistency ratio ``revised_cr``.
    """

    stakeholder: str
    row: int
    column: int
    value: float
    revised_value: float
    revised_cr: float


@dataclass(frozen=True)
class StakeholderResult:
    name: str
    matrix: list[list[float]]
    result: AhpResult


@dataclass(frozen=True)
class NodeResult:
    """One node of the tree weighted by AHP: ``root`` (the groups) or a group (its criteria)."""

    node: str
    items: list[str]
    matrix: list[list[float]]
    result: AhpResult
    stakeholders: list[StakeholderResult] = field(default_factory=list)

    @property
    def revision(self) -> Revision | None:
        """The one stakeholder's comparison whose revision lowers the group's CR most, at the group
        matrix's most inconsistent pair (``None`` when the group matrix is consistent, or when no
        single revision on the scale lowers its CR).

        >>> r = node_weights("root", list("abc"), {"Ann": {("a", "b"): 3, ("b", "c"): 3, ("a", "c"): 1 / 3},
        ...                                        "Bo": {("a", "b"): 2, ("b", "c"): 2, ("a", "c"): 4}})
        >>> round(r.result.consistency_ratio, 3), scale_label(r.result.suggestion.suggested_value)  # a over c
        (0.267, '2')
        >>> v = r.revision; v.stakeholder, scale_label(v.value), scale_label(v.revised_value), round(v.revised_cr, 3)
        ('Ann', '1/3', '1', 0.117)
        """
        suggestion = self.result.suggestion
        if suggestion is None or not self.stakeholders:
            return None
        i, j = suggestion.row, suggestion.column
        values = [float(s.matrix[i][j]) for s in self.stakeholders]
        count = len(values)
        group = np.array(self.matrix, dtype=float)
        best: tuple[tuple[float, float], Revision] | None = None
        for k, stakeholder in enumerate(self.stakeholders):
            others = math.prod(v for m, v in enumerate(values) if m != k)
            # Their value that would make the group's entry the consistent one, kept on the scale.
            target = min(max(suggestion.consistent_value ** count / others, _LOW), _HIGH)
            for candidate in _candidates(values[k], target):
                entry = (others * candidate) ** (1 / count)
                trial = group.copy()
                trial[i, j], trial[j, i] = entry, 1 / entry
                cr = _cr(trial)
                rank = (cr, abs(math.log(candidate / values[k])))
                if best is None or rank < best[0]:
                    best = (rank, Revision(stakeholder.name, i, j, values[k], candidate, cr))
        if best is None or best[1].revised_cr >= self.result.consistency_ratio:
            return None
        return best[1]


def node_weights(node: str, items: Sequence[str], judgements: Mapping[str, Mapping[tuple[str, str], float]]
                 ) -> NodeResult:
    """Weights of ``items`` from the comparisons of each stakeholder (``{name: {(a, b): v}}``).

    Each stakeholder's matrix is weighted alone (their own CR), the group matrix is the geometric
    mean of them all.  A node with one item needs no comparison.

    >>> r = node_weights("root", ["f", "t"], {"Ann": {("f", "t"): 4}, "Bo": {("f", "t"): 1}})
    >>> [round(w, 4) for w in r.result.weights], [round(s.result.weights[0], 2) for s in r.stakeholders]
    ([0.6667, 0.3333], [0.8, 0.5])
    """
    if len(items) == 1:
        return NodeResult(node, list(items), [[1.0]], AhpResult([1.0], 1.0, 0.0, 0.0))
    if not judgements:
        raise ValidationError("nobody compared the items of %(node)s", field=f"ahp.{node}", node=node)
    stakeholders = []
    for name, comparisons in judgements.items():
        where = f"ahp.{node}.{name}"
        matrix = comparison_matrix(items, comparisons, where)
        stakeholders.append(StakeholderResult(name, matrix, ahp(matrix, items, where)))
    group = geometric_mean([s.matrix for s in stakeholders])
    return NodeResult(node, list(items), group, ahp(group, items, f"ahp.{node}"), stakeholders)
