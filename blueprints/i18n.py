"""Language selection and locale-aware formatting of dates, numbers and money."""

from __future__ import annotations

from datetime import date

from flask import Blueprint, Flask, current_app, g, redirect, request, session, url_for
from flask_babel import format_currency, format_date, format_datetime, format_decimal, format_percent, get_locale
from flask_login import current_user

from crm_impl.i18n import CATALOGUE_DIR, localized, render
from blueprints.kit.redirects import safe_next
from crm_impl.operations.accounts import set_locale
from blueprints.database import get_db
from blueprints.extensions import babel

__all__ = ["init_app", "select_locale"]

bp = Blueprint("i18n", __name__)


def select_locale() -> str:
    """The user's saved language, else the session's choice, else the browser's."""
    languages = current_app.config["LANGUAGES"]
    viewer = g.get("viewer")  # read when the user was loaded: no database access here
    if viewer is not None and viewer.locale in languages:
        return viewer.locale
    if session.get("locale") in languages:
        return session["locale"]
    best = request.accept_languages.best_match(["en", "zh", "zh-CN", "zh-Hans"])
    return "zh_Hans" if best and best.startswith("zh") else "en"


@bp.post("/language/<code>")
def set_language(code: str):
    """Switch the UI language (saved on the account when logged in)."""
    if code in current_app.config["LANGUAGES"]:
        session["locale"] = code
        if current_user.is_authenticated:
            set_locale(current_user, code)
            get_db().commit()
    # Only same-site paths: never redirect to another host.
    return redirect(safe_next(request.form.get("next"), url_for("index")))


def _money(amount: float | None, currency: str = "CNY") -> str:
    return "—" if amount is None else format_currency(amount, currency)


def _date(day: date | None, style: str = "medium") -> str:
    return "—" if day is None else format_date(day, style)


def init_app(app: Flask) -> None:
    # One catalogue for the pages, the domain's messages and the reports: the domain's own.
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(CATALOGUE_DIR)
    babel.init_app(app, locale_selector=select_locale)
    app.register_blueprint(bp)
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.filters.update(
        date=_date,
        datetime=lambda moment, style="medium": "—" if moment is None else format_datetime(moment, style),
        money=_money,
        number=lambda value, fmt=None: "—" if value is None else format_decimal(value, fmt),
        percent=lambda value, fmt=None: "—" if value is None else format_percent(value, fmt),
        # A domain message (crm_impl.i18n.Message) in the reader's language; plain text as it is.
        localized=lambda message: render(message, get_locale()),
        # A record's text in the reader's language: ``project|in_locale("title")`` gives
        # ``title_zh`` on a Chinese page when there is one.
        in_locale=lambda record, name: localized(record, name, get_locale()),
        # A methodology role's name in the reader's language (its code where the catalogue has none).
        role_name=_role_name,
    )


def _role_name(role_id: str) -> str:
    from crm_impl.methodology import roles

    names = {r.id: r for r in roles()}
    return names[role_id].label(str(get_locale())) if role_id in names else role_id
