"""The crm-impl web application: a thin HTTP layer over the :mod:`crm_impl` domain.

:func:`create_app` (in :mod:`blueprints.app`) is imported on first use, so a command line
tool that never serves a page (``crm-impl schedule``) does not load Flask and its extensions.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from blueprints.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
