from datetime import date

from flask import render_template, request
from flask_babel import get_locale

from crm_impl.schedule_views import project_gantt_figure, project_network_figure, resource_figure, run_monte_carlo
from blueprints.access import Action, project_view
from blueprints.schedule import bp
from blueprints.schedule.forms import MonteCarloForm


def _chart(figure) -> str:
    # plotly.js is loaded once per page from /assets (offline), not embedded per chart.
    return figure.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False, "responsive": True})


@bp.get("/gantt")
@project_view(Action.VIEW)
def gantt(project):
    figure = project_gantt_figure(project, str(get_locale()), today=date.today())
    return render_template("schedule/chart.html", project=project, chart=_chart(figure), view="gantt")


@bp.get("/network")
@project_view(Action.VIEW)
def network(project):
    figure = project_network_figure(project, str(get_locale()))
    return render_template("schedule/chart.html", project=project, chart=_chart(figure), view="network")


@bp.get("/resources")
@project_view(Action.VIEW)
def resources(project):
    figure = resource_figure(project, str(get_locale()))
    return render_template("schedule/chart.html", project=project, chart=_chart(figure), view="resources")


@bp.get("/monte-carlo")
@project_view(Action.VIEW)
def monte_carlo(project):
    form = MonteCarloForm(request.args)
    if not request.args:
        form = MonteCarloForm()
    run = None
    if form.validate():
        run = run_monte_carlo(
            project,
            iterations=form.iterations.data,
            seed=form.seed.data,
            distribution=form.distribution.data,
            target=form.target.data,
            locale=str(get_locale()),
        )
    status = 200 if run else 422
    return render_template(
        "schedule/montecarlo.html", project=project, form=form, run=run, view="montecarlo",
        histogram=_chart(run.histogram) if run else None, criticality=_chart(run.criticality) if run else None,
    ), status
