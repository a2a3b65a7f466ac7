"""Shared look of every chart: colours, the labels in the reader's language, text helpers.

The labels come from the one catalogue (:data:`crm_impl.i18n.LABELS`); task and phase names are
chosen in the reader's language by the plan shapes themselves.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Mapping
from typing import Any


from crm_impl import i18n
from crm_impl.errors import ValidationError

__all__ = ["COLORS", "LOCALES", "DAY_MS", "EPS", "labels", "esc", "short", "num", "arrow", "date_axis"]

COLORS: dict[str, str] = {
    "critical": "#d62728",
    "critical_done": "#7f1416",
    "task": "#1f77b4",
    "task_done": "#0b3a5e",
    "phase": "#4d4d4d",
    "baseline": "#b3b3b3",
    "link": "#7f7f7f",
    "today": "#ff7f0e",
    "status_date": "#6f42c1",
    "non_working": "#eef0f3",
    "target": "#2ca02c",
    "percentile": "#9467bd",
    "node_fill": "#eaf2fa",
    "critical_fill": "#fde9e9",
    "band": "#f3f5f8",
    "band_alt": "#e6ebf1",
}

#: Supported label languages.
LOCALES: tuple[str, ...] = i18n.LOCALES

#: Milliseconds per day: plotly's unit for bar lengths on a date axis.
DAY_MS = 86_400_000
#: Tolerance when float offsets are rounded to whole days.
EPS = 1e-9
_NAME_CHARS = 48


def labels(locale: object) -> Mapping[str, str]:
    """The chart labels for ``locale``: ``"en"``, ``"zh_Hans"`` or a longer tag of either language.

    A chart refuses any other locale (a caller's mistake, not a reader's choice).

    Examples
    --------
    >>> labels("zh_Hans_CN")["today"], labels("en")["today"]
    ('今天', 'Today')
    """
    # The web layer may hand over a Babel Locale ("zh_Hans_CN"): match on the language.
    text = str(locale)
    if not (text in LOCALES or text.startswith(("zh", "en"))):
        raise ValidationError("unsupported locale %(locale)r (use one of %(choices)s)", "locale", locale=text,
                              choices=", ".join(LOCALES))
    return i18n.labels(text)


def date_axis(locale: object) -> dict[str, str]:
    """Date-axis formats a reader of ``locale`` reads: ``2025年7月`` in Chinese (plotly.js's own
    Chinese month names are bare numerals), plotly's defaults otherwise.

    >>> date_axis("zh_Hans")["tickformat"], date_axis("en")
    ('%Y年%-m月', {})
    """
    if str(locale).startswith("zh"):
        return {"tickformat": "%Y年%-m月", "hoverformat": "%Y年%-m月%-d日"}
    return {}


def esc(text: str) -> str:
    """``text`` safe to show in a plotly label."""
    # Plotly renders a subset of HTML in labels; user text must stay text.
    return html.escape(str(text), quote=False)


def short(text: str, limit: int = _NAME_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def cells(text: str) -> int:
    """Width of ``text`` in character cells: a Chinese character takes two.

    >>> cells("CRM"), cells("需求调研")
    (3, 8)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fitting(text: str, width: int) -> int:
    """How many characters of ``text`` fit in ``width`` character cells.

    >>> fitting("业务蓝图", 5), fitting("CRM", 5)
    (2, 3)
    """
    used = 0
    for count, char in enumerate(text):
        used += cells(char)
        if used > width:
            return count
    return len(text)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` character cells with an ellipsis (a column of a grid).

    >>> fit("Requirements workshop", 12), fit("业务蓝图的初步确定", 12)
    ('Requirement…', '业务蓝图的…')
    """
    if cells(text) <= width:
        return text
    return text[:fitting(text, width - 1)] + "…"  # one cell for the ellipsis


def num(value: float | int | None) -> str:
    """An offset or duration as shown in a chart: whole numbers plain, others to one decimal."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}"
    return str(int(value))



def arrow(
    tail: tuple[Any, float], head: tuple[Any, float], *, critical: bool, width: tuple[float, float],
    opacity: float = 1.0,
) -> dict[str, Any]:
    """A link drawn as an arrow in data coordinates (a layout annotation); ``width`` is (normal, critical).

    A chart collects its arrows and sets them at once (``fig.update_layout(annotations=...)``):
    plotly checks the whole list again at every ``add_annotation``, so adding 150 arrows one by
    one took seconds.
    """
    return {
        "x": head[0], "y": head[1], "ax": tail[0], "ay": tail[1], "xref": "x", "yref": "y", "axref": "x",
        "ayref": "y", "text": "", "showarrow": True, "arrowhead": 2, "arrowsize": 1,
        "arrowwidth": width[1] if critical else width[0],
        "arrowcolor": COLORS["critical"] if critical else COLORS["link"],
        "opacity": opacity,
    }
