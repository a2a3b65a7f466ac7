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
    "EXTRACT_KEYWORDS",
    "N_",
    "NC_",
    "Message",
    "MessageList",
    "Name",
    "msg",
    "is_chinese",
    "localized",
    "normalise_locale",
    "translations",
    "gettext",
    "render",
    "LABELS",
    "DECISION_LABELS",
    "RECORD_LABELS",
    "ACTION_LABELS",
    "FIELD_LABELS",
    "VALUE_LABELS",
    "PROCESS_NODE_LABELS",
    "term",
    "labels",
    "label",
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
#: The calls whose first argument pybabel extracts into the catalogue, beside its defaults
#: (``_``, ``gettext``, ``N_``...): the web's lazy strings, :func:`msg`, and every domain error.
EXTRACT_KEYWORDS: tuple[str, ...] = (
    "_l", "lazy_gettext", "msg", "NC_:1c,2", "CrmImplError", "ValidationError", "ConflictError", "ScheduleError",
    "StaleEditError", "NotFoundError", "PermissionDeniedError",
)


def N_(msgid: str) -> str:
    """Mark ``msgid`` for the catalogue without translating it now (it is translated when shown)."""
    return msgid


def NC_(context: str, msgid: str) -> tuple[str, str]:  # noqa: N802 - gettext's naming
    """Mark ``msgid`` in ``context`` for the catalogue; translated when shown."""
    return context, msgid


# The catalogue has Simplified Chinese only; Traditional-script locales fall back to English
# like any other untranslated locale.
_TRADITIONAL = re.compile(r"^zh[-_](hant|tw|hk|mo)(?:$|[-_])", re.IGNORECASE)


def is_chinese(locale: object) -> bool:
    """Whether ``locale`` asks for Simplified Chinese.

    Accepts ``zh``, ``zh_Hans``, ``zh_CN``, ``zh-Hans-CN``, ``zh_SG`` and the like; ``str()``
    of a Babel ``Locale`` works too.

    >>> is_chinese("zh_Hans_CN"), is_chinese("zh-TW"), is_chinese("zh_Hant_HK"), is_chinese(None)
    (True, False, False, False)
    """
    text = str(locale or "").strip()
    if not re.match(r"^zh(?:$|[-_])", text, re.IGNORECASE):
        return False
    return _TRADITIONAL.match(text) is None


def localized(record: object, field_name: str, locale: object) -> Any:
    """``record.<field_name>_zh`` for a Chinese locale when it is not empty, else ``record.<field_name>``.

    >>> from types import SimpleNamespace
    >>> role = SimpleNamespace(name="Key users", name_zh="关键用户")
    >>> localized(role, "name", "zh_CN"), localized(role, "name", "en")
    ('关键用户', 'Key users')
    """
    value = getattr(record, field_name)
    if is_chinese(locale):
        chinese = getattr(record, f"{field_name}_zh", None)
        if chinese:
            return chinese
    return value


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
    values = {key: (value.render(locale) if isinstance(value, Message | MessageList) else value)
              for key, value in params.items()}
    return text % values


@dataclass(frozen=True)
class Message:
    """A translatable message: an English ``msgid`` with ``%(name)s`` placeholders and their values.

    ``str()`` gives the English text; :meth:`render` the text in any locale.  A parameter that is
    itself a :class:`Message` is rendered in the same locale.
    """

    msgid: str
    params: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    #: gettext's message context, where one English word needs two translations.
    context: str | None = None

    def render(self, locale: object = None) -> str:
        """The message in ``locale`` (English when ``None``)."""
        catalogue = translations(locale)
        if not self.msgid:
            text = ""
        elif self.context:
            text = catalogue.pgettext(self.context, self.msgid)
        else:
            text = catalogue.gettext(self.msgid)
        try:
            return _fill(text, self.params, locale)
        except (KeyError, ValueError, TypeError):
            # A translation whose placeholders do not match must not hide the message...
            try:
                return _fill(self.msgid, self.params, None)
            except (KeyError, ValueError, TypeError):
                # ...and a message given the wrong parameters still shows what it can.
                return self.msgid

    def __str__(self) -> str:
        return self.render(None)


