"""A whole vendor selection in one shape, and its analysis in one call.

The project file, the stored selection and the pages all build a :class:`Selection`;
:func:`analyse` weights the tree (directly or by AHP), evaluates the vendors, and runs the
sensitivity analysis.  :meth:`Analysis.as_json` is what ``crm-impl vendors FILE --json`` prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from crm_impl.errors import ValidationError
from crm_impl.i18n import Message, MessageList, msg
from crm_impl.vendors.ahp import RANDOM_INDEX, NodeResult, node_weights
from crm_impl.vendors.criteria import CriteriaTree, Weights, direct_weights
from crm_impl.vendors.scoring import Evaluation, Knockout, Score, Vendor, evaluate, quotation_total
from crm_impl.vendors.sensitivity import DEFAULT_RUNS, DEFAULT_SEED, Flip, first_probabilities, weight_sensitivity

__all__ = ["ROOT", "WEIGHTINGS", "Comparison", "Quotation", "Selection", "Analysis", "analyse", "ahp_nodes",
           "knockout_reason", "hierarchy_cr", "weigh"]

#: The node of the tree whose items are the groups.
ROOT = "root"
WEIGHTINGS = ("direct", "ahp")


@dataclass(frozen=True)
class Comparison:
    """A stakeholder's judgement at one node: ``a`` is ``value`` times as important as ``b``."""

    stakeholder: str
    node: str
    a: str
    b: str
    value: float


@dataclass(frozen=True)
class Quotation:
    """What a vendor quoted: licence and implementation once, running costs per year."""

    licence: float = 0.0
    implementation: float = 0.0
    running_per_year: float = 0.0

    def total(self, years: int) -> float:
        return quotation_total(self.licence, self.implementation, self.running_per_year, years)


@dataclass(frozen=True)
class Selection:
    tree: CriteriaTree
    vendors: tuple[Vendor, ...]
    scores: tuple[Score, ...] = ()
    weighting: Literal["direct", "ahp"] = "direct"
    comparisons: tuple[Comparison, ...] = ()
    #: Quotations by vendor key; a money criterion scored from figures falls back to their total.
    quotations: dict[str, Quotation] = field(default_factory=dict)
    horizon_years: int = 3


def ahp_nodes(selection: Selection) -> list[NodeResult]:
    """The AHP result of every node with two or more items that someone compared (root first)."""
    tree = selection.tree
    nodes = [(ROOT, [g.key for g in tree.groups])] + [
        (g.key, [c.key for c in tree.group_criteria(g.key)]) for g in tree.groups
    ]
    known = {node for node, _ in nodes}
    for i, comparison in enumerate(selection.comparisons):
        if comparison.node not in known:
            raise ValidationError("unknown node %(node)r", field=f"comparisons[{i}].node", node=comparison.node)
    results = []
    for node, items in nodes:
        judgements: dict[str, dict[tuple[str, str], float]] = {}
        for comparison in selection.comparisons:
            if comparison.node == node:
                judgements.setdefault(comparison.stakeholder, {})[comparison.a, comparison.b] = comparison.value
        if len(items) > 1 and (judgements or selection.weighting == "ahp"):
            results.append(node_weights(node, items, judgements))
    return results


def hierarchy_cr(nodes: Sequence[NodeResult], group_weights: dict[str, float]) -> float | None:
    """Saaty's consistency ratio of the hierarchy: ``Σ p·CI / Σ p·RI`` over its matrices of three
    or more items, each weighted by its node's priority (1 for the root)."""
    ci = ri = 0.0
    for node in nodes:
        n = len(node.items)
        if n < 3:
            continue
        priority = 1.0 if node.node == ROOT else group_weights.get(node.node, 0.0)
        ci += priority * node.result.consistency_index
        ri += priority * RANDOM_INDEX[n]
    return ci / ri if ri > 0 else None


def knockout_reason(knockout: Knockout, criterion_name: str | Message, higher_is_better: bool) -> Message:
    score, threshold = f"{knockout.score:.2f}".rstrip("0").rstrip("."), f"{knockout.threshold:g}"
    if higher_is_better:
        return msg("%(criterion)s scored %(score)s, under the knock-out minimum of %(threshold)s",
                   criterion=criterion_name, score=score, threshold=threshold)
    return msg("%(criterion)s scored %(score)s, above the knock-out maximum of %(threshold)s",
               criterion=criterion_name, score=score, threshold=threshold)


