"""A project's business case: loading and saving it, and everything its page shows.

Every change is checked on the *whole* case before anything is written: the edit is applied to
the case's plain data (the project file's ``business_case`` shape), the engine
(:class:`crm_impl.finance.BusinessCase`) validates it, and only then the rows change.  A bad
value therefore leaves the stored case as it was, and the error names the field.

Benefits start at the go-live.  The go-live milestone is the one of the methodology's go-live gate
(G6 "formal operation" in the cut-over phase P8 of the nine-phase method, SG6 in S6 of the
seven-step method), else the last milestone of that phase.  The case assumes a go-live (its own
``go_live`` date, else the steering baseline's date of that milestone, else the plan's); the
schedule's forecast of that milestone (:func:`crm_impl.operations.planning.forecast_schedule`)
moves the benefits, so a slip moves NPV.  The slip counts in calendar months
(:func:`crm_impl.finance.go_live_shift`): a forecast one calendar month after the assumed date
lowers NPV by exactly the cost of one month's delay the page shows.  The benefit tracking's
re-forecast plans the years not yet recorded at the forecast go-live too.

Hooks for the areas being built beside this one: a vendor's TCO would call :func:`evaluate`
on a copy of the section with the vendor's quote in the licence, consulting and maintenance lines;
a process map's savings become a benefit line whose ``source`` names the map.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_impl.db.locking import check_version
from crm_impl.errors import NotFoundError, ValidationError
from crm_impl.i18n import MessageList
from crm_impl.finance import (
    MONTH, BusinessCase, CaseResult, FinanceSimulation, ScenarioResult, TornadoBar, calendar_months,
    cost_of_delay, evaluate, go_live_shift, scenarios, simulate, tornado,
)
from crm_impl.finance.montecarlo import DEFAULT_RUNS, DEFAULT_SEED
from crm_impl.finance.quotes import with_quotation
from crm_impl.finance.tracking import Actual, Tracking, track
from crm_impl.formats.finance_csv import cash_flow_csv
from crm_impl.models import BusinessCase as CaseRecord
from crm_impl.models import CaseActual, CaseDriver, CaseLine, LineKind, Project
from crm_impl.operations.baselines import steering_baseline
from crm_impl.operations.planning import forecast_schedule, plan_schedule, status_date_of
from crm_impl.schedule.montecarlo import simulate as simulate_schedule
from crm_impl.schedule.plan import Plan, localized_name
from crm_impl.projectfile.finance import SETTINGS, check_section, engine_case, section_actuals
from crm_impl.projectfile.finance_rows import rows_of, section_of

__all__ = [
    "GO_LIVE_GATES", "GO_LIVE_PHASES", "SETTINGS", "LINE_FIELDS", "CaseRows", "GoLive",
    "FinanceReport", "case_rows", "case_section", "engine_case", "create_case", "update_settings", "save_line",
    "delete_line", "save_driver", "delete_driver", "record_actual", "delete_actual", "replace_case",
    "go_live_milestone", "go_live", "go_live_offsets", "finance_report", "cash_flows_csv",
]

#: The gates whose milestone is the go-live (nine-phase G6, seven-step SG6: formal operation).
GO_LIVE_GATES = ("G6", "SG6")
#: The cut-over phases, where the go-live milestone sits when no gate names it.
GO_LIVE_PHASES = ("P8", "S6")
#: A line's fields in the project file (``id`` is the stored ``key``).
LINE_FIELDS = ("id", "kind", "category", "component", "name", "name_zh", "amounts", "formula", "ramp",
               "gross_margin", "conservative", "optimistic", "risk", "source", "kpi")


@dataclass(frozen=True)
class CaseRows:
    """The stored rows of a project's case."""

    case: CaseRecord
    lines: list[CaseLine]
    drivers: list[CaseDriver]
    actuals: list[CaseActual]


def case_rows(session: Session, project: Project) -> CaseRows | None:
    """The project's case, or ``None`` when it has none yet."""
    case = session.scalar(select(CaseRecord).where(CaseRecord.project_id == project.id))
    if case is None:
        return None
    lines = list(session.scalars(select(CaseLine).where(CaseLine.project_id == project.id)
                                 .order_by(CaseLine.position, CaseLine.id)))
    drivers = list(session.scalars(select(CaseDriver).where(CaseDriver.project_id == project.id)
                                   .order_by(CaseDriver.id)))
    actuals = list(session.scalars(select(CaseActual).where(CaseActual.project_id == project.id)
                                   .order_by(CaseActual.year)))
    return CaseRows(case, lines, drivers, actuals)


