"""Persistence plumbing: engine and sessions, the audit hook, optimistic locking.

The engine functions are re-exported here (``from crm_impl.db import make_engine``);
:mod:`.audit` and :mod:`.locking` are imported by name.
"""

from crm_impl.db.engine import current_revision, make_engine, make_session_factory, normalise_url, upgrade

__all__ = ["normalise_url", "make_engine", "make_session_factory", "upgrade", "current_revision"]