@dataclass(frozen=True)
class MessageList:
    """Several messages shown as one, e.g. every problem of a grid in one refusal."""

    items: tuple[Message, ...]
    separator: str = "; "

    def render(self, locale: object = None) -> str:
        return self.separator.join(render(item, locale) for item in self.items)

    def __str__(self) -> str:
        return self.render(None)


@dataclass(frozen=True)
class Name(Message):
    """A record's name as a message parameter, in the reader's language: ``name_zh`` for a Chinese
    reader when there is one, else the name (``msgid``), never looked up in the catalogue.  A
    domain error can so name a criterion or a vendor as every page shows it, not by its key.

    >>> refusal = msg("%(criterion)s is missing", criterion=Name("Security", name_zh="安全性"))
    >>> refusal.render("en"), Name("Security").render("zh_Hans")
    ('Security is missing', 'Security')
    """

    name_zh: str = ""

    def render(self, locale: object = None) -> str:
        return self.name_zh if self.name_zh and is_chinese(locale) else self.msgid


def msg(msgid: str, /, **params: Any) -> Message:
    """A :class:`Message` (the catalogue finds ``msgid`` here by this function's name)."""
    return Message(msgid, params)


def render(text: object, locale: object = None) -> str:
    """``text`` in ``locale``: a :class:`Message` (or :class:`MessageList`) rendered, anything else as text."""
    return text.render(locale) if isinstance(text, Message | MessageList) else str(text)


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


def format_money(amount: float | None, currency: str = "CNY", locale: object = None, *, whole: bool = False) -> str:
    """An amount in ``currency`` for ``locale``; ``whole``: rounded to whole units (a business
    case's millions read better without cents).

    >>> format_money(1234.5, "CNY", "en"), format_money(1234.5, "CNY", "zh_Hans")
    ('CN¥1,234.50', '¥1,234.50')
    >>> format_money(-1234567.5, "CNY", "en", whole=True)
    '-CN¥1,234,568'
    """
    if amount is None:
        return "—"
    babel_locale = _babel_locale(locale)
    if not whole:
        return format_currency(amount, currency, locale=babel_locale)
    pattern = babel_locale.currency_formats["standard"].pattern
    return format_currency(round(amount), currency, format=re.sub(r"\.0+", "", pattern), locale=babel_locale,
                           currency_digits=False)


def format_day(day: date | None, locale: object = None, style: str = "medium") -> str:
    """A date for ``locale`` (``"medium"``: Mar 3, 2025 / 2025年3月3日).

    >>> format_day(date(2025, 3, 3), "en"), format_day(date(2025, 3, 3), "zh_Hans")
    ('Mar 3, 2025', '2025年3月3日')
    """
    if day is None:
        return "—"
    return format_date(day, format=style, locale=_babel_locale(locale))


# ------------------------------------------------------------------------------ label tables

