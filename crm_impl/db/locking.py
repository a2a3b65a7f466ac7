"""Applying people's edits safely: optimistic locking and field-by-field updates."""

from __future__ import annotations

from typing import Any

from crm_impl.errors import StaleEditError
from crm_impl.models import Versioned

__all__ = ["check_version", "apply_changes"]


def check_version(record: Versioned, expected: int | None) -> None:
    """Refuse an edit that was started from another version of ``record``.

    ``expected`` is the version the editor saw (a hidden form field). ``None`` means the
    client did not say, which is refused too: an edit must prove it saw the current data.
    """
    if expected is None or int(expected) != record.version:
        raise StaleEditError(
            "someone else changed this record since you opened it; your changes were not "
            "saved. Reload to see the current data, then apply your edit again."
        )


def apply_changes(record: Versioned, expected_version: int | None, changes: dict[str, Any]) -> bool:
    """Check the version, then set the changed attributes; returns whether anything changed."""
    check_version(record, expected_version)
    changed = False
    for name, value in changes.items():
        if getattr(record, name) != value:
            setattr(record, name, value)
            changed = True
    return changed
