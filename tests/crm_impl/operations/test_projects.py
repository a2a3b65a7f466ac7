"""Creating a project from a methodology template gives its whole structure."""

from datetime import date

import pytest

from crm_impl.methodology import get_template
from crm_impl.operations.projects import ProjectDraft, create_project


@pytest.mark.parametrize("template_id", ["nine_phase", "seven_step"])
def test_template_gives_phases_tasks_deliverables_raci_gates_and_risks(db, user, template_id):
    template = get_template(template_id)
    project = create_project(db, user, ProjectDraft("T", "C", date(2026, 1, 5), template_id=template_id))
    db.flush()
    assert [p.key for p in project.phases] == [p.id for p in template.phases]
    assert len(project.tasks) == len(template.tasks)
    assert len(project.dependencies) == sum(len(t.predecessors) for t in template.tasks)
    assert {d.key for d in project.deliverables} == {d.key for d in template.deliverables}
    for deliverable in project.deliverables:
        letters = [a.letter for a in deliverable.raci]
        assert letters.count("A") + letters.count("A/R") == 1
        assert dict((a.role_id, a.letter) for a in deliverable.raci) == dict(template.deliverable(deliverable.key).raci)
    assert {g.gate_id for g in project.gates} == {g.id for g in template.gates}
    task_keys = {t.key for t in project.tasks}
    assert all(g.milestone_task in task_keys for g in project.gates)
    assert len(project.risks) == 12  # the methodology's typical CRM risks
    assert project.template_id == template_id


def test_nine_phase_gates_are_where_the_methodology_puts_them(db, user):
    project = create_project(db, user, ProjectDraft("T", "C", date(2026, 1, 5)))
    db.flush()
    by_phase = {g.phase.key: g.gate_id for g in project.gates}
    assert by_phase == {"P1": "G1", "P2": "G2", "P3": "G3", "P5": "G4", "P6": "G5a", "P7": "G5", "P8": "G6", "P9": "G7"}


def test_project_list_is_paginated_searched_and_costs_two_queries_whatever_its_length(db, user, make_user):
    from sqlalchemy import event

    from crm_impl.operations.projects import projects_of

    other = make_user(email="other@example.com")
    for number in range(30):
        create_project(db, user, ProjectDraft(f"Rollout {number:02d}", "Acme 100%" if number == 7 else "Client",
                                              date(2026, 1, 5), template_id="seven_step"))
    create_project(db, other, ProjectDraft("Not mine", "Client", date(2026, 1, 5), template_id="seven_step"))
    db.flush()
    db.expire_all()
    user.id  # the reader is loaded already when a page asks for the list

    seen: list[str] = []
    engine = db.get_bind()
    listener = lambda *args: seen.append(args[2])  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        first = projects_of(db, user, per_page=24)
        for row in first.rows:  # what the template reads
            (row.project.title, row.project.client_company, row.project.start_date, row.tasks, row.role)
    finally:
        event.remove(engine, "before_cursor_execute", listener)
    assert len(seen) == 2
    assert (first.total, first.pages, first.number, len(first.rows)) == (30, 2, 1, 24)
    assert first.rows[0].project.title == "Rollout 29" and first.rows[0].tasks > 0
    last = projects_of(db, user, page=99)
    assert (last.number, [r.project.title for r in last.rows][-1]) == (2, "Rollout 00")
    # A % in the search is a character, not a wildcard; case does not matter.
    assert [r.project.title for r in projects_of(db, user, search="acme 100%").rows] == ["Rollout 07"]
    assert projects_of(db, user, search="not mine").total == 0
    assert projects_of(db, user, search="_").total == 0
