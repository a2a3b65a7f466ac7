from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _

from crm_impl.operations.risks import add_risk, add_typical_risks, delete_risk, heatmap_points, update_risk
from crm_impl.charts.risks import ZONE_COLORS, risk_heatmap_pair
from crm_impl.tracking.risks import risk_zone
from blueprints.access import Action, one_of, project_view
from blueprints.database import get_db
from blueprints.kit import ActionForm, act, chart_html, render_form, save_edit, submit
from blueprints.risks import bp
from blueprints.risks.forms import STATUSES, RiskForm


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    locale = str(get_locale())
    before, after = heatmap_points(project, locale)
    tasks = {t.key: t for t in project.tasks}
    return render_template(
        "risks/index.html", project=project, chart=chart_html(risk_heatmap_pair(before, after, locale)),
        zone=lambda score: ZONE_COLORS[risk_zone(score)], statuses=dict(STATUSES), tasks=tasks,
    )


@bp.route("/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def new(project):
    form = RiskForm()
    outcome = form.validate_on_submit() and submit(form, add_risk, get_db(), project, form.draft())
    if outcome:
        flash(_("Risk %(key)s added.", key=outcome.result.key), "success")
        return redirect(url_for("risks.index", project_id=project.id))
    return render_form("risks/edit.html", form, outcome, project=project, risk=None)


@bp.route("/<int:risk_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit(project, risk_id: int):
    risk = one_of(project.risks, risk_id)
    form = RiskForm() if request.method == "POST" else RiskForm.of(risk)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: RiskForm.of(risk), update_risk, project, risk, form.expected_version(), form.draft()
    )
    if outcome:
        flash(_("Risk %(key)s saved.", key=risk.key), "success")
        return redirect(url_for("risks.index", project_id=project.id))
    return render_form("risks/edit.html", form, outcome, project=project, risk=risk)


@bp.post("/<int:risk_id>/delete")
@project_view(Action.EDIT)
def delete(project, risk_id: int):
    risk = one_of(project.risks, risk_id)
    act(ActionForm(), _("Risk %(key)s deleted.", key=risk.key), delete_risk, get_db(), project, risk)
    return redirect(url_for("risks.index", project_id=project.id))


@bp.post("/typical")
@project_view(Action.EDIT)
def typical(project):
    act(ActionForm(), lambda added: _("%(n)s typical risks added.", n=len(added)), add_typical_risks, get_db(), project)
    return redirect(url_for("risks.index", project_id=project.id))
