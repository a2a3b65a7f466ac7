"""User accounts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, String, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crm_impl.models.base import Base, Versioned

__all__ = ["User", "LOCALES"]

#: UI and report languages; the first is the default.
LOCALES = ("en", "zh_Hans")


class User(Versioned, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    locale: Mapped[str] = mapped_column(String(10), default="en")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Part of the login session's id: raising it (logout, a new password) ends every session.
    session_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())

    memberships: Mapped[list["Membership"]] = relationship(  # noqa: F821
        back_populates="user", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<User {self.email}>"

    # The attributes Flask-Login reads from a user object (a protocol, no import needed).
    is_authenticated = True
    is_anonymous = False

    def get_id(self) -> str:
        """What a login session remembers: the account and its session version."""
        return f"{self.id}:{self.session_version}"
