from flask_babel import lazy_gettext as _l
from wtforms import SelectField
from wtforms.validators import DataRequired

from crm_impl.reports import REPORTS
from blueprints.kit import Form, choices


class ReportForm(Form):
    """Which report, in which language and format (a GET form: the URL names the file)."""

    class Meta:
        csrf = False

    report = SelectField(_l("Report"), choices=choices((key, key) for key in REPORTS), validators=[DataRequired()])
    lang = SelectField(_l("Language"), choices=choices([("en", "English"), ("zh_Hans", "简体中文")]),
                       validators=[DataRequired()])
    format = SelectField(_l("Format"), choices=choices([("docx", _l("Word (.docx)")), ("pdf", _l("PDF"))]),
                         validators=[DataRequired()])
