"""Hypothesis strategies for what a careless or hostile person types, uploads or sends.

Shared by the fuzz tests of the project file, the forms and the uploads: every value here has
broken crm-impl (or a tool like it) at some point.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import strategies as st

#: Texts that have broken something: storage (NUL, surrogates, lengths), parsing (numbers,
#: dates), spreadsheets (formulas), pages (markup) and the database (quotes).
NASTY_TEXTS = [
    "", " ", "\x00", "a\x00b", "\ud800", "x\udfffy", "\t\r\n", "\u202e\u0645\u0631\u062d\u0628\u0627",
    "=HYPERLINK(\"http://evil.example\",\"x\")", "+1", "-1", "@SUM(A1)", "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>", "'; DROP TABLE tasks; --", "%s%s%n", "{{7*7}}", "../../etc/passwd",
    "0", "-0", "007", "2147483647", "2147483648", "-2147483649", "9" * 40, "1e308", "1e400", "-1e400",
    "NaN", "nan", "inf", "-Infinity", "0x10", "1_000", "１２３", "3.5", "1,5",
    "2025-03-03", "2025-02-30", "9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01", "20250303",
    "2025-W10-1", "2025-03-03T25:00:00Z",
    "R01", "R01FS+2", "R01SS-9999999", "R01, R01", "A07 duration=99999999 budget=1e300", "A07 duration=-1",
    "CNY", "cny", "€€€", "中文项目名称", "🚀" * 10,
]


def nasty_text() -> st.SearchStrategy[str]:
    """A typed value: a known troublemaker, a long run, or arbitrary Unicode."""
    return st.one_of(
        st.sampled_from(NASTY_TEXTS),
        st.integers(min_value=1, max_value=25_000).map(lambda n: "x" * n),
        st.text(max_size=60),
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.floats(allow_nan=True, allow_infinity=True).map(repr),
    )


#: JSON values that no field of a project file expects, besides the nasty texts.
def _nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


def nasty_json() -> st.SearchStrategy[Any]:
    scalars = st.one_of(
        st.none(), st.booleans(), nasty_text(),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.floats(allow_nan=False, allow_infinity=False),
    )
    return st.one_of(
        scalars,
        st.lists(scalars, max_size=3),
        st.dictionaries(st.text(max_size=8), scalars, max_size=3),
        # Deeper than the reader allows (32), yet shallow enough that building, copying and writing
        # the document in these strategies never meets Python's own recursion limit (a file nested
        # deeper than Python reads is a case of test_invalid_files, written as raw bytes).
        st.integers(min_value=33, max_value=300).map(_nested),
    )


def _paths(document: Any, where: tuple = ()) -> list[tuple]:
    """Every path to a value inside ``document``."""
    found = [where]
    if isinstance(document, dict):
        for key, value in document.items():
            found += _paths(value, (*where, key))
    elif isinstance(document, list):
        for index, value in enumerate(document[:4]):  # the first few items stand for the rest
            found += _paths(value, (*where, index))
    return found


@st.composite
def mutated_document(draw, document: dict, max_changes: int = 4) -> dict:
    """``document`` with a few of its values (or keys) replaced, removed or added."""
    changed = copy.deepcopy(document)
    paths = _paths(document)[1:]
    for _ in range(draw(st.integers(min_value=1, max_value=max_changes))):
        path = draw(st.sampled_from(paths))
        parent = changed
        try:
            for part in path[:-1]:
                parent = parent[part]
            key = path[-1]
            action = draw(st.sampled_from(["replace", "replace", "replace", "remove", "duplicate", "add"]))
            if action == "replace":
                parent[key] = draw(nasty_json())
            elif action == "remove":
                del parent[key]
            elif action == "duplicate" and isinstance(parent, list):
                parent.append(copy.deepcopy(parent[key]))
            elif action == "add" and isinstance(parent, dict):
                parent[draw(st.text(max_size=12))] = draw(nasty_json())
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed the way there
    return changed


def document_bytes(document: dict) -> st.SearchStrategy[bytes]:
    """A mutated ``document`` as the bytes of a file, sometimes damaged as text."""
    def encode(value: dict, ascii_only: bool) -> bytes:
        # ASCII escapes carry lone surrogates into the parsed text; raw UTF-8 cannot encode them.
        return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")

    as_json = st.builds(encode, mutated_document(document), st.booleans())
    damaged = st.tuples(as_json, st.integers(min_value=0, max_value=400), st.binary(max_size=8)).map(
        lambda t: t[0][: t[1]] + t[2] + t[0][t[1]:])
    return st.one_of(as_json, as_json, as_json, damaged, st.binary(max_size=200))
