import mimetypes

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _
from flask_login import current_user

from crm_impl.charts.vendors import (
    area_radar_figure, contributions_figure, first_probability_figure, group_radar_figure, sensitivity_figure,
)
from crm_impl.errors import NotFoundError, ValidationError
from crm_impl.i18n import is_chinese
from crm_impl.operations.vendors import (
    add_criterion, add_evaluator, add_group, changes_since_closing, delete_group, analyse_selection, delete_criterion,
    delete_stakeholder,
    delete_vendor, evaluator_candidates, node_items, node_preview, readable_sheets, remove_evaluator,
    results_visible, save_comparisons, save_settings, save_sheet, save_vendor, save_weights, set_scoring_closed,
    rename_group, sheet_of, sheet_progress, stakeholders, update_criterion,
)
from crm_impl.vendors.ahp import CR_LIMIT, scale_label
from crm_impl.vendors.catalogue import CRM7_AREAS
from crm_impl.vendors.selection import ROOT
from crm_impl.vendors.sensitivity import nearest_flip, ordered_flips
from blueprints.access import Action, one_of, project_view
from blueprints.database import get_db
from blueprints.kit import ActionForm, act, chart_html, download, form_status, render_form, save_edit, submit
from blueprints.vendors import bp
from blueprints.vendors.forms import (
    CriterionForm, EvaluatorForm, GroupForm, GroupNamesForm, ScoringForm, SettingsForm, comparison_form, sheet_form,
    vendor_form, weights_form,
)


def _selection(project):
    if project.vendor_selection is None:
        abort(404)
    return project.vendor_selection


def _names(selection):
    """Names of groups, criteria and vendors in the reader's language, by key."""
    zh = is_chinese(get_locale())
    pick = (lambda r: r.name_zh if zh and r.name_zh else r.name)
    return {**{x.key: pick(x) for x in selection.groups}, **{x.key: pick(x) for x in selection.criteria},
            **{x.key: pick(x) for x in selection.vendors}}


def _back(project, endpoint="vendors.index", **params):
    return redirect(url_for(endpoint, project_id=project.id, **params))


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    selection = project.vendor_selection
    if selection is None:
        return render_template("vendors/start.html", project=project, form=SettingsForm(formdata=None))
    evaluator_form = EvaluatorForm()
    evaluator_form.user.choices = [(m.user_id, f"{m.user.display_name} ({m.user.email})")
                                   for m in evaluator_candidates(get_db(), project)]
    return render_template("vendors/index.html", project=project, selection=selection, names=_names(selection),
                           progress=sheet_progress(selection), own=sheet_of(selection, current_user),
                           evaluator_form=evaluator_form)


@bp.route("/settings", methods=["GET", "POST"])
@project_view(Action.EDIT)
def settings(project):
    """The selection's settings; saving them the first time starts the selection."""
    selection = project.vendor_selection
    form = SettingsForm() if request.method == "POST" else SettingsForm(formdata=None, obj=selection)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: SettingsForm(formdata=None, obj=project.vendor_selection), save_settings, get_db(), project,
        form.expected_version(), form.draft())
    if outcome:
        flash(_("Selection saved."), "success")
        return _back(project)
    return render_form("vendors/form.html", form, outcome, project=project, title=_("Selection settings"))


# --- vendors ---------------------------------------------------------------------------------------