def _section(rows: CaseRows) -> dict[str, Any]:
    return section_of(rows.case, rows.lines, rows.drivers, rows.actuals)


def case_section(session: Session, project: Project) -> dict[str, Any] | None:
    """The case as plain data: the project file's ``business_case`` section."""
    rows = case_rows(session, project)
    return None if rows is None else _section(rows)


# ------------------------------------------------------------------------------------ writing

def _check(section: Mapping[str, Any], project: Project) -> BusinessCase:
    return check_section(section, project.currency)


def _require(session: Session, project: Project) -> CaseRows:
    rows = case_rows(session, project)
    if rows is None:
        raise NotFoundError("this project has no business case yet")
    return rows


def create_case(session: Session, project: Project, values: Mapping[str, Any]) -> CaseRecord:
    """Start a case with ``values`` (the settings of :func:`update_settings`) and no lines yet;
    refused when the project has one."""
    if case_rows(session, project) is not None:
        raise ValidationError("this project has a business case already", "horizon")
    section = {name: values[name] for name in SETTINGS if values.get(name) is not None}
    case = _check({**section, "lines": [], "drivers": []}, project)
    record = CaseRecord(project_id=project.id, **{name: getattr(case, name) for name in SETTINGS},
                        go_live=values.get("go_live"), notes=str(values.get("notes") or "").strip())
    session.add(record)
    session.flush()
    return record


def _resize(values: list | None, years: int, pad: float | None) -> list | None:
    if values is None:
        return None
    values = list(values)[:years]
    filler = values[-1] if pad is None and values else (pad or 0)
    return values + [filler] * (years - len(values))


def update_settings(session: Session, project: Project, expected_version: int | None,
                    values: Mapping[str, Any]) -> bool:
    """Change the horizon, rates, risk adjustment, assumed go-live or notes.

    A new horizon resizes every line: a construction cost's later years are zero, other lines
    continue at their last year's amount (ramp shares likewise); a shorter horizon drops the
    years beyond it.
    """
    rows = _require(session, project)
    check_version(rows.case, expected_version)
    section = _section(rows)
    for name in SETTINGS:
        if name in values:
            section[name] = values[name]
    case = _check({**section, "lines": [], "actuals": []}, project)  # the settings first: the resize needs them
    years = case.horizon + 1
    for line in section["lines"]:
        pad = 0.0 if line["category"] == "construction" else None
        line["amounts"] = _resize(line.get("amounts"), years, pad)
        if line.get("amounts") is None:
            line.pop("amounts", None)
        if line.get("ramp") is not None:
            line["ramp"] = _resize(line["ramp"], years, pad)
    section["actuals"] = [a for a in section["actuals"] if a["year"] <= case.horizon]
    case = _check(section, project)
    record = rows.case
    changed = False
    updates = {name: getattr(case, name) for name in SETTINGS}
    if "go_live" in values:
        updates["go_live"] = values["go_live"]
    if "notes" in values:
        updates["notes"] = str(values["notes"] or "").strip()
    for name, value in updates.items():
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed = True
    by_key = {line.key: line for line in rows.lines}
    for data in section["lines"]:
        line = by_key[data["id"]]
        if line.amounts is not None and list(line.amounts) != data.get("amounts"):
            line.amounts = data["amounts"]
        if line.ramp is not None and list(line.ramp) != data.get("ramp"):
            line.ramp = data["ramp"]
    kept = {a["year"] for a in section["actuals"]}
    for actual in rows.actuals:
        if actual.year not in kept:
            session.delete(actual)
    return changed


def _next_key(rows: CaseRows, kind: str) -> str:
    prefix = "C" if kind == "cost" else "B"
    used = {line.key for line in rows.lines}
    number = len(rows.lines) + 1
    while f"{prefix}{number:02d}" in used:
        number += 1
    return f"{prefix}{number:02d}"


