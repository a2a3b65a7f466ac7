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
