"""MSPDI (Microsoft Project XML) export and import."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

from crm_impl.errors import ScheduleCycleError, ValidationError
from crm_impl.projectfile.validate import validate_document
from crm_impl.formats.mspdi import IMPORTED_PHASE, NAMESPACE, export_mspdi, import_mspdi
from crm_impl.projectfile.plan import document_from_plan, plan_from_document
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanPhase, PlanTask

SAMPLES = sorted((Path(__file__).resolve().parents[3] / "sample_projects").glob("*.json"))
NS = {"p": NAMESPACE}


def load(path: Path) -> dict:
    return json.loads(path.read_text("utf-8"))


@pytest.fixture(params=SAMPLES, ids=lambda p: p.stem)
def document(request) -> dict:
    return load(request.param)


def exchanged(plan: Plan) -> Plan:
    """What MS Project XML carries of a plan: phases and tasks with their Chinese names, roles
    (R as resource assignments, A and C in text fields), costs, date constraints and actual
    dates; not the gate ids (a quality gate is a record of the project file, not a field of a
    task in MS Project)."""
    tasks = tuple(
        replace(t, gate="", roles={"R": list(t.roles.get("R") or []), "A": t.roles.get("A") or None,
                                   "C": list(t.roles.get("C") or [])} if any(t.roles.values()) else {})
        for t in plan.tasks
    )
    return replace(plan, tasks=tasks)


def plan_of(document: dict) -> Plan:
    return exchanged(plan_from_document(document))


def phase_pairs(plan: Plan) -> tuple[tuple[str, str], ...]:
    return tuple((p.key, p.name) for p in plan.phases)


def small_plan(**changes) -> Plan:
    plan = Plan(
        title="Pilot",
        start=date(2025, 3, 3),
        holidays=[(date(2025, 3, 7), "Plant closed")],
        phases=[PlanPhase("P1", "Preparation"), PlanPhase("P2", "Build")],
        tasks=[
            PlanTask("A", "Assess", "P1", 3, progress=100, estimate=ThreePoint(2, 3, 5)),
            PlanTask("B", "Blueprint", "P1", 2, progress=40),
            PlanTask("C", "Configure", "P2", 4),
            PlanTask("D", "Data load", "P2", 1),
            PlanTask("G", "Go-live", "P2", 0, milestone=True),
        ],
        links=[
            Link("A", "B", "FS", 1),
            Link("A", "C", "SS", 2),
            Link("B", "C", "FF", -1),
            Link("C", "D", "SF", 3),
            Link("D", "G"),
        ],
    )
    return replace(plan, **changes)


def tasks_by_name(xml: bytes) -> dict[str, ET.Element]:
    root = ET.fromstring(xml)
    return {t.findtext("p:Name", namespaces=NS): t for t in root.findall("p:Tasks/p:Task", NS)}


def wrap(tasks: str, head: str = "<StartDate>2025-03-03T08:00:00</StartDate>") -> bytes:
    return f'<Project xmlns="{NAMESPACE}">{head}<Tasks>{tasks}</Tasks></Project>'.encode()


def task(uid: int, name: str, duration: str = "PT8H0M0S", level: int = 1, extra: str = "") -> str:
    return (
        f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>{name}</Name><OutlineLevel>{level}</OutlineLevel>"
        f"<Duration>{duration}</Duration>{extra}</Task>"
    )


def pred(uid: int, type_code: int = 1, lag: int = 0, fmt: int = 7, cross: int = 0) -> str:
    return (
        f"<PredecessorLink><PredecessorUID>{uid}</PredecessorUID><Type>{type_code}</Type>"
        f"<CrossProject>{cross}</CrossProject><LinkLag>{lag}</LinkLag><LagFormat>{fmt}</LagFormat></PredecessorLink>"
    )


# ------------------------------------------------------------------------------- round trips


def test_samples_survive_export_and_import(document):
    plan = plan_of(document)
    assert len(plan.tasks) == len(document["tasks"]) and len(plan.links) == len(document["dependencies"])
    assert import_mspdi(export_mspdi(plan)) == plan


def in_progress(plan: Plan) -> Plan:
    """``plan`` as a roll-out under way: the first third of its tasks done on their dates (some
    a day late), every fourth of the rest not to start before two days after its early start,
    and every fifth with a deadline a day before its early finish (missed: negative slack)."""
    scheduled = plan.schedule()
    tasks = []
    for k, (task, timed) in enumerate(zip(plan.tasks, scheduled.tasks)):
        if k < len(plan.tasks) // 3:
            late = timedelta(days=k % 2)
            task = replace(task, progress=100, actual_start=timed.start, actual_finish=timed.finish + late)
        elif k % 4 == 0:
            task = replace(task, start_no_earlier_than=timed.start + timedelta(days=2))
        if k % 5 == 0 and k >= len(plan.tasks) // 3:
            task = replace(task, finish_no_later_than=timed.finish - timedelta(days=1))
        tasks.append(task)
    return replace(plan, tasks=tuple(tasks))


def test_phase_names_constraints_and_actual_dates_travel_both_ways_on_every_sample(document):
    plan = in_progress(plan_of(document))
    assert all(p.name_zh for p in plan.phases)  # the samples name their phases in Chinese
    xml = export_mspdi(plan)
    back = import_mspdi(xml)
    assert [p.name_zh for p in back.phases] == [p.name_zh for p in plan.phases]
    for before, after in zip(plan.tasks, back.tasks):
        assert (after.actual_start, after.actual_finish) == (before.actual_start, before.actual_finish), before.id
        assert after.start_no_earlier_than == before.start_no_earlier_than, before.id
        assert after.finish_no_later_than == before.finish_no_later_than, before.id
    assert back == plan
    assert export_mspdi(back) == xml  # export -> import -> export is stable
    # ... and into a project file (what the web import and `crm-impl import-mspdi` make of it).
    again = document_from_plan(back)
    validate_document(again)
    assert plan_of(again) == plan
    # The constraints still move the schedule the same way: the SNET dates, the missed deadlines.
    again, first = back.schedule(), plan.schedule()
    assert np.array_equal(again.schedule.total_slack, first.schedule.total_slack)
    assert (first.schedule.total_slack < 0).any()
    assert [(t.start, t.finish) for t in again.tasks] == [(t.start, t.finish) for t in first.tasks]


def test_constraints_and_actual_dates_are_written_as_ms_project_holds_them():
    plan = small_plan()
    tasks = list(plan.tasks)
    tasks[0] = replace(tasks[0], actual_start=date(2025, 3, 3), actual_finish=date(2025, 3, 6))
    tasks[2] = replace(tasks[2], start_no_earlier_than=date(2025, 3, 12), finish_no_later_than=date(2025, 3, 14))
    tasks[4] = replace(tasks[4], actual_start=date(2025, 3, 20), actual_finish=date(2025, 3, 20))
    xml = export_mspdi(replace(plan, tasks=tuple(tasks)))
    found = tasks_by_name(xml)
    text = lambda name, tag: found[name].findtext(f"p:{tag}", namespaces=NS)  # noqa: E731
    assert [text("Assess", "ActualStart"), text("Assess", "ActualFinish")] == ["2025-03-03T08:00:00", "2025-03-06T17:00:00"]
    assert [text("Go-live", "ActualStart"), text("Go-live", "ActualFinish")] == ["2025-03-20T17:00:00"] * 2
    # Start no earlier than: the SNET constraint; finish no later than: the deadline, which
    # (unlike an FNLT constraint) caps the late dates and does not move the task.
    assert [text("Configure", tag) for tag in ("ConstraintType", "ConstraintDate", "Deadline")] == [
        "4", "2025-03-12T08:00:00", "2025-03-14T17:00:00"]
    assert text("Blueprint", "ConstraintType") is None and text("Blueprint", "Deadline") is None
    assert "Preparation" in found and found["Preparation"].find("p:ConstraintType", NS) is None


def test_a_foreign_files_constraints_are_read_for_the_kinds_the_plan_has():
    def constrained(uid, kind, on, deadline=""):
        extra = f"<ConstraintType>{kind}</ConstraintType><ConstraintDate>{on}T08:00:00</ConstraintDate>"
        return task(uid, f"t{uid}", extra=extra + (f"<Deadline>{deadline}T17:00:00</Deadline>" if deadline else ""))

    plan = import_mspdi(wrap(
        constrained(1, 4, "2025-03-10")  # start no earlier than
        + constrained(2, 7, "2025-03-21", deadline="2025-03-14")  # FNLT and a deadline: the earlier
        + constrained(3, 7, "2025-03-21")  # FNLT alone
        + constrained(4, 2, "2025-03-12")  # must start on: not a kind the plan has
        + constrained(5, 0, "2025-03-03")  # as soon as possible, with the date Project writes anyway
    ))
    assert [(t.start_no_earlier_than, t.finish_no_later_than) for t in plan.tasks] == [
        (date(2025, 3, 10), None), (None, date(2025, 3, 14)), (None, date(2025, 3, 21)), (None, None), (None, None)]
    assert plan.schedule().task("T1").start == date(2025, 3, 10)


def test_an_actual_finish_before_the_actual_start_is_refused_with_its_place():
    actuals = "<ActualStart>2025-03-07T08:00:00</ActualStart><ActualFinish>2025-03-04T17:00:00</ActualFinish>"
    with pytest.raises(ValidationError, match="actual finish is before") as err:
        import_mspdi(wrap(task(1, "Only", extra=actuals)))
    assert err.value.field == "Task[UID=1].ActualFinish"


def test_cpm_of_the_reimported_sample_equals_the_original(document):
    plan = plan_of(document)
    before, after = plan.schedule(), import_mspdi(export_mspdi(plan)).schedule()
    assert after.duration == before.duration
    assert after.critical_path == before.critical_path
    for name in ("es", "ef", "ls", "lf", "total_slack", "free_slack"):
        assert np.array_equal(getattr(after.schedule, name), getattr(before.schedule, name)), name
    assert [(t.start, t.finish) for t in after.tasks] == [(t.start, t.finish) for t in before.tasks]


def test_sample_comes_back_as_a_valid_project_file(document):
    plan = plan_of(document)
    again = document_from_plan(import_mspdi(export_mspdi(plan)))
    validate_document(again)
    assert again["project"]["client_company"] == document["project"]["client_company"]
    assert [t["id"] for t in again["tasks"]] == [t["id"] for t in document["tasks"]]
    assert again["dependencies"] == [
        {"pred": d["pred"], "succ": d["succ"], "type": d.get("type", "FS"), "lag": d.get("lag", 0)}
        for d in document["dependencies"]
    ]
    assert again["calendar"]["holidays"] == document["calendar"]["holidays"]
    assert [t["duration_days"] for t in again["tasks"]] == [t["duration_days"] for t in document["tasks"]]
    assert plan_of(again) == plan


def test_small_plan_round_trip_keeps_every_link_type_and_negative_lags():
    plan = small_plan()
    assert import_mspdi(export_mspdi(plan)) == plan


def test_a_six_day_week_round_trips():
    plan = small_plan(working_weekdays=(0, 1, 2, 3, 4, 5))
    back = import_mspdi(export_mspdi(plan))
    assert back.working_weekdays == (0, 1, 2, 3, 4, 5) and back == plan


# ------------------------------------------------------------------------------------ export


def test_export_is_utf8_xml_in_the_project_namespace():
    xml = export_mspdi(small_plan(title="试点 & <pilot>"))
    assert xml.startswith(b'<?xml version="1.0" encoding="UTF-8"')
    root = ET.fromstring(xml)
    assert root.tag == f"{{{NAMESPACE}}}Project"
    assert root.findtext("p:Title", namespaces=NS) == "试点 & <pilot>"
    assert root.findtext("p:StartDate", namespaces=NS) == "2025-03-03T08:00:00"
    assert root.findtext("p:MinutesPerDay", namespaces=NS) == "480"


def test_export_writes_phases_as_summary_tasks_and_tasks_one_level_below():
    tasks = tasks_by_name(export_mspdi(small_plan()))
    assert list(tasks) == ["Preparation", "Assess", "Blueprint", "Build", "Configure", "Data load", "Go-live"]
    levels = {name: (t.findtext("p:OutlineLevel", namespaces=NS), t.findtext("p:Summary", namespaces=NS))
              for name, t in tasks.items()}
    assert levels["Preparation"] == ("1", "1") and levels["Build"] == ("1", "1")
    assert levels["Assess"] == ("2", "0") and levels["Go-live"] == ("2", "0")
    assert tasks["Configure"].findtext("p:OutlineNumber", namespaces=NS) == "2.1"


def test_export_writes_durations_dates_milestones_and_progress():
    tasks = tasks_by_name(export_mspdi(small_plan()))
    text = lambda name, tag: tasks[name].findtext(f"p:{tag}", namespaces=NS)  # noqa: E731
    assert text("Assess", "Duration") == "PT24H0M0S" and text("Go-live", "Duration") == "PT0H0M0S"
    assert text("Assess", "Start") == "2025-03-03T08:00:00" and text("Assess", "Finish") == "2025-03-05T17:00:00"
    # B: FS+1 after A → starts Mon 10 (Fri 7 is a holiday), two days.
    assert text("Blueprint", "Start") == "2025-03-10T08:00:00" and text("Blueprint", "Finish") == "2025-03-11T17:00:00"
    assert text("Go-live", "Milestone") == "1" and text("Assess", "Milestone") == "0"
    assert text("Assess", "PercentComplete") == "100" and text("Blueprint", "PercentComplete") == "40"
    assert text("Preparation", "Start") == "2025-03-03T08:00:00"
    assert text("Preparation", "Finish") == "2025-03-11T17:00:00"


def test_export_writes_link_types_and_lags_in_tenths_of_minutes():
    tasks = tasks_by_name(export_mspdi(small_plan()))
    uid = {name: t.findtext("p:UID", namespaces=NS) for name, t in tasks.items()}
    links = [
        (name, link.findtext("p:PredecessorUID", namespaces=NS), link.findtext("p:Type", namespaces=NS),
         link.findtext("p:LinkLag", namespaces=NS), link.findtext("p:LagFormat", namespaces=NS))
        for name, t in tasks.items() for link in t.findall("p:PredecessorLink", NS)
    ]
    assert links == [
        ("Blueprint", uid["Assess"], "1", "4800", "7"),
        ("Configure", uid["Assess"], "3", "9600", "7"),
        ("Configure", uid["Blueprint"], "0", "-4800", "7"),
        ("Data load", uid["Configure"], "2", "14400", "7"),
        ("Go-live", uid["Data load"], "1", "0", "7"),
    ]
    assert not tasks["Preparation"].findall("p:PredecessorLink", NS)


def test_export_writes_the_calendar():
    root = ET.fromstring(export_mspdi(small_plan()))
    (calendar,) = root.findall("p:Calendars/p:Calendar", NS)
    days = {int(d.findtext("p:DayType", namespaces=NS)): d.findtext("p:DayWorking", namespaces=NS)
            for d in calendar.findall("p:WeekDays/p:WeekDay", NS)}
    assert days == {1: "0", 2: "1", 3: "1", 4: "1", 5: "1", 6: "1", 7: "0"}
    (holiday,) = calendar.findall("p:Exceptions/p:Exception", NS)
    assert holiday.findtext("p:TimePeriod/p:FromDate", namespaces=NS) == "2025-03-07T00:00:00"
    assert holiday.findtext("p:Name", namespaces=NS) == "Plant closed"
    assert holiday.findtext("p:DayWorking", namespaces=NS) == "0"
    assert root.findtext("p:CalendarUID", namespaces=NS) == calendar.findtext("p:UID", namespaces=NS)


def test_export_carries_ids_and_estimates_in_declared_custom_fields():
    xml = export_mspdi(small_plan())
    root = ET.fromstring(xml)
    aliases = [d.findtext("p:Alias", namespaces=NS) for d in root.findall("p:ExtendedAttributes/p:ExtendedAttribute", NS)]
    assert aliases == ["crm-impl id", "Name (Chinese)", "Accountable role", "Consulted roles", "Optimistic", "Most likely", "Pessimistic"]
    assess = tasks_by_name(xml)["Assess"]
    values = [a.findtext("p:Value", namespaces=NS) for a in assess.findall("p:ExtendedAttribute", NS)]
    assert values == ["A", "PT16H0M0S", "PT24H0M0S", "PT40H0M0S"]


def test_export_refuses_a_task_in_an_unknown_phase():
    plan = small_plan(tasks=[PlanTask("A", "Assess", "P9", 3)], links=[])
    with pytest.raises(ValidationError) as err:
        export_mspdi(plan)
    assert err.value.field == "tasks[0].phase"


def test_export_refuses_a_cyclic_plan():
    with pytest.raises(ScheduleCycleError):
        export_mspdi(small_plan(links=[Link("A", "B"), Link("B", "A")]))


# ------------------------------------------------------------------- import of foreign files

# Shaped like a ProjectLibre "Save as MS Project XML": project summary task 0, a second unused
# calendar, holidays as day-type-0 week days, an elapsed-day lag, a nested summary, links to
# summary tasks, a task outside every summary, a cross-project link, resources and assignments.
PROJECTLIBRE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Project xmlns="http://schemas.microsoft.com/project">
  <SaveVersion>9</SaveVersion>
  <Name>crm-rollout.xml</Name>
  <Title>CRM roll-out</Title>
  <Manager></Manager>
  <ScheduleFromStart>1</ScheduleFromStart>
  <StartDate>2025-03-03T08:00:00</StartDate>
  <FinishDate>2025-04-30T17:00:00</FinishDate>
  <FYStartDate>1</FYStartDate>
  <CriticalSlackLimit>0</CriticalSlackLimit>
  <CurrencyDigits>2</CurrencyDigits>
  <CurrencySymbol>$</CurrencySymbol>
  <CurrencySymbolPosition>0</CurrencySymbolPosition>
  <CalendarUID>1</CalendarUID>
  <DefaultStartTime>08:00:00</DefaultStartTime>
  <DefaultFinishTime>17:00:00</DefaultFinishTime>
  <MinutesPerDay>480</MinutesPerDay>
  <MinutesPerWeek>2400</MinutesPerWeek>
  <DaysPerMonth>20</DaysPerMonth>
  <DefaultTaskType>1</DefaultTaskType>
  <DurationFormat>7</DurationFormat>
  <WorkFormat>2</WorkFormat>
  <Calendars>
    <Calendar>
      <UID>1</UID>
      <Name>Standard</Name>
      <IsBaseCalendar>1</IsBaseCalendar>
      <BaseCalendarUID>-1</BaseCalendarUID>
      <WeekDays>
        <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes>
          <WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>
          <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>
        <WeekDay><DayType>3</DayType><DayWorking>1</DayWorking></WeekDay>
        <WeekDay><DayType>4</DayType><DayWorking>1</DayWorking></WeekDay>
        <WeekDay><DayType>5</DayType><DayWorking>1</DayWorking></WeekDay>
        <WeekDay><DayType>6</DayType><DayWorking>1</DayWorking></WeekDay>
        <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>
        <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking>
          <TimePeriod><FromDate>2025-04-04T00:00:00</FromDate><ToDate>2025-04-04T23:59:00</ToDate></TimePeriod></WeekDay>
      </WeekDays>
    </Calendar>
    <Calendar>
      <UID>2</UID>
      <Name>Night shift</Name>
      <IsBaseCalendar>1</IsBaseCalendar>
      <WeekDays><WeekDay><DayType>1</DayType><DayWorking>1</DayWorking></WeekDay></WeekDays>
    </Calendar>
  </Calendars>
  <Tasks>
    <Task><UID>0</UID><ID>0</ID><Name>crm-rollout</Name><Type>1</Type><IsNull>0</IsNull>
      <OutlineNumber>0</OutlineNumber><OutlineLevel>0</OutlineLevel><Duration>PT320H0M0S</Duration>
      <Summary>1</Summary></Task>
    <Task><UID>1</UID><ID>1</ID><Name>Preparation</Name><Type>1</Type><IsNull>0</IsNull>
      <WBS>1</WBS><OutlineNumber>1</OutlineNumber><OutlineLevel>1</OutlineLevel>
      <Start>2025-03-03T08:00:00</Start><Finish>2025-03-06T17:00:00</Finish><Duration>PT32H0M0S</Duration>
      <Milestone>0</Milestone><Summary>1</Summary><PercentComplete>55</PercentComplete></Task>
    <Task><UID>2</UID><ID>2</ID><Name>Kick-off meeting</Name><OutlineNumber>1.1</OutlineNumber><OutlineLevel>2</OutlineLevel>
      <Start>2025-03-03T08:00:00</Start><Finish>2025-03-03T17:00:00</Finish><Duration>PT8H0M0S</Duration>
      <DurationFormat>7</DurationFormat><Milestone>0</Milestone><Summary>0</Summary><PercentComplete>100</PercentComplete></Task>
    <Task><UID>3</UID><ID>3</ID><Name>Requirements</Name><OutlineNumber>1.2</OutlineNumber><OutlineLevel>2</OutlineLevel>
      <Duration>PT24H0M0S</Duration><Milestone>0</Milestone><PercentComplete>40</PercentComplete>
      <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject>
        <LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>
    <Task><UID>4</UID><ID>4</ID><Name>Blueprint signed</Name><OutlineNumber>1.3</OutlineNumber><OutlineLevel>2</OutlineLevel>
      <Duration>PT0H0M0S</Duration><Milestone>1</Milestone>
      <PredecessorLink><PredecessorUID>3</PredecessorUID></PredecessorLink></Task>
    <Task><UID>5</UID><ID>5</ID><Name>Build</Name><OutlineNumber>2</OutlineNumber><OutlineLevel>1</OutlineLevel>
      <Duration>PT176H0M0S</Duration><Summary>1</Summary>
      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>
    <Task><UID>6</UID><ID>6</ID><Name>Configuration</Name><OutlineNumber>2.1</OutlineNumber><OutlineLevel>2</OutlineLevel>
      <Duration>PT120H0M0S</Duration><Summary>1</Summary></Task>
    <Task><UID>7</UID><ID>7</ID><Name>Configure CRM</Name><OutlineNumber>2.1.1</OutlineNumber><OutlineLevel>3</OutlineLevel>
      <Duration>PT80H0M0S</Duration></Task>
    <Task><UID>8</UID><ID>8</ID><Name>Data migration</Name><OutlineNumber>2.1.2</OutlineNumber><OutlineLevel>3</OutlineLevel>
      <Duration>PT40H0M0S</Duration>
      <PredecessorLink><PredecessorUID>7</PredecessorUID><Type>3</Type><CrossProject>0</CrossProject>
        <LinkLag>100800</LinkLag><LagFormat>8</LagFormat></PredecessorLink></Task>
    <Task><UID>9</UID><ID>9</ID><Name>Integration test</Name><OutlineNumber>2.2</OutlineNumber><OutlineLevel>2</OutlineLevel>
      <Duration>PT36H0M0S</Duration>
      <PredecessorLink><PredecessorUID>8</PredecessorUID><Type>0</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>
      <PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type><CrossProject>1</CrossProject>
        <CrossProjectName>other.mpp\\99</CrossProjectName></PredecessorLink></Task>
    <Task><UID>10</UID><ID>10</ID><Name>Go-live</Name><OutlineNumber>3</OutlineNumber><OutlineLevel>1</OutlineLevel>
      <Duration>PT0H0M0S</Duration>
      <PredecessorLink><PredecessorUID>5</PredecessorUID><Type>1</Type></PredecessorLink></Task>
    <Task><UID>11</UID><ID>11</ID><IsNull>1</IsNull></Task>
  </Tasks>
  <Resources><Resource><UID>1</UID><ID>1</ID><Name>Consultant</Name><Type>1</Type></Resource></Resources>
  <Assignments><Assignment><UID>1</UID><TaskUID>7</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units></Assignment></Assignments>
</Project>
""".encode()