def _clean_line(data: Mapping[str, Any]) -> dict[str, Any]:
    line = {name: data[name] for name in LINE_FIELDS if name in data}
    for name in ("name", "name_zh", "formula", "source", "kpi", "id"):
        if isinstance(line.get(name), str):
            line[name] = line[name].strip()
    if not line.get("name"):
        raise ValidationError("is required", "name")
    if line.get("formula") and line.get("amounts"):
        raise ValidationError("give the amounts per year or a formula, not both", "formula")
    if line.get("formula"):
        line.pop("amounts", None)
        if not line.get("ramp"):
            line.pop("ramp", None)
    else:
        line.pop("formula", None)
        line.pop("ramp", None)
        if line.get("amounts") is None:
            raise ValidationError("give the amounts per year or a formula", "amounts")
    if line.get("kind") == "benefit":
        line["component"] = ""
    if line.get("risk") in ("", None):
        line.pop("risk", None)
    if line.get("category") != "revenue_growth":
        line.pop("gross_margin", None)
    elif line.get("gross_margin") in (None, ""):
        line["gross_margin"] = None
    return line


def _line_error(error: ValidationError, index: int) -> ValidationError:
    prefix = f"lines[{index}]."
    if error.field and error.field.startswith(prefix):
        return ValidationError(error.message, error.field[len(prefix):])
    return error


def save_line(session: Session, project: Project, data: Mapping[str, Any], *, line_id: int | None = None,
              expected_version: int | None = None) -> CaseLine:
    """Add a line (``line_id`` None) or change one; ``data`` has the project file's line fields.

    Errors name the line's own field (``amounts[2]``, ``formula``).
    """
    rows = _require(session, project)
    section = _section(rows)
    line = None
    if line_id is not None:
        line = next((item for item in rows.lines if item.id == line_id), None)
        if line is None:
            raise NotFoundError("no such line")
        check_version(line, expected_version)
    clean = _clean_line(data)
    clean["id"] = clean.get("id") or (line.key if line is not None else _next_key(rows, clean.get("kind", "")))
    if any(other.key == clean["id"] and other is not line for other in rows.lines):
        raise ValidationError("line id %(id)r is used twice", "id", id=clean["id"])
    index = rows.lines.index(line) if line is not None else len(rows.lines)
    if line is not None:
        section["lines"][index] = clean
    else:
        section["lines"].append(clean)
    try:
        case = _check(section, project)
    except ValidationError as error:
        raise _line_error(error, index) from None
    checked = case.lines[index]
    values = {
        "key": checked.id, "kind": LineKind(checked.kind), "category": checked.category,
        "component": checked.component, "name": checked.name, "name_zh": clean.get("name_zh", ""),
        "amounts": list(checked.amounts) if checked.amounts is not None else None,
        "formula": checked.formula or "", "ramp": list(checked.ramp) if checked.ramp is not None else None,
        "gross_margin": checked.gross_margin, "conservative": checked.conservative,
        "optimistic": checked.optimistic, "risk": checked.risk, "source": clean.get("source", ""),
        "kpi": clean.get("kpi", ""),
    }
    if line is None:
        line = CaseLine(project_id=project.id, position=max((item.position for item in rows.lines), default=-1) + 1,
                        **values)
        session.add(line)
    else:
        for name, value in values.items():
            if getattr(line, name) != value:
                setattr(line, name, value)
    session.flush()
    return line


def delete_line(session: Session, project: Project, line_id: int, expected_version: int | None) -> None:
    rows = _require(session, project)
    line = next((item for item in rows.lines if item.id == line_id), None)
    if line is None:
        raise NotFoundError("no such line")
    check_version(line, expected_version)
    session.delete(line)
    session.flush()


def save_driver(session: Session, project: Project, data: Mapping[str, Any], *, driver_id: int | None = None,
                expected_version: int | None = None) -> CaseDriver:
    """Add or change a driver; refused when a formula would then name a driver that is gone."""
    rows = _require(session, project)
    section = _section(rows)
    driver = None
    if driver_id is not None:
        driver = next((item for item in rows.drivers if item.id == driver_id), None)
        if driver is None:
            raise NotFoundError("no such driver")
        check_version(driver, expected_version)
    entry = {"name": str(data.get("name") or "").strip(), "value": data.get("value"),
             "description": str(data.get("description") or "").strip()}
    index = rows.drivers.index(driver) if driver is not None else len(rows.drivers)
    if driver is not None:
        section["drivers"][index] = entry
    else:
        section["drivers"].append(entry)
    try:
        case = _check(section, project)
    except ValidationError as error:
        prefix = f"drivers[{index}]."
        if error.field and error.field.startswith(prefix):
            raise ValidationError(error.message, error.field[len(prefix):]) from None
        if error.field and error.field.endswith(".formula"):
            raise ValidationError("a formula uses this driver: %(reason)s", "name",
                                  reason=error.reason) from None
        raise
    checked = case.drivers[index]
    if driver is None:
        driver = CaseDriver(project_id=project.id, name=checked.name, value=checked.value,
                            description=entry["description"])
        session.add(driver)
    else:
        driver.name, driver.value, driver.description = checked.name, checked.value, entry["description"]
    session.flush()
    return driver


