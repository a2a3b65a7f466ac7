from dataclasses import dataclass

from flask import current_app, flash, g, redirect, request, session, url_for

from crm_impl.limits import MAX_INT
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from crm_impl.operations.accounts import authenticate, change_password, create_user, end_sessions
from blueprints.auth import bp
from blueprints.auth.forms import LoginForm, PasswordForm, RegisterForm
from blueprints.database import get_db
from blueprints.extensions import limiter, login_manager
from blueprints.kit import render_form, safe_next, submit

@dataclass(frozen=True)
class Viewer:
    """The logged-in user as the pages show them."""

    id: int
    email: str
    display_name: str
    locale: str


login_manager.login_view = "auth.login"
login_manager.login_message_category = "warning"


@login_manager.user_loader
def load_user(session_id: str):
    """The user of a login session, while the session is current (see ``User.get_id``)."""
    from crm_impl.models import User

    user_id, _, version = session_id.partition(":")
    if not user_id.isdigit() or not version.isdigit() or int(user_id) > MAX_INT:
        return None
    user = get_db().get(User, int(user_id))
    if user is None or not user.is_active or user.session_version != int(version):
        return None
    # What the page shows of the user, read once: an error page renders without the database.
    g.viewer = Viewer(user.id, user.email, user.display_name, user.locale)
    return user


def _login_limit() -> str:
    return current_app.config["RATELIMIT_LOGIN"]


def _account() -> str:
    """Login attempts are also counted per account, whatever address they come from."""
    return "account:" + (request.form.get("email") or "").strip().lower()[:254]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(_login_limit, methods=["POST"], key_func=_account)
def login():
    if current_user.is_authenticated:
        return redirect(url_for("projects.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(get_db(), form.email.data, form.password.data)
        if user is not None:
            get_db().commit()  # keeps a re-hashed password
            session.permanent = True  # ends after PERMANENT_SESSION_LIFETIME
            login_user(user)
            return redirect(safe_next(request.args.get("next"), url_for("projects.index")))
        form.form_errors.append(_("Wrong e-mail address or password."))
    return render_form("auth/login.html", form)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def register():
    form = RegisterForm()
    outcome = form.validate_on_submit() and submit(
        form, create_user, get_db(), form.email.data, form.password.data, form.display_name.data, form.locale.data
    )
    if outcome:
        flash(_("Your account is ready. Please log in."), "success")
        return redirect(url_for("auth.login"))
    return render_form("auth/register.html", form, outcome)


@bp.route("/password", methods=["GET", "POST"])
@login_required
@limiter.limit(_login_limit, methods=["POST"])
def password():
    """Change the password; every other session of the account ends."""
    user = current_user._get_current_object()
    form = PasswordForm()
    outcome = form.validate_on_submit() and submit(
        form, change_password, user, form.current.data, form.new.data
    )
    if outcome:
        login_user(user)  # this session goes on with the new session version
        flash(_("Your password is changed. Other sessions of your account have ended."), "success")
        return redirect(url_for("projects.index"))
    return render_form("auth/password.html", form, outcome)


@bp.post("/logout")
def logout():
    """End the session; a copy of its cookie no longer logs anyone in."""
    if current_user.is_authenticated:
        end_sessions(current_user._get_current_object())
        get_db().commit()
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))
