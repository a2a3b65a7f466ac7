"""A long plan's Gantt chart prints in parts, each a run of phases unfolded and the others folded,
every part at the chart's full width (one picture of 49+ rows shrank to fit the page's height)."""

from __future__ import annotations

import pytest
from docx.shared import Cm

from crm_impl.operations.planning import plan_schedule
from crm_impl.reports.document import CHART_WIDTH_CM
from crm_impl.reports.gantt import ROWS_PER_PART, gantt_parts, phase_groups
from crm_impl.reports.words import word
from tests.conftest import SAMPLES
from tests.crm_impl.reports.conftest import reopen

AUTOMOTIVE = next(p.stem for p in SAMPLES if "automotive" in p.stem)


@pytest.mark.parametrize(("sizes", "limit", "groups"), [
    ([("P1", 5), ("P2", 5)], 40, [["P1", "P2"]]),
    ([("P1", 10), ("P2", 12), ("P3", 9), ("P4", 20)], 30, [["P1", "P2"], ["P3"], ["P4"]]),
    ([("P1", 3), ("P2", 90), ("P3", 3)], 40, [["P1"], ["P2"], ["P3"]]),  # a huge phase has a part of its own
    ([(f"P{i}", 4) for i in range(1, 10)], 20, [["P1", "P2"], ["P3", "P4"], ["P5", "P6"], ["P7", "P8"], ["P9"]]),
])
def test_phases_are_grouped_in_order_within_the_rows_of_a_part(sizes, limit, groups):
    assert phase_groups(sizes, limit) == groups


def _grid_ids(figure) -> list[str]:
    return list(next(trace for trace in figure.data if trace.xaxis == "x2").customdata)


def test_a_long_plan_is_drawn_in_parts_that_show_every_task_once(sample_session):
    project = sample_session.projects[AUTOMOTIVE]
    tasks = [t.id for t in plan_schedule(project).tasks]
    phases = {t.task.phase for t in plan_schedule(project).tasks}
    assert len(tasks) + len(phases) > ROWS_PER_PART  # the sample is long enough to need parts
    parts = gantt_parts(project, "en")
    assert len(parts) >= 2
    shown = []
    for figure in parts:
        ids = _grid_ids(figure)
        assert len(ids) <= ROWS_PER_PART
        assert sum(1 for value in ids if value.startswith(("▾", "▸"))) == len(phases)  # every phase's row
        shown += [value for value in ids if value in tasks]
    assert shown == tasks  # each task in exactly one part, in plan order
    # A short plan stays one picture.
    assert gantt_parts(project, "en", limit=len(tasks) + len(phases)) == []


def test_the_plan_report_prints_the_parts_at_full_width_under_one_caption(made):
    document = reopen(made("plan", AUTOMOTIVE, "en"))
    paragraphs = document.paragraphs
    caption = next(i for i, p in enumerate(paragraphs)
                   if p.style.name == "Caption" and word("gantt_caption", "en") in p.text)
    pictures = []
    index = caption - 1
    while index >= 0 and paragraphs[index]._p.xpath(".//pic:pic"):
        pictures.append(paragraphs[index])
        index -= 1
    assert len(pictures) >= 2
    for paragraph in pictures:
        extent = paragraph._p.xpath(".//wp:extent")[0]
        assert int(extent.get("cx")) >= Cm(CHART_WIDTH_CM - 0.5)  # not shrunk to fit the page's height