def delete_driver(session: Session, project: Project, driver_id: int, expected_version: int | None) -> None:
    """Remove a driver no formula uses."""
    rows = _require(session, project)
    driver = next((item for item in rows.drivers if item.id == driver_id), None)
    if driver is None:
        raise NotFoundError("no such driver")
    check_version(driver, expected_version)
    section = _section(rows)
    section["drivers"] = [d for d in section["drivers"] if d["name"] != driver.name]
    try:
        _check(section, project)
    except ValidationError as error:
        raise ValidationError("a formula uses this driver: %(reason)s", "name", reason=error.reason) from None
    session.delete(driver)
    session.flush()


def record_actual(session: Session, project: Project, year: object, benefits: object, costs: object,
                  note: str = "") -> CaseActual:
    """Record (or replace) what year ``year`` actually brought and cost."""
    rows = _require(session, project)
    try:
        number = int(str(year).strip())
    except ValueError:
        raise ValidationError("must be a whole number, got %(value)r", "year", value=year) from None
    if not 0 <= number <= rows.case.horizon:
        raise ValidationError("the year is 0 to %(horizon)s, got %(value)r", "year", horizon=rows.case.horizon,
                              value=number)
    actual = Actual(benefits, costs)
    row = next((a for a in rows.actuals if a.year == number), None)
    if row is None:
        row = CaseActual(project_id=project.id, year=number, benefits=actual.benefits, costs=actual.costs,
                         note=note.strip())
        session.add(row)
    else:
        row.benefits, row.costs, row.note = actual.benefits, actual.costs, note.strip()
    session.flush()
    return row


def delete_actual(session: Session, project: Project, actual_id: int) -> None:
    rows = _require(session, project)
    row = next((a for a in rows.actuals if a.id == actual_id), None)
    if row is None:
        raise NotFoundError("no such record")
    session.delete(row)
    session.flush()


def replace_case(session: Session, project: Project, section: Mapping[str, Any] | None) -> None:
    """Make the stored case exactly ``section`` (a project file's; ``None`` removes the case)."""
    new_rows = rows_of(project, section) if section is not None else []
    rows = case_rows(session, project)
    if rows is not None:
        for row in (*rows.lines, *rows.drivers, *rows.actuals, rows.case):
            session.delete(row)
        session.flush()
    session.add_all(new_rows)
    session.flush()


# ------------------------------------------------------------------------------------ go-live

def go_live_milestone(project: Project) -> str | None:
    """The key of the project's go-live milestone (see the module's rule), or ``None``."""
    for gate in project.gates:
        if gate.gate_id in GO_LIVE_GATES and gate.milestone_task:
            return gate.milestone_task
    candidates = [t for t in project.tasks if t.milestone and t.phase is not None and t.phase.key in GO_LIVE_PHASES]
    return candidates[-1].key if candidates else None


@dataclass(frozen=True)
class GoLive:
    """Where the go-live is against what the case assumes.

    ``assumed_from`` says where the assumed date comes from: ``case`` (the case's own date),
    ``baseline`` (the steering baseline's date of the milestone) or ``plan`` (the current plan's).
    """

    task: str | None
    assumed: date | None
    assumed_from: str | None
    forecast: date | None
    status_date: date

    @property
    def slip_days(self) -> int:
        """Calendar days the forecast lies after the assumed go-live (negative: earlier)."""
        if self.assumed is None or self.forecast is None:
            return 0
        return (self.forecast - self.assumed).days

    @property
    def slip_months(self) -> float:
        """The slip in calendar months (:func:`crm_impl.finance.calendar_months`): a forecast on
        15 November against an assumed 15 October is exactly one month, whatever its days."""
        if self.assumed is None or self.forecast is None:
            return 0.0
        return calendar_months(self.assumed, self.forecast)

    @property
    def shift_years(self) -> float:
        """The slip in years: calendar months × 1/12 (the month the cost of delay counts)."""
        return self.slip_months * MONTH


