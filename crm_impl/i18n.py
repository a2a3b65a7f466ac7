"""One i18n for the whole product: locales, the message catalogue, translatable messages.

Every user-facing string — the web pages, the domain's error messages, chart and report labels —
is an English message id in one gettext catalogue (``crm_impl/translations``), translated for
the reader's locale.  The domain never needs to know who reads: it raises and returns
:class:`Message` objects (an id and its parameters) and whoever shows them renders them in the
reader's language — the web layer per request, the command line per ``--lang``, a report per
its language.

>>> msg = Message("unknown task %(task)r", {"task": "NOPE"})
>>> str(msg), msg.render("zh_Hans")
("unknown task 'NOPE'", "未知任务 'NOPE'")
"""

from __future__ import annotations

import gettext as _gettext
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from babel import Locale
from babel.numbers import format_currency, format_decimal, format_percent
from babel.dates import format_date
from babel.support import Translations

__all__ = [
    "LOCALES",
    "DEFAULT_LOCALE",
    "CATALOGUE_DIR",
    "N_",
    "Message",
    "is_chinese",
    "normalise_locale",
    "translations",
    "gettext",
    "render",
    "format_number",
    "format_money",
    "format_percentage",
    "format_day",
]

#: The languages of the UI and the reports; the first is the default.
LOCALES: tuple[str, ...] = ("en", "zh_Hans")
DEFAULT_LOCALE = "en"
#: The gettext catalogue shared by the domain, the web pages and the reports.
CATALOGUE_DIR = Path(__file__).resolve().parent / "translations"


def N_(msgid: str) -> str:
    """Mark ``msgid`` for the catalogue without translating it now (it is translated when shown)."""
    return msgid


# The catalogue has Simplified Chinese only; Traditional-script locales fall back to English
# like any other untranslated locale.
_TRADITIONAL = re.compile(r"^zh[-_](hant|tw|hk|mo)\b", re.IGNORECASE)


def is_chinese(locale: object) -> bool:
    """Whether ``locale`` asks for Simplified Chinese.

    Accepts ``zh``, ``zh_Hans``, ``zh_CN``, ``zh-Hans-CN``, ``zh_SG`` and the like; ``str()``
    of a Babel ``Locale`` works too.

    >>> is_chinese("zh_Hans_CN"), is_chinese("zh-TW"), is_chinese("en"), is_chinese(None)
    (True, False, False, False)
    """
    text = str(locale or "").strip()
    if not re.match(r"^zh(?:$|[-_])", text, re.IGNORECASE):
        return False
    return _TRADITIONAL.match(text) is None


def normalise_locale(locale: object) -> str:
    """The supported locale for ``locale``: ``"zh_Hans"`` for any Chinese tag, else ``"en"``.

    >>> normalise_locale("zh_CN"), normalise_locale("en_GB"), normalise_locale(None)
    ('zh_Hans', 'en', 'en')
    """
    return "zh_Hans" if is_chinese(locale) else DEFAULT_LOCALE


@cache
def translations(locale: object) -> _gettext.NullTranslations:
    """The compiled catalogue for ``locale`` (an identity catalogue for English)."""
    code = normalise_locale(locale)
    if code == DEFAULT_LOCALE:
        return _gettext.NullTranslations()
    return Translations.load(str(CATALOGUE_DIR), [code], domain="messages")


def gettext(msgid: str, locale: object = None, /, **params: Any) -> str:
    """``msgid`` translated for ``locale`` and filled with ``params`` (``%(name)s`` style)."""
    return Message(msgid, params).render(locale)


def _fill(text: str, params: Mapping[str, Any], locale: object) -> str:
    if not params:
        return text
    values = {key: (value.render(locale) if isinstance(value, Message) else value) for key, value in params.items()}
    return text % values


@dataclass(frozen=True)
class Message:
    """A translatable message: an English ``msgid`` with ``%(name)s`` placeholders and their values.

    ``str()`` gives the English text; :meth:`render` the text in any locale.  A parameter that is
    itself a :class:`Message` is rendered in the same locale.
    """

    msgid: str
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))

    def render(self, locale: object = None) -> str:
        """The message in ``locale`` (English when ``None``)."""
        text = translations(locale).gettext(self.msgid) if self.msgid else ""
        try:
            return _fill(text, self.params, locale)
        except (KeyError, ValueError, TypeError):
            # A translation whose placeholders do not match must not hide the message.
            return _fill(self.msgid, self.params, None)

    def __str__(self) -> str:
        return self.render(None)


def render(text: str | Message, locale: object = None) -> str:
    """``text`` in ``locale``: a :class:`Message` rendered, a plain string as it is."""
    return text.render(locale) if isinstance(text, Message) else str(text)


# ------------------------------------------------------------------------------- formatting


def _babel_locale(locale: object) -> Locale:
    return Locale.parse(normalise_locale(locale))


def format_number(value: float | None, locale: object = None, digits: int = 1) -> str:
    """A number for people: grouped, at most ``digits`` decimals; ``—`` for ``None``.

    >>> format_number(17.4497, "en"), format_number(1234567, "zh_Hans"), format_number(None)
    ('17.4', '1,234,567', '—')
    """
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return format_decimal(value, format=pattern, locale=_babel_locale(locale))


def format_percentage(share: float | None, locale: object = None, digits: int = 1) -> str:
    """A share (0.174497) as a percentage at ``digits`` decimals: ``17.4%``.

    >>> format_percentage(0.174497, "en"), format_percentage(1, "zh_Hans")
    ('17.4%', '100%')
    """
    if share is None:
        return "—"
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "") + "%"
    return format_percent(share, format=pattern, locale=_babel_locale(locale))


def format_money(amount: float | None, currency: str = "CNY", locale: object = None) -> str:
    """An amount in ``currency`` for ``locale``.

    >>> format_money(1234.5, "CNY", "en"), format_money(1234.5, "CNY", "zh_Hans")
    ('CN¥1,234.50', '¥1,234.50')
    """
    if amount is None:
        return "—"
    return format_currency(amount, currency, locale=_babel_locale(locale))


def format_day(day: date | None, locale: object = None, style: str = "medium") -> str:
    """A date for ``locale`` (``"medium"``: Mar 3, 2025 / 2025年3月3日).

    >>> format_day(date(2025, 3, 3), "en"), format_day(date(2025, 3, 3), "zh_Hans")
    ('Mar 3, 2025', '2025年3月3日')
    """
    if day is None:
        return "—"
    return format_date(day, format=style, locale=_babel_locale(locale))
