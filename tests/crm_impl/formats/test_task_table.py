"""The task table in and out of spreadsheets: CSV and Excel, typed cells, every problem named."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from crm_impl.errors import TaskTableError
from crm_impl.formats.task_table import COLUMNS, COMPUTED, read_task_table, task_table_text, task_table_xlsx
from crm_impl.projectfile.plan import plan_from_document
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanPhase, PlanTask
from tests.conftest import SAMPLES

MONDAY = date(2025, 3, 3)


def _plan() -> Plan:
    return Plan("Pilot", MONDAY, phases=(PlanPhase("P1", "Preparation"),), tasks=(
        PlanTask("A", "Assess, scope", "P1", 3, name_zh="评估", estimate=ThreePoint(2, 3, 6),
                 roles={"R": ["E_PM", "V_BC"], "A": "E_SIG", "C": ["E_KU"]}, budget=1200.5, progress=40),
        PlanTask("B", "=HYPERLINK(\"http://evil.example\")", "P1", 2),
        PlanTask("G", "Gate", "P1", 0, milestone=True),
    ), links=(Link("A", "B", "SS", 1), Link("B", "G")))


def _xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_csv_table_has_every_column_and_quotes_formulas_away():
    text = task_table_text(_plan().schedule())
    lines = text.splitlines()
    assert lines[0] == ",".join(COLUMNS)
    assert lines[1] == ('A,P1,"Assess, scope",评估,3,false,2,3,6,,"E_PM, V_BC",E_SIG,E_KU,1200.5,40,'
                        '2025-03-03,2025-03-05,0,3,0,3,0,0,true')
    assert lines[2].startswith("B,P1,\"'=HYPERLINK(") and ",ASS+1," in lines[2]
    assert lines[3].startswith("G,P1,Gate,,0,true,,,,B,")


def test_the_excel_table_has_typed_cells_a_frozen_header_and_inert_text():
    book = load_workbook(io.BytesIO(task_table_xlsx(_plan().schedule())))
    sheet = book.active
    assert [c.value for c in sheet[1]] == list(COLUMNS) and sheet.freeze_panes == "A2"
    a = {name: cell.value for name, cell in zip(COLUMNS, sheet[2])}
    assert a["duration"] == 3 and a["budget"] == 1200.5 and a["milestone"] is False
    assert a["start"].date() == MONDAY and sheet.cell(2, COLUMNS.index("start") + 1).number_format == "yyyy-mm-dd"
    b = sheet.cell(3, COLUMNS.index("name") + 1)
    assert b.data_type == "s" and b.value.startswith("'=")  # text, not a formula


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_what_is_written_reads_back_the_same_on_every_sample(kind):
    for path in SAMPLES:
        plan = plan_from_document(json.loads(path.read_text("utf-8")))
        scheduled = plan.schedule()
        data = task_table_text(scheduled).encode("utf-8-sig") if kind == "csv" else task_table_xlsx(scheduled)
        table = read_task_table(data, f"tasks.{kind}")
        assert table.columns == frozenset(COLUMNS) - COMPUTED
        for row, task in zip(table.rows, plan.tasks, strict=True):
            got = row.task
            assert (got.id, got.phase, got.name, got.name_zh, got.duration, got.milestone) == (
                task.id, task.phase, task.name, task.name_zh, task.duration, task.milestone), path.stem
            assert got.estimate == task.estimate and got.budget == task.budget and got.progress == task.progress
            assert list(got.roles["R"]) == list(task.responsible) and got.roles["A"] == task.roles.get("A")
        links = {(link.pred, link.succ, link.type, link.lag) for link in plan.links}
        notation = {row.task.id: row.predecessors for row in table.rows}
        assert all(link[0] in notation[link[1]] for link in links)


def test_excel_on_a_chinese_windows_saves_gbk_csv_with_semicolons_and_it_reads():
    text = "id;name;duration;phase\nA;需求调研;5;P1\n"
    table = read_task_table(text.encode("gb18030"), "任务表.csv")
    assert [(r.task.id, r.task.name, r.task.duration) for r in table.rows] == [("A", "需求调研", 5)]
    assert table.columns == {"id", "name", "duration", "phase"}


def test_every_problem_is_named_by_row_and_column_at_once():
    data = _xlsx([
        ["id", "name", "duration", "optimistic", "most_likely", "pessimistic", "milestone", "progress", "budget"],
        ["A", "Fine", 3, None, None, None, None, 10, 100],
        ["B", "", "three", None, None, None, None, 10, None],
        ["A", "Again", 2.5, 5, 3, 1, "maybe", 150, -1],
        ["M", "Milestone with days", 4, None, None, None, "yes", None, None],
    ])
    with pytest.raises(TaskTableError) as err:
        read_task_table(data, "plan.xlsx")
    where = [str(path) for path, _ in err.value.problems]
    assert where == ["row 3 · name", "row 3 · duration", "row 4 · id", "row 4 · duration", "row 4 · milestone",
                     "row 4 · optimistic", "row 4 · progress", "row 4 · budget", "row 5 · milestone"]
    assert "row 3 · duration: 'three' is not a number" in str(err.value)


@pytest.mark.parametrize("data, name, message", [
    (b"", "t.csv", "the table is empty"),
    (b"task,days\nA,3\n", "t.csv", "the header row lacks the column(s) id, name"),
    (b"PK\x03\x04 not really", "t.xlsx", "not an Excel workbook"),
    (b"id,name\nA,B\x00C\n", "t.csv", "not a text table"),
    (b"id,name\n\xff\xfe\xff\xff\n", "t.csv", "neither UTF-8 nor GBK"),
])
def test_files_that_are_not_task_tables_are_refused(data, name, message):
    with pytest.raises(TaskTableError) as err:
        read_task_table(data, name)
    assert message in str(err.value)


def test_a_workbook_that_unpacks_to_gigabytes_is_refused_before_it_is_opened():
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 150_000_000)
    with pytest.raises(TaskTableError) as err:
        read_task_table(out.getvalue(), "bomb.xlsx")
    assert "unpacks to too much data" in str(err.value)
