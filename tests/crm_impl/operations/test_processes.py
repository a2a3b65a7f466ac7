"""Stored process maps: create, save the modeler's XML, edit attributes (written back into the XML),
copy an as-is map to its to-be version, the stored savings, simulation cache, candidates, fishbones."""

from pathlib import Path

import pytest

from crm_impl.errors import StaleEditError, ValidationError
from crm_impl.formats.bpmn import import_bpmn
from crm_impl.models import MapKind, ProcessMapRecord
from crm_impl.operations.processes import (
    CandidateDraft,
    CauseDraft,
    add_candidate,
    add_cause,
    add_fishbone,
    delete_cause,
    delete_fishbone,
    blank_bpmn,
    copy_to_be,
    create_map,
    delete_map,
    fishbone_of,
    map_diff,
    map_metrics,
    ranked_candidates,
    run_simulation,
    save_bpmn,
    stored_map,
    update_attributes,
    update_candidate,
    update_map_settings,
    selection_weights,
    update_selection,
)
from crm_impl.processes import ProcessMapError, Scenario, Weights, diff_maps, pareto, process_metrics

ROOT = Path(__file__).resolve().parents[3]
HOTEL = ROOT / "sample_projects" / "processes"


@pytest.fixture
def project(db, user, load_sample):
    return load_sample(user)


def test_the_sample_project_holds_its_maps_with_savings(project):
    maps = {m.key: m for m in project.process_maps}
    assert list(maps) == ["auto_lead_to_order_as_is", "auto_lead_to_order_to_be"]
    to_be = maps["auto_lead_to_order_to_be"]
    assert to_be.kind is MapKind.TO_BE and to_be.as_is is maps["auto_lead_to_order_as_is"]
    expected = diff_maps(stored_map(to_be.as_is), stored_map(to_be), to_be.cases_per_year)
    assert to_be.annual_savings == pytest.approx(expected.annual_savings)
    assert to_be.savings_per_case == pytest.approx(expected.savings_per_case)
    assert to_be.as_is.annual_savings is None


def test_create_from_a_template_and_copy_to_its_to_be_map(db, project):
    as_is = create_map(db, project, key="hotel_as_is", data=(HOTEL / "hotel_booking_as_is.bpmn").read_bytes(),
                       cases_per_year=10_000, process="hotel")
    db.commit()
    assert as_is.name == "Hotel booking (as-is)" and as_is.name_zh == "酒店预订（现有流程）"
    to_be = copy_to_be(db, project, as_is)
    db.commit()
    assert to_be.key == "hotel_to_be" and to_be.kind is MapKind.TO_BE and to_be.as_is is as_is
    assert to_be.name == "Hotel booking (to-be)" and to_be.cases_per_year == 10_000
    # same ids and layout: nothing changed yet
    assert map_diff(to_be).unchanged and to_be.annual_savings == 0
    assert import_bpmn(to_be.bpmn).layout.shapes.keys() == import_bpmn(as_is.bpmn).layout.shapes.keys()
    # the table beside the diagram: cheaper check, written back into the XML
    cost = stored_map(as_is).node("C1").cost
    assert update_attributes(project, to_be, to_be.version, {"C1": {"cost": cost - 10, "automated": True}})
    db.commit()
    assert import_bpmn(to_be.bpmn).process.node("C1").cost == cost - 10
    diff = map_diff(to_be)
    assert [c.id for c in diff.changed_nodes] == ["C1"] and set(diff.changed_nodes[0].fields) == {"cost", "automated"}
    assert to_be.savings_per_case == pytest.approx(diff.savings_per_case) and to_be.savings_per_case > 0
    assert to_be.annual_savings == pytest.approx(diff.savings_per_case * 10_000)
    # more cases a year: the stored saving follows
    assert update_map_settings(project, to_be, to_be.version, key="hotel_to_be", process="hotel", as_is=as_is,
                               cases_per_year=20_000, benefit="B_SVC")
    assert to_be.annual_savings == pytest.approx(diff.savings_per_case * 20_000) and to_be.benefit == "B_SVC"


