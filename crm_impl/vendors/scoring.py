"""Scoring vendors: evaluators' sheets consolidated, figures scored, weighted sum, TOPSIS, knock-outs.

Each evaluator scores each vendor on each criterion (with a comment); the consolidated score of a
vendor on a criterion is the mean of the evaluators' scores, with their minimum, maximum and
standard deviation (of the panel itself: population formula) so that disagreements stand out.
Criteria scored from figures (months, money) need no evaluator: the best figure gets the top of
the scale and the others the share of it their figure earns (lowest-price rule: ``top · best / x``
when lower is better, ``top · x / best`` when higher is better), never under 1.

The total is the methodology's weighted sum ``Σ w_c · s_v,c`` on the 1–5 scale (a 1–10 criterion is
mapped onto it, a "lower is better" criterion turned round first).  A vendor whose consolidated
score on a knock-out criterion is on the wrong side of its threshold is disqualified: it gets no
rank, and the reason names the criterion and the score.  TOPSIS (Hwang and Yoon 1981: vector
normalisation, distances to the ideal and anti-ideal vendor, relative closeness) ranks the qualified
vendors a second way; :attr:`Evaluation.methods_agree` says whether both choose the same winner.
TOPSIS is written in numpy here: ``pymcdm`` would bring scipy, pandas and matplotlib into the web
app for twenty lines of arithmetic.

The methodology's worked example (6.5): seven criteria, one per group.

>>> from crm_impl.vendors.criteria import Criterion, CriteriaTree, Group, direct_weights
>>> weights = dict(functions=.30, technology=.20, vendor=.15, consulting=.10, difficulty=.08, time=.07, cost=.10)
>>> tree = CriteriaTree(tuple(Group(k, k, weight=w) for k, w in weights.items()),
...                     tuple(Criterion(k, k, k) for k in weights))
>>> table = {"Salesforce": [4.65, 4.5, 4.0, 3.5, 3.0, 3.5, 2.0], "Yonyou": [4.0, 4.2, 4.2, 4.0, 3.8, 3.8, 3.5],
...          "Kingdee": [3.5, 3.6, 3.8, 3.5, 4.2, 4.2, 4.5]}
>>> scores = [Score("panel", v, c, s) for v, row in table.items() for c, s in zip(weights, row)]
>>> result = evaluate(tree, direct_weights(tree), [Vendor(v, v) for v in table], scores)
>>> [(r.name, f"{r.total:.3f}", r.rank) for r in result.ranking]
[('Yonyou', '3.990', 1), ('Salesforce', '3.930', 2), ('Kingdee', '3.770', 3)]
>>> result.topsis_winner, result.methods_agree  # the margin is thin: TOPSIS prefers the cloud leader
('Salesforce', False)
>>> round(result.margin, 3)
0.06
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from crm_impl.errors import ValidationError
from crm_impl.i18n import N_, Name
from crm_impl.vendors.catalogue import CRM7_AREAS
from crm_impl.vendors.criteria import CriteriaTree, Criterion, Weights

__all__ = ["Vendor", "Score", "Consolidated", "Knockout", "VendorResult", "Evaluation", "figure_scores",
           "consolidate", "topsis", "evaluate", "quotation_total"]


@dataclass(frozen=True)
class Vendor:
    """A short-listed vendor; ``figures`` holds its figure for each criterion scored from figures."""

    key: str
    name: str
    name_zh: str = ""
    figures: Mapping[str, float] = field(default_factory=dict)

    @property
    def label(self) -> Name:
        """The vendor's name for a message, in the reader's language."""
        return Name(self.name or self.key, name_zh=self.name_zh)


@dataclass(frozen=True)
class Score:
    """One cell of an evaluator's sheet."""

    evaluator: str
    vendor: str
    criterion: str
    value: float
    comment: str = ""


@dataclass(frozen=True)
class Consolidated:
    """A vendor's consolidated score on one criterion (on the criterion's own scale)."""

    mean: float
    low: float
    high: float
    std: float
    count: int
    #: ``(evaluator, score, comment)`` of each sheet, or empty when scored from a figure.
    sheets: tuple[tuple[str, float, str], ...] = ()
    figure: float | None = None

    @property
    def spread(self) -> float:
        return self.high - self.low


@dataclass(frozen=True)
class Knockout:
    criterion: str
    score: float
    threshold: float


@dataclass(frozen=True)
class VendorResult:
    key: str
    name: str
    name_zh: str
    total: float
    rank: int | None
    knockouts: tuple[Knockout, ...]
    #: Weighted contribution ``w_c · u_c`` of each criterion; they sum to the total.
    contributions: dict[str, float]
    #: Each group's part of the total (sum of its contributions).
    group_subtotals: dict[str, float]
    #: Each group's mean score on the 1–5 scale (its criteria weighted inside the group).
    group_scores: dict[str, float]
    #: Each CRM-7 area's mean score on the 1–5 scale, for the areas the tree has criteria of.
    area_scores: dict[str, float]
    topsis: float | None = None
    topsis_rank: int | None = None

    @property
    def disqualified(self) -> bool:
        return bool(self.knockouts)


