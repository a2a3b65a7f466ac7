from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _

from crm_impl.operations.exchange import project_mspdi
from crm_impl.operations.task_table import project_task_table
from crm_impl.operations.baselines import (
    baseline_variance, delete_baseline, project_earned_value, save_baseline, set_steering_baseline, steering_baseline,
)
from crm_impl.operations.planning import status_date_of
from crm_impl.operations.schedule import project_gantt_figure, project_network_figure, resource_figure, run_monte_carlo
from blueprints.access import Action, one_of, project_view
from blueprints.schedule import bp
from blueprints.database import get_db
from blueprints.extensions import cache
from blueprints.schedule.jobs import simulation_job
from blueprints.kit import ActionForm, act, chart_html, download, file_stem, submit
from blueprints.schedule.forms import BaselineForm, MonteCarloForm


def _baseline(project, default_latest: bool):
    """The baseline named by ``?baseline=ID``; by default the steering baseline (else the latest)."""
    wanted = request.args.get("baseline", type=int)
    if wanted is None:
        if not default_latest or not project.baselines:
            return None
        return steering_baseline(project) or project.baselines[-1]
    return one_of(project.baselines, wanted)


@bp.get("/gantt")
@project_view(Action.VIEW)
def gantt(project):
    baseline = _baseline(project, default_latest=True)
    # Folded phases travel in the address (?fold=P1&fold=P2), so a view can be bookmarked and shared.
    keys = [phase.key for phase in project.phases]
    folded = [key for key in request.args.getlist("fold") if key in keys]
    figure = project_gantt_figure(project, str(get_locale()), today=date.today(), baseline=baseline, collapsed=folded)
    return render_template("schedule/chart.html", project=project, chart=chart_html(figure), view="gantt",
                           baseline=baseline, phases=keys, folded=folded)


def _baselines_page(project, form, status=200):
    baseline = _baseline(project, default_latest=True)
    status_date = request.args.get("status_date", type=date.fromisoformat) or status_date_of(project, date.today())
    return render_template(
        "schedule/baselines.html", project=project, view="baselines", baseline=baseline, status_date=status_date,
        form=form,
        rows=baseline_variance(project, baseline, status_date) if baseline else [],
        ev=project_earned_value(project, baseline, status_date) if baseline else None,
    ), status


@bp.get("/baselines")
@project_view(Action.VIEW)
def baselines(project):
    return _baselines_page(project, BaselineForm(formdata=None))


@bp.post("/baselines")
@project_view(Action.EDIT)
def save(project):
    form = BaselineForm()
    outcome = form.validate_on_submit() and submit(form, save_baseline, get_db(), project, form.name.data)
    if outcome:
        flash(_("Baseline saved."), "success")
        return redirect(url_for("schedule.baselines", project_id=project.id, baseline=outcome.result.id))
    return _baselines_page(project, form, status=422)


@bp.post("/baselines/<int:baseline_id>/delete")
@project_view(Action.EDIT)
def delete(project, baseline_id: int):
    baseline = one_of(project.baselines, baseline_id)
    act(ActionForm(), _("Baseline deleted."), delete_baseline, get_db(), project, baseline)
    return redirect(url_for("schedule.baselines", project_id=project.id))


@bp.post("/baselines/<int:baseline_id>/steering")
@project_view(Action.STEERING_BASELINE)
def steer(project, baseline_id: int):
    baseline = one_of(project.baselines, baseline_id)
    act(ActionForm(), _("The steering committee now measures against “%(name)s”.", name=baseline.name),
        set_steering_baseline, get_db(), project, baseline)
    return redirect(url_for("schedule.baselines", project_id=project.id, baseline=baseline.id))


@bp.get("/plan.xml")
@project_view(Action.VIEW)
def mspdi(project):
    return download(project_mspdi(project), f"{file_stem(project)}.xml", "application/xml")


@bp.get("/tasks.csv")
@project_view(Action.VIEW)
def tasks_csv(project):
    return download(project_task_table(project, "csv"), f"{file_stem(project)}-tasks.csv", "text/csv")


@bp.get("/tasks.xlsx")
@project_view(Action.VIEW)
def tasks_xlsx(project):
    return download(project_task_table(project, "xlsx"), f"{file_stem(project)}-tasks.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@bp.get("/network")
@project_view(Action.VIEW)
def network(project):
    # The layout is kept in the shared cache: laying out a big network takes most of the page's time.
    figure = project_network_figure(project, str(get_locale()), cache=cache)
    # A big network is read by panning and zooming: the mouse wheel zooms here.
    return render_template("schedule/chart.html", project=project, chart=chart_html(figure, scrollZoom=True),
                           view="network")


@bp.get("/resources")
@project_view(Action.VIEW)
def resources(project):
    # Without a team every week would be over capacity: the page says what to do instead.
    chart = chart_html(resource_figure(project, str(get_locale()))) if project.team else None
    return render_template("schedule/chart.html", project=project, chart=chart, view="resources")


@bp.get("/monte-carlo")
@project_view(Action.VIEW)
def monte_carlo(project):
    # A GET form: parameters in the query string, the defaults when there are none.
    form = MonteCarloForm(formdata=request.args or None)
    run = job = None
    if form.validate():
        # A big simulation goes to a job worker when there is one; the page shows its progress.
        # From the status date: the work already done is not simulated again.
        params = {**form.simulation(), "status_date": status_date_of(project, date.today())}
        job = simulation_job(project, params)
        if job is None:
            run = run_monte_carlo(project, **params, target=form.target.data, locale=str(get_locale()), cache=cache)
    status = 200 if run else 202 if job else 422
    return render_template(
        "schedule/montecarlo.html", project=project, form=form, run=run, job=job, view="montecarlo",
        histogram=chart_html(run.histogram) if run else None, criticality=chart_html(run.criticality) if run else None,
    ), status