def test_a_projectlibre_export_imports():
    plan = import_mspdi(PROJECTLIBRE)
    assert (plan.title, plan.start, plan.working_weekdays) == ("CRM roll-out", date(2025, 3, 3), (0, 1, 2, 3, 4))
    assert plan.holidays == ((date(2025, 4, 4), ""),)
    assert phase_pairs(plan) == (("P1", "Preparation"), ("P2", "Build"), IMPORTED_PHASE)
    assert [(t.id, t.name, t.phase, t.duration, t.milestone, t.progress) for t in plan.tasks] == [
        ("T2", "Kick-off meeting", "P1", 1, False, 100),
        ("T3", "Requirements", "P1", 3, False, 40),
        ("T4", "Blueprint signed", "P1", 0, True, 0),
        ("T7", "Configure CRM", "P2", 10, False, 0),
        ("T8", "Data migration", "P2", 5, False, 0),
        ("T9", "Integration test", "P2", 5, False, 0),  # 36 h = 4.5 days, rounded up
        ("T10", "Go-live", "imported", 0, True, 0),
    ]
    assert plan.links == (
        Link("T2", "T3"),
        Link("T3", "T4"),
        # Build follows the Preparation summary: every Build task follows every Preparation task.
        *(Link(p, s) for p in ("T2", "T3", "T4") for s in ("T7", "T8", "T9")),
        Link("T7", "T8", "SS", 5),  # 7 elapsed days = 5 working days
        Link("T8", "T9", "FF", 1),
        *(Link(p, "T10") for p in ("T7", "T8", "T9")),
    )
    scheduled = plan.schedule()
    # T7 starts after Preparation (day 4); T9 finishes one day after T8 (FF+1): day 15.
    assert scheduled.duration == 15 and scheduled.task("T10").es == 15
    assert all(t.estimate is None for t in plan.tasks)
    validate_document(document_from_plan(plan))


