"""Check a deliverable-level RACI matrix (§3.5).

A matrix maps each deliverable key to ``{role_id: letter}``. The letters are ``R``, ``A``,
``C``, ``I`` and ``A/R`` (accountable and responsible); an empty cell or ``–`` means the
role is not involved and is simply left out of the checks.

>>> validate_raci({"P2.D1": {"E_PM": "A/R", "V_PM": "C"}})
[]
>>> [p.message for p in validate_raci({"P2.D1": {"V_PM": "R"}})]
['P2.D1: no role is accountable (A); exactly one is required']
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from crm_impl import methodology
from crm_impl.i18n import Message, msg
from crm_impl.methodology import NOT_INVOLVED

__all__ = ["LETTERS", "RaciProblem", "validate_raci"]

#: The letters a RACI cell may hold.
LETTERS: tuple[str, ...] = ("R", "A", "C", "I", "A/R")
# Cells that mean "no part in this deliverable"; a blank spreadsheet cell is the common case.
_BLANK = frozenset({"", NOT_INVOLVED, "-"})


@dataclass(frozen=True)
class RaciProblem:
    """One rule a deliverable's RACI breaks; ``role`` is ``None`` for whole-row problems."""

    deliverable: str
    role: str | None
    problem: Message

    @property
    def message(self) -> str:
        """The problem in English (``problem.render(locale)`` for the reader's language)."""
        return str(self.problem)


def validate_raci(
    matrix: Mapping[str, Mapping[str, str]],
    *,
    known_roles: Iterable[str] | None = None,
) -> list[RaciProblem]:
    """Every problem of ``matrix``, deliverable by deliverable in the matrix's order.

    Rules: roles are methodology role ids (``known_roles``, default the catalogue's ten);
    letters are one of :data:`LETTERS`; exactly one role is accountable; at least one is
    responsible. ``A/R`` counts as both A and R. An empty list means the matrix is valid.
    """
    known = frozenset(known_roles) if known_roles is not None else frozenset(r.id for r in methodology.roles())
    problems: list[RaciProblem] = []
    for key, row in matrix.items():
        accountable: list[str] = []
        responsible: list[str] = []
        for role_id, raw in row.items():
            letter = (raw or "").strip()
            if letter in _BLANK:
                continue
            if role_id not in known:
                problems.append(RaciProblem(key, role_id, msg("%(key)s: unknown role %(role)r", key=key, role=role_id)))
            if letter not in LETTERS:
                problems.append(RaciProblem(key, role_id, msg(
                    "%(key)s: %(role)s has %(letter)r; use one of %(choices)s", key=key, role=role_id, letter=letter,
                    choices=", ".join(LETTERS),
                )))
                continue
            # An unknown role still counts here so one mistake is not reported twice.
            if letter in ("A", "A/R"):
                accountable.append(role_id)
            if letter in ("R", "A/R"):
                responsible.append(role_id)
        if not accountable:
            problems.append(
                RaciProblem(key, None, msg("%(key)s: no role is accountable (A); exactly one is required", key=key))
            )
        elif len(accountable) > 1:
            problems.append(
                RaciProblem(key, None, msg(
                    "%(key)s: %(count)s roles are accountable (%(roles)s); exactly one is required",
                    key=key, count=len(accountable), roles=", ".join(accountable),
                ))
            )
        if not responsible:
            problems.append(
                RaciProblem(key, None, msg("%(key)s: no role is responsible (R); at least one is required", key=key))
            )
    return problems
