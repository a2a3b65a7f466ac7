import json
import math

from flask import flash, redirect, render_template, request, url_for
from flask_babel import get_locale, gettext as _
from werkzeug.datastructures import MultiDict

from crm_impl.charts.processes import (
    cycle_time_figure,
    fishbone_figure,
    pareto_figure,
    process_comparison_figure,
    scope_quadrant_figure,
    swimlane_figure,
)
from crm_impl.errors import ValidationError
from crm_impl.formats.bpmn import element_id, import_bpmn
from crm_impl.formats.bpmn_layout import layered_lane_layout
from crm_impl.i18n import label
from crm_impl.limits import MAX_BPMN_BYTES
from crm_impl.models import MapKind
from crm_impl.operations.processes import (
    add_candidate,
    add_cause,
    add_fishbone,
    blank_bpmn,
    copy_to_be,
    create_map,
    delete_candidate,
    delete_cause,
    delete_fishbone,
    delete_map,
    fishbone_of,
    map_diff,
    map_metrics,
    ranked_candidates,
    run_simulation,
    selection_weights,
    save_bpmn,
    stored_map,
    update_attributes,
    update_candidate,
    update_cause,
    update_map_settings,
    update_selection,
)
from crm_impl.processes import CHANNELS, METRIC_NAMES, LaneStaff, Scenario, pareto
from crm_impl.processes.simulation import DAY_HOURS_RANGE, DAY_START_RANGE
from blueprints.access import Action, one_of, project_view
from blueprints.database import get_db
from blueprints.extensions import cache
from blueprints.kit import ActionForm, act, chart_html, download, form_messages, render_form, save_edit, submit
from blueprints.paths import asset_dir
from blueprints.processes import bp
from blueprints.processes.forms import (
    BpmnForm,
    CandidateForm,
    CauseForm,
    CopyForm,
    FishboneForm,
    MapSettingsForm,
    NewMapForm,
    SelectionForm,
    SimulationForm,
    UploadForm,
    WeightsForm,
    settings_of,
)
from blueprints.assets import bpmn_js_version
from blueprints.processes.jobs import simulation_job


@bp.context_processor
def _modeler_assets():
    return {"bpmn_js_version": bpmn_js_version()}

PERCENT = frozenset({"value_added_ratio", "automation_share", "success_rate"})


def _templates() -> dict[str, object]:
    """The template library: the methodology's hotel maps and the sample projects' maps."""
    return {path.stem: path for path in sorted((asset_dir("sample_projects") / "processes").glob("*.bpmn"))}


def _as_is_choices(project, exclude=None):
    return [("", "—")] + [(m.id, f"{m.key} · {m.display_name(get_locale())}") for m in project.process_maps
                          if m.kind == MapKind.AS_IS and m is not exclude]


def _new_form(project) -> NewMapForm:
    form = NewMapForm()
    form.as_is.choices = _as_is_choices(project)
    form.source.choices = [("blank", _("A blank map")), ("upload", _("An uploaded BPMN file"))] + [
        (f"template:{stem}", _("Template: %(name)s", name=stem)) for stem in _templates()]
    return form


def _metric_text(name: str, value) -> str:
    if value is None:
        return "—"
    if name in PERCENT:
        return f"{value * 100:,.1f} %"
    if name in ("steps", "handoffs", "decisions", "channel_count"):
        return f"{value:,.0f}"
    return f"{value:,.2f}"


@bp.app_template_filter("process_metric")
def process_metric_filter(value, name: str) -> str:
    return _metric_text(name, value)


def _metric_names():
    locale = str(get_locale())
    return [(name, label(f"metric_{name}", locale)) for name in METRIC_NAMES]


@bp.get("/")
@project_view(Action.VIEW)
def index(project):
    rows = [(m, map_metrics(m)) for m in project.process_maps]
    return render_template("processes/index.html", project=project, rows=rows, form=_new_form(project),
                           names=_metric_names())


@bp.post("/new")
@project_view(Action.EDIT)
def new(project):
    form = _new_form(project)
    outcome = False
    if form.validate_on_submit():
        data = _source_bytes(form)
        if data is not None:
            as_is = next((m for m in project.process_maps if m.id == form.as_is.data), None)
            outcome = submit(form, lambda: create_map(
                get_db(), project, key=form.key.data, data=data, kind=form.kind.data, process=form.process_key.data or "",
                as_is=as_is, cases_per_year=form.cases_per_year.data, benefit=form.benefit.data or ""))
    if outcome:
        flash(_("Map %(key)s added.", key=outcome.result.key), "success")
        return redirect(url_for("processes.view", project_id=project.id, map_id=outcome.result.id))
    rows = [(m, map_metrics(m)) for m in project.process_maps]
    return render_form("processes/index.html", form, outcome, project=project, rows=rows, names=_metric_names())