def go_live(project: Project, record: CaseRecord | None, today: date) -> GoLive:
    """The assumed and forecast go-live of ``project``."""
    status_date = status_date_of(project, today)
    task = go_live_milestone(project)
    if task is None or not project.tasks:
        return GoLive(None, record.go_live if record else None, "case" if record and record.go_live else None,
                      None, status_date)
    forecast_plan = forecast_schedule(project, status_date)
    forecast = forecast_plan.task(task).finish if task in forecast_plan else None
    assumed, source = (record.go_live, "case") if record is not None and record.go_live else (None, None)
    if assumed is None:
        baseline = steering_baseline(project)
        planned = next((t.finish for t in baseline.tasks if t.task_key == task), None) if baseline else None
        if planned is not None:
            assumed, source = planned, "baseline"
        else:
            scheduled = plan_schedule(project)
            if task in scheduled:
                assumed, source = scheduled.task(task).finish, "plan"
    return GoLive(task, assumed, source, forecast, status_date)


def _before(plan: Plan, task: str) -> set[str]:
    """``task`` and every task it depends on, directly or not."""
    predecessors: dict[str, list[str]] = {}
    for link in plan.links:
        predecessors.setdefault(link.succ, []).append(link.pred)
    seen, todo = {task}, [task]
    while todo:
        for pred in predecessors.get(todo.pop(), ()):
            if pred not in seen:
                seen.add(pred)
                todo.append(pred)
    return seen


def go_live_offsets(project: Project, record: CaseRecord | None, today: date, *, runs: int = DEFAULT_RUNS,
                    seed: int = DEFAULT_SEED) -> np.ndarray | None:
    """The go-live distribution of the schedule simulation, as offsets in years from the go-live the
    case assumes (one per run), or ``None`` when there is no go-live milestone.

    The work still to do up to the go-live milestone (the forecast from the status date) is
    simulated from its three-point estimates (:func:`crm_impl.schedule.montecarlo.simulate`);
    each run's finish of that work is its go-live date.
    """
    moment = go_live(project, record, today)
    if moment.task is None or moment.assumed is None:
        return None
    plan = forecast_schedule(project, moment.status_date).plan
    needed = _before(plan, moment.task)
    upstream = dataclasses.replace(plan, tasks=tuple(t for t in plan.tasks if t.id in needed),
                                   links=tuple(k for k in plan.links if k.pred in needed and k.succ in needed))
    result = simulate_schedule(upstream.network, upstream.estimates(), iterations=runs, seed=seed)
    calendar = upstream.calendar
    durations, runs_of = np.unique(result.durations, return_inverse=True)
    # The go-live ends the work before it: a milestone sits at the finish that places it (as the
    # schedule dates it, MS Project's way), a task on its last working day; both are finish_of.
    # Each run's slip counts in calendar months, as the headline's does (GoLive.shift_years).
    shifts = np.array([go_live_shift(moment.assumed, calendar.finish_of(d)) for d in durations], dtype=float)
    return shifts[runs_of]


# ------------------------------------------------------------------------------------ results

@dataclass(frozen=True)
class FinanceReport:
    """Everything the business-case page shows."""

    rows: CaseRows
    section: dict[str, Any]
    case: BusinessCase
    go_live: GoLive
    result: CaseResult            # at the forecast go-live
    planned: CaseResult           # at the assumed go-live
    cost_of_delay: float          # NPV lost by one more month of slip from the forecast
    scenarios: tuple[ScenarioResult, ...]
    tornado: tuple[TornadoBar, ...]
    simulation: FinanceSimulation
    tracking: Tracking
    #: Whether the Monte Carlo drew the go-live from the schedule simulation (else the forecast's).
    go_live_drawn: bool = False


