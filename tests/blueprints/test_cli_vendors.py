"""``crm-impl vendors FILE``: the JSON shape of the issue, on the samples and on the worked example."""

from __future__ import annotations

import copy
import json

import pytest
from click.testing import CliRunner

from blueprints.cli import main
from blueprints.cli_vendors import vendors_command
from crm_impl.vendors.sensitivity import reweighted
from tests.conftest import SAMPLES


def run(path, *args, env=None):
    return CliRunner().invoke(vendors_command, [str(path), *args], env=env or {})


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_json_shape(path):
    result = run(path, "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert set(out) == {"vendors", "weights", "consistency_ratio", "ahp", "sensitivity"}
    assert all(set(v) == {"name", "score", "rank", "disqualified", "reason"} for v in out["vendors"])
    assert sum(out["weights"].values()) == pytest.approx(1)
    qualified = [v for v in out["vendors"] if not v["disqualified"]]
    assert [v["rank"] for v in qualified] == list(range(1, len(qualified) + 1))
    assert [v["score"] for v in qualified] == sorted((v["score"] for v in qualified), reverse=True)
    assert all(v["rank"] is None and v["reason"] for v in out["vendors"] if v["disqualified"])
    for node in out["ahp"]:
        assert set(node) == {"node", "criteria", "matrix", "weights", "consistency_ratio"}
        assert len(node["matrix"]) == len(node["criteria"]) == len(node["weights"])
    assert all(set(s) == {"criterion", "flip_at_weight", "new_winner"} for s in out["sensitivity"])
    if json.loads(path.read_text("utf-8"))["vendor_selection"]["weighting"] == "ahp":
        assert out["ahp"][0]["node"] == "root" and out["consistency_ratio"] is not None
    else:
        assert out["consistency_ratio"] is None


def test_each_flip_in_the_json_changes_the_winner(tmp_path):
    path = next(p for p in SAMPLES if "automotive" in p.stem)
    out = json.loads(run(path, "--json").output)
    keys = list(out["weights"])
    import numpy as np
    weights = np.array([out["weights"][k] for k in keys])
    data = json.loads(path.read_text("utf-8"))
    winner = out["vendors"][0]["name"]
    flips = [s for s in out["sensitivity"] if s["flip_at_weight"] is not None]
    assert flips
    # Rebuild the file with direct weights at the flipped point: the command names the new winner.
    for flip in flips[:3]:
        changed = reweighted(weights, keys.index(flip["criterion"]), flip["flip_at_weight"])
        doc = copy.deepcopy(data)
        section = doc["vendor_selection"]
        section["weighting"] = "direct"
        for g in section["groups"]:
            g["weight"] = 1.0
        groups = {c["key"]: c["group"] for c in section["criteria"]}
        for c in section["criteria"]:
            c["weight"] = float(changed[keys.index(c["key"])])
        for g in section["groups"]:
            g["weight"] = sum(float(changed[keys.index(k)]) for k, grp in groups.items() if grp == g["key"])
        target = tmp_path / "flipped.json"
        target.write_text(json.dumps(doc), "utf-8")
        flipped = json.loads(run(target, "--json").output)
        assert flipped["vendors"][0]["name"] == flip["new_winner"] != winner


def test_table_and_chinese_reason():
    path = next(p for p in SAMPLES if "pharma" in p.stem)
    table = run(path)
    assert table.exit_code == 0 and "SmartSME" in table.output and "knock-out" in table.output
    assert "leads the runner-up by 0.320 points of 5." in table.output
    assert "\nSecurity: 4.0% → " in table.output and "\nsecurity:" not in table.output  # a flip names the criterion
    assert "\n安全性：权重由 4.0% 变为 " in run(path, env={"CRM_IMPL_LANG": "zh_Hans"}).output
    chinese = json.loads(run(path, "--json", env={"CRM_IMPL_LANG": "zh_Hans"}).output)
    reason = next(v["reason"] for v in chinese["vendors"] if v["disqualified"])
    assert "安全性" in reason


def test_a_file_without_a_selection_and_an_invalid_one(tmp_path):
    data = json.loads(SAMPLES[0].read_text("utf-8"))
    del data["vendor_selection"]
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(data), "utf-8")
    result = run(plain, "--json")
    assert result.exit_code == 2 and "no vendor selection" in result.output
    bad = json.loads(SAMPLES[0].read_text("utf-8"))
    bad["vendor_selection"]["evaluators"][0]["scores"][0]["value"] = 9
    broken = tmp_path / "bad.json"
    broken.write_text(json.dumps(bad), "utf-8")
    result = run(broken, "--json")
    assert result.exit_code == 2 and "vendor_selection.evaluators[0].scores[0].value" in result.output


def test_a_vendor_with_no_scores_is_named_with_the_criterion_in_the_reader_s_language(tmp_path):
    data = json.loads(next(p for p in SAMPLES if "pharma" in p.stem).read_text("utf-8"))
    for evaluator in data["vendor_selection"]["evaluators"]:
        evaluator["scores"] = [s for s in evaluator["scores"] if s["vendor"] != "erp_suite"]
    unscored = tmp_path / "unscored.json"
    unscored.write_text(json.dumps(data), "utf-8")
    result = run(unscored, "--json")
    assert result.exit_code == 2
    assert "vendor ErpLink CRM (domestic ERP-integrated suite) has no score on Customer management" in result.output
    chinese = run(unscored, env={"CRM_IMPL_LANG": "zh_Hans"})
    assert chinese.exit_code == 2 and "ErpLink 一体化CRM（国产ERP集成套件） 在 客户管理 上没有评分" in chinese.output
    # Neither scores nor figures nor a quotation: no scores at all.
    vendor = next(v for v in data["vendor_selection"]["vendors"] if v["key"] == "erp_suite")
    vendor["figures"] = {}
    vendor["licence_cost"] = vendor["implementation_cost"] = vendor["running_cost_per_year"] = 0
    unscored.write_text(json.dumps(data), "utf-8")
    result = run(unscored)
    assert result.exit_code == 2 and "vendor ErpLink CRM (domestic ERP-integrated suite) has no scores" in result.output


def test_registered_in_the_main_group():
    assert "vendors" in main.commands
