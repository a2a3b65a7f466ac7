from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from crm_impl.models import User

from crm_impl.operations.accounts import MIN_PASSWORD_LENGTH
from blueprints.kit import Form, choices

_LANGUAGES = [("en", "English"), ("zh_Hans", "简体中文")]


class LoginForm(Form):
    email = EmailField(_l("E-mail"), validators=[DataRequired()])
    password = PasswordField(_l("Password"), validators=[DataRequired()])


class RegisterForm(Form):
    model = User

    display_name = StringField(_l("Full name"), validators=[DataRequired()])
    email = EmailField(_l("E-mail"), validators=[DataRequired()])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH)],
                             description=_l("At least 8 characters; a few unrelated words are easy to remember "
                                            "and hard to guess."))
    confirm = PasswordField(
        _l("Repeat password"), validators=[DataRequired(), EqualTo("password", _l("The passwords differ."))]
    )
    locale = SelectField(_l("Language"), choices=choices(_LANGUAGES))


class PasswordForm(Form):
    current = PasswordField(_l("Current password"), validators=[DataRequired()])
    new = PasswordField(_l("New password"), validators=[DataRequired(), Length(min=MIN_PASSWORD_LENGTH)],
                        description=_l("At least 8 characters; a few unrelated words are easy to remember "
                                       "and hard to guess."))
    confirm = PasswordField(
        _l("Repeat the new password"), validators=[DataRequired(), EqualTo("new", _l("The passwords differ."))]
    )
