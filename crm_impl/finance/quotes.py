"""A business case per vendor: the case with a vendor's quotation in place of what vendors sell.

What a CRM vendor sells is its software licences, its consultants' implementation work and the
yearly running fees (licence renewals, maintenance).  Comparing vendors on the same case, those
cost components are replaced by each vendor's quotation; the enterprise's own costs (hardware,
its staff, training, data work, the customisation reserve) and every benefit stay as they are, so
the differences between the vendors' TCO, NPV and ROI are their quotations' differences.
"""

from __future__ import annotations

import dataclasses

from crm_impl.finance.case import BusinessCase, Line

__all__ = ["QUOTED_COMPONENTS", "with_quotation"]

#: The cost components a vendor's quotation stands for.
QUOTED_COMPONENTS: frozenset[str] = frozenset({"software_license", "consulting", "license_renewal",
                                               "system_maintenance"})


def with_quotation(case: BusinessCase, vendor: str, *, licence: float, implementation: float,
                   running_per_year: float) -> BusinessCase:
    """``case`` with the vendor's quotation in place of the quoted components: the licence and the
    implementation in year 0 (construction), the running fees in each year 1..N (usage).

    >>> base = BusinessCase(3, 0.1, lines=(
    ...     Line("LIC", "cost", "construction", "software_license", "Licences", amounts=(500, 0, 0, 0)),
    ...     Line("HW", "cost", "construction", "it_infrastructure", "Servers", amounts=(200, 0, 0, 0)),
    ...     Line("B", "benefit", "cost_reduction", "", "Savings", amounts=(0, 400, 400, 400))))
    >>> quoted = with_quotation(base, "Acme", licence=300, implementation=100, running_per_year=50)
    >>> [(line.id, line.amounts) for line in quoted.lines]  # doctest: +NORMALIZE_WHITESPACE
    [('HW', (200.0, 0.0, 0.0, 0.0)), ('B', (0.0, 400.0, 400.0, 400.0)),
     ('quote:licence', (300.0, 0.0, 0.0, 0.0)), ('quote:implementation', (100.0, 0.0, 0.0, 0.0)),
     ('quote:running', (0.0, 50.0, 50.0, 50.0))]
    """
    years = case.horizon
    kept = tuple(line for line in case.lines if not (line.kind == "cost" and line.component in QUOTED_COMPONENTS))
    source = f"quotation: {vendor}"
    quoted = (
        Line("quote:licence", "cost", "construction", "software_license", f"Licences ({vendor})",
             amounts=(licence,) + (0.0,) * years, source=source),
        Line("quote:implementation", "cost", "construction", "consulting", f"Implementation ({vendor})",
             amounts=(implementation,) + (0.0,) * years, source=source),
        Line("quote:running", "cost", "usage", "license_renewal", f"Running fees ({vendor})",
             amounts=(0.0,) + (running_per_year,) * years, source=source),
    )
    return dataclasses.replace(case, lines=kept + quoted)