@bp.route("/vendors/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def vendor_new(project):
    selection = _selection(project)
    form = vendor_form(selection)
    outcome = form.validate_on_submit() and submit(form, save_vendor, get_db(), selection, None, None, form.draft(),
                                                   form.upload())
    if outcome:
        flash(_("Vendor %(name)s added.", name=outcome.result.name), "success")
        return _back(project)
    return render_form("vendors/form.html", form, outcome, project=project, title=_("Add vendor"), upload=True)


@bp.route("/vendors/<int:vendor_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def vendor_edit(project, vendor_id: int):
    selection = _selection(project)
    vendor = one_of(selection.vendors, vendor_id)
    form = vendor_form(selection) if request.method == "POST" else vendor_form(selection, vendor, formdata=False)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: vendor_form(selection, vendor, formdata=False), save_vendor, get_db(), selection, vendor,
        form.expected_version(), form.draft(), form.upload())
    if outcome:
        flash(_("Vendor %(name)s saved.", name=vendor.name), "success")
        return _back(project)
    return render_form("vendors/form.html", form, outcome, project=project, title=vendor.name, upload=True)


@bp.post("/vendors/<int:vendor_id>/delete")
@project_view(Action.EDIT)
def vendor_delete(project, vendor_id: int):
    selection = _selection(project)
    vendor = one_of(selection.vendors, vendor_id)
    act(ActionForm(), _("Vendor %(name)s deleted.", name=vendor.name), delete_vendor, get_db(), selection, vendor)
    return _back(project)


@bp.get("/vendors/<int:vendor_id>/quotation")
@project_view(Action.VIEW)
def quotation(project, vendor_id: int):
    vendor = one_of(_selection(project).vendors, vendor_id)
    if not vendor.quotation_file_name or vendor.quotation_file_data is None:
        abort(404)
    mimetype = mimetypes.guess_type(vendor.quotation_file_name)[0] or "application/octet-stream"
    return download(vendor.quotation_file_data, vendor.quotation_file_name, mimetype)


# --- evaluators and scoring ------------------------------------------------------------------------

@bp.post("/evaluators")
@project_view(Action.EDIT)
def evaluator_add(project):
    selection = _selection(project)
    form = EvaluatorForm()
    form.user.choices = [(m.user_id, m.user.email) for m in evaluator_candidates(get_db(), project)]
    act(form, lambda e: _("%(name)s scores the vendors.", name=e.name), add_evaluator, get_db(), selection,
        form.user.data, form.name.data or "")
    return _back(project)


@bp.post("/evaluators/<int:evaluator_id>/remove")
@project_view(Action.EDIT)
def evaluator_remove(project, evaluator_id: int):
    selection = _selection(project)
    evaluator = one_of(selection.evaluators, evaluator_id)
    act(ActionForm(), _("Sheet of %(name)s removed.", name=evaluator.name), remove_evaluator, get_db(), selection,
        evaluator)
    return _back(project)


@bp.route("/sheet", methods=["GET", "POST"])
@project_view(Action.EVALUATE)
def sheet(project):
    selection = _selection(project)
    evaluator = sheet_of(selection, current_user)
    if evaluator is None:
        if request.method == "POST":
            abort(403, description=_("You were not chosen as an evaluator of this selection."))
        return render_template("vendors/sheet.html", project=project, selection=selection, evaluator=None)
    form = sheet_form(selection, evaluator) if request.method == "POST" else sheet_form(selection, evaluator, False)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: sheet_form(selection, evaluator, False), save_sheet, get_db(), selection, evaluator,
        current_user, form.expected_version(), form.entries())
    if outcome:
        flash(_("Your score sheet was saved."), "success")
        return _back(project, "vendors.sheet")
    return render_form("vendors/sheet.html", form, outcome, project=project, selection=selection,
                       evaluator=evaluator, names=_names(selection))


@bp.get("/sheets")
@project_view(Action.VIEW)
def sheets(project):
    selection = _selection(project)
    return render_template("vendors/sheets.html", project=project, selection=selection, names=_names(selection),
                           sheets=readable_sheets(selection, current_user))


@bp.post("/scoring")
@project_view(Action.CLOSE_SCORING)
def scoring(project):
    selection = _selection(project)
    form = ScoringForm()
    closed = form.closed.data == "1"
    done = (_("Scoring closed: every member now sees all sheets and the results.") if closed
            else _("Scoring reopened: each evaluator sees only their own sheet again."))
    act(form, done, set_scoring_closed, selection, form.expected_version(), closed, current_user.email)
    return _back(project)


# --- criteria and weights --------------------------------------------------------------------------

@bp.get("/criteria")
@project_view(Action.VIEW)
def criteria(project):
    selection = _selection(project)
    return _criteria_page(project, selection, weights_form(selection, formdata=False), 200)


