"""``crm-impl roi FILE``: the business case's figures, exactly the documented keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from blueprints.cli import main
from blueprints.cli_finance import roi_command

SAMPLES = Path(__file__).resolve().parents[2] / "sample_projects"
RETAIL = SAMPLES / "retail_chain_pengbo.json"
KEYS = ["npv", "irr", "roi", "roi_methodology", "tco", "tco_pv", "benefits", "payback_years",
        "discounted_payback_years", "discount_rate", "cash_flows"]


def test_json_has_exactly_the_documented_keys_and_the_worked_example():
    result = CliRunner().invoke(main, ["roi", str(RETAIL), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert list(out) == KEYS
    assert out["tco"] == 7_110_000 and out["benefits"] == 9_341_000
    assert round(out["roi_methodology"], 3) == 1.314 and round(out["roi"], 3) == 0.314
    assert round(out["payback_years"], 2) == 2.30 and round(out["npv"]) == 1_150_156
    assert out["discount_rate"] == 0.08
    assert out["cash_flows"] == [-4_350_000, 902_000, 2_469_000, 3_210_000]
    # the IRR makes the printed cash flows' NPV zero
    assert sum(f / (1 + out["irr"]) ** y for y, f in enumerate(out["cash_flows"])) == pytest.approx(0, abs=5)
    assert out["tco_pv"] == pytest.approx(4_350_000 + sum(920_000 / 1.08 ** y for y in (1, 2, 3)), abs=0.01)


def test_text_prints_the_convention_in_the_cli_language(monkeypatch):
    result = CliRunner().invoke(roi_command, [str(RETAIL)])
    assert result.exit_code == 0
    assert "=NPV(8%, year 1 … year 3) + year 0 = 1,150,156" in result.output
    assert "Net ROI" in result.output and "2.30 years" in result.output
    monkeypatch.setenv("CRM_IMPL_LANG", "zh_Hans")
    chinese = CliRunner().invoke(roi_command, [str(RETAIL)])
    assert "=NPV(8%" in chinese.output and "NPV convention" not in chinese.output


def _write(tmp_path, change) -> Path:
    document = json.loads(RETAIL.read_text("utf-8"))
    change(document)
    path = tmp_path / "case.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_file_without_a_case_is_refused(tmp_path):
    path = _write(tmp_path, lambda d: d.pop("business_case"))
    result = CliRunner().invoke(roi_command, [str(path), "--json"])
    assert result.exit_code == 2 and "no business_case" in result.output


@pytest.mark.parametrize(("change", "text"), [
    (lambda d: d["business_case"].update(horizon=0), "business_case.horizon"),
    (lambda d: d["business_case"]["lines"][11].update(formula="flyer_spend * nope"), "unknown driver 'nope'"),
])
def test_a_bad_case_is_refused_with_its_path(tmp_path, change, text):
    result = CliRunner().invoke(roi_command, [str(_write(tmp_path, change)), "--json"])
    assert result.exit_code == 2 and text in result.output


def test_no_irr_is_null(tmp_path):
    def costs_only(document):
        case = document["business_case"]
        case["lines"] = [line for line in case["lines"] if line["kind"] == "cost"]
        case["drivers"] = []
    out = json.loads(CliRunner().invoke(roi_command, [str(_write(tmp_path, costs_only)), "--json"]).output)
    assert out["irr"] is None and out["payback_years"] is None and out["roi"] == -1


def test_text_says_no_irr_when_the_flows_never_change_sign(tmp_path):
    def costs_only(document):
        case = document["business_case"]
        case["lines"] = [line for line in case["lines"] if line["kind"] == "cost"]
        case["drivers"] = []
    result = CliRunner().invoke(roi_command, [str(_write(tmp_path, costs_only))])
    assert result.exit_code == 0, result.output
    assert "IRR: no IRR (the cash flows never change sign)" in result.output.splitlines()


def test_text_names_every_irr_and_the_sign_changes(tmp_path):
    """-100,000, +230,000, -132,000, 0: NPV is zero at 10 % and at 20 %, the sign changes in years 1 and 2."""
    def two_sign_changes(document):
        case = document["business_case"]
        case["drivers"] = []
        case["lines"] = [
            {"id": "C1", "kind": "cost", "category": "construction", "component": "consulting", "name": "Consulting",
             "amounts": [100_000, 0, 0, 0]},
            {"id": "B1", "kind": "benefit", "category": "cost_reduction", "component": "", "name": "Saving",
             "amounts": [0, 230_000, 0, 0]},
            {"id": "C2", "kind": "cost", "category": "usage", "component": "system_maintenance", "name": "Upgrade",
             "amounts": [0, 0, 132_000, 0]},
        ]
    path = _write(tmp_path, two_sign_changes)
    result = CliRunner().invoke(roi_command, [str(path)])
    assert result.exit_code == 0, result.output
    assert "IRR: several: 10.00%, 20.00% (sign changes in years 1, 2)" in result.output.splitlines()
    assert json.loads(CliRunner().invoke(roi_command, [str(path), "--json"]).output)["irr"] is None


def test_csv_prints_the_cash_flows_and_the_convention():
    import csv
    import io

    result = CliRunner().invoke(roi_command, [str(RETAIL), "--csv"])
    assert result.exit_code == 0
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0][0] == "year" and [r[7] for r in rows[1:5]] == ["-4350000.00", "902000.00", "2469000.00", "3210000.00"]
    assert ["npv", "1150156.23"] in rows
    assert any(r and r[0] == "convention" and "=NPV(8%, year 1 … year 3) + year 0" in r[1] for r in rows)
    assert CliRunner().invoke(roi_command, [str(RETAIL), "--csv", "--json"]).exit_code == 2