def test_a_minimal_file_gets_defaults():
    xml = wrap(task(1, "Only task", "PT16H0M0S", extra="<Start>2025-06-02T08:00:00</Start>"), head="")
    plan = import_mspdi(xml)
    assert plan.start == date(2025, 6, 2) and plan.working_weekdays == (0, 1, 2, 3, 4)
    assert plan.title == "Imported project" and plan.holidays == () and plan.links == ()
    assert phase_pairs(plan) == (IMPORTED_PHASE,) and plan.tasks == (PlanTask("T1", "Only task", "imported", 2),)


def test_a_file_without_namespace_and_with_outline_numbers_only_imports():
    xml = (
        b"<Project><StartDate>2025-03-03T08:00:00</StartDate><Tasks>"
        b"<Task><UID>1</UID><Name>Phase</Name><OutlineNumber>1</OutlineNumber></Task>"
        b"<Task><UID>2</UID><Name>Work</Name><OutlineNumber>1.1</OutlineNumber><Duration>PT8H0M0S</Duration></Task>"
        b"</Tasks></Project>"
    )
    plan = import_mspdi(xml)
    assert phase_pairs(plan) == (("P1", "Phase"),) and [t.phase for t in plan.tasks] == ["P1"]


def test_a_versioned_namespace_is_accepted():
    xml = wrap(task(1, "a")).replace(NAMESPACE.encode(), f"{NAMESPACE}/2007".encode())
    assert [t.name for t in import_mspdi(xml).tasks] == ["a"]


