"""The project's RACI matrix of methodology roles × deliverables: read, check, save."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm.attributes import flag_modified

from crm_impl.errors import StaleEditError, ValidationError
from crm_impl.i18n import MessageList
from crm_impl.methodology import roles
from crm_impl.models import Project, RaciAssignment
from crm_impl.formats.csv_tables import raci_csv
from crm_impl.tracking.raci import RaciProblem, validate_raci

__all__ = ["role_columns", "raci_matrix", "raci_problems", "save_raci", "project_raci_csv"]

Matrix = dict[str, dict[str, str]]


def role_columns() -> list[str]:
    """Vendor roles first, then the enterprise side, as in the methodology's table."""
    return [r.id for r in roles()]


def raci_matrix(project: Project) -> Matrix:
    return {d.key: {a.role_id: a.letter for a in d.raci} for d in project.deliverables}


def raci_problems(matrix: Mapping[str, Mapping[str, str]]) -> list[RaciProblem]:
    return validate_raci(matrix)


def save_raci(project: Project, matrix: Mapping[str, Mapping[str, str]], versions: Mapping[str, int]) -> Matrix:
    """Replace the grid; refused whole when a row is invalid or was changed meanwhile.

    ``versions`` holds the version of each deliverable the editor saw. Returns the matrix saved.
    """
    by_key = {d.key: d for d in project.deliverables}
    unknown = set(matrix) - set(by_key)
    if unknown:
        raise ValidationError("unknown deliverable(s): %(unknown)s", field="raci", unknown=', '.join(sorted(unknown)))
    cleaned = {key: {role: letter for role, letter in row.items() if letter} for key, row in matrix.items()}
    problems = validate_raci(cleaned)
    if problems:
        raise ValidationError(MessageList(tuple(p.problem for p in problems)), field="raci")
    for key, row in cleaned.items():
        deliverable = by_key[key]
        if versions.get(key) != deliverable.version:
            raise StaleEditError(
                "someone else changed the RACI of %(key)s since you opened the grid; nothing was saved. Reload to see the current grid.", key=key
            )
        if {a.role_id: a.letter for a in deliverable.raci} == row:
            continue
        current = {a.role_id: a for a in deliverable.raci}
        for role, assignment in current.items():
            if role not in row:
                deliverable.raci.remove(assignment)
        for role, letter in row.items():
            if role in current:
                current[role].letter = letter
            else:
                deliverable.raci.append(RaciAssignment(role_id=role, letter=letter))
        # The grid row belongs to the deliverable: its version moves with every RACI change.
        flag_modified(deliverable, "owner_role")
    return cleaned


def project_raci_csv(project: Project) -> str:
    return raci_csv([(d.key, d.name) for d in project.deliverables], role_columns(), raci_matrix(project))
