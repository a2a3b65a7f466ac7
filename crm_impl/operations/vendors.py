"""Vendor selection on stored projects: the tree, weights, vendors with quotations, evaluators,
score sheets, AHP comparisons, closing scoring, and the analysis.

**Who sees which sheet.**  A member with :data:`Action.EVALUATE` chosen as an evaluator scores on
their own sheet.  Until the project manager closes scoring, nobody — the project manager included —
reads or changes another evaluator's sheet (:func:`readable_sheets`, :func:`save_sheet`,
:func:`readable_export`), and the results — which would reveal the others' scores — are not shown;
the sheets' completion is (:func:`sheet_progress`).  After closing, every member
reads every sheet and the results, and nobody changes a sheet (reopening allows it again).

Every edit is validated completely before anything changes: a refused edit saves nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_impl.db.locking import apply_changes, check_version
from crm_impl.errors import NotFoundError, PermissionDeniedError, ValidationError
from crm_impl.i18n import is_chinese
from crm_impl.models import (
    AhpComparison, AuditEvent, CriteriaGroup, Evaluator, Membership, Project, SelectionCriterion, ShortlistedVendor,
    User, VendorScore, VendorSelection,
)
from crm_impl.limits import MAX_FILE_BYTES
from crm_impl.models.vendors import MAX_HORIZON_YEARS, MAX_WEIGHT
from crm_impl.permissions import Action, allowed
from crm_impl.vendors.ahp import NodeResult, comparison_matrix, node_weights
from crm_impl.vendors.catalogue import CRM7_AREAS
from crm_impl.vendors.criteria import SCALES, CriteriaTree, Criterion, Group, Weights, catalogue_tree, direct_weights
from crm_impl.vendors.scoring import Score, Vendor
from crm_impl.vendors.selection import ROOT, WEIGHTINGS, Analysis, Comparison, Quotation, Selection, analyse, weigh

__all__ = [
    "SettingsDraft", "CriterionDraft", "GroupDraft", "GroupNames", "VendorDraft", "VendorCost",
    "start_selection", "update_settings", "save_weights", "add_group", "rename_group", "delete_group", "add_criterion",
    "update_criterion", "delete_criterion", "add_vendor", "update_vendor", "delete_vendor", "attach_quotation",
    "add_evaluator", "remove_evaluator", "evaluator_candidates", "sheet_of", "readable_sheets", "save_sheet",
    "close_scoring", "reopen_scoring", "node_items", "save_comparisons", "delete_stakeholder", "stakeholders",
    "node_preview", "selection_shape", "analyse_selection", "selection_weights", "results_visible", "sheet_progress",
    "vendor_costs", "save_vendor", "save_settings", "set_scoring_closed", "link_evaluators", "readable_export",
    "ChangesSinceClosing", "changes_since_closing",
]

_KEY_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")


def _key(value: str, name: str = "key") -> str:
    key = (value or "").strip()
    if not key:
        raise ValidationError("is required", field=name)
    if len(key) > 40 or not set(key) <= _KEY_CHARS:
        raise ValidationError("use up to 40 letters, digits, '_', '-' or '.'", field=name)
    return key


def _text(value: str, name: str, limit: int, required: bool = False) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError("is required", field=name)
    if len(text) > limit:
        raise ValidationError("is longer than %(limit)s characters", field=name, limit=limit)
    return text


def _number(value: object, name: str, low: float, high: float) -> float:
    if value is None or isinstance(value, bool):
        raise ValidationError("is required", field=name)
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValidationError("must be a number", field=name) from None
    if not math.isfinite(number) or not low <= number <= high:
        raise ValidationError("must be from %(low)s to %(high)s", field=name, low=f"{low:g}", high=f"{high:g}")
    return number


def _scoring_open(selection: VendorSelection) -> None:
    """Sheets, and what they are scored against (criteria, vendors, evaluators), change only while
    scoring is open: after closing, the results must stay those everyone read."""
    if selection.scoring_closed:
        raise ValidationError("scoring is closed: reopen it to change the score sheets")


# --- the selection and its tree -------------------------------------------------------------------

def start_selection(session: Session, project: Project, title: str = "", title_zh: str = "") -> VendorSelection:
    """Create the project's selection, its tree seeded from the methodology catalogue."""
    if project.vendor_selection is not None:
        raise ValidationError("the project has a vendor selection already")
    selection = VendorSelection(project_id=project.id, title=_text(title, "title", 200),
                                title_zh=_text(title_zh, "title_zh", 200))
    tree = catalogue_tree()
    selection.groups = [CriteriaGroup(project_id=project.id, key=g.key, position=i, name=g.name, name_zh=g.name_zh,
                                      weight=g.weight) for i, g in enumerate(tree.groups)]
    selection.criteria = [_criterion_row(project.id, c, i) for i, c in enumerate(tree.criteria)]
    project.vendor_selection = selection
    session.flush()
    return selection