def test_durations_convert_with_the_files_minutes_per_day():
    tasks = (
        task(1, "half day", "PT4H0M0S")
        + task(2, "seven hours", "PT7H0M0S")
        + task(3, "three days", "PT21H0M0S")
        + task(4, "with seconds", "PT7H0M0.0S")
        + task(5, "one calendar day", "P1DT0H0M0S")
    )
    plan = import_mspdi(wrap(tasks, head="<StartDate>2025-03-03T08:00:00</StartDate><MinutesPerDay>420</MinutesPerDay>"))
    assert [t.duration for t in plan.tasks] == [1, 1, 3, 1, 4]


def test_milestone_follows_duration_and_flag():
    tasks = (
        task(1, "flagged with work", "PT16H0M0S", extra="<Milestone>1</Milestone>")
        + task(2, "zero, unflagged", "PT0H0M0S")
        + task(3, "zero, explicitly not", "PT0H0M0S", extra="<Milestone>0</Milestone>")
    )
    plan = import_mspdi(wrap(tasks))
    assert [(t.duration, t.milestone) for t in plan.tasks] == [(2, False), (0, True), (0, False)]


def test_missing_duration_is_taken_from_start_and_finish():
    xml = wrap(
        "<Task><UID>1</UID><Name>Span</Name><Start>2025-03-06T08:00:00</Start>"
        "<Finish>2025-03-11T17:00:00</Finish></Task>"
    )
    assert import_mspdi(xml).tasks[0].duration == 4  # Thu, Fri, Mon, Tue