#: The words of the charts, the heat map and the steering status, by key.  Each is a message
#: (with a gettext context where the web uses the same English word differently), so charts,
#: reports and pages read one catalogue.
LABELS: dict[str, tuple[str, str]] = {
    # Schedule charts
    "gantt_title": NC_("chart", "Project schedule"),
    "network_title": NC_("chart", "Network diagram (activity on node)"),
    "mc_title": NC_("chart", "Monte Carlo simulation: project finish"),
    "load_title": NC_("chart", "Resource load by role"),
    "criticality_title": NC_("chart", "Criticality index"),
    "date": NC_("chart", "Date"),
    "phase": NC_("chart", "Phase"),
    "task": NC_("chart", "Task"),
    "critical": NC_("chart", "Critical task"),
    "progress": NC_("chart", "Progress"),
    "milestone": NC_("chart", "Milestone"),
    "gate": NC_("chart", "Gate"),
    "baseline": NC_("chart", "Baseline"),
    "today": NC_("chart", "Today"),
    "status_date": NC_("chart", "Status date"),
    "start": NC_("chart", "Start"),
    "finish": NC_("chart", "Finish"),
    "duration": NC_("chart", "Duration"),
    "days": NC_("chart", "working days"),
    "slack": NC_("chart", "Slack"),
    "link": NC_("chart", "Dependency"),
    "critical_link": NC_("chart", "Critical dependency"),
    "link_type": NC_("chart", "Link type"),
    "runs": NC_("chart", "Runs"),
    "cumulative": NC_("chart", "Cumulative (%)"),
    "finish_date": NC_("chart", "Finish date"),
    "finish_days": NC_("chart", "Project duration (working days)"),
    "target": NC_("chart", "Target"),
    "week": NC_("chart", "Week"),
    "month": NC_("chart", "Month"),
    "quarter": NC_("chart", "Quarter"),
    "grid_id": NC_("gantt grid", "ID"),
    "grid_name": NC_("gantt grid", "Task name"),
    "grid_duration": NC_("gantt grid", "Days"),
    "grid_complete": NC_("gantt grid", "Done (%)"),
    "grid_roles": NC_("gantt grid", "Responsible"),
    "non_working": NC_("chart", "Non-working day"),
    "load": NC_("chart", "Person-days"),
    "capacity": NC_("chart", "Capacity"),
    "over": NC_("chart", "Over-allocated"),
    "within": NC_("chart", "Load"),
    "criticality": NC_("chart", "Share of runs on the critical path (%)"),
    # Risk heat map
    "heatmap_title": NC_("chart", "Risk heat map"),
    "heatmap_pair_title": NC_("chart", "Risk heat map before and after mitigation"),
    "heatmap_probability": NC_("chart", "Probability"),
    "heatmap_impact": NC_("chart", "Impact"),
    "heatmap_score": NC_("chart", "Score"),
    "heatmap_before": NC_("chart", "Before mitigation"),
    "heatmap_after": NC_("chart", "After mitigation"),
    "heatmap_risks": NC_("chart", "Risks"),
    "heatmap_zones": NC_("chart", "Zones"),
    "heatmap_green": NC_("risk zone", "low"),
    "heatmap_amber": NC_("risk zone", "medium"),
    "heatmap_red": NC_("risk zone", "high"),
    # Process maps (BPR)
    "fishbone_title": NC_("chart", "Fishbone diagram"),
    "pareto_title": NC_("chart", "Pareto analysis of causes"),
    "pareto_cause": NC_("chart", "Cause"),
    "pareto_share": NC_("chart", "Share of the problem (%)"),
    "pareto_cumulative": NC_("chart", "Cumulative share (%)"),
    "pareto_cut": NC_("chart", "Cut at %(share)s"),
    "pareto_vital": NC_("chart", "Vital few"),
    "pareto_other": NC_("chart", "Other causes"),
    "process_compare_title": NC_("chart", "As-is and to-be process"),
    "process_as_is": NC_("process", "As-is"),
    "process_to_be": NC_("process", "To-be"),
    "process_sim_title": NC_("chart", "Simulated cycle time"),
    "process_cases": NC_("chart", "Cases"),
    "process_cycle_hours": NC_("chart", "Cycle time (hours)"),
    "swimlane_title": NC_("chart", "Process map"),
    "quadrant_title": NC_("chart", "Scope quadrant"),
    "quadrant_functions": NC_("chart", "Functions the system needs"),
    "quadrant_departments": NC_("chart", "Business departments involved"),
    "quadrant_selected": NC_("chart", "Selected"),
    "quadrant_not_selected": NC_("chart", "Not selected (feasibility below 3)"),
    "quadrant_score": NC_("chart", "Priority %(score)s"),
    "diff_added": NC_("process diff", "Added"),
    "diff_changed": NC_("process diff", "Changed"),
    "diff_unchanged": NC_("process diff", "Unchanged"),
    "diff_removed": NC_("process diff", "Removed: %(items)s"),
    "metric_steps": NC_("process metric", "Steps"),
    "metric_handoffs": NC_("process metric", "Hand-offs"),
    "metric_decisions": NC_("process metric", "Decision points"),
    "metric_cycle_time": NC_("process metric", "Cycle time (hours)"),
    "metric_touch_time": NC_("process metric", "Touch time (hours)"),
    "metric_waiting_time": NC_("process metric", "Waiting time (hours)"),
    "metric_cost_per_case": NC_("process metric", "Cost per case"),
    "metric_cost_per_success": NC_("process metric", "Cost per successful outcome"),
    "metric_value_added_ratio": NC_("process metric", "Value-added ratio (%)"),
    "metric_automation_share": NC_("process metric", "Automation share (%)"),
    "metric_channel_count": NC_("process metric", "Channels"),
    "metric_success_rate": NC_("process metric", "Successful outcomes (%)"),
    # Steering status (RAG)
    "rag_schedule": NC_("status", "Schedule"),
    "rag_cost": NC_("status", "Cost"),
    "rag_scope": NC_("status", "Scope"),
    "rag_risk": NC_("status", "Risk"),
    "rag_people": NC_("status", "People"),
    "rag_kpi": NC_("status", "KPI targets"),
    "rag_green": NC_("status", "green"),
    "rag_amber": NC_("status", "amber"),
    "rag_red": NC_("status", "red"),
    "rag_grey": NC_("status", "no data"),
    "rag_days": NC_("status", "working days of slip"),
    "rag_overrun": NC_("status", "EAC over BAC"),
    "rag_cpi": NC_("status", "CPI"),
    "rag_reserve": NC_("status", "budget reserve used"),
    "rag_changes": NC_("status", "open change requests"),
    "rag_risks": NC_("status", "open risks with score ≥ %(score)s"),
    "rag_gaps": NC_("status", "unstaffed roles + overdue deliverables"),
    "rag_kpis": NC_("status", "KPIs meeting target"),
    "rag_rule": NC_("status", "%(measure)s: %(bands)s"),
    "rag_bands": NC_("status", "%(green)s, %(amber)s, %(red)s"),
    "rag_or": NC_("status", "%(first)s; else %(second)s"),
    "rag_gaps_value": NC_("status", "%(roles)s unstaffed, %(overdue)s overdue"),
    "rag_kpis_value": NC_("status", "%(met)s of %(measured)s"),
}


