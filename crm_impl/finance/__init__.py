"""The business-case engine: TCO and ROI over years, NPV/IRR/payback, risk, Monte Carlo.

Pure Python and numpy, dataclasses in and out (no database, no charts).  The methodology's §7:
TCO = construction + usage cost; ROI (seed) = (cost reduction + revenue growth) / TCO beside the
net ROI; payback counted from the end of year 0; NPV with year 0 undiscounted.
"""

from crm_impl.finance.analysis import (
    MONTH, CaseResult, Convention, ScenarioResult, TornadoBar, YearRow, calendar_months, cost_of_delay, evaluate,
    go_live_shift, scenarios, shift_benefits, tornado,
)
from crm_impl.finance.case import (
    BENEFIT_TYPES, COST_COMPONENTS, MAX_HORIZON, MIN_HORIZON, SCENARIOS, BusinessCase, Driver, Line,
)
from crm_impl.finance.metrics import Irr, irr, npv, payback, spreadsheet_npv
from crm_impl.finance.montecarlo import FinanceSimulation, Spread, simulate
from crm_impl.finance.tracking import Actual, Tracking, TrackingRow, track

__all__ = [
    "MONTH", "calendar_months", "go_live_shift", "CaseResult", "Convention", "ScenarioResult", "TornadoBar", "YearRow", "cost_of_delay", "evaluate",
    "scenarios", "shift_benefits", "tornado", "BENEFIT_TYPES", "COST_COMPONENTS", "MAX_HORIZON", "MIN_HORIZON",
    "SCENARIOS", "BusinessCase", "Driver", "Line", "Irr", "irr", "npv", "payback", "spreadsheet_npv",
    "FinanceSimulation", "Spread", "simulate", "Actual", "Tracking", "TrackingRow", "track",
]
