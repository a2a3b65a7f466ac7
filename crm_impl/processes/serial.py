"""A process map as plain JSON data and back (how a stored map keeps the model parsed from its BPMN).

Fields equal to their default are left out, so the stored model stays small and reads like the
map; :func:`map_from_dict` gives back an equal :class:`~crm_impl.processes.model.ProcessMap`.

>>> from crm_impl.processes.model import Flow, Lane, Node, ProcessMap
>>> pm = ProcessMap("order", "Order", (Lane("sales", "Sales"),), (Node("s", "start", lane="sales"),
...     Node("t", "task", "Take order", lane="sales", working_time=0.25, cost=4.5), Node("e", "end")),
...     (Flow("s", "t"), Flow("t", "e")))
>>> data = map_to_dict(pm)
>>> data["nodes"][1]
{'id': 't', 'kind': 'task', 'name': 'Take order', 'lane': 'sales', 'working_time': 0.25, 'cost': 4.5}
>>> map_from_dict(data) == pm
True
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from crm_impl.processes.model import DataLink, Flow, Lane, Node, ProcessMap

__all__ = ["map_to_dict", "map_from_dict"]

_ALWAYS = frozenset({"id", "kind", "key", "source", "target", "node", "data"})


def _plain(record: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(record):
        value = getattr(record, f.name)
        if f.name.startswith("_"):
            continue
        if f.name in _ALWAYS or value != f.default:
            out[f.name] = value
    return out


def map_to_dict(pm: ProcessMap) -> dict[str, Any]:
    """The map as JSON-ready data (lists and scalars only)."""
    return {
        "key": pm.key,
        "name": pm.name,
        "name_zh": pm.name_zh,
        "lanes": [_plain(lane) for lane in pm.lanes],
        "nodes": [_plain(node) for node in pm.nodes],
        "flows": [_plain(flow) for flow in pm.flows],
        "data_links": [_plain(link) for link in pm.data_links],
    }


def map_from_dict(data: dict[str, Any]) -> ProcessMap:
    """The map :func:`map_to_dict` wrote."""
    return ProcessMap(
        data["key"], data.get("name", ""),
        tuple(Lane(**lane) for lane in data.get("lanes", ())),
        tuple(Node(**node) for node in data.get("nodes", ())),
        tuple(Flow(**flow) for flow in data.get("flows", ())),
        tuple(DataLink(**link) for link in data.get("data_links", ())),
        data.get("name_zh", ""),
    )
