"""How every crm-impl command reports a user's mistake: ``Error:`` lines on stderr, exit code 2.

Messages are shown in the language of ``CRM_IMPL_LANG`` (else the usual ``LC_ALL``,
``LC_MESSAGES``, ``LANG``): ``CRM_IMPL_LANG=zh_Hans crm-impl schedule plan.json`` explains a bad
file in Chinese.
"""

from __future__ import annotations

import os
from typing import NoReturn

import click

from crm_impl.errors import CrmImplError, ProjectFileError
from crm_impl.i18n import Message, msg, normalise_locale

__all__ = ["cli_locale", "fail", "describe_failure"]


def cli_locale() -> str:
    """The language the command line speaks (``en`` or ``zh_Hans``)."""
    for name in ("CRM_IMPL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return normalise_locale(value.split(".")[0])
    return normalise_locale(None)


def fail(error: object) -> NoReturn:
    """Print ``error`` (a domain error in the CLI's language, or any text) and exit with 2.

    An invalid project file prints one line per problem, each with its field path.
    """
    locale = cli_locale()
    if isinstance(error, ProjectFileError):
        head = error.message.render(locale)
        lines = [f"{head}: {line}" for line in error.lines(locale)]
    elif isinstance(error, CrmImplError):
        lines = error.localized(locale).splitlines() or [str(error)]
    elif isinstance(error, Message):
        lines = error.render(locale).splitlines()
    else:
        lines = str(error).splitlines() or [""]
    for line in lines:
        click.echo(f"Error: {line}", err=True)
    raise SystemExit(2)


def describe_failure(error: BaseException) -> Message:
    """One line on a failure that is not a user's mistake: what happened, without a traceback."""
    if isinstance(error, OSError):
        return msg("%(problem)s: %(path)s", problem=error.strerror or type(error).__name__,
                   path=error.filename or "")
    first_line = (str(getattr(error, "orig", None) or error).strip().splitlines() or [""])[0]
    if type(error).__module__.startswith("sqlalchemy") and type(error).__name__ == "OperationalError":
        return msg("the database cannot be reached: %(reason)s", reason=first_line)
    return msg("unexpected %(kind)s: %(reason)s (CRM_IMPL_DEBUG=1 shows where)", kind=type(error).__name__,
               reason=first_line)
