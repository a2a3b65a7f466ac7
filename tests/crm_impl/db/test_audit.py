"""The audit trail records every change to a project with who made it."""

from datetime import date

from crm_impl.models import AuditEvent
from crm_impl.operations.projects import ProjectDraft, create_project
from crm_impl.operations.plan import TaskDraft, update_task
from crm_impl.operations.team import TeamMemberDraft, add_team_member, remove_team_member


def _events(project):
    return [(e.actor, e.entity, e.entity_key, e.action) for e in project.audit_events]


def test_changes_are_recorded_with_actor_and_before_after(db, user):
    db.info["actor"] = "lin@example.com"
    project = create_project(db, user, ProjectDraft("Audit me", "Acme", date(2026, 1, 5)))
    db.commit()
    assert _events(project) == [("lin@example.com", "Project", "Audit me", "create")]

    task = project.tasks[0]
    update_task(project, task, task.version, TaskDraft(key=task.key, phase_key=task.phase.key, name="Renamed",
                                                       duration=task.duration + 2))
    member = add_team_member(db, project, TeamMemberDraft(name="Wang Fang", role_id="V_BC"))
    db.commit()
    remove_team_member(db, member)
    db.commit()
    db.expire_all()
    events = project.audit_events
    update = next(e for e in events if e.entity == "Task" and e.action == "update")
    assert update.entity_key == task.key and update.actor == "lin@example.com"
    assert update.changes["name"]["after"] == "Renamed"
    assert update.changes["duration"] == {"before": task.duration - 2, "after": task.duration}
    assert ("lin@example.com", "TeamMember", "Wang Fang", "create") in _events(project)
    assert ("lin@example.com", "TeamMember", "Wang Fang", "delete") in _events(project)
    assert all(e.at is not None for e in events)


def test_import_restores_the_files_trail_and_records_who_imported_it(db, user, load_sample):
    db.info["actor"] = "lin@example.com"
    project = load_sample(user)
    assert _events(project) == [("lin@example.com", "Project", project.title, "import")]
    assert db.query(AuditEvent).count() == 1