def labels(locale: object) -> Mapping[str, str]:
    """Every entry of :data:`LABELS` in ``locale`` (placeholders left for the caller to fill).

    >>> labels("zh_Hans_CN")["today"], labels("en")["today"]
    ('今天', 'Today')
    """
    return _labels(normalise_locale(locale))


#: A gate decision's name, by its stored value.
DECISION_LABELS: dict[str, tuple[str, str]] = {
    "pass": NC_("gate decision", "pass"),
    "pass_with_conditions": NC_("gate decision", "pass with conditions"),
    "fail": NC_("gate decision", "fail"),
}


@cache
def _labels(code: str) -> Mapping[str, str]:
    catalogue = translations(code)
    return MappingProxyType({key: catalogue.pgettext(context, msgid) for key, (context, msgid) in LABELS.items()})


def label(key: str, locale: object = None, /, **params: Any) -> str:
    """One label in ``locale``, filled with ``params``.

    >>> label("rag_risks", "zh_Hans", score=15)
    '风险值 ≥ 15 的未关闭风险'
    """
    return _fill(labels(locale)[key], params, locale)


# --------------------------------------------------------------------- records and their fields

#: What a stored record is called (the audit trail's "what").
RECORD_LABELS: dict[str, tuple[str, str]] = {
    "Project": NC_("record", "Project"),
    "Holiday": NC_("record", "Holiday"),
    "TeamMember": NC_("record", "Team member"),
    "KpiTarget": NC_("record", "KPI target"),
    "Membership": NC_("record", "Member"),
    "Phase": NC_("record", "Phase"),
    "Task": NC_("record", "Task"),
    "Dependency": NC_("record", "Dependency"),
    "Baseline": NC_("record", "Baseline"),
    "BaselineTask": NC_("record", "Baseline task"),
    "Deliverable": NC_("record", "Deliverable"),
    "RaciAssignment": NC_("record", "RACI cell"),
    "GateRecord": NC_("record", "Quality gate"),
    "Risk": NC_("record", "Risk"),
    "ChangeRequest": NC_("record", "Change request"),
    "Meeting": NC_("record", "Meeting"),
    "ActionItem": NC_("record", "Action item"),
    "BusinessCase": NC_("record", "Business case"),
    "CaseLine": NC_("record", "Business-case line"),
    "CaseDriver": NC_("record", "Business-case driver"),
    "CaseActual": NC_("record", "Business-case actuals"),
}

