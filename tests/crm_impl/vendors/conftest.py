"""The methodology's worked example (section 6.5) as a selection: seven criteria, one per group."""

from __future__ import annotations

import pytest

from crm_impl.vendors.criteria import CriteriaTree, Criterion, Group
from crm_impl.vendors.scoring import Score, Vendor
from crm_impl.vendors.selection import Selection

GROUP_WEIGHTS = {"functions": 0.30, "technology": 0.20, "vendor": 0.15, "consulting": 0.10, "difficulty": 0.08,
                 "time": 0.07, "cost": 0.10}
TABLE = {
    "Salesforce": [4.65, 4.5, 4.0, 3.5, 3.0, 3.5, 2.0],
    "Yonyou": [4.00, 4.2, 4.2, 4.0, 3.8, 3.8, 3.5],
    "Kingdee": [3.50, 3.6, 3.8, 3.5, 4.2, 4.2, 4.5],
}
TOTALS = {"Salesforce": 3.930, "Yonyou": 3.990, "Kingdee": 3.770}


def worked_example_tree() -> CriteriaTree:
    return CriteriaTree(tuple(Group(k, k.title(), weight=w) for k, w in GROUP_WEIGHTS.items()),
                        tuple(Criterion(k, k.title(), k) for k in GROUP_WEIGHTS))


def worked_example(**changes) -> Selection:
    scores = tuple(Score("panel", v, c, s) for v, row in TABLE.items() for c, s in zip(GROUP_WEIGHTS, row))
    return Selection(worked_example_tree(), tuple(Vendor(v, v) for v in TABLE), scores, **changes)


@pytest.fixture
def example() -> Selection:
    return worked_example()