def test_percent_and_hour_lags():
    tasks = (
        task(1, "a", "PT32H0M0S")
        + task(2, "b", extra=pred(1, 1, 50, 19))  # 50 % of a's 4 days
        + task(3, "c", extra=pred(1, 1, 2 * 4800 + 100, 5))  # 2 days and 10 minutes, in hours
        + task(4, "d", extra=pred(1, 3, -4800, 7))  # a lead of one day
    )
    links = import_mspdi(wrap(tasks)).links
    assert [(link.succ, link.type, link.lag) for link in links] == [("T2", "FS", 2), ("T3", "FS", 2), ("T4", "SS", -1)]


def test_2007_calendar_exceptions_and_base_calendar_inheritance():
    head = """
      <StartDate>2025-03-03T08:00:00</StartDate><CalendarUID>3</CalendarUID>
      <Calendars>
        <Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>
          <WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>
          <WeekDay><DayType>7</DayType><DayWorking>1</DayWorking></WeekDay>
          </WeekDays>
          <Exceptions><Exception><TimePeriod><FromDate>2025-05-01T00:00:00</FromDate>
            <ToDate>2025-05-02T23:59:00</ToDate></TimePeriod><Name>Labour Day</Name><Type>1</Type>
            <DayWorking>0</DayWorking></Exception></Exceptions></Calendar>
        <Calendar><UID>3</UID><Name>Project</Name><IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID>
          <WeekDays><WeekDay><DayType>2</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays>
          <Exceptions>
            <Exception><TimePeriod><FromDate>2025-10-01T00:00:00</FromDate><ToDate>2025-10-01T23:59:00</ToDate>
              </TimePeriod><Name>National Day</Name><DayWorking>0</DayWorking></Exception>
            <Exception><TimePeriod><FromDate>2025-03-08T00:00:00</FromDate><ToDate>2025-03-08T23:59:00</ToDate>
              </TimePeriod><Name>Make-up Saturday</Name><DayWorking>1</DayWorking></Exception>
            <Exception><TimePeriod><FromDate>2025-01-01T00:00:00</FromDate><ToDate>2035-01-01T23:59:00</ToDate>
              </TimePeriod><Occurrences>10</Occurrences><Name>New Year</Name><Type>5</Type>
              <DayWorking>0</DayWorking></Exception>
          </Exceptions></Calendar>
      </Calendars>"""
    plan = import_mspdi(wrap(task(1, "t"), head=head))
    # Own Monday off; Sunday off and Saturday working from the base; Tue–Fri default.
    assert plan.working_weekdays == (1, 2, 3, 4, 5)
    assert plan.holidays == (
        (date(2025, 5, 1), "Labour Day"),
        (date(2025, 5, 2), "Labour Day"),
        (date(2025, 10, 1), "National Day"),
    )


