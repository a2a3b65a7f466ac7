"""BPMN 2.0 XML: process maps to and from bpmn.io, Camunda Modeler, Bizagi and Signavio.

**Export** (:func:`export_bpmn`) writes a collaboration with one pool (the map) whose lanes form a
``laneSet``; events, tasks, gateways, data objects with their ``dataObject``, sequence flows
(a flow's label is its ``name`` and, leaving an exclusive gateway, its ``conditionExpression``)
and data associations; and a BPMN DI diagram with a shape for the pool, every lane and every node
and an edge with waypoints for every flow, so the modelers open the file with its layout
(:func:`~crm_impl.formats.bpmn_layout.layered_lane_layout`, or a layout read from a file).

What BPMN has no attribute for travels as an extension element in our namespace
:data:`CRM_NAMESPACE`, which other tools keep untouched::

    <bpmn:task id="C1" name="Check for vacant rooms">
      <bpmn:extensionElements>
        <crm:attributes workingTime="0.1" waitingTime="0" cost="2" valueAdding="false"
                        automated="true" channel="web"/>
      </bpmn:extensionElements>
    </bpmn:task>

(``share`` on start events, ``success`` on end events, ``probability`` on sequence flows with
``probabilityAssumed="true"`` while it is an assumption not yet confirmed, ``nameZh``
— the Chinese name — on the process, lanes and nodes.)  A character XML cannot carry at all (a
control character pasted into a name) is written as U+FFFD.

**Import** (:func:`import_bpmn`) reads the first process with flow nodes (or the one named),
with ``defusedxml`` (no DTD, so no entity tricks), at most :data:`~crm_impl.limits.MAX_BPMN_BYTES`
and :data:`~crm_impl.limits.MAX_PROCESS_NODES` elements.  Tasks of every type become tasks (a
service, script or business-rule task is automated unless our attributes say otherwise);
intermediate events pass through; what we do not model (inclusive or event-based gateways,
boundary events, annotations, sub-process contents, other processes) is listed in
:attr:`BpmnImport.skipped`, never dropped silently.  The file's own layout comes back too, so a
map exported again keeps its shapes where the person put them.

**Update** (:func:`update_bpmn`) writes a map's names and attributes into the file they came from
(the modeler's XML), leaving the person's layout, annotations and other tools' extensions as
they were.

>>> from crm_impl.processes.model import Flow, Lane, Node, ProcessMap
>>> pm = ProcessMap("order", "Order", (Lane("sales", "Sales"),), (Node("s", "start", lane="sales"),
...     Node("t", "task", "Take order", lane="sales", working_time=0.25, cost=4.5, channel="phone"),
...     Node("e", "end", lane="sales", success=True)), (Flow("s", "t"), Flow("t", "e")))
>>> data = export_bpmn(pm)
>>> is_bpmn(data), import_bpmn(data).process == pm
(True, True)
"""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import defusedxml
import defusedxml.ElementTree as DET

from crm_impl.errors import ValidationError
from crm_impl.formats.bpmn_layout import Bounds, DiagramLayout, layered_lane_layout
from crm_impl.limits import (
    MAX_AMOUNT,
    MAX_BPMN_BYTES,
    MAX_BPMN_ELEMENTS,
    MAX_BPMN_NESTING,
    MAX_PROCESS_FLOWS,
    MAX_PROCESS_HOURS,
    MAX_PROCESS_NODES,
    check_text,
)
from crm_impl.processes.model import (
    DATA,
    END,
    EXCLUSIVE,
    INTERMEDIATE,
    PARALLEL,
    START,
    TASK,
    DataLink,
    Flow,
    Lane,
    Node,
    ProcessMap,
)

__all__ = ["BPMN_NAMESPACE", "BPMNDI_NAMESPACE", "DC_NAMESPACE", "DI_NAMESPACE", "CRM_NAMESPACE", "MAX_NAME",
           "MAX_ELEMENTS", "MAX_NESTING",
           "Skipped", "BpmnImport", "export_bpmn", "import_bpmn", "update_bpmn", "is_bpmn", "element_id"]

BPMN_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI_NAMESPACE = "http://www.omg.org/spec/BPMN/20100524/DI"
DC_NAMESPACE = "http://www.omg.org/spec/DD/20100524/DC"
DI_NAMESPACE = "http://www.omg.org/spec/DD/20100524/DI"
XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance"
#: Our extension namespace (task times, costs, flags, channel; start shares; flow probabilities).
CRM_NAMESPACE = "https://crm-impl.org/schema/bpmn/1.0"
#: The longest name or label read from a file.
MAX_NAME = 300
MAX_ELEMENTS = MAX_BPMN_ELEMENTS
MAX_NESTING = MAX_BPMN_NESTING

