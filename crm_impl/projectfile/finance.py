"""The ``business_case`` section of a project file: its rules (no database code: reading a file
needs none; the rows are in :mod:`crm_impl.projectfile.finance_rows`).

The section is the plain data of a case (:mod:`crm_impl.finance`): ``horizon``, the rates, the
optional assumed ``go_live``, ``drivers[]``, ``lines[]`` and the ``actuals[]`` recorded after
go-live.  The same shape is what the operations edit, so a file, the page and the command line
all read one form of the case.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_impl.errors import ValidationError
from crm_impl.finance import BusinessCase as EngineCase
from crm_impl.finance.tracking import Actual

__all__ = ["SECTION", "SETTINGS", "engine_case", "check_section", "section_actuals", "section_problems"]

SECTION = "business_case"
#: The case-wide settings, as the file and the form name them.
SETTINGS = ("horizon", "discount_rate", "tax_rate", "benefit_risk", "cost_risk")


def engine_case(section: Mapping[str, Any], currency: str = "CNY") -> EngineCase:
    """The engine's case of a section (raises :class:`ValidationError` with the field's path)."""
    return EngineCase.build({**section, "currency": currency})


def section_actuals(section: Mapping[str, Any], horizon: int) -> dict[int, Actual]:
    """The recorded years of a section, checked (each year once, within the horizon)."""
    actuals: dict[int, Actual] = {}
    for i, raw in enumerate(section.get("actuals") or ()):
        year = raw.get("year")
        if isinstance(year, bool) or not isinstance(year, int) or not 0 <= year <= horizon:
            raise ValidationError("the year is 0 to %(horizon)s, got %(value)r", f"actuals[{i}].year",
                                  horizon=horizon, value=year)
        if year in actuals:
            raise ValidationError("year %(year)s is recorded twice", f"actuals[{i}].year", year=year)
        try:
            actuals[year] = Actual(raw.get("benefits", 0), raw.get("costs", 0))
        except ValidationError as error:
            raise ValidationError(error.message, f"actuals[{i}].{error.field}") from None
    return actuals


def check_section(section: Mapping[str, Any], currency: str = "CNY") -> EngineCase:
    """The engine's case of a section whose actuals are checked too."""
    case = engine_case(section, currency)
    section_actuals(section, case.horizon)
    return case


def section_problems(data: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """What is wrong with a file's ``business_case`` (the first problem, with its path)."""
    section = data.get(SECTION)
    if section is None:
        return []
    try:
        check_section(section, data.get("project", {}).get("currency", "CNY"))
    except ValidationError as error:
        path = f"{SECTION}.{error.field}" if error.field else SECTION
        return [(path, error.message)]
    return []
