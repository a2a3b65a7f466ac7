"""What every report shares: its options, its title page facts, formatting helpers.

A report module (``plan``, ``status``, ``vendors``, ``roi``, ``processes``) is one
``build_*_report(project, options, renderer) -> ReportDocument`` that reads the project through
the operations (the same functions the pages call) and writes sections with
:class:`~crm_impl.reports.document.ReportDocument`; :data:`crm_impl.reports.REPORTS` lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from crm_impl.i18n import format_day, format_money, format_number, format_percentage, localized, normalise_locale
from crm_impl.models import Project
from crm_impl.reports.document import TitleInfo
from crm_impl.reports.words import word

__all__ = ["ReportOptions", "Formatter", "title_info", "top_risks"]


@dataclass(frozen=True)
class ReportOptions:
    """How a report is made: its language, the day it is made on, and what the title page says.

    ``today`` is the report date (and the status date of a project without one); ``iterations``
    and ``seed`` fix the Monte Carlo simulation so that the same project gives the same report.
    """

    locale: str = "en"
    today: date | None = None
    version: str = "1.0"
    author: str = ""
    iterations: int = 5000
    seed: int = 20240601
    top_risks: int = 10

    def __post_init__(self) -> None:
        object.__setattr__(self, "locale", normalise_locale(self.locale))
        if self.today is None:
            object.__setattr__(self, "today", date.today())


class Formatter:
    """Numbers, money, shares and dates in the report's language."""

    def __init__(self, locale: str, currency: str = "CNY") -> None:
        self.locale = locale
        self.currency = currency

    def day(self, value: date | None) -> str:
        return format_day(value, self.locale)

    def number(self, value: float | None, digits: int = 1) -> str:
        return format_number(value, self.locale, digits)

    def money(self, value: float | None, *, whole: bool = False) -> str:
        return format_money(value, self.currency, self.locale, whole=whole)

    def share(self, value: float | None, digits: int = 1) -> str:
        return format_percentage(value, self.locale, digits)

    def name(self, record: Any, field: str = "name") -> str:
        return str(localized(record, field, self.locale) or "")

    def word(self, key: str, **params: Any) -> str:
        return word(key, self.locale, **params)


def title_info(project: Project, report_key: str, options: ReportOptions) -> TitleInfo:
    """The title page of ``project``'s report ``report_key`` (a word key: ``plan_report``)."""
    return TitleInfo(
        report_type=word(report_key, options.locale),
        project=str(localized(project, "title", options.locale)),
        client=str(localized(project, "client_company", options.locale)),
        day=options.today,
        version=options.version,
        author=options.author,
    )


def top_risks(project: Project, count: int) -> list:
    """The open risks with the highest scores (probability × impact), the highest first."""
    from crm_impl.tracking.risks import is_open

    open_risks = [r for r in project.risks if is_open(r.status)]
    return sorted(open_risks, key=lambda r: (-r.probability * r.impact, r.key))[:count]
