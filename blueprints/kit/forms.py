"""Forms every blueprint shares: the base form, a versioned edit form, a button form, choices.

Every form of the app derives from :class:`Form`, which refuses text no column can store (NUL,
lone surrogates) and text longer than :data:`crm_impl.limits.MAX_TEXT` in any field, so a view
never sends such a value to the domain.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectChoice, SelectMultipleField
from wtforms.validators import Length
from wtforms.widgets import CheckboxInput, ListWidget

from crm_impl.limits import MAX_TEXT, unstorable_character

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


def fits(column) -> list[Length]:
    """The length validator of a model column (``fits(Task.name)``): the limit comes from the model."""
    from crm_impl.models.base import max_length

    limit = max_length(column)
    return [Length(max=limit)] if limit else []


class Form(FlaskForm):
    """The base of every form: text fields hold only what can be stored."""

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
