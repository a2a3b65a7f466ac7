"""Forms every blueprint shares: the base form, a versioned edit form, a button form, choices.

Every form of the app derives from :class:`Form`, which refuses text no column can store (NUL,
lone surrogates) and text longer than :data:`crm_impl.limits.MAX_TEXT` in any field, so a view
never sends such a value to the domain.  A form that names the ``model`` it edits gets, on each
field named like a column, that column's limits (:func:`fits`): lengths, ranges and dates are
written once, in the model.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import Date, Float, Integer, String
from wtforms import HiddenField, SelectChoice, SelectMultipleField
from wtforms.fields.core import UnboundField
from wtforms.validators import Length, NumberRange, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from crm_impl.limits import EARLIEST_DATE, LATEST_DATE, MAX_TEXT, unstorable_character
from crm_impl.models.base import column_of, value_range

__all__ = ["Form", "VersionedForm", "ActionForm", "MultiCheckboxField", "choices", "role_choices", "phase_choices",
           "fits"]


def choices(pairs: Iterable[tuple[object, object]]) -> list[SelectChoice]:
    """Options of a select field from ``(value, label)`` pairs."""
    return [SelectChoice(value, label) for value, label in pairs]


def role_choices() -> list[tuple[str, str]]:
    """The methodology roles as select options: the name in the reader's language, the id as a hint."""
    from crm_impl.methodology import roles

    locale = str(get_locale())
    return [(r.id, f"{r.label(locale)} ({r.id})") for r in roles()]


def phase_choices(project) -> list[tuple[str, str]]:
    """The project's phases as select options, named in the reader's language."""
    from crm_impl.i18n import is_chinese

    zh = is_chinese(get_locale())
    return [(p.key, f"{p.key} · {(p.name_zh if zh and p.name_zh else p.name)}") for p in project.phases]


class WithinDates:
    """A date between :data:`~crm_impl.limits.EARLIEST_DATE` and :data:`~crm_impl.limits.LATEST_DATE`."""

    field_flags = {"min": EARLIEST_DATE.isoformat(), "max": LATEST_DATE.isoformat()}

    def __call__(self, form, field) -> None:
        if field.data is not None and not EARLIEST_DATE <= field.data <= LATEST_DATE:
            raise ValidationError(_l("Give a date from %(first)s to %(last)s.", first=EARLIEST_DATE.isoformat(),
                                     last=LATEST_DATE.isoformat()))


class _OptionalRange(NumberRange):
    """The range of a column that may be empty: no value passes."""

    def __call__(self, form, field) -> None:
        if field.data is not None:
            super().__call__(form, field)


def fits(column) -> list:
    """The validators a model column asks of a form field (``fits(Task.name)``): its length, its
    range of numbers or of dates.  The limits come from the model."""
    table_column = column_of(column)
    kind = table_column.type
    if isinstance(kind, String) and kind.length:
        return [Length(max=kind.length)]
    if isinstance(kind, Integer | Float):
        low, high = value_range(column)  # type: ignore[misc]
        return [(_OptionalRange if table_column.nullable else NumberRange)(min=low, max=high)]
    if isinstance(kind, Date):
        return [WithinDates()]
    return []


def _add_validators(field: UnboundField, extra: list) -> None:
    if len(field.args) > 1:  # StringField(label, [validators])
        field.args = (field.args[0], [*field.args[1], *extra], *field.args[2:])
    else:
        field.kwargs["validators"] = [*field.kwargs.get("validators", ()), *extra]


class Form(FlaskForm):
    """The base of every form: text fields hold only what can be stored."""

    #: The model the form edits: each field named like one of its columns gets that column's limits.
    model: ClassVar[type | None] = None
    #: Fields named otherwise than their column: ``{"phase_key": Phase.key}``.
    columns: ClassVar[dict[str, Any]] = {}

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        table = cls.model.__table__.columns if cls.model is not None else {}
        for name, field in list(vars(cls).items()):
            column = cls.columns.get(name) if name in cls.columns else table.get(name)
            if isinstance(field, UnboundField) and column is not None:
                _add_validators(field, fits(column))

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for field in self:
            data = field.data
            texts = [data] if isinstance(data, str) else [d for d in data if isinstance(d, str)] \
                if isinstance(data, list) else []
            for text in texts:
                bad = unstorable_character(text)
                if bad:
                    field.errors = [*field.errors, _l("contains a character that cannot be stored (%(character)s)",
                                                      character=bad)]
                    valid = False
                elif len(text) > MAX_TEXT:
                    field.errors = [*field.errors, _l("is longer than %(limit)s characters", limit=MAX_TEXT)]
                    valid = False
        return valid


class VersionedForm(Form):
    """A form editing one record: carries the version the editor saw."""

    version = HiddenField()

    def expected_version(self) -> int | None:
        try:
            return int(self.version.data)
        except (TypeError, ValueError):
            return None


class ActionForm(VersionedForm):
    """A state-changing button (archive, delete, sign off...): the CSRF token and, where the
    button acts on one record, the version its page showed."""


class MultiCheckboxField(SelectMultipleField):
    """A multiple choice shown as a row of checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