def _source_bytes(form: NewMapForm) -> bytes | None:
    source = form.source.data or "blank"
    if source == "blank":
        return blank_bpmn(form.key.data.strip() or "map", form.key.data.strip())
    if source == "upload":
        if not form.file.data:
            form.file.errors = [*form.file.errors, _("Choose a BPMN file to upload.")]
            return None
        return form.file.data.read()
    path = _templates().get(source.removeprefix("template:"))
    if not source.startswith("template:") or path is None:
        form.source.errors = [*form.source.errors, _("Choose one of the listed starting points.")]
        return None
    return path.read_bytes()


def _diff_markers(record, diff) -> dict:
    """Element ids to colour on the to-be diagram: added, changed (nodes and flows); removed names."""
    if diff is None:
        return {}
    pm = stored_map(record)
    flows = {f.key: f.flow_id for f in pm.flows}
    before = stored_map(record.as_is)
    locale = get_locale()
    return {
        "added": [element_id(n) for n in diff.added_nodes] + [flows[k] for k in diff.added_flows if k in flows],
        "changed": [element_id(c.id) for c in diff.changed_nodes] + [flows[c.source, c.target]
                                                                     for c in diff.changed_flows],
        "removed": [before.node(n).display_name(locale) for n in diff.removed_nodes],
    }


def _map_page(project, record, status: int = 200, bpmn_form=None, attributes_errors=None, upload_form=None,
              settings_form=None, draft: str | None = None):
    pm = stored_map(record)
    metrics = map_metrics(record)
    diff = map_diff(record)
    settings = settings_form or settings_of(record)
    settings.as_is.choices = _as_is_choices(project, exclude=record)
    locale = str(get_locale())
    markers = _diff_markers(record, diff)
    gateways = [(f, pm.node(f.source)) for f in pm.flows if pm.node(f.source).kind == "exclusive"
                and len(pm.outgoing(f.source)) > 1]
    return render_template(
        "processes/map.html", project=project, record=record, pm=pm, metrics=metrics, diff=diff,
        names=_metric_names(), bpmn_form=bpmn_form or BpmnForm(formdata=None, version=record.version),
        upload_form=upload_form or UploadForm(formdata=None, version=record.version), settings=settings,
        copy_form=CopyForm(formdata=None), attributes_errors=attributes_errors or [], gateways=gateways,
        channels=CHANNELS, markers=json.dumps(markers, ensure_ascii=False), removed_names=markers.get("removed", []),
        comparison=chart_html(process_comparison_figure(diff.before, diff.after, locale=locale)) if diff else None,
        swimlane=chart_html(swimlane_figure(pm, import_bpmn(record.bpmn).layout or layered_lane_layout(pm), diff=diff,
                                            metrics=metrics, locale=locale)),
        locale=locale, action_form=ActionForm(formdata=None, version=record.version), draft=draft,
    ), status


@bp.get("/<int:map_id>")
@project_view(Action.VIEW)
def view(project, map_id: int):
    return _map_page(project, one_of(project.process_maps, map_id))


@bp.get("/<int:map_id>/bpmn")
@project_view(Action.VIEW)
def bpmn(project, map_id: int):
    """The map's BPMN XML (the modeler loads it; ``?download`` saves it as a file)."""
    record = one_of(project.process_maps, map_id)
    if "download" in request.args:
        return download(record.bpmn, f"{record.key}.bpmn", "application/xml")
    # As text: an uploaded file is never rendered as a document of this origin (XHTML inside XML).
    return record.bpmn, 200, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store"}


@bp.post("/<int:map_id>/bpmn")
@project_view(Action.EDIT)
def save(project, map_id: int):
    """The modeler's Save: the whole XML, parsed and checked; every problem named, nothing saved,
    and the drawing opened again in the modeler as it was posted (so nothing drawn is lost)."""
    record = one_of(project.process_maps, map_id)
    form = BpmnForm()
    data = form.data_bytes()
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: BpmnForm(formdata=None, version=record.version), save_bpmn, project, record,
        form.expected_version(), data)
    if outcome:
        _flash_saved(record, outcome.result)
        return redirect(url_for("processes.view", project_id=project.id, map_id=record.id))
    return _map_page(project, record, outcome.status if outcome is not False else 422, bpmn_form=form,
                     draft=_draft(data))


