"""Configuration: defaults, then the instance folder, then the environment."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

__all__ = ["defaults", "secret_key"]


def secret_key(instance_path: Path) -> str:
    """``SECRET_KEY`` from the environment, else one generated once and kept in the instance."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = instance_path / "secret_key"
    if not key_file.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_hex(32))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


def defaults(instance_path: Path) -> dict:
    return {
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'crm_impl.db'}",
        "MAX_CONTENT_LENGTH": 64 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI", "memory://"),
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_LOGIN": "10 per minute",
        "BABEL_DEFAULT_LOCALE": "en",
        "LANGUAGES": {"en": "English", "zh_Hans": "简体中文"},
    }
