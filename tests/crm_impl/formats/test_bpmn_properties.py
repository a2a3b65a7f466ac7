"""Property tests: any sound map — random structure, names in any script, any numbers in range —
survives export → import unchanged, measures the same after the trip, and lays out with no flow
through a shape."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_impl.formats.bpmn import export_bpmn, import_bpmn, update_bpmn
from crm_impl.processes import Flow, Lane, Node, ProcessMap, check_map, process_metrics
from tests.crm_impl.formats.test_bpmn import _crosses

#: Names as people type them: any script, inner spaces and line breaks, no leading or trailing
#: blanks (the reader trims those) and nothing XML cannot carry.
NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
                max_size=40).map(str.strip)
HOURS = st.floats(min_value=0, max_value=500, allow_nan=False)
COSTS = st.floats(min_value=0, max_value=1e6, allow_nan=False)
LANES = ("front", "back office", "系统")


@st.composite
def process_maps(draw) -> ProcessMap:
    """A chain of blocks — a task, a choice of 2–3 branches, a parallel block, a rework loop —
    between a start event (or several channels) and an end event."""
    counter = iter(range(10_000))
    nodes: list[Node] = []
    flows: list[Flow] = []

    def new(kind: str, **fields) -> str:
        node_id = f"n{next(counter)}"
        nodes.append(Node(node_id, kind, draw(NAMES), lane=draw(st.sampled_from(LANES)), name_zh=draw(NAMES), **fields))
        return node_id

    def task() -> str:
        return new("task", working_time=draw(HOURS), waiting_time=draw(HOURS), cost=draw(COSTS),
                   value_adding=draw(st.booleans()), automated=draw(st.booleans()),
                   channel=draw(st.none() | st.sampled_from(["phone", "web", "门店"])))

    def probabilities(count: int) -> list[float]:
        weights = draw(st.lists(st.integers(1, 9), min_size=count, max_size=count))
        shares = [w / sum(weights) for w in weights]
        shares[-1] = 1 - sum(shares[:-1])
        return shares

    starts = [new("start", channel=channel) for channel in draw(st.sets(st.sampled_from(["phone", "web", "fax"]),
                                                                        min_size=1, max_size=3))]
    entry = new("exclusive") if len(starts) > 1 else None
    for start in starts:
        flows.append(Flow(start, entry or "", draw(NAMES)))
    current = entry
    for block in draw(st.lists(st.sampled_from(["task", "choice", "parallel", "loop"]), min_size=1, max_size=5)):
        if block == "task":
            head = tail = task()
        elif block == "choice":
            head, tail = new("exclusive"), new("exclusive")
            branches = [task() for _ in range(draw(st.integers(2, 3)))]
            for branch, p in zip(branches, probabilities(len(branches)), strict=True):
                flows += [Flow(head, branch, draw(NAMES), p), Flow(branch, tail)]
        elif block == "parallel":
            head, tail = new("parallel"), new("parallel")
            for _ in range(draw(st.integers(2, 3))):
                branch = task()
                flows += [Flow(head, branch), Flow(branch, tail)]
        else:
            head, tail = new("exclusive"), new("exclusive")
            body = task()
            stay = draw(st.floats(min_value=0.05, max_value=0.9))
            flows += [Flow(head, body), Flow(body, tail), Flow(tail, head, draw(NAMES), stay)]
            after = new("task")
            flows.append(Flow(tail, after, draw(NAMES), 1 - stay))
            tail = after
        if current is None:
            flows = [Flow(f.source, head, f.label) if f.target == "" else f for f in flows]
        else:
            flows.append(Flow(current, head))
        current = tail
    end = new("end", success=draw(st.booleans()))
    flows.append(Flow(current, end))
    lanes = tuple(Lane(key, draw(NAMES), draw(NAMES)) for key in LANES)
    return ProcessMap(draw(st.sampled_from(["order", "预订 流程", "a.b-c"])), draw(NAMES), lanes, tuple(nodes),
                      tuple(flows), name_zh=draw(NAMES))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(process_maps())
def test_any_sound_map_survives_the_trip_and_measures_the_same(pm):
    check_map(pm)
    result = import_bpmn(export_bpmn(pm))
    assert result.process == pm and result.skipped == ()
    assert process_metrics(result.process) == process_metrics(pm)
    assert export_bpmn(result.process, result.layout) == export_bpmn(pm)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(process_maps())
def test_no_flow_of_any_map_crosses_a_shape(pm):
    layout = import_bpmn(export_bpmn(pm)).layout
    for flow in pm.flows:
        points = layout.edges[flow.flow_id]
        for segment in zip(points, points[1:]):
            for node_id, box in layout.shapes.items():
                if node_id not in (flow.source, flow.target):
                    assert not _crosses(segment, box), (flow.key, node_id)


# --------------------------------------------------------------------------- broken files

from pathlib import Path  # noqa: E402
import xml.etree.ElementTree as ET  # noqa: E402

import pytest  # noqa: E402

from crm_impl.errors import ValidationError  # noqa: E402
from crm_impl.processes import map_problems  # noqa: E402
from tests.strategies import NASTY_TEXTS, nasty_text  # noqa: E402

FILES = [Path(__file__).parent / "data" / name for name in ("bpmnio_complaint.bpmn", "bpmnjs_saved_order.bpmn")]


@st.composite
def broken_files(draw) -> bytes:
    """A real modeler file with a few elements removed, attributes set to nasty values, or cut short."""
    data = draw(st.sampled_from(FILES)).read_bytes()
    root = ET.fromstring(data)
    elements = list(root.iter())
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(["drop", "attribute", "text"]))
        element = draw(st.sampled_from(elements[1:]))
        if action == "drop":
            for parent in root.iter():
                if element in list(parent):
                    parent.remove(element)
                    break
        elif action == "attribute" and element.attrib:
            name = draw(st.sampled_from(sorted(element.attrib)))
            value = draw(nasty_text())
            element.set(name, "".join(ch for ch in value if ch not in "\x00" and not "\ud800" <= ch <= "\udfff"))
        else:
            element.text = draw(st.sampled_from(NASTY_TEXTS)).replace("\x00", "").encode("utf-8", "ignore").decode()
    out = ET.tostring(root)
    if draw(st.booleans()):
        out = out[: draw(st.integers(0, len(out)))]
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_files())
def test_a_broken_file_is_read_or_refused_with_a_reason_never_crashes(data):
    try:
        result = import_bpmn(data)
    except ValidationError as error:
        assert error.field and error.reason
        return
    map_problems(result.process)  # a readable map can always be checked
    export_bpmn(result.process, result.layout)  # and written again
    try:
        update_bpmn(data, result.process)
    except ValidationError:
        pass


@pytest.mark.parametrize("value", ["", "-1", "abc", "1e999", "nan", "true"])
def test_nasty_attribute_values_in_our_namespace_are_refused_by_name(value):
    data = FILES[0].read_text("utf-8").replace(
        '<bpmn:userTask id="Activity_1reg0ab" name="Register complaint">',
        f'<bpmn:userTask id="Activity_1reg0ab" name="Register complaint"><bpmn:extensionElements>'
        f'<crm:attributes xmlns:crm="https://crm-impl.org/schema/bpmn/1.0" cost="{value}" /></bpmn:extensionElements>')
    try:
        node = import_bpmn(data).process.node("Activity_1reg0ab")
    except ValidationError as error:
        assert error.field == "userTask[Activity_1reg0ab]" and "cost" in error.reason
    else:
        assert value == "" or float(value) >= 0 and node.cost == float(value)