def test_an_invalid_map_is_refused_naming_every_node_and_nothing_changes(db, project):
    record = project.process_maps[0]
    before, version = record.bpmn, record.version
    pm = stored_map(record)
    gateway = next(n for n in pm.nodes if n.kind == "exclusive")
    out = pm.outgoing(gateway.id)
    with pytest.raises(ProcessMapError) as caught:
        update_attributes(project, record, version, probabilities={out[0].key: 0.99})
    assert any(gateway.id in where for where, _problem in caught.value.problems)
    db.rollback()
    assert record.bpmn == before and record.version == version
    with pytest.raises(ValidationError, match="must be a number from 0"):
        update_attributes(project, record, version, {pm.tasks()[0].id: {"working_time": -1}})
    with pytest.raises(ValidationError, match="no node"):
        update_attributes(project, record, version, {"nope": {"cost": 1}})
    with pytest.raises(StaleEditError):
        update_attributes(project, record, version - 1, {pm.tasks()[0].id: {"cost": 1}})


FLOW = '<bpmn:sequenceFlow id="Flow_Task_1_End_1" sourceRef="Task_1" targetRef="End_1" />'
IN_LANE = "<bpmn:flowNodeRef>Task_1</bpmn:flowNodeRef>"
#: A task drawn on the blank map's lane: bpmn-js lists it in the lane.
TASK_2 = "<bpmn:flowNodeRef>Task_2</bpmn:flowNodeRef>"
SECOND = ('<bpmn:task id="Task_2" name="Second" /><bpmn:sequenceFlow id="f2" sourceRef="Task_1" targetRef="Task_2" />'
          '<bpmn:sequenceFlow id="f3" sourceRef="Task_2" targetRef="End_1" />')


