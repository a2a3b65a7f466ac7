"""A tiny forward pass (§4.3) for the template tests; the real scheduler lives elsewhere."""

from __future__ import annotations

import networkx as nx

from crm_impl.methodology import TaskTemplate, Template


def task_graph(template: Template) -> nx.DiGraph:
    """Predecessor → successor edges, including links to unknown keys (they become nodes)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(t.key for t in template.tasks)
    graph.add_edges_from((p.task, t.key) for t in template.tasks for p in t.predecessors)
    return graph


def forward_pass(template: Template) -> dict[str, tuple[int, int]]:
    """Most-likely ``(ES, EF)`` per task key, with the §4.3 FS/SS/FF/SF constraints."""
    tasks: dict[str, TaskTemplate] = {t.key: t for t in template.tasks}
    times: dict[str, tuple[int, int]] = {}
    for key in nx.topological_sort(task_graph(template)):
        task = tasks[key]
        d = task.most_likely
        es = 0
        for pred in task.predecessors:
            p_es, p_ef = times[pred.task]
            es = max(es, {
                "FS": p_ef + pred.lag,
                "SS": p_es + pred.lag,
                "FF": p_ef + pred.lag - d,
                "SF": p_es + pred.lag - d,
            }[pred.type])
        times[key] = (es, es + d)
    return times
