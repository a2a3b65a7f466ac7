"""The sample process content (sample_projects/processes/, written by tools/write_process_samples.py):
the files are up to date, every map is sound and reads back as written, every to-be map measures
better than its as-is map, and each project's fishbone and selection data make sense."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from crm_impl.formats.bpmn import import_bpmn
from crm_impl.processes import (
    Candidate,
    Category,
    Cause,
    Fishbone,
    LaneStaff,
    Scenario,
    check_map,
    diff_maps,
    pareto,
    rank_candidates,
    simulate_process,
)

ROOT = Path(__file__).resolve().parents[3]
FOLDER = ROOT / "sample_projects" / "processes"
_spec = importlib.util.spec_from_file_location("write_process_samples", ROOT / "tools" / "write_process_samples.py")
writer = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(writer)
PROJECTS = {p.stem: json.loads(p.read_text("utf-8")) for p in sorted(FOLDER.glob("*.json"))}
PAIRS = [(stem, m) for stem, content in PROJECTS.items() for m in content["maps"]]


def read(key: str):
    return import_bpmn((FOLDER / f"{key}.bpmn").read_bytes()).process


def fishbone(data: dict) -> Fishbone:
    return Fishbone(data["problem"], tuple(
        Category(c["name"], tuple(Cause(x["name"], x["value"], x["name_zh"]) for x in c["causes"]), c["name_zh"])
        for c in data["categories"]), data["problem_zh"])


def test_the_files_are_what_the_writer_writes():
    # fails after a map or the BPMN writer changes until `python tools/write_process_samples.py` is run
    expected = writer.outputs()
    assert sorted(p.name for p in expected) == sorted(p.name for p in FOLDER.iterdir())
    for path, content in expected.items():
        assert path.read_bytes() == content, path.name


@pytest.mark.parametrize("pm", writer.MAPS, ids=lambda pm: pm.key)
def test_every_sample_map_is_sound_bilingual_and_reads_back_as_written(pm):
    check_map(pm)
    assert read(pm.key) == pm
    assert pm.name_zh and all(lane.name_zh for lane in pm.lanes)
    assert all(node.name_zh for node in pm.nodes if node.name)


@pytest.mark.parametrize(("stem", "pair"), PAIRS, ids=[m["process"] for _, m in PAIRS])
def test_every_to_be_map_measures_better(stem, pair):
    d = diff_maps(read(pair["as_is"]), read(pair["to_be"]), pair["cases_per_year"])
    assert not d.unchanged
    assert d.after.success_rate >= d.before.success_rate
    assert d.after.cost_per_success < d.before.cost_per_success
    assert d.after.automation_share > d.before.automation_share == 0
    assert d.after.channel_count >= d.before.channel_count
    if pair["process"] == "lead_to_order":
        # more leads reach a quote and an order: each case costs more, each order far less
        assert d.savings_per_case < 0 and d.after.success_rate > 1.5 * d.before.success_rate
    else:
        assert d.savings_per_case > 0 and d.annual_savings == pytest.approx(d.savings_per_case * pair["cases_per_year"])
        assert d.after.cycle_time < d.before.cycle_time


@pytest.mark.parametrize("stem", sorted(PROJECTS))
def test_each_project_has_a_fishbone_whose_vital_few_explain_about_80_percent(stem):
    for data in PROJECTS[stem]["fishbones"]:
        result = pareto(fishbone(data))
        assert 0.7 <= result.covered <= 0.9
        assert 2 <= len(result.vital_few) <= 4 < len(result.rows)
        assert all(row.cause_zh and row.category_zh for row in result.rows)


@pytest.mark.parametrize("stem", sorted(PROJECTS))
def test_each_project_selects_its_mapped_process_first(stem):
    ranked = rank_candidates([Candidate(**c) for c in PROJECTS[stem]["candidates"]])
    mapped = {m["process"] for m in PROJECTS[stem]["maps"]}
    assert ranked[0].candidate.key in mapped and ranked[0].selected
    assert all(r.selected == (r.candidate.feasibility >= 3) for r in ranked)
    assert not ranked[-1].selected  # every project has a candidate it cannot redesign yet


@pytest.mark.parametrize(("stem", "pair"), PAIRS, ids=[m["process"] for _, m in PAIRS])
def test_every_sample_pair_simulates(stem, pair):
    for key in (pair["as_is"], pair["to_be"]):
        pm = read(key)
        staff = {lane.key: LaneStaff(people=50, day_start=8, day_hours=10) for lane in pm.lanes}
        result = simulate_process(pm, Scenario(arrival_rate=2, cases=300, staff=staff, seed=1))
        assert result.completed == 300 and result.p90 >= result.p50 > 0