def _draft(data: bytes) -> str | None:
    """The refused drawing as text for the modeler to open again (``None``: nothing to show)."""
    if not data or len(data) > MAX_BPMN_BYTES:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _flash_saved(record, result) -> None:
    flash(_("Map %(key)s saved.", key=record.key), "success")
    if result.skipped:
        flash(_("Not modelled, kept in the file: %(items)s",
                items=", ".join(f"{s.element} {s.name or s.id}" for s in result.skipped[:20])), "warning")
    pm = result.process
    decisions = list(dict.fromkeys(f.source for f in pm.flows if f.assumed))
    if decisions:
        flash(_("Probabilities assumed (equal shares) for the flows leaving %(decisions)s: set them in the table "
                "below the diagram.", decisions=", ".join(pm.node(d).display_name(get_locale()) for d in decisions)),
              "warning")


@bp.post("/<int:map_id>/upload")
@project_view(Action.EDIT)
def upload(project, map_id: int):
    """Replace the map by a BPMN file (from Camunda Modeler, bpmn.io, Bizagi...)."""
    record = one_of(project.process_maps, map_id)
    form = UploadForm()
    outcome = form.validate_on_submit() and submit(form, save_bpmn, project, record, form.expected_version(),
                                                   form.file.data.read())
    if outcome:
        _flash_saved(record, outcome.result)
        return redirect(url_for("processes.view", project_id=project.id, map_id=record.id))
    return _map_page(project, record, outcome.status if outcome is not False else 422, upload_form=form)


def _cell_number(data, prefix: str, name: str, node_id: str) -> float:
    text = (data.get(prefix + name) or "").strip().replace(",", "")
    try:
        value = float(text)
    except ValueError:
        raise ValidationError("must be a number", field=f"nodes[{node_id}].{name}") from None
    if not math.isfinite(value):
        raise ValidationError("must be a number", field=f"nodes[{node_id}].{name}")
    return value


def _attribute_edits(pm, data):
    """The attribute table's cells as ``(nodes, probabilities)``; ``ValidationError`` names a cell.

    Tasks give their times, cost, flags and channel; start events their share of the cases (empty:
    equal shares), end events whether they are a success, intermediate events (a timer) their
    waiting time."""
    nodes, probabilities = {}, {}
    for index, node in enumerate(pm.nodes):
        prefix = f"n{index}-"
        if data.get(f"{prefix}id") != node.id:
            continue
        if node.kind == "task":
            values = {name: _cell_number(data, prefix, name, node.id)
                      for name in ("working_time", "waiting_time", "cost")}
            values["value_adding"] = data.get(prefix + "value_adding") == "y"
            values["automated"] = data.get(prefix + "automated") == "y"
            values["channel"] = data.get(prefix + "channel", "")
        elif node.kind == "start":
            text = (data.get(prefix + "share") or "").strip()
            values = {"share": _cell_number(data, prefix, "share", node.id) if text else None}
        elif node.kind == "end":
            values = {"success": data.get(prefix + "success") == "y"}
        elif node.kind == "intermediate":
            values = {"waiting_time": _cell_number(data, prefix, "waiting_time", node.id)}
        else:
            continue
        nodes[node.id] = values
    for index, flow in enumerate(pm.flows):
        key = f"f{index}-probability"
        if key in data and data.get(f"f{index}-id") == f"{flow.source}→{flow.target}":
            text = data.get(key, "").strip()
            try:
                probabilities[flow.key] = None if not text else float(text)
            except ValueError:
                raise ValidationError("must be a number", field=f"flows[{flow.source}→{flow.target}].probability") \
                    from None
    return nodes, probabilities


@bp.post("/<int:map_id>/attributes")
@project_view(Action.EDIT)
def attributes(project, map_id: int):
    """The table beside the diagram: times, cost, flags and channel of each task, the share of each
    start event, the success flag of each end event, the waiting time of each intermediate event,
    the probability of each flow leaving a decision; written into the map's BPMN."""
    record = one_of(project.process_maps, map_id)
    form = ActionForm()
    outcome = False
    if form.validate_on_submit():
        pm = stored_map(record)

        def apply():
            nodes, probabilities = _attribute_edits(pm, request.form)
            return update_attributes(project, record, form.expected_version(), nodes, probabilities)

        outcome = submit(form, apply)
    if outcome:
        flash(_("Attributes of %(key)s saved.", key=record.key) if outcome.result else _("Nothing changed."),
              "success")
        return redirect(url_for("processes.view", project_id=project.id, map_id=record.id))
    return _map_page(project, record, outcome.status if outcome is not False else 422,
                     attributes_errors=form_messages(form))


