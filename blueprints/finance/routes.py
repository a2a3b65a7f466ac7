from datetime import date
from functools import partial

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _

from crm_impl.charts.finance import (
    cashflow_figure, costs_figure, finance_labels, npv_histogram_figure, tornado_figure, vendor_cases_figure,
)
from crm_impl.i18n import is_chinese
from crm_impl.operations.finance import (
    case_rows, cash_flows_csv, create_case, delete_actual, delete_driver, delete_line, finance_report, record_actual, save_driver,
    process_savings, save_line, take_process_saving, update_settings, vendor_cases,
)
from blueprints.access import Action, one_of, project_view
from blueprints.database import get_db
from blueprints.finance import bp
from blueprints.finance.forms import (
    CATEGORIES, ActualForm, DeleteActualForm, DriverForm, LineForm, SettingsForm,
)
from blueprints.kit import ActionForm, Outcome, act, chart_html, download, file_stem, render_form, save_edit, submit


def _rows(project):
    rows = case_rows(get_db(), project)
    if rows is None:
        abort(404)
    return rows


def _back(project):
    return redirect(url_for("finance.index", project_id=project.id))


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    return _page(project, ActualForm(formdata=None))


def _page(project, actual_form, status: int = 200):
    locale = str(get_locale())
    report = finance_report(get_db(), project, date.today(), draw_go_live=request.args.get("go_live") == "simulated")
    if report is None:
        return render_template("finance/empty.html", project=project, form=SettingsForm(formdata=None)), status
    zh = is_chinese(locale)
    names = {line.key: (line.name_zh if zh and line.name_zh else line.name) for line in report.rows.lines}
    currency = project.currency
    charts = {
        "cashflow": chart_html(cashflow_figure(report.result, currency=currency, locale=locale)),
        "costs": chart_html(costs_figure(report.result, currency=currency, locale=locale)),
        "npv": chart_html(npv_histogram_figure(report.simulation, currency=currency, locale=locale)),
        "tornado": chart_html(tornado_figure(report.tornado, report.result.npv, names=names, currency=currency,
                                             locale=locale)) if report.tornado else None,
    }
    return render_template("finance/index.html", project=project, report=report, charts=charts, names=names,
                           words=finance_labels(locale), categories=dict(CATEGORIES), actual_form=actual_form,
                           savings=process_savings(get_db(), project)), status


@bp.get("/vendors")
@project_view(Action.VIEW)
def vendors(project):
    _rows(project)
    locale = str(get_locale())
    cases = vendor_cases(get_db(), project, date.today())
    chart = chart_html(vendor_cases_figure([(case.label(locale), case.result) for case in cases],
                                           currency=project.currency, locale=locale)) if cases else None
    return render_template("finance/vendors.html", project=project, cases=cases, chart=chart)


@bp.get("/cash-flows.csv")
@project_view(Action.VIEW)
def cash_flows(project):
    payload = cash_flows_csv(get_db(), project, date.today(), str(get_locale()))
    if payload is None:
        abort(404)
    return download(payload, f"{file_stem(project)}-cash-flows.csv", "text/csv")


@bp.route("/settings", methods=["GET", "POST"])
@project_view(Action.EDIT)
def settings(project):
    rows = case_rows(get_db(), project)
    if rows is None:  # the first save starts the case
        form = SettingsForm()
        outcome = form.validate_on_submit() and submit(form, create_case, get_db(), project, form.values())
        if outcome:
            flash(_("Business case started: add its cost and benefit lines."), "success")
            return _back(project)
        return render_form("finance/empty.html", form, outcome, project=project)
    form = SettingsForm() if request.method == "POST" else SettingsForm.of(rows.case)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: SettingsForm.of(_rows(project).case), update_settings, get_db(), project,
        form.expected_version(), form.values())
    if outcome:
        flash(_("Business case settings saved."), "success")
        return _back(project)
    return render_form("finance/settings.html", form, outcome, project=project)


