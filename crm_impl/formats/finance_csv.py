"""The business case's cash-flow table as CSV for spreadsheets, with its NPV convention.

Pure: the CLI prints and the web sends what :func:`cash_flow_csv` returns.  The last rows say
how NPV was computed and give the spreadsheet formula that reproduces it, so a reader who checks
the figure with ``=NPV()`` gets the same number.
"""

from __future__ import annotations

import csv
import io

from crm_impl.finance import CaseResult
from crm_impl.formats.csv_tables import text_cell

__all__ = ["CASH_FLOW_HEADER", "cash_flow_csv"]

CASH_FLOW_HEADER: tuple[str, ...] = (
    "year", "construction", "usage", "costs", "cost_reduction", "revenue_growth", "benefits", "net", "cumulative",
    "discount_factor", "present_value", "cumulative_present_value",
)


def _amount(value: float) -> str:
    return f"{value:.2f}"


def cash_flow_csv(result: CaseResult, convention: str) -> str:
    """One row per year 0..N, then the NPV and the convention (``convention``: its text in the
    reader's language).

    >>> from crm_impl.finance import BusinessCase, Line, evaluate
    >>> case = BusinessCase(horizon=3, discount_rate=0.1, lines=(
    ...     Line("C", "cost", "construction", "consulting", "C", amounts=(1000, 0, 0, 0)),
    ...     Line("B", "benefit", "cost_reduction", "", "B", amounts=(0, 500, 500, 500))))
    >>> print(cash_flow_csv(evaluate(case), "year 0 not discounted").splitlines()[1])
    0,1000.00,0.00,1000.00,0.00,0.00,0.00,-1000.00,-1000.00,1.000000,-1000.00,-1000.00
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CASH_FLOW_HEADER)
    for row in result.years:
        writer.writerow((row.year, _amount(row.construction), _amount(row.usage), _amount(row.costs),
                         _amount(row.cost_reduction), _amount(row.revenue_growth), _amount(row.benefits),
                         _amount(row.net), _amount(row.cumulative), f"{row.discount_factor:.6f}",
                         _amount(row.present_value), _amount(row.cumulative_pv)))
    writer.writerow(())
    writer.writerow(("npv", _amount(result.npv)))
    writer.writerow(("discount_rate", f"{result.discount_rate:g}"))
    writer.writerow(("convention", text_cell(convention)))
    return out.getvalue()
