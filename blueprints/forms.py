"""Shared form plumbing: run a domain operation for a submitted form, render with a status."""

from __future__ import annotations

from typing import Any, Callable

from flask import render_template
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy.orm.exc import StaleDataError
from wtforms import HiddenField, SelectChoice

from crm_impl.errors import StaleEditError, ValidationError
from blueprints.database import get_db

__all__ = [
    "VersionedForm",
    "choices",
    "submit",
    "render_form",
    "refreshed",
    "is_stale",
    "refusal_status",
    "form_status",
]

STALE_MESSAGE = _l(
    "Someone else changed this record since you opened it. Your changes were not saved; "
    "the form now shows the current data."
)


def choices(pairs) -> list[SelectChoice]:
    """Options of a select field from ``(value, label)`` pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


class VersionedForm(FlaskForm):
    """A form editing one record: carries the version the editor saw."""

    version = HiddenField()

    def expected_version(self) -> int | None:
        try:
            return int(self.version.data)
        except (TypeError, ValueError):
            return None


def submit(form: FlaskForm, operation: Callable[..., Any], *args: Any) -> bool:
    """Call ``operation(*args)`` and commit; on a domain error, show it on the form instead.

    Returns whether the change was saved (its result is kept as ``form.result``).
    Nothing is saved when it was not.
    """
    session = get_db()
    try:
        form.result = operation(*args)
        session.commit()
        return True
    except (StaleEditError, StaleDataError):
        session.rollback()
        form.stale = True
        form.form_errors.append(str(STALE_MESSAGE))
    except ValidationError as error:
        session.rollback()
        field = getattr(form, (error.field or "").split("[")[0].split(".")[0], None)
        if field is not None and hasattr(field, "errors") and error.field:
            field.errors = [*field.errors, error.reason]
        else:
            form.form_errors.append(str(error))
    return False


def is_stale(form: FlaskForm) -> bool:
    """Whether :func:`submit` refused the form because its record changed meanwhile."""
    return getattr(form, "stale", False)


def refusal_status(form: FlaskForm) -> int:
    """The HTTP status of a refused submission: 409 when stale, else 422."""
    return 409 if is_stale(form) else 422


def form_status(form: FlaskForm) -> int:
    """200 for a form shown fresh, else the status of its refusal."""
    if is_stale(form) or (form.is_submitted() and (form.errors or form.form_errors)):
        return refusal_status(form)
    return 200


def render_form(template: str, form: FlaskForm, **context: Any):
    """Render a form page; a refused submission answers 409 (stale) or 422 (invalid)."""
    return render_template(template, form=form, **context), form_status(form)


def refreshed(stale_form: FlaskForm, fresh_form: FlaskForm) -> FlaskForm:
    """After a stale edit, show ``fresh_form`` (the current data) with the refusal message."""
    fresh_form.stale = True
    fresh_form.form_errors.extend(stale_form.form_errors)
    return fresh_form
