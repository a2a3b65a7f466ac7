"""The network diagram's geometry: no two boxes overlap, no link runs through a box that is not
one of its ends, and each phase's band holds its boxes and no other phase's — for every sample
and for generated networks of up to 200 tasks."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest

from crm_impl.charts.network import network_figure
from crm_impl.projectfile.plan import plan_from_document
from crm_impl.schedule.network import Link
from crm_impl.schedule.plan import Plan, PlanPhase, PlanTask
from tests.conftest import SAMPLES

EPS = 1e-6


def _generated(n: int, seed: int = 7) -> Plan:
    """A plan shaped like a big rollout: phases in sequence, work streams in parallel, some
    links across several phases and some start-to-start links with lags."""
    rng = random.Random(seed)
    tasks = [PlanTask(f"T{i:03d}", f"Task {i}", f"P{i * 9 // n + 1}", rng.randint(1, 15)) for i in range(n)]
    links, seen = [], set()
    for i in range(1, n):
        for _ in range(rng.choice((1, 1, 1, 2, 3))):
            j = rng.randrange(max(0, i - 12), i)
            if (j, i) not in seen:
                seen.add((j, i))
                kind = rng.choice(("FS", "FS", "FS", "SS", "FF"))
                links.append(Link(tasks[j].id, tasks[i].id, kind, rng.choice((0, 0, 2, -1)) if kind != "FS" else 0))
    phases = tuple(PlanPhase(f"P{k}", f"Phase {k}") for k in range(1, 10))
    return Plan("Generated", date(2026, 1, 5), phases=phases, tasks=tuple(tasks), links=tuple(links))


def _plans():
    for path in SAMPLES:
        yield path.stem, plan_from_document(json.loads(path.read_text("utf-8")))
    for n, seed in ((200, 7), (200, 11), (60, 3), (120, 23)):
        yield f"generated-{n}-{seed}", _generated(n, seed)


def _crosses(p, q, box) -> bool:
    """Whether segment ``p``–``q`` passes through the inside of ``box`` (Liang–Barsky)."""
    x0, y0, x1, y1 = box[0] + EPS, box[1] + EPS, box[2] - EPS, box[3] - EPS
    dx, dy = q[0] - p[0], q[1] - p[1]
    low, high = 0.0, 1.0
    for step, distance in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if step == 0:
            if distance < 0:
                return False
            continue
        t = distance / step
        if step < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    return high - low > EPS


def _touches(point, box) -> bool:
    return box[0] - EPS <= point[0] <= box[2] + EPS and box[1] - EPS <= point[1] <= box[3] + EPS


def _boxes(figure) -> dict[str, tuple[float, float, float, float]]:
    return {s.name: (s.x0, s.y0, s.x1, s.y1) for s in figure.layout.shapes if not s.name.startswith("phase:")}


@pytest.mark.parametrize("name, plan", list(_plans()), ids=lambda value: value if isinstance(value, str) else "")
def test_no_link_through_a_box_and_no_boxes_overlap(name, plan):
    figure = network_figure(plan.schedule())
    boxes = list(_boxes(figure).values())
    assert len(boxes) == len(plan.tasks)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] - EPS and b[0] < a[2] - EPS and a[1] < b[3] - EPS and b[1] < a[3] - EPS), (a, b)
    polylines = []
    for trace in figure.data:
        if trace.name == "links":
            current = []
            for x, y in zip(trace.x, trace.y):
                if x is None:
                    polylines.append(current)
                    current = []
                else:
                    current.append((x, y))
    assert len(polylines) == len(plan.links)
    for line in polylines:
        ends = [box for box in boxes if _touches(line[0], box) or _touches(line[-1], box)]
        for p, q in zip(line, line[1:]):
            through = [box for box in boxes if box not in ends and _crosses(p, q, box)]
            assert not through, (name, p, q, through)


@pytest.mark.parametrize("name, plan", list(_plans()), ids=lambda value: value if isinstance(value, str) else "")
def test_each_phase_is_a_band_that_holds_its_boxes_and_no_other(name, plan):
    figure = network_figure(plan.schedule())
    boxes = _boxes(figure)
    bands = {tuple(s.name.removeprefix("phase:").split(",")): s for s in figure.layout.shapes
             if s.name.startswith("phase:")}
    phases_with_tasks = {t.phase for t in plan.tasks}
    assert {key for keys in bands for key in keys} == phases_with_tasks  # every phase in exactly one band
    assert sum(len(keys) for keys in bands) == len(phases_with_tasks)
    labelled = {a.name: a.text for a in figure.layout.annotations if (a.name or "").startswith("phase:")}
    for keys, band in bands.items():
        assert keys[0] in labelled["phase:" + ",".join(keys)]  # named on the diagram
        for task in plan.tasks:
            x0, y0, x1, y1 = boxes[task.id]
            inside = band.x0 - EPS <= x0 and x1 <= band.x1 + EPS and band.y0 - EPS <= y0 and y1 <= band.y1 + EPS
            overlaps = x0 < band.x1 - EPS and band.x0 < x1 - EPS
            if task.phase in keys:
                assert inside, (name, task.id, keys)
            else:
                assert not overlaps, (name, task.id, task.phase, keys)
    if name.startswith("generated"):  # phases in sequence: one band each, left to right in plan order
        assert [keys for keys in bands] == sorted(((key,) for key in phases_with_tasks), key=lambda k: int(k[0][1:]))
        assert [b.x0 for b in bands.values()] == sorted(b.x0 for b in bands.values())
