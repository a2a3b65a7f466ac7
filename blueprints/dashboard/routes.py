from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _
from flask_login import current_user

from crm_impl.operations.kpis import kpi_unit, measurable_kpis, record_measurement
from crm_impl.operations.planning import status_date_of
from crm_impl.operations.status import project_dashboard
from crm_impl.tracking.rag import rag_label
from blueprints.access import Action, project_view
from blueprints.dashboard import bp
from blueprints.dashboard.forms import MeasurementForm
from blueprints.database import get_db
from blueprints.kit import choices, submit


def _measurement_form(project, dashboard, formdata=None) -> MeasurementForm:
    form = MeasurementForm(formdata=formdata)
    form.kpi.choices = choices(measurable_kpis(project, str(get_locale())))
    if formdata is None:
        form.measured_on.data = dashboard.status_date
    return form


def _page(project, form=None, status=200):
    locale = str(get_locale())
    today = request.args.get("date", type=date.fromisoformat) or date.today()
    dashboard = project_dashboard(project, today, locale)
    return render_template(
        "dashboard/index.html", project=project, today=today, dashboard=dashboard,
        form=form or _measurement_form(project, dashboard),
        rag_labels={rag: rag_label(rag, locale) for rag in ("green", "amber", "red", "grey")},
    ), status


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    return _page(project)


@bp.post("/kpis")
@project_view(Action.EDIT)
def measure(project):
    dashboard = project_dashboard(project, status_date_of(project, date.today()), str(get_locale()))
    form = _measurement_form(project, dashboard, formdata=request.form)
    outcome = form.validate_on_submit() and submit(
        form, record_measurement, get_db(), project, form.kpi.data, form.stored_value(kpi_unit(project, form.kpi.data)),
        form.measured_on.data, current_user.email)
    if outcome:
        flash(_("Measurement recorded."), "success")
        return redirect(url_for("dashboard.index", project_id=project.id))
    return _page(project, form, 422)