def _criterion_row(project_id: int, c: Criterion, position: int) -> SelectionCriterion:
    return SelectionCriterion(
        project_id=project_id, group_key=c.group, key=c.key, position=position, name=c.name, name_zh=c.name_zh,
        description=c.description, description_zh=c.description_zh, scale=c.scale,
        higher_is_better=c.higher_is_better, knockout=c.knockout, weight=c.weight, from_figures=c.from_figures,
        unit=c.unit, area=c.area,
    )


@dataclass
class SettingsDraft:
    title: str = ""
    title_zh: str = ""
    weighting: str = "direct"
    horizon_years: int = 3
    notes: str = ""

    def fields(self) -> dict:
        if self.weighting not in WEIGHTINGS:
            raise ValidationError("unknown weighting %(weighting)r", field="weighting", weighting=self.weighting)
        return {
            "title": _text(self.title, "title", 200), "title_zh": _text(self.title_zh, "title_zh", 200),
            "weighting": self.weighting,
            "horizon_years": int(_number(self.horizon_years, "horizon_years", 1, MAX_HORIZON_YEARS)),
            "notes": (self.notes or "").strip(),
        }


def update_settings(selection: VendorSelection, expected_version: int | None, draft: SettingsDraft) -> bool:
    return apply_changes(selection, expected_version, draft.fields())


def save_settings(session: Session, project: Project, expected_version: int | None,
                  draft: SettingsDraft) -> VendorSelection:
    """Save the selection's settings; the first save starts the selection (tree seeded from the
    methodology catalogue)."""
    values = draft.fields()
    selection = project.vendor_selection
    if selection is None:
        selection = start_selection(session, project)
        expected_version = selection.version
    apply_changes(selection, expected_version, values)
    session.flush()
    return selection


def _tree(selection: VendorSelection, groups=None, criteria=None) -> CriteriaTree:
    groups = selection.groups if groups is None else groups
    criteria = selection.criteria if criteria is None else criteria
    return CriteriaTree(
        tuple(Group(g.key, g.name, g.name_zh, g.weight) for g in groups),
        tuple(Criterion(c.key, c.name, c.group_key, name_zh=c.name_zh, description=c.description,
                        description_zh=c.description_zh, scale=c.scale, higher_is_better=c.higher_is_better,
                        knockout=c.knockout, weight=c.weight, from_figures=c.from_figures, unit=c.unit, area=c.area)
              for c in criteria),
    )


def save_weights(selection: VendorSelection, expected_version: int | None, weights: Mapping[str, object]) -> None:
    """Set the direct weights (``{group or criterion key: relative weight}``), all or none.

    Refused when the groups' weights, or one group's criteria's weights, sum to zero.
    """
    check_version(selection, expected_version)
    values = {key: _number(value, f"weights.{key}", 0, MAX_WEIGHT) for key, value in weights.items()}
    rows = {g.key: g for g in selection.groups} | {c.key: c for c in selection.criteria}
    for key in values:
        if key not in rows:
            raise ValidationError("unknown criterion %(criterion)r", field=f"weights.{key}", criterion=key)
    tree = _tree(selection)
    trial = CriteriaTree(
        tuple(Group(g.key, g.name, g.name_zh, values.get(g.key, g.weight)) for g in tree.groups),
        tuple(Criterion(**{**c.__dict__, "weight": values.get(c.key, c.weight)}) for c in tree.criteria),
    )
    direct_weights(trial)  # refuses a level whose weights sum to zero
    for key, value in values.items():
        rows[key].weight = value
    _touch(selection)


def _touch(selection: VendorSelection) -> None:
    """Mark the selection changed so a concurrent edit started from its old version is refused."""
    from sqlalchemy.orm.attributes import flag_modified

    flag_modified(selection, "notes")


