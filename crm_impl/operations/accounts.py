"""User accounts: registration, password hashing (Argon2) and authentication."""

from __future__ import annotations

import re

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_impl.errors import ValidationError
from crm_impl.models import LOCALES, User

__all__ = [
    "create_user",
    "authenticate",
    "find_user_by_email",
    "set_locale",
    "check_password",
    "change_password",
    "end_sessions",
    "MIN_PASSWORD_LENGTH",
    "MIN_PASSWORD_SCORE",
]

MIN_PASSWORD_LENGTH = 8
#: zxcvbn's score (0–4) a password needs: 2 resists online guessing once logins are rate limited;
#: common passwords, keyboard rows, repeats and the person's own name or e-mail score 0 or 1.
MIN_PASSWORD_SCORE = 2
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
    check_password(password, email, display_name)
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


def check_password(password: str, *personal: str, field: str = "password") -> None:
    """Refuse a password that is too short or too easy to guess.

    ``personal`` are the person's own words (e-mail, name) that make a password guessable.

    >>> check_password("correct horse battery", "pm@example.com")
    >>> check_password("password123")
    Traceback (most recent call last):
    ...
    crm_impl.errors.ValidationError: password: is too easy to guess (a common password, a pattern, or your own name or e-mail); use a few unrelated words
    """
    password = password or ""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("must have at least %(length)s characters", field, length=MIN_PASSWORD_LENGTH)
    from zxcvbn import zxcvbn  # its word lists load only when a password is chosen

    words = [w for text in personal if text for w in (text, *text.replace("@", " ").replace(".", " ").split())]
    if zxcvbn(password[:100], user_inputs=words)["score"] < MIN_PASSWORD_SCORE:
        raise ValidationError(
            "is too easy to guess (a common password, a pattern, or your own name or e-mail); "
            "use a few unrelated words", field,
        )


def end_sessions(user: User) -> None:
    """End every login session of ``user`` (a copied session cookie stops working too)."""
    user.session_version = (user.session_version or 0) + 1


def change_password(user: User, current: str, new: str) -> None:
    """Set a new password after checking the current one; every other session ends."""
    try:
        _hasher.verify(user.password_hash, current or "")
    except (VerificationError, InvalidHashError):
        raise ValidationError("is not your current password", field="current") from None
    check_password(new, user.email, user.display_name, field="new")
    user.password_hash = _hasher.hash(new)
    end_sessions(user)


def set_locale(user: User, locale: str) -> None:
    if locale not in LOCALES:
        raise ValidationError("unknown language %(locale)r", field="locale", locale=locale)
    user.locale = locale
