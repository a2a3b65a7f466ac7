"""Property tests: any sound map — random structure, names in any script, any numbers in range —
survives export → import unchanged, measures the same after the trip, and lays out with no flow
through a shape; any broken modeler file is read or refused with a reason, never crashes."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_impl.errors import ValidationError
from crm_impl.formats.bpmn import export_bpmn, import_bpmn, update_bpmn
from crm_impl.processes import check_map, map_problems, process_metrics
from tests.crm_impl.formats.test_bpmn import _crosses
from tests.crm_impl.processes.maps import process_maps
from tests.strategies import NASTY_TEXTS, nasty_text


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

