"""PERT: te and variance, expected duration, driving chain, probabilities."""

from __future__ import annotations

import math
from datetime import date

import pytest

from crm_impl.errors import ValidationError
from crm_impl.schedule.calendar import WorkCalendar
from crm_impl.schedule.estimates import ThreePoint
from crm_impl.schedule.network import Activity, Link, build_network
from crm_impl.schedule.pert import analyse_pert, normal_probability
from tests.crm_impl.schedule.helpers import SAMPLE_FILES, load_sample, sample_estimates, sample_network

TP = ThreePoint


def pert(tasks: dict[str, ThreePoint], links: list[Link]):
    net = build_network([Activity(k, round(e.most_likely)) for k, e in tasks.items()], links)
    return analyse_pert(net, tasks)


# --- golden samples -------------------------------------------------------------------------


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_golden_sample_pert(path):
    sample = load_sample(path)
    golden = sample["derived"]["schedule"]
    r = analyse_pert(sample_network(sample), sample_estimates(sample))
    assert round(r.expected_duration, 2) == golden["pert"]["expected_duration_days"]
    assert list(r.critical_tasks) == golden["pert"]["critical_tasks_te"]
    assert list(r.variance_chain) == golden["pert"]["variance_chain"]
    assert round(r.variance, 3) == golden["pert"]["variance"]
    assert round(r.std_dev, 2) == golden["pert"]["std_dev_days"]
    for i, g in enumerate(golden["tasks"]):
        assert r.schedule.network.ids[i] == g["id"]
        assert round(float(r.te[i]), 3) == g["te"]
        assert round(float(r.variances[i]), 3) == g["var"]


def test_three_point_te_and_variance():
    e = TP(4, 6, 9)
    assert e.te == pytest.approx(37 / 6)
    assert e.variance == pytest.approx(25 / 36)
    assert TP.exact(5).te == 5 and TP.exact(5).variance == 0


@pytest.mark.parametrize(
    ("args", "field"),
    [((5, 4, 6), "most_likely"), ((1, 4, 3), "pessimistic"), ((-1, 2, 3), "optimistic"),
     ((1, float("nan"), 3), "most_likely"), ((True, 2, 3), "optimistic"), ((1, "2", 3), "most_likely")],
)
def test_three_point_validation(args, field):
    with pytest.raises(ValidationError) as err:
        TP(*args)
    assert err.value.field == field


# --- driving chain --------------------------------------------------------------------------


def test_fs_chain_adds_every_variance():
    r = pert({"a": TP(0, 3, 6), "b": TP(0, 6, 12)}, [Link("a", "b")])
    assert r.expected_duration == pytest.approx(9)
    assert r.variance_chain == ("a", "b")
    assert r.variance == pytest.approx(5)
    assert r.std_dev == pytest.approx(math.sqrt(5))


def test_ss_link_passes_through_the_predecessor_start():
    r = pert({"a": TP(0, 3, 6), "b": TP(0, 6, 12)}, [Link("a", "b", "SS", 1)])
    assert r.expected_duration == pytest.approx(7)
    assert r.variance_chain == ("b",)
    assert r.variance == pytest.approx(4)


def test_ss_then_fs_continues_behind_the_predecessor_start():
    # x -FS-> a -SS-> b: the walk from b goes through a's start to x's finish.
    r = pert({"x": TP(0, 2, 4), "a": TP(0, 3, 6), "b": TP(0, 6, 12)}, [Link("x", "a"), Link("a", "b", "SS", 1)])
    assert r.variance_chain == ("x", "b")
    assert r.variance == pytest.approx(4 / 9 + 4)


@pytest.mark.parametrize("first", ["a1", "a2"])
def test_tie_takes_the_larger_variance(first):
    # a1 and a2 both have te = 3 and finish together; a2 is the more uncertain one.
    tasks = {"a1": TP(0, 3, 6), "a2": TP(0, 1.5, 12)}
    if first == "a2":
        tasks = dict(reversed(list(tasks.items())))
    tasks["c"] = TP(1, 1, 1)
    r = pert(tasks, [Link("a1", "c"), Link("a2", "c")])
    assert r.variance_chain == ("a2", "c")
    assert r.variance == pytest.approx(4)


@pytest.mark.parametrize("reverse", [False, True])
def test_equal_variance_takes_the_longer_chain(reverse):
    tasks = {"x": TP(1, 4, 7), "m0": TP(0, 0, 0), "y": TP(1, 4, 7), "end": TP(0, 0, 0)}
    links = [Link("m0", "y"), Link("x", "end"), Link("y", "end")]
    if reverse:
        tasks = dict(reversed(list(tasks.items())))
        links.reverse()
    r = pert(tasks, links)
    assert r.variance_chain == ("m0", "y", "end")
    assert r.variance == pytest.approx(1)


def test_ff_link_makes_the_successor_finish_independent_of_its_duration():
    r = pert({"a": TP(0, 6, 12), "b": TP(0, 3, 6)}, [Link("a", "b", "FF", 0)])
    assert r.expected_duration == pytest.approx(6)
    assert r.variance_chain == ("a",)
    assert r.variance == pytest.approx(4)


