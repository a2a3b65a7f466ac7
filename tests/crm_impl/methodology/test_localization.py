"""Choosing English or Simplified Chinese text by locale."""

from __future__ import annotations

import pytest

from crm_impl.i18n import is_chinese, localized
from crm_impl.methodology import get_template, role, typical_risks


@pytest.mark.parametrize(
    "locale", ["zh", "zh_Hans", "zh_CN", "zh-CN", "zh_Hans_CN", "zh-hans", "ZH_cn", "zh_SG"]
)
def test_simplified_chinese_locales(locale):
    assert is_chinese(locale)


@pytest.mark.parametrize("locale", [None, "", "en", "en_GB", "de", "zh_Hant", "zh_TW", "zh-HK", "zhx"])
def test_other_locales_get_english(locale):
    assert not is_chinese(locale)


def test_labels_of_phase_task_gate_and_template():
    nine = get_template("nine_phase")
    assert nine.label("zh_Hans") == "九阶段实施方法"
    assert nine.phase("P6").label("zh") == "二次开发与确认"
    assert nine.phase("P6").label("en") == "Secondary development and confirmation"
    assert nine.task("P2.02").label("zh_CN") == "制定项目计划"
    assert nine.gate("G4").label() == "Final blueprint signed, scope frozen"
    assert nine.gate("G4").criterion("G4.1").label("zh").startswith("需求文档完整度")


def test_localized_picks_any_bilingual_field():
    assert localized(role("V_BC"), "responsibilities", "zh")[1] == "提交CRM流程优化报告"
    assert localized(role("V_BC"), "responsibilities", "en")[1] == "Submit the CRM process-optimisation report"
    assert localized(get_template("nine_phase").phase("P9"), "goal", "zh").startswith("新系统转入正式运营之后")
    assert localized(typical_risks()[0], "response", "zh_CN") == typical_risks()[0].response_zh


def test_localized_falls_back_to_english_without_a_chinese_twin():
    assert localized(role("E_TG"), "id", "zh") == "E_TG"
    # E_TG has no member list in either language: the empty Chinese twin falls back.
    assert localized(role("E_TG"), "members", "zh") == ""


def test_every_text_is_bilingual():
    for template in ("nine_phase", "seven_step"):
        t = get_template(template)
        items = [*t.phases, *t.tasks, *t.deliverables, *t.gates]
        for item in items:
            assert item.name and item.name_zh, item
            # Chinese text is Chinese: at least one CJK character.
            assert any("\u4e00" <= ch <= "\u9fff" for ch in item.name_zh), item.name_zh
        for gate in t.gates:
            for criterion in gate.criteria:
                assert any("\u4e00" <= ch <= "\u9fff" for ch in criterion.text_zh), criterion.key
