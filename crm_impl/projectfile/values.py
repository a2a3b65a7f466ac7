"""How dates and timestamps are written in a project file, and read back."""

from __future__ import annotations

from datetime import date, datetime, timezone

__all__ = ["iso_date", "parse_date", "utc_text", "utc_moment"]


def iso_date(day: date | None) -> str | None:
    return day.isoformat() if day else None


def parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def utc_text(moment: datetime | None) -> str | None:
    """Timestamps in UTC: SQLite hands them back without a zone, PostgreSQL in UTC."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat()


def utc_moment(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value)
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(timezone.utc)
