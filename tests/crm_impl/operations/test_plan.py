"""Editing the plan: task drafts, add/update/delete, predecessor notation, cycles, phases."""

from dataclasses import replace
from datetime import date

import pytest

from crm_impl.errors import ScheduleCycleError, StaleEditError, ValidationError
from crm_impl.operations.plan import (
    PredecessorDraft,
    TaskDraft,
    add_task,
    delete_task,
    parse_predecessors,
    predecessor_notations,
    reschedule_task,
    update_phase,
    update_task,
)
from tests.conftest import SAMPLES

RETAIL = next(p for p in SAMPLES if "retail" in p.stem)


@pytest.fixture
def project(db, user, load_sample):
    return load_sample(user, RETAIL)


def task(project, key):
    return next(t for t in project.tasks if t.key == key)


def links_into(project, key):
    return sorted((d.pred.key, d.type.value, d.lag) for d in project.dependencies if d.succ.key == key)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"key": "  "}, "key", "required"),
        ({"name": ""}, "name", "required"),
        ({"phase_key": "P99"}, "phase", "unknown phase 'P99'"),
        ({"duration": -1}, "duration", "from 0 to 2600"),
        ({"duration": 2601}, "duration", "from 0 to 2600"),
        ({"optimistic": 1, "most_likely": 2, "pessimistic": 10**6}, "pessimistic", "from 0 to 2600"),
        ({"start_no_earlier_than": date(9999, 1, 4)}, "start_no_earlier_than", "2199-12-31"),
        ({"actual_finish": date(1066, 10, 14)}, "actual_finish", "1900-01-01"),
        ({"milestone": True, "duration": 2}, "duration", "milestone has duration 0"),
        ({"optimistic": 1, "most_likely": 2}, "optimistic", "all three"),
        ({"optimistic": 5, "most_likely": 3, "pessimistic": 8}, "most_likely", "optimistic <= most likely"),
        ({"progress": 101}, "progress", "between 0 and 100"),
        ({"actual_start": date(2025, 3, 5), "actual_finish": date(2025, 3, 4)}, "actual_finish", "before"),
        ({"budget": -0.5}, "budget", "negative"),
        ({"actual_cost": -1}, "actual_cost", "negative"),
    ],
)
def test_draft_errors_name_the_field(db, project, changes, field, message):
    draft = TaskDraft(**({"key": "R40", "phase_key": "P1", "name": "Extra", "duration": 2} | changes))
    with pytest.raises(ValidationError, match=message) as error:
        add_task(db, project, draft)
    assert error.value.field == field
    assert "R40" not in {t.key for t in project.tasks}


def test_add_task_takes_the_last_position_and_its_links(db, project):
    count = len(project.tasks)
    draft = TaskDraft(key=" R40 ", phase_key="P2", name=" Store survey ", duration=4, budget=1200,
                      predecessors=parse_predecessors("R07, R08SS+2"))
    added = add_task(db, project, draft)
    assert (added.key, added.name, added.phase.key, added.budget) == ("R40", "Store survey", "P2", 1200.0)
    assert len(project.tasks) == count + 1 and added.position == max(t.position for t in project.tasks)
    assert links_into(project, "R40") == [("R07", "FS", 0), ("R08", "SS", 2)]
    with pytest.raises(ValidationError, match="exists already") as error:
        add_task(db, project, replace(draft, predecessors=[]))
    assert error.value.field == "key"


def test_update_task_changes_fields_and_replaces_links(db, project):
    r03 = task(project, "R03")
    assert links_into(project, "R03") == [("R02", "FS", 0)]
    draft = replace(TaskDraft.of(r03), duration=7, progress=40,
                    predecessors=[PredecessorDraft("R01", "FF", -1)])
    update_task(project, r03, r03.version, draft)
    db.flush()
    assert (r03.duration, r03.progress) == (7, 40)
    assert links_into(project, "R03") == [("R01", "FF", -1)]
    with pytest.raises(StaleEditError):
        update_task(project, r03, r03.version - 1, draft)
    with pytest.raises(ValidationError, match="exists already") as error:
        update_task(project, r03, r03.version, replace(draft, key="R04"))
    assert error.value.field == "key" and r03.key == "R03"


@pytest.mark.parametrize(
    ("predecessors", "message"),
    [
        ([PredecessorDraft("NOPE")], "unknown task 'NOPE'"),
        ([PredecessorDraft("R03")], "cannot depend on itself"),
        ([PredecessorDraft("R01"), PredecessorDraft("R01", "SS")], "listed twice"),
        ([PredecessorDraft("R01", "XX")], "unknown link type 'XX'"),
    ],
)
def test_bad_predecessors_are_refused_and_links_kept(project, predecessors, message):
    r03 = task(project, "R03")
    draft = replace(TaskDraft.of(r03), predecessors=predecessors)
    with pytest.raises(ValidationError, match=message) as error:
        update_task(project, r03, r03.version, draft)
    assert error.value.field.startswith("predecessors[")
    assert links_into(project, "R03") == [("R02", "FS", 0)]


