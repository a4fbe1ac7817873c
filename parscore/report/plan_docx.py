"""The improvement plan as a Word document, laid out like the plans communes sign (Nghị định
30/2020/NĐ-CP).

The content and its wording are those of the plain-text and Markdown plans
(:func:`plan_text.document`): the same blocks in the same order. Only the layout is Word's:

- A4 portrait, margins 2 cm top and bottom, 3 cm left, 2 cm right; Times New Roman 13 pt, set for
  every script so Word does not fall back to a theme font;
- the header in a borderless two-column table: "ỦY BAN NHÂN DÂN" and the unit in bold with a
  short rule line under it, then "Số: ....../KH-UBND" on the left; the nation's name, the motto
  with its rule line, then the place and date in italics on the right;
- the title centred in bold 14 pt; sections (I., II., III.) as Heading 1 and fields as Heading 2
  (Times New Roman, bold, black), so Word's navigation pane lists them;
- the recipients ("Nơi nhận:", 12 pt) on the left and the signature block (TM. ỦY BAN NHÂN DÂN /
  CHỦ TỊCH, room to sign, a dotted line for the name) on the right, in a borderless table;
- the page number, a PAGE field, centred at the top of every page but the first;
- the annex (Phụ lục) on a new page: its tables with a grid, a header row repeated on every
  page, numbers right-aligned.

The bytes are identical for identical input: the core properties are fixed and the zip is
rewritten with fixed entry dates and attributes (python-docx stamps every entry with the time).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING, Any

from parscore.messages import language_tag
from parscore.plan import Plan
from parscore.report.common import Options
from parscore.report.plan_text import Block, PlanDocument, Table, document

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.table import _Cell


FIXED_DATE = dt.datetime(2000, 1, 1)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ZIP_ATTR = 0o644 << 16
FONT = "Times New Roman"
#: text width 16 cm (21 - 3 - 2): the header block and the foot
_HEADER_WIDTHS_CM = (6.6, 9.4)
_FOOT_WIDTHS_CM = (8.0, 8.0)
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def to_docx(plan: Plan, opts: Options) -> bytes:
    """The improvement plan in Word (:func:`document_docx`)."""
    return document_docx(document(plan, opts.lang, opts.top), opts.lang)


def document_docx(content: PlanDocument, lang: str) -> bytes:
    """Any administrative document laid out as the module says (header, title, body, Nơi nhận
    and signature when it has recipients, annex on a page of its own when it has one): the
    improvement plan, the year's reform plan (:mod:`parscore.report.plan_year`) and the
    appraisal's documents (:mod:`parscore.report.appraisal_docs`) all go through it."""
    from docx import Document

    doc = Document()
    _page_and_styles(doc, lang)
    if content.landscape:
        _landscape(doc)
    _page_number(doc)
    w = _Writer(doc)
    _header_block(w, content)
    _title(w, content)
    _blocks(w, content.body)
    if content.recipients:
        _foot(w, content)
    if content.annex:
        _annex(w, content.annex)
    _fix_properties(doc, content.subtitle, lang)
    out = io.BytesIO()
    doc.save(out)
    return _stable_zip(out.getvalue())


# --- page and styles -----------------------------------------------------------------------------


def _fonts(rpr: Any) -> None:
    """Times New Roman for every script, with no theme font to override it."""
    from docx.oxml.ns import qn

    rfonts = rpr.get_or_add_rFonts()
    for attr in _THEME_ATTRS:
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{attr}"), FONT)


def _size(rpr: Any, points: float) -> None:
    """The size for complex scripts too (python-docx sets only w:sz)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    szcs = rpr.find(qn("w:szCs"))
    if szcs is None:
        szcs = OxmlElement("w:szCs")
        sz = rpr.find(qn("w:sz"))
        if sz is not None:
            sz.addnext(szcs)
        else:
            rpr.append(szcs)
    szcs.set(qn("w:val"), str(int(points * 2)))


def _landscape(doc: DocumentObject) -> None:
    """A4 landscape, the same margins: 24.7 cm of text width."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)


def _page_and_styles(doc: DocumentObject, lang: str) -> None:
    """A4 portrait, the margins of administrative documents, Times New Roman 13 pt."""
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt, RGBColor

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)

    defaults = doc.styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(default_rpr)
    default_lang = default_rpr.find(qn("w:lang"))
    if default_lang is not None:
        default_lang.set(qn("w:val"), language_tag(lang))

    normal: Any = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(13)
    _fonts(normal.element.get_or_add_rPr())
    _size(normal.element.get_or_add_rPr(), 13)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    for style_name, points, before in (("Heading 1", 14, 12), ("Heading 2", 13, 6)):
        heading: Any = doc.styles[style_name]
        heading.font.name = FONT
        heading.font.size = Pt(points)
        heading.font.bold = True
        heading.font.italic = False
        heading.font.color.rgb = RGBColor(0, 0, 0)
        _fonts(heading.element.get_or_add_rPr())
        _size(heading.element.get_or_add_rPr(), points)
        heading.paragraph_format.space_before = Pt(before)
        heading.paragraph_format.space_after = Pt(6)
        heading.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT


