"""Reading a generated report back: its headings, captions, tables by caption, fields, fonts."""

from __future__ import annotations

import re

import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from crm_impl.i18n import format_day, localized
from crm_impl.reports import REPORTS
from crm_impl.reports.document import EAST_ASIAN_FONT
from crm_impl.reports.words import word
from tests.conftest import SAMPLES
from tests.crm_impl.reports.conftest import LANGS, TODAY, reopen

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def headings(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]


def captions(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.style.name == "Caption"]


def tables_by_caption(document: Document) -> dict[str, Table]:
    """Each table under the caption just before it (the caption text after "Table 3: ")."""
    found, last = {}, None
    for element in document.element.body.iterchildren():
        if element.tag == qn("w:p"):
            paragraph = Paragraph(element, document)
            if paragraph.style.name == "Caption":
                last = re.sub(r"^\S+\s?\d+\s?[:：]\s?", "", paragraph.text)
            elif paragraph.text.strip():
                last = None if paragraph.style.name != "Note" else last
        elif element.tag == qn("w:tbl") and last is not None:
            found[last] = Table(element, document)
            last = None
    return found


def rows(table: Table) -> list[list[str]]:
    """The body rows' cell texts (the header row left out)."""
    return [[cell.text for cell in row.cells] for row in table.rows[1:]]


def field_codes(element) -> list[str]:
    return [" ".join(t.text.split()) for t in element.iter(f"{W}instrText")]


def pictures(document: Document) -> int:
    return len(document.inline_shapes)


# The order of the property elements Word insists on (ECMA-376 part 1: 17.3.1.26 pPr, 17.3.2.28 rPr,
# 17.4.60 tblPr, 17.4.70 tcPr); a document with them out of order is "unreadable content" to Word.
SEQUENCES = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
           "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
           "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
           "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
           "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText "
           "vertAlign rtl cs em lang eastAsianLayout specVanish oMath",
    "tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
             "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription "
             "tblPrChange",
    "tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
}


def out_of_order(element) -> list[str]:
    """Property elements under ``element`` whose children break the schema's order."""
    problems = []
    for name, sequence in SEQUENCES.items():
        rank = {tag: position for position, tag in enumerate(sequence.split())}
        for properties in element.iter(f"{W}{name}"):
            tags = [child.tag.removeprefix(W) for child in properties if child.tag.startswith(W)]
            ranks = [rank.get(tag, -1) for tag in tags]
            if -1 in ranks or ranks != sorted(ranks):
                problems.append(f"{name}: {tags}")
    return problems


def every_part(document) -> list:
    """The body, headers and footers, and the styles of ``document``."""
    section = document.sections[0]
    return [document.element.body, section.header._element, section.footer._element,
            section.first_page_header._element, section.first_page_footer._element, document.styles.element]


# ------------------------------------------------------------------ what every report holds

def finished_document_test(kind: str):
    """The test that report ``kind`` of every sample in both languages is a finished document,
    for its own test module (``test_is_a_finished_document = finished_document_test("plan")``),
    where it reopens the reports that module's ``made`` fixture has made already."""

    @pytest.mark.parametrize(("sample", "lang"), [(path.stem, lang) for path in SAMPLES for lang in LANGS])
    def test_is_a_finished_document(made, sample_session, sample, lang):
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

    return test_is_a_finished_document
