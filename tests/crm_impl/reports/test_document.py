"""The document framework on its own: fields, captions and references, fonts, inert text,
charts as pictures or as tables, and writing all or nothing."""

from __future__ import annotations

import io
import os
from dataclasses import replace
from datetime import date

import docx
import plotly.graph_objects as go
import pytest
from docx.oxml.ns import qn

from crm_impl.reports.document import (
    EAST_ASIAN_FALLBACK, EAST_ASIAN_FONT, Chart, Column, ReportDocument, TitleInfo, inert, write_atomically,
)
from crm_impl.reports.render import ChartRenderer, find_browser
from tests.crm_impl.reports.helpers import (
    W, captions, every_part, field_codes, headings, out_of_order, pictures, rows, tables_by_caption,
)

INFO = TitleInfo(report_type="Project plan", project="Huikang CRM", client="Huikang Pharma", day=date(2025, 6, 2),
                 version="1.0", author="PMO")


def _chart(key: str = "bars") -> Chart:
    figure = go.Figure(go.Bar(x=["销售", "服务"], y=[3, 5]), layout={"height": 400})
    return Chart(figure, "Load by area", [Column("Area"), Column("Load", "right")], [("销售", "3"), ("服务", "5")], key=key)


def _document(renderer=None, locale="en") -> ReportDocument:
    doc = ReportDocument(INFO, locale, renderer)
    doc.heading("Scope")
    doc.sentence_with_ref("See ", "later", " for the facts.")  # a reference forward
    doc.heading("Details", 2)
    doc.table([Column("Item"), Column("Value", "right")], [("a", "1"), ("b", "2")], caption="Facts", key="later")
    doc.table([Column("X")], [("y",)], caption="More", key="more")
    doc.sentence_with_ref("As ", "more", " shows.")
    doc.chart(_chart())
    return doc


def _reopen(doc: ReportDocument):
    return docx.Document(io.BytesIO(doc.to_bytes()))


def test_the_contents_are_a_dirty_toc_field_and_word_is_told_to_update_fields():
    document = _reopen(_document(ChartRenderer(enabled=False)))
    body = document.element.body
    assert 'TOC \\o "1-3" \\h \\z \\u' in field_codes(body)
    begin = next(c for c in body.iter(f"{W}fldChar") if c.get(qn("w:fldCharType")) == "begin"
                 and c.getparent().getnext() is not None and "TOC" in "".join(c.getparent().getnext().itertext()))
    assert begin.get(qn("w:dirty")) == "true"
    # Until a word processor updates it, the field shows the headings in the TOC styles.
    entries = [p for p in document.paragraphs if p.style.name.startswith("toc ")]
    assert [p.text for p in entries] == headings(document) == ["1\u2002Scope", "1.1\u2002Details"]
    settings = document.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    # Word reads settings in schema order: updateFields comes before compat and rsids.
    tags = [child.tag for child in settings]
    assert tags.index(qn("w:updateFields")) < tags.index(qn("w:compat"))


def test_captions_are_numbered_seq_fields_in_bookmarks_and_references_point_to_them():
    document = _reopen(_document(ChartRenderer(enabled=False)))
    # A no-break space keeps "Table" and its number on one line.
    assert captions(document) == ["Table\u00a01: Facts", "Table\u00a02: More", "Figure\u00a01: Load by area"]
    codes = field_codes(document.element.body)
    assert codes.count("SEQ Table \\* ARABIC") == 2 and codes.count("SEQ Figure \\* ARABIC") == 1
    assert "REF _Ref_later \\h" in codes and "REF _Ref_more \\h" in codes
    bookmarks = {b.get(qn("w:name")) for b in document.element.body.iter(f"{W}bookmarkStart")}
    assert {"_Ref_later", "_Ref_more", "_Ref_bars"} <= bookmarks
    texts = [p.text for p in document.paragraphs]
    assert "See Table\u00a01 for the facts." in texts and "As Table\u00a02 shows." in texts  # forward reference filled


def test_a_reference_to_no_caption_is_a_programming_error():
    doc = ReportDocument(INFO, "en")
    doc.sentence_with_ref("See ", "nowhere")
    with pytest.raises(ValueError, match="nowhere"):
        doc.to_bytes()


