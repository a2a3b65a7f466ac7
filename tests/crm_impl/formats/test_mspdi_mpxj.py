"""Our MS Project XML read by someone else's reader: MPXJ (the Java library behind ProjectLibre's
and many tools' MS Project support), through the ``mpxj`` package on a JVM.

The round-trip tests in ``test_mspdi.py`` read our files with our own reader, so a mistake made
the same way in writer and reader would pass there.  Here every sample, under way (actual
dates, constraints, deadlines) and with its steering baseline, is exported and MPXJ must find
the same tasks, links (type and lag), dates, calendar, resources, assignments, costs and
baseline as the plan — computed from the plan and its CPM schedule, not from our reader — and
every element in the order of Microsoft's schema (``mpxj_read.schema_order_problems``).

MPXJ runs in a process of its own (``mpxj_read.py``), once for all samples.  Locally the test
is skipped without Java or the ``mpxj``/``JPype1`` packages (``pip install -e '.[test]'``);
CI installs both and fails on a skip.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from crm_impl.formats.mspdi import export_mspdi
from crm_impl.methodology import roles
from crm_impl.projectfile.plan import baseline_from_document, plan_from_document
from crm_impl.schedule.plan import Plan, ScheduledTask
from tests.conftest import SAMPLES
from tests.crm_impl.formats.test_mspdi import in_progress

HELPER = Path(__file__).with_name("mpxj_read.py")

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None or not all(importlib.util.find_spec(m) for m in ("mpxj", "jpype")),
    reason="MPXJ needs Java and the mpxj and JPype1 packages (the test extra)",
)


@pytest.fixture(scope="module")
def read_by_mpxj(tmp_path_factory) -> dict[str, tuple[Plan, dict, dict]]:
    """Each sample's name -> (the plan exported, its baseline, what MPXJ read in the file)."""
    folder = tmp_path_factory.mktemp("mspdi")
    exported = {}
    for path in SAMPLES:
        document = json.loads(path.read_text("utf-8"))
        plan, baseline = in_progress(plan_from_document(document)), baseline_from_document(document)
        assert baseline, path.stem  # every sample has a steering baseline
        target = folder / f"{path.stem}.xml"
        target.write_bytes(export_mspdi(plan, baseline=baseline))
        exported[path.stem] = (plan, baseline, target)
    asked = {str(target): [d.isoformat() for d, _ in plan.holidays + plan.working_days] + ["2025-03-04", "2025-03-08"]
             for plan, _, target in exported.values()}
    run = subprocess.run([sys.executable, str(HELPER)], input=json.dumps(asked), capture_output=True, text=True,
                         timeout=600, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    found = json.loads(run.stdout)
    return {name: (plan, baseline, found[str(target)]) for name, (plan, baseline, target) in exported.items()}


@pytest.fixture(params=[p.stem for p in SAMPLES])
def sample(request, read_by_mpxj):
    return read_by_mpxj[request.param]


def _at(day: date, time: str) -> str:
    return f"{day.isoformat()}T{time}"  # how MPXJ prints a LocalDateTime: 2025-03-03T08:00


def _dated(task: ScheduledTask) -> tuple[str, str]:
    """A task's start and finish as MS Project has them: work from 08:00 on its first day to 17:00
    on its last; a milestone placed by a predecessor's finish at 17:00, one at the start at 08:00."""
    if task.is_point:
        point = _at(task.start, "17:00" if task.at_day_end else "08:00")
        return point, point
    return _at(task.start, "08:00"), _at(task.finish, "17:00")


def _leaves(found: dict) -> dict[str, dict]:
    return {t["text"][0]: t for t in found["tasks"] if not t["summary"]}


def test_mpxj_finds_every_element_in_the_schemas_order(sample):
    _, _, found = sample
    assert found["schema_problems"] == []


def test_mpxj_reads_the_phases_and_tasks_with_their_dates(sample):
    plan, _, found = sample
    scheduled = plan.schedule()
    summaries = [t for t in found["tasks"] if t["summary"]]
    assert [(t["name"], t["text"][0], t["text"][1], t["level"]) for t in summaries] == [
        (p.name, p.key, p.name_zh or None, 1) for p in plan.phases]
    leaves = _leaves(found)
    assert list(leaves) == [t.id for t in plan.tasks]
    for timed in scheduled.tasks:
        task, read = timed.task, leaves[timed.id]
        assert (read["name"], read["text"][1], read["level"]) == (task.name, task.name_zh or None, 2), task.id
        assert (read["start"], read["finish"]) == _dated(timed), task.id
        assert (read["duration"], read["milestone"], read["percent"]) == (task.duration, task.milestone,
                                                                          task.progress), task.id
        if task.estimate is not None:
            e = task.estimate
            assert read["estimates"] == [e.optimistic, e.most_likely, e.pessimistic], task.id
    assert found["start"] == _at(plan.start, "08:00")
    assert found["finish"] == max(_dated(t)[1] for t in scheduled.tasks)
    assert found["title"] == plan.title


def test_mpxj_reads_the_links_with_their_types_and_lags(sample):
    plan, _, found = sample
    leaves = _leaves(found)
    id_of = {t["uid"]: key for key, t in leaves.items()}
    read = sorted((id_of[p["uid"]], key, p["type"], p["lag"]) for key, t in leaves.items() for p in t["predecessors"])
    assert read == sorted((link.pred, link.succ, link.type, float(link.lag)) for link in plan.links)
    assert any(lag for *_, lag in read)  # the samples have lags, so the lags were compared


def test_mpxj_reads_the_calendar_with_holidays_and_make_up_days(sample):
    plan, _, found = sample
    working = found["working"]
    assert plan.holidays and plan.working_days
    assert all(working[day.isoformat()] is False for day, _ in plan.holidays)
    assert all(working[day.isoformat()] is True for day, _ in plan.working_days)  # Saturdays and Sundays worked
    assert working["2025-03-04"] is True and working["2025-03-08"] is False  # a Tuesday, a Saturday


def test_mpxj_reads_the_roles_as_resources_assigned_to_their_tasks(sample):
    plan, _, found = sample
    names = {role.id: role.label("en") for role in roles()}
    used = list(dict.fromkeys(role for task in plan.tasks for role in task.responsible))
    assert [(r["name"], r["initials"], r["type"]) for r in found["resources"]] == [
        (names[role], role, "WORK") for role in used]
    leaves = _leaves(found)
    id_of = {t["uid"]: key for key, t in leaves.items()}
    initials = {r["uid"]: r["initials"] for r in found["resources"]}
    assert sorted((id_of[a["task"]], initials[a["resource"]], a["units"]) for a in found["assignments"]) == sorted(
        (task.id, role, 100.0) for task in plan.tasks for role in task.responsible)
    for task in plan.tasks:  # the accountable and consulted roles in their text fields
        assert leaves[task.id]["text"][2:] == [task.roles.get("A") or None, ",".join(task.roles.get("C") or []) or None]


def test_mpxj_reads_costs_actuals_constraints_and_deadlines(sample):
    plan, _, found = sample
    leaves = _leaves(found)
    for task in plan.tasks:
        read = leaves[task.id]
        assert (read["fixed_cost"], read["cost"], read["actual_cost"]) == (task.budget, task.budget,
                                                                           task.actual_cost), task.id
        assert (read["actual_start"] or "")[:10] == (task.actual_start.isoformat() if task.actual_start else ""), task.id
        assert (read["actual_finish"] or "")[:10] == (task.actual_finish.isoformat() if task.actual_finish else "")
        if task.start_no_earlier_than is not None:
            assert (read["constraint"], read["constraint_date"]) == (
                "START_NO_EARLIER_THAN", _at(task.start_no_earlier_than, "08:00")), task.id
        else:
            assert read["constraint"] == "AS_SOON_AS_POSSIBLE", task.id
        assert read["deadline"] == (_at(task.finish_no_later_than, "17:00") if task.finish_no_later_than else None)
    # in_progress() gave the sample actual dates, SNET constraints and deadlines: they were compared.
    assert all(any(getattr(t, name) for t in plan.tasks)
               for name in ("actual_start", "actual_finish", "start_no_earlier_than", "finish_no_later_than"))


def test_mpxj_reads_the_steering_baseline_as_baseline0(sample):
    plan, baseline, found = sample
    leaves = _leaves(found)
    for task in plan.tasks:
        read, entry = leaves[task.id]["baseline"], baseline.get(task.id)
        if entry is None:
            assert read == {"start": None, "finish": None, "duration": None, "cost": None}, task.id
            continue
        start_time = "17:00" if task.milestone else "08:00"
        assert read == {"start": _at(entry.start, start_time), "finish": _at(entry.finish, "17:00"),
                        "duration": float(entry.duration), "cost": entry.budget}, task.id
