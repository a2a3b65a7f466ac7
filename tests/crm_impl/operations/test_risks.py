"""The risk register: validation against the plan, keys, seeding, heat-map points."""

import pytest

from crm_impl.errors import StaleEditError, ValidationError
from crm_impl.models import RiskStatus
from crm_impl.operations.risks import (
    RiskDraft,
    add_risk,
    add_typical_risks,
    delete_risk,
    heatmap_points,
    next_risk_key,
    update_risk,
)
from crm_impl.charts.risks import risk_heatmap_pair


@pytest.fixture
def project(db, user, load_sample):
    return load_sample(user)


def test_sample_has_the_twelve_typical_risks(project):
    assert [r.key for r in project.risks][:2] == ["RISK-01", "RISK-02"]
    assert len(project.risks) == 12
    assert next_risk_key(project) == "RISK-13"


def test_add_risk_gets_the_next_key_and_keeps_linked_tasks(db, project):
    risk = add_risk(db, project, RiskDraft(title=" Key user leaves ", probability=2, impact=5,
                                           residual_probability=1, residual_impact=4,
                                           linked_tasks=["A07", "A08"], delay_days=5, owner="E_PM"))
    assert risk.key == "RISK-13" and risk.title == "Key user leaves"
    assert risk.score == 10 and risk.status is RiskStatus.OPEN
    assert risk.linked_tasks == ["A07", "A08"] and risk.delay_days == 5


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "required"),
        ({"probability": 0}, "probability", "1 to 5"),
        ({"impact": 6}, "impact", "1 to 5"),
        ({"residual_probability": 2}, "residual_impact", "both"),
        ({"residual_probability": 2, "residual_impact": 9}, "residual_impact", "1 to 5"),
        ({"status": "gone"}, "status", "unknown status"),
        ({"linked_tasks": ["A07", "NOPE"]}, "linked_tasks", "unknown task 'NOPE'"),
        ({"linked_tasks": ["A07", "A07"]}, "linked_tasks", "twice"),
        ({"delay_days": -1}, "delay_days", "from 0 to 2600"),
        ({"delay_days": 3}, "delay_days", "linked task"),
        ({"key": "RISK-01"}, "key", "exists already"),
    ],
)
def test_add_risk_validates(db, project, changes, field, message):
    values = {"title": "T", "probability": 3, "impact": 3} | changes
    with pytest.raises(ValidationError, match=message) as error:
        add_risk(db, project, RiskDraft(**values))
    assert error.value.field == field


def test_update_and_delete(db, project):
    risk = project.risks[0]
    draft = RiskDraft(title=risk.title, probability=1, impact=2, status="mitigating")
    assert update_risk(project, risk, risk.version, draft)
    db.flush()
    assert (risk.key, risk.probability, risk.status) == ("RISK-01", 1, RiskStatus.MITIGATING)
    with pytest.raises(StaleEditError):
        update_risk(project, risk, risk.version - 1, draft)
    with pytest.raises(ValidationError, match="exists already"):
        update_risk(project, risk, risk.version, RiskDraft(key="RISK-02", title="x", probability=1, impact=1))
    delete_risk(db, project, risk)
    db.flush()
    assert "RISK-01" not in {r.key for r in project.risks}


def test_typical_risks_are_seeded_once(db, project):
    assert add_typical_risks(db, project) == []  # the sample holds them all
    removed = project.risks[3]
    template = removed.template_id
    delete_risk(db, project, removed)
    (added,) = add_typical_risks(db, project)
    assert added.template_id == template and added.key == "RISK-13"


def test_heatmap_points_before_and_after_mitigation(db, project):
    first, second, third = project.risks[:3]
    first.residual_probability, first.residual_impact = 1, 2
    second.status = RiskStatus.CLOSED
    third.residual_probability = third.residual_impact = None
    before, after = heatmap_points(project, "zh_Hans_CN")
    assert len(before) == len(after) == 11  # closed risks leave the map
    assert before[0].id == "01" and (before[0].probability, before[0].impact) == (first.probability, first.impact)
    assert (after[0].probability, after[0].impact) == (1, 2)
    assert (after[1].id, after[1].score) == ("03", third.score)  # no residual: unchanged
    assert before[0].title == first.title_zh
    figure = risk_heatmap_pair(before, after, locale="en")
    assert figure.data
