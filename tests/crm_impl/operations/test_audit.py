"""Reading the audit trail: readable in the reader's language, filtered, paged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from crm_impl.operations.audit import AuditFilter, audit_page
from crm_impl.operations.plan import TaskDraft, update_task
from crm_impl.operations.team import TeamMemberDraft, add_team_member


def _edit(db, project, times: int) -> None:
    task = project.tasks[0]
    for i in range(times):
        update_task(project, task, task.version, replace(TaskDraft.of(task), duration=task.duration + 1,
                                                         progress=(i * 7) % 100))
        db.commit()


def test_changes_read_in_chinese_with_labels_and_readable_values(db, user, load_sample):
    db.info["actor"] = "lin@example.com"
    project = load_sample(user)
    task = project.tasks[0]
    update_task(project, task, task.version, replace(TaskDraft.of(task), duration=task.duration + 2,
                                                     milestone=False, actual_start=date(2025, 3, 4)))
    add_team_member(db, project, TeamMemberDraft(name="Wang Fang", role_id="V_BC"))
    db.commit()
    trail = audit_page(db, project, locale="zh_Hans")
    kinds = {(line.entity, line.action) for line in trail.lines}
    assert ("任务", "已修改") in kinds and ("团队成员", "已创建") in kinds and ("项目", "已导入") in kinds
    change = next(line for line in trail.lines if line.entity == "任务")
    fields = {c.field: (c.before, c.after) for c in change.changes}
    assert "工期（工作日）" in fields and "实际开始" in fields
    assert fields["实际开始"] == ("—", "2025年3月4日")
    english = audit_page(db, project, locale="en")
    assert "Task" in {line.entity for line in english.lines}
    assert not any("_" in c.field for line in english.lines for c in line.changes)  # no field names


def test_the_trail_filters_and_pages(db, user, load_sample):
    db.info["actor"] = "lin@example.com"
    project = load_sample(user)
    _edit(db, project, 12)
    db.info["actor"] = "wu@example.com"
    add_team_member(db, project, TeamMemberDraft(name="Wang Fang", role_id="V_BC"))
    db.commit()
    everything = audit_page(db, project, per_page=5)
    assert everything.total == 14 and everything.pages == 3 and len(everything.lines) == 5
    assert audit_page(db, project, page=99, per_page=5).page == 3
    assert len(audit_page(db, project, page=3, per_page=5).lines) == 4
    by_wu = audit_page(db, project, AuditFilter(actor="wu@example.com"))
    assert by_wu.total == 1 and by_wu.lines[0].actor == "wu@example.com"
    assert audit_page(db, project, AuditFilter(entity="Task", action="update")).total == 12
    assert audit_page(db, project, AuditFilter(since=date(2000, 1, 1), until=date(2000, 1, 2))).total == 0
    assert set(everything.actors) == {"lin@example.com", "wu@example.com"}
