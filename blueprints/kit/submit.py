"""Running a domain operation for a submitted form, once for every view.

:func:`submit` calls the operation, commits, and returns an :class:`Outcome`; a domain refusal
becomes the form's error (in the reader's language) and nothing is saved.  :func:`save_edit`
adds the stale-edit flow: when someone else saved the record meanwhile, the editor keeps what
they typed, sees what was saved meanwhile beside each field, and may save again knowingly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import flash, render_template
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError

from crm_impl.errors import StaleEditError, ValidationError
from blueprints.database import get_db

__all__ = ["STALE_MESSAGE", "Outcome", "submit", "save_edit", "act", "render_form", "form_status", "form_messages"]

STALE_MESSAGE = _l(
    "Someone else changed this record since you opened it. Your changes were not saved; what you "
    "entered is kept below, with the values saved meanwhile beside the fields that differ. "
    "Save again to apply your version."
)


# Fields whose value is not something a person typed for the record.
_NOT_COMPARED = frozenset({"HiddenField", "CSRFTokenField", "FileField", "SubmitField"})


CONFLICT_MESSAGE = _l(
    "Someone else saved the same thing at the same moment (a name or a number that must be unique). "
    "Nothing was saved; what you entered is kept below."
)
DELETED_MESSAGE = _l("Someone else deleted this record meanwhile. Nothing was saved.")
UNSTORABLE_MESSAGE = _l(
    "A value could not be stored (too long, too large, or with characters the database cannot hold). "
    "Nothing was saved; what you entered is kept below."
)
UNAVAILABLE_MESSAGE = _l(
    "The database could not be reached. Nothing was saved; what you entered is kept below: "
    "please save again in a moment."
)


@dataclass(frozen=True)
class Outcome:
    """What became of a submission: saved (with the operation's result), or why not."""

    saved: bool
    result: Any = None
    stale: bool = False
    unavailable: bool = False

    def __bool__(self) -> bool:
        return self.saved

    @property
    def status(self) -> int:
        """200 saved, 409 someone else saved first, 503 no database, 422 refused."""
        if self.saved:
            return 200
        return 409 if self.stale else 503 if self.unavailable else 422


def _show_error(form: FlaskForm, error: ValidationError) -> None:
    """The error on the field it names (a form's ``error_fields`` maps the domain's name of a
    field to its own: the plan's ``dependencies`` are typed in ``predecessors``), else on the form."""
    locale = get_locale()
    name = (error.field or "").split("[")[0].split(".")[0]
    name = getattr(form, "error_fields", {}).get(name, name)
    field = form._fields.get(name) if name else None
    if field is not None and field.type not in ("HiddenField", "CSRFTokenField"):
        field.errors = [*field.errors, error.localized_reason(locale)]
    else:
        form.form_errors.append(error.localized(locale))


def submit(form: FlaskForm, operation: Callable[..., Any], *args: Any) -> Outcome:
    """Call ``operation(*args)`` and commit; when it is refused say why on ``form``.

    Nothing is saved unless the outcome is ``saved``; whatever happens, the person's input stays
    in the form.  A connection the database dropped is retried once on a fresh one.
    """
    session = get_db()
    for attempt in (1, 2):
        try:
            result = operation(*args)
            session.commit()
            return Outcome(saved=True, result=result)
        except (StaleEditError, StaleDataError):
            session.rollback()
            form.form_errors.append(str(STALE_MESSAGE))
            return Outcome(saved=False, stale=True)
        except ObjectDeletedError:
            session.rollback()
            form.form_errors.append(str(DELETED_MESSAGE))
            return Outcome(saved=False, stale=True)
        except IntegrityError:
            session.rollback()
            form.form_errors.append(str(CONFLICT_MESSAGE))
            return Outcome(saved=False, stale=True)
        except DataError:
            session.rollback()
            form.form_errors.append(str(UNSTORABLE_MESSAGE))
            return Outcome(saved=False)
        except ValidationError as error:
            session.rollback()
            _show_error(form, error)
            return Outcome(saved=False)
        except DBAPIError as error:
            _rollback_quietly(session)
            if attempt == 1 and (error.connection_invalidated or isinstance(error, OperationalError)):
                continue  # a dropped connection or a busy database: once more, on a fresh connection
            form.form_errors.append(str(UNAVAILABLE_MESSAGE))
            return Outcome(saved=False, unavailable=True)
    raise AssertionError("unreachable")  # pragma: no cover


def _rollback_quietly(session) -> None:
    """Roll back even when the connection died: the dead connection is discarded, the session's
    records stay attached so the operation can run again."""
    for _attempt in (1, 2):
        try:
            session.rollback()
            return
        except Exception:  # noqa: BLE001 - the first try finds the connection gone and drops it
            continue
    session.invalidate()


def save_edit(form: FlaskForm, current: Callable[[], FlaskForm], operation: Callable[..., Any], *args: Any) -> Outcome:
    """:func:`submit` an edit of one record; after a stale refusal keep the editor's input.

    ``current`` builds the form of the record as stored now.  The editor's form takes the
    stored version (so saving again applies their version on purpose) and, for each field
    whose stored value differs from what they typed, the stored value in ``form.saved_meanwhile``.
    """
    outcome = submit(form, operation, *args)
    if outcome.stale:
        try:
            stored = current()
        except ObjectDeletedError:
            get_db().rollback()
            form.form_errors[:] = [str(DELETED_MESSAGE)]
            return outcome
        form.version.data = stored.version.data
        form.saved_meanwhile = {
            name: field.data
            for name, field in stored._fields.items()
            if field.type not in _NOT_COMPARED and name in form._fields and field.data != form[name].data
        }
    return outcome


def form_status(form: FlaskForm, outcome: Outcome | bool | None = None) -> int:
    """The HTTP status of a form page: the outcome's, 422 for a form WTForms refused, else 200.

    ``outcome`` may be what ``form.validate_on_submit() and submit(...)`` gives: ``False``
    when the form never reached the operation.
    """
    if isinstance(outcome, Outcome):
        return outcome.status
    return 422 if form.is_submitted() and (form.errors or form.form_errors) else 200


def render_form(template: str, form: FlaskForm, outcome: Outcome | bool | None = None, **context: Any):
    """Render a form page with the status of its submission (200, 409 or 422)."""
    return render_template(template, form=form, **context), form_status(form, outcome)


def form_messages(form: FlaskForm) -> list[str]:
    """Every error of ``form`` as one list (for forms shown as a button or a table row)."""
    return [*map(str, form.form_errors), *(str(e) for errors in form.errors.values() for e in errors)]


def act(form: FlaskForm, done: str | Callable[[Any], str], operation: Callable[..., Any], *args: Any) -> Outcome | bool:
    """A button's action (delete, archive, toggle...), for views that redirect afterwards.

    Runs the operation for a valid submission; flashes ``done`` (or ``done(result)``) when it was
    saved, else every reason it was not.
    """
    outcome = form.validate_on_submit() and submit(form, operation, *args)
    if outcome:
        flash(done(outcome.result) if callable(done) else done, "success")
    else:
        for message in form_messages(form):
            flash(message, "danger")
    return outcome