# --- paragraphs and tables -----------------------------------------------------------------------


class _Writer:
    """Adds paragraphs and table cells to one document, formatted the same way throughout."""

    def __init__(self, doc: DocumentObject) -> None:
        self.doc = doc

    def paragraph(
        self,
        text: str = "",
        *,
        bold: bool = False,
        italic: bool = False,
        points: float | None = None,
        align: Any = None,
        first_line_cm: float | None = None,
        keep_with_next: bool = False,
    ) -> Any:
        from docx.shared import Cm, Pt

        par = self.doc.add_paragraph()
        if text:
            run = par.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
            if points is not None:
                run.font.size = Pt(points)
        fmt = par.paragraph_format
        if align is not None:
            fmt.alignment = align
        if first_line_cm is not None:
            fmt.first_line_indent = Cm(first_line_cm)
        if keep_with_next:
            fmt.keep_with_next = True
        return par

    @staticmethod
    def cell_text(
        cell: _Cell,
        lines: list[str],
        *,
        bold: bool = False,
        italic: bool = False,
        align: Any = None,
        points: float = 13,
        new: bool = False,
    ) -> None:
        """Lines in a cell, each its own paragraph; the first goes into the cell's empty first
        paragraph unless ``new``."""
        from docx.shared import Pt

        for index, line in enumerate(lines):
            par = cell.paragraphs[0] if index == 0 and not new else cell.add_paragraph()
            fmt = par.paragraph_format
            fmt.space_after = Pt(0)
            fmt.space_before = Pt(0)
            fmt.line_spacing = 1.0
            if align is not None:
                fmt.alignment = align
            run = par.add_run(line)
            run.bold = bold or None
            run.italic = italic or None
            run.font.size = Pt(points)

    @staticmethod
    def widths(table: Any, widths_cm: tuple[float, ...]) -> None:
        from docx.shared import Cm

        table.autofit = False
        for column, width in zip(table.columns, widths_cm, strict=True):
            column.width = Cm(width)
            for cell in column.cells:
                cell.width = Cm(width)

    @staticmethod
    def borderless(table: Any) -> None:
        """No borders, said outright rather than left to the default table style."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            element = OxmlElement(f"w:{edge}")
            element.set(qn("w:val"), "nil")
            borders.append(element)
        tbl_pr = table._tbl.tblPr
        after = tbl_pr.find(qn("w:tblLayout"))
        if after is None:
            after = tbl_pr.find(qn("w:tblLook"))
        if after is not None:
            after.addprevious(borders)
        else:
            tbl_pr.append(borders)


# --- the plan's parts, in order ------------------------------------------------------------------


def _rule_line(cell: _Cell, indent_cm: float) -> None:
    """A short horizontal line, centred under the line above: the top border of an empty
    paragraph narrowed by equal indents (the rule under the unit's name and under the motto)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    par = cell.add_paragraph()
    fmt = par.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(indent_cm)
    fmt.space_before = Pt(3)
    fmt.space_after = Pt(3)
    fmt.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    par._p.get_or_add_pPr().append(borders)


def _header_block(w: _Writer, content: PlanDocument) -> None:
    """The committee, the unit and the number on the left; the nation, the motto and the place
    and date on the right; each name with its rule line under it."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    committee, unit, number = content.left
    nation, motto, date = content.right
    header = w.doc.add_table(rows=1, cols=2)
    w.widths(header, _HEADER_WIDTHS_CM)
    w.borderless(header)
    left, right = header.rows[0].cells
    centre = WD_ALIGN_PARAGRAPH.CENTER
    w.cell_text(left, [committee, unit], bold=True, align=centre, points=13)
    _rule_line(left, 2.3)
    w.cell_text(left, [number], align=centre, points=13, new=True)
    w.cell_text(right, [nation], bold=True, align=centre, points=12)
    w.cell_text(right, [motto], bold=True, align=centre, points=13, new=True)
    _rule_line(right, 2.0)
    w.cell_text(right, [date], italic=True, align=centre, points=13, new=True)
    for cell in (left, right):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def _title(w: _Writer, content: PlanDocument) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    centre = WD_ALIGN_PARAGRAPH.CENTER
    title = w.paragraph(content.title, bold=True, points=14, align=centre)
    title.paragraph_format.space_before = Pt(18)
    title.paragraph_format.space_after = Pt(0)
    title.paragraph_format.keep_with_next = True
    subtitle = w.paragraph(content.subtitle, bold=True, points=14, align=centre)
    subtitle.paragraph_format.space_after = Pt(12)


def _blocks(w: _Writer, blocks: list[Block]) -> None:
    """The body's (and the annex's) blocks: headings, paragraphs indented like the seeds'."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    centre = WD_ALIGN_PARAGRAPH.CENTER
    for b in blocks:
        if b.table is not None:
            _grid_table(w, b.table)
        elif b.kind == "section":
            w.doc.add_heading(b.text, level=1)
        elif b.kind == "field":
            w.doc.add_heading(b.text, level=2)
        elif b.kind == "item":
            w.paragraph(b.text, bold=True, keep_with_next=True, first_line_cm=1.0)
        elif b.kind == "bullet":
            w.paragraph(f"- {b.text}", first_line_cm=1.0)
        elif b.kind == "title":
            w.paragraph(b.text, bold=True, points=14, align=centre, keep_with_next=True)
        elif b.kind == "note":
            w.paragraph(b.text, italic=True, align=centre)
        elif b.kind == "annex":
            w.paragraph(b.text.upper(), bold=True, points=14, align=centre, keep_with_next=True)
        else:
            w.paragraph(b.text, first_line_cm=1.0)


