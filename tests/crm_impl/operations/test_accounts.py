import pytest

from crm_impl.operations.accounts import authenticate, create_user
from crm_impl.errors import ValidationError


def test_password_is_hashed_with_argon2_and_verifies(db):
    user = create_user(db, "Ana@Example.com", "s3cret-pass", "Ana")
    assert user.email == "ana@example.com"
    assert user.password_hash.startswith("$argon2")
    assert "s3cret-pass" not in user.password_hash
    assert authenticate(db, "ANA@example.com", "s3cret-pass") is user
    assert authenticate(db, "ana@example.com", "wrong-pass") is None
    assert authenticate(db, "nobody@example.com", "s3cret-pass") is None


@pytest.mark.parametrize(
    ("email", "password", "field"),
    [("not-an-email", "long enough", "email"), ("a@example.com", "short", "password")],
)
def test_bad_registration_names_the_field(db, email, password, field):
    with pytest.raises(ValidationError) as info:
        create_user(db, email, password)
    assert info.value.field == field


def test_duplicate_email_is_refused(db):
    create_user(db, "a@example.com", "long enough")
    with pytest.raises(ValidationError, match="exists already"):
        create_user(db, "A@example.com", "long enough")


def test_inactive_user_cannot_log_in(db):
    user = create_user(db, "a@example.com", "long enough")
    user.is_active = False
    assert authenticate(db, "a@example.com", "long enough") is None
