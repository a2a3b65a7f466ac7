"""The domain exception hierarchy.

Every error a user can cause derives from :class:`CrmImplError`; the web layer maps the
subclasses to HTTP 4xx responses with the message, the CLI prints the message and exits 2.

A message is an English message id with ``%(name)s`` placeholders and its parameters
(:class:`crm_impl.i18n.Message`), so whoever shows it renders it in the reader's language:

>>> error = ValidationError("unknown task %(task)r", "predecessors", task="NOPE")
>>> str(error), error.localized("zh_Hans")
("predecessors: unknown task 'NOPE'", "predecessors: 未知任务 'NOPE'")
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from crm_impl.i18n import N_, Message, MessageList, render

__all__ = [
    "CrmImplError",
    "ValidationError",
    "NotFoundError",
    "PermissionDeniedError",
    "StaleEditError",
    "ConflictError",
    "ScheduleError",
    "ScheduleCycleError",
    "ProjectFileError",
    "CatalogueDataError",
]


def _message(message: str | Message | MessageList, params: dict[str, Any]) -> Message | MessageList:
    if isinstance(message, Message):
        return Message(message.msgid, {**message.params, **params}, message.context) if params else message
    if isinstance(message, MessageList):
        return message
    return Message(message, params)


class CrmImplError(Exception):
    """Base class of every error the domain raises on purpose.

    ``message`` is a message id (English, ``%(name)s`` placeholders) filled from ``params``.
    """

    def __init__(self, message: str | Message = "", /, **params: Any) -> None:
        self.message = _message(message, params)
        super().__init__(self.message.render())

    def localized(self, locale: object) -> str:
        """The whole message in ``locale``."""
        return self.message.render(locale)


class ValidationError(CrmImplError):
    """A value is missing, malformed or out of range.

    ``field`` names the offending field (a dotted path such as ``tasks[3].duration``) so a
    form or an import report can show the reason beside it.
    """

    def __init__(self, message: str | Message, /, field: str | None = None, **params: Any) -> None:
        self.field = field
        self.message = _message(message, params)
        self.reason = self.message.render()
        Exception.__init__(self, f"{field}: {self.reason}" if field else self.reason)

    def localized_reason(self, locale: object) -> str:
        """The reason alone (without the field) in ``locale``."""
        return self.message.render(locale)

    def localized(self, locale: object) -> str:
        reason = self.localized_reason(locale)
        return f"{self.field}: {reason}" if self.field else reason


class NotFoundError(CrmImplError):
    """The requested record does not exist (or is not visible to the user)."""


class PermissionDeniedError(CrmImplError):
    """The user may see the project but their role may not do this action."""


class StaleEditError(CrmImplError):
    """An edit was based on an old version of a record that someone else changed since."""

    def __init__(self, message: str | Message = "", /, **params: Any) -> None:
        super().__init__(
            message
            or N_("someone else changed this record since you opened it; your changes were not saved. "
                  "Reload to see the current data, then apply your edit again."),
            **params,
        )


class ConflictError(ValidationError):
    """The change collides with what others saved meanwhile (a name taken, a record removed)."""


class ScheduleError(ValidationError):
    """The schedule network cannot be computed as given."""


class ScheduleCycleError(ScheduleError):
    """The dependencies form a cycle; ``cycle`` lists the task ids in order."""

    def __init__(self, cycle: list[str]) -> None:
        self.cycle = list(cycle)
        path = " → ".join([*self.cycle, self.cycle[0]]) if self.cycle else "?"
        super().__init__(N_("dependency cycle: %(path)s"), "dependencies", path=path)


class ProjectFileError(CrmImplError):
    """A project file is invalid; ``problems`` lists (field path, message) pairs.

    A problem's message may be a :class:`~crm_impl.i18n.Message` (rendered per reader) or
    plain text (the JSON Schema validator's own words).
    """

    def __init__(self, problems: list[tuple[str, str | Message]]) -> None:
        self.problems = list(problems)
        self.message = Message(N_("invalid project file"))
        Exception.__init__(self, self.localized(None))

    def lines(self, locale: object = None) -> list[str]:
        """One line per problem: ``path: message`` in ``locale``."""
        return [f"{render(path, locale) if path else '(file)'}: {render(msg, locale)}" for path, msg in self.problems]

    def localized(self, locale: object) -> str:
        return "\n".join([self.message.render(locale) + ":", *self.lines(locale)])


class TaskTableError(ProjectFileError):
    """A task table (CSV or Excel) is invalid; ``problems`` lists (row and column, message) pairs,
    the place a :class:`~crm_impl.i18n.Message` too (``row 5 · duration`` in the reader's language)."""

    def __init__(self, problems: list[tuple[str | Message, str | Message]]) -> None:
        super().__init__(problems)
        self.message = Message(N_("invalid task table"))
        Exception.__init__(self, self.localized(None))


class CatalogueDataError(CrmImplError):
    """A methodology catalogue data file is invalid; ``problems`` lists (where, what) pairs.

    A packaging defect, not a user's mistake: the catalogue ships with crm-impl.
    """

    def __init__(self, source: str, problems: Iterable[tuple[str, str]]) -> None:
        self.source = source
        self.problems = list(problems)
        lines = "\n".join(f"  {where or '(file)'}: {what}" for where, what in self.problems)
        super().__init__("invalid methodology data in %(source)s:\n%(lines)s", source=source, lines=lines)
