"""Vendor selection: criteria tree, direct and AHP weights, score sheets, ranking, sensitivity.

An engine: plain dataclasses and numpy in and out, no database (see docs/architecture.md).

- :mod:`~crm_impl.vendors.catalogue` — the methodology's criteria and the CRM-7 areas, bilingual;
- :mod:`~crm_impl.vendors.criteria` — the tree, scales, directions, knock-outs, direct weights;
- :mod:`~crm_impl.vendors.ahp` — pairwise comparisons, eigenvector weights, CR, suggestions,
  stakeholders combined by geometric mean;
- :mod:`~crm_impl.vendors.scoring` — sheets consolidated, figures scored, weighted sum, TOPSIS;
- :mod:`~crm_impl.vendors.sensitivity` — the weight that flips the winner, Monte Carlo;
- :mod:`~crm_impl.vendors.selection` — a whole selection in one shape, evaluated in one call.
"""