@dataclass
class GroupDraft:
    key: str
    name: str
    name_zh: str = ""
    weight: float = 1.0


def add_group(session: Session, selection: VendorSelection, draft: GroupDraft) -> CriteriaGroup:
    key = _key(draft.key)
    if key == ROOT or any(g.key == key for g in selection.groups) or any(c.key == key for c in selection.criteria):
        raise ValidationError("group %(group)r is used more than once", field="key", group=key)
    group = CriteriaGroup(project_id=selection.project_id, key=key, position=len(selection.groups),
                          name=_text(draft.name, "name", 200, required=True), name_zh=_text(draft.name_zh, "name_zh", 200),
                          weight=_number(draft.weight, "weight", 0, MAX_WEIGHT))
    selection.groups.append(group)
    _drop_comparisons(session, selection, {ROOT})  # the groups' matrix has a new row: compare again
    session.flush()
    return group


@dataclass
class GroupNames:
    """A group's names, in English and Chinese: what renaming a group changes."""

    name: str
    name_zh: str = ""

    def fields(self) -> dict:
        return {"name": _text(self.name, "name", 200, required=True), "name_zh": _text(self.name_zh, "name_zh", 200)}


def rename_group(selection: VendorSelection, group: CriteriaGroup, expected_version: int | None,
                 names: GroupNames) -> bool:
    """Rename a group (its key, weight, criteria and comparisons stay); refused when someone changed
    the group since the editor opened it.  Allowed after scoring closed: a name changes no result."""
    if group not in selection.groups:
        raise NotFoundError("no such group")
    return apply_changes(group, expected_version, names.fields())


def delete_group(session: Session, selection: VendorSelection, group: CriteriaGroup) -> None:
    if any(c.group_key == group.key for c in selection.criteria):
        raise ValidationError("group %(group)r still has criteria: delete or move them first", group=group.key)
    selection.groups.remove(group)
    session.delete(group)
    _drop_comparisons(session, selection, {group.key, ROOT})


@dataclass
class CriterionDraft:
    key: str
    name: str
    group: str
    name_zh: str = ""
    description: str = ""
    description_zh: str = ""
    scale: int = 5
    higher_is_better: bool = True
    knockout: float | None = None
    weight: float = 1.0
    from_figures: bool = False
    unit: str = ""
    area: str = ""

    def fields(self, selection: VendorSelection, criterion: SelectionCriterion | None = None) -> dict:
        key = _key(self.key)
        if any(c.key == key and c is not criterion for c in selection.criteria) or \
                any(g.key == key for g in selection.groups):
            raise ValidationError("criterion %(criterion)r is used more than once", field="key", criterion=key)
        if self.group not in {g.key for g in selection.groups}:
            raise ValidationError("unknown group %(group)r", field="group", group=self.group)
        if self.scale not in SCALES:
            raise ValidationError("the scale must be 1–5 or 1–10", field="scale")
        if self.area and self.area not in CRM7_AREAS:
            raise ValidationError("unknown CRM-7 area %(area)r", field="area", area=self.area)
        knockout = None if self.knockout is None else _number(self.knockout, "knockout", 1, self.scale)
        return {
            "key": key, "group_key": self.group, "name": _text(self.name, "name", 200, required=True),
            "name_zh": _text(self.name_zh, "name_zh", 200), "description": (self.description or "").strip(),
            "description_zh": (self.description_zh or "").strip(), "scale": int(self.scale),
            "higher_is_better": bool(self.higher_is_better), "knockout": knockout,
            "weight": _number(self.weight, "weight", 0, MAX_WEIGHT), "from_figures": bool(self.from_figures),
            "unit": _text(self.unit, "unit", 20), "area": self.area,
        }


def add_criterion(session: Session, selection: VendorSelection, draft: CriterionDraft) -> SelectionCriterion:
    _scoring_open(selection)
    criterion = SelectionCriterion(project_id=selection.project_id, position=len(selection.criteria),
                                   **draft.fields(selection))
    selection.criteria.append(criterion)
    session.flush()
    _drop_comparisons(session, selection, {criterion.group_key})
    return criterion