@bp.post("/<int:map_id>/settings")
@project_view(Action.EDIT)
def settings(project, map_id: int):
    record = one_of(project.process_maps, map_id)
    form = MapSettingsForm()
    form.as_is.choices = _as_is_choices(project, exclude=record)
    outcome = False
    if form.validate_on_submit():
        as_is = next((m for m in project.process_maps if m.id == form.as_is.data), None)
        if form.as_is.data is not None and as_is is None:
            form.as_is.errors = [*form.as_is.errors, _("Choose an as-is map of this project.")]
        else:
            outcome = save_edit(form, lambda: settings_of(record), update_map_settings,
                                project, record, form.expected_version(), key=form.key.data,
                                process=form.process_key.data or "", as_is=as_is,
                                cases_per_year=form.cases_per_year.data, benefit=form.benefit.data or "")
    if outcome:
        flash(_("Map %(key)s saved.", key=record.key), "success")
        return redirect(url_for("processes.view", project_id=project.id, map_id=record.id))
    return _map_page(project, record, outcome.status if outcome is not False else 422, settings_form=form)


@bp.post("/<int:map_id>/copy")
@project_view(Action.EDIT)
def copy(project, map_id: int):
    """Start the to-be map of an as-is map."""
    record = one_of(project.process_maps, map_id)
    form = CopyForm()
    outcome = act(form, lambda m: _("To-be map %(key)s started from %(from)s.", key=m.key, **{"from": record.key}),
                  copy_to_be, get_db(), project, record, form.key.data or "")
    if outcome:
        return redirect(url_for("processes.view", project_id=project.id, map_id=outcome.result.id))
    return redirect(url_for("processes.view", project_id=project.id, map_id=record.id))


@bp.post("/<int:map_id>/delete")
@project_view(Action.EDIT)
def delete(project, map_id: int):
    record = one_of(project.process_maps, map_id)
    act(ActionForm(), _("Map %(key)s deleted.", key=record.key), delete_map, get_db(), project, record)
    return redirect(url_for("processes.index", project_id=project.id))


# ------------------------------------------------------------------ what-if simulation


#: The per-lane fields of the simulation form: its people, and its own working day (empty: the
#: scenario's day) — ``(parameter prefix, lowest, highest)``.
LANE_HOURS = {"day_start": ("ds", *DAY_START_RANGE), "day_hours": ("dh", *DAY_HOURS_RANGE)}


def _lane_number(form: SimulationForm, name: str, low: float, high: float, text: str, lane_name: str) -> float | None:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not low <= value <= high:
        form.form_errors.append(_("%(field)s in lane %(lane)s: give a number from %(low)s to %(high)s.",
                                  field=form[name].label.text, lane=lane_name, low=f"{low:g}", high=f"{high:g}"))
        return None
    return value


def _staff(form: SimulationForm, pm, index: int) -> dict:
    """Each lane's people and working day from the query: ``p<map>-<lane>`` people, ``ds``/``dh``
    its own day start and hours (empty: the scenario's day for every lane)."""
    staff = {}
    for number, lane in enumerate(pm.lanes):
        lane_name = lane.display_name(get_locale())
        day = {"day_start": form.day_start.data, "day_hours": form.day_hours.data}
        own = False
        for name, (prefix, low, high) in LANE_HOURS.items():
            text = (request.args.get(f"{prefix}{index}-{number}") or "").strip()
            if text:
                own = True
                value = _lane_number(form, name, low, high, text, lane_name)
                day[name] = value if value is not None else day[name]
        text = (request.args.get(f"p{index}-{number}") or "").strip()
        if not text:
            if own:
                form.form_errors.append(_("Lane %(lane)s: give its people to set its own working hours.",
                                          lane=lane_name))
            continue
        try:
            people = int(text)
        except ValueError:
            form.form_errors.append(_("People in lane %(lane)s: give a whole number.", lane=lane_name))
            continue
        staff[lane.key] = LaneStaff(people, day["day_start"], day["day_hours"])
    return staff


