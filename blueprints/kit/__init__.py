"""The web kit: what every blueprint's views share — forms, the submit-and-commit flow with its
stale-edit handling, downloads and chart embedding.  One way to do each of these things."""

from blueprints.kit.charts import chart_html
from blueprints.kit.downloads import download, file_stem
from blueprints.kit.forms import (
    ActionForm,
    Form,
    MultiCheckboxField,
    VersionedForm,
    choices,
    fits,
    phase_choices,
    role_choices,
)
from blueprints.kit.redirects import safe_next
from blueprints.kit.submit import (
    STALE_MESSAGE,
    Outcome,
    act,
    form_messages,
    form_status,
    render_form,
    save_edit,
    submit,
)

__all__ = [
    "ActionForm",
    "Form",
    "fits",
    "MultiCheckboxField",
    "Outcome",
    "STALE_MESSAGE",
    "VersionedForm",
    "act",
    "chart_html",
    "choices",
    "download",
    "file_stem",
    "form_messages",
    "form_status",
    "phase_choices",
    "render_form",
    "role_choices",
    "safe_next",
    "save_edit",
    "submit",
]