def update_criterion(session: Session, selection: VendorSelection, criterion: SelectionCriterion,
                     expected_version: int | None, draft: CriterionDraft) -> bool:
    values = draft.fields(selection, criterion)
    check_version(criterion, expected_version)
    old_key, old_group, old_scale = criterion.key, criterion.group_key, criterion.scale
    if (values["key"], values["group_key"], values["scale"]) != (old_key, old_group, old_scale):
        _scoring_open(selection)
    changed = apply_changes(criterion, expected_version, values)
    if values["key"] != old_key or values["group_key"] != old_group:
        _drop_comparisons(session, selection, {old_group, values["group_key"]})
        for evaluator in selection.evaluators:
            for score in evaluator.scores:
                if score.criterion_key == old_key:
                    score.criterion_key = values["key"]
    if values["scale"] != old_scale:  # scores on the old scale mean something else now
        for evaluator in selection.evaluators:
            for score in [s for s in evaluator.scores if s.criterion_key == values["key"]]:
                evaluator.scores.remove(score)
                session.delete(score)
    return changed


def delete_criterion(session: Session, selection: VendorSelection, criterion: SelectionCriterion) -> None:
    _scoring_open(selection)
    if sum(c.group_key == criterion.group_key for c in selection.criteria) == 1:
        raise ValidationError("group %(group)r has no criteria", group=criterion.group_key)
    for evaluator in selection.evaluators:
        for score in [s for s in evaluator.scores if s.criterion_key == criterion.key]:
            evaluator.scores.remove(score)
            session.delete(score)
    selection.criteria.remove(criterion)
    session.delete(criterion)
    _drop_comparisons(session, selection, {criterion.group_key})


def _drop_comparisons(session: Session, selection: VendorSelection, nodes: set[str]) -> None:
    """The tree changed at ``nodes``: their comparisons no longer describe a complete matrix."""
    for comparison in [c for c in selection.comparisons if c.node in nodes]:
        selection.comparisons.remove(comparison)
        session.delete(comparison)


# --- vendors ---------------------------------------------------------------------------------------

@dataclass
class VendorDraft:
    key: str
    name: str
    name_zh: str = ""
    description: str = ""
    description_zh: str = ""
    licence_cost: float = 0.0
    implementation_cost: float = 0.0
    running_cost_per_year: float = 0.0
    figures: dict[str, float | None] = field(default_factory=dict)

    def fields(self, selection: VendorSelection, vendor: ShortlistedVendor | None = None) -> dict:
        from crm_impl.limits import MAX_AMOUNT

        key = _key(self.key)
        if any(v.key == key and v is not vendor for v in selection.vendors):
            raise ValidationError("vendor %(vendor)r is listed twice", field="key", vendor=key)
        by_key = {c.key: c for c in selection.criteria}
        figures = {}
        for criterion, value in self.figures.items():
            if value is None:
                continue
            if criterion not in by_key or not by_key[criterion].from_figures:
                raise ValidationError("%(criterion)s is not scored from figures", field=f"figures.{criterion}",
                                      criterion=criterion)
            number = _number(value, f"figures.{criterion}", 0, MAX_AMOUNT)
            if number <= 0:
                raise ValidationError("must be a number above 0", field=f"figures.{criterion}")
            figures[criterion] = number
        return {
            "key": key, "name": _text(self.name, "name", 200, required=True),
            "name_zh": _text(self.name_zh, "name_zh", 200), "description": (self.description or "").strip(),
            "description_zh": (self.description_zh or "").strip(),
            "licence_cost": _number(self.licence_cost or 0, "licence_cost", 0, MAX_AMOUNT),
            "implementation_cost": _number(self.implementation_cost or 0, "implementation_cost", 0, MAX_AMOUNT),
            "running_cost_per_year": _number(self.running_cost_per_year or 0, "running_cost_per_year", 0, MAX_AMOUNT),
            "figures": figures,
        }


def add_vendor(session: Session, selection: VendorSelection, draft: VendorDraft) -> ShortlistedVendor:
    vendor = ShortlistedVendor(project_id=selection.project_id, position=len(selection.vendors),
                               **draft.fields(selection))
    selection.vendors.append(vendor)
    session.flush()
    return vendor


def update_vendor(selection: VendorSelection, vendor: ShortlistedVendor, expected_version: int | None,
                  draft: VendorDraft) -> bool:
    values = draft.fields(selection, vendor)
    if values["key"] != vendor.key:
        _scoring_open(selection)
        for evaluator in selection.evaluators:
            for score in evaluator.scores:
                if score.vendor_key == vendor.key:
                    score.vendor_key = values["key"]
    return apply_changes(vendor, expected_version, values)