def finance_report(session: Session, project: Project, today: date, *, runs: int = DEFAULT_RUNS,
                   seed: int = DEFAULT_SEED, draw_go_live: bool = False) -> FinanceReport | None:
    """The project's case evaluated at its forecast go-live, with risk, scenarios and tracking.

    With ``draw_go_live`` the Monte Carlo draws each run's go-live from the schedule simulation
    (:func:`go_live_offsets`); otherwise every run uses the forecast's go-live.  The benefit
    tracking sets the actuals beside the plan at the go-live the case assumes, and re-forecasts
    the years not yet recorded at the forecast go-live, like the headline NPV.
    """
    rows = case_rows(session, project)
    if rows is None:
        return None
    section = _section(rows)
    case = engine_case(section, project.currency)
    moment = go_live(project, rows.case, today)
    shift = moment.shift_years
    drawn = go_live_offsets(project, rows.case, today, runs=runs, seed=seed) if draw_go_live else None
    offsets = shift if drawn is None else drawn
    return FinanceReport(
        rows=rows, section=copy.deepcopy(section), case=case, go_live=moment,
        result=evaluate(case, shift_years=shift), planned=evaluate(case),
        cost_of_delay=cost_of_delay(case, shift_years=shift), scenarios=scenarios(case, shift_years=shift),
        tornado=tornado(case, shift_years=shift), simulation=simulate(case, runs=runs, seed=seed, shift_years=offsets),
        tracking=track(case, section_actuals(section, case.horizon), reforecast_shift_years=shift),
        go_live_drawn=drawn is not None,
    )


@dataclass(frozen=True)
class VendorCase:
    """One short-listed vendor's business case (its quotation in the case) beside its ranking."""

    key: str
    name: str
    name_zh: str
    result: CaseResult
    #: The selection's weighted score and rank once scoring is closed (else ``None``).
    score: float | None = None
    rank: int | None = None
    disqualified: bool = False
    #: Why a disqualified vendor is out: the criterion and score, as the vendor pages give it.
    reason: MessageList | None = None

    def label(self, locale: object = None) -> str:
        """The vendor's name in the reader's language."""
        return localized_name(self.name, self.name_zh, locale)


def vendor_cases(session: Session, project: Project, today: date) -> list[VendorCase]:
    """TCO, NPV and ROI per short-listed vendor at the forecast go-live, beside the selection's
    ranking (:func:`crm_impl.finance.quotes.with_quotation`: each vendor's quotation in place of
    licences, implementation and running fees), ranked vendors first in their order, then the
    others as listed.  Empty without a case or without vendors."""
    from crm_impl.operations.vendors import analyse_selection, results_visible, vendor_costs

    rows = case_rows(session, project)
    costs = vendor_costs(project)
    if rows is None or not costs:
        return []
    case = engine_case(_section(rows), project.currency)
    shift = go_live(project, rows.case, today).shift_years
    ranking, reasons = {}, {}
    selection = project.vendor_selection
    if selection is not None and results_visible(selection):
        try:
            analysis = analyse_selection(selection)
            ranking, reasons = {v.key: v for v in analysis.evaluation.vendors}, analysis.reason_messages()
        except ValidationError:
            ranking = {}  # not scored far enough to rank: the money still compares
    out = []
    for cost in costs:
        quoted = with_quotation(case, cost.name, licence=cost.licence, implementation=cost.implementation,
                                running_per_year=cost.running_per_year)
        ranked = ranking.get(cost.key)
        out.append(VendorCase(cost.key, cost.name, cost.name_zh, evaluate(quoted, shift_years=shift),
                              score=ranked.total if ranked else None, rank=ranked.rank if ranked else None,
                              disqualified=bool(ranked and ranked.knockouts), reason=reasons.get(cost.key)))
    return sorted(out, key=lambda case: (case.rank is None, case.rank or 0))


@dataclass(frozen=True)
class ProcessSaving:
    """A redesigned process's yearly saving and the benefit line it feeds (or would feed)."""

    map_id: int
    map_key: str
    name: str
    name_zh: str
    annual_savings: float
    line_key: str
    #: The line's full-year amount, its last year's (``None``: no such line yet, or a formula line).
    line_amount: float | None
    #: Whether the line can take a saving (a cost-reduction benefit, or no line yet).
    fits: bool = True

    @property
    def in_step(self) -> bool:
        """Whether the line holds the map's saving today (maps change after a line was taken)."""
        return self.line_amount is not None and abs(self.line_amount - self.annual_savings) < 0.005


#: Where a benefit line that takes a process map's savings says it came from.
PROCESS_SOURCE = "process map: %s"


def _saving_line(lines: list[CaseLine], record: Any) -> CaseLine | None:
    """The benefit line a process map feeds: the one it names, else the one that took it before."""
    if record.benefit:
        named = next((line for line in lines if line.key == record.benefit), None)
        if named is not None:
            return named
    return next((line for line in lines if line.source == PROCESS_SOURCE % record.key), None)


