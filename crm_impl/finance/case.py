"""The business case: cost and benefit lines over years, drivers, rates.

Year 0 is the initial investment (the construction of the methodology, §7), years 1..N the years
after go-live.  A line holds either its amounts per year (``amounts``: year 0 .. year N) or a
driver formula giving the full-year amount, multiplied by a ramp-up (``ramp``: the share realised
in each year 0 .. N).  A revenue-growth line is entered as incremental *revenue*; what it
contributes is the incremental gross profit, revenue × ``gross_margin`` (the methodology's
recommended practice, so ROI is not overstated).

>>> case = BusinessCase(horizon=3, discount_rate=0.08, drivers=(Driver("reps", 10),), lines=(
...     Line("C1", "cost", "construction", "software_license", "Licences", amounts=(1000, 0, 0, 0)),
...     Line("B1", "benefit", "cost_reduction", "", "Admin saved", formula="reps * 50"),
... ))
>>> case.values().tolist()
[[1000.0, 0.0, 0.0, 0.0], [0.0, 500.0, 500.0, 500.0]]
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from numbers import Real
from typing import Literal

import numpy as np

from crm_impl.errors import ValidationError
from crm_impl.finance.formula import DRIVER_NAME, FUNCTIONS, check_formula, evaluate_formula
from crm_impl.limits import MAX_AMOUNT as LIMIT_AMOUNT

__all__ = [
    "MIN_HORIZON", "MAX_HORIZON", "MAX_RATE", "MAX_AMOUNT", "MAX_FACTOR", "KINDS", "COST_COMPONENTS",
    "BENEFIT_TYPES", "SCENARIOS", "Driver", "Line", "BusinessCase", "number",
]

#: Shortest and longest horizon (years after year 0).
MIN_HORIZON, MAX_HORIZON = 3, 30
#: Highest discount rate accepted (a fraction: 10 = 1000 %).
MAX_RATE = 10.0
#: Largest amount of one line in one year (the money limit of every input).
MAX_AMOUNT = LIMIT_AMOUNT
#: Largest scenario factor of a line.
MAX_FACTOR = 10.0

KINDS = ("cost", "benefit")
#: Cost components by category (methodology §7.2, plus data migration and licence renewals).
COST_COMPONENTS: dict[str, tuple[str, ...]] = {
    "construction": ("it_infrastructure", "software_license", "database_development", "consulting", "training",
                     "internal_hr", "data_migration", "customization_reserve"),
    "usage": ("system_maintenance", "data_maintenance", "communication", "labor", "license_renewal"),
}
BENEFIT_TYPES = ("cost_reduction", "revenue_growth")
SCENARIOS = ("conservative", "expected", "optimistic")


def number(value: object, field: str, *, low: float | None = None, high: float | None = None,
           low_open: bool = False) -> float:
    """``value`` as a finite float within the bounds, or a :class:`ValidationError` naming ``field``.

    >>> number("12.5", "rate")
    12.5
    >>> number("abc", "lines[0].amounts[1]")
    Traceback (most recent call last):
    ...
    crm_impl.errors.ValidationError: lines[0].amounts[1]: must be a number, got 'abc'
    """
    if isinstance(value, bool):
        raise ValidationError("must be a number, got %(value)r", field, value=value)
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ""))
        except ValueError:
            raise ValidationError("must be a number, got %(value)r", field, value=value) from None
    if not isinstance(value, Real) or not math.isfinite(float(value)):
        raise ValidationError("must be a number, got %(value)r", field, value=value)
    result = float(value)
    if low is not None and (result <= low if low_open else result < low):
        if low_open:
            raise ValidationError("must be greater than %(low)s, got %(value)s", field, low=low, value=result)
        raise ValidationError("must be at least %(low)s, got %(value)s", field, low=low, value=result)
    if high is not None and result > high:
        raise ValidationError("must be at most %(high)s, got %(value)s", field, high=high, value=result)
    return result


@dataclass(frozen=True)
class Driver:
    """A named quantity formulas use (reps, hours saved, hourly cost...)."""

    name: str
    value: float
    description: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not DRIVER_NAME.match(self.name) or self.name in FUNCTIONS:
            raise ValidationError("a driver's name is a letter or _ then letters, digits or _ (at most 40), "
                                  "got %(name)r", "name", name=self.name)
        object.__setattr__(self, "value", number(self.value, "value", low=-MAX_AMOUNT, high=MAX_AMOUNT))


@dataclass(frozen=True)
class Line:
    """One cost or benefit line.

    ``kind`` is ``cost`` or ``benefit``; ``category`` is a cost's ``construction``/``usage`` or a
    benefit's ``cost_reduction``/``revenue_growth``; ``component`` is a cost's sub-category
    (:data:`COST_COMPONENTS`), empty for a benefit.  ``conservative`` and ``optimistic`` are the
    line's scenario factors on its expected amounts (a benefit: conservative ≤ 1 ≤ optimistic; a
    cost: optimistic ≤ 1 ≤ conservative).  ``source`` names where a line came from (a process
    map's savings, a vendor's quote) when another area made it.  ``risk`` is the line's own TEI
    risk adjustment (a benefit reduced by, a cost raised by), in place of the case's when given.
    """

    id: str
    kind: Literal["cost", "benefit"]
    category: str
    component: str
    name: str
    amounts: tuple[float, ...] | None = None
    formula: str | None = None
    ramp: tuple[float, ...] | None = None
    gross_margin: float | None = None
    conservative: float = 1.0
    optimistic: float = 1.0
    source: str = ""
    risk: float | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip() or len(self.id) > 40:
            raise ValidationError("a line needs an id of 1 to 40 characters", "id")
        if self.kind not in KINDS:
            raise ValidationError("must be cost or benefit, got %(value)r", "kind", value=self.kind)
        if self.kind == "cost":
            if self.category not in COST_COMPONENTS:
                raise ValidationError("a cost's category is construction or usage, got %(value)r", "category",
                                      value=self.category)
            if self.component not in COST_COMPONENTS[self.category]:
                raise ValidationError("%(value)r is not a %(category)s component (one of %(choices)s)", "component",
                                      value=self.component, category=self.category,
                                      choices=", ".join(COST_COMPONENTS[self.category]))
            if self.gross_margin is not None:
                raise ValidationError("only a revenue-growth line has a gross margin", "gross_margin")
        else:
            if self.category not in BENEFIT_TYPES:
                raise ValidationError("a benefit's type is cost_reduction or revenue_growth, got %(value)r",
                                      "category", value=self.category)
            object.__setattr__(self, "component", "")
            if self.category == "revenue_growth":
                if self.gross_margin is None:
                    raise ValidationError("a revenue-growth line needs its gross margin (its benefit is "
                                          "incremental revenue × margin)", "gross_margin")
                object.__setattr__(self, "gross_margin", number(self.gross_margin, "gross_margin", low=0, high=1,
                                                                low_open=True))
            elif self.gross_margin is not None:
                raise ValidationError("only a revenue-growth line has a gross margin", "gross_margin")
        if (self.amounts is None) == (self.formula is None or self.formula == ""):
            raise ValidationError("a line has either amounts per year or a formula", "amounts")
        if self.amounts is not None:
            if isinstance(self.amounts, str) or not isinstance(self.amounts, Sequence):
                raise ValidationError("must be a list of amounts per year", "amounts")
            object.__setattr__(self, "amounts", tuple(
                number(a, f"amounts[{y}]", low=0, high=MAX_AMOUNT) for y, a in enumerate(self.amounts)))
            object.__setattr__(self, "formula", None)
            if self.ramp is not None:
                raise ValidationError("a ramp-up applies to a formula line only", "ramp")
        if self.ramp is not None:
            if isinstance(self.ramp, str) or not isinstance(self.ramp, Sequence):
                raise ValidationError("must be a list of shares per year", "ramp")
            object.__setattr__(self, "ramp", tuple(number(s, f"ramp[{y}]", low=0, high=MAX_FACTOR)
                                                   for y, s in enumerate(self.ramp)))
        conservative = number(self.conservative, "conservative", low=0, high=MAX_FACTOR)
        optimistic = number(self.optimistic, "optimistic", low=0, high=MAX_FACTOR)
        if self.kind == "benefit" and not conservative <= 1 <= optimistic:
            raise ValidationError("a benefit's conservative factor is at most 1 and its optimistic factor at "
                                  "least 1, got %(low)s and %(high)s", "conservative", low=conservative, high=optimistic)
        if self.kind == "cost" and not optimistic <= 1 <= conservative:
            raise ValidationError("a cost's conservative factor is at least 1 and its optimistic factor at "
                                  "most 1, got %(low)s and %(high)s", "conservative", low=conservative, high=optimistic)
        object.__setattr__(self, "conservative", conservative)
        object.__setattr__(self, "optimistic", optimistic)
        if self.risk is not None:
            object.__setattr__(self, "risk", number(self.risk, "risk", low=0,
                                                    high=1 if self.kind == "benefit" else MAX_FACTOR))

    def default_ramp(self, horizon: int) -> tuple[float, ...]:
        """Where a formula line's full-year amount falls when no ramp is given: a construction cost
        in year 0, every other line in each year 1..N."""
        if self.kind == "cost" and self.category == "construction":
            return (1.0,) + (0.0,) * horizon
        return (0.0,) + (1.0,) * horizon

    def factor(self, scenario: str) -> float:
        """The line's factor in a scenario (``expected`` is 1)."""
        return {"conservative": self.conservative, "expected": 1.0, "optimistic": self.optimistic}[scenario]


