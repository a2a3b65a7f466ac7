"""Root causes: the fishbone (cause categories and their causes) and the Pareto cut.

The methodology's steps: draw the problem as the fish head and the cause categories as bones;
quantify each cause's share of the problem from field data (counts or shares — either is
normalised); sort the causes descending and take the *vital few* that explain about 80 % (the
20:80 principle).  "About": the vital few are the shortest run of top causes whose cumulative
share comes **nearest** the cut, so the methodology's refinery example stops at three causes
that explain 78 % rather than taking a fourth to pass 80 %.

>>> fish = Fishbone("Small market share", (
...     Category("People", (Cause("Too few sales staff", 35),)),
...     Category("Products", (Cause("Too few small-package products", 25),)),
...     Category("Advertising", (Cause("Poor advertising", 18),)),
...     Category("Competition", (Cause("Strong local brands", 12), Cause("Price war", 10))),
... ))
>>> p = pareto(fish)
>>> [row.cause for row in p.vital_few], round(p.covered * 100)
(['Too few sales staff', 'Too few small-package products', 'Poor advertising'], 78)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from crm_impl.errors import ValidationError
from crm_impl.i18n import is_chinese
from crm_impl.limits import MAX_AMOUNT

__all__ = ["PARETO_CUT", "Cause", "Category", "Fishbone", "ParetoRow", "Pareto", "pareto"]

#: The share the vital few should explain.
PARETO_CUT = 0.8


def _display(name: str, name_zh: str, locale: object) -> str:
    return name_zh if name_zh and is_chinese(locale) else name


@dataclass(frozen=True)
class Cause:
    """A cause and how much of the problem it explains (a count or a share, any unit)."""

    name: str
    value: float
    name_zh: str = ""

    def display_name(self, locale: object = None) -> str:
        return _display(self.name, self.name_zh, locale)


@dataclass(frozen=True)
class Category:
    """A bone of the fish: people, channels, products, methods, systems..."""

    name: str
    causes: tuple[Cause, ...] = ()
    name_zh: str = ""

    def display_name(self, locale: object = None) -> str:
        return _display(self.name, self.name_zh, locale)


@dataclass(frozen=True)
class Fishbone:
    problem: str
    categories: tuple[Category, ...] = ()
    problem_zh: str = ""

    def display_problem(self, locale: object = None) -> str:
        return _display(self.problem, self.problem_zh, locale)

    def causes(self) -> list[tuple[str, Cause]]:
        """Every ``(category, cause)`` in drawing order."""
        return [(category.name, cause) for category in self.categories for cause in category.causes]

    def category_names_zh(self) -> dict[str, str]:
        return {category.name: category.name_zh for category in self.categories}


@dataclass(frozen=True)
class ParetoRow:
    category: str
    cause: str
    value: float
    share: float
    cumulative: float
    vital: bool
    category_zh: str = ""
    cause_zh: str = ""

    def display_cause(self, locale: object = None) -> str:
        return _display(self.cause, self.cause_zh, locale)

    def display_category(self, locale: object = None) -> str:
        return _display(self.category, self.category_zh, locale)


@dataclass(frozen=True)
class Pareto:
    problem: str
    rows: tuple[ParetoRow, ...]
    cut: float

    @property
    def vital_few(self) -> tuple[ParetoRow, ...]:
        return tuple(row for row in self.rows if row.vital)

    @property
    def covered(self) -> float:
        """The share the vital few explain together."""
        return self.vital_few[-1].cumulative if self.vital_few else 0.0

    @property
    def total(self) -> float:
        return sum(row.value for row in self.rows)


def pareto(fishbone: Fishbone | Sequence[tuple[str, Cause]], cut: float = PARETO_CUT) -> Pareto:
    """The causes sorted by their value, with shares, cumulative shares and the vital few."""
    if isinstance(cut, bool) or not isinstance(cut, int | float) or not 0 < cut <= 1:
        raise ValidationError("the cut must lie above 0 and at most 1, got %(value)r", "cut", value=cut)
    problem = fishbone.problem if isinstance(fishbone, Fishbone) else ""
    causes = fishbone.causes() if isinstance(fishbone, Fishbone) else list(fishbone)
    category_zh = fishbone.category_names_zh() if isinstance(fishbone, Fishbone) else {}
    for index, (_, cause) in enumerate(causes):
        value = cause.value
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                or not 0 <= value <= MAX_AMOUNT:
            raise ValidationError("must be a number from 0 up, got %(value)r", f"causes[{index}].value", value=value)
    total = float(sum(cause.value for _, cause in causes))
    order = sorted(range(len(causes)), key=lambda i: (-causes[i][1].value, i))
    shares, cumulative = [], 0.0
    for i in order:
        share = causes[i][1].value / total if total else 0.0
        cumulative += share
        shares.append((i, share, min(cumulative, 1.0)))
    vital = 0
    if total:
        distances = [abs(c - cut) for _, _, c in shares]
        vital = min(range(len(shares)), key=lambda k: (round(distances[k], 12), k)) + 1
    rows = tuple(ParetoRow(causes[i][0], causes[i][1].name, float(causes[i][1].value), round(share, 12),
                           round(cum, 12), k < vital, category_zh.get(causes[i][0], ""), causes[i][1].name_zh)
                 for k, (i, share, cum) in enumerate(shares))
    return Pareto(problem, rows, float(cut))
