"""Forms every blueprint shares: a versioned edit form, a button form, choice helpers."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectChoice, SelectMultipleField
from wtforms.widgets import CheckboxInput, ListWidget

__all__ = ["VersionedForm", "ActionForm", "MultiCheckboxField", "choices", "role_choices", "phase_choices"]


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


class VersionedForm(FlaskForm):
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
