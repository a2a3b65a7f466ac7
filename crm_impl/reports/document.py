"""The document every report is written into: a consultancy's deliverable in Word.

:class:`ReportDocument` wraps a python-docx ``Document`` and adds what python-docx leaves out:

* a title page (project, client, report type, date, version, author) and a running header and
  footer with ``PAGE`` / ``NUMPAGES`` fields, from the second page on;
* a real table of contents — a ``TOC \\o "1-3" \\h \\z \\u`` field, marked dirty and with
  ``w:updateFields`` in the settings so Word and LibreOffice rebuild it (page numbers included)
  when the document is opened; until then it shows the headings as its last result;
* numbered captions (``SEQ Figure`` / ``SEQ Table`` fields with their numbers as results) inside
  bookmarks, and cross-references to them (``REF`` fields) that may point forward;
* styles for headings, body, tables and captions, each with an explicit Latin **and East-Asian**
  font (``w:eastAsia``), so CJK text renders in Word and LibreOffice alike; the font table names
  Microsoft YaHei as the alternative of Noto Sans CJK SC for machines without Noto;
* charts: the web's plotly figures rendered by a :class:`~crm_impl.reports.render.ChartRenderer`,
  or — without a browser — the chart's data as a table with a one-line note.

Every text that comes from people (titles, names, descriptions) goes in as plain run text:
python-docx escapes it, and :func:`inert` drops the characters XML cannot hold, so no field code,
hyperlink or markup can be injected.  :meth:`ReportDocument.save` writes the whole file or
nothing (a temporary file renamed into place).
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import docx
import plotly.graph_objects as go
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from crm_impl.i18n import format_day, is_chinese, normalise_locale
from crm_impl.reports.render import ChartRenderer
from crm_impl.reports.words import word

__all__ = [
    "LATIN_FONT",
    "EAST_ASIAN_FONT",
    "EAST_ASIAN_FALLBACK",
    "Column",
    "Chart",
    "TitleInfo",
    "ReportDocument",
    "inert",
    "write_atomically",
]

#: The Latin font of every style (metric-compatible Liberation Sans stands in on Linux).
LATIN_FONT = "Arial"
#: The East-Asian font of every style, and the one Word falls back to where it is missing.
EAST_ASIAN_FONT = "Noto Sans CJK SC"
EAST_ASIAN_FALLBACK = "Microsoft YaHei"
#: The report's colours: headings and table heads.
NAVY = RGBColor(0x1F, 0x38, 0x64)
ACCENT = RGBColor(0x2E, 0x75, 0xB6)
GREY = RGBColor(0x59, 0x59, 0x59)
_HEAD_FILL = "1F3864"
_ZEBRA_FILL = "F2F5F9"
#: Where plotly draws the same charts as the web; printed with fonts that hold CJK.
CHART_FONT = f"{LATIN_FONT}, '{EAST_ASIAN_FONT}', '{EAST_ASIAN_FALLBACK}', sans-serif"
#: Width of a chart on the page, and the CSS pixels it is rendered at (before the scale factor).
CHART_WIDTH_CM = 16.5
CHART_PIXELS = 1000
_MAX_CHART_HEIGHT_CM = 21.0

# The font table is a plain part in python-docx; read it as XML so the fallback can be named.
PartFactory.part_type_for.setdefault(CT.WML_FONT_TABLE, XmlPart)

# What follows w:updateFields in w:settings (ECMA-376 part 1, 17.15.1.78): Word insists on the order.
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
    "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown", "w:smartTagType",
    "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)

# Characters XML 1.0 cannot hold (lxml refuses them), and the byte-order marks.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def inert(text: object) -> str:
    """``text`` as plain characters a document can hold: control characters dropped, tabs and
    line breaks kept (python-docx writes them as ``w:tab``/``w:br``).

    >>> inert("Kick-off\\x00 { HYPERLINK \\"http://x\\" }\\x0b")
    'Kick-off { HYPERLINK "http://x" }'
    """
    return _NOT_XML.sub("", "" if text is None else str(text))


def write_atomically(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` completely or not at all: a temporary file in the same folder,
    flushed to disk, then renamed over ``path``."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent or ".")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's 0600
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    return target


@dataclass(frozen=True)
class Column:
    """A table column: its heading and how its cells align (``"left"``, ``"right"``, ``"center"``)."""

    title: str
    align: str = "left"
    width_cm: float | None = None


@dataclass(frozen=True)
class Chart:
    """A chart for the document: the web's figure, and the same facts as a table for a document
    made where no browser can draw it."""

    figure: go.Figure
    caption: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[str]]
    key: str = ""
    height: int | None = None  # CSS pixels; default: the figure's own height
    #: CSS pixels across (default :data:`CHART_PIXELS`): a tall chart drawn narrower fills the
    #: page's height with larger text.
    width: int | None = None
    #: Layout changes giving several views of one figure, one picture each under the one caption
    #: (a wide network printed in slices); empty: the figure as it is.
    views: Sequence[Mapping[str, Any]] = ()
    #: Figures printed in its place, one picture each under the one caption (a long Gantt chart
    #: in parts, each with other phases unfolded); empty: ``figure`` (in its ``views``).
    parts: Sequence[go.Figure] = ()


@dataclass(frozen=True)
class TitleInfo:
    """What the title page, the header, the footer and the file's properties say."""

    report_type: str
    project: str
    client: str
    day: date
    version: str
    author: str
    subtitle: str = ""


@dataclass
class _Heading:
    text: str
    level: int
    bookmark: str


@dataclass
class _Ref:
    run: Any  # the w:r holding the cached result
    key: str


@dataclass
class _PendingChart:
    chart: Chart
    jobs: list  # (future of the PNG, height and width in CSS pixels) per view or part
    places: list  # the empty paragraphs the pictures go in
    caption: Paragraph


@dataclass
class Counters:
    figures: int = 0
    tables: int = 0


def _set_fonts(rpr_parent: Any, *, east_asian: str = EAST_ASIAN_FONT) -> None:
    """Explicit fonts on a style's (or docDefaults') run properties, theme fonts removed."""
    rpr = rpr_parent.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        # In a style, run properties come after the paragraph properties and before table ones.
        following = [rpr_parent.find(qn(t)) for t in ("w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr")]
        following = [e for e in following if e is not None]
        if following:
            following[0].addprevious(rpr)
        else:
            rpr_parent.append(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:cs"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)


def _shade(cell: Any, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


# What follows w:pBdr in w:pPr, and w:tblW / w:tblCellMar in w:tblPr (ECMA-376 part 1, 17.3.1.26
# and 17.4.60): Word refuses a document whose properties are out of order.
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
_AFTER_TBLCELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_TBLW = ("w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
               *_AFTER_TBLCELLMAR)


def _border(paragraph: Paragraph, side: str, colour: str = "1F3864", size: int = 8) -> None:
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        properties.insert_element_before(borders, *_AFTER_PBDR)
    line = OxmlElement(f"w:{side}")
    line.set(qn("w:val"), "single")
    line.set(qn("w:sz"), str(size))
    line.set(qn("w:space"), "4")
    line.set(qn("w:color"), colour)
    borders.append(line)


def _fld_char(kind: str, *, dirty: bool = False) -> Any:
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    run.append(char)
    return run


def _instr(code: str) -> Any:
    run = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {code} "
    run.append(text)
    return run


def _text_run(text: str, *, bold: bool = False) -> Any:
    run = OxmlElement("w:r")
    if bold:
        properties = OxmlElement("w:rPr")
        properties.append(OxmlElement("w:b"))
        run.append(properties)
    element = OxmlElement("w:t")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run.append(element)
    return run


class ReportDocument:
    """A report in one language: add headings, paragraphs, tables and charts, then :meth:`save`.

    ``locale`` is ``"en"`` or ``"zh_Hans"`` (any Chinese tag); every word the framework writes
    itself (captions, header, footer, title page) is in it.
    """

    def __init__(self, title: TitleInfo, locale: str, renderer: ChartRenderer | None = None, *,
                 chapters_on_new_page: bool = True) -> None:
        self.locale = normalise_locale(locale)
        self.chapters_on_new_page = chapters_on_new_page
        self.chinese = is_chinese(self.locale)
        self.info = title
        self.renderer = renderer
        self.document = docx.Document()
        self.counters = Counters()
        self.headings: list[_Heading] = []
        self._numbers: dict[str, str] = {}  # caption key → "Figure 3"
        self._refs: list[_Ref] = []
        self._bookmark_id = 0
        self._heading_numbers = [0, 0, 0]
        self.charts_as_tables = 0
        self._pending: list[_PendingChart] = []
        self._setup_page()
        self._setup_styles()
        self._setup_fonts_table()
        self._setup_settings()
        self._title_page()
        self._contents()

    # ------------------------------------------------------------------------------- set-up

    def w(self, key: str, **params: Any) -> str:
        """One of the framework's words (:mod:`crm_impl.reports.words`) in the report's language."""
        return word(key, self.locale, **params)

    def _setup_page(self) -> None:
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin, section.bottom_margin = Cm(2.4), Cm(2.2)
        section.header_distance = section.footer_distance = Cm(1.1)
        section.different_first_page_header_footer = True

    def _setup_styles(self) -> None:
        styles = self.document.styles
        defaults = styles.element.find(qn("w:docDefaults"))
        rpr_default = defaults.find(qn("w:rPrDefault"))
        _set_fonts(rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:val"), "zh-CN" if self.chinese else "en-GB")
        lang.set(qn("w:eastAsia"), "zh-CN")

        def paragraph_style(name: str, base: str | None = "Normal"):
            try:
                return styles[name]
            except KeyError:
                style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                if base:
                    style.base_style = styles[base]
                return style

        normal = styles["Normal"]
        normal.font.size = Pt(10.5)
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.15
        for level, size, colour, before in ((1, 16, NAVY, 18), (2, 13, ACCENT, 12), (3, 11.5, NAVY, 10)):
            heading = styles[f"Heading {level}"]
            heading.font.size = Pt(size)
            heading.font.bold = True
            heading.font.italic = False
            heading.font.color.rgb = colour
            heading.paragraph_format.space_before = Pt(before)
            heading.paragraph_format.space_after = Pt(6)
            heading.paragraph_format.keep_with_next = True
        caption = styles["Caption"]
        caption.font.size = Pt(9)
        caption.font.bold = True
        caption.font.italic = False
        caption.font.color.rgb = GREY
        caption.paragraph_format.space_before = Pt(3)
        caption.paragraph_format.space_after = Pt(10)
        table_text = paragraph_style("Table Text")
        table_text.font.size = Pt(8.5)
        table_text.paragraph_format.space_after = Pt(0)
        table_text.paragraph_format.space_before = Pt(0)
        table_text.paragraph_format.line_spacing = 1.0
        note = paragraph_style("Note")
        note.font.size = Pt(9)
        note.font.italic = True
        note.font.color.rgb = GREY
        for level in (1, 2, 3):
            toc = paragraph_style(f"toc {level}")
            toc.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            toc.paragraph_format.space_after = Pt(2)
            toc.font.bold = level == 1
        styles["TOC Heading"].font.color.rgb = NAVY
        for name in ("Title", "Subtitle"):
            styles[name].font.color.rgb = NAVY
        for name in ("Header", "Footer"):
            # The template's centre and right tabs would catch the running title before ours.
            styles[name].paragraph_format.tab_stops.clear_all()
        styles["Title"].font.size = Pt(26)
        styles["Subtitle"].font.size = Pt(15)
        styles["Subtitle"].font.italic = False
        # Every style gets both fonts: a style that names only Latin fonts (or a theme font) would
        # show CJK in whatever the reader's machine picks, or as boxes.
        for style in styles:
            if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER, WD_STYLE_TYPE.TABLE):
                _set_fonts(style.element)

    def _setup_fonts_table(self) -> None:
        for rel in self.document.part.rels.values():
            if rel.reltype.endswith("/fontTable") and isinstance(rel.target_part, XmlPart):
                fonts = rel.target_part.element
                if any(f.get(qn("w:name")) == EAST_ASIAN_FONT for f in fonts.findall(qn("w:font"))):
                    return
                entry = OxmlElement("w:font")
                entry.set(qn("w:name"), EAST_ASIAN_FONT)
                for tag, value in (("w:altName", EAST_ASIAN_FALLBACK), ("w:charset", "86"),
                                   ("w:family", "swiss"), ("w:pitch", "variable")):
                    child = OxmlElement(tag)
                    child.set(qn("w:val"), value)
                    entry.append(child)
                fonts.append(entry)

    def _setup_settings(self) -> None:
        settings = self.document.settings.element
        update = settings.find(qn("w:updateFields"))
        if update is None:
            update = OxmlElement("w:updateFields")
            settings.insert_element_before(update, *_AFTER_UPDATE_FIELDS)
        update.set(qn("w:val"), "true")

    # ------------------------------------------------------------------------ title and contents

    def _title_page(self) -> None:
        info = self.info
        body = self.document
        properties = body.core_properties
        properties.title = inert(f"{info.report_type}: {info.project}")[:250]
        properties.subject = inert(info.client)[:250]
        properties.author = inert(info.author)[:250]
        properties.language = "zh-CN" if self.chinese else "en-GB"
        properties.version = inert(info.version)[:50]
        spacer = body.add_paragraph()
        spacer.paragraph_format.space_before = Cm(5)
        kind = body.add_paragraph(style="Subtitle")
        kind.add_run(inert(info.report_type).upper() if not self.chinese else inert(info.report_type))
        title = body.add_paragraph(style="Title")
        title.add_run(inert(info.project))
        _border(title, "bottom", size=12)
        if info.subtitle:
            body.add_paragraph(inert(info.subtitle), style="Subtitle")
        client = body.add_paragraph()
        client.paragraph_format.space_before = Pt(18)
        client.add_run(self.w("prepared_for")).bold = True
        client.add_run(" " + inert(info.client))
        rows = [
            (self.w("report_date"), format_day(info.day, self.locale, "long")),
            (self.w("version"), inert(info.version)),
        ]
        if info.author.strip():  # an empty "Author" row reads as a form left unfinished
            rows.append((self.w("author"), inert(info.author)))
        table = body.add_table(rows=0, cols=2)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        for name, value in rows:
            cells = table.add_row().cells
            self._cell_text(cells[0], name, bold=True)
            self._cell_text(cells[1], value)
            for cell in cells:
                cell.paragraphs[0]._p.style = None  # the body text, not the small table text
        self._apply_widths(table, [Column("", width_cm=4.0), Column("", width_cm=10.0)])
        closing = body.add_paragraph(style="Note")
        closing.paragraph_format.space_before = Cm(6)
        closing.add_run(self.w("confidential"))
        closing.add_run().add_break(WD_BREAK.PAGE)
        self._header_footer()

    def _header_footer(self) -> None:
        section = self.document.sections[0]
        width = section.page_width - section.left_margin - section.right_margin
        header = section.header.paragraphs[0]
        header.style = self.document.styles["Header"]
        header.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        header.add_run(inert(self.info.project))
        header.add_run("\t" + inert(self.info.report_type))
        for run in header.runs:
            run.font.size, run.font.color.rgb = Pt(8.5), GREY
        _border(header, "bottom", colour="A6A6A6", size=4)
        footer = section.footer.paragraphs[0]
        footer.style = self.document.styles["Footer"]
        footer.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        left = footer.add_run(inert(self.info.client) + " · " + self.w("version_short", version=inert(self.info.version))
                              + " · " + format_day(self.info.day, self.locale))
        left.font.size, left.font.color.rgb = Pt(8.5), GREY
        footer.add_run("\t")
        # "Page 3 of 12" / "第 3 页，共 12 页": the words around two fields.
        before, between, after = self.w("page_of").split("%s")
        for piece in (before, ("PAGE", "1"), between, ("NUMPAGES", "1"), after):
            if isinstance(piece, tuple):
                self._append_field(footer._p, piece[0], piece[1], size=Pt(8.5))
            elif piece:
                run = footer.add_run(piece)
                run.font.size, run.font.color.rgb = Pt(8.5), GREY
        _border(footer, "top", colour="A6A6A6", size=4)

    def _contents(self) -> None:
        heading = self.document.add_paragraph(self.w("contents"), style="TOC Heading")
        heading.paragraph_format.space_after = Pt(12)
        # The TOC field's paragraphs are written at save time (they list the headings); keep the place.
        self._toc_anchor = self.document.add_paragraph()
        self._toc_anchor.add_run().add_break(WD_BREAK.PAGE)

    def _write_contents(self) -> None:
        """The TOC field: begin and instructions in the first paragraph, one cached entry per
        heading, end in the last; dirty, so Word and LibreOffice rebuild it with page numbers."""
        anchor = self._toc_anchor._p
        entries = [h for h in self.headings if h.level <= 3] or [_Heading(self.w("contents"), 1, "")]
        paragraphs = []
        for index, heading in enumerate(entries):
            paragraph = OxmlElement("w:p")
            properties = OxmlElement("w:pPr")
            style = OxmlElement("w:pStyle")
            style.set(qn("w:val"), self.document.styles[f"toc {heading.level}"].style_id)
            properties.append(style)
            paragraph.append(properties)
            if index == 0:
                paragraph.append(_fld_char("begin", dirty=True))
                paragraph.append(_instr('TOC \\o "1-3" \\h \\z \\u'))
                paragraph.append(_fld_char("separate"))
            paragraph.append(_text_run(heading.text))
            if index == len(entries) - 1:
                paragraph.append(_fld_char("end"))
            paragraphs.append(paragraph)
        for paragraph in paragraphs:
            anchor.addprevious(paragraph)

    # ---------------------------------------------------------------------------- fields

    def _append_field(self, paragraph_element: Any, code: str, result: str, *, size: Pt | None = None,
                      dirty: bool = False) -> Any:
        """Append field ``code`` with its current ``result`` to a paragraph; the result run is returned."""
        result_run = _text_run(result)
        for run in (_fld_char("begin", dirty=dirty), _instr(code), _fld_char("separate"), result_run,
                    _fld_char("end")):
            if size is not None:
                properties = run.find(qn("w:rPr"))
                if properties is None:
                    properties = OxmlElement("w:rPr")
                    run.insert(0, properties)
                measure = OxmlElement("w:sz")
                measure.set(qn("w:val"), str(int(size.pt * 2)))
                properties.append(measure)
            paragraph_element.append(run)
        return result_run

    def _bookmark(self, name: str) -> tuple[Any, Any]:
        self._bookmark_id += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._bookmark_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._bookmark_id))
        return start, end

    @staticmethod
    def _bookmark_name(key: str) -> str:
        # Names starting with "_" are hidden bookmarks, as Word's own cross-references use.
        return "_Ref_" + re.sub(r"[^A-Za-z0-9_]", "_", key)[:34]

    def _caption(self, kind: str, text: str, key: str) -> Paragraph:
        """``Figure 3: text`` with ``Figure 3`` in a bookmark that :meth:`ref` points to."""
        if kind == "Figure":
            self.counters.figures += 1
            number = self.counters.figures
        else:
            self.counters.tables += 1
            number = self.counters.tables
        label = self.w("figure" if kind == "Figure" else "table")
        paragraph = self.document.add_paragraph(style="Caption")
        name = self._bookmark_name(key or f"{kind}{number}")
        if name in {self._bookmark_name(k) for k in self._numbers}:
            raise ValueError(f"caption key {key!r} used twice")
        start, end = self._bookmark(name)
        element = paragraph._p
        element.append(start)
        space = "" if self.chinese else "\u00a0"
        element.append(_text_run(label + space))
        self._append_field(element, f"SEQ {kind} \\* ARABIC", str(number))
        element.append(end)
        element.append(_text_run(self.w("caption_separator") + inert(text)))
        self._numbers[key or f"{kind}{number}"] = f"{label}{space}{number}"
        return paragraph

    def ref(self, paragraph: Paragraph, key: str) -> None:
        """A cross-reference (``REF`` field, "Table 3") to the caption of ``key``; it may point
        to a caption added later: results are filled in at :meth:`save`."""
        run = self._append_field(paragraph._p, f"REF {self._bookmark_name(key)} \\h", "?")
        self._refs.append(_Ref(run, key))

    # ---------------------------------------------------------------------------- content

    def heading(self, text: str, level: int = 1) -> Paragraph:
        """A numbered heading ("2.1 Milestones"); level 1 starts on a new page after the first."""
        self._heading_numbers[level - 1] += 1
        for deeper in range(level, 3):
            self._heading_numbers[deeper] = 0
        number = ".".join(str(n) for n in self._heading_numbers[:level])
        full = f"{number}\u2002{inert(text)}"
        paragraph = self.document.add_heading(level=level)
        if level == 1 and self.chapters_on_new_page and any(h.level == 1 for h in self.headings):
            paragraph.paragraph_format.page_break_before = True
        name = f"_Toc_{len(self.headings) + 1}"
        start, end = self._bookmark(name)
        paragraph._p.append(start)
        paragraph.add_run(full)
        paragraph._p.append(end)
        self.headings.append(_Heading(full, level, name))
        return paragraph

    def paragraph(self, text: str = "", *, style: str | None = None, bold_lead: str = "") -> Paragraph:
        """A paragraph of plain text (``bold_lead`` first, in bold)."""
        paragraph = self.document.add_paragraph(style=style)
        if bold_lead:
            paragraph.add_run(inert(bold_lead)).bold = True
            paragraph.add_run(" ")
        if text:
            paragraph.add_run(inert(text))
        return paragraph

    def sentence_with_ref(self, before: str, key: str, after: str = "") -> Paragraph:
        """``before`` + a cross-reference to ``key`` + ``after`` in one paragraph."""
        paragraph = self.document.add_paragraph()
        paragraph.add_run(inert(before))
        self.ref(paragraph, key)
        paragraph.add_run(inert(after))
        return paragraph

    def note(self, text: str) -> Paragraph:
        return self.paragraph(text, style="Note")

    def bullets(self, items: Iterable[str]) -> list[Paragraph]:
        return [self.document.add_paragraph(inert(item), style="List Bullet") for item in items]

    def _style_id(self, name: str) -> str:
        ids = self.__dict__.setdefault("_style_ids", {})
        if name not in ids:
            ids[name] = self.document.styles[name].style_id
        return ids[name]

    def _cell_text(self, cell: Any, text: str, *, bold: bool = False, align: str = "left",
                   colour: RGBColor | None = None) -> None:
        paragraph = cell.paragraphs[0]
        # The style id directly: python-docx looks a style up by scanning every style, per cell.
        paragraph._p.style = self._style_id("Table Text")
        paragraph.alignment = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}.get(
            align, WD_ALIGN_PARAGRAPH.LEFT)
        run = paragraph.add_run(inert(text))
        run.bold = bold or None
        if colour is not None:
            run.font.color.rgb = colour

    def table(self, columns: Sequence[Column], rows: Iterable[Sequence[Any]], *, caption: str, key: str = "",
              fills: Sequence[Sequence[str | None]] | None = None) -> Any:
        """A captioned table (caption above, header row repeated on every page, zebra rows).

        Cells are text (already formatted for the report's locale); ``fills`` may give a cell
        background (hex) per cell, e.g. the RAG colours."""
        self._caption("Table", caption, key).paragraph_format.keep_with_next = True
        rows = [list(row) for row in rows]
        table = self.document.add_table(rows=1, cols=len(columns))
        table.style = self.document.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        properties = table._tbl.tblPr
        width = OxmlElement("w:tblW")
        width.set(qn("w:w"), "5000")
        width.set(qn("w:type"), "pct")
        for old in properties.findall(qn("w:tblW")):
            properties.remove(old)
        properties.insert_element_before(width, *_AFTER_TBLW)
        margins = OxmlElement("w:tblCellMar")
        for side, twips in (("top", 30), ("left", 80), ("bottom", 30), ("right", 80)):
            margin = OxmlElement(f"w:{side}")
            margin.set(qn("w:w"), str(twips))
            margin.set(qn("w:type"), "dxa")
            margins.append(margin)
        properties.insert_element_before(margins, *_AFTER_TBLCELLMAR)
        head = table.rows[0]
        head_properties = head._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        head_properties.append(repeat)
        for cell, column in zip(head.cells, columns):
            self._cell_text(cell, column.title, bold=True, align=column.align, colour=RGBColor(0xFF, 0xFF, 0xFF))
            _shade(cell, _HEAD_FILL)
        for index, values in enumerate(rows):
            cells = table.add_row().cells
            for position, (cell, column, value) in enumerate(zip(cells, columns, values)):
                self._cell_text(cell, "" if value is None else str(value), align=column.align)
                fill = fills[index][position] if fills and index < len(fills) else None
                if fill:
                    _shade(cell, fill)
                elif index % 2:
                    _shade(cell, _ZEBRA_FILL)
        self._apply_widths(table, columns)
        self.document.add_paragraph().paragraph_format.space_after = Pt(2)
        return table

    def _text_width_cm(self) -> float:
        section = self.document.sections[-1]
        return (section.page_width - section.left_margin - section.right_margin) / 360000

    def _apply_widths(self, table: Any, columns: Sequence[Column]) -> None:
        """Column widths on the grid (what LibreOffice reads) and on every cell (what Word reads):
        the given widths, the rest of the text width shared by the other columns."""
        total = self._text_width_cm()
        fixed = sum(c.width_cm for c in columns if c.width_cm)
        free = [c for c in columns if not c.width_cm]
        share = max(1.0, (total - fixed) / len(free)) if free else 0.0
        widths = [Cm(c.width_cm or share) for c in columns]
        grid = table._tbl.tblGrid
        for column, width in zip(grid.findall(qn("w:gridCol")), widths):
            column.set(qn("w:w"), str(int(width.twips)))
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width

    def chart(self, chart: Chart) -> None:
        """The chart as a picture with its caption below; without a browser, its data as a table
        under a one-line note, the caption still numbered as a figure.

        The browser draws while the rest of the document is built: the pictures are put in
        their places at :meth:`save` (or a table, if the browser failed meanwhile)."""
        if self.renderer is not None and self.renderer.available:
            drawn = [(part, {}) for part in chart.parts] or [(chart.figure, view) for view in chart.views or ({},)]
            jobs = []
            for figure, view in drawn:
                high = int(view.get("height") or chart.height or figure.layout.height or 560)
                wide = int(chart.width or CHART_PIXELS)
                jobs.append((self.renderer.submit(self._for_print(figure, view), width=wide, height=high), high, wide))
            if all(job is not None for job, _, _ in jobs):
                places = []
                for index in range(len(jobs)):
                    place = self.document.add_paragraph()
                    place.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    place.paragraph_format.keep_with_next = index == len(jobs) - 1
                    place.paragraph_format.space_after = Pt(0 if index == len(jobs) - 1 else 6)
                    places.append(place)
                caption = self._caption("Figure", chart.caption, chart.key)
                self._pending.append(_PendingChart(chart, jobs, places, caption))
                return
        self._chart_as_table(chart)

    def _chart_as_table(self, chart: Chart, caption: Paragraph | None = None) -> None:
        """The note, the (numbered) caption and the chart's data; before ``caption`` when it exists."""
        self.charts_as_tables += 1
        note = self.note(self.w("chart_as_table"))
        if caption is None:
            caption = self._caption("Figure", chart.caption, chart.key)
        else:
            caption._p.addprevious(note._p)
        caption.paragraph_format.keep_with_next = True
        table = self.document.add_table(rows=1, cols=len(chart.columns))
        table.style = self.document.styles["Table Grid"]
        for cell, column in zip(table.rows[0].cells, chart.columns):
            self._cell_text(cell, column.title, bold=True, align=column.align)
            _shade(cell, "D9E2F3")
        for values in chart.rows:
            for cell, column, value in zip(table.add_row().cells, chart.columns, values):
                self._cell_text(cell, "" if value is None else str(value), align=column.align)
        self._apply_widths(table, chart.columns)
        caption._p.addnext(table._tbl)

    def _place_pictures(self) -> None:
        for pending in self._pending:
            pictures = [(self.renderer.result(job), high, wide) for job, high, wide in pending.jobs]
            if all(png is not None for png, _, _ in pictures):
                for place, (png, high, wide) in zip(pending.places, pictures):
                    ratio = high / wide
                    width_cm = (CHART_WIDTH_CM if CHART_WIDTH_CM * ratio <= _MAX_CHART_HEIGHT_CM
                                else _MAX_CHART_HEIGHT_CM / ratio)
                    place.add_run().add_picture(io.BytesIO(png), width=Cm(width_cm))
            else:
                for place in pending.places:
                    place._p.getparent().remove(place._p)
                self._chart_as_table(pending.chart, pending.caption)
        self._pending = []

    @staticmethod
    def _for_print(figure: go.Figure, view: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The web's figure as plain data without its on-screen controls (buttons, range
        sliders), in fonts that hold CJK, on a white page, with ``view``'s layout changes.

        Plain data: copying and re-validating a plotly ``Figure`` per picture costs more than
        drawing it."""
        printed = figure.to_dict()
        layout = printed.setdefault("layout", {})
        layout.pop("updatemenus", None)
        layout.pop("sliders", None)
        layout["font"] = {**layout.get("font", {}), "family": CHART_FONT}
        layout["paper_bgcolor"] = "white"
        for name, axis in layout.items():
            if name.startswith("xaxis") and isinstance(axis, dict):
                axis.pop("rangeslider", None)
                axis.pop("rangeselector", None)
        for key, value in (view or {}).items():
            if isinstance(value, Mapping) and isinstance(layout.get(key), dict):
                layout[key] = {**layout[key], **value}
            else:
                layout[key] = value
        return printed

    def page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # ---------------------------------------------------------------------------- output

    def _finish(self) -> None:
        if getattr(self, "_finished", False):
            return
        self._finished = True
        self._place_pictures()
        for reference in self._refs:
            text = self._numbers.get(reference.key)
            if text is None:
                raise ValueError(f"cross-reference to unknown caption {reference.key!r}")
            reference.run.find(qn("w:t")).text = text
        self._write_contents()

    def to_bytes(self) -> bytes:
        """The finished document as .docx bytes."""
        self._finish()
        out = io.BytesIO()
        self.document.save(out)
        return out.getvalue()

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the document to ``path`` completely or not at all."""
        return write_atomically(path, self.to_bytes())
