"""Driver formulas: arithmetic over named drivers, evaluated by ``simpleeval`` (never ``eval``).

A benefit such as "reps × hours saved × hourly cost" is written ``reps * hours_saved * hourly_cost``
over drivers the case names (``reps = 450``...).  The language is arithmetic only: numbers, driver
names, ``+ - * / // % **``, parentheses and the functions ``min``, ``max``, ``abs``, ``round``.
Anything else (strings, attribute access, comparisons, calls of other names) is refused before
evaluation, and a name that is not a driver is named in the error.

>>> evaluate_formula("reps * hours * cost", {"reps": 450, "hours": 40, "cost": 120})
2160000.0
>>> formula_names("min(a, b) * 2")
('a', 'b')
>>> evaluate_formula("reps * x", {"reps": 2})
Traceback (most recent call last):
...
crm_impl.errors.ValidationError: formula: unknown driver 'x'
"""

from __future__ import annotations

import ast
import math
import operator
import re
from collections.abc import Mapping

from simpleeval import SimpleEval

from crm_impl.errors import ValidationError

__all__ = ["FUNCTIONS", "MAX_FORMULA_LENGTH", "DRIVER_NAME", "check_formula", "formula_names", "evaluate_formula"]

#: The functions a formula may call.
FUNCTIONS = {"min": min, "max": max, "abs": abs, "round": round}
#: Longest formula accepted (characters).
MAX_FORMULA_LENGTH = 500
#: A driver's name: a letter or underscore, then letters, digits or underscores (at most 40).
DRIVER_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,39}$")

#: The largest number a formula may write (larger ones come from drivers).
MAX_LITERAL = 1e15


def _power(base: float, exponent: float) -> float:
    # In floats: an overflow is an error at once, never a million-digit integer.
    return float(base) ** float(exponent)


_OPERATORS = {
    ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
    ast.FloorDiv: operator.floordiv, ast.Mod: operator.mod, ast.Pow: _power,
    ast.USub: operator.neg, ast.UAdd: operator.pos,
}
_ALLOWED_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Constant, ast.Name, ast.Load, ast.Call,
                  *_OPERATORS)


def _parse(formula: object, field: str) -> ast.Expression:
    if not isinstance(formula, str) or not formula.strip():
        raise ValidationError("a formula is required", field)
    if len(formula) > MAX_FORMULA_LENGTH:
        raise ValidationError("a formula may have at most %(limit)s characters", field, limit=MAX_FORMULA_LENGTH)
    try:
        tree = ast.parse(formula.strip(), mode="eval")
    except SyntaxError:
        raise ValidationError("the formula %(formula)r is not valid arithmetic", field, formula=formula) from None
    for node in ast.walk(tree):
        if not isinstance(node, _ALLOWED_NODES):
            raise ValidationError("the formula %(formula)r may hold numbers, driver names, + - * / ** "
                                  "and min, max, abs, round only", field, formula=formula)
        if isinstance(node, ast.Constant) and (isinstance(node.value, bool) or
                                               not isinstance(node.value, int | float)):
            raise ValidationError("the formula %(formula)r may hold numbers, driver names, + - * / ** "
                                  "and min, max, abs, round only", field, formula=formula)
        if isinstance(node, ast.Constant) and abs(node.value) > MAX_LITERAL:
            raise ValidationError("a number in a formula may be at most %(limit)s", field, limit=f"{MAX_LITERAL:g}")
        if isinstance(node, ast.Call) and (not isinstance(node.func, ast.Name) or node.func.id not in FUNCTIONS
                                           or node.keywords):
            raise ValidationError("the formula %(formula)r may hold numbers, driver names, + - * / ** "
                                  "and min, max, abs, round only", field, formula=formula)
    return tree


def formula_names(formula: str, field: str = "formula") -> tuple[str, ...]:
    """The driver names a formula uses, sorted (function names excluded)."""
    tree = _parse(formula, field)
    calls = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    return tuple(sorted({node.id for node in ast.walk(tree) if isinstance(node, ast.Name) and id(node) not in calls}))


def check_formula(formula: str, drivers: Mapping[str, float] | set[str], field: str = "formula") -> None:
    """Refuse a formula that is not arithmetic or names a driver that does not exist."""
    for name in formula_names(formula, field):
        if name not in drivers:
            raise ValidationError("unknown driver %(name)r", field, name=name)


def evaluate_formula(formula: str, drivers: Mapping[str, float], field: str = "formula") -> float:
    """The value of ``formula`` with ``drivers`` filled in (a finite number)."""
    check_formula(formula, drivers, field)
    evaluator = SimpleEval(operators=dict(_OPERATORS), functions=dict(FUNCTIONS),
                           names={name: float(value) for name, value in drivers.items()})
    try:
        value = evaluator.eval(formula.strip())
    except ZeroDivisionError:
        raise ValidationError("the formula %(formula)r divides by zero", field, formula=formula) from None
    except (ArithmeticError, ValueError, TypeError) as error:
        raise ValidationError("the formula %(formula)r cannot be computed: %(reason)s", field,
                              formula=formula, reason=str(error)) from None
    except Exception as error:  # simpleeval's own refusals (e.g. a power too large)
        raise ValidationError("the formula %(formula)r cannot be computed: %(reason)s", field,
                              formula=formula, reason=str(error)) from None
    try:
        number = float(value) if isinstance(value, int | float) and not isinstance(value, bool) else math.nan
    except OverflowError:  # an integer product beyond any float
        number = math.inf
    if not math.isfinite(number):
        raise ValidationError("the formula %(formula)r does not give a finite number", field, formula=formula)
    return number