@bp.get("/<int:map_id>/simulate")
@project_view(Action.VIEW)
def simulate(project, map_id: int):
    """What-if: the map and its counterpart (as-is ↔ to-be) simulated with the same scenario."""
    record = one_of(project.process_maps, map_id)
    other = record.as_is if record.kind == MapKind.TO_BE else (record.to_be_maps[0] if record.to_be_maps else None)
    pair = [m for m in ((other, record) if record.kind == MapKind.TO_BE else (record, other)) if m is not None]
    form = SimulationForm(formdata=request.args or None)
    runs, job, status = [], None, 200
    if request.args:
        valid = form.validate()
        scenarios = []
        for index, m in enumerate(pair):
            staff = _staff(form, stored_map(m), index)
            if valid:
                scenarios.append((m, Scenario(form.arrival_rate.data, form.cases.data, staff, form.variability.data,
                                              form.poisson.data, form.seed.data)))
        if valid and not form.form_errors:
            try:
                job = simulation_job(project, scenarios)
                if job is None:
                    runs = [(m, run_simulation(m, scenario, cache)) for m, scenario in scenarios]
            except ValidationError as error:
                form.form_errors.append(error.localized(get_locale()))
        status = 202 if job else 200 if runs else 422
    locale = str(get_locale())
    chart = chart_html(cycle_time_figure([(m.display_name(locale), r) for m, r in runs], locale=locale)) if runs else None
    return render_template("processes/simulate.html", project=project, record=record, pair=pair, form=form,
                           runs=runs, job=job, chart=chart, lanes=[stored_map(m).lanes for m in pair]), status


# ------------------------------------------------------------------ root causes


@bp.get("/fishbones")
@project_view(Action.VIEW)
def fishbones(project):
    return _fishbones_page(project)


def _fishbones_page(project, form=None, cause_forms=None, outcome=None, edit_errors=None):
    locale = str(get_locale())
    diagrams = []
    for record in project.fishbones:
        if record.causes:
            engine = fishbone_of(record)
            result = pareto(engine)
            diagrams.append((record, result, chart_html(fishbone_figure(engine, locale=locale)),
                             chart_html(pareto_figure(result, locale=locale))))
        else:
            diagrams.append((record, None, None, None))
    page = render_template("processes/fishbones.html", project=project, diagrams=diagrams,
                           form=form or FishboneForm(formdata=None),
                           cause_forms=cause_forms or {}, blank_cause=CauseForm(formdata=None),
                           edit_errors=edit_errors or {})
    status = 200 if outcome is None else outcome.status if outcome is not False else 422
    return page, status


@bp.post("/fishbones/new")
@project_view(Action.EDIT)
def new_fishbone(project):
    form = FishboneForm()
    outcome = form.validate_on_submit() and submit(form, add_fishbone, get_db(), project, form.key.data,
                                                   form.problem.data, form.problem_zh.data or "")
    if outcome:
        flash(_("Fishbone %(key)s added.", key=outcome.result.key), "success")
        return redirect(url_for("processes.fishbones", project_id=project.id))
    return _fishbones_page(project, form=form, outcome=outcome)


@bp.post("/fishbones/<int:fishbone_id>/delete")
@project_view(Action.EDIT)
def delete_fishbone_view(project, fishbone_id: int):
    record = one_of(project.fishbones, fishbone_id)
    act(ActionForm(), _("Fishbone %(key)s deleted.", key=record.key), delete_fishbone, get_db(), project, record)
    return redirect(url_for("processes.fishbones", project_id=project.id))


@bp.post("/fishbones/<int:fishbone_id>/causes")
@project_view(Action.EDIT)
def new_cause(project, fishbone_id: int):
    record = one_of(project.fishbones, fishbone_id)
    form = CauseForm()
    outcome = form.validate_on_submit() and submit(form, add_cause, get_db(), record, form.draft())
    if outcome:
        flash(_("Cause added."), "success")
        return redirect(url_for("processes.fishbones", project_id=project.id))
    return _fishbones_page(project, cause_forms={record.id: form}, outcome=outcome)


@bp.post("/fishbones/<int:fishbone_id>/causes/<int:cause_id>")
@project_view(Action.EDIT)
def edit_cause(project, fishbone_id: int, cause_id: int):
    record = one_of(project.fishbones, fishbone_id)
    cause = one_of(record.causes, cause_id)
    form = CauseForm()
    outcome = form.validate_on_submit() and save_edit(form, lambda: CauseForm(formdata=None, obj=cause), update_cause,
                                                      record, cause, form.expected_version(), form.draft())
    if outcome:
        flash(_("Cause saved."), "success")
        return redirect(url_for("processes.fishbones", project_id=project.id))
    return _fishbones_page(project, outcome=outcome, edit_errors={record.id: form_messages(form)})


