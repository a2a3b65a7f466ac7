"""``docs/vendors.md`` quotes the figures the engine computes: if the engine changes them, the page
must change too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crm_impl.vendors.ahp import ahp
from crm_impl.vendors.selection import analyse
from crm_impl.projectfile.vendor_rules import selection_from_document
from tests.conftest import SAMPLES
from tests.crm_impl.vendors.conftest import worked_example
from tests.crm_impl.vendors.test_ahp import HOUSE, WEALTH

DOC = " ".join((Path(__file__).resolve().parents[3] / "docs" / "vendors.md").read_text("utf-8").split())


def _points(change: float) -> str:
    return f"{change * 100:+.2f}".replace("-", "−") + " points"


def test_the_worked_example_s_figures():
    analysis = analyse(worked_example())
    evaluation = analysis.evaluation
    for vendor in evaluation.vendors:
        assert f"**{vendor.total:.3f}** | {vendor.topsis:.3f} |" in DOC, vendor.name
    assert f"leads Salesforce by **{evaluation.margin:.3f}** points of 5 — {evaluation.margin / 3.99:.1%}".replace(
        "%", " %") in DOC
    assert evaluation.topsis_winner == "Salesforce" and "it ranks Salesforce first" in DOC
    for flip in analysis.flips:
        if flip.flip_at_weight is None:
            assert flip.criterion in ("vendor", "consulting")
            continue
        row = (f"| {flip.criterion} | {flip.weight * 100:g} % | {flip.flip_at_weight * 100:.2f} % | "
               f"{_points(flip.change)} | {flip.new_winner} |")
        assert row in DOC
    assert "| vendor, consulting | 15 %, 10 % | — | — | no weight changes the winner" in DOC
    first = analysis.probabilities
    assert f"Yonyou ranks first in {first['Yonyou']:.1%} of the 10,000 runs and Salesforce in " \
           f"{first['Salesforce']:.1%}".replace("%", " %") in DOC


def test_saaty_s_matrices():
    house, wealth = ahp(HOUSE), ahp(WEALTH)
    assert (f"λmax {house.lambda_max:.3f}, CI {house.consistency_index:.3f}, CR {house.consistency_ratio:.3f}"
            in DOC)
    assert (f"λmax {wealth.lambda_max:.3f}, CI {wealth.consistency_index:.3f}, CR {wealth.consistency_ratio:.3f}, "
            f"weights {', '.join(f'{w:.3f}' for w in wealth.weights)}" in DOC)


@pytest.mark.parametrize("name, figures", [
    ("pharma", lambda a: [f"CR {a.consistency_ratio:.3f}", f"first by {a.evaluation.margin:.3f} points"]),
    ("automotive", lambda a: [f"the lead is {a.evaluation.margin:.3f}",
                              f"gives the leader {a.probabilities[a.evaluation.winner]:.1%}".replace("%", " %")]),
])
def test_the_samples_figures(name, figures):
    document = json.loads(next(p for p in SAMPLES if name in p.stem).read_text("utf-8"))
    analysis = analyse(selection_from_document(document))
    for text in figures(analysis):
        assert text in DOC, text