def test_estimates_come_only_from_declared_fields():
    attrs = "".join(
        f"<ExtendedAttribute><FieldID>{f}</FieldID><Value>{v}</Value></ExtendedAttribute>"
        for f, v in ((188743783, "PT8H0M0S"), (188743784, "PT16H0M0S"), (188743785, "PT40H0M0S"))
    )
    undeclared = import_mspdi(wrap(task(1, "t", "PT16H0M0S", extra=attrs)))
    assert undeclared.tasks[0].estimate is None
    declared = "".join(
        f"<ExtendedAttribute><FieldID>{f}</FieldID><FieldName>Duration{i}</FieldName><Alias>{a}</Alias></ExtendedAttribute>"
        for i, (f, a) in enumerate(((188743783, "Optimistic"), (188743784, "Most likely"), (188743785, "Pessimistic")), 1)
    )
    plan = import_mspdi(wrap(task(1, "t", "PT16H0M0S", extra=attrs),
                             head=f"<StartDate>2025-03-03T08:00:00</StartDate><ExtendedAttributes>{declared}</ExtendedAttributes>"))
    assert plan.tasks[0].estimate == ThreePoint(1, 2, 5)


# ------------------------------------------------------------------------------ bad files


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"this is not XML", "not well-formed"),
        (b"<Project><Tasks></Project>", "not well-formed"),
        (f'<Workbook xmlns="{NAMESPACE}"/>'.encode(), "not an MS Project XML file"),
        (b'<Project xmlns="http://example.com/other"/>', "not an MS Project XML file"),
    ],
)
def test_malformed_files_are_refused(data, message):
    with pytest.raises(ValidationError, match=message) as err:
        import_mspdi(data)
    assert err.value.field == "file"


