from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _

from crm_impl.operations.risks import add_risk, add_typical_risks, delete_risk, heatmap_points, update_risk
from crm_impl.charts.risks import ZONE_COLORS, risk_heatmap_pair
from crm_impl.tracking.risks import risk_zone
from blueprints.access import Action, one_of, project_view
from blueprints.database import get_db
from blueprints.forms import is_stale, refreshed, render_form, submit
from blueprints.projects.forms import ActionForm
from blueprints.risks import bp
from blueprints.risks.forms import STATUSES, RiskForm


def _chart(figure) -> str:
    # plotly.js is loaded once per page from /assets (offline), not embedded per chart.
    return figure.to_html(full_html=False, include_plotlyjs=False, config={"displaylogo": False, "responsive": True})


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    locale = str(get_locale())
    before, after = heatmap_points(project, locale)
    tasks = {t.key: t for t in project.tasks}
    return render_template(
        "risks/index.html", project=project, chart=_chart(risk_heatmap_pair(before, after, locale)),
        zone=lambda score: ZONE_COLORS[risk_zone(score)], statuses=dict(STATUSES), tasks=tasks,
        zh=locale.startswith("zh"),
    )


@bp.route("/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def new(project):
    form = RiskForm()
    if form.validate_on_submit() and submit(form, add_risk, get_db(), project, form.draft()):
        flash(_("Risk %(key)s added.", key=form.result.key), "success")
        return redirect(url_for("risks.index", project_id=project.id))
    return render_form("risks/edit.html", form, project=project, risk=None)


@bp.route("/<int:risk_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit(project, risk_id: int):
    risk = one_of(project.risks, risk_id)
    form = RiskForm() if request.method == "POST" else RiskForm.of(risk)
    if form.validate_on_submit():
        if submit(form, update_risk, project, risk, form.expected_version(), form.draft()):
            flash(_("Risk %(key)s saved.", key=risk.key), "success")
            return redirect(url_for("risks.index", project_id=project.id))
        if is_stale(form):
            form = refreshed(form, RiskForm.of(risk))
    return render_form("risks/edit.html", form, project=project, risk=risk)


@bp.post("/<int:risk_id>/delete")
@project_view(Action.EDIT)
def delete(project, risk_id: int):
    risk = one_of(project.risks, risk_id)
    if ActionForm().validate_on_submit():
        key = risk.key
        delete_risk(get_db(), project, risk)
        get_db().commit()
        flash(_("Risk %(key)s deleted.", key=key), "success")
    return redirect(url_for("risks.index", project_id=project.id))


@bp.post("/typical")
@project_view(Action.EDIT)
def typical(project):
    if ActionForm().validate_on_submit():
        added = add_typical_risks(get_db(), project)
        get_db().commit()
        flash(_("%(n)s typical risks added.", n=len(added)), "success")
    return redirect(url_for("risks.index", project_id=project.id))