def _foot(w: _Writer, content: PlanDocument) -> None:
    """Nơi nhận on the left (12 pt, the heading bold italic), the signature on the right."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement

    w.doc.paragraphs[-1].paragraph_format.keep_with_next = True  # the closing sentence
    w.paragraph("", keep_with_next=True)
    foot = w.doc.add_table(rows=1, cols=2)
    w.widths(foot, _FOOT_WIDTHS_CM)
    w.borderless(foot)
    left, right = foot.rows[0].cells
    heading, *recipients = content.recipients
    flush = WD_ALIGN_PARAGRAPH.LEFT
    w.cell_text(left, [heading], bold=True, italic=True, align=flush, points=12)
    w.cell_text(left, recipients, align=flush, points=11, new=True)
    on_behalf, chair, signer = content.signature
    centre = WD_ALIGN_PARAGRAPH.CENTER
    w.cell_text(right, [on_behalf, chair], bold=True, align=centre, points=13)
    w.cell_text(right, ["", "", "", ""], align=centre, points=13, new=True)  # room to sign
    w.cell_text(right, [signer], bold=True, align=centre, points=13, new=True)
    for cell in (left, right):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    # the foot is never split across pages
    foot.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _annex(w: _Writer, blocks: list[Block]) -> None:
    """The annex on a page of its own (none when the document has no annex)."""
    from docx.enum.text import WD_BREAK

    if not blocks:
        return
    w.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    _blocks(w, blocks)


def _grid_table(w: _Writer, table: Table) -> None:
    """A table with a grid, its header row repeated on every page, no row split across two
    pages."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    grid = w.doc.add_table(rows=1, cols=len(table.heads))
    grid.style = w.doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, head in zip(grid.rows[0].cells, table.heads, strict=True):
        w.cell_text(cell, [head], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, points=12)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    grid.rows[0]._tr.get_or_add_trPr().append(repeat)
    merged = []
    for index, values in enumerate(table.rows):
        group = index in table.groups
        row = grid.add_row()
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a row on one page
        for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            right = column in table.right
            align = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
            w.cell_text(cell, [value], align=align, points=12, bold=group)
        if group and len(row.cells) > 2:
            merged.append(row)
    if table.widths_cm:
        w.widths(grid, table.widths_cm)
    for row in merged:  # a group's heading runs across the columns after its number
        cells = row.cells
        joined = cells[1].merge(cells[-1])
        for extra in joined.paragraphs[1:]:  # the emptied cells' paragraphs
            extra._p.getparent().remove(extra._p)
    w.paragraph("")


def _page_number(doc: DocumentObject) -> None:
    """The page number (a PAGE field) centred at the top of every page but the first."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    section = doc.sections[0]
    section.different_first_page_header_footer = True
    par = section.header.paragraphs[0]
    par.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (
        ("begin", None),
        (None, " PAGE "),
        ("separate", None),
        (None, "2"),
        ("end", None),
    ):
        run = par.add_run()
        run.font.size = Pt(13)
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


def _fix_properties(doc: DocumentObject, title: str, lang: str) -> None:
    props = doc.core_properties
    props.author = "parscore"
    props.last_modified_by = "parscore"
    props.created = props.modified = props.last_printed = FIXED_DATE
    props.revision = 1
    props.title = title
    props.subject = ""
    props.comments = ""
    props.keywords = ""
    props.category = ""
    props.language = language_tag(lang)


def _stable_zip(data: bytes) -> bytes:
    """The same entries in the same order, each with a fixed date and attributes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # the same bytes on every platform
            info.external_attr = ZIP_ATTR
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