#: What was done to a record.
ACTION_LABELS: dict[str, tuple[str, str]] = {
    "create": NC_("audit action", "created"),
    "update": NC_("audit action", "changed"),
    "delete": NC_("audit action", "deleted"),
    "import": NC_("audit action", "imported"),
}

#: A stored field's name for people.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "actual": NC_("field", "Measured value"),
    "actual_cost": NC_("field", "Actual cost"),
    "actual_finish": NC_("field", "Actual finish"),
    "actual_start": NC_("field", "Actual start"),
    "agenda": NC_("field", "Agenda"),
    "amounts": NC_("field", "Amounts per year"),
    "applied_delta": NC_("field", "Applied changes"),
    "attendees": NC_("field", "Attendees"),
    "availability_pct": NC_("field", "Availability (%)"),
    "baseline": NC_("field", "Baseline value"),
    "benefit_risk": NC_("field", "Benefits reduced by (risk)"),
    "benefits": NC_("field", "Benefits"),
    "budget": NC_("field", "Budget"),
    "budget_reserve": NC_("field", "Budget reserve"),
    "category": NC_("field", "Category"),
    "checks": NC_("field", "Checks"),
    "client_company": NC_("field", "Client company"),
    "code": NC_("field", "Code"),
    "company_profile": NC_("field", "Company profile"),
    "complete": NC_("field", "Complete"),
    "component": NC_("field", "Cost component"),
    "conditions": NC_("field", "Conditions"),
    "conservative": NC_("field", "Conservative factor"),
    "cost_impact": NC_("field", "Cost impact"),
    "cost_risk": NC_("field", "Costs raised by (risk)"),
    "costs": NC_("field", "Costs"),
    "currency": NC_("field", "Currency"),
    "day": NC_("field", "Day"),
    "days_impact": NC_("field", "Schedule impact (working days)"),
    "decided_at": NC_("field", "Decided at"),
    "decided_by": NC_("field", "Decided by"),
    "decision": NC_("field", "Decision"),
    "decisions": NC_("field", "Decisions"),
    "delay_days": NC_("field", "Delay (working days)"),
    "deliverable": NC_("field", "Deliverable"),
    "description": NC_("field", "Description"),
    "description_zh": NC_("field", "Description (Chinese)"),
    "discount_rate": NC_("field", "Discount rate"),
    "done": NC_("field", "Done"),
    "due_date": NC_("field", "Due date"),
    "duration": NC_("field", "Duration (working days)"),
    "email": NC_("field", "E-mail"),
    "file_name": NC_("field", "File"),
    "finish": NC_("field", "Finish"),
    "finish_no_later_than": NC_("field", "Deadline"),
    "formula": NC_("field", "Formula"),
    "gate_id": NC_("field", "Gate"),
    "go_live": NC_("field", "Assumed go-live"),
    "gross_margin": NC_("field", "Gross margin"),
    "held_on": NC_("field", "Date"),
    "horizon": NC_("field", "Horizon (years)"),
    "impact": NC_("field", "Impact"),
    "industry": NC_("field", "Industry"),
    "key": NC_("field", "Id"),
    "kind": NC_("field", "Kind"),
    "kpi": NC_("field", "KPI"),
    "lag": NC_("field", "Lag (working days)"),
    "letter": NC_("field", "RACI letter"),
    "link": NC_("field", "Link"),
    "linked_tasks": NC_("field", "Linked tasks"),
    "mandatory": NC_("field", "Mandatory"),
    "milestone": NC_("field", "Milestone"),
    "milestone_task": NC_("field", "Milestone task"),
    "most_likely": NC_("field", "Most likely"),
    "name": NC_("field", "Name"),
    "name_zh": NC_("field", "Chinese name"),
    "notes": NC_("field", "Notes"),
    "number": NC_("field", "Number"),
    "objectives": NC_("field", "Objectives"),
    "objectives_zh": NC_("field", "Objectives (Chinese)"),
    "optimistic": NC_("field", "Optimistic"),
    "organisation": NC_("field", "Organisation"),
    "owner": NC_("field", "Responsible person"),
    "owner_role": NC_("field", "Owner role"),
    "pessimistic": NC_("field", "Pessimistic"),
    "plan_changes": NC_("field", "Plan changes"),
    "position": NC_("field", "Position"),
    "probability": NC_("field", "Probability"),
    "progress": NC_("field", "Progress (%)"),
    "ramp": NC_("field", "Ramp-up"),
    "requester": NC_("field", "Requested by"),
    "residual_impact": NC_("field", "Impact after mitigation"),
    "residual_probability": NC_("field", "Probability after mitigation"),
    "response": NC_("field", "Response"),
    "response_zh": NC_("field", "Response (Chinese)"),
    "role": NC_("field", "Role"),
    "role_id": NC_("field", "Methodology role"),
    "roles": NC_("field", "RACI roles"),
    "scope_impact": NC_("field", "Scope impact"),
    "scope_modules": NC_("field", "Scope modules"),
    "side": NC_("field", "Side"),
    "signed_off_at": NC_("field", "Signed off at"),
    "signed_off_by": NC_("field", "Signed off by"),
    "source": NC_("field", "Source"),
    "start": NC_("field", "Start"),
    "start_date": NC_("field", "Start date"),
    "start_no_earlier_than": NC_("field", "Start no earlier than"),
    "status": NC_("field", "Status"),
    "target": NC_("field", "Target"),
    "task_key": NC_("field", "Task"),
    "tasks": NC_("field", "Tasks"),
    "tax_rate": NC_("field", "Tax rate"),
    "template": NC_("field", "Template"),
    "template_id": NC_("field", "Template"),
    "text": NC_("field", "Action"),
    "title": NC_("field", "Title"),
    "title_zh": NC_("field", "Title (Chinese)"),
    "type": NC_("field", "Link type"),
    "value": NC_("field", "Value"),
    "working_weekdays": NC_("field", "Working weekdays"),
    "year": NC_("field", "Year"),
}

