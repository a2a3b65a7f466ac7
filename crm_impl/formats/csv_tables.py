"""Tables as CSV text for spreadsheets: the RACI matrix, and the rule that keeps text cells inert
(the task table is :mod:`crm_impl.formats.task_table`).

Pure: the CLI prints and the web sends what these functions return.  Lines end in ``\\n``; the
caller encodes (the web adds a byte-order mark so Excel reads the UTF-8).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence


__all__ = ["raci_csv", "text_cell"]

# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...)).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def text_cell(text: str) -> str:
    r"""Text a spreadsheet shows as text: a leading formula character is quoted away (OWASP).

    >>> text_cell('=HYPERLINK("http://evil.example")'), text_cell("Kick-off"), text_cell("-3 days")
    ('\'=HYPERLINK("http://evil.example")', 'Kick-off', "'-3 days")
    """
    text = str(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def raci_csv(
    deliverables: Sequence[tuple[str, str]],
    roles: Sequence[str],
    matrix: Mapping[str, Mapping[str, str]],
) -> str:
    """The matrix as CSV text: header ``deliverable,name,<role ids...>``, one row per deliverable.

    ``deliverables`` are ``(key, name)`` pairs in row order; cells a matrix row lacks are empty.

    >>> print(raci_csv([("P2.D1", "Org chart")], ["E_PM", "V_PM"], {"P2.D1": {"E_PM": "A/R"}}), end="")
    deliverable,name,E_PM,V_PM
    P2.D1,Org chart,A/R,
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["deliverable", "name", *roles])
    for key, name in deliverables:
        row = matrix.get(key, {})
        writer.writerow([text_cell(key), text_cell(name), *(row.get(role_id, "") for role_id in roles)])
    return buffer.getvalue()