def _takes_savings(line: CaseLine | None) -> bool:
    """Whether a process saving may go into ``line``: a cost-reduction benefit, or no line yet."""
    return line is None or (line.kind == LineKind.BENEFIT and line.category == "cost_reduction")


def process_savings(session: Session, project: Project) -> list[ProcessSaving]:
    """The to-be maps whose redesign saves money, each with the benefit line that takes it."""
    from crm_impl.models import ProcessMapRecord

    rows = case_rows(session, project)
    lines = rows.lines if rows is not None else []
    maps = session.scalars(select(ProcessMapRecord).where(ProcessMapRecord.project_id == project.id)
                           .order_by(ProcessMapRecord.id)).all()
    out = []
    for record in maps:
        if not record.annual_savings or record.annual_savings <= 0:
            continue
        line = _saving_line(lines, record)
        amount = line.amounts[-1] if line is not None and line.amounts and len(line.amounts) > 1 else None
        out.append(ProcessSaving(record.id, record.key, record.name, record.name_zh, record.annual_savings,
                                 line.key if line is not None else record.benefit, amount, _takes_savings(line)))
    return out


def _ramp_of(rows: CaseRows, line: CaseLine, currency: str) -> list[float] | None:
    """A line's ramp-up as each year's share of its full-year (last year's) amount, from its
    amounts or its formula × ramp; ``None`` when its last year is nothing."""
    case = engine_case(_section(rows), currency)
    row = case.values()[case.line_index(line.key)]
    if row[-1] <= 0:
        return None
    return [float(value) for value in row / row[-1]]


def take_process_saving(session: Session, project: Project, map_id: int) -> CaseLine:
    """Make a redesigned process's yearly saving a cost-reduction benefit line of the case, with
    the map named as its source.

    The map's line (the one it names, else the one that took it before) keeps its ramp-up: the
    saving is its full-year (last year's) amount, and each year realises the share of it the
    line did before (``[0, 175,000, 297,500, 350,000]`` taking 400,000 a year becomes
    ``[0, 200,000, 340,000, 400,000]``); its scenario factors, risk and KPI stay as they were.
    A new line (the map names no existing line) takes the saving in full from year 1 on.
    """
    from crm_impl.models import ProcessMapRecord

    rows = _require(session, project)
    record = session.get(ProcessMapRecord, map_id)
    if record is None or record.project_id != project.id:
        raise NotFoundError("no such process map")
    if not record.annual_savings or record.annual_savings <= 0:
        raise ValidationError("the redesign saves nothing a year (%(value)s): there is no benefit to take",
                              "annual_savings", value=f"{record.annual_savings or 0:,.2f}")
    source = PROCESS_SOURCE % record.key
    line = _saving_line(rows.lines, record)
    if not _takes_savings(line):
        # Taking the saving would turn a cost, or a revenue line with its margin, into a saving.
        raise ValidationError("line %(line)s is not a cost-reduction benefit, and a process saving is one: "
                              "link the map to a cost-reduction line, or to none to add a line of its own",
                              "benefit", line=line.key)
    saving = round(record.annual_savings, 2)
    ramp = _ramp_of(rows, line, project.currency) if line is not None else None
    if ramp is None:
        ramp = [0.0] + [1.0] * rows.case.horizon
    data: dict[str, Any] = {
        "kind": "benefit", "category": "cost_reduction", "amounts": [round(saving * share, 2) for share in ramp],
        "source": source,
    }
    if line is None:
        data.update(id=record.benefit or None, name=f"Process redesign: {record.name}"[:300],
                    name_zh=f"流程优化：{record.name_zh or record.name}"[:300])
        return save_line(session, project, data)
    data.update(id=line.key, name=line.name, name_zh=line.name_zh, conservative=line.conservative,
                optimistic=line.optimistic, risk=line.risk, kpi=line.kpi)
    return save_line(session, project, data, line_id=line.id, expected_version=line.version)


def cash_flows_csv(session: Session, project: Project, today: date, locale: str = "en") -> str | None:
    """The cash-flow table at the forecast go-live as CSV, with the NPV convention in ``locale``."""
    rows = case_rows(session, project)
    if rows is None:
        return None
    case = engine_case(_section(rows), project.currency)
    result = evaluate(case, shift_years=go_live(project, rows.case, today).shift_years)
    return cash_flow_csv(result, result.convention.message().render(locale))