def test_header_footer_have_page_fields_and_the_title_page_has_none():
    document = _reopen(_document(ChartRenderer(enabled=False), "zh_Hans"))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    footer = section.footer._element
    assert {"PAGE", "NUMPAGES"} <= set(field_codes(footer))
    footer_text = "".join(t.text for t in footer.iter(f"{W}t"))
    assert "第 1 页，共 1 页" in footer_text and "版本 1.0" in footer_text
    assert "Huikang CRM" in "".join(t.text for t in section.header._element.iter(f"{W}t"))
    # The title page: report type, project, client, date in the report's language.
    text = "\n".join(p.text for p in document.paragraphs[:8])
    assert "Huikang CRM" in text and "Huikang Pharma" in text
    facts = [[c.text for c in r.cells] for r in document.tables[0].rows]
    assert ["日期", "2025年6月2日"] in facts and ["编写", "PMO"] in facts
    # Without an author there is no empty "Author" row.
    unsigned = ReportDocument(replace(INFO, author=" "), "en", ChartRenderer(enabled=False))
    unsigned.heading("Scope")
    assert [r.cells[0].text for r in _reopen(unsigned).tables[0].rows] == ["Date", "Version"]


def test_every_style_names_the_east_asian_font():
    document = _reopen(_document(ChartRenderer(enabled=False), "zh_Hans"))
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:eastAsia")) == EAST_ASIAN_FONT
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    checked = 0
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) not in ("paragraph", "character", "table"):
            continue
        fonts = style.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == EAST_ASIAN_FONT, style.get(qn("w:styleId"))
        assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would override it
        checked += 1
    assert checked > 100
    # The font table names the fallback Word uses where Noto is not installed.
    font_table = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/fontTable"))
    assert f'w:name="{EAST_ASIAN_FONT}"' in font_table.blob.decode() and EAST_ASIAN_FALLBACK in font_table.blob.decode()