#: The stored values of choice fields, for people.
VALUE_LABELS: dict[str, tuple[str, str]] = {
    "open": NC_("value", "open"),
    "in_progress": NC_("value", "in progress"),
    "submitted": NC_("value", "submitted"),
    "signed_off": NC_("value", "signed off"),
    "mitigating": NC_("value", "mitigating"),
    "occurred": NC_("value", "occurred"),
    "closed": NC_("value", "closed"),
    "assessed": NC_("value", "assessed"),
    "approved": NC_("value", "approved"),
    "rejected": NC_("value", "rejected"),
    "active": NC_("value", "active"),
    "archived": NC_("value", "archived"),
    "vendor": NC_("value", "vendor"),
    "enterprise": NC_("value", "enterprise"),
    "owner": NC_("value", "owner"),
    "manager": NC_("value", "project manager"),
    "consultant": NC_("value", "consultant"),
    "steering": NC_("value", "steering committee"),
    "viewer": NC_("value", "viewer"),
    "pass": NC_("gate decision", "pass"),
    "pass_with_conditions": NC_("gate decision", "pass with conditions"),
    "fail": NC_("gate decision", "fail"),
    "yes": NC_("value", "yes"),
    "no": NC_("value", "no"),
}


#: The kinds of node of a process map, by their code.
PROCESS_NODE_LABELS: dict[str, tuple[str, str]] = {
    "start": NC_("process node", "start event"),
    "end": NC_("process node", "end event"),
    "task": NC_("process node", "task"),
    "exclusive": NC_("process node", "exclusive gateway"),
    "parallel": NC_("process node", "parallel gateway"),
    "intermediate": NC_("process node", "intermediate event"),
    "data": NC_("process node", "data object"),
}


def term(table: Mapping[str, tuple[str, str]], key: str, locale: object = None) -> str:
    """``key``'s entry of a label table in ``locale``; the key itself when the table lacks it.

    >>> term(FIELD_LABELS, "duration", "zh_Hans"), term(RECORD_LABELS, "Unknown", "en")
    ('工期（工作日）', 'Unknown')
    """
    entry = table.get(key)
    if entry is None:
        return key
    context, msgid = entry
    return translations(locale).pgettext(context, msgid)