def test_delete_task_removes_it_and_its_links(db, project):
    r04 = task(project, "R04")
    delete_task(db, project, r04, reconnect=False)
    db.commit()
    assert "R04" not in {t.key for t in project.tasks}
    assert not [d for d in project.dependencies if "R04" in (d.pred.key, d.succ.key)]
    assert links_into(project, "R05") == []  # R04 was its only predecessor


def test_deleting_a_task_in_a_chain_links_its_predecessors_to_its_successors(db, project):
    from crm_impl.operations.planning import plan_schedule

    before = plan_schedule(project)
    into_r04 = [pred for pred, kind, _ in links_into(project, "R04") if kind == "FS"]
    out_of_r04 = [d.succ.key for d in project.dependencies if d.pred.key == "R04" and d.type.value == "FS"]
    made = delete_task(db, project, task(project, "R04"))
    db.commit()
    assert sorted(made) == sorted((p, s) for p in into_r04 for s in out_of_r04) and ("R03", "R05") in made
    assert [link for link in links_into(project, "R05") if link[0] in {p for p, _ in made}]
    after = plan_schedule(project)
    # R05 still waits for R04's predecessors: it moves earlier by R04's length at most, never to day 0.
    assert after.task("R05").es >= before.task("R05").es - before.task("R04").duration > 0


def test_parse_predecessors_reads_ms_project_notation():
    assert parse_predecessors("R01, R02SS+2, R03FF-1") == [
        PredecessorDraft("R01", "FS", 0), PredecessorDraft("R02", "SS", 2), PredecessorDraft("R03", "FF", -1),
    ]
    assert parse_predecessors(" r04 sf +3 ,, ") == [PredecessorDraft("r04", "SF", 3)]
    assert parse_predecessors("") == [] and parse_predecessors(None) == []


@pytest.mark.parametrize(("text", "example"), [("R01+2", "R01FS+2"), ("R02, R01-3", "R01FS-3"),
                                               ("R01+10", "R01FS+10")])
def test_a_lag_without_a_link_type_is_refused(text, example):
    with pytest.raises(ValidationError, match="a lag needs a link type") as error:
        parse_predecessors(text)
    assert error.value.field == "predecessors"
    assert error.value.reason.endswith(f"e.g. {example}")


def test_predecessor_notations_round_trip(project):
    notations = predecessor_notations(project)
    assert notations[task(project, "R02").id] == "R01SS+2"
    assert notations[task(project, "R14").id] == "R_G2FS+10"
    assert notations[task(project, "R01").id] == ""
    for t in project.tasks:
        parsed = [(p.task, p.type, p.lag) for p in parse_predecessors(notations[t.id])]
        assert sorted(parsed) == links_into(project, t.key)


def test_round_trip_of_a_task_id_that_ends_like_a_link_type(db, project):
    """A task id such as KICKOFF ends in "FF": the task table's notation of its successor
    must read back as that task, so saving the row unchanged keeps the link."""
    r02, r03 = task(project, "R02"), task(project, "R03")
    update_task(project, r02, r02.version, replace(TaskDraft.of(r02), key="KICKOFF",
                                                    predecessors=parse_predecessors("R01SS+2")))
    db.flush()
    notation = predecessor_notations(project)[r03.id]
    assert notation == "KICKOFF"
    reschedule_task(project, r03, r03.version, r03.duration, notation)
    assert links_into(project, "R03") == [("KICKOFF", "FS", 0)]


def test_a_cycle_is_refused_and_nothing_changes(db, project):
    r01 = task(project, "R01")
    before = sorted((d.pred.key, d.succ.key, d.type.value, d.lag) for d in project.dependencies)
    with pytest.raises(ScheduleCycleError) as error:
        update_task(project, r01, r01.version, replace(TaskDraft.of(r01), predecessors=parse_predecessors("R03")))
    assert error.value.field == "dependencies"
    assert error.value.cycle == ["R01", "R02", "R03"]
    assert sorted((d.pred.key, d.succ.key, d.type.value, d.lag) for d in project.dependencies) == before
    db.flush()
    assert links_into(project, "R01") == [] and r01.version == 1


