"""Risk ratings: zone edges, open risks, and the schedule simulation's event of a register entry."""

import pytest

from crm_impl.models import RiskStatus
from crm_impl.schedule.montecarlo import RiskEvent
from crm_impl.tracking.risks import HIGH_MIN, LOW_MAX, RISK_CHANCE, SCALE, RiskPoint, is_open, risk_event, risk_zone


@pytest.mark.parametrize(
    ("score", "zone"),
    [(1, "green"), (4, "green"), (5, "amber"), (12, "amber"), (14, "amber"), (15, "red"), (25, "red")],
)
def test_zone_edges(score, zone):
    assert risk_zone(score) == zone


def test_every_grid_score_has_a_zone_without_gaps():
    scores = sorted({p * i for p in range(1, SCALE + 1) for i in range(1, SCALE + 1)})
    zones = [risk_zone(s) for s in scores]
    assert zones == sorted(zones, key=["green", "amber", "red"].index)  # monotone in the score
    assert max(s for s in scores if risk_zone(s) == "green") == LOW_MAX
    assert min(s for s in scores if risk_zone(s) == "red") == HIGH_MIN
    assert RiskPoint("01", "Key user leaves", 3, 5).score == 15


@pytest.mark.parametrize(
    ("status", "open_"),
    [("open", True), ("mitigating", True), ("occurred", True), ("closed", False),
     (RiskStatus.OPEN, True), (RiskStatus.CLOSED, False)],
)
def test_only_a_closed_risk_is_not_open(status, open_):
    assert is_open(status) is open_


def test_risk_event_of_an_open_risk():
    event = risk_event("RISK-07", "mitigating", 4, 3, ["R07", "R08"])
    assert event == RiskEvent(id="RISK-07", probability=0.7, delay_days=3, tasks=("R07", "R08"))
    assert isinstance(event.tasks, tuple)


def test_the_residual_rating_is_the_callers_choice():
    # The register passes the residual probability when there is one; the event follows it.
    before = risk_event("RISK-01", "open", 5, 10, ["R11"])
    after = risk_event("RISK-01", "open", 2, 10, ["R11"])
    assert (before.probability, after.probability) == (0.9, 0.3)
    assert before.delay_days == after.delay_days == 10


@pytest.mark.parametrize(
    ("status", "delay", "tasks"),
    [("closed", 5, ["R07"]), (RiskStatus.CLOSED, 5, ["R07"]), ("open", 5, []), ("open", 0, ["R07"]),
     ("open", -2, ["R07"])],
)
def test_no_event_when_the_risk_cannot_delay_the_schedule(status, delay, tasks):
    assert risk_event("RISK-02", status, 3, delay, tasks) is None


def test_risk_chance_maps_ratings_to_increasing_chances():
    assert sorted(RISK_CHANCE) == list(range(1, SCALE + 1))
    chances = [RISK_CHANCE[p] for p in range(1, SCALE + 1)]
    assert chances == sorted(chances) and all(0 < c < 1 for c in chances)
    for rating, chance in RISK_CHANCE.items():
        assert risk_event("R", "open", rating, 1, ["T"]).probability == chance
    assert risk_event("R", "open", 3, 1.5, ["T"]).delay_days == 1.5