def delete_vendor(session: Session, selection: VendorSelection, vendor: ShortlistedVendor) -> None:
    _scoring_open(selection)
    for evaluator in selection.evaluators:
        for score in [s for s in evaluator.scores if s.vendor_key == vendor.key]:
            evaluator.scores.remove(score)
            session.delete(score)
    selection.vendors.remove(vendor)
    session.delete(vendor)


def attach_quotation(vendor: ShortlistedVendor, file_name: str, data: bytes) -> None:
    """Keep the vendor's quotation document (replacing an earlier one)."""
    name = _text(file_name.replace("\\", "/").rsplit("/", 1)[-1], "quotation", 255, required=True)
    if not data:
        raise ValidationError("the file is empty", field="quotation")
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError("the file is larger than %(limit)s MB", field="quotation",
                              limit=MAX_FILE_BYTES // (1024 * 1024))
    vendor.quotation_file_name = name
    vendor.quotation_file_data = data


@dataclass(frozen=True)
class VendorCost:
    """What a short-listed vendor quoted, for the business case's TCO and ROI per vendor."""

    key: str
    name: str
    name_zh: str
    licence: float
    implementation: float
    running_per_year: float

    def total(self, years: int) -> float:
        return Quotation(self.licence, self.implementation, self.running_per_year).total(years)


def vendor_costs(project: Project) -> list[VendorCost]:
    """Each short-listed vendor's quoted costs (empty without a selection)."""
    selection = project.vendor_selection
    if selection is None:
        return []
    return [VendorCost(v.key, v.name, v.name_zh, v.licence_cost, v.implementation_cost, v.running_cost_per_year)
            for v in selection.vendors]


# --- evaluators and their sheets -------------------------------------------------------------------

def evaluator_candidates(session: Session, project: Project) -> list[Membership]:
    """The members who may be chosen as evaluators (their role allows :data:`Action.EVALUATE`)."""
    return sorted((m for m in project.memberships if allowed(m.role, Action.EVALUATE)), key=lambda m: m.user.email)


def add_evaluator(session: Session, selection: VendorSelection, user_id: int, name: str = "") -> Evaluator:
    """Choose a project member as an evaluator: a sheet of their own."""
    project = selection.project
    membership = next((m for m in project.memberships if m.user_id == user_id), None)
    if membership is None:
        raise ValidationError("only a member of the project can evaluate", field="user")
    if not allowed(membership.role, Action.EVALUATE):
        raise ValidationError("your role in this project (%(role)s) does not allow this action", field="user",
                              role=membership.role.value)
    if any(e.user_id == user_id for e in selection.evaluators):
        raise ValidationError("%(name)s is an evaluator already", field="user", name=membership.user.email)
    label = _text(name, "name", 120) or membership.user.display_name or membership.user.email
    # A sheet kept under a name (imported from a file) becomes the member's: by e-mail or by the name given.
    unlinked = next((e for e in selection.evaluators if e.user_id is None and (
        (e.email and e.email.lower() == membership.user.email.lower()) or (name.strip() and e.name == label))), None)
    if unlinked is not None:
        unlinked.user_id, unlinked.email = user_id, membership.user.email
        session.flush()
        return unlinked
    if any(e.name == label for e in selection.evaluators):
        raise ValidationError("%(name)s is an evaluator already", field="name", name=label)
    evaluator = Evaluator(project_id=selection.project_id, user_id=user_id, name=label[:120],
                          email=membership.user.email)
    selection.evaluators.append(evaluator)
    session.flush()
    return evaluator


def link_evaluators(project: Project) -> list[Evaluator]:
    """Give each sheet kept under an e-mail (a restored or imported file) to the member with that
    e-mail, where the member may evaluate; returns the sheets linked."""
    selection = project.vendor_selection
    if selection is None:
        return []
    members = {m.user.email.lower(): m for m in project.memberships if allowed(m.role, Action.EVALUATE)}
    taken = {e.user_id for e in selection.evaluators if e.user_id is not None}
    linked = []
    for evaluator in selection.evaluators:
        member = members.get((evaluator.email or "").lower())
        if evaluator.user_id is None and member is not None and member.user.id not in taken:
            evaluator.user = member.user
            taken.add(member.user.id)
            linked.append(evaluator)
    return linked


def remove_evaluator(session: Session, selection: VendorSelection, evaluator: Evaluator) -> None:
    _scoring_open(selection)
    selection.evaluators.remove(evaluator)
    session.delete(evaluator)


def sheet_of(selection: VendorSelection, user: User) -> Evaluator | None:
    """The user's own sheet, if they were chosen as an evaluator."""
    return next((e for e in selection.evaluators if e.user_id == user.id), None)


def readable_sheets(selection: VendorSelection, user: User) -> list[Evaluator]:
    """The sheets ``user`` may read: their own until scoring closes, every one after."""
    if selection.scoring_closed:
        return list(selection.evaluators)
    own = sheet_of(selection, user)
    return [own] if own is not None else []


def save_sheet(session: Session, selection: VendorSelection, evaluator: Evaluator, user: User,
               expected_version: int | None, entries: Mapping[tuple[str, str], tuple[float | None, str]]) -> int:
    """Save an evaluator's sheet: ``{(vendor key, criterion key): (score or None, comment)}``.

    Only the evaluator themselves, only while scoring is open.  A score of ``None`` with no
    comment clears the cell.  Everything is checked before anything changes; returns the
    number of cells that changed.
    """
    if evaluator.user_id != user.id:
        raise PermissionDeniedError("only the evaluator can change their score sheet")
    _scoring_open(selection)
    check_version(evaluator, expected_version)
    vendors = {v.key for v in selection.vendors}
    criteria = {c.key: c for c in selection.criteria}
    cleaned: dict[tuple[str, str], tuple[float | None, str]] = {}
    for (vendor, key), (value, comment) in entries.items():
        where = f"scores.{vendor}.{key}"
        if vendor not in vendors:
            raise ValidationError("unknown vendor %(vendor)r", field=where, vendor=vendor)
        criterion = criteria.get(key)
        if criterion is None:
            raise ValidationError("unknown criterion %(criterion)r", field=where, criterion=key)
        if criterion.from_figures:
            raise ValidationError("%(criterion)s is scored from figures, not by evaluators", field=where,
                                  criterion=key)
        comment = (comment or "").strip()
        if value is None:
            if comment:
                raise ValidationError("a comment needs a score", field=where)
            cleaned[vendor, key] = (None, "")
            continue
        number = _number(value, where, 1, criterion.scale)
        cleaned[vendor, key] = (number, comment)
    existing = {(s.vendor_key, s.criterion_key): s for s in evaluator.scores}
    changed = 0
    for cell, (value, comment) in cleaned.items():
        score = existing.get(cell)
        if value is None:
            if score is not None:
                evaluator.scores.remove(score)
                session.delete(score)
                changed += 1
        elif score is None:
            evaluator.scores.append(VendorScore(project_id=selection.project_id, vendor_key=cell[0],
                                                criterion_key=cell[1], value=value, comment=comment))
            changed += 1
        elif (score.value, score.comment) != (value, comment):
            score.value, score.comment = value, comment
            changed += 1
    if changed:
        from sqlalchemy.orm.attributes import flag_modified

        flag_modified(evaluator, "name")  # the sheet's version moves: an edit from the old one is stale
    session.flush()
    return changed


def sheet_progress(selection: VendorSelection) -> dict[int, tuple[int, int]]:
    """``{evaluator id: (cells scored, cells to score)}`` — what anyone may know before closing."""
    cells = len(selection.vendors) * sum(not c.from_figures for c in selection.criteria)
    keys = {v.key for v in selection.vendors}
    criteria = {c.key for c in selection.criteria if not c.from_figures}
    return {e.id: (sum(s.vendor_key in keys and s.criterion_key in criteria for s in e.scores), cells)
            for e in selection.evaluators}


def close_scoring(selection: VendorSelection, expected_version: int | None, actor: str) -> None:
    check_version(selection, expected_version)
    if selection.scoring_closed:
        raise ValidationError("scoring is closed already")
    selection.scoring_closed = True
    selection.closed_by = actor[:254]
    selection.closed_at = datetime.now(timezone.utc)


def set_scoring_closed(selection: VendorSelection, expected_version: int | None, closed: bool, actor: str) -> None:
    """Close scoring (``closed``) or reopen it: the project manager's one switch."""
    if closed:
        close_scoring(selection, expected_version, actor)
    else:
        reopen_scoring(selection, expected_version)


def reopen_scoring(selection: VendorSelection, expected_version: int | None) -> None:
    check_version(selection, expected_version)
    if not selection.scoring_closed:
        raise ValidationError("scoring is open already")
    selection.scoring_closed = False
    selection.closed_by, selection.closed_at = "", None


def results_visible(selection: VendorSelection) -> bool:
    """The results reveal the sheets: shown once scoring is closed."""
    return selection.scoring_closed


#: The records whose changes move the results once the sheets are in: the tree with its weights
#: and knock-outs, the stakeholders' comparisons, the vendors (their figures score cost and time).
_RESULT_INPUTS = ("CriteriaGroup", "SelectionCriterion", "AhpComparison", "ShortlistedVendor")
#: The selection's own settings that move the results (not the closing itself).
_RESULT_SETTINGS = {"weighting", "horizon_years"}
#: Columns whose change moves no result: names, texts, order, the quotation's file.
_NEUTRAL = {"title", "title_zh", "notes", "name", "name_zh", "description", "description_zh", "unit", "position",
            "quotation_file_name", "quotation_file_data", "version"}


@dataclass(frozen=True)
class ChangesSinceClosing:
    """Edits that moved the results after scoring closed: the ranking read at closing is not the
    one shown now."""

    count: int
    last_at: datetime
    last_by: str


def changes_since_closing(session: Session, selection: VendorSelection) -> ChangesSinceClosing | None:
    """The audit trail's changes to what the results depend on since scoring closed; ``None``
    when scoring is open or nothing changed since."""
    if not selection.scoring_closed or selection.closed_at is None:
        return None
    # To the second: SQLite's trail keeps whole seconds (an edit in the second of closing counts).
    closed = _utc(selection.closed_at).replace(microsecond=0)
    events = session.scalars(
        select(AuditEvent).where(AuditEvent.project_id == selection.project_id,
                                 AuditEvent.entity.in_(_RESULT_INPUTS + ("VendorSelection",)))
        .order_by(AuditEvent.at, AuditEvent.id)).all()
    # With AHP weighting the tree's direct weights are not used: changing them moves nothing.
    neutral = _NEUTRAL | ({"weight"} if selection.weighting == "ahp" else set())
    moved = [event for event in events if _utc(event.at) >= closed and _moves_results(event, neutral)]
    if not moved:
        return None
    return ChangesSinceClosing(len(moved), _utc(moved[-1].at), moved[-1].actor)


def _moves_results(event: AuditEvent, neutral: set[str]) -> bool:
    changed = set(event.changes or {}) if event.action == "update" else None
    if event.entity == "VendorSelection":
        return bool(changed and changed & _RESULT_SETTINGS)
    return changed is None or bool(changed - neutral)


def _utc(moment: datetime) -> datetime:
    # SQLite gives the trail's times back without their zone: they are UTC (the database's now()).
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


# --- AHP comparisons -------------------------------------------------------------------------------

def node_items(selection: VendorSelection, node: str) -> list[str]:
    """The items compared at ``node``: the groups at ``root``, a group's criteria below it."""
    if node == ROOT:
        return [g.key for g in selection.groups]
    if node not in {g.key for g in selection.groups}:
        raise NotFoundError("unknown node %(node)r", node=node)
    return [c.key for c in selection.criteria if c.group_key == node]


def stakeholders(selection: VendorSelection) -> list[str]:
    return sorted({c.stakeholder for c in selection.comparisons})


def save_comparisons(session: Session, selection: VendorSelection, stakeholder: str, node: str,
                     values: Mapping[tuple[str, str], float]) -> NodeResult:
    """Replace ``stakeholder``'s comparisons at ``node`` by ``values`` (every pair of its items).

    The matrix is checked first (scale, reciprocity, completeness); returns its AHP result.
    """
    name = _text(stakeholder, "stakeholder", 120, required=True)
    items = node_items(selection, node)
    if len(items) < 2:
        raise ValidationError("%(node)s has one item: there is nothing to compare", field="node", node=node)
    matrix = comparison_matrix(items, values, "comparisons")
    result = node_weights(node, items, {name: values})
    for comparison in [c for c in selection.comparisons if c.stakeholder == name and c.node == node]:
        selection.comparisons.remove(comparison)
        session.delete(comparison)
    session.flush()
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            selection.comparisons.append(AhpComparison(project_id=selection.project_id, stakeholder=name, node=node,
                                                       item_a=a, item_b=items[j], value=matrix[i][j]))
    _touch(selection)
    session.flush()
    return result


def delete_stakeholder(session: Session, selection: VendorSelection, stakeholder: str) -> None:
    gone = [c for c in selection.comparisons if c.stakeholder == stakeholder]
    if not gone:
        raise NotFoundError("no such stakeholder")
    for comparison in gone:
        selection.comparisons.remove(comparison)
        session.delete(comparison)
    _touch(selection)


def node_preview(selection: VendorSelection, node: str) -> NodeResult | None:
    """The node's AHP result from every stakeholder's comparisons so far (``None``: none yet)."""
    items = node_items(selection, node)
    judgements: dict[str, dict[tuple[str, str], float]] = {}
    for c in selection.comparisons:
        if c.node == node:
            judgements.setdefault(c.stakeholder, {})[c.item_a, c.item_b] = c.value
    if len(items) < 2 or not judgements:
        return None
    return node_weights(node, items, judgements)


# --- analysis --------------------------------------------------------------------------------------

def selection_shape(selection: VendorSelection, locale: object = None) -> Selection:
    """The stored selection as the engine's :class:`~crm_impl.vendors.selection.Selection`
    (names in ``locale``)."""
    zh = is_chinese(locale)
    return Selection(
        tree=_tree(selection),
        vendors=tuple(Vendor(v.key, v.name_zh if zh and v.name_zh else v.name, v.name_zh, dict(v.figures or {}))
                      for v in selection.vendors),
        scores=tuple(Score(e.name, s.vendor_key, s.criterion_key, s.value, s.comment)
                     for e in selection.evaluators for s in e.scores),
        weighting=selection.weighting,  # type: ignore[arg-type]
        comparisons=tuple(Comparison(c.stakeholder, c.node, c.item_a, c.item_b, c.value)
                          for c in selection.comparisons),
        quotations={v.key: Quotation(v.licence_cost, v.implementation_cost, v.running_cost_per_year)
                    for v in selection.vendors},
        horizon_years=selection.horizon_years,
    )


def analyse_selection(selection: VendorSelection, locale: object = None) -> Analysis:
    """The whole analysis (raises :class:`ValidationError` when the selection cannot be scored yet)."""
    return analyse(selection_shape(selection, locale))


def selection_weights(selection: VendorSelection) -> tuple[Weights, list[NodeResult]]:
    """The weights the analysis uses (direct or AHP) and the AHP nodes, needing no score: they
    reveal no sheet, so they may be shown before scoring closes (raises :class:`ValidationError`
    while the AHP comparisons are incomplete)."""
    return weigh(selection_shape(selection))


def save_vendor(session: Session, selection: VendorSelection, vendor: ShortlistedVendor | None,
                expected_version: int | None, draft: VendorDraft,
                quotation: tuple[str, bytes] | None = None) -> ShortlistedVendor:
    """Add (``vendor`` is ``None``) or edit a short-listed vendor, with its quotation file if one
    came along; all checked before anything changes."""
    if quotation is not None and not quotation[1]:
        raise ValidationError("the file is empty", field="quotation")
    if vendor is None:
        vendor = add_vendor(session, selection, draft)
    else:
        update_vendor(selection, vendor, expected_version, draft)
    if quotation is not None:
        attach_quotation(vendor, *quotation)
    session.flush()
    return vendor


def readable_export(document: dict, project: Project, user: User) -> dict:
    """An exported project ``document`` as ``user`` may read it.

    While scoring is open a file must not reveal one evaluator's sheet to anyone else — not to the
    project manager either, whose role closes scoring (and who may be an evaluator too): every
    sheet but the reader's own leaves the file with its scores and comments.  The evaluators stay
    listed, so the file still says who scores.  Closed scoring, or no selection: the document as it
    is.  (An installation backup, :mod:`crm_impl.operations.backup`, keeps every sheet: it is the
    administrator's copy of the database, not a member's read.)
    """
    selection = project.vendor_selection
    section = document.get("vendor_selection")
    if selection is None or not section or selection.scoring_closed:
        return document
    own = sheet_of(selection, user)
    evaluators = [e if own is not None and e["name"] == own.name else {**e, "scores": []}
                  for e in section.get("evaluators", [])]
    return {**document, "vendor_selection": {**section, "evaluators": evaluators}}
