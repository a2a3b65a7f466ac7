"""Shared test helpers: the golden samples, a naive reference CPM and random networks.

A golden sample is a sample project file (the real format, read by the real reader) paired
with the schedule the domain document derives for it (``data/<name>.json``).
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

from crm_impl.projectfile import read
from crm_impl.projectfile.plan import plan_from_document
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.network import Activity, Link, Network
from crm_impl.schedule.plan import Plan

ROOT = Path(__file__).resolve().parents[3]
DATA = Path(__file__).resolve().parent / "data"
SAMPLE_FILES = sorted(DATA.glob("*.json"))


def load_sample(path: Path) -> dict:
    """The golden record with the sample's ``document``, ``plan``, ``tasks`` and ``start_date``."""
    golden = json.loads(path.read_text("utf-8"))
    document = read((ROOT / golden["project_file"]).read_bytes())
    return {
        **golden,
        "document": document,
        "plan": plan_from_document(document),
        "tasks": document["tasks"],
        "start_date": document["project"]["start_date"],
    }


def sample_plan(sample: dict) -> Plan:
    return sample["plan"]


def sample_inputs(sample: dict) -> tuple[list[Activity], list[Link]]:
    """Most-likely activities and links of a sample project."""
    plan = sample_plan(sample)
    return plan.activities(), list(plan.links)


def sample_network(sample: dict) -> Network:
    return sample_plan(sample).network


def sample_estimates(sample: dict) -> dict[str, ThreePoint]:
    return sample_plan(sample).estimates()
def reference_cpm(activities: list[Activity], links: list[Link]) -> tuple[int, dict[str, dict[str, int]]]:
    """§4.3 written out literally: relax every constraint until nothing changes.

    Deliberately shares nothing with the engine (no topological order, no start-to-start
    weights): each link type's rule is applied as the methodology states it.
    """
    d = {a.id: a.duration for a in activities}
    es = {a.id: max(0, a.start_no_earlier_than or 0) for a in activities}
    for _ in range(len(activities) + 1):
        changed = False
        for link in links:
            p, s, lag = link.pred, link.succ, link.lag
            need = {
                "FS": es[p] + d[p] + lag,  # ES_s >= EF_p + lag
                "SS": es[p] + lag,  # ES_s >= ES_p + lag
                "FF": es[p] + d[p] + lag - d[s],  # EF_s >= EF_p + lag
                "SF": es[p] + lag - d[s],  # EF_s >= ES_p + lag
            }[link.type]
            if need > es[s]:
                es[s], changed = need, True
        if not changed:
            break
    ef = {t: es[t] + d[t] for t in d}
    project = max(ef.values(), default=0)
    lf = {
        a.id: project if a.finish_no_later_than is None else min(project, a.finish_no_later_than)
        for a in activities
    }
    for _ in range(len(activities) + 1):
        changed = False
        for link in links:
            p, s, lag = link.pred, link.succ, link.lag
            ls_s = lf[s] - d[s]
            bound = {
                "FS": ls_s - lag,  # EF_p <= LS_s - lag
                "SS": ls_s - lag + d[p],  # LS_p <= LS_s - lag
                "FF": lf[s] - lag,  # LF_p <= LF_s - lag
                "SF": lf[s] - lag + d[p],  # LS_p <= LF_s - lag
            }[link.type]
            if bound < lf[p]:
                lf[p], changed = bound, True
        if not changed:
            break
    free = {t: project - ef[t] for t in d}
    for link in links:
        p, s, lag = link.pred, link.succ, link.lag
        gap = {
            "FS": es[s] - (ef[p] + lag),
            "SS": es[s] - (es[p] + lag),
            "FF": ef[s] - (ef[p] + lag),
            "SF": ef[s] - (es[p] + lag),
        }[link.type]
        free[p] = min(free[p], gap)
    timings = {
        t: {"es": es[t], "ef": ef[t], "ls": lf[t] - d[t], "lf": lf[t], "slack": lf[t] - d[t] - es[t], "free": free[t]}
        for t in d
    }
    return project, timings


@st.composite
def networks(draw, *, max_tasks: int = 12, constraints: bool = False) -> tuple[list[Activity], list[Link]]:
    """Random acyclic networks: links only go from a lower to a higher task number."""
    n = draw(st.integers(1, max_tasks))
    activities = []
    for i in range(n):
        duration = draw(st.integers(0, 10))
        snet = draw(st.one_of(st.none(), st.integers(0, 30))) if constraints else None
        fnlt = draw(st.one_of(st.none(), st.integers(0, 60))) if constraints else None
        activities.append(Activity(f"t{i}", duration, start_no_earlier_than=snet, finish_no_later_than=fnlt))
    links = []
    if n > 1:
        pairs = draw(
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda ab: ab[0] < ab[1]),
                     max_size=3 * n)
        )
        for a, b in pairs:
            links.append(Link(f"t{a}", f"t{b}", draw(st.sampled_from(["FS", "SS", "FF", "SF"])), draw(st.integers(-5, 5))))
    # Shuffle task order so input order is not a topological order.
    order = draw(st.permutations(range(n)))
    return [activities[i] for i in order], links