_PREFIXES = {"bpmn": BPMN_NAMESPACE, "bpmndi": BPMNDI_NAMESPACE, "dc": DC_NAMESPACE, "di": DI_NAMESPACE,
             "xsi": XSI_NAMESPACE, "crm": CRM_NAMESPACE}

#: BPMN element → our node kind.
_KINDS: dict[str, str] = {
    "startEvent": START, "endEvent": END,
    "task": TASK, "userTask": TASK, "manualTask": TASK, "sendTask": TASK, "receiveTask": TASK,
    "serviceTask": TASK, "scriptTask": TASK, "businessRuleTask": TASK, "subProcess": TASK, "callActivity": TASK,
    "exclusiveGateway": EXCLUSIVE, "parallelGateway": PARALLEL,
    "intermediateCatchEvent": INTERMEDIATE, "intermediateThrowEvent": INTERMEDIATE,
    "dataObjectReference": DATA, "dataStoreReference": DATA,
}
#: Task types a machine performs: automated unless our attributes say otherwise.
_AUTOMATED_TYPES = frozenset({"serviceTask", "scriptTask", "businessRuleTask"})
#: Elements of a process that need no node of their own (read through their references).
_QUIET = frozenset({"laneSet", "sequenceFlow", "dataObject", "dataStore", "extensionElements", "documentation",
                    "ioSpecification", "property"})
#: Our node kind → the BPMN element written.
_ELEMENTS = {START: "startEvent", END: "endEvent", TASK: "task", EXCLUSIVE: "exclusiveGateway",
             PARALLEL: "parallelGateway", INTERMEDIATE: "intermediateThrowEvent", DATA: "dataObjectReference"}
_NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")


@dataclass(frozen=True)
class Skipped:
    """An element of the file the process model has no place for."""

    element: str
    id: str
    name: str = ""


@dataclass(frozen=True)
class BpmnImport:
    process: ProcessMap
    skipped: tuple[Skipped, ...]
    #: The file's own diagram (``None`` when it has none).
    layout: DiagramLayout | None


#: Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _scrub(root: ET.Element) -> None:
    """Replace what XML cannot carry in any name or text by U+FFFD, so the file stays readable."""
    for element in root.iter():
        for name, value in element.attrib.items():
            if _NOT_XML.search(value):
                element.set(name, _NOT_XML.sub("\ufffd", value))
        if element.text and _NOT_XML.search(element.text):
            element.text = _NOT_XML.sub("\ufffd", element.text)


def _q(prefix: str, tag: str) -> str:
    return f"{{{_PREFIXES[prefix]}}}{tag}"


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _namespace(tag: object) -> str:
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def is_bpmn(data: bytes | str) -> bool:
    """Whether ``data`` looks like BPMN 2.0 XML (its root is ``definitions`` in the BPMN
    namespace) — tells a ``.bpmn`` or BPMN ``.xml`` upload apart from MS Project XML cheaply.

    >>> is_bpmn(b'<Project xmlns="http://schemas.microsoft.com/project"/>')
    False
    """
    head = data[:4096] if isinstance(data, bytes) else data[:4096].encode("utf-8", "replace")
    match = re.search(rb"<(?:([A-Za-z_][\w.\-]*):)?definitions\b[^>]*", head)
    if not match:
        return False
    prefix = match.group(1)
    declaration = rb"xmlns:" + prefix if prefix else rb"xmlns"
    return re.search(declaration + rb'\s*=\s*["\']' + re.escape(BPMN_NAMESPACE.encode()), match.group(0)) is not None


# --------------------------------------------------------------------------------------- export


def _fmt(value: float) -> str:
    return repr(float(value)).removesuffix(".0") if math.isfinite(value) else "0"


def element_id(node_id: str) -> str:
    """The id a node, lane or flow of ours has in the BPMN files we write: the same when it is an
    XML name, else a hex spelling of it (the original travels as ``crm:key``) — what a page needs to
    find a node's shape in the modeler, e.g. to colour the nodes a redesign changed.

    >>> element_id("C1"), element_id("任务")
    ('C1', 'id_e4bbbbe58aa1')
    """
    return node_id if _NCNAME.match(node_id) else "id_" + node_id.encode("utf-8").hex()


