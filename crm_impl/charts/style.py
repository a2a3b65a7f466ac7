"""Shared look of every chart: colours, the bilingual labels and text helpers.

The label dictionaries are the only translated text of the charts; task and phase names come
in already translated from the caller.
"""

from __future__ import annotations

import html
from typing import Any

import plotly.graph_objects as go

from crm_impl.errors import ValidationError

__all__ = ["COLORS", "LOCALES", "DAY_MS", "EPS", "labels", "esc", "short", "num", "add_arrow"]

COLORS: dict[str, str] = {
    "critical": "#d62728",
    "critical_done": "#7f1416",
    "task": "#1f77b4",
    "task_done": "#0b3a5e",
    "phase": "#4d4d4d",
    "baseline": "#b3b3b3",
    "link": "#7f7f7f",
    "today": "#ff7f0e",
    "target": "#2ca02c",
    "percentile": "#9467bd",
    "node_fill": "#eaf2fa",
    "critical_fill": "#fde9e9",
}

_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "gantt_title": "Schedule",
        "network_title": "Network diagram (activity on node)",
        "mc_title": "Monte Carlo simulation: project finish",
        "load_title": "Resource load by role",
        "criticality_title": "Criticality index",
        "date": "Date",
        "phase": "Phase",
        "task": "Task",
        "critical": "Critical task",
        "progress": "Progress",
        "milestone": "Milestone",
        "gate": "Gate",
        "baseline": "Baseline",
        "today": "Today",
        "start": "Start",
        "finish": "Finish",
        "duration": "Duration",
        "days": "working days",
        "slack": "Slack",
        "link": "Dependency",
        "critical_link": "Critical dependency",
        "link_type": "Link type",
        "runs": "Runs",
        "cumulative": "Cumulative (%)",
        "finish_date": "Finish date",
        "finish_days": "Project duration (working days)",
        "target": "Target",
        "week": "Week",
        "load": "Person-days",
        "capacity": "Capacity",
        "over": "Over-allocated",
        "within": "Load",
        "criticality": "Share of runs on the critical path (%)",
    },
    "zh_Hans": {
        "gantt_title": "项目进度计划",
        "network_title": "网络图（单代号）",
        "mc_title": "蒙特卡洛模拟：项目完成时间",
        "load_title": "按角色的资源负荷",
        "criticality_title": "关键性指数",
        "date": "日期",
        "phase": "阶段",
        "task": "任务",
        "critical": "关键任务",
        "progress": "进度",
        "milestone": "里程碑",
        "gate": "质量关口",
        "baseline": "基线",
        "today": "今天",
        "start": "开始",
        "finish": "完成",
        "duration": "工期",
        "days": "个工作日",
        "slack": "时差",
        "link": "依赖关系",
        "critical_link": "关键依赖",
        "link_type": "依赖类型",
        "runs": "模拟次数",
        "cumulative": "累计概率（%）",
        "finish_date": "完成日期",
        "finish_days": "项目工期（工作日）",
        "target": "目标",
        "week": "周",
        "load": "人天",
        "capacity": "可用能力",
        "over": "超负荷",
        "within": "负荷",
        "criticality": "处于关键路径的模拟占比（%）",
    },
}

#: Supported label languages.
LOCALES: tuple[str, ...] = tuple(_LABELS)

#: Milliseconds per day: plotly's unit for bar lengths on a date axis.
DAY_MS = 86_400_000
#: Tolerance when float offsets are rounded to whole days.
EPS = 1e-9
_NAME_CHARS = 48


def labels(locale: object) -> dict[str, str]:
    """The labels for ``locale``: ``"en"``, ``"zh_Hans"`` or a longer tag of either language.

    Examples
    --------
    >>> labels("zh_Hans_CN")["today"], labels("en")["today"]
    ('今天', 'Today')
    """
    # The web layer may hand over a Babel Locale ("zh_Hans_CN"): match on the language.
    text = str(locale)
    if text in _LABELS:
        return _LABELS[text]
    if text.startswith("zh"):
        return _LABELS["zh_Hans"]
    if text.startswith("en"):
        return _LABELS["en"]
    raise ValidationError(f"unsupported locale {text!r} (use one of {', '.join(LOCALES)})", "locale")


def esc(text: str) -> str:
    """``text`` safe to show in a plotly label."""
    # Plotly renders a subset of HTML in labels; user text must stay text.
    return html.escape(str(text), quote=False)


def short(text: str, limit: int = _NAME_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def num(value: float | int | None) -> str:
    """An offset or duration as shown in a chart: whole numbers plain, others to one decimal."""
    if value is None:
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.1f}"
    return str(int(value))



def add_arrow(
    fig: go.Figure, tail: tuple[Any, float], head: tuple[Any, float], *, critical: bool,
    width: tuple[float, float], opacity: float = 1.0,
) -> None:
    """A link drawn as an arrow in data coordinates; ``width`` is (normal, critical)."""
    fig.add_annotation(
        x=head[0], y=head[1], ax=tail[0], ay=tail[1], xref="x", yref="y", axref="x", ayref="y",
        text="", showarrow=True, arrowhead=2, arrowsize=1,
        arrowwidth=width[1] if critical else width[0],
        arrowcolor=COLORS["critical"] if critical else COLORS["link"],
        opacity=opacity,
    )