@bp.route("/lines/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def new_line(project):
    rows = _rows(project)
    form = LineForm()
    outcome = form.validate_on_submit() and submit(form, save_line, get_db(), project, form.data_dict())
    if outcome:
        flash(_("Line %(key)s added.", key=outcome.result.key), "success")
        return _back(project)
    return render_form("finance/line.html", form, outcome, project=project, line=None, horizon=rows.case.horizon)


@bp.route("/lines/<int:line_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit_line(project, line_id: int):
    rows = _rows(project)
    line = one_of(rows.lines, line_id)
    form = LineForm() if request.method == "POST" else LineForm.of(line)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: LineForm.of(line), partial(save_line, line_id=line.id, expected_version=form.expected_version()),
        get_db(), project, form.data_dict())
    if outcome:
        flash(_("Line %(key)s saved.", key=line.key), "success")
        return _back(project)
    return render_form("finance/line.html", form, outcome, project=project, line=line, horizon=rows.case.horizon)


@bp.post("/process-savings/<int:map_id>")
@project_view(Action.EDIT)
def take_saving(project, map_id: int):
    _rows(project)
    act(ActionForm(), lambda line: _("Benefit line %(key)s now takes the process map’s yearly saving.", key=line.key),
        take_process_saving, get_db(), project, map_id)
    return _back(project)


@bp.post("/lines/<int:line_id>/delete")
@project_view(Action.EDIT)
def delete_line_view(project, line_id: int):
    line = one_of(_rows(project).lines, line_id)
    form = ActionForm()
    act(form, _("Line %(key)s deleted.", key=line.key), delete_line, get_db(), project, line.id,
        form.expected_version())
    return _back(project)


@bp.route("/drivers/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def new_driver(project):
    _rows(project)
    form = DriverForm()
    outcome = form.validate_on_submit() and submit(form, save_driver, get_db(), project, form.data_dict())
    if outcome:
        flash(_("Driver %(name)s added.", name=outcome.result.name), "success")
        return _back(project)
    return render_form("finance/driver.html", form, outcome, project=project, driver=None)


@bp.route("/drivers/<int:driver_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit_driver(project, driver_id: int):
    driver = one_of(_rows(project).drivers, driver_id)
    form = DriverForm() if request.method == "POST" else DriverForm.of(driver)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: DriverForm.of(driver),
        partial(save_driver, driver_id=driver.id, expected_version=form.expected_version()), get_db(), project,
        form.data_dict())
    if outcome:
        flash(_("Driver %(name)s saved.", name=driver.name), "success")
        return _back(project)
    return render_form("finance/driver.html", form, outcome, project=project, driver=driver)


@bp.post("/drivers/<int:driver_id>/delete")
@project_view(Action.EDIT)
def delete_driver_view(project, driver_id: int):
    driver = one_of(_rows(project).drivers, driver_id)
    form = ActionForm()
    act(form, _("Driver %(name)s deleted.", name=driver.name), delete_driver, get_db(), project, driver.id,
        form.expected_version())
    return _back(project)


@bp.post("/actuals")
@project_view(Action.EDIT)
def actuals(project):
    _rows(project)
    form = ActualForm()
    outcome = form.validate_on_submit() and submit(form, record_actual, get_db(), project, form.year.data,
                                                   form.benefits.data, form.costs.data, form.note.data or "")
    if outcome:
        flash(_("Actuals of year %(year)s recorded.", year=outcome.result.year), "success")
        return _back(project)
    return _page(project, form, 422 if not isinstance(outcome, Outcome) else outcome.status)


@bp.post("/actuals/delete")
@project_view(Action.EDIT)
def delete_actual_view(project):
    rows = _rows(project)
    form = DeleteActualForm()
    row = next((a for a in rows.actuals if a.year == form.year.data), None)
    if row is None:
        abort(404)
    act(form, _("Actuals of year %(year)s deleted.", year=row.year), delete_actual, get_db(), project, row.id)
    return _back(project)