_xml_id = element_id


def _attributes(parent: ET.Element, values: dict[str, str]) -> None:
    if values:
        extension = ET.SubElement(parent, _q("bpmn", "extensionElements"))
        ET.SubElement(extension, _q("crm", "attributes"), values)


def _node_attributes(node: Node) -> dict[str, str]:
    values: dict[str, str] = {}
    if node.id != _xml_id(node.id):
        values["key"] = node.id
    if node.name_zh:
        values["nameZh"] = node.name_zh
    if node.kind in (TASK, INTERMEDIATE):
        values.update(workingTime=_fmt(node.working_time), waitingTime=_fmt(node.waiting_time), cost=_fmt(node.cost))
    if node.kind == TASK:
        values.update(valueAdding=str(node.value_adding).lower(), automated=str(node.automated).lower())
    if node.channel:
        values["channel"] = node.channel
    if node.kind == START and node.share is not None:
        values["share"] = _fmt(node.share)
    if node.kind == END:
        values["success"] = str(node.success).lower()
    return values


def _flow_attributes(flow: Flow) -> dict[str, str]:
    if flow.probability is None:
        return {}
    return {"probability": _fmt(flow.probability), **({"probabilityAssumed": "true"} if flow.assumed else {})}


def export_bpmn(pm: ProcessMap, layout: DiagramLayout | None = None) -> bytes:
    """``pm`` as BPMN 2.0 XML (UTF-8) with a diagram: ``layout`` where it places a shape, else
    the layered lane layout."""
    auto = layered_lane_layout(pm)
    if layout is not None:
        auto = DiagramLayout(shapes={**auto.shapes, **{k: v for k, v in layout.shapes.items() if pm.has_node(k)}},
                             edges={**auto.edges, **layout.edges}, lanes={**auto.lanes, **layout.lanes},
                             pool=layout.pool or auto.pool, labels={**auto.labels, **layout.labels})
    layout = auto
    for prefix, uri in _PREFIXES.items():
        ET.register_namespace(prefix, uri)
    key = _xml_id(pm.key or "process")
    root = ET.Element(_q("bpmn", "definitions"), {
        "id": f"Definitions_{key}", "targetNamespace": f"https://crm-impl.org/process/{key}",
        "exporter": "crm-impl", "exporterVersion": "1.0"})
    collaboration = ET.SubElement(root, _q("bpmn", "collaboration"), {"id": f"Collaboration_{key}"})
    participant = ET.SubElement(collaboration, _q("bpmn", "participant"), {"id": f"Participant_{key}"})
    process = ET.SubElement(root, _q("bpmn", "process"), {"id": key, "isExecutable": "false"})
    if pm.name:
        participant.set("name", pm.name)
        process.set("name", pm.name)
    participant.set("processRef", key)
    _attributes(process, {**({"key": pm.key} if pm.key != key else {}), **({"nameZh": pm.name_zh} if pm.name_zh else {})})
    if pm.lanes:
        lane_set = ET.SubElement(process, _q("bpmn", "laneSet"), {"id": f"LaneSet_{key}"})
        for lane in pm.lanes:
            element = ET.SubElement(lane_set, _q("bpmn", "lane"), {"id": _xml_id(lane.key)})
            if lane.name:
                element.set("name", lane.name)
            _attributes(element, {**({"key": lane.key} if lane.key != _xml_id(lane.key) else {}),
                                  **({"nameZh": lane.name_zh} if lane.name_zh else {})})
            for node in pm.nodes:
                if node.lane == lane.key:
                    ET.SubElement(element, _q("bpmn", "flowNodeRef")).text = _xml_id(node.id)
    links = list(enumerate(pm.data_links))
    for node in pm.nodes:
        attrs = {"id": _xml_id(node.id)}
        if node.name:
            attrs["name"] = node.name
        if node.kind == DATA:
            attrs["dataObjectRef"] = f"DataObject_{_xml_id(node.id)}"
            ET.SubElement(process, _q("bpmn", "dataObject"), {"id": attrs["dataObjectRef"]})
        element = ET.SubElement(process, _q("bpmn", _ELEMENTS[node.kind]), attrs)
        _attributes(element, _node_attributes(node))
        if node.kind == DATA:
            continue
        for flow in pm.incoming(node.id):
            ET.SubElement(element, _q("bpmn", "incoming")).text = _xml_id(flow.flow_id)
        for flow in pm.outgoing(node.id):
            ET.SubElement(element, _q("bpmn", "outgoing")).text = _xml_id(flow.flow_id)
        for index, link in links:
            if link.node == node.id and link.direction == "in":
                association = ET.SubElement(element, _q("bpmn", "dataInputAssociation"), {"id": f"DataLink_{index}"})
                ET.SubElement(association, _q("bpmn", "sourceRef")).text = _xml_id(link.data)
        for index, link in links:
            if link.node == node.id and link.direction == "out":
                association = ET.SubElement(element, _q("bpmn", "dataOutputAssociation"), {"id": f"DataLink_{index}"})
                ET.SubElement(association, _q("bpmn", "targetRef")).text = _xml_id(link.data)
    for flow in pm.flows:
        attrs = {"id": _xml_id(flow.flow_id), "sourceRef": _xml_id(flow.source), "targetRef": _xml_id(flow.target)}
        if flow.label:
            attrs["name"] = flow.label
        element = ET.SubElement(process, _q("bpmn", "sequenceFlow"), attrs)
        _attributes(element, _flow_attributes(flow))
        if flow.label and pm.has_node(flow.source) and pm.node(flow.source).kind == EXCLUSIVE:
            condition = ET.SubElement(element, _q("bpmn", "conditionExpression"),
                                      {_q("xsi", "type"): "bpmn:tFormalExpression"})
            condition.text = flow.label
    _diagram(root, pm, key, layout)
    _scrub(root)
    ET.indent(root, space="  ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"


def _bounds(parent: ET.Element, bounds: Bounds) -> None:
    ET.SubElement(parent, _q("dc", "Bounds"), {"x": str(bounds.x), "y": str(bounds.y), "width": str(bounds.width),
                                               "height": str(bounds.height)})


def _diagram(root: ET.Element, pm: ProcessMap, key: str, layout: DiagramLayout) -> None:
    diagram = ET.SubElement(root, _q("bpmndi", "BPMNDiagram"), {"id": f"Diagram_{key}"})
    plane = ET.SubElement(diagram, _q("bpmndi", "BPMNPlane"), {"id": f"Plane_{key}", "bpmnElement": f"Collaboration_{key}"})
    shape = ET.SubElement(plane, _q("bpmndi", "BPMNShape"), {"id": f"Participant_{key}_di",
                                                              "bpmnElement": f"Participant_{key}", "isHorizontal": "true"})
    _bounds(shape, layout.pool)
    for lane in pm.lanes:
        shape = ET.SubElement(plane, _q("bpmndi", "BPMNShape"), {"id": f"{_xml_id(lane.key)}_di",
                                                                  "bpmnElement": _xml_id(lane.key), "isHorizontal": "true"})
        _bounds(shape, layout.lanes[lane.key])
    for node in pm.nodes:
        attrs = {"id": f"{_xml_id(node.id)}_di", "bpmnElement": _xml_id(node.id)}
        if node.kind == EXCLUSIVE:
            attrs["isMarkerVisible"] = "true"
        shape = ET.SubElement(plane, _q("bpmndi", "BPMNShape"), attrs)
        _bounds(shape, layout.shapes[node.id])
        if node.id in layout.labels:
            _bounds(ET.SubElement(shape, _q("bpmndi", "BPMNLabel")), layout.labels[node.id])
    edge_ids = [(flow.flow_id, _xml_id(flow.flow_id)) for flow in pm.flows]
    edge_ids += [(f"DataLink_{index}", f"DataLink_{index}") for index in range(len(pm.data_links))]
    for layout_id, element_id in edge_ids:
        edge = ET.SubElement(plane, _q("bpmndi", "BPMNEdge"), {"id": f"{element_id}_di", "bpmnElement": element_id})
        for x, y in layout.edges[layout_id]:
            ET.SubElement(edge, _q("di", "waypoint"), {"x": str(x), "y": str(y)})


# --------------------------------------------------------------------------------------- import


def _parse(data: bytes | str) -> ET.Element:
    if len(data) > MAX_BPMN_BYTES:
        raise ValidationError("file is larger than %(limit)s MB", "file", limit=MAX_BPMN_BYTES // 2**20)
    if not data.strip():
        raise ValidationError("the file is empty", "file")
    try:
        # BPMN never needs a DTD; refusing one also refuses entity tricks (XXE, billion laughs).
        root = DET.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException as exc:
        raise ValidationError("refused unsafe XML (%(name)s)", "file", name=type(exc).__name__) from None
    except ET.ParseError as exc:
        raise ValidationError("not well-formed XML: %(exc)s", "file", exc=exc) from None
    except LookupError as exc:  # encoding="x-unknown" in the XML declaration
        raise ValidationError("not well-formed XML: %(exc)s", "file", exc=exc) from None
    if root.tag != _q("bpmn", "definitions"):
        raise ValidationError("not a BPMN 2.0 file: the root element is %(tag)s, not definitions in the BPMN 2.0 "
                              "namespace", "file", tag=_local(root.tag) or "?")
    count, stack = 0, [(root, 1)]
    while stack:  # iteratively: a file nested thousands deep must not exhaust Python's stack later
        element, depth = stack.pop()
        count += 1
        if count > MAX_ELEMENTS:
            raise ValidationError("the file has more than %(limit)s elements", "file", limit=MAX_ELEMENTS)
        if depth > MAX_NESTING:
            raise ValidationError("the file nests elements more than %(limit)s deep", "file", limit=MAX_NESTING)
        stack.extend((child, depth + 1) for child in element)
    return root


def _text(value: str | None, where: str) -> str:
    value = (value or "").strip()
    return check_text(value, where, MAX_NAME)


def _crm(element: ET.Element) -> dict[str, str]:
    extension = element.find(_q("bpmn", "extensionElements"))
    found = extension.find(_q("crm", "attributes")) if extension is not None else None
    return dict(found.attrib) if found is not None else {}


def _number(values: dict[str, str], name: str, where: str, limit: float) -> float:
    raw = values.get(name)
    if raw is None:
        return 0.0
    try:
        value = float(raw)
    except ValueError:
        raise ValidationError("%(attribute)s is not a number: %(value)r", where, attribute=name, value=raw[:40]) from None
    if not math.isfinite(value) or not 0 <= value <= limit:
        raise ValidationError("%(attribute)s must be a number from 0 to %(limit)s, got %(value)r", where,
                              attribute=name, limit=f"{limit:,.0f}", value=raw[:40])
    return value


def _flag(values: dict[str, str], name: str, where: str, default: bool = False) -> bool:
    raw = values.get(name)
    if raw is None:
        return default
    if raw.strip().lower() not in ("true", "false", "1", "0"):
        raise ValidationError("%(attribute)s must be true or false, got %(value)r", where, attribute=name,
                              value=raw[:40])
    return raw.strip().lower() in ("true", "1")


def _pick_process(root: ET.Element, process_id: str | None, skipped: list[Skipped]) -> ET.Element:
    processes = root.findall(_q("bpmn", "process"))
    if process_id is not None:
        chosen = next((p for p in processes if p.get("id") == process_id), None)
        if chosen is None:
            raise ValidationError("the file has no process %(id)r", "process", id=process_id)
    else:
        chosen = next((p for p in processes if any(_local(c.tag) in _KINDS for c in p)), None)
        if chosen is None:
            raise ValidationError("the file has no process with events, tasks or gateways", "file")
    for other in processes:
        if other is not chosen and any(_local(c.tag) in _KINDS for c in other):
            skipped.append(Skipped("process", other.get("id", ""), other.get("name", "")[:MAX_NAME]))
    for collaboration in root.findall(_q("bpmn", "collaboration")):
        for child in collaboration:
            tag = _local(child.tag)
            if tag in ("extensionElements", "documentation") or _namespace(child.tag) != BPMN_NAMESPACE \
                    or tag == "participant" and child.get("processRef") == chosen.get("id"):
                continue
            skipped.append(Skipped(tag, child.get("id", ""), (child.get("name") or child.findtext(_q("bpmn", "text"))
                                                              or "")[:MAX_NAME]))
    return chosen


def _lanes(process: ET.Element) -> tuple[list[Lane], dict[str, str], dict[str, str]]:
    """Leaf lanes (nested lane sets flattened), node → lane, lane element id → key."""
    lanes: list[Lane] = []
    member: dict[str, str] = {}
    keys: dict[str, str] = {}

    def walk(lane_set: ET.Element, prefix: str) -> None:
        for lane in lane_set.findall(_q("bpmn", "lane")):
            lane_id = lane.get("id", "")
            where = f"lane[{lane_id}]"
            name = _text(lane.get("name"), f"{where}.name")
            child = lane.find(_q("bpmn", "childLaneSet"))
            if child is not None and child.findall(_q("bpmn", "lane")):
                walk(child, f"{prefix}{name} / " if name else prefix)
                continue
            values = _crm(lane)
            key = _text(values.get("key") or lane_id, where)
            keys[lane_id] = key
            lanes.append(Lane(key, f"{prefix}{name}", _text(values.get("nameZh"), f"{where}.nameZh")))
            for ref in lane.findall(_q("bpmn", "flowNodeRef")):
                member[(ref.text or "").strip()] = key

    for lane_set in process.findall(_q("bpmn", "laneSet")):
        walk(lane_set, "")
    return lanes, member, keys


def _layout(root: ET.Element, ids: dict[str, str], flow_ids: dict[str, str], lane_keys: dict[str, str],
            participant: str | None) -> DiagramLayout | None:
    plane = root.find(f"{_q('bpmndi', 'BPMNDiagram')}/{_q('bpmndi', 'BPMNPlane')}")
    if plane is None:
        return None
    shapes, labels, lanes, edges = {}, {}, {}, {}
    pool = None

    def bounds(element: ET.Element | None) -> Bounds | None:
        if element is None:
            return None
        try:
            return Bounds(*(round(float(element.get(a, "0"))) for a in ("x", "y", "width", "height")))
        except (ValueError, OverflowError):
            return None

    for shape in plane.findall(_q("bpmndi", "BPMNShape")):
        target = shape.get("bpmnElement", "")
        box = bounds(shape.find(_q("dc", "Bounds")))
        if box is None:
            continue
        if target in ids:
            shapes[ids[target]] = box
            label = bounds(shape.find(f"{_q('bpmndi', 'BPMNLabel')}/{_q('dc', 'Bounds')}"))
            if label is not None:
                labels[ids[target]] = label
        elif target in lane_keys:
            lanes[lane_keys[target]] = box
        elif participant is not None and target == participant:
            pool = box
    for edge in plane.findall(_q("bpmndi", "BPMNEdge")):
        target = edge.get("bpmnElement", "")
        points = []
        for point in edge.findall(_q("di", "waypoint")):
            try:
                points.append((round(float(point.get("x", "0"))), round(float(point.get("y", "0")))))
            except (ValueError, OverflowError):
                points = []
                break
        if target in flow_ids and points:
            edges[flow_ids[target]] = points
    if not shapes:
        return None
    if pool is None:
        xs = [b.x for b in shapes.values()] + [b.right for b in shapes.values()]
        ys = [b.y for b in shapes.values()] + [b.bottom for b in shapes.values()]
        pool = Bounds(min(xs) - 60, min(ys) - 40, max(xs) - min(xs) + 100, max(ys) - min(ys) + 80)
    return DiagramLayout(shapes, edges, lanes, pool, labels)


def import_bpmn(data: bytes | str, process_id: str | None = None) -> BpmnImport:
    """The process map in BPMN 2.0 XML ``data`` (see the module's docstring); a
    :class:`ValidationError` naming the element for what cannot be read."""
    root = _parse(data)
    skipped: list[Skipped] = []
    process = _pick_process(root, process_id, skipped)
    participant = next((p for p in root.iter(_q("bpmn", "participant")) if p.get("processRef") == process.get("id")), None)
    key = _text(_crm(process).get("key") or process.get("id"), "process.id")
    name = _text(process.get("name") or (participant.get("name") if participant is not None else ""), "process.name")
    lanes, member, lane_keys = _lanes(process)
    nodes: list[Node] = []
    ids: dict[str, str] = {}
    data_links: list[tuple[str, str, str, str]] = []  # (association id, task, data element id, direction)
    data_refs: dict[str, str] = {}
    for element in process:
        tag = _local(element.tag)
        element_id = element.get("id", "")
        where = f"{tag}[{element_id}]"
        if _namespace(element.tag) != BPMN_NAMESPACE or tag in _QUIET:
            continue
        kind = _KINDS.get(tag)
        if kind is None:
            skipped.append(Skipped(tag, element_id, element.get("name", "")[:MAX_NAME]))
            continue
        if len(nodes) >= MAX_PROCESS_NODES:
            raise ValidationError("the file has more than %(limit)s nodes", "file", limit=MAX_PROCESS_NODES)
        values = _crm(element)
        node_id = _text(values.get("key") or element_id, f"{where}.id")
        if not node_id:
            raise ValidationError("a %(element)s has no id", "file", element=tag)
        if tag in ("subProcess",) and any(_local(c.tag) in _KINDS for c in element):
            skipped.append(Skipped("subProcess content", element_id, element.get("name", "")[:MAX_NAME]))
        ids[element_id] = node_id
        nodes.append(Node(
            id=node_id, kind=kind, name=_text(element.get("name"), f"{where}.name"),
            lane=member.get(element_id),
            working_time=_number(values, "workingTime", where, MAX_PROCESS_HOURS),
            waiting_time=_number(values, "waitingTime", where, MAX_PROCESS_HOURS),
            cost=_number(values, "cost", where, MAX_AMOUNT),
            value_adding=_flag(values, "valueAdding", where),
            automated=_flag(values, "automated", where, default=tag in _AUTOMATED_TYPES),
            channel=_text(values.get("channel"), f"{where}.channel") or None,
            share=_number(values, "share", where, 1) if "share" in values else None,
            success=_flag(values, "success", where),
            name_zh=_text(values.get("nameZh"), f"{where}.nameZh"),
        ))
        for association in element.findall(_q("bpmn", "dataInputAssociation")):
            source = association.find(_q("bpmn", "sourceRef"))
            if source is not None and source.text:
                data_links.append((association.get("id", ""), element_id, source.text.strip(), "in"))
        for association in element.findall(_q("bpmn", "dataOutputAssociation")):
            target = association.find(_q("bpmn", "targetRef"))
            if target is not None and target.text:
                data_links.append((association.get("id", ""), element_id, target.text.strip(), "out"))
        if kind == DATA:
            data_refs[element_id] = node_id
    flows: list[Flow] = []
    flow_ids: dict[str, str] = {}
    for element in process.findall(_q("bpmn", "sequenceFlow")):
        flow_id = element.get("id", "")
        where = f"sequenceFlow[{flow_id}]"
        source, target = element.get("sourceRef", ""), element.get("targetRef", "")
        if source not in ids or target not in ids:
            skipped.append(Skipped("sequenceFlow", flow_id, element.get("name", "")[:MAX_NAME]))
            continue
        if len(flows) >= MAX_PROCESS_FLOWS:
            raise ValidationError("the file has more than %(limit)s flows", "file", limit=MAX_PROCESS_FLOWS)
        values = _crm(element)
        condition = element.find(_q("bpmn", "conditionExpression"))
        label = _text(element.get("name") or (condition.text if condition is not None else ""), f"{where}.name")
        probability = _number(values, "probability", where, 1) if "probability" in values else None
        flow = Flow(ids[source], ids[target], label, probability, None,
                    probability is not None and _flag(values, "probabilityAssumed", where))
        if flow_id not in (flow.flow_id, _xml_id(flow.flow_id)):
            flow = Flow(flow.source, flow.target, flow.label, flow.probability, flow_id, flow.assumed)
        flows.append(flow)
        flow_ids[flow_id] = flow.flow_id
    links = []
    for association_id, task, data_element, direction in data_links:
        if data_element in data_refs and task in ids:
            flow_ids[association_id] = f"DataLink_{len(links)}"
            links.append(DataLink(ids[task], data_refs[data_element], direction))
        else:
            skipped.append(Skipped("dataAssociation", association_id))
    name_zh = _text(_crm(process).get("nameZh"), "process.nameZh")
    pm = ProcessMap(key, name, tuple(lanes), tuple(nodes), tuple(flows), tuple(links), name_zh)
    return BpmnImport(pm, tuple(skipped), _layout(root, ids, flow_ids, lane_keys,
                                                     participant.get("id") if participant is not None else None))


# ------------------------------------------------------------------------ attributes into a file


def _set_attributes(element: ET.Element, values: dict[str, str]) -> None:
    """Replace our extension element of ``element`` by ``values`` (others' extensions stay)."""
    extension = element.find(_q("bpmn", "extensionElements"))
    if extension is not None:
        for old in extension.findall(_q("crm", "attributes")):
            extension.remove(old)
    if not values:
        if extension is not None and not len(extension):
            element.remove(extension)
        return
    if extension is None:
        extension = ET.Element(_q("bpmn", "extensionElements"))
        # BPMN wants documentation first, then extensionElements, then the rest
        position = sum(1 for child in element if _local(child.tag) == "documentation")
        element.insert(position, extension)
    ET.SubElement(extension, _q("crm", "attributes"), values)


def _set_name(element: ET.Element, name: str) -> None:
    if name:
        element.set("name", name)
    elif "name" in element.attrib:
        del element.attrib["name"]


def _keep_prefixes(data: bytes | str) -> None:
    """Write the file's namespace prefixes back as they were (camunda:, bioc:, ...), ours as ours."""
    source = io.BytesIO(data if isinstance(data, bytes) else data.encode("utf-8"))
    for _, (prefix, uri) in DET.iterparse(source, events=("start-ns",), forbid_dtd=True):
        if prefix and not re.match(r"ns\d+$", prefix) and uri not in _PREFIXES.values() \
                and prefix not in _PREFIXES:
            ET.register_namespace(prefix, uri)
    for prefix, uri in _PREFIXES.items():
        ET.register_namespace(prefix, uri)


def update_bpmn(data: bytes | str, pm: ProcessMap) -> bytes:
    """``data`` (a BPMN file, e.g. as the modeler saved it) with the names and our attributes of
    ``pm`` written into it — everything else (the person's layout, annotations, other tools'
    extensions) stays as it was.  ``pm`` must have the file's structure (the same nodes, flows and
    lanes: the structure is drawn in the modeler, the attributes edited beside it); a
    :class:`ValidationError` says which element differs.
    """
    root = _parse(data)
    before = import_bpmn(data)
    if before.process.key != pm.key:
        raise ValidationError("the file holds process %(found)r, not %(expected)r", "process",
                              found=before.process.key, expected=pm.key)
    shape = ({n.id: n.kind for n in before.process.nodes}, {f.key for f in before.process.flows},
             {lane.key for lane in before.process.lanes}, set(before.process.data_links))
    wanted = ({n.id: n.kind for n in pm.nodes}, {f.key for f in pm.flows}, {lane.key for lane in pm.lanes},
              set(pm.data_links))
    for index, (found, given) in enumerate(zip(shape, wanted, strict=True)):
        if found != given:
            differs = sorted(map(str, set(found) ^ set(given)))[:5] if index != 0 else \
                sorted(k for k in set(found) | set(given) if found.get(k) != given.get(k))[:5]
            raise ValidationError("the map's structure differs from the file's at %(items)s", "process",
                                  items=", ".join(differs))
    process = _pick_process(root, None, [])
    for candidate in root.findall(_q("bpmn", "process")):
        if (_crm(candidate).get("key") or candidate.get("id")) == pm.key:
            process = candidate
    by_key: dict[str, ET.Element] = {}
    for element in process.iter():
        if _namespace(element.tag) == BPMN_NAMESPACE and _local(element.tag) in _KINDS | {"sequenceFlow": "", "lane": ""}:
            by_key[_crm(element).get("key") or element.get("id", "")] = element
    _set_name(process, pm.name)
    _set_attributes(process, {**({"key": pm.key} if "key" in _crm(process) else {}),
                              **({"nameZh": pm.name_zh} if pm.name_zh else {})})
    for participant in root.iter(_q("bpmn", "participant")):
        if participant.get("processRef") == process.get("id"):
            _set_name(participant, pm.name)
    for lane in pm.lanes:
        element = by_key[lane.key]
        keep = {"key": lane.key} if "key" in _crm(element) else {}
        _set_name(element, lane.name)
        _set_attributes(element, {**keep, **({"nameZh": lane.name_zh} if lane.name_zh else {})})
    for node in pm.nodes:
        element = by_key[node.id]
        _set_name(element, node.name)
        values = _node_attributes(node)
        if "key" in _crm(element):
            values["key"] = node.id
        _set_attributes(element, values)
    flows = {(f.source, f.target): f for f in pm.flows}
    for element in process.findall(_q("bpmn", "sequenceFlow")):
        source, target = element.get("sourceRef", ""), element.get("targetRef", "")
        ids = {e.get("id"): k for k, e in by_key.items()}
        flow = flows.get((ids.get(source, ""), ids.get(target, "")))
        if flow is None:
            continue
        _set_name(element, flow.label)
        _set_attributes(element, _flow_attributes(flow))
        condition = element.find(_q("bpmn", "conditionExpression"))
        if flow.label and pm.node(flow.source).kind == EXCLUSIVE:
            if condition is None:
                condition = ET.SubElement(element, _q("bpmn", "conditionExpression"),
                                          {_q("xsi", "type"): "bpmn:tFormalExpression"})
            condition.text = flow.label
    _keep_prefixes(data)
    _scrub(root)
    ET.indent(root, space="  ")
    out = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"
    after = import_bpmn(out).process
    if after != pm:  # a value the file cannot carry (a flow id, a lane name split by nesting...)
        raise ValidationError("the map cannot be written into this file as it is", "process")
    return out