def test_external_entities_are_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("top secret")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        f'<Project xmlns="{NAMESPACE}"><Title>&xxe;</Title></Project>'
    ).encode()
    with pytest.raises(ValidationError, match="unsafe XML") as err:
        import_mspdi(xml)
    assert "top secret" not in str(err.value)


def test_entity_expansion_bombs_are_refused():
    lol = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY lol0 "lol">{lol}]>'
        f'<Project xmlns="{NAMESPACE}"><Title>&lol9;</Title></Project>'
    ).encode()
    with pytest.raises(ValidationError, match="unsafe XML"):
        import_mspdi(xml)


@pytest.mark.parametrize(
    ("tasks", "field", "message"),
    [
        (task(1, "a") + task(2, "b", extra=pred(7)), "Task[UID=2].PredecessorLink[0].PredecessorUID", "unknown task UID 7"),
        (task(1, "a", "3 days"), "Task[UID=1].Duration", "not a duration"),
        (task(1, "a", "PT8X"), "Task[UID=1].Duration", "not a duration"),
        (task(1, "a", "-PT8H0M0S"), "Task[UID=1].Duration", "not a duration"),
        (task(1, "a", extra="<PercentComplete>150</PercentComplete>"), "Task[UID=1].PercentComplete", "0 to 100"),
        (task(1, "a") + task(2, "b", extra=pred(1, 9)), "Task[UID=2].PredecessorLink[0].Type", "unknown link type"),
        (task(1, "a") + task(2, "b", extra=pred(1, lag="x")), "Task[UID=2].PredecessorLink[0].LinkLag", "not a number"),
        (task(1, "a", extra="<Start>someday</Start>"), "Task[UID=1].Start", "not a date"),
        ("<Task><Name>no uid</Name></Task>", "Task[0].UID", "without a UID"),
        (task(1, "a") + task(1, "b"), "Tasks", "duplicate task UID"),
    ],
)
def test_bad_values_name_their_place_in_the_file(tasks, field, message):
    with pytest.raises(ValidationError, match=message) as err:
        import_mspdi(wrap(tasks))
    assert err.value.field == field


def test_a_dependency_cycle_is_refused():
    with pytest.raises(ScheduleCycleError) as err:
        import_mspdi(wrap(task(1, "a", extra=pred(2)) + task(2, "b", extra=pred(1))))
    assert set(err.value.cycle) == {"T1", "T2"}


def test_a_file_without_any_start_date_is_refused():
    with pytest.raises(ValidationError) as err:
        import_mspdi(wrap(task(1, "a"), head=""))
    assert err.value.field == "Project.StartDate"


def test_a_calendar_without_working_days_is_refused():
    days = "".join(f"<WeekDay><DayType>{d}</DayType><DayWorking>0</DayWorking></WeekDay>" for d in range(1, 8))
    head = f"<StartDate>2025-03-03T08:00:00</StartDate><Calendars><Calendar><UID>1</UID><WeekDays>{days}</WeekDays></Calendar></Calendars>"
    with pytest.raises(ValidationError, match="no working weekday"):
        import_mspdi(wrap(task(1, "a"), head=head))


# ----------------------------------------------------------------------- project-file bridge


def test_document_from_plan_fills_the_required_company():
    doc = document_from_plan(small_plan())
    validate_document(doc)
    assert doc["project"] == {"title": "Pilot", "client_company": "Pilot", "start_date": "2025-03-03"}
    assert document_from_plan(small_plan(), client_company="ACME")["project"]["client_company"] == "ACME"
    assert doc["tasks"][0]["duration_days"] == {"optimistic": 2, "most_likely": 3, "pessimistic": 5}
    assert "duration_days" not in doc["tasks"][1]



def test_make_up_working_days_travel_both_ways_and_move_the_dates():
    from datetime import date

    from crm_impl.formats.mspdi import export_mspdi, import_mspdi
    from crm_impl.schedule.network import Link
    from crm_impl.schedule.plan import Plan, PlanPhase, PlanTask

    # National Day 2025: 1–8 October off, Sunday 28 September and Saturday 11 October worked.
    plan = Plan("调休", date(2025, 9, 25), phases=(PlanPhase("P1", "Build"),),
                tasks=(PlanTask("A", "A", "P1", 4), PlanTask("B", "B", "P1", 3)), links=(Link("A", "B"),),
                holidays=tuple((date(2025, 10, d), "国庆节") for d in range(1, 9)),
                working_days=((date(2025, 9, 28), "国庆调休"), (date(2025, 10, 11), "国庆调休")))
    scheduled = plan.schedule()
    assert scheduled.task("A").finish == date(2025, 9, 29)  # Thu, Fri, Sun (made up), Mon
    assert [scheduled.task("B").start, scheduled.task("B").finish] == [date(2025, 9, 30), date(2025, 10, 10)]
    back = import_mspdi(export_mspdi(plan))
    assert back.working_days == plan.working_days and back.holidays == plan.holidays
    assert [(t.start, t.finish) for t in back.schedule().tasks] == [(t.start, t.finish) for t in scheduled.tasks]


