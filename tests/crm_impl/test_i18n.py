"""One i18n: messages rendered per reader, locale names, the label tables, numbers and dates."""

import gettext
import re
from datetime import date

import pytest
from babel import Locale

from crm_impl import i18n
from crm_impl.i18n import (
    ACTION_LABELS,
    FIELD_LABELS,
    LABELS,
    RECORD_LABELS,
    VALUE_LABELS,
    Message,
    MessageList,
    format_day,
    format_money,
    format_number,
    format_percentage,
    is_chinese,
    msg,
    normalise_locale,
    render,
    term,
)


def test_message_renders_english_by_str_and_chinese_on_request():
    message = Message("unknown task %(task)r", {"task": "NOPE"})
    assert str(message) == "unknown task 'NOPE'"
    assert message.render("zh_Hans") == "未知任务 'NOPE'"
    assert message.render("zh-Hans-CN") == message.render("zh_CN") == "未知任务 'NOPE'"
    assert message.render("fr") == "unknown task 'NOPE'"  # no French catalogue: English
    assert Message("").render("zh_Hans") == ""


def test_a_message_parameter_is_rendered_in_the_same_locale():
    inner = msg("unknown task %(task)r", task="R9")
    outer = msg("dependency cycle: %(path)s", path=inner)
    assert str(outer) == "dependency cycle: unknown task 'R9'"
    assert outer.render("zh_Hans") == "依赖关系存在循环：未知任务 'R9'"
    both = MessageList((msg("is required"), inner))
    assert render(both, "zh_Hans") == "必填; 未知任务 'R9'"
    assert render(42, "zh_Hans") == "42"


def test_a_translation_with_wrong_placeholders_falls_back_to_english(monkeypatch):
    class Broken(gettext.NullTranslations):
        def gettext(self, message):
            return "未知任务 %(tsk)r"  # a translator's typo

    monkeypatch.setattr(i18n, "translations", lambda locale: Broken())
    message = Message("unknown task %(task)r", {"task": "X"})
    assert message.render("zh_Hans") == "unknown task 'X'"


def test_a_message_context_picks_the_translation():
    assert Message("low", context="risk zone").render("zh_Hans") == "低"
    assert Message("open", context="value").render("zh_Hans") == "未关闭"
    assert Message("low", context="risk zone").render("en") == "low"


@pytest.mark.parametrize(
    ("locale", "chinese"),
    [
        ("zh", True), ("zh_Hans", True), ("zh_Hans_CN", True), ("zh-Hans-CN", True), ("ZH-cn", True),
        (" zh_SG ", True), (Locale.parse("zh_Hans_CN"), True),
        ("zh-TW", False), ("zh_TW", False), ("zh-Hant", False), ("zh_HK", False), ("zh-Hant-TW", False),
        ("zh_Hant_TW", False), (Locale.parse("zh_Hant_HK"), False),
        ("zhx", False), ("en_zh", False), ("en", False), ("", False), (None, False),
    ],
)
def test_is_chinese_means_simplified_chinese(locale, chinese):
    assert is_chinese(locale) is chinese
    assert normalise_locale(locale) == ("zh_Hans" if chinese else "en")


# Terms whose Chinese is the English word by nature (abbreviations Chinese writes in Latin letters).
SAME_IN_BOTH = {("FIELD_LABELS", "kpi")}


@pytest.mark.parametrize(
    ("name", "table"),
    [("LABELS", LABELS), ("RECORD_LABELS", RECORD_LABELS), ("FIELD_LABELS", FIELD_LABELS),
     ("ACTION_LABELS", ACTION_LABELS), ("VALUE_LABELS", VALUE_LABELS)],
)
def test_every_label_has_a_chinese_translation(name, table):
    untranslated = [
        key for key, (_, english) in table.items()
        if term(table, key, "zh_Hans") == english and (name, key) not in SAME_IN_BOTH
    ]
    assert untranslated == []
    assert all(term(table, key, "en") == english for key, (_, english) in table.items())


def test_label_placeholders_survive_translation():
    placeholder = re.compile(r"%\((\w+)\)s")
    for key, (_, english) in LABELS.items():
        assert sorted(placeholder.findall(term(LABELS, key, "zh_Hans"))) == sorted(placeholder.findall(english)), key


def test_numbers_and_percentages_in_both_locales():
    assert format_number(1234567.891, "en") == format_number(1234567.891, "zh_Hans") == "1,234,567.9"
    assert format_number(-3.14159, "en", digits=2) == "-3.14"
    assert format_number(2.5, "en", digits=0) == "2" and format_number(3.5, "en", digits=0) == "4"  # half to even
    assert format_number(None, "zh_Hans") == "—"
    assert format_percentage(0.174497, "en") == "17.4%"
    assert format_percentage(0.5, "zh_Hans") == "50%"
    assert format_percentage(0.1236, "zh_Hans", digits=2) == "12.36%"
    assert format_percentage(None) == "—"


def test_money_and_days_in_both_locales():
    assert format_money(1234.5, "CNY", "en") == "CN¥1,234.50"
    assert format_money(1234.5, "CNY", "zh_Hans") == "¥1,234.50"
    assert format_money(99, "USD", "en") == "$99.00"
    assert format_money(99, "USD", "zh_Hans") == "US$99.00"
    assert format_money(None, "CNY", "en") == "—"
    assert format_day(date(2025, 3, 3), "en") == "Mar 3, 2025"
    assert format_day(date(2025, 3, 3), "zh_Hans") == "2025年3月3日"
    assert format_day(date(2025, 3, 3), "en", "long") == "March 3, 2025"
    assert format_day(date(2025, 3, 3), "zh_Hans", "short") == "2025/3/3"
    assert format_day(None) == "—"
    assert format_day(date(2025, 3, 3), "zh-TW") == "Mar 3, 2025"  # Traditional: English
