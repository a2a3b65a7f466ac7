"""Optimistic locking: an edit started from an old version is refused and changes nothing."""

import pytest
from sqlalchemy.orm.exc import StaleDataError

from crm_impl.db import make_session_factory
from crm_impl.errors import StaleEditError
from crm_impl.models import Task
from crm_impl.operations.plan import TaskDraft, update_task


def _draft(task, **changes):
    values = dict(key=task.key, phase_key=task.phase.key, name=task.name, duration=task.duration,
                  milestone=task.milestone)
    values.update(changes)
    return TaskDraft(**values)


def test_stale_edit_is_refused_and_the_newer_data_kept(db, engine, user, load_sample):
    project = load_sample(user)
    task = next(t for t in project.tasks if not t.milestone)
    seen_version = task.version

    # Alice saves first, from the version she saw.
    update_task(project, task, seen_version, _draft(task, name="Alice's name"))
    db.commit()
    assert task.version == seen_version + 1

    # Bob opened the same form before Alice saved: his edit is refused.
    with pytest.raises(StaleEditError, match="someone else changed"):
        update_task(project, task, seen_version, _draft(task, name="Bob's name"))
    db.rollback()
    fresh = make_session_factory(engine)()
    assert fresh.get(Task, task.id).name == "Alice's name"
    fresh.close()


def test_concurrent_flush_is_detected_by_the_version_column(db, engine, user, load_sample):
    project = load_sample(user)
    task_id = project.tasks[0].id
    other = make_session_factory(engine)()
    mine, theirs = db.get(Task, task_id), other.get(Task, task_id)
    theirs.name = "theirs"
    other.commit()
    mine.name = "mine"
    with pytest.raises(StaleDataError):
        db.commit()
    db.rollback()
    assert db.get(Task, task_id).name == "theirs"
    other.close()


def test_edit_without_a_version_is_refused(db, user, load_sample):
    project = load_sample(user)
    task = project.tasks[0]
    with pytest.raises(StaleEditError):
        update_task(project, task, None, _draft(task, name="x"))
