"""The criteria tree of a vendor selection: groups of criteria, each with its scale and direction.

A criterion is scored on 1–5 or 1–10; "higher is better" or "lower is better"; optionally with a
knock-out threshold (a vendor whose consolidated score is worse than it is disqualified).  Some
criteria (time, cost) are scored from figures the vendors give (months, money) rather than by
evaluators.  Direct weights are relative numbers at two levels — each group among the groups,
each criterion inside its group — and are normalised; a criterion's global weight is its group's
weight times its weight inside the group.

>>> tree = catalogue_tree()
>>> len(tree.groups), len(tree.criteria)
(7, 22)
>>> weights = direct_weights(tree)
>>> round(weights.groups["functions"], 2), round(weights.criteria["sales_automation"], 4)
(0.3, 0.0375)
>>> round(sum(weights.criteria.values()), 12)
1.0
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from crm_impl.errors import ValidationError
from crm_impl.i18n import N_, Name
from crm_impl.vendors.catalogue import CATALOGUE, CRM7_AREAS

__all__ = ["SCALES", "RESULT_SCALE", "Criterion", "Group", "CriteriaTree", "Weights", "catalogue_tree",
           "direct_weights", "normalise"]

#: The scales a criterion can be scored on: 1 .. top.
SCALES = (5, 10)
#: Results (totals, subtotals, radar values) are on the methodology's 1–5 scale.
RESULT_SCALE = 5


@dataclass(frozen=True)
class Criterion:
    """One criterion of the tree.

    ``knockout``: for "higher is better" the lowest acceptable score, for "lower is better" the
    highest (on the criterion's own scale; for figures, on the scale the figures are scored to).
    ``weight`` is relative to the other criteria of its group (direct weighting).
    """

    key: str
    name: str
    group: str
    name_zh: str = ""
    description: str = ""
    description_zh: str = ""
    scale: int = 5
    higher_is_better: bool = True
    knockout: float | None = None
    weight: float = 1.0
    from_figures: bool = False
    unit: str = ""
    area: str = ""

    @property
    def label(self) -> Name:
        """The criterion's name for a message: rendered in the reader's language, never its key.

        >>> Criterion("security", "Security", "technology", name_zh="安全性").label.render("zh_Hans")
        '安全性'
        """
        return Name(self.name or self.key, name_zh=self.name_zh)

    def utility(self, score: float) -> float:
        """``score`` turned "higher is better" and onto the 1–5 result scale.

        >>> Criterion("c", "C", "g", scale=10).utility(10), Criterion("c", "C", "g", higher_is_better=False).utility(2)
        (5.0, 4.0)
        """
        oriented = score if self.higher_is_better or self.from_figures else self.scale + 1 - score
        return 1 + (oriented - 1) * (RESULT_SCALE - 1) / (self.scale - 1)

    def knocked_out(self, score: float) -> bool:
        """Is a consolidated ``score`` on the wrong side of the knock-out threshold?

        >>> Criterion("security", "Security", "technology", knockout=3).knocked_out(2.9)
        True
        """
        if self.knockout is None:
            return False
        if self.higher_is_better or self.from_figures:
            return score < self.knockout
        return score > self.knockout


@dataclass(frozen=True)
class Group:
    key: str
    name: str
    name_zh: str = ""
    weight: float = 1.0


@dataclass(frozen=True)
class CriteriaTree:
    """Groups and their criteria, in order.  :meth:`check` refuses what cannot be scored."""

    groups: tuple[Group, ...]
    criteria: tuple[Criterion, ...]

    def group_criteria(self, group: str) -> list[Criterion]:
        return [c for c in self.criteria if c.group == group]

    def criterion(self, key: str) -> Criterion:
        for item in self.criteria:
            if item.key == key:
                return item
        raise ValidationError("unknown criterion %(criterion)r", field="criterion", criterion=key)

    def check(self) -> CriteriaTree:
        """Return the tree, or raise :class:`ValidationError` naming what is wrong."""
        if not self.groups:
            raise ValidationError("the criteria tree has no groups", field="groups")
        keys = [g.key for g in self.groups]
        for i, key in enumerate(keys):
            if not key.strip():
                raise ValidationError("is required", field=f"groups[{i}].key")
            if keys.count(key) > 1:
                raise ValidationError("group %(group)r is used more than once", field="groups", group=key)
        seen: set[str] = set()
        for i, item in enumerate(self.criteria):
            where = f"criteria[{i}]"
            if not item.key.strip():
                raise ValidationError("is required", field=f"{where}.key")
            if item.key in seen:
                raise ValidationError("criterion %(criterion)r is used more than once", field="criteria",
                                      criterion=item.key)
            seen.add(item.key)
            if item.group not in keys:
                raise ValidationError("unknown group %(group)r", field=f"{where}.group", group=item.group)
            if item.scale not in SCALES:
                raise ValidationError("the scale must be 1–5 or 1–10", field=f"{where}.scale")
            if item.area and item.area not in CRM7_AREAS:
                raise ValidationError("unknown CRM-7 area %(area)r", field=f"{where}.area", area=item.area)
            if item.knockout is not None and not (1 <= item.knockout <= item.scale):
                raise ValidationError("the knock-out threshold must lie on the scale 1–%(top)s",
                                      field=f"{where}.knockout", top=item.scale)
            _weight(item.weight, f"{where}.weight")
        for i, group in enumerate(self.groups):
            _weight(group.weight, f"groups[{i}].weight")
            if not self.group_criteria(group.key):
                raise ValidationError("group %(group)r has no criteria", field=f"groups[{i}]", group=group.key)
        return self


def _weight(value: float, where: str) -> None:
    if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise ValidationError("a weight must be a number of 0 or more", field=where)


def normalise(values: Mapping[str, float], where: str = "weights") -> dict[str, float]:
    """Relative weights scaled to sum 1; all zero is refused.

    >>> normalise({"a": 2, "b": 6})
    {'a': 0.25, 'b': 0.75}
    >>> normalise({"a": 0, "b": 0})
    Traceback (most recent call last):
    ...
    crm_impl.errors.ValidationError: weights: the weights sum to zero: give at least one a positive weight
    """
    for key, value in values.items():
        _weight(value, f"{where}.{key}")
    total = math.fsum(values.values())
    if total <= 0:
        raise ValidationError(N_("the weights sum to zero: give at least one a positive weight"), field=where)
    return {key: value / total for key, value in values.items()}


@dataclass(frozen=True)
class Weights:
    """Normalised weights: of each group, of each criterion inside its group, and globally."""

    groups: dict[str, float]
    local: dict[str, float]
    criteria: dict[str, float] = field(default_factory=dict)

    @classmethod
    def of(cls, tree: CriteriaTree, groups: Mapping[str, float], local: Mapping[str, float]) -> Weights:
        """Combine group and local weights into global ones (group × local)."""
        by_group = {c.key: c.group for c in tree.criteria}
        return cls(dict(groups), dict(local), {key: groups[by_group[key]] * local[key] for key in local})


def direct_weights(tree: CriteriaTree) -> Weights:
    """The tree's directly entered weights, normalised at both levels."""
    tree.check()
    groups = normalise({g.key: g.weight for g in tree.groups}, "groups")
    local: dict[str, float] = {}
    for group in tree.groups:
        local.update(normalise({c.key: c.weight for c in tree.group_criteria(group.key)}, f"groups.{group.key}"))
    return Weights.of(tree, groups, local)


def catalogue_tree(groups: Iterable[str] | None = None) -> CriteriaTree:
    """A tree seeded from the methodology's catalogue (all groups, or those named)."""
    chosen = [g for g in CATALOGUE if groups is None or g.key in set(groups)]
    return CriteriaTree(
        tuple(Group(g.key, g.name, g.name_zh, g.weight) for g in chosen),
        tuple(
            Criterion(c.key, c.name, g.key, name_zh=c.name_zh, description=c.description,
                      description_zh=c.description_zh, higher_is_better=c.higher_is_better, knockout=c.knockout,
                      from_figures=c.from_figures, unit=c.unit, area=c.area)
            for g in chosen for c in g.criteria
        ),
    )


def with_weights(tree: CriteriaTree, weights: Mapping[str, float]) -> CriteriaTree:
    """The tree with new direct weights for the groups and criteria named in ``weights``."""
    return CriteriaTree(
        tuple(replace(g, weight=weights.get(g.key, g.weight)) for g in tree.groups),
        tuple(replace(c, weight=weights.get(c.key, c.weight)) for c in tree.criteria),
    )
