"""The steering-committee status: red/amber/green per area from measured facts.

Every limit is data in :class:`RagThresholds`; :func:`describe_thresholds` prints them for a
legend. Limits are inclusive on the better side: with the default schedule limits a slip of
exactly 5 working days is green and 6 is amber. An area whose facts are missing is ``grey``.

Default limits and why:

========  =====================================================  ==========  ===========
area      measure                                                green       amber
========  =====================================================  ==========  ===========
schedule  forecast finish − baseline finish, working days        ≤ 5         ≤ 15
cost      EAC over BAC ((EAC − BAC) / BAC)                       ≤ 5%        ≤ 10%
cost      else CPI                                               ≥ 0.95      ≥ 0.90
scope     approved change cost / change reserve                  ≤ 50%       ≤ 100%
scope     else open change requests                              ≤ 3         ≤ 8
risk      open risks with probability × impact ≥ 15              0           ≤ 2
people    unstaffed methodology roles + overdue deliverables     0           ≤ 2
kpi       share of measured KPIs meeting their target            ≥ 90%       ≥ 70%
========  =====================================================  ==========  ===========

A week of slip (5 working days) is absorbed by float in a typical plan; three weeks is
not. The 5%/10% cost bands are the usual earned-value tolerance bands. The change reserve is
the 20% customisation reserve of §2.2; once it is used up, changes go to the board (§8.3).
The high-risk score 15 is the red zone of the risk heat map.

>>> report = assess_status(StatusFacts(schedule_slip_days=6, open_risk_scores=(4, 20)))
>>> report.overall, [(a.area, a.rag) for a in report.areas if a.rag != "grey"]
('amber', [('schedule', 'amber'), ('risk', 'amber')])
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Literal

from crm_impl.errors import ValidationError
from crm_impl.i18n import labels

__all__ = [
    "Rag",
    "AREAS",
    "RagThresholds",
    "StatusFacts",
    "AreaStatus",
    "StatusReport",
    "assess_status",
    "describe_thresholds",
    "area_label",
    "rag_label",
]

Rag = Literal["green", "amber", "red", "grey"]
#: The areas of the status report, in display order.
AREAS: tuple[str, ...] = ("schedule", "cost", "scope", "risk", "people", "kpi")

# Facts are often ratios of floats (105 / 100 - 1 = 0.05000000000000004); a value this close
# to a limit counts as on it, so the documented edges hold.
_EPS = 1e-9

def _text(locale: str | None) -> dict[str, str]:
    """The status words (``rag_*`` entries of the label table), keyed without the prefix."""
    return {key.removeprefix("rag_"): text for key, text in labels(locale).items() if key.startswith("rag_")}


def area_label(area: str, locale: str | None = "en") -> str:
    """The area's name: ``area_label("risk", "zh_CN") == "风险"``."""
    return _text(locale)[area]


def rag_label(rag: str, locale: str | None = "en") -> str:
    """The colour's name: ``rag_label("amber", "zh") == "黄"``."""
    return _text(locale)[rag]


@dataclass(frozen=True, kw_only=True)
class RagThresholds:
    """The limits of each area; ``*_green`` and ``*_amber`` are inclusive (see module doc)."""

    schedule_green_days: float = 5
    schedule_amber_days: float = 15
    cost_green_overrun: float = 0.05
    cost_amber_overrun: float = 0.10
    cpi_green: float = 0.95
    cpi_amber: float = 0.90
    reserve_green_share: float = 0.5
    reserve_amber_share: float = 1.0
    open_changes_green: int = 3
    open_changes_amber: int = 8
    high_risk_score: int = 15
    high_risks_green: int = 0
    high_risks_amber: int = 2
    people_green: int = 0
    people_amber: int = 2
    kpi_green_share: float = 0.9
    kpi_amber_share: float = 0.7

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise ValidationError("not a finite number: %(value)r", item.name, value=value)
        # Higher-is-better measures need green ≥ amber, the others green ≤ amber.
        for green, amber, higher in (
            ("schedule_green_days", "schedule_amber_days", False),
            ("cost_green_overrun", "cost_amber_overrun", False),
            ("cpi_green", "cpi_amber", True),
            ("reserve_green_share", "reserve_amber_share", False),
            ("open_changes_green", "open_changes_amber", False),
            ("high_risks_green", "high_risks_amber", False),
            ("people_green", "people_amber", False),
            ("kpi_green_share", "kpi_amber_share", True),
        ):
            g, a = getattr(self, green), getattr(self, amber)
            if (g < a) if higher else (g > a):
                sign = "≥" if higher else "≤"
                raise ValidationError("the green limit must be %(sign)s the amber limit %(a)g", green, sign=sign, a=a)