def test_a_cycle_refusal_leaves_the_task_fields_alone(project):
    r01 = task(project, "R01")
    draft = replace(TaskDraft.of(r01), duration=9, predecessors=parse_predecessors("R03"))
    with pytest.raises(ScheduleCycleError):
        update_task(project, r01, r01.version, draft)
    assert r01.duration == 6


def test_a_plan_stretched_beyond_twenty_years_is_refused_and_nothing_changes(db, project):
    # Each task within its own bound, yet a chain of them would take half a century.
    r01, r02 = task(project, "R01"), task(project, "R02")
    reschedule_task(project, r01, r01.version, 2600, "")
    db.flush()
    before = (r02.duration, r02.version)
    with pytest.raises(ValidationError, match="working days from start to finish; at most 5200") as error:
        reschedule_task(project, r02, r02.version, 2600, "R01")
    assert error.value.field == "duration"
    assert (r02.duration, r02.version) == before
    with pytest.raises(ValidationError, match="at most 5200"):
        add_task(db, project, TaskDraft(key="R99", phase_key="P1", name="Far out", duration=10,
                                        start_no_earlier_than=date(2150, 1, 1)))
    assert "R99" not in {t.key for t in project.tasks}


def test_update_phase_renames_with_locking(db, project):
    p1 = project.phases[0]
    update_phase(p1, p1.version, " Preparation ", " 准备 ")
    db.flush()
    assert (p1.name, p1.name_zh, p1.version) == ("Preparation", "准备", 2)
    with pytest.raises(ValidationError, match="required") as error:
        update_phase(p1, p1.version, "  ", "")
    assert error.value.field == "name" and p1.name == "Preparation"
    with pytest.raises(StaleEditError):
        update_phase(p1, 1, "Old view", "")


def test_the_estimate_follows_a_duration_edit_and_the_simulation_sees_it(db, user, load_sample):
    from dataclasses import replace

    from crm_impl.operations.plan import TaskDraft, predecessor_notations, reschedule_task, update_task
    from crm_impl.operations.schedule import run_monte_carlo
    from tests.conftest import SAMPLES

    project = load_sample(user, next(p for p in SAMPLES if "retail" in p.stem))
    r06 = next(t for t in project.tasks if t.key == "R06")
    assert (r06.optimistic, r06.most_likely, r06.pessimistic, r06.duration) == (3, 5, 8, 5)
    before = run_monte_carlo(project, iterations=1000, seed=2).result.criticality_index()
    links = predecessor_notations(project)[r06.id]
    reschedule_task(project, r06, r06.version, 20, links)  # the inline edit of the plan table
    assert (r06.optimistic, r06.most_likely, r06.pessimistic) == (12, 20, 32)
    after = run_monte_carlo(project, iterations=1000, seed=2).result.criticality_index()
    assert before["R06"] < 0.5 < after["R06"]  # now on the critical path in most runs
    # Edited together, the estimate is taken as typed.
    update_task(project, r06, r06.version, replace(TaskDraft.of(r06), duration=10, optimistic=9, most_likely=10,
                                                   pessimistic=30))
    assert (r06.optimistic, r06.most_likely, r06.pessimistic) == (9, 10, 30)


def test_progress_as_planned_reports_the_work_before_the_status_date_like_ms_project_update(db, project):
    from crm_impl.operations.plan import progress_as_planned
    from crm_impl.operations.planning import plan_schedule
    from crm_impl.operations.status import project_dashboard

    plan = plan_schedule(project)
    day = date(2025, 5, 12)
    by_key = {t.key: t for t in project.tasks}
    by_key["R10"].progress = 100  # reported early by the team: kept
    by_key["R10"].actual_start = by_key["R10"].actual_finish = date(2025, 4, 30)
    changed = progress_as_planned(project, day)
    db.flush()
    assert project.status_date == day
    for task in project.tasks:
        planned = plan.task(task.key)
        if task.key == "R10":
            assert (task.progress, task.actual_finish) == (100, date(2025, 4, 30))
        elif planned.finish < day:
            assert (task.progress, task.actual_start, task.actual_finish) == (100, planned.start, planned.finish)
            assert task.key in changed
        elif planned.start < day and planned.duration:
            assert 0 < task.progress < 100 and task.actual_start == planned.start and task.actual_finish is None
        else:
            assert task.progress == 0 and task.actual_start is None and task.key not in changed
    # Reported as planned: on schedule at the status date.
    assert project_dashboard(project, day).facts.schedule_slip_days <= 1
    # Again a week later: nothing reported is lowered, more work is done.
    before = {t.key: t.progress for t in project.tasks}
    progress_as_planned(project, date(2025, 5, 19))
    assert all(t.progress >= before[t.key] for t in project.tasks)
    with pytest.raises(ValidationError):
        progress_as_planned(project, date(1, 1, 1))
