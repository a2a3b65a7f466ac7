"""The Gantt chart of a report in parts that stay readable on a page.

Drawn as one picture, a long plan shrinks to fit the page's height: at 24 px a row, 200 tasks
are some 5,000 px tall and would print a few centimetres wide.  Like MS Project printing a long
plan over several pages, the report prints it in parts: each part unfolds a run of consecutive
phases and folds the others to their summary rows, so every part keeps the whole plan's frame
(its phases, dates and the today and status-date lines) at a readable size.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import plotly.graph_objects as go

from crm_impl.models import Baseline, Project
from crm_impl.operations.planning import plan_schedule
from crm_impl.operations.schedule import project_gantt_figure

__all__ = ["ROWS_PER_PART", "phase_groups", "gantt_parts"]

#: Rows of one part: 40 rows of 24 px with the chart's margins keep a portrait page's chart width.
ROWS_PER_PART = 40


def phase_groups(sizes: Sequence[tuple[str, int]], limit: int = ROWS_PER_PART) -> list[list[str]]:
    """Consecutive phases (``(key, tasks)`` in plan order) grouped so that each part's rows — a
    summary row per phase, the tasks of its own phases — stay within ``limit``; a phase larger
    than that has a part of its own.

    >>> phase_groups([("P1", 10), ("P2", 12), ("P3", 9), ("P4", 20)], limit=30)
    [['P1', 'P2'], ['P3'], ['P4']]
    """
    budget = max(1, limit - len(sizes))
    groups: list[list[str]] = []
    current: list[str] = []
    used = 0
    for key, count in sizes:
        if current and used + count > budget:
            groups.append(current)
            current, used = [], 0
        current.append(key)
        used += count
    if current:
        groups.append(current)
    return groups


def gantt_parts(project: Project, locale: str, *, today: date | None = None, baseline: Baseline | None = None,
                limit: int = ROWS_PER_PART) -> list[go.Figure]:
    """The project's Gantt chart (as :func:`~crm_impl.operations.schedule.project_gantt_figure`
    draws it) in parts of at most about ``limit`` rows; empty when it fits in one."""
    sizes: dict[str, int] = {}
    for task in plan_schedule(project).tasks:
        sizes[task.task.phase] = sizes.get(task.task.phase, 0) + 1
    if len(sizes) + sum(sizes.values()) <= limit or len(sizes) < 2:
        return []
    groups = phase_groups(list(sizes.items()), limit)
    if len(groups) < 2:
        return []
    return [project_gantt_figure(project, locale, today=today, baseline=baseline,
                                 collapsed=[key for key in sizes if key not in group]) for group in groups]