@dataclass(frozen=True, kw_only=True)
class StatusFacts:
    """What is known about the project; ``None`` leaves an area grey.

    Ratios are fractions; ``schedule_slip_days`` is negative when ahead of the baseline.
    """

    schedule_slip_days: float | None = None
    bac: float | None = None
    eac: float | None = None
    cpi: float | None = None
    change_reserve: float | None = None
    approved_change_cost: float | None = None
    open_change_requests: int | None = None
    open_risk_scores: Sequence[int] | None = None
    unstaffed_roles: int | None = None
    overdue_deliverables: int | None = None
    kpis_met: int | None = None
    kpis_measured: int | None = None


@dataclass(frozen=True)
class AreaStatus:
    """One area's colour, the value it came from, and the limits that applied."""

    area: str
    rag: Rag
    value: float | None
    threshold_text: str
    label: str = ""
    value_text: str = ""


@dataclass(frozen=True)
class StatusReport:
    """The worst colour of the known areas, and every area in :data:`AREAS` order."""

    overall: Rag
    areas: tuple[AreaStatus, ...]

    def area(self, name: str) -> AreaStatus:
        """The status of area ``name``; ``KeyError`` if there is none."""
        for item in self.areas:
            if item.area == name:
                return item
        raise KeyError(name)


# ------------------------------------------------------------------------------ grading


def _upper(value: float, green: float, amber: float) -> Rag:
    """Colour of a lower-is-better value."""
    if value <= green + _EPS:
        return "green"
    return "amber" if value <= amber + _EPS else "red"


def _lower(value: float, green: float, amber: float) -> Rag:
    """Colour of a higher-is-better value."""
    if value >= green - _EPS:
        return "green"
    return "amber" if value >= amber - _EPS else "red"


def _fmt(value: float, percent: bool = False) -> str:
    if math.isinf(value):
        return "∞"
    # Measured values are shown as people read them: shares at one decimal, ratios at two.
    return f"{round(value * 100, 1):g}%" if percent else f"{round(value, 2):g}"


def _bands(t: dict[str, str], green: float, amber: float, higher: bool, percent: bool = False) -> str:
    good, bad = ("≥", "<") if higher else ("≤", ">")
    g, a = _fmt(green, percent), _fmt(amber, percent)
    return t["bands"] % {"green": f"{t['green']} {good} {g}", "amber": f"{t['amber']} {good} {a}",
                         "red": f"{t['red']} {bad} {a}"}


def _rule(t: dict[str, str], measure: str, bands: str) -> str:
    return t["rule"] % {"measure": measure, "bands": bands}


