"""``crm-impl processes FILE [--json] [--bpmn-dir DIR]``: each map's metrics and the as-is/to-be savings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from blueprints.cli import main
from blueprints.cli_processes import processes_command
from crm_impl.formats.bpmn import import_bpmn
from crm_impl.processes import diff_maps, process_metrics

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "sample_projects").glob("*.json"))


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_json_lists_every_map_with_its_metrics_and_savings(path):
    result = CliRunner().invoke(processes_command, [str(path), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    maps = json.loads(path.read_text("utf-8"))["processes"]["maps"]
    assert [r["key"] for r in out["processes"]] == [m["key"] for m in maps]
    parsed = {m["key"]: import_bpmn(m["bpmn"]).process for m in maps}
    for record in out["processes"]:
        metrics = process_metrics(parsed[record["key"]])
        assert {"key", "name", "kind", "steps", "handoffs", "decisions", "cycle_time_hours", "cost_per_case",
                "value_added_ratio"} <= set(record)
        assert record["steps"] == metrics.steps and record["handoffs"] == metrics.handoffs
        assert record["cycle_time_hours"] == pytest.approx(metrics.cycle_time, abs=1e-4)
        assert record["cost_per_case"] == pytest.approx(metrics.cost_per_case, abs=0.01)
    pairs = [(m["as_is"], m["key"], m["cases_per_year"]) for m in maps if m.get("as_is")]
    assert [(s["as_is"], s["to_be"]) for s in out["savings"]] == [(a, t) for a, t, _ in pairs]
    for saving, (as_is, to_be, cases) in zip(out["savings"], pairs):
        diff = diff_maps(parsed[as_is], parsed[to_be], cases)
        assert saving["annual_savings"] == pytest.approx(diff.annual_savings, abs=0.01)


def test_the_retail_repair_redesign_saves_about_its_benefit_line():
    retail = next(p for p in SAMPLES if "retail" in p.stem)
    result = CliRunner().invoke(main, ["processes", str(retail)])
    assert result.exit_code == 0, result.output
    assert "retail_repair_to_be vs retail_repair_as_is" in result.output and "(B_SVC)" in result.output
    saving = json.loads(CliRunner().invoke(main, ["processes", str(retail), "--json"]).output)["savings"][0]
    assert 300_000 < saving["annual_savings"] < 400_000


def test_bpmn_dir_writes_each_map(tmp_path):
    result = CliRunner().invoke(processes_command, [str(SAMPLES[0]), "--bpmn-dir", str(tmp_path / "maps")])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (tmp_path / "maps").iterdir())
    assert files == ["auto_lead_to_order_as_is.bpmn", "auto_lead_to_order_to_be.bpmn"]
    assert import_bpmn((tmp_path / "maps" / files[0]).read_bytes()).process.key == "auto_lead_to_order_as_is"


def test_a_broken_map_is_refused_with_its_path(tmp_path):
    document = json.loads(SAMPLES[0].read_text("utf-8"))
    document["processes"]["maps"][0]["bpmn"] = "<bpmn:definitions"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document), "utf-8")
    result = CliRunner().invoke(processes_command, [str(path)])
    assert result.exit_code == 2 and "processes.maps[0].bpmn" in result.output
