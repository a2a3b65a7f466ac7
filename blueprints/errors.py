"""Error pages and the one place where domain errors become HTTP answers."""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from crm_impl.errors import (
    CrmImplError,
    NotFoundError,
    PermissionDeniedError,
    StaleEditError,
    ValidationError,
)

__all__ = ["init_app", "status_of"]

_STATUS = [
    (NotFoundError, 404),
    (PermissionDeniedError, 403),
    (StaleEditError, 409),
    (ValidationError, 400),
]


def status_of(error: CrmImplError) -> int:
    return next((code for cls, code in _STATUS if isinstance(error, cls)), 400)


def _page(code: int, message: str):
    return render_template("errors/error.html", code=code, message=message), code


def init_app(app: Flask) -> None:
    @app.errorhandler(CrmImplError)
    def domain_error(error: CrmImplError):
        code = status_of(error)
        message = error.localized(get_locale()) if code != 404 else _(
            "This page does not exist, or you do not have access to it."
        )
        return _page(code, message)

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError):
        return _page(400, _("The form was sent without a valid security token. Reload the page and try again."))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        messages = {
            403: _("Your role in this project does not allow this action."),
            404: _("This page does not exist, or you do not have access to it."),
            405: _("This address does not accept that kind of request."),
            413: _("The uploaded file is too large."),
            429: _("Too many attempts. Please wait a minute and try again."),
        }
        code = error.code or 500
        return _page(code, messages.get(code, error.name))

    @app.errorhandler(500)
    def server_error(error):
        return _page(500, _("Something went wrong on our side. Nothing you saved was lost; please try again."))
