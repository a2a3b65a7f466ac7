"""The domain exception hierarchy.

Every error a user can cause derives from :class:`CrmImplError`; the web layer maps the
subclasses to HTTP 4xx responses with the message, the CLI prints the message and exits 2.
"""

from __future__ import annotations

__all__ = [
    "CrmImplError",
    "ValidationError",
    "NotFoundError",
    "PermissionDeniedError",
    "StaleEditError",
    "ScheduleError",
    "ScheduleCycleError",
    "ProjectFileError",
]


class CrmImplError(Exception):
    """Base class of every error the domain raises on purpose."""


class ValidationError(CrmImplError):
    """A value is missing, malformed or out of range.

    ``field`` names the offending field (a dotted path such as ``tasks[3].duration``) so a
    form or an import report can show the message beside it.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.reason = message


class NotFoundError(CrmImplError):
    """The requested record does not exist (or is not visible to the user)."""


class PermissionDeniedError(CrmImplError):
    """The user may see the project but their role may not do this action."""


class StaleEditError(CrmImplError):
    """An edit was based on an old version of a record that someone else changed since."""


class ScheduleError(ValidationError):
    """The schedule network cannot be computed as given."""


class ScheduleCycleError(ScheduleError):
    """The dependencies form a cycle; ``cycle`` lists the task ids in order."""

    def __init__(self, cycle: list[str]) -> None:
        self.cycle = list(cycle)
        path = " → ".join([*self.cycle, self.cycle[0]]) if self.cycle else "?"
        super().__init__(f"dependency cycle: {path}", field="dependencies")


class ProjectFileError(CrmImplError):
    """A project file is invalid; ``problems`` lists (field path, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = list(problems)
        lines = [f"{path or '(file)'}: {msg}" for path, msg in self.problems]
        super().__init__("invalid project file:\n" + "\n".join(lines))
