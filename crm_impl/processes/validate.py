"""Is a process map complete enough to measure and simulate?  Every problem names its node.

:func:`map_problems` lists ``(where, message)`` pairs — ``where`` is ``nodes[<id>]``,
``flows[<source>→<target>]`` or ``lanes[<key>]`` — and :func:`check_map` raises
:class:`ProcessMapError` carrying them all.  The rules:

- ids are unique, kinds known, lanes declared, flows join existing flow nodes (no flow to a data
  object), no two flows join the same pair of nodes;
- a map with lanes puts every task in one of them (someone does the work: hand-offs and the
  simulation's staff are counted per lane); a map without any lane is fine (events and gateways
  may always sit outside a lane);
- at least one start event; several start events are alternative channels whose ``share`` values
  (if any is given) are all given and sum to 1 (a single start event's share, if given, is 1);
- a start event has no incoming flow and one outgoing flow, an end event no outgoing flow, a task
  or an intermediate event one outgoing flow (branching is a gateway's job);
- leaving an exclusive gateway with several outgoing flows, each flow has a probability in
  [0, 1] and together they sum to 1;
- a parallel split (one flow in, several out) has a parallel join where all its branches meet,
  and nothing enters a branch from outside; every parallel join belongs to a split;
- every node is reachable from a start event and reaches an end event — following only flows
  that can be taken (probability above 0), so a loop a case can never leave is refused;
- times, costs and shares are finite and not negative, and set only where they apply (times and
  costs on tasks and intermediate events, the flags on tasks, shares on start events, success on
  end events).

>>> from crm_impl.processes.model import Flow, Node, ProcessMap
>>> pm = ProcessMap("m", nodes=(Node("s", "start"), Node("g", "exclusive", "Room free?"),
...     Node("a", "end"), Node("b", "end")),
...     flows=(Flow("s", "g"), Flow("g", "a", "yes", 0.7), Flow("g", "b", "no", 0.2)))
>>> [f"{where}: {message}" for where, message in map_problems(pm)]
['nodes[g]: the probabilities leaving gateway g (Room free?) sum to 0.9, not 1']
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

import networkx as nx

from crm_impl.errors import ValidationError
from crm_impl.i18n import PROCESS_NODE_LABELS, Message, MessageList, msg
from crm_impl.limits import MAX_AMOUNT, MAX_PROCESS_FLOWS, MAX_PROCESS_HOURS, MAX_PROCESS_NODES
from crm_impl.processes.model import (
    DATA,
    END,
    EXCLUSIVE,
    FLOW_NODE_KINDS,
    INTERMEDIATE,
    NODE_KINDS,
    PARALLEL,
    START,
    TASK,
    ProcessMap,
)

__all__ = ["PROBABILITY_TOLERANCE", "ProcessMapError", "map_problems", "check_map", "parallel_blocks",
           "transition_probabilities", "assume_probabilities"]

#: How far the probabilities leaving a gateway (or the start shares) may miss 1.
PROBABILITY_TOLERANCE = 1e-6


class ProcessMapError(ValidationError):
    """A process map cannot be measured as drawn; ``problems`` lists ``(where, message)`` pairs."""

    #: The most problems the message spells out (``problems`` keeps them all).
    SHOWN = 20

    def __init__(self, problems: list[tuple[str, Message]]) -> None:
        self.problems = list(problems)
        items = [msg("%(where)s: %(problem)s", where=where, problem=problem) for where, problem in problems[:self.SHOWN]]
        if len(problems) > self.SHOWN:
            items.append(msg("and %(count)s more problems", count=len(problems) - self.SHOWN))
        super().__init__(MessageList(tuple(items)), "process")


#: The node kinds each attribute belongs to (elsewhere it must stay empty: nothing would use it).
_APPLIES: dict[str, tuple[str, ...]] = {
    "working_time": (TASK, INTERMEDIATE), "waiting_time": (TASK, INTERMEDIATE), "cost": (TASK, INTERMEDIATE),
    "value_adding": (TASK,), "automated": (TASK,), "share": (START,), "success": (END,),
}


def _name(pm: ProcessMap, node_id: str) -> str:
    node = pm.node(node_id)
    return f"{node.id} ({node.name})" if node.name and node.name != node.id else node.id


def _number_problems(pm: ProcessMap) -> Iterable[tuple[str, Message]]:
    for node in pm.nodes:
        where = f"nodes[{node.id}]"
        for attribute, limit in (("working_time", MAX_PROCESS_HOURS), ("waiting_time", MAX_PROCESS_HOURS),
                                 ("cost", MAX_AMOUNT)):
            value = getattr(node, attribute)
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                    or not 0 <= value <= limit:
                yield where, msg("%(field)s of %(node)s must be a number from 0 to %(limit)s, got %(value)r",
                                 field=attribute, node=_name(pm, node.id), limit=f"{limit:,.0f}", value=value)
        for attribute, kinds in _APPLIES.items():
            value = getattr(node, attribute)
            if node.kind not in kinds and value not in (None, False, 0):
                context, kind = PROCESS_NODE_LABELS[node.kind]
                yield where, msg("%(field)s does not apply to %(node)s (%(kind)s)", field=attribute,
                                 node=_name(pm, node.id), kind=Message(kind, context=context))
        if node.share is not None and (not math.isfinite(node.share) or not 0 <= node.share <= 1):
            yield where, msg("the share of start event %(node)s must lie from 0 to 1, got %(value)r",
                             node=_name(pm, node.id), value=node.share)
    for flow in pm.flows:
        if flow.probability is not None and (not math.isfinite(flow.probability) or not 0 <= flow.probability <= 1):
            yield (f"flows[{flow.source}→{flow.target}]",
                   msg("a probability must lie from 0 to 1, got %(value)r", value=flow.probability))


def _structure_problems(pm: ProcessMap) -> Iterable[tuple[str, Message]]:
    seen: set[str] = set()
    lanes = {lane.key for lane in pm.lanes}
    if len(lanes) != len(pm.lanes):
        yield "lanes", msg("two lanes have the same key")
    for node in pm.nodes:
        where = f"nodes[{node.id}]"
        if not node.id:
            yield "nodes", msg("a node has no id")
        if node.id in seen:
            yield where, msg("the id %(node)s is used twice", node=node.id)
        seen.add(node.id)
        if node.kind not in NODE_KINDS:
            yield where, msg("%(node)s has an unknown kind %(kind)r", node=node.id, kind=node.kind)
        if node.lane is not None and node.lane not in lanes:
            yield where, msg("%(node)s is in lane %(lane)r, which the map does not have", node=node.id, lane=node.lane)
    pairs: set[tuple[str, str]] = set()
    for flow in pm.flows:
        where = f"flows[{flow.source}→{flow.target}]"
        for end in (flow.source, flow.target):
            if not pm.has_node(end):
                yield where, msg("the flow joins %(node)s, which the map does not have", node=end)
            elif pm.node(end).kind == DATA:
                yield where, msg("a sequence flow cannot join the data object %(node)s", node=end)
        if flow.key in pairs:
            yield where, msg("two flows join the same two nodes")
        pairs.add(flow.key)
    for link in pm.data_links:
        where = f"data_links[{link.node}→{link.data}]"
        if not pm.has_node(link.data) or pm.node(link.data).kind != DATA:
            yield where, msg("%(node)s is not a data object of the map", node=link.data)
        if not pm.has_node(link.node) or pm.node(link.node).kind == DATA:
            yield where, msg("%(node)s is not a flow node of the map", node=link.node)
        if link.direction not in ("in", "out"):
            yield where, msg("a data link is read (in) or written (out), not %(value)r", value=link.direction)


def _lane_problems(pm: ProcessMap) -> Iterable[tuple[str, Message]]:
    if not pm.lanes:
        return
    for node in pm.tasks():
        if node.lane is None:
            yield f"nodes[{node.id}]", msg("task %(node)s is in no lane: put it in one of the map's lanes",
                                           node=_name(pm, node.id))


def transition_probabilities(pm: ProcessMap, node_id: str) -> dict[str, float]:
    """Where a case goes next from ``node_id`` and with what chance (a parallel split's branches
    all have 1: every branch is taken).

    >>> from crm_impl.processes.model import Flow, Node, ProcessMap
    >>> pm = ProcessMap("m", nodes=(Node("g", "exclusive"), Node("a", "end"), Node("b", "end")),
    ...     flows=(Flow("g", "a", probability=0.25), Flow("g", "b", probability=0.75)))
    >>> transition_probabilities(pm, "g")
    {'a': 0.25, 'b': 0.75}
    """
    out = pm.outgoing(node_id)
    if pm.node(node_id).kind == EXCLUSIVE and len(out) > 1:
        return {f.target: float(f.probability if f.probability is not None else 0.0) for f in out}
    return {f.target: 1.0 for f in out}


def _flow_problems(pm: ProcessMap) -> Iterable[tuple[str, Message]]:
    starts = pm.starts()
    if not starts:
        yield "nodes", msg("the map has no start event")
    if not pm.ends():
        yield "nodes", msg("the map has no end event")
    shares = [s.share for s in starts]
    if any(share is not None for share in shares):
        if any(share is None for share in shares):
            missing = ", ".join(s.id for s in starts if s.share is None)
            yield "nodes", msg("give every start event a share or none: %(nodes)s have none", nodes=missing)
        elif abs(sum(shares) - 1) > PROBABILITY_TOLERANCE:
            yield "nodes", msg("the shares of the start events sum to %(total)s, not 1", total=round(sum(shares), 6))
    for node in pm.nodes:
        if node.kind not in FLOW_NODE_KINDS:
            continue
        where, name = f"nodes[{node.id}]", _name(pm, node.id)
        ins, outs = pm.incoming(node.id), pm.outgoing(node.id)
        if node.kind == START:
            if ins:
                yield where, msg("start event %(node)s has an incoming flow", node=name)
            if len(outs) != 1:
                yield where, msg("start event %(node)s needs one outgoing flow, has %(count)s", node=name, count=len(outs))
        elif node.kind == END:
            if outs:
                yield where, msg("end event %(node)s has an outgoing flow", node=name)
        elif node.kind in (TASK, INTERMEDIATE):
            if len(outs) > 1:
                yield where, msg("%(node)s has %(count)s outgoing flows: branch with a gateway", node=name,
                                 count=len(outs))
        elif node.kind == EXCLUSIVE and len(outs) > 1:
            probabilities = [f.probability for f in outs]
            if any(p is None for p in probabilities):
                missing = ", ".join(f.target for f in outs if f.probability is None)
                yield where, msg("the flows leaving gateway %(node)s need a probability (missing towards %(targets)s)",
                                 node=name, targets=missing)
            elif abs(sum(probabilities) - 1) > PROBABILITY_TOLERANCE:
                yield where, msg("the probabilities leaving gateway %(node)s sum to %(total)s, not 1", node=name,
                                 total=round(sum(probabilities), 6))
        elif node.kind == PARALLEL and len(ins) > 1 and len(outs) > 1:
            yield where, msg("parallel gateway %(node)s both joins and splits: draw two gateways", node=name)
        if node.kind != END and not outs:
            yield where, msg("%(node)s has no outgoing flow", node=name)
        if node.kind != START and not ins:
            yield where, msg("%(node)s has no incoming flow", node=name)


def assume_probabilities(pm: ProcessMap) -> tuple[ProcessMap, list[tuple[str, str]]]:
    """``pm`` with a probability on every flow leaving a decision, and the flows that got one.

    A decision just drawn in a modeler has no probabilities (a modeler knows nothing of them), and
    a branch added or removed leaves the others no longer summing to 1.  So the map can be stored
    and its probabilities then set in the attribute table, each such exclusive gateway gets:

    - when some flows have a probability and together they leave room (sum below 1), the missing
      flows share what is left equally, and the given ones stay;
    - otherwise (none given, nothing left, or all given but not summing to 1) every flow leaving
      it takes an equal share.

    Shares are rounded to four decimals, as a person would type them, the last flow taking the
    rounding (three flows: 0.3333, 0.3333, 0.3334), so they sum to 1.

    Every flow whose probability was given that way is marked ``assumed``; a flow that no longer
    leaves a decision loses the mark.  A gateway whose probabilities are complete is left alone.

    >>> from crm_impl.processes.model import Flow, Node, ProcessMap
    >>> pm = ProcessMap("m", nodes=(Node("s", "start"), Node("g", "exclusive"), Node("a", "end"),
    ...     Node("b", "end"), Node("c", "end")),
    ...     flows=(Flow("s", "g"), Flow("g", "a", probability=0.5), Flow("g", "b"), Flow("g", "c")))
    >>> filled, assumed = assume_probabilities(pm)
    >>> [(f.target, f.probability, f.assumed) for f in filled.outgoing("g")], assumed
    ([('a', 0.5, False), ('b', 0.25, True), ('c', 0.25, True)], [('g', 'b'), ('g', 'c')])
    """
    flows = list(pm.flows)
    assumed: list[tuple[str, str]] = []
    for index, flow in enumerate(flows):
        decision = pm.has_node(flow.source) and pm.node(flow.source).kind == EXCLUSIVE \
            and len(pm.outgoing(flow.source)) > 1
        if flow.assumed and not decision:
            flows[index] = replace(flow, assumed=False)
    for node in pm.of_kind(EXCLUSIVE):
        outs = [index for index, flow in enumerate(flows) if flow.source == node.id]
        if len(outs) < 2:
            continue
        given = [flows[i].probability for i in outs if flows[i].probability is not None]
        if len(given) == len(outs) and abs(sum(given) - 1) <= PROBABILITY_TOLERANCE:
            continue
        left = 1 - sum(given)
        if given and len(given) < len(outs) and left > PROBABILITY_TOLERANCE:
            share, taking = left, [i for i in outs if flows[i].probability is None]
        else:
            share, taking = 1.0, outs
        # to four decimals, as a person would type them; the last flow takes the rounding
        each = round(share / len(taking), 4)
        for position, i in enumerate(taking):
            value = each if position < len(taking) - 1 else round(share - each * (len(taking) - 1), 10)
            flows[i] = replace(flows[i], probability=value, assumed=True)
            assumed.append(flows[i].key)
    return replace(pm, flows=tuple(flows)), assumed


def _reach_problems(pm: ProcessMap) -> Iterable[tuple[str, Message]]:
    graph = pm.graph()
    live = nx.DiGraph()
    live.add_nodes_from(graph)
    # a flow whose probability is missing counts as possible (that problem is reported on its own)
    live.add_edges_from(f.key for f in pm.flows if f.key in graph.edges
                        and (f.probability is None or f.probability > 0 or len(pm.outgoing(f.source)) == 1
                             or pm.node(f.source).kind != EXCLUSIVE))
    reached = set()
    for start in pm.starts():
        reached |= nx.descendants(graph, start.id) | {start.id}
    ends = [n.id for n in pm.ends()]
    reaching = set(ends)
    for end in ends:
        reaching |= nx.ancestors(live, end)
    for node in pm.nodes:
        if node.kind not in FLOW_NODE_KINDS:
            continue
        # a node with no flow in (or out) is reported as such already
        if node.id not in reached:
            if graph.in_degree(node.id):
                yield f"nodes[{node.id}]", msg("%(node)s cannot be reached from a start event", node=_name(pm, node.id))
        elif node.id not in reaching and graph.out_degree(node.id):
            yield f"nodes[{node.id}]", msg("%(node)s never reaches an end event", node=_name(pm, node.id))


def parallel_blocks(pm: ProcessMap) -> tuple[dict[str, str], list[tuple[str, Message]]]:
    """Each parallel split's join (``{split: join}``) and the problems that stop one being found.

    The join is the split's immediate post-dominator (the first node every path from the split
    passes); it must be a parallel gateway, and no node of a branch may be entered from outside
    the block or lead back to the split.

    >>> from crm_impl.processes.model import Flow, Node, ProcessMap
    >>> pm = ProcessMap("m", nodes=(Node("s", "start"), Node("p", "parallel"), Node("a", "task"),
    ...     Node("b", "task"), Node("j", "parallel"), Node("e", "end")),
    ...     flows=(Flow("s", "p"), Flow("p", "a"), Flow("p", "b"), Flow("a", "j"), Flow("b", "j"), Flow("j", "e")))
    >>> parallel_blocks(pm)
    ({'p': 'j'}, [])
    """
    graph = pm.graph()
    exit_node = ("exit",)
    reverse = nx.DiGraph()
    reverse.add_nodes_from(graph)
    reverse.add_edges_from((v, u) for u, v in graph.edges)
    reverse.add_edges_from((exit_node, n.id) for n in pm.ends() if n.id in graph)
    dominators = nx.immediate_dominators(reverse, exit_node) if pm.ends() else {}
    joins: dict[str, str] = {}
    problems: list[tuple[str, Message]] = []
    joined: set[str] = set()
    for node in pm.of_kind(PARALLEL):
        if graph.out_degree(node.id) < 2:
            continue
        where, name = f"nodes[{node.id}]", _name(pm, node.id)
        join = dominators.get(node.id)
        if join is None or join == exit_node or pm.node(join).kind != PARALLEL or graph.in_degree(join) < 2:
            problems.append((where, msg("the branches of parallel gateway %(node)s do not all meet at one parallel join",
                                        node=name)))
            continue
        inside: set[str] = set()
        for branch in graph.successors(node.id):
            if branch == join:
                continue
            stack = [branch]
            while stack:
                current = stack.pop()
                if current in inside or current == join:
                    continue
                inside.add(current)
                stack.extend(graph.successors(current))
        if node.id in inside:
            problems.append((where, msg("a branch of parallel gateway %(node)s leads back to it before the join",
                                        node=name)))
            continue
        entered = sorted(n for n in inside if any(p not in inside and p != node.id for p in graph.predecessors(n)))
        if entered:
            problems.append((f"nodes[{entered[0]}]", msg("%(node)s is entered from outside the parallel block of %(split)s",
                                                         node=_name(pm, entered[0]), split=name)))
            continue
        joins[node.id] = join
        joined.add(join)
    for node in pm.of_kind(PARALLEL):
        if graph.in_degree(node.id) > 1 and graph.out_degree(node.id) <= 1 and node.id not in joined \
                and not any(w.endswith(f"[{node.id}]") for w, _ in problems):
            problems.append((f"nodes[{node.id}]", msg("parallel join %(node)s has no matching parallel split",
                                                      node=_name(pm, node.id))))
    return joins, problems


def map_problems(pm: ProcessMap) -> list[tuple[str, Message]]:
    """Every problem of ``pm``, in the order structure, lanes, numbers, flows, reachability, parallel blocks."""
    if len(pm.nodes) > MAX_PROCESS_NODES:
        return [("nodes", msg("the map has more than %(limit)s nodes", limit=MAX_PROCESS_NODES))]
    if len(pm.flows) + len(pm.data_links) > MAX_PROCESS_FLOWS:
        return [("flows", msg("the map has more than %(limit)s flows", limit=MAX_PROCESS_FLOWS))]
    problems = list(_structure_problems(pm))
    if problems:
        return problems  # the rest would only repeat these in other words
    problems += _lane_problems(pm)
    problems += _number_problems(pm)
    problems += _flow_problems(pm)
    problems += _reach_problems(pm)
    if not problems:
        problems += parallel_blocks(pm)[1]
    return problems


def check_map(pm: ProcessMap) -> dict[str, str]:
    """``pm``'s parallel blocks (``{split: join}``) if it has no problem; else :class:`ProcessMapError`."""
    problems = map_problems(pm)
    if problems:
        raise ProcessMapError(problems)
    return parallel_blocks(pm)[0]