@bp.post("/fishbones/<int:fishbone_id>/causes/<int:cause_id>/delete")
@project_view(Action.EDIT)
def delete_cause_view(project, fishbone_id: int, cause_id: int):
    record = one_of(project.fishbones, fishbone_id)
    cause = one_of(record.causes, cause_id)
    act(ActionForm(), _("Cause deleted."), delete_cause, get_db(), record, cause)
    return redirect(url_for("processes.fishbones", project_id=project.id))


# ------------------------------------------------------------------ selection


def _preview_weights(project) -> WeightsForm:
    """The weights of the query string (a ranking to look at, not saved), each missing one the stored one."""
    weights, method = selection_weights(project)
    stored = {"importance": weights.importance, "gap": weights.gap, "feasibility": weights.feasibility,
              "method": method}
    return WeightsForm(formdata=MultiDict({**{k: str(v) for k, v in stored.items()}, **request.args.to_dict()}))


def _candidates_page(project, form=None, outcome=None, selection_form=None):
    """The ranked candidates: with the stored weights, or those of the query string (not saved);
    ``selection_form`` is a refused save of the weights, shown with its errors."""
    record = project.process_selection
    weights = selection_form or (_preview_weights(project) if request.args else SelectionForm.of(project))
    ranked, chart, status = [], None, 200
    if selection_form is not None or not request.args or weights.validate():
        previewed = bool(request.args) and selection_form is None
        try:
            ranked = ranked_candidates(project, weights.weights() if previewed else None,
                                       weights.method.data if previewed else None)
        except ValidationError as error:
            weights.form_errors.append(error.localized(get_locale()))
            status = 422
    else:
        status = 422
    if ranked:
        chart = chart_html(scope_quadrant_figure(ranked, locale=str(get_locale())))
    if outcome is not None:
        status = outcome.status if outcome is not False else 422
    version = selection_form.version.data if selection_form is not None else record.version if record else ""
    return render_template("processes/candidates.html", project=project, ranked=ranked, chart=chart,
                           weights=weights, selection_version=version, previewed=bool(request.args),
                           form=form or CandidateForm(formdata=None),
                           maps={m.process for m in project.process_maps}), status


@bp.post("/candidates/weights")
@project_view(Action.EDIT)
def save_weights(project):
    """Store the weights and the scoring method the project ranks its candidates with."""
    form = SelectionForm()
    outcome = form.validate_on_submit() and save_edit(
        form, lambda: SelectionForm.of(project), update_selection, get_db(), project, form.expected_version(),
        form.weights(), form.method.data)
    if outcome:
        flash(_("Selection weights saved.") if outcome.result else _("Nothing changed."), "success")
        return redirect(url_for("processes.candidates", project_id=project.id))
    return _candidates_page(project, outcome=outcome, selection_form=form)


@bp.get("/candidates")
@project_view(Action.VIEW)
def candidates(project):
    return _candidates_page(project)


@bp.post("/candidates/new")
@project_view(Action.EDIT)
def new_candidate(project):
    form = CandidateForm()
    outcome = form.validate_on_submit() and submit(form, add_candidate, get_db(), project, form.draft())
    if outcome:
        flash(_("Candidate %(key)s added.", key=outcome.result.key), "success")
        return redirect(url_for("processes.candidates", project_id=project.id))
    return _candidates_page(project, form=form, outcome=outcome)


@bp.route("/candidates/<int:candidate_id>/edit", methods=["GET", "POST"])
@project_view(Action.EDIT)
def edit_candidate(project, candidate_id: int):
    record = one_of(project.process_candidates, candidate_id)
    form = CandidateForm() if request.method == "POST" else CandidateForm.of(record)
    outcome = form.validate_on_submit() and save_edit(form, lambda: CandidateForm.of(record), update_candidate,
                                                      project, record, form.expected_version(), form.draft())
    if outcome:
        flash(_("Candidate %(key)s saved.", key=record.key), "success")
        return redirect(url_for("processes.candidates", project_id=project.id))
    return render_form("processes/candidate_edit.html", form, outcome, project=project, candidate=record)


@bp.post("/candidates/<int:candidate_id>/delete")
@project_view(Action.EDIT)
def delete_candidate_view(project, candidate_id: int):
    record = one_of(project.process_candidates, candidate_id)
    act(ActionForm(), _("Candidate %(key)s deleted.", key=record.key), delete_candidate, get_db(), project, record)
    return redirect(url_for("processes.candidates", project_id=project.id))