@dataclass(frozen=True)
class Evaluation:
    """The results of a selection: every vendor, ranked, with what the sensitivity analysis needs."""

    criteria: list[str]
    weights: np.ndarray  # global weight of each criterion, in ``criteria`` order
    utility: np.ndarray  # vendors × criteria on the 1–5 scale, "higher is better"
    vendors: list[VendorResult]
    consolidated: dict[tuple[str, str], Consolidated]

    @property
    def ranking(self) -> list[VendorResult]:
        """Qualified vendors by rank, then the disqualified ones."""
        return sorted(self.vendors, key=lambda v: (v.rank is None, v.rank or 0, -v.total))

    @property
    def qualified(self) -> list[int]:
        return [i for i, v in enumerate(self.vendors) if not v.disqualified]

    @property
    def winner(self) -> str | None:
        best = [v for v in self.vendors if v.rank == 1]
        return best[0].name if len(best) == 1 else None

    @property
    def topsis_winner(self) -> str | None:
        best = [v for v in self.vendors if v.topsis_rank == 1]
        return best[0].name if len(best) == 1 else None

    @property
    def margin(self) -> float | None:
        """How far the winner leads the runner-up (weighted totals, 1–5 scale); ``None`` with
        fewer than two qualified vendors."""
        totals = sorted((v.total for v in self.vendors if not v.disqualified), reverse=True)
        return totals[0] - totals[1] if len(totals) >= 2 else None

    @property
    def methods_agree(self) -> bool:
        return self.winner is not None and self.winner == self.topsis_winner


def quotation_total(licence: float, implementation: float, running_per_year: float, years: int) -> float:
    """What a quotation costs over ``years``: licence and implementation once, running every year.

    >>> quotation_total(1_200_000, 800_000, 300_000, 3)
    2900000.0
    """
    return float(licence) + float(implementation) + float(running_per_year) * years


def figure_scores(criterion: Criterion, figures: Mapping[str, float]) -> dict[str, float]:
    """Scores on the criterion's scale from the vendors' figures (``{vendor: figure}``).

    >>> cost = Criterion("cost", "Cost", "cost", higher_is_better=False, from_figures=True)
    >>> figure_scores(cost, {"A": 2_000_000, "B": 1_000_000, "C": 8_000_000})
    {'A': 2.5, 'B': 5.0, 'C': 1.0}
    """
    for vendor, value in figures.items():
        if not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
            raise ValidationError("the figure of %(vendor)s for %(criterion)s must be a number above 0",
                                  field=f"figures.{criterion.key}", vendor=vendor, criterion=criterion.label)
    if not figures:
        return {}
    top = criterion.scale
    if criterion.higher_is_better:
        best = max(figures.values())
        return {v: max(1.0, top * x / best) for v, x in figures.items()}
    best = min(figures.values())
    return {v: max(1.0, top * best / x) for v, x in figures.items()}


def consolidate(tree: CriteriaTree, vendors: Sequence[Vendor], scores: Sequence[Score]
                ) -> dict[tuple[str, str], Consolidated]:
    """Each ``(vendor key, criterion key)``'s consolidated score; checks every score first."""
    vendor_keys = {v.key for v in vendors}
    label = {v.key: v.label for v in vendors}
    by_cell: dict[tuple[str, str], list[Score]] = {}
    for i, score in enumerate(scores):
        where = f"scores[{i}]"
        if score.vendor not in vendor_keys:
            raise ValidationError("unknown vendor %(vendor)r", field=f"{where}.vendor", vendor=score.vendor)
        criterion = tree.criterion(score.criterion)
        if criterion.from_figures:
            raise ValidationError("%(criterion)s is scored from figures, not by evaluators",
                                  field=f"{where}.criterion", criterion=criterion.label)
        value = score.value
        if not isinstance(value, int | float) or not math.isfinite(value) or not 1 <= value <= criterion.scale:
            raise ValidationError("score %(value)s of %(vendor)s on %(criterion)s is outside the scale 1–%(top)s",
                                  field=f"{where}.value", value=value, vendor=label[score.vendor],
                                  criterion=criterion.label, top=criterion.scale)
        cell = by_cell.setdefault((score.vendor, score.criterion), [])
        if any(s.evaluator == score.evaluator for s in cell):
            raise ValidationError("%(evaluator)s scored %(vendor)s on %(criterion)s twice", field=where,
                                  evaluator=score.evaluator, vendor=label[score.vendor], criterion=criterion.label)
        cell.append(score)
    out: dict[tuple[str, str], Consolidated] = {}
    for (vendor, criterion), cell in by_cell.items():
        values = np.array([s.value for s in cell], dtype=float)
        out[vendor, criterion] = Consolidated(
            float(values.mean()), float(values.min()), float(values.max()), float(values.std()), len(values),
            tuple((s.evaluator, float(s.value), s.comment) for s in cell),
        )
    for criterion in tree.criteria:
        if criterion.from_figures:
            figures = {v.key: v.figures[criterion.key] for v in vendors if criterion.key in v.figures}
            for vendor, value in figure_scores(criterion, figures).items():
                out[vendor, criterion.key] = Consolidated(value, value, value, 0.0, 0, (), float(figures[vendor]))
    return out


