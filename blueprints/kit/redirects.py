"""Where a ``next`` parameter may send someone: only to a path on this site."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["safe_next"]


def safe_next(target: str | None, default: str) -> str:
    """``target`` if it is a path on this site, else ``default``.

    Browsers drop tabs and newlines and read a backslash as a slash, so ``/\\t/evil.example``
    or ``/\\\\evil.example`` would leave the site: any whitespace, control character or backslash
    refuses the target, as does a scheme, a host or a leading ``//``.

    >>> safe_next("/projects/3/?tab=plan", "/"), safe_next("/\\t/evil.example/x", "/")
    ('/projects/3/?tab=plan', '/')
    >>> safe_next("https://evil.example/", "/"), safe_next("//evil.example", "/"), safe_next("/\\\\evil", "/")
    ('/', '/', '/')
    """
    if not target or not target.startswith("/") or target.startswith("//"):
        return default
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 or ch == "\\" for ch in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target