def _known(cls: type, raw: object) -> dict:
    """The entries of ``raw`` that are fields of ``cls`` (a stored line also has its Chinese name,
    KPI and so on, which the arithmetic does not need)."""
    if not isinstance(raw, Mapping):
        raise TypeError(f"expected an object, got {type(raw).__name__}")
    names = {f.name for f in fields(cls)}
    return {key: value for key, value in raw.items() if key in names}


def _prefixed(error: ValidationError, prefix: str) -> ValidationError:
    return ValidationError(error.message, f"{prefix}.{error.field}" if error.field else prefix)


@dataclass(frozen=True)
class BusinessCase:
    """A business case over ``horizon`` years after year 0.

    Rates are fractions (0.08 = 8 %).  ``benefit_risk`` and ``cost_risk`` are the TEI-style risk
    adjustment: every benefit is reduced by ``benefit_risk``, every cost raised by ``cost_risk``
    (a line with its own ``risk`` by that instead).
    ``tax_rate`` (optional) scales the yearly net cash flows by ``1 - tax_rate`` (costs treated as
    deductible in the year they fall, a loss year as saving tax on the company's other profit).
    """

    horizon: int
    discount_rate: float
    lines: tuple[Line, ...] = ()
    drivers: tuple[Driver, ...] = ()
    tax_rate: float = 0.0
    benefit_risk: float = 0.0
    cost_risk: float = 0.0
    currency: str = "CNY"
    _values: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        horizon = self.horizon
        if isinstance(horizon, str):
            try:
                horizon = int(horizon.strip())
            except ValueError:
                raise ValidationError("must be a whole number of years, got %(value)r", "horizon",
                                      value=self.horizon) from None
        if isinstance(horizon, bool) or not isinstance(horizon, Real) or horizon != int(horizon):
            raise ValidationError("must be a whole number of years, got %(value)r", "horizon", value=self.horizon)
        horizon = int(horizon)
        if not MIN_HORIZON <= horizon <= MAX_HORIZON:
            raise ValidationError("the horizon is %(low)s to %(high)s years, got %(value)s", "horizon",
                                  low=MIN_HORIZON, high=MAX_HORIZON, value=horizon)
        object.__setattr__(self, "horizon", horizon)
        rate = number(self.discount_rate, "discount_rate", low=-1, high=MAX_RATE, low_open=True)
        object.__setattr__(self, "discount_rate", rate)
        object.__setattr__(self, "tax_rate", number(self.tax_rate, "tax_rate", low=0, high=0.99))
        object.__setattr__(self, "benefit_risk", number(self.benefit_risk, "benefit_risk", low=0, high=1))
        object.__setattr__(self, "cost_risk", number(self.cost_risk, "cost_risk", low=0, high=MAX_FACTOR))
        object.__setattr__(self, "lines", tuple(self.lines))
        object.__setattr__(self, "drivers", tuple(self.drivers))
        names: set[str] = set()
        for d, driver in enumerate(self.drivers):
            if driver.name in names:
                raise ValidationError("driver %(name)r is named twice", f"drivers[{d}].name", name=driver.name)
            names.add(driver.name)
        ids: set[str] = set()
        for i, line in enumerate(self.lines):
            prefix = f"lines[{i}]"
            if line.id in ids:
                raise ValidationError("line id %(id)r is used twice", f"{prefix}.id", id=line.id)
            ids.add(line.id)
            if line.amounts is not None and len(line.amounts) != horizon + 1:
                raise ValidationError("needs %(count)s amounts (year 0 to year %(horizon)s), got %(got)s",
                                      f"{prefix}.amounts", count=horizon + 1, horizon=horizon, got=len(line.amounts))
            if line.ramp is not None and len(line.ramp) != horizon + 1:
                raise ValidationError("needs %(count)s shares (year 0 to year %(horizon)s), got %(got)s",
                                      f"{prefix}.ramp", count=horizon + 1, horizon=horizon, got=len(line.ramp))
            if line.formula is not None:
                check_formula(line.formula, names, f"{prefix}.formula")
        object.__setattr__(self, "_values", self._compute_values())

    # -------------------------------------------------------------------------------- values

    @property
    def drivers_map(self) -> dict[str, float]:
        """The drivers by name."""
        return {driver.name: driver.value for driver in self.drivers}

    def _compute_values(self) -> np.ndarray:
        years = self.horizon + 1
        values = np.zeros((len(self.lines), years))
        drivers = self.drivers_map
        for i, line in enumerate(self.lines):
            if line.amounts is not None:
                row = np.asarray(line.amounts, dtype=float)
            else:
                full_year = evaluate_formula(line.formula, drivers, f"lines[{i}].formula")
                if full_year < 0:
                    raise ValidationError("the formula gives a negative amount (%(value)s); enter costs and "
                                          "benefits as positive amounts", f"lines[{i}].formula", value=full_year)
                if full_year > MAX_AMOUNT:
                    raise ValidationError("must be at most %(high)s, got %(value)s", f"lines[{i}].formula",
                                          high=MAX_AMOUNT, value=full_year)
                row = full_year * np.asarray(line.ramp or line.default_ramp(self.horizon), dtype=float)
            if line.gross_margin is not None:
                row = row * line.gross_margin
            values[i] = row
        values.setflags(write=False)
        return values

    def values(self) -> np.ndarray:
        """The expected amount of every line in every year (lines × years 0..N), before the risk
        adjustment; a revenue-growth line's gross profit (revenue × margin)."""
        return self._values

    def revenue(self, index: int) -> np.ndarray | None:
        """A revenue-growth line's incremental revenue per year (before the margin)."""
        line = self.lines[index]
        if line.gross_margin is None:
            return None
        return self._values[index] / line.gross_margin

    def line_index(self, line_id: str) -> int:
        for i, line in enumerate(self.lines):
            if line.id == line_id:
                return i
        raise ValidationError("unknown line %(id)r", "lines", id=line_id)

    def mask(self, kind: str, category: str | None = None) -> np.ndarray:
        """Which lines are of ``kind`` (and ``category``)."""
        return np.array([line.kind == kind and (category is None or line.category == category)
                         for line in self.lines], dtype=bool)

    @classmethod
    def build(cls, data: Mapping[str, object]) -> BusinessCase:
        """A case from plain data (a project file's ``business_case`` section, a form), each
        error's field the dotted path of the offending value."""
        lines = []
        for i, raw in enumerate(data.get("lines") or ()):
            try:
                lines.append(Line(**_known(Line, raw)))
            except ValidationError as error:
                raise _prefixed(error, f"lines[{i}]") from None
            except TypeError as error:
                raise ValidationError("not a line: %(reason)s", f"lines[{i}]", reason=str(error)) from None
        drivers = []
        for i, raw in enumerate(data.get("drivers") or ()):
            try:
                drivers.append(Driver(**_known(Driver, raw)))
            except ValidationError as error:
                raise _prefixed(error, f"drivers[{i}]") from None
            except TypeError as error:
                raise ValidationError("not a driver: %(reason)s", f"drivers[{i}]", reason=str(error)) from None
        options = {key: data[key] for key in ("tax_rate", "benefit_risk", "cost_risk", "currency") if key in data
                   and data[key] is not None}
        return cls(horizon=data.get("horizon"), discount_rate=data.get("discount_rate"), lines=tuple(lines),
                   drivers=tuple(drivers), **options)
