"""Configuration: defaults, then the instance folder, then the environment.

Every setting can come from the environment as ``CRM_IMPL_<NAME>`` (Flask's
``from_prefixed_env``: ``CRM_IMPL_SESSION_COOKIE_SECURE=true``, ``CRM_IMPL_RATELIMIT_LOGIN="5 per
minute"``); the usual names ``DATABASE_URL``, ``SECRET_KEY``, ``REDIS_URL`` and
``RATELIMIT_STORAGE_URI`` are read as they are.
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
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
    redis_url = os.environ.get("REDIS_URL", "")
    return {
        "DATABASE_URL": os.environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'crm_impl.db'}",
        "REDIS_URL": redis_url,
        "MAX_CONTENT_LENGTH": 64 * 1024 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_HTTPONLY": True,
        # Behind HTTPS: cookies only over TLS, HSTS, and plain HTTP redirected (CRM_IMPL_HTTPS=true).
        "HTTPS": False,
        # Proxies in front of the app whose X-Forwarded-* headers are trusted (e.g. 1 for nginx).
        "PROXIES": 0,
        # A login lasts at most this long; logging out or changing the password ends it at once.
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=12),
        # Login limits are counted per address and per account; several workers share them
        # through Redis (RATELIMIT_STORAGE_URI, by default REDIS_URL when that is set).
        "RATELIMIT_STORAGE_URI": os.environ.get("RATELIMIT_STORAGE_URI") or redis_url or "memory://",
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_LOGIN": "10 per minute",
        # Simulation results shared by the web and job workers (Redis), else kept per process.
        "CACHE_TYPE": "RedisCache" if redis_url else "SimpleCache",
        "CACHE_REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": "crm_impl:",
        "CACHE_DEFAULT_TIMEOUT": 7 * 24 * 3600,
        "CACHE_THRESHOLD": 200,  # results one process keeps without Redis
        # With REDIS_URL, work bigger than this runs on `crm-impl worker`s (RQ queue JOBS_QUEUE).
        "JOBS_QUEUE": "crm_impl",
        "INLINE_SIMULATION_LIMIT": 2_000_000,  # task-runs: 10,000 runs of a 200-task plan
        "COMPRESS_MIMETYPES": ["text/html", "text/css", "text/csv", "text/javascript", "application/json",
                               "application/xml", "image/svg+xml"],
        "COMPRESS_MIN_SIZE": 1024,
        # Static files are streamed; Flask-Compress streams zstd, brotli and deflate by default but
        # not gzip, so a client that accepts gzip only got them raw.
        "COMPRESS_ALGORITHM_STREAMING": ["zstd", "br", "gzip", "deflate"],
        # "json": one JSON object per log line (time, level, request_id, method, path, status, ms,
        # user); "text": the same as plain lines; "" leaves logging to the server (gunicorn, tests).
        "LOG_FORMAT": "",
        "LOG_LEVEL": "INFO",
        "BABEL_DEFAULT_LOCALE": "en",
        "LANGUAGES": {"en": "English", "zh_Hans": "简体中文"},
    }
