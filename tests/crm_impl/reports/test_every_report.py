"""What every report of every sample holds in both languages, whatever its subject: the title
page, a TOC field Word updates, numbered captions with a picture for each figure, the East-Asian
font on every style, properties in the order Word requires, and words of its language only."""

from __future__ import annotations

import re

import pytest
from docx.oxml.ns import qn

from crm_impl.i18n import format_day, localized
from crm_impl.reports import REPORTS
from crm_impl.reports.document import EAST_ASIAN_FONT
from crm_impl.reports.words import word
from tests.conftest import SAMPLES
from tests.crm_impl.reports.conftest import LANGS, TODAY, reopen
from tests.crm_impl.reports.helpers import captions, every_part, field_codes, headings, out_of_order, pictures

CASES = [(kind, path.stem, lang) for kind in REPORTS for path in SAMPLES for lang in LANGS]


@pytest.mark.parametrize(("kind", "sample", "lang"), CASES)
def test_every_report_is_a_finished_document(made, sample_session, kind, sample, lang):
    project = sample_session.projects[sample]
    document = reopen(made(kind, sample, lang))

    title_page = "\n".join(p.text for p in document.paragraphs[:6])
    assert word(REPORTS[kind].title, lang).upper() in title_page.upper()
    assert str(localized(project, "title", lang)) in title_page
    cells = "".join(c.text for r in document.tables[0].rows for c in r.cells)
    assert format_day(TODAY, lang, "long") in cells and "2.1" in cells  # the title page's facts

    assert 'TOC \\o "1-3" \\h \\z \\u' in field_codes(document.element.body)
    assert len(headings(document)) >= 3
    figures = [c for c in captions(document) if c.startswith(word("figure", lang))]
    tables = [c for c in captions(document) if c.startswith(word("table", lang))]
    assert figures and tables
    # Each figure caption right under its picture(s) (a wide network prints in several slices).
    assert pictures(document) >= len(figures)
    paragraphs = document.paragraphs
    for index, paragraph in enumerate(paragraphs):
        if paragraph.style.name == "Caption" and paragraph.text.startswith(word("figure", lang)):
            assert paragraphs[index - 1]._p.xpath(".//pic:pic"), paragraph.text
    # Numbered 1, 2, 3 … in order, by SEQ fields.
    assert [int(re.search(r"\d+", c).group()) for c in figures] == list(range(1, len(figures) + 1))
    assert sum(code.startswith("SEQ Figure") for code in field_codes(document.element.body)) == len(figures)

    for style in document.styles.element.findall(qn("w:style")):
        if style.get(qn("w:type")) in ("paragraph", "character", "table"):
            assert style.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) == EAST_ASIAN_FONT
    assert [problem for part in every_part(document) for problem in out_of_order(part)] == []

    text = "\n".join(p.text for p in document.paragraphs) + "".join(
        c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "%(" not in text and "\ufffd" not in text  # every placeholder filled
    if lang == "en":
        # English throughout, but names users entered in Chinese only (none in the samples' English).
        assert not re.search(r"[\u4e00-\u9fff]", "\n".join(headings(document) + captions(document)))
    else:
        assert all(re.search(r"[\u4e00-\u9fff]", h) for h in headings(document))