def test_free_text_is_inert():
    evil = ('Evil { HYPERLINK "http://evil.example" } <w:fldSimple w:instr="DDEAUTO cmd"/>'
            '\x07\x00 { INCLUDETEXT "c:\\\\secret" } =cmd|"/c calc"!A1')
    doc = ReportDocument(TitleInfo(report_type=evil, project=evil, client=evil, day=date(2025, 6, 2),
                                   version=evil, author=evil), "en", ChartRenderer(enabled=False))
    doc.heading(evil)
    doc.paragraph(evil, bold_lead=evil)
    doc.bullets([evil])
    doc.table([Column(evil)], [(evil,)], caption=evil, key="evil")
    doc.chart(Chart(go.Figure(), evil, [Column(evil)], [(evil,)], key="chart"))
    document = docx.Document(io.BytesIO(doc.to_bytes()))
    allowed = ("TOC ", "SEQ ", "REF ", "PAGE", "NUMPAGES")
    for part in (document.element.body, document.sections[0].header._element, document.sections[0].footer._element):
        assert all(code.startswith(allowed) for code in field_codes(part)), field_codes(part)
        assert not list(part.iter(f"{W}fldSimple")) and not list(part.iter(f"{W}hyperlink"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert inert(evil) in text and "\x07" not in text and "\x00" not in text
    assert document.core_properties.title.startswith("Evil {")


def test_without_a_browser_each_chart_becomes_its_data_with_a_note(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert find_browser() is None
    renderer = ChartRenderer()
    assert not renderer.available
    doc = _document(renderer)
    document = _reopen(doc)
    assert pictures(document) == 0 and doc.charts_as_tables == 1
    assert any(p.style.name == "Note" and "No browser" in p.text for p in document.paragraphs)
    assert rows(tables_by_caption(document)["Load by area"]) == [["销售", "3"], ["服务", "5"]]
    assert captions(document)[-1] == "Figure\u00a01: Load by area"


@pytest.mark.skipif(find_browser() is None, reason="no Chromium")
def test_one_browser_draws_every_chart_of_a_document(monkeypatch):
    import kaleido

    opened = []
    original = kaleido.Kaleido.open

    async def counting(self):
        opened.append(self)
        return await original(self)

    monkeypatch.setattr(kaleido.Kaleido, "open", counting)
    with ChartRenderer() as renderer:
        doc = ReportDocument(INFO, "zh_Hans", renderer)
        for number in range(4):
            doc.chart(_chart(f"c{number}"))
        document = _reopen(doc)
    assert len(opened) == 1 and renderer.charts == 4
    assert pictures(document) == 4
    png = document.inline_shapes[0]._inline.graphic.graphicData.pic.blipFill.blip.embed
    assert document.part.related_parts[png].blob[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(find_browser() is None, reason="no Chromium")
def test_the_same_figure_at_the_same_size_is_drawn_once():
    a, b = go.Figure(go.Bar(x=["a"], y=[1])), go.Figure(go.Bar(x=["b"], y=[2]))
    with ChartRenderer(cache_bytes=10_000_000) as renderer:
        first = renderer.render(a, width=400, height=300)
        again = renderer.render(a, width=400, height=300)
        assert again == first and (renderer.charts, renderer.reused) == (1, 1)
        # Another figure, or the same one at another size, is drawn.
        other = renderer.render(b, width=400, height=300)
        wider = renderer.render(a, width=500, height=300)
        assert other not in (None, first) and wider not in (None, first)
        assert (renderer.charts, renderer.reused) == (3, 1)
    # A cache with room for one picture keeps the newest: the first is drawn again.
    with ChartRenderer(cache_bytes=max(len(first), len(other)) + 1) as small:
        small.render(a, width=400, height=300)
        small.render(b, width=400, height=300)
        small.render(a, width=400, height=300)
        assert (small.charts, small.reused) == (3, 0)


def test_writing_is_all_or_nothing(tmp_path, monkeypatch):
    target = tmp_path / "report.docx"
    target.write_bytes(b"the old report")

    def broken(source, destination):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.docx"]  # no half file left behind
    monkeypatch.undo()
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new" and oct(target.stat().st_mode & 0o777) != oct(0o600)


def test_charts_print_without_their_on_screen_controls():
    figure = go.Figure(go.Bar(x=[1], y=[1]))
    figure.update_layout(updatemenus=[{"type": "buttons", "buttons": [{"label": "Week", "method": "relayout",
                                                                      "args": [{}]}]}])
    figure.update_xaxes(rangeslider_visible=True)
    printed = ReportDocument._for_print(figure, {"xaxis": {"range": [0, 2]}, "height": 300})
    assert "updatemenus" not in printed["layout"] and "rangeslider" not in printed["layout"]["xaxis"]
    assert EAST_ASIAN_FONT in printed["layout"]["font"]["family"]
    assert printed["layout"]["xaxis"]["range"] == [0, 2] and printed["layout"]["height"] == 300
    assert len(figure.layout.updatemenus) == 1  # the web's figure is left as it was


def test_a_browser_failing_while_the_document_is_built_leaves_tables_in_the_charts_places():
    from concurrent.futures import Future

    class Failing(ChartRenderer):
        def submit(self, figure, *, width, height, scale=2.0):
            job = Future()
            job.set_exception(RuntimeError("the browser died"))
            return job

    renderer = Failing(browser="/bin/true")
    doc = ReportDocument(INFO, "en", renderer)
    doc.heading("Charts")
    doc.chart(_chart("first"))
    doc.paragraph("Between the charts.")
    doc.chart(Chart(_chart().figure, "Second", [Column("Area")], [("x",)], key="second",
                    views=({"height": 300}, {"height": 200})))
    document = _reopen(doc)
    assert pictures(document) == 0 and doc.charts_as_tables == 2 and not renderer.available
    body = [child for child in document.element.body.iterchildren() if child.tag != f"{W}sectPr"]
    texts = ["TABLE" if child.tag == f"{W}tbl" else "".join(t.text for t in child.iter(f"{W}t")) for child in body]
    start = len(texts) - 1 - texts[::-1].index("1\u2002Charts")  # the heading, not its TOC entry
    note = "No browser was available to draw this chart; its data follows as a table."
    assert texts[start + 1:start + 8] == [note, "Figure\u00a01: Load by area", "TABLE", "Between the charts.", note,
                                          "Figure\u00a02: Second", "TABLE"]


def test_properties_are_in_the_order_word_requires():
    document = _reopen(_document(ChartRenderer(enabled=False), "zh_Hans"))
    for part in every_part(document):
        assert out_of_order(part) == []
