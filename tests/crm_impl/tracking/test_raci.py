"""RACI checks (§3.5 rules) and the CSV export."""

from __future__ import annotations

import csv
import doctest
import io

import pytest

from crm_impl.methodology import get_template, list_templates
from crm_impl.tracking import raci
from crm_impl.formats.csv_tables import raci_csv
from crm_impl.tracking.raci import RaciProblem, validate_raci


def test_valid_matrix_has_no_problems():
    matrix = {
        "D1": {"E_SC": "A", "V_PM": "R", "E_PM": "C", "E_EU": "I"},
        "D2": {"E_PM": "A/R"},
    }
    assert validate_raci(matrix) == []


def plain(problems: list[RaciProblem]) -> list[tuple]:
    """(deliverable, role, English message) of each problem."""
    return [(p.deliverable, p.role, p.message) for p in problems]


def test_problems_speak_the_readers_language():
    (problem,) = validate_raci({"D1": {"E_SC": "A"}})
    assert problem.problem.render("zh_Hans") == "D1：没有角色负责执行（R）；至少需要一个"


def test_no_accountable_names_the_deliverable():
    assert plain(validate_raci({"D1": {"V_PM": "R", "E_PM": "C"}})) == [("D1", None, "D1: no role is accountable (A); exactly one is required")]


def test_two_accountable_names_the_roles():
    assert plain(validate_raci({"D1": {"E_SC": "A", "E_PM": "A/R"}})) == [("D1", None, "D1: 2 roles are accountable (E_SC, E_PM); exactly one is required")]


def test_no_responsible():
    assert plain(validate_raci({"D1": {"E_SC": "A", "E_PM": "C"}})) == [("D1", None, "D1: no role is responsible (R); at least one is required")]


def test_a_slash_r_counts_as_both():
    assert validate_raci({"D1": {"E_PM": "A/R"}}) == []


def test_empty_row_breaks_both_rules():
    assert [p.message for p in validate_raci({"D1": {}})] == [
        "D1: no role is accountable (A); exactly one is required",
        "D1: no role is responsible (R); at least one is required",
    ]


def test_bad_letter():
    problems = validate_raci({"D1": {"E_PM": "A/R", "V_PM": "X"}})
    assert plain(problems) == [("D1", "V_PM", "D1: V_PM has 'X'; use one of R, A, C, I, A/R")]


@pytest.mark.parametrize("letter", ["r", "R/A", "AR", "RA"])
def test_letters_are_exact(letter):
    problems = validate_raci({"D1": {"E_PM": "A/R", "V_PM": letter}})
    assert [p.role for p in problems] == ["V_PM"]


@pytest.mark.parametrize("blank", ["", "–", "-", " "])
def test_blank_cells_are_not_involved(blank):
    assert validate_raci({"D1": {"E_PM": "A/R", "V_PM": blank}}) == []


def test_unknown_role_is_reported_once():
    problems = validate_raci({"D1": {"E_PM": "R", "CEO": "A"}})
    assert plain(problems) == [("D1", "CEO", "D1: unknown role 'CEO'")]


def test_known_roles_can_be_given():
    assert validate_raci({"D1": {"X": "A/R"}}, known_roles=["X"]) == []
    assert validate_raci({"D1": {"E_PM": "A/R"}}, known_roles=["X"])[0].role == "E_PM"


def test_problems_follow_matrix_order():
    problems = validate_raci({"B": {"E_PM": "R"}, "A": {"E_PM": "A"}})
    assert [p.deliverable for p in problems] == ["B", "A"]


@pytest.mark.parametrize("template", [t.id for t in list_templates()])
def test_catalogue_deliverables_are_valid(template):
    matrix = {d.key: d.raci for d in get_template(template).deliverables}
    assert validate_raci(matrix) == []


def test_csv_literal():
    text = raci_csv(
        [("D1", "Plan, baselined"), ("D2", "组织结构图"), ("D3", "Not in matrix")],
        ["E_PM", "V_PM"],
        {"D1": {"E_PM": "A", "V_PM": "R"}, "D2": {"E_PM": "A/R"}},
    )
    assert text == (
        "deliverable,name,E_PM,V_PM\n"
        'D1,"Plan, baselined",A,R\n'
        "D2,组织结构图,A/R,\n"
        "D3,Not in matrix,,\n"
    )


def test_csv_round_trips():
    template = get_template("nine_phase")
    role_ids = ["V_PM", "E_SC", "E_PM"]
    items = [(d.key, d.label("zh")) for d in template.deliverables]
    matrix = {d.key: d.raci for d in template.deliverables}
    rows = list(csv.DictReader(io.StringIO(raci_csv(items, role_ids, matrix))))
    assert len(rows) == len(items)
    first = template.deliverables[0]
    assert rows[0]["deliverable"] == first.key
    assert rows[0]["name"] == first.name_zh
    assert {r: rows[0][r] for r in role_ids} == {r: first.raci.get(r, "") for r in role_ids}


def test_docstring_examples():
    result = doctest.testmod(raci)
    assert result.failed == 0 and result.attempted > 0