def test_saving_the_modelers_xml_parses_validates_and_keeps_the_file(db, project):
    record = create_map(db, project, key="drawn", data=blank_bpmn("drawn", "Drawn"))
    db.commit()
    xml, version = record.bpmn.decode(), record.version
    assert FLOW in xml
    # the modeler puts a task dropped on a lane in that lane; without it the task is in no lane
    outside = xml.replace(FLOW, SECOND)
    with pytest.raises(ProcessMapError) as caught:
        save_bpmn(project, record, version, outside)
    assert [where for where, _problem in caught.value.problems] == ["nodes[Task_2]"]
    assert "is in no lane" in str(caught.value)
    db.rollback()
    xml = xml.replace(IN_LANE, IN_LANE + TASK_2)
    # a second task drawn after the first, the old flow left in: Task_1 has two ways out
    with pytest.raises(ProcessMapError) as caught:
        save_bpmn(project, record, version, xml.replace(FLOW, FLOW + SECOND))
    assert [where for where, _problem in caught.value.problems] == ["nodes[Task_1]"]
    db.rollback()
    assert record.version == version and "Task_2" not in record.bpmn.decode()
    result = save_bpmn(project, record, version, xml.replace(FLOW, SECOND))
    db.commit()
    assert not result.skipped
    assert [t.id for t in stored_map(record).tasks()] == ["Task_1", "Task_2"]
    assert map_metrics(record).steps == 2 and record.version == version + 1
    assert 'crm:attributes' in record.bpmn.decode().split('id="Task_2"')[1].split("</bpmn:task>")[0]
    with pytest.raises(ValidationError, match="not well-formed"):
        save_bpmn(project, record, record.version, "<bpmn:definitions")
    with pytest.raises(ValidationError, match="unsafe XML"):
        save_bpmn(project, record, record.version, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>')
    with pytest.raises(ValidationError, match="not a BPMN 2.0 file"):
        save_bpmn(project, record, record.version, "<Project xmlns='http://schemas.microsoft.com/project'/>")


DECISION = ('<bpmn:exclusiveGateway id="Gateway_1" name="Approved?" />'
            '<bpmn:task id="Task_2" name="Rework" />'
            '<bpmn:sequenceFlow id="f1" sourceRef="Task_1" targetRef="Gateway_1" />'
            '<bpmn:sequenceFlow id="f2" sourceRef="Gateway_1" targetRef="End_1" name="yes" />'
            '<bpmn:sequenceFlow id="f3" sourceRef="Gateway_1" targetRef="Task_2" name="no" />'
            '<bpmn:sequenceFlow id="f4" sourceRef="Task_2" targetRef="End_1" />')


def test_a_decision_drawn_without_probabilities_is_stored_with_assumed_ones_for_the_table(db, project):
    record = create_map(db, project, key="drawn", data=blank_bpmn("drawn", "Drawn"))
    db.commit()
    xml = record.bpmn.decode()
    # the modeler knows nothing of probabilities: the save is kept, each branch an equal share, marked
    drawn = xml.replace(FLOW, DECISION).replace(IN_LANE, IN_LANE + TASK_2)
    result = save_bpmn(project, record, record.version, drawn)
    db.commit()
    pm = stored_map(record)
    assert [(f.target, f.probability, f.assumed) for f in pm.outgoing("Gateway_1")] == [
        ("End_1", 0.5, True), ("Task_2", 0.5, True)]
    assert result.process == pm and import_bpmn(record.bpmn).process == pm  # the file carries them too
    assert map_metrics(record).decisions == 1
    # the table sets them: no longer assumed, and the metrics weigh the branches
    assert update_attributes(project, record, record.version, {"Task_2": {"working_time": 2.0}},
                             {("Gateway_1", "End_1"): 0.8, ("Gateway_1", "Task_2"): 0.2})
    db.commit()
    pm = stored_map(record)
    assert [(f.probability, f.assumed) for f in pm.outgoing("Gateway_1")] == [(0.8, False), (0.2, False)]
    assert b"probabilityAssumed" not in record.bpmn and map_metrics(record).cycle_time == pytest.approx(0.4)
    # a later modeler save keeps what the table set (the XML carries it)
    save_bpmn(project, record, record.version, record.bpmn)
    assert stored_map(record) == pm
    # the table's probabilities themselves must still add up: no assumption there
    with pytest.raises(ProcessMapError, match="sum to 0.9"):
        update_attributes(project, record, record.version, probabilities={("Gateway_1", "End_1"): 0.7})
    db.rollback()


def test_a_drawing_with_other_problems_is_refused_naming_them_not_the_probabilities(db, project):
    record = create_map(db, project, key="drawn", data=blank_bpmn("drawn", "Drawn"))
    db.commit()
    version, before = record.version, record.bpmn
    orphan = DECISION.replace('<bpmn:sequenceFlow id="f4" sourceRef="Task_2" targetRef="End_1" />', "")
    with pytest.raises(ProcessMapError) as caught:
        save_bpmn(project, record, version,
                  record.bpmn.decode().replace(FLOW, orphan).replace(IN_LANE, IN_LANE + TASK_2))
    assert [where for where, _problem in caught.value.problems] == ["nodes[Task_2]"]
    assert "probabilit" not in str(caught.value)
    db.rollback()
    assert record.version == version and record.bpmn == before


def test_keys_kinds_and_links_are_checked(db, project):
    data = blank_bpmn("m")
    with pytest.raises(ValidationError, match="exists already"):
        create_map(db, project, key=project.process_maps[0].key, data=data)
    with pytest.raises(ValidationError, match="letters, digits"):
        create_map(db, project, key="a b", data=data)
    to_be = project.process_maps[1]
    with pytest.raises(ValidationError, match="as-is map of this project"):
        create_map(db, project, key="x", data=data, kind="to_be", as_is=to_be)
    with pytest.raises(ValidationError, match="only an as-is map"):
        copy_to_be(db, project, to_be)


def test_deleting_an_as_is_map_unlinks_its_to_be_map(db, project):
    as_is, to_be = project.process_maps
    delete_map(db, project, as_is)
    db.commit()
    db.expire_all()
    assert [m.key for m in project.process_maps] == [to_be.key]
    assert to_be.as_is is None and to_be.annual_savings is None


def test_simulation_results_come_from_the_cache_for_the_same_inputs(project):
    class Cache(dict):
        def set(self, key, value, timeout=None):
            self[key] = value

    cache = Cache()
    record = project.process_maps[0]
    scenario = Scenario(arrival_rate=2, cases=200, seed=3)
    first = run_simulation(record, scenario, cache)
    assert len(cache) == 1 and run_simulation(record, scenario, cache) is first
    assert len(first.cycle_times) == 200
    assert float(first.cycle_times.mean()) == pytest.approx(process_metrics(stored_map(record)).cycle_time, rel=0.5)


def test_candidates_rank_and_fishbone_causes_feed_the_pareto(db, project):
    ranked = ranked_candidates(project)
    assert [(r.candidate.key, r.selected) for r in ranked] == [
        ("lead_to_order", True), ("after_sales_service", True), ("complaints", True), ("parts_supply", False)]
    record = add_candidate(db, project, CandidateDraft("x1", "Quotes", 5, 5, 2, functions=7, departments=3))
    assert next(r for r in ranked_candidates(project) if r.candidate.key == "x1").selected is False
    with pytest.raises(ValidationError, match="from 1 to 5"):
        update_candidate(project, record, record.version, CandidateDraft("x1", "Quotes", 6, 5, 2))
    with pytest.raises(ValidationError, match="exists already"):
        add_candidate(db, project, CandidateDraft("x1", "Again", 1, 1, 1))
    db.rollback()
    fish = add_fishbone(db, project, "booking", "Lost bookings")
    for category, name, value in [("Methods", "Full hotel", 35), ("People", "No callback", 25),
                                  ("Methods", "No chain search", 18), ("Systems", "Slow", 12), ("People", "Other", 10)]:
        add_cause(db, fish, CauseDraft(category, name, value))
    db.commit()
    result = pareto(fishbone_of(fish))
    assert [r.cause for r in result.rows if r.vital] == ["Full hotel", "No callback", "No chain search"]
    assert [c.name for c in fishbone_of(fish).categories] == ["Methods", "People", "Systems"]
    with pytest.raises(ValidationError):
        add_cause(db, fish, CauseDraft("Methods", "", 3))
    db.rollback()
    delete_cause(db, fish, fish.causes[0])
    db.commit()
    assert len(fish.causes) == 4
    delete_fishbone(db, project, fish)
    db.commit()
    assert [f.key for f in project.fishbones] == ["lead_loss"]


def test_the_selection_weights_are_stored_and_rank_by_default(db, project):
    assert project.process_selection is None and selection_weights(project) == (Weights(), "weighted")
    order = lambda: [r.candidate.key for r in ranked_candidates(project)]  # noqa: E731
    assert order()[0] == "lead_to_order"
    assert update_selection(db, project, None, Weights(1, 5, 1), "weighted") is True
    db.commit()
    db.expire_all()
    record = project.process_selection
    assert (record.importance, record.gap, record.feasibility, record.method) == (1, 5, 1, "weighted")
    assert order()[0] == "complaints"  # the biggest performance gap now leads
    assert ranked_candidates(project, Weights(), "weighted")[0].candidate.key == "lead_to_order"  # asked for
    version = record.version
    assert update_selection(db, project, version, Weights(1, 5, 1), "weighted") is False
    for weights, method, words in [(Weights(0, 0, 0), "weighted", "not all 0"),
                                   (Weights(-1, 1, 1), "weighted", "from 0"),
                                   (Weights(101, 1, 1), "weighted", "from 0 to 100"),
                                   (Weights(float("nan"), 1, 1), "weighted", "must be a number"),
                                   (Weights(1, 1, 1), "sum", "unknown scoring method")]:
        with pytest.raises(ValidationError, match=words):
            update_selection(db, project, version, weights, method)
    with pytest.raises(StaleEditError):
        update_selection(db, project, version - 1, Weights(2, 2, 2), "product")
    assert update_selection(db, project, version, Weights(2, 1, 1), "product") is True
    db.commit()
    assert selection_weights(project) == (Weights(2, 1, 1), "product")


def test_a_record_is_a_process_map_record(project):
    assert all(isinstance(m, ProcessMapRecord) for m in project.process_maps)


def test_the_name_limit_of_the_bpmn_reader_is_the_columns():
    from crm_impl.formats.bpmn import MAX_NAME
    from crm_impl.models import FishboneCause, ProcessCandidate
    from crm_impl.models.base import max_length

    assert max_length(ProcessMapRecord.name) == max_length(ProcessMapRecord.name_zh) == MAX_NAME
    assert max_length(ProcessCandidate.name) == max_length(FishboneCause.name) == MAX_NAME