def test_roles_costs_and_chinese_names_travel_to_ms_project_and_back():
    import json

    from crm_impl.formats.mspdi import export_mspdi, import_mspdi
    from crm_impl.projectfile.plan import plan_from_document
    from tests.conftest import SAMPLES

    for path in SAMPLES:
        plan = plan_from_document(json.loads(path.read_text("utf-8")))
        xml = export_mspdi(plan)
        assert b"<Resources>" in xml and b"<Assignments>" in xml and b"<FixedCost>" in xml
        back = import_mspdi(xml)
        for before, after in zip(plan.tasks, back.tasks):
            assert after.name_zh == before.name_zh, path.stem
            assert after.budget == before.budget and after.actual_cost == before.actual_cost, before.id
            assert list(after.roles.get("R") or []) == list(before.roles.get("R") or []), before.id
            assert after.roles.get("A") == before.roles.get("A") and list(after.roles.get("C") or []) == list(
                before.roles.get("C") or []), before.id
        assert [(t.start, t.finish) for t in back.schedule().tasks] == [(t.start, t.finish) for t in plan.schedule().tasks]
        assert export_mspdi(back) == xml  # export -> import -> export is stable


def _steering_baseline(document: dict) -> dict:
    from crm_impl.schedule.baseline import BaselineEntry

    saved = next(b for b in document["baselines"] if b["steering"])
    return {t["id"]: BaselineEntry(date.fromisoformat(t["start"]), date.fromisoformat(t["finish"]), t["duration"],
                                   t["budget"]) for t in saved["tasks"]}


def test_the_steering_baseline_travels_as_baseline0_and_back_on_every_sample():
    import json

    from crm_impl.formats.mspdi import read_mspdi
    from crm_impl.projectfile.plan import plan_from_document
    from tests.conftest import SAMPLES

    for path in SAMPLES:
        document = json.loads(path.read_text("utf-8"))
        plan, baseline = plan_from_document(document), _steering_baseline(document)
        xml = export_mspdi(plan, baseline=baseline)
        root = ET.fromstring(xml)
        saved = root.findall("p:Tasks/p:Task/p:Baseline", NS)
        assert len(saved) == len(baseline) and {b.findtext("p:Number", namespaces=NS) for b in saved} == {"0"}
        back = read_mspdi(xml)
        assert back.baseline == baseline, path.stem
        assert back.plan == import_mspdi(xml)
        assert export_mspdi(back.plan, baseline=back.baseline) == xml  # export -> import -> export is stable


def test_baseline0_fields_are_as_ms_project_writes_them():
    from crm_impl.schedule.baseline import BaselineEntry

    plan = Plan("Pilot", date(2025, 3, 3), phases=(PlanPhase("P1", "Preparation"),),
                tasks=(PlanTask("A", "Assess", "P1", 3, budget=1234.5), PlanTask("G", "Gate", "P1", 0, milestone=True)),
                links=(Link("A", "G"),))
    xml = export_mspdi(plan, baseline={"A": BaselineEntry(date(2025, 3, 4), date(2025, 3, 7), 4, 1000.0),
                                       "G": BaselineEntry(date(2025, 3, 7), date(2025, 3, 7), 0)})
    root = ET.fromstring(xml)
    a = next(t for t in root.iterfind("p:Tasks/p:Task", NS) if t.findtext("p:Name", namespaces=NS) == "Assess")
    b = a.find("p:Baseline", NS)
    assert [b.findtext(f"p:{tag}", namespaces=NS) for tag in ("Number", "Start", "Finish", "Duration", "Cost")] == [
        "0", "2025-03-04T08:00:00", "2025-03-07T17:00:00", "PT32H0M0S", "100000"]
    # The schema's order: the baseline after the custom fields of the task.
    tags = [child.tag.rpartition("}")[2] for child in a]
    assert tags.index("Baseline") > max(i for i, tag in enumerate(tags) if tag == "ExtendedAttribute")


def test_a_milestone_after_a_finish_is_dated_at_that_finish_like_ms_project():
    # Assess runs Mon 3 → Wed 5 March; the gate that follows is at 17:00 on Wednesday, and the
    # project finishes then: the file, the app's schedule and MS Project agree.
    plan = Plan("Pilot", date(2025, 3, 3), phases=(PlanPhase("P1", "Preparation"),),
                tasks=(PlanTask("A", "Assess", "P1", 3), PlanTask("G", "Gate", "P1", 0, milestone=True)),
                links=(Link("A", "G"),))
    root = ET.fromstring(export_mspdi(plan))
    gate = next(t for t in root.iterfind("p:Tasks/p:Task", NS) if t.findtext("p:Name", namespaces=NS) == "Gate")
    assert gate.findtext("p:Start", namespaces=NS) == gate.findtext("p:Finish", namespaces=NS) == "2025-03-05T17:00:00"
    assert root.findtext("p:FinishDate", namespaces=NS) == "2025-03-05T17:00:00"
    assert plan.schedule().finish == date(2025, 3, 5)
    # A milestone at the start of the project stays at 08:00 of its day.
    kickoff = Plan("K", date(2025, 3, 3), phases=(PlanPhase("P1", "Preparation"),),
                   tasks=(PlanTask("K", "Kick-off", "P1", 0, milestone=True),))
    root = ET.fromstring(export_mspdi(kickoff))
    assert root.findtext("p:Tasks/p:Task[p:Name='Kick-off']/p:Start", namespaces=NS) == "2025-03-03T08:00:00"


def test_a_baseline_finishing_before_it_starts_is_refused_with_its_place():
    baseline = ("<Baseline><Number>0</Number><Start>2025-03-07T08:00:00</Start>"
                "<Finish>2025-03-04T17:00:00</Finish></Baseline>")
    with pytest.raises(ValidationError) as err:
        import_mspdi(wrap(task(1, "Only", "PT8H0M0S", extra=baseline)))
    assert err.value.field == "Task[UID=1].Baseline[0].Finish"