def _criteria_page(project, selection, form, status, group_form=None):
    from crm_impl.vendors.criteria import direct_weights
    from crm_impl.operations.vendors import selection_shape

    try:
        effective = direct_weights(selection_shape(selection).tree)
    except ValidationError:
        effective = None
    return render_template("vendors/criteria.html", project=project, selection=selection, form=form,
                           names=_names(selection), effective=effective, areas=CRM7_AREAS,
                           zh=is_chinese(get_locale()), group_form=group_form or GroupForm(formdata=None)), status


@bp.post("/weights")
@project_view(Action.EDIT)
def weights(project):
    selection = _selection(project)
    form = weights_form(selection)
    outcome = form.validate_on_submit() and submit(form, save_weights, selection, form.expected_version(),
                                                   form.weights())
    if outcome:
        flash(_("Weights saved."), "success")
        return _back(project, "vendors.criteria")
    return _criteria_page(project, selection, form, 409 if getattr(outcome, "stale", False) else 422)


@bp.post("/groups")
@project_view(Action.EDIT)
def group_new(project):
    selection = _selection(project)
    form = GroupForm()
    outcome = form.validate_on_submit() and submit(form, add_group, get_db(), selection, form.draft())
    if outcome:
        flash(_("Group %(key)s added: give it criteria.", key=outcome.result.key), "success")
        return _back(project, "vendors.criteria")
    return _criteria_page(project, selection, weights_form(selection, formdata=False), form_status(form, outcome),
                          group_form=form)


@bp.route("/groups/<int:group_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def group_edit(project, group_id: int):
    selection = _selection(project)
    group = one_of(selection.groups, group_id)
    form = GroupNamesForm() if request.method == "POST" else GroupNamesForm(formdata=None, obj=group)
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: GroupNamesForm(formdata=None, obj=group), rename_group, selection, group,
        form.expected_version(), form.names())
    if outcome:
        flash(_("Group %(key)s saved.", key=group.key), "success")
        return _back(project, "vendors.criteria")
    return render_form("vendors/form.html", form, outcome, project=project,
                       title=_("Rename group %(key)s", key=group.key))


@bp.post("/groups/<int:group_id>/delete")
@project_view(Action.EDIT)
def group_delete(project, group_id: int):
    selection = _selection(project)
    group = one_of(selection.groups, group_id)
    act(ActionForm(), _("Group %(key)s deleted.", key=group.key), delete_group, get_db(), selection, group)
    return _back(project, "vendors.criteria")


@bp.route("/criteria/new", methods=["GET", "POST"])
@project_view(Action.EDIT)
def criterion_new(project):
    selection = _selection(project)
    form = CriterionForm().fill_choices(selection, get_locale())
    outcome = form.validate_on_submit() and submit(form, add_criterion, get_db(), selection, form.draft())
    if outcome:
        flash(_("Criterion %(key)s added.", key=outcome.result.key), "success")
        return _back(project, "vendors.criteria")
    return render_form("vendors/form.html", form, outcome, project=project, title=_("Add criterion"))


@bp.route("/criteria/<int:criterion_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def criterion_edit(project, criterion_id: int):
    selection = _selection(project)
    criterion = one_of(selection.criteria, criterion_id)
    form = (CriterionForm() if request.method == "POST" else CriterionForm.of(criterion)).fill_choices(
        selection, get_locale())
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: CriterionForm.of(criterion).fill_choices(selection, get_locale()), update_criterion, get_db(),
        selection, criterion, form.expected_version(), form.draft())
    if outcome:
        flash(_("Criterion %(key)s saved.", key=criterion.key), "success")
        return _back(project, "vendors.criteria")
    return render_form("vendors/form.html", form, outcome, project=project, title=criterion.name)


