"""Reading a generated report back: its headings, captions, tables by caption, fields, fonts."""

from __future__ import annotations

import re

from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

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
