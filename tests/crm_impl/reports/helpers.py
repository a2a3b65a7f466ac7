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