def test_non_binding_link_is_not_followed():
    # b's start is driven by day 0's SNET-free floor, not by the lax SS link.
    r = pert({"a": TP(0, 3, 6), "b": TP(0, 6, 12)}, [Link("a", "b", "SS", -2)])
    assert r.variance_chain == ("b",)


# --- probabilities --------------------------------------------------------------------------


def test_probability_and_confidence():
    r = pert({"a": TP(0, 3, 6), "b": TP(0, 6, 12)}, [Link("a", "b")])
    mu, sigma = 9.0, math.sqrt(5)
    assert r.probability_by(mu) == pytest.approx(0.5)
    assert r.probability_by(mu + sigma) == pytest.approx(0.8413447, abs=1e-6)
    assert r.probability_by(mu - 2 * sigma) == pytest.approx(0.0227501, abs=1e-6)
    assert r.duration_for(0.5) == pytest.approx(mu)
    assert r.duration_for(0.8) == pytest.approx(mu + 0.8416212 * sigma, abs=1e-6)
    p = {pc.name: pc.days for pc in r.percentiles(WorkCalendar(date(2025, 3, 3)))}
    assert list(p) == ["P50", "P80", "P90"]
    assert p["P90"] == pytest.approx(mu + 1.2815516 * sigma, abs=1e-6)
    assert r.probability_by(r.duration_for(0.9)) == pytest.approx(0.9)


def test_date_for_confidence_is_the_last_working_day():
    r = pert({"a": TP(0, 3, 6), "b": TP(0, 6, 12)}, [Link("a", "b")])
    cal = WorkCalendar(date(2025, 3, 3))
    # P50 = 9 working days: days 0..8, the last one is Thursday of the second week.
    assert r.date_for(0.5, cal) == date(2025, 3, 13)
    # P80 = 10.88 days -> 11 whole days -> day 10.
    assert r.date_for(0.8, cal) == date(2025, 3, 17)


def test_certain_estimates_give_a_step():
    r = pert({"a": TP(2, 2, 2), "b": TP(3, 3, 3)}, [Link("a", "b")])
    assert r.variance == 0 and r.std_dev == 0
    assert r.probability_by(5) == 1.0 and r.probability_by(4.99) == 0.0
    assert r.duration_for(0.9) == 5
    assert normal_probability(1, 2, 0) == 0.0


@pytest.mark.parametrize("confidence", [0, 1, 1.5, -0.1, "0.8", True])
def test_confidence_must_be_a_probability(confidence):
    r = pert({"a": TP(0, 3, 6)}, [])
    with pytest.raises(ValidationError) as err:
        r.duration_for(confidence)
    assert err.value.field == "confidence"


def test_missing_and_unknown_estimates():
    net = build_network([Activity("a", 1), Activity("b", 1)], [])
    with pytest.raises(ValidationError) as err:
        analyse_pert(net, {"a": TP(1, 1, 1)})
    assert err.value.field == "estimates.b"
    with pytest.raises(ValidationError) as err:
        analyse_pert(net, {"a": TP(1, 1, 1), "b": TP(1, 1, 1), "zz": TP(1, 1, 1)})
    assert err.value.field == "estimates.zz"


# --- a worked textbook example ------------------------------------------------------------------

# Hillier & Lieberman, "Introduction to Operations Research", the Reliable Construction Co.
# project: three-point estimates in weeks; the mean critical path A-B-C-E-F-J-L-N is 44 weeks
# with variance 9, so P(finish within 47 weeks) = Φ(1) ≈ 0.8413.
RELIABLE = {
    "A": TP(1, 2, 3), "B": TP(2, 3.5, 8), "C": TP(6, 9, 18), "D": TP(4, 5.5, 10), "E": TP(1, 4.5, 5),
    "F": TP(4, 4, 10), "G": TP(5, 6.5, 11), "H": TP(5, 8, 17), "I": TP(3, 7.5, 9), "J": TP(3, 9, 9),
    "K": TP(4, 4, 4), "L": TP(1, 5.5, 7), "M": TP(1, 2, 3), "N": TP(5, 5.5, 9),
}
RELIABLE_LINKS = [
    ("A", "B"), ("B", "C"), ("C", "D"), ("C", "E"), ("C", "I"), ("E", "F"), ("D", "G"), ("E", "H"),
    ("G", "H"), ("F", "J"), ("I", "J"), ("J", "K"), ("J", "L"), ("H", "M"), ("K", "N"), ("L", "N"),
]


def test_textbook_example_reliable_construction():
    net = build_network([Activity(k, math.ceil(e.most_likely)) for k, e in RELIABLE.items()],
                        [Link(p, s) for p, s in RELIABLE_LINKS])
    result = analyse_pert(net, RELIABLE)
    assert result.expected_duration == pytest.approx(44)
    assert list(result.variance_chain) == ["A", "B", "C", "E", "F", "J", "L", "N"]
    assert result.variance == pytest.approx(9)
    assert result.probability_by(47) == pytest.approx(0.8413, abs=1e-4)
    assert result.duration_for(0.5) == pytest.approx(44)