def topsis(matrix: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """TOPSIS relative closeness (0–1, higher is better) of each row; every column a benefit.

    >>> [round(float(c), 4) for c in topsis(np.array([[5.0, 1.0], [1.0, 5.0], [3.0, 3.0]]), np.array([0.8, 0.2]))]
    [0.8, 0.2, 0.5]
    """
    norms = np.linalg.norm(matrix, axis=0)
    norms[norms == 0] = 1.0
    weighted = matrix / norms * weights
    ideal, anti = weighted.max(axis=0), weighted.min(axis=0)
    to_ideal = np.linalg.norm(weighted - ideal, axis=1)
    to_anti = np.linalg.norm(weighted - anti, axis=1)
    total = to_ideal + to_anti
    return np.where(total > 0, to_anti / np.where(total > 0, total, 1.0), 1.0)


def _ranks(values: Sequence[float], among: Sequence[int]) -> dict[int, int]:
    """Competition ranks (1, 1, 3) of ``values`` at the indices ``among``, highest first."""
    ordered = sorted(among, key=lambda i: -values[i])
    ranks: dict[int, int] = {}
    for position, i in enumerate(ordered):
        tied = [j for j in ordered[:position] if abs(values[j] - values[i]) < 1e-12]
        ranks[i] = ranks[tied[0]] if tied else position + 1
    return ranks


def evaluate(tree: CriteriaTree, weights: Weights, vendors: Sequence[Vendor], scores: Sequence[Score]
             ) -> Evaluation:
    """Consolidate, disqualify, total, rank and cross-check with TOPSIS.

    Every vendor needs a score (or a figure) on every criterion that carries weight.
    """
    tree.check()
    if not vendors:
        raise ValidationError("the selection has no vendors", field="vendors")
    keys = [v.key for v in vendors]
    for key in keys:
        if keys.count(key) > 1:
            raise ValidationError("vendor %(vendor)r is listed twice", field="vendors", vendor=key)
    cells = consolidate(tree, vendors, scores)
    criteria = [c for c in tree.criteria]
    w = np.array([weights.criteria.get(c.key, 0.0) for c in criteria])
    if not math.isclose(float(w.sum()), 1.0, abs_tol=1e-9):
        raise ValidationError("the weights sum to zero: give at least one a positive weight", field="weights")
    for vendor in vendors:
        if not any((vendor.key, c.key) in cells for c in criteria):
            raise ValidationError("vendor %(vendor)s has no scores", field="scores", vendor=vendor.label)
        for c, weight in zip(criteria, w):
            if weight > 0 and (vendor.key, c.key) not in cells:
                what = (N_("vendor %(vendor)s has no figure for %(criterion)s") if c.from_figures
                        else N_("vendor %(vendor)s has no score on %(criterion)s"))
                raise ValidationError(what, field="scores", vendor=vendor.label, criterion=c.label)
    utility = np.array([[c.utility(cells[v.key, c.key].mean) if (v.key, c.key) in cells else 1.0
                         for c in criteria] for v in vendors])
    totals = utility @ w
    knockouts = [
        tuple(Knockout(c.key, cells[v.key, c.key].mean, float(c.knockout))  # type: ignore[arg-type]
              for c in criteria if (v.key, c.key) in cells and c.knocked_out(cells[v.key, c.key].mean))
        for v in vendors
    ]
    qualified = [i for i in range(len(vendors)) if not knockouts[i]]
    ranks = _ranks(list(totals), qualified)
    closeness = topsis(utility[qualified], w) if qualified else np.array([])
    close_by = {i: float(c) for i, c in zip(qualified, closeness)}
    topsis_ranks = _ranks([close_by.get(i, 0.0) for i in range(len(vendors))], qualified)
    group_weight = {g.key: float(sum(wi for c, wi in zip(criteria, w) if c.group == g.key)) for g in tree.groups}
    areas = [a for a in CRM7_AREAS if any(c.area == a for c in criteria)]
    results = []
    for i, vendor in enumerate(vendors):
        contributions = {c.key: float(w[j] * utility[i, j]) for j, c in enumerate(criteria)}
        subtotals = {g.key: math.fsum(contributions[c.key] for c in criteria if c.group == g.key)
                     for g in tree.groups}
        group_scores = {g: subtotals[g] / group_weight[g] for g in subtotals if group_weight[g] > 0}
        area_scores = {}
        for area in areas:
            idx = [j for j, c in enumerate(criteria) if c.area == area]
            area_w = w[idx]
            area_scores[area] = float(utility[i, idx] @ area_w / area_w.sum() if area_w.sum() > 0
                                      else utility[i, idx].mean())
        results.append(VendorResult(
            vendor.key, vendor.name, vendor.name_zh, float(totals[i]), ranks.get(i), knockouts[i],
            contributions, subtotals, group_scores, area_scores, close_by.get(i), topsis_ranks.get(i),
        ))
    return Evaluation([c.key for c in criteria], w, utility, results, cells)
