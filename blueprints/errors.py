"""Error pages and the one place where errors become HTTP answers.

Every handler first rolls the request's session back, and the error page reads nothing from
the database (the user's name and language were read when the user was loaded), so the page
renders even when the error came from the database or the database is gone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from flask import Flask, g, render_template
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import AnonymousUserMixin, current_user
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm.exc import ObjectDeletedError, StaleDataError
from werkzeug.exceptions import HTTPException

from crm_impl.errors import (
    CrmImplError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
    ValidationError,
)
from blueprints.database import rollback_request_session

__all__ = ["init_app", "status_of"]

log = logging.getLogger(__name__)

_STATUS = [
    (NotFoundError, 404),
    (PermissionDeniedError, 403),
    (StaleEditError, 409),
    (ValidationError, 400),
]


def status_of(error: CrmImplError) -> int:
    return next((code for cls, code in _STATUS if isinstance(error, cls)), 400)


def _settle() -> None:
    """Roll back the failed work and make sure the page can tell who is logged in."""
    rollback_request_session()
    try:
        current_user.is_authenticated  # noqa: B018 - loads the user now, or not at all
    except Exception:  # noqa: BLE001 - the database is gone: show the page as to a visitor
        g._login_user = AnonymousUserMixin()


def _page(code: int, message: Callable[[], str]):
    """The error page; ``message`` is asked for after the failed work is settled, so it is
    translated into the language of the user (loaded only now, when the error came first)."""
    _settle()
    return render_template("errors/error.html", code=code, message=message()), code


def init_app(app: Flask) -> None:
    @app.errorhandler(CrmImplError)
    def domain_error(error: CrmImplError):
        code = status_of(error)
        if code == 404:
            return _page(code, lambda: _("This page does not exist, or you do not have access to it."))
        return _page(code, lambda: error.localized(get_locale()))

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return _page(400, lambda: _("The form was sent without a valid security token. Reload the page and try again."))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        _settle()
        messages = {
            403: _("Your role in this project does not allow this action."),
            404: _("This page does not exist, or you do not have access to it."),
            405: _("This address does not accept that kind of request."),
            413: _("The uploaded file is too large."),
            429: _("Too many attempts. Please wait a minute and try again."),
        }
        code = error.code or 500
        return _page(code, lambda: messages.get(code, error.name))

    @app.errorhandler(StaleDataError)
    def stale(error: StaleDataError):
        return _page(409, lambda: _("Someone else changed or deleted this record at the same moment. Nothing you "
                            "sent was saved; reload the page to see the current data."))

    @app.errorhandler(ObjectDeletedError)
    def deleted(error: ObjectDeletedError):
        return _page(409, lambda: _("Someone else deleted this record meanwhile. Nothing you sent was saved."))

    @app.errorhandler(IntegrityError)
    def conflict(error: IntegrityError):
        log.info("integrity conflict: %s", error.orig)
        return _page(409, lambda: _("Someone else saved the same thing at the same moment (a name or a number that must "
                            "be unique). Nothing you sent was saved; reload the page and try again."))

    @app.errorhandler(DataError)
    def unstorable(error: DataError):
        log.warning("value refused by the database: %s", error.orig)
        return _page(422, lambda: _("A value could not be stored (too long, too large, or with characters the "
                            "database cannot hold). Nothing you sent was saved."))

    @app.errorhandler(OperationalError)
    def database_down(error: DBAPIError):
        log.error("database unavailable: %s", error.orig)
        page, _status = _page(503, lambda: _("The database cannot be reached right now. Nothing you sent was saved; "
                                   "please try again in a minute."))
        return page, 503, {"Retry-After": "30"}

    @app.errorhandler(500)
    def server_error(error):
        return _page(500, lambda: _("Something went wrong on our side. Nothing you saved was lost; please try again."))
