"""The Simplified Chinese catalogue is complete, compiled and keeps its placeholders.

One catalogue serves the domain (error messages, chart and status labels), the web pages and
the reports.  It is extracted afresh from crm_impl/, blueprints/ and templates/ with the
project's babel.cfg and keywords (``crm_impl.i18n.EXTRACT_KEYWORDS``), so a new string without a
zh_Hans translation fails here. To refresh the catalogue, run ``crm_impl/translations/update.sh``,
translate the new entries and run it again.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from crm_impl.i18n import CATALOGUE_DIR, EXTRACT_KEYWORDS

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = CATALOGUE_DIR
LOCALE = "zh_Hans"
PO = TRANSLATIONS / LOCALE / "LC_MESSAGES" / "messages.po"
MO = PO.with_suffix(".mo")

# A printf-style conversion as Python's % operator reads it: %(name)s, %s, %5.2f, %% ...
_SPEC = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[diouxXeEfFgGcrsa%]")


def _key(message) -> str:
    """A readable name for a message (its msgid; the singular of a plural)."""
    return message.id[0] if isinstance(message.id, tuple) else message.id


def _strings(message) -> tuple[str, ...]:
    """msgstr, or every msgstr[n] of a plural entry."""
    return tuple(message.string) if isinstance(message.string, (tuple, list)) else (message.string,)


def _ids(message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, tuple) else (message.id,)


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The catalogue template extracted right now from the sources."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    result = subprocess.run(
        [sys.executable, "-m", "babel.messages.frontend", "extract", "-F", "babel.cfg",
         *(arg for keyword in EXTRACT_KEYWORDS for arg in ("-k", keyword)), "--no-location", "--sort-output",
         "-o", str(pot), "."],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, f"pybabel extract failed:\n{result.stderr}"
    with pot.open("rb") as f:
        catalog = read_po(f)
    assert len([m for m in catalog if m.id]) > 100, "extraction found suspiciously few strings"
    return catalog


@pytest.fixture(scope="module")
def po():
    with PO.open("rb") as f:
        return read_po(f, locale=LOCALE)


def test_every_ui_string_has_a_chinese_translation(extracted, po):
    missing = []
    for message in extracted:
        if not message.id:
            continue
        translated = po.get(message.id, message.context)
        if translated is None:
            missing.append(f"{_key(message)!r} (not in the .po; run crm_impl/translations/update.sh)")
        elif translated.fuzzy:
            missing.append(f"{_key(message)!r} (fuzzy)")
        elif not all(s and s.strip() for s in _strings(translated)):
            missing.append(f"{_key(message)!r} (empty msgstr)")
    assert not missing, f"{len(missing)} UI string(s) lack a {LOCALE} translation in {PO.relative_to(ROOT)}:\n" + "\n".join(
        f"  - {m}" for m in missing
    )


def test_po_has_no_fuzzy_or_empty_entries(po):
    bad = [_key(m) for m in po if m.id and (m.fuzzy or not all(s and s.strip() for s in _strings(m)))]
    assert not bad, f"fuzzy or untranslated entries in {PO.name}: {bad}"


def _messages(catalog) -> dict:
    def plain(value):  # a plural's id and strings come as lists from a .mo file
        return tuple(value) if isinstance(value, (list, tuple)) else value

    return {(m.context, plain(m.id)): plain(m.string) for m in catalog if m.id and not m.fuzzy}


def test_committed_mo_is_compiled_from_the_current_po(po):
    assert MO.exists(), f"{MO.relative_to(ROOT)} is missing; run crm_impl/translations/update.sh"
    fresh = io.BytesIO()
    write_mo(fresh, po, use_fuzzy=False)
    fresh.seek(0)
    with MO.open("rb") as f:
        committed = read_mo(f)
    expected = _messages(read_mo(fresh))
    actual = _messages(committed)
    stale = sorted(
        repr(msgid[0] if isinstance(msgid, tuple) else msgid)
        for context, msgid in expected.keys() | actual.keys()
        if expected.get((context, msgid)) != actual.get((context, msgid))
    )
    assert not stale, (
        f"{MO.relative_to(ROOT)} is out of date with the .po for {len(stale)} message(s) "
        f"(run crm_impl/translations/update.sh or pybabel compile): {', '.join(stale[:20])}"
    )


def test_placeholders_survive_translation(po):
    wrong = []
    for message in po:
        if not message.id:
            continue
        wanted = sorted(spec for msgid in _ids(message) for spec in _SPEC.findall(msgid))
        if isinstance(message.id, tuple):  # plural forms: every form may use the singular's or plural's set
            wanted = sorted(set(wanted))
        for string in _strings(message):
            found = sorted(_SPEC.findall(string))
            if isinstance(message.id, tuple):
                found = sorted(set(found))
            if found != wanted:
                wrong.append(f"{_key(message)!r} -> {string!r}: expected {wanted}, found {found}")
    assert not wrong, "placeholders differ between msgid and msgstr:\n" + "\n".join(f"  - {w}" for w in wrong)


def test_the_compiled_catalogue_is_found_the_way_flask_babel_loads_it():
    translations = Translations.load(str(TRANSLATIONS), [LOCALE], domain="messages")
    assert isinstance(translations, Translations), f"no compiled catalogue found for {LOCALE}"
    assert translations.gettext("Project manager") == "项目经理"
    assert translations.gettext("%(n)s working days") % {"n": 5} == "5 个工作日"
