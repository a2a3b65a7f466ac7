"""User accounts: registration, password hashing (Argon2) and authentication."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_impl.errors import ValidationError
from crm_impl.models import LOCALES, User

__all__ = ["create_user", "authenticate", "find_user_by_email", "set_locale", "MIN_PASSWORD_LENGTH"]

MIN_PASSWORD_LENGTH = 8
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_hasher = PasswordHasher()


def _normalise_email(email: str) -> str:
    email = (email or "").strip().lower()
    if not _EMAIL.match(email):
        raise ValidationError("not a valid e-mail address", field="email")
    return email


def find_user_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == email.strip().lower()))


def create_user(
    session: Session, email: str, password: str, display_name: str = "", locale: str = "en"
) -> User:
    """Add a user; the e-mail must be new and the password at least 8 characters."""
    email = _normalise_email(email)
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            "must have at least %(length)s characters", field="password", length=MIN_PASSWORD_LENGTH
        )
    if locale not in LOCALES:
        raise ValidationError("unknown language %(locale)r", field="locale", locale=locale)
    if find_user_by_email(session, email) is not None:
        raise ValidationError("an account with this e-mail address exists already", field="email")
    user = User(
        email=email,
        display_name=(display_name or "").strip() or email.split("@")[0],
        password_hash=_hasher.hash(password),
        locale=locale,
    )
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, email: str, password: str) -> User | None:
    """The active user with these credentials, or ``None``.

    A stored hash made with older Argon2 parameters is upgraded on a successful login.
    """
    user = find_user_by_email(session, email or "")
    if user is None or not user.is_active:
        # Spend the same time as a real check so response times do not reveal accounts.
        _hasher.hash(password or "")
        return None
    try:
        _hasher.verify(user.password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def set_locale(user: User, locale: str) -> None:
    if locale not in LOCALES:
        raise ValidationError("unknown language %(locale)r", field="locale", locale=locale)
    user.locale = locale