@bp.post("/criteria/<int:criterion_id>/delete")
@project_view(Action.EDIT)
def criterion_delete(project, criterion_id: int):
    selection = _selection(project)
    criterion = one_of(selection.criteria, criterion_id)
    act(ActionForm(), _("Criterion %(key)s deleted.", key=criterion.key), delete_criterion, get_db(), selection,
        criterion)
    return _back(project, "vendors.criteria")


# --- AHP -------------------------------------------------------------------------------------------

def _ahp_page(project, selection, node, form, status):
    names = {**_names(selection), ROOT: _("Criteria groups")}
    nodes = [ROOT, *(g.key for g in selection.groups if len(node_items(selection, g.key)) > 1)]
    return render_template("vendors/ahp.html", project=project, selection=selection, node=node, nodes=nodes,
                           items=node_items(selection, node), form=form, names=names, limit=CR_LIMIT,
                           preview=node_preview(selection, node), stakeholders=stakeholders(selection),
                           label=scale_label), status


def _node(selection):
    node = request.args.get("node", ROOT)
    try:
        items = node_items(selection, node)
    except NotFoundError:
        abort(404)
    if len(items) < 2:
        abort(404)
    return node, items


@bp.get("/ahp")
@project_view(Action.VIEW)
def ahp(project):
    selection = _selection(project)
    node, items = _node(selection)
    who = request.args.get("stakeholder", "")
    existing = {(c.item_a, c.item_b): c.value for c in selection.comparisons if c.node == node and c.stakeholder == who}
    return _ahp_page(project, selection, node, comparison_form(items, False, existing, who), 200)


@bp.post("/ahp")
@project_view(Action.EDIT)
def ahp_save(project):
    selection = _selection(project)
    node, items = _node(selection)
    form = comparison_form(items)
    outcome = form.validate_on_submit() and submit(form, save_comparisons, get_db(), selection,
                                                   form.stakeholder.data or "", node, form.values())
    if outcome:
        flash(_("Comparisons of %(name)s saved.", name=form.stakeholder.data), "success")
        return _back(project, "vendors.ahp", node=node, stakeholder=form.stakeholder.data)
    return _ahp_page(project, selection, node, form, 409 if getattr(outcome, "stale", False) else 422)


@bp.post("/ahp/stakeholder/delete")
@project_view(Action.EDIT)
def stakeholder_delete(project):
    selection = _selection(project)
    who = request.form.get("stakeholder", "")
    act(ActionForm(), _("Comparisons of %(name)s deleted.", name=who), delete_stakeholder, get_db(), selection, who)
    return _back(project, "vendors.ahp")


# --- results ---------------------------------------------------------------------------------------

@bp.get("/results")
@project_view(Action.VIEW)
def results(project):
    selection = _selection(project)
    context = dict(project=project, selection=selection, names=_names(selection), limit=CR_LIMIT)
    if not results_visible(selection):
        return render_template("vendors/results.html", analysis=None, progress=sheet_progress(selection), **context)
    locale = str(get_locale())
    try:
        analysis = analyse_selection(selection, locale)
    except ValidationError as error:
        return render_template("vendors/results.html", analysis=None, problem=error.localized(locale), **context)
    g.analysis = analysis
    return render_template("vendors/results.html", analysis=analysis, charts=_charts(selection, analysis, locale),
                           reasons=analysis.reasons(locale), changed=changes_since_closing(get_db(), selection),
                           **context,
                           flips=ordered_flips(analysis.flips),
                           nearest=nearest_flip(analysis.flips))


def _charts(selection, analysis, locale):
    names = _names(selection)
    groups = {grp.key: names[grp.key] for grp in selection.groups}
    index = {v.name: i for i, v in enumerate(analysis.evaluation.vendors)}
    evaluation = analysis.evaluation
    return {
        "areas": chart_html(area_radar_figure(evaluation, locale)),
        "groups": chart_html(group_radar_figure(evaluation, groups, locale)),
        "contributions": chart_html(contributions_figure(evaluation, groups, locale)),
        "sensitivity": chart_html(sensitivity_figure(analysis.flips, names, index, locale)),
        "probability": chart_html(first_probability_figure(analysis.probabilities, index, locale)),
    }
