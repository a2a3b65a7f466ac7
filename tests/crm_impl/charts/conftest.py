"""A small scheduled plan every chart test draws, and helpers to read figures."""

from __future__ import annotations

from datetime import date

import pytest

from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanPhase, PlanTask, ScheduledPlan
from tests.crm_impl.schedule.helpers import SAMPLE_FILES, load_sample

DAY_MS = 86_400_000
MONDAY = date(2025, 3, 3)

# a(3) ─FS→ b(2) ─FS→ g (gate);  a ─SS+1→ c(3) ─FF→ g.   T = 5, critical a, b, g; c has slack 1.
LINKS = (Link("a", "b"), Link("a", "c", "SS", 1), Link("b", "g"), Link("c", "g", "FF", 0))
PHASES = (PlanPhase("P1", "Preparation"), PlanPhase("P2", "Build"))
TASKS = (
    PlanTask("a", "Assess", "P1", 3, progress=50),
    PlanTask("b", "Blueprint", "P1", 2),
    PlanTask("c", "Configure", "P2", 3),
    PlanTask("g", "Gate 1", "P2", 0, milestone=True, gate="G1"),
)


def small_plan(**changes) -> Plan:
    values = {"title": "Pilot", "start": MONDAY, "phases": PHASES, "tasks": TASKS, "links": LINKS, **changes}
    return Plan(**values)


@pytest.fixture
def scheduled() -> ScheduledPlan:
    return small_plan().schedule()


@pytest.fixture(params=SAMPLE_FILES, ids=lambda p: p.stem)
def sample(request) -> dict:
    """A golden sample project (the plan and the derived CPM results)."""
    return load_sample(request.param)


def trace(fig, name):
    found = [t for t in fig.data if t.name == name]
    assert len(found) == 1, [t.name for t in fig.data]
    return found[0]


def arrows(fig):
    return [a for a in fig.layout.annotations if a.showarrow]