@dataclass(frozen=True)
class Analysis:
    selection: Selection
    weights: Weights
    nodes: list[NodeResult]
    evaluation: Evaluation
    flips: list[Flip]
    probabilities: dict[str, float]

    @property
    def consistency_ratio(self) -> float | None:
        if self.selection.weighting != "ahp":
            return None
        return hierarchy_cr(self.nodes, self.weights.groups) or 0.0

    def reason_messages(self) -> dict[str, MessageList]:
        """Why each disqualified vendor is out, by vendor key: each criterion it failed (named in
        the reader's language) with its score and threshold, as a message for any reader."""
        tree = self.selection.tree
        out = {}
        for vendor in self.evaluation.vendors:
            if vendor.knockouts:
                criteria = [tree.criterion(k.criterion) for k in vendor.knockouts]
                out[vendor.key] = MessageList(tuple(knockout_reason(k, c.label, c.higher_is_better or c.from_figures)
                                                    for k, c in zip(vendor.knockouts, criteria)))
        return out

    def reasons(self, locale: object = None) -> dict[str, str]:
        """Why each disqualified vendor is out, by vendor key, in ``locale``."""
        return {key: reason.render(locale) for key, reason in self.reason_messages().items()}

    def as_json(self, locale: object = None) -> dict[str, Any]:
        reasons = self.reasons(locale)
        return {
            "vendors": [
                {"name": v.name, "score": round(v.total, 6), "rank": v.rank, "disqualified": v.disqualified,
                 "reason": reasons.get(v.key)}
                for v in self.evaluation.ranking
            ],
            "weights": {key: self.weights.criteria[key] for key in self.evaluation.criteria},
            "consistency_ratio": self.consistency_ratio,
            "ahp": [
                {"node": n.node, "criteria": list(n.items), "matrix": n.matrix, "weights": n.result.weights,
                 "consistency_ratio": n.result.consistency_ratio}
                for n in self.nodes
            ],
            "sensitivity": [
                {"criterion": f.criterion, "flip_at_weight": f.flip_at_weight, "new_winner": f.new_winner}
                for f in self.flips
            ],
        }


def _weights(selection: Selection, nodes: list[NodeResult]) -> Weights:
    tree = selection.tree
    if selection.weighting not in WEIGHTINGS:
        raise ValidationError("unknown weighting %(weighting)r", field="weighting", weighting=selection.weighting)
    if selection.weighting == "direct":
        return direct_weights(tree)
    tree.check()
    by_node = {n.node: n for n in nodes}
    groups = [g.key for g in tree.groups]
    root = by_node.get(ROOT)
    group_weights = dict(zip(groups, root.result.weights)) if root else {groups[0]: 1.0}
    local: dict[str, float] = {}
    for g in groups:
        items = [c.key for c in tree.group_criteria(g)]
        node = by_node.get(g)
        local.update(zip(items, node.result.weights) if node else {items[0]: 1.0})
    return Weights.of(tree, group_weights, local)


def _with_figures(selection: Selection) -> list[Vendor]:
    """The vendors, with a money criterion's missing figure taken from their quotation's total."""
    money = [c.key for c in selection.tree.criteria if c.from_figures and c.unit == "money"]
    vendors = []
    for vendor in selection.vendors:
        quote = selection.quotations.get(vendor.key)
        missing = [key for key in money if key not in vendor.figures]
        if quote is not None and missing and quote.total(selection.horizon_years) > 0:
            total = quote.total(selection.horizon_years)
            vendor = replace(vendor, figures={**vendor.figures, **{key: total for key in missing}})
        vendors.append(vendor)
    return vendors


def weigh(selection: Selection) -> tuple[Weights, list[NodeResult]]:
    """The weights the results use (direct, or from the AHP nodes) and the AHP nodes, without the
    scores: what may be shown while scoring is still open."""
    nodes = ahp_nodes(selection)
    return _weights(selection, nodes), nodes


def analyse(selection: Selection, runs: int = DEFAULT_RUNS, seed: int = DEFAULT_SEED) -> Analysis:
    """Weights, evaluation, sensitivity and Monte Carlo of a selection."""
    weights, nodes = weigh(selection)
    evaluation = evaluate(selection.tree, weights, _with_figures(selection), selection.scores)
    flips = weight_sensitivity(evaluation)
    probabilities = first_probabilities(evaluation, runs=runs, seed=seed)
    return Analysis(selection, weights, nodes, evaluation, flips, probabilities)
