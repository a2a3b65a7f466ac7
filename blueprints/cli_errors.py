"""How every crm-impl command reports a user's mistake: a line on stderr, exit code 2."""

from __future__ import annotations

from typing import NoReturn

import click

__all__ = ["fail"]


def fail(message: object) -> NoReturn:
    click.echo(f"Error: {message}", err=True)
    raise SystemExit(2)
