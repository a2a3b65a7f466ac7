from dataclasses import dataclass

from flask import current_app, flash, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from crm_impl.operations.accounts import authenticate, create_user
from blueprints.auth import bp
from blueprints.auth.forms import LoginForm, RegisterForm
from blueprints.database import get_db
from blueprints.extensions import limiter, login_manager
from blueprints.kit import render_form, submit

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
def load_user(user_id: str):
    from crm_impl.models import User

    user = get_db().get(User, int(user_id))
    if user is None or not user.is_active:
        return None
    # What the page shows of the user, read once: an error page renders without the database.
    g.viewer = Viewer(user.id, user.email, user.display_name, user.locale)
    return user


def _safe_next(default: str) -> str:
    target = request.args.get("next") or ""
    return target if target.startswith("/") and not target.startswith("//") else default


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], methods=["POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("projects.index"))
    form = LoginForm()
    if form.validate_on_submit():
        user = authenticate(get_db(), form.email.data, form.password.data)
        if user is not None:
            get_db().commit()  # keeps a re-hashed password
            login_user(user)
            return redirect(_safe_next(url_for("projects.index")))
        form.form_errors.append(_("Wrong e-mail address or password."))
    return render_form("auth/login.html", form)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], methods=["POST"])
def register():
    form = RegisterForm()
    outcome = form.validate_on_submit() and submit(
        form, create_user, get_db(), form.email.data, form.password.data, form.display_name.data, form.locale.data
    )
    if outcome:
        flash(_("Your account is ready. Please log in."), "success")
        return redirect(url_for("auth.login"))
    return render_form("auth/register.html", form, outcome)


@bp.post("/logout")
def logout():
    logout_user()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))
