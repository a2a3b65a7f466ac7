"""Small hand-computed process maps the engine tests share."""

from __future__ import annotations

from hypothesis import strategies as st

from crm_impl.processes import Flow, Lane, Node, ProcessMap


def linear() -> ProcessMap:
    """start → a (front, 1 h + 2 h wait, 10) → b (back, 3 h, 30, value-adding) → end."""
    return ProcessMap("linear", "Linear", lanes=(Lane("front", "Front office"), Lane("back", "Back office")), nodes=(
        Node("s", "start", lane="front", channel="phone"),
        Node("a", "task", "Take call", lane="front", working_time=1, waiting_time=2, cost=10, channel="phone"),
        Node("b", "task", "Process", lane="back", working_time=3, cost=30, value_adding=True),
        Node("e", "end", lane="back", success=True),
    ), flows=(Flow("s", "a"), Flow("a", "b"), Flow("b", "e")))


def gateway() -> ProcessMap:
    """start → check (1 h, 5) → room? 70 % book (2 h, 20) → booked; 30 % leave."""
    return ProcessMap("gateway", lanes=(Lane("desk"),), nodes=(
        Node("s", "start", lane="desk"),
        Node("c", "task", "Check", lane="desk", working_time=1, cost=5),
        Node("g", "exclusive", "Room?", lane="desk"),
        Node("b", "task", "Book", lane="desk", working_time=2, cost=20, value_adding=True, automated=True),
        Node("ok", "end", "Booked", lane="desk", success=True),
        Node("no", "end", "Left", lane="desk"),
    ), flows=(Flow("s", "c"), Flow("c", "g"), Flow("g", "b", "yes", 0.7), Flow("g", "no", "no", 0.3),
              Flow("b", "ok")))


def loop() -> ProcessMap:
    """start → draft (front, 2 h, 10) → review (back, 1 h + 1 h wait, 20) → ok? 75 % end; 25 % back to draft."""
    return ProcessMap("loop", lanes=(Lane("front"), Lane("back")), nodes=(
        Node("s", "start", lane="front"),
        Node("d", "task", "Draft", lane="front", working_time=2, cost=10, value_adding=True),
        Node("r", "task", "Review", lane="back", working_time=1, waiting_time=1, cost=20),
        Node("g", "exclusive", "OK?", lane="back"),
        Node("e", "end", lane="back", success=True),
    ), flows=(Flow("s", "d"), Flow("d", "r"), Flow("r", "g"), Flow("g", "e", "yes", 0.75),
              Flow("g", "d", "no", 0.25)))


def parallel() -> ProcessMap:
    """start → split → [credit check (back, 4 h, 40) | stock check (front, 1 h + 1 h wait, 5) → reserve (front, 1 h, 5)]
    → join → confirm (front, 0.5 h, 2) → end."""
    return ProcessMap("parallel", lanes=(Lane("front"), Lane("back")), nodes=(
        Node("s", "start", lane="front"),
        Node("p", "parallel", lane="front"),
        Node("credit", "task", "Credit check", lane="back", working_time=4, cost=40),
        Node("stock", "task", "Stock check", lane="front", working_time=1, waiting_time=1, cost=5, automated=True),
        Node("reserve", "task", "Reserve", lane="front", working_time=1, cost=5, value_adding=True),
        Node("j", "parallel", lane="front"),
        Node("confirm", "task", "Confirm", lane="front", working_time=0.5, cost=2, value_adding=True),
        Node("e", "end", lane="front"),
    ), flows=(Flow("s", "p"), Flow("p", "credit"), Flow("p", "stock"), Flow("stock", "reserve"),
              Flow("credit", "j"), Flow("reserve", "j"), Flow("j", "confirm"), Flow("confirm", "e")))


def nested() -> ProcessMap:
    """start → p1 → [a (3 h, 10) | p2 → [b (1 h + timer 4 h, 5) | c (2 h, 7)] → j2] → j1 → end;
    the timer is an intermediate event that waits 4 h before b."""
    return ProcessMap("nested", lanes=(Lane("x"), Lane("y")), nodes=(
        Node("s", "start", lane="x"),
        Node("p1", "parallel", lane="x"),
        Node("a", "task", "A", lane="x", working_time=3, cost=10),
        Node("p2", "parallel", lane="y"),
        Node("timer", "intermediate", "Wait for the supplier", lane="y", waiting_time=4),
        Node("b", "task", "B", lane="y", working_time=1, cost=5),
        Node("c", "task", "C", lane="y", working_time=2, cost=7),
        Node("j2", "parallel", lane="y"),
        Node("j1", "parallel", lane="x"),
        Node("e", "end", lane="x"),
    ), flows=(Flow("s", "p1"), Flow("p1", "a"), Flow("p1", "p2"), Flow("p2", "timer"), Flow("timer", "b"),
              Flow("p2", "c"), Flow("b", "j2"), Flow("c", "j2"), Flow("a", "j1"), Flow("j2", "j1"), Flow("j1", "e")))


def parallel_choice() -> ProcessMap:
    """:func:`parallel` with a choice in the stock branch: after the stock check, reserve (now 6 h)
    only half the time."""
    base = parallel()
    return ProcessMap("choice", lanes=base.lanes, nodes=(*[n for n in base.nodes if n.id != "reserve"],
        Node("g", "exclusive", lane="front"), Node("reserve", "task", lane="front", working_time=6, cost=5),
        Node("m", "exclusive", lane="front")),
        flows=tuple(f for f in base.flows if f.key not in {("stock", "reserve"), ("reserve", "j")}) + (
            Flow("stock", "g"), Flow("g", "reserve", probability=0.5), Flow("g", "m", probability=0.5),
            Flow("reserve", "m"), Flow("m", "j")))


# ------------------------------------------------------------------ random sound maps (hypothesis)

#: Names as people type them: any script, inner spaces and line breaks, no leading or trailing
#: blanks (the reader trims those) and nothing XML cannot carry.
NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
                max_size=40).map(str.strip)
HOURS = st.floats(min_value=0, max_value=500, allow_nan=False)
COSTS = st.floats(min_value=0, max_value=1e6, allow_nan=False)
LANES = ("front", "back office", "系统")


@st.composite
def process_maps(draw, blocks=("task", "choice", "parallel", "loop")) -> ProcessMap:
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
    for block in draw(st.lists(st.sampled_from(blocks), min_size=1, max_size=5)):
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
