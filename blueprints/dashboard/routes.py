from datetime import date

from flask import render_template, request
from flask_babel import get_locale

from crm_impl.operations.status import project_dashboard
from crm_impl.tracking.rag import rag_label
from blueprints.access import Action, project_view
from blueprints.dashboard import bp


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    locale = str(get_locale())
    today = request.args.get("date", type=date.fromisoformat) or date.today()
    return render_template(
        "dashboard/index.html", project=project, today=today,
        dashboard=project_dashboard(project, today, locale),
        rag_labels={rag: rag_label(rag, locale) for rag in ("green", "amber", "red", "grey")},
    )
