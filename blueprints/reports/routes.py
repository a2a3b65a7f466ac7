from flask import render_template, request
from flask_babel import get_locale
from flask_login import current_user

from crm_impl.errors import CrmImplError
from crm_impl.reports import REPORTS, ReportOptions, report_key
from crm_impl.reports.pdf import pdf_available
from crm_impl.reports.words import word
from blueprints.access import Action, project_view
from blueprints.kit import download
from blueprints.reports import bp
from blueprints.reports.forms import ReportForm
from blueprints.reports.jobs import cached_report, make_report, report_job, today

MIMETYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _page(project, form, job=None, error=None, status=200):
    locale = str(get_locale())
    reports = [(key, word(kind.title, locale)) for key, kind in REPORTS.items()]
    return render_template("reports/index.html", project=project, form=form, reports=reports, job=job,
                           error=error, pdf=pdf_available()), status


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    # A GET form: without a query the list of reports; with one, that report as a file.
    form = ReportForm(formdata=request.args or None)
    if not request.args:
        form.lang.data = "zh_Hans" if str(get_locale()).startswith("zh") else "en"
        return _page(project, form)
    if not form.validate() or (form.format.data == "pdf" and not pdf_available()):
        return _page(project, form, status=422)
    # The person who made it signs the title page (Word's author property too).
    options = ReportOptions(locale=form.lang.data, today=today(), author=current_user.display_name or current_user.email)
    key = report_key(form.report.data, project, options, form.format.data)
    made = cached_report(key)
    if made is None:
        job = report_job(project, form.report.data, options, form.format.data, key)
        if job is not None:
            return _page(project, form, job=job, status=202)
        try:
            made = make_report(project, form.report.data, options, form.format.data, key)
        except CrmImplError as error:
            return _page(project, form, error=error.localized(str(get_locale())), status=503)
    return download(made["data"], made["name"], MIMETYPES[form.format.data])