def _number(value: float | None, name: str, *, minimum: float | None = None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValidationError("not a finite number: %(value)r", name, value=value)
    if minimum is not None and value < minimum:
        raise ValidationError("must be ≥ %(minimum)g, got %(value)g", name, minimum=minimum, value=value)
    return float(value)


# ----------------------------------------------------------------------------- the areas

_Grade = tuple[Rag, float | None, str, str]  # colour, value, threshold text, value text


def _schedule(f: StatusFacts, th: RagThresholds, t: dict[str, str]) -> _Grade:
    text = _rule(t, t["days"], _bands(t, th.schedule_green_days, th.schedule_amber_days, False))
    slip = _number(f.schedule_slip_days, "schedule_slip_days")
    if slip is None:
        return "grey", None, text, ""
    return _upper(slip, th.schedule_green_days, th.schedule_amber_days), slip, text, _fmt(slip)


def _cost(f: StatusFacts, th: RagThresholds, t: dict[str, str]) -> _Grade:
    overrun_text = _rule(t, t["overrun"], _bands(t, th.cost_green_overrun, th.cost_amber_overrun, False, True))
    cpi_text = _rule(t, t["cpi"], _bands(t, th.cpi_green, th.cpi_amber, True))
    bac = _number(f.bac, "bac", minimum=0)
    eac = _number(f.eac, "eac", minimum=0)
    if bac is not None and eac is not None:
        if bac == 0:
            raise ValidationError("the budget at completion must be > 0", "bac")
        overrun = (eac - bac) / bac
        rag = _upper(overrun, th.cost_green_overrun, th.cost_amber_overrun)
        return rag, overrun, overrun_text, _fmt(overrun, True)
    cpi = _number(f.cpi, "cpi", minimum=0)
    if cpi is not None:
        return _lower(cpi, th.cpi_green, th.cpi_amber), cpi, cpi_text, f"{cpi:.2f}"
    return "grey", None, t["or"] % {"first": overrun_text, "second": cpi_text}, ""


def _scope(f: StatusFacts, th: RagThresholds, t: dict[str, str]) -> _Grade:
    reserve_text = _rule(t, t["reserve"], _bands(t, th.reserve_green_share, th.reserve_amber_share, False, True))
    count_text = _rule(t, t["changes"], _bands(t, th.open_changes_green, th.open_changes_amber, False))
    reserve = _number(f.change_reserve, "change_reserve", minimum=0)
    used = _number(f.approved_change_cost, "approved_change_cost", minimum=0)
    if reserve is not None and used is not None:
        # No reserve at all: any approved change already overdraws it.
        share = used / reserve if reserve else (0.0 if used == 0 else math.inf)
        rag = _upper(share, th.reserve_green_share, th.reserve_amber_share)
        return rag, share, reserve_text, _fmt(share, True)
    count = _number(f.open_change_requests, "open_change_requests", minimum=0)
    if count is not None:
        rag = _upper(count, th.open_changes_green, th.open_changes_amber)
        return rag, count, count_text, _fmt(count)
    return "grey", None, t["or"] % {"first": reserve_text, "second": count_text}, ""


def _risk(f: StatusFacts, th: RagThresholds, t: dict[str, str]) -> _Grade:
    measure = t["risks"] % {"score": th.high_risk_score}
    text = _rule(t, measure, _bands(t, th.high_risks_green, th.high_risks_amber, False))
    if f.open_risk_scores is None:
        return "grey", None, text, ""
    for index, score in enumerate(f.open_risk_scores):
        _number(score, f"open_risk_scores[{index}]", minimum=1)
    high = float(sum(1 for score in f.open_risk_scores if score >= th.high_risk_score))
    return _upper(high, th.high_risks_green, th.high_risks_amber), high, text, _fmt(high)


def _people(f: StatusFacts, th: RagThresholds, t: dict[str, str]) -> _Grade:
    text = _rule(t, t["gaps"], _bands(t, th.people_green, th.people_amber, False))
    roles = _number(f.unstaffed_roles, "unstaffed_roles", minimum=0)
    overdue = _number(f.overdue_deliverables, "overdue_deliverables", minimum=0)
    if roles is None and overdue is None:
        return "grey", None, text, ""
    # Either count alone is still a fact; the unknown one adds nothing.
    gaps = (roles or 0.0) + (overdue or 0.0)
    value_text = t["gaps_value"] % {
        "roles": _fmt(roles) if roles is not None else "?", "overdue": _fmt(overdue) if overdue is not None else "?"
    }
    return _upper(gaps, th.people_green, th.people_amber), gaps, text, value_text


def _kpi(f: StatusFacts, th: RagThresholds, t: dict[str, str]) -> _Grade:
    text = _rule(t, t["kpis"], _bands(t, th.kpi_green_share, th.kpi_amber_share, True, True))
    met = _number(f.kpis_met, "kpis_met", minimum=0)
    measured = _number(f.kpis_measured, "kpis_measured", minimum=0)
    if met is None or not measured:
        return "grey", None, text, ""
    if met > measured:
        raise ValidationError("%(met)g KPIs met but only %(measured)g measured", "kpis_met", met=met, measured=measured)
    share = met / measured
    value_text = f"{_fmt(share, True)} ({t['kpis_value'] % {'met': _fmt(met), 'measured': _fmt(measured)}})"
    return _lower(share, th.kpi_green_share, th.kpi_amber_share), share, text, value_text


_AREA_RULES = {
    "schedule": _schedule,
    "cost": _cost,
    "scope": _scope,
    "risk": _risk,
    "people": _people,
    "kpi": _kpi,
}


def assess_status(
    facts: StatusFacts,
    thresholds: RagThresholds | None = None,
    *,
    locale: str | None = "en",
) -> StatusReport:
    """Colour every area of :data:`AREAS` and the project overall.

    The overall colour is the worst known area: red if any is red, else amber if any is amber,
    else green; grey only when every area is grey.
    """
    th = thresholds or RagThresholds()
    t = _text(locale)
    areas = []
    for area in AREAS:
        rag, value, text, value_text = _AREA_RULES[area](facts, th, t)
        areas.append(AreaStatus(area, rag, value, text, t[area], value_text))
    colours = {item.rag for item in areas}
    overall: Rag = next((c for c in ("red", "amber", "green") if c in colours), "grey")  # type: ignore[assignment]
    return StatusReport(overall, tuple(areas))


def describe_thresholds(
    thresholds: RagThresholds | None = None, locale: str | None = "en"
) -> list[tuple[str, str, str]]:
    """``(area, label, limits)`` per area, for a legend beside the status table.

    >>> describe_thresholds()[0]
    ('schedule', 'Schedule', 'working days of slip: green ≤ 5, amber ≤ 15, red > 15')
    """
    th = thresholds or RagThresholds()
    t = _text(locale)
    # The rules describe both measures of an area when no facts are given.
    return [(area, t[area], _AREA_RULES[area](StatusFacts(), th, t)[2]) for area in AREAS]
