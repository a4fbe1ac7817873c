"""The improvement plan as a Word document, laid out like the plans communes sign.

The content and its wording are those of the Markdown plan (:func:`plan_text.markdown`): the same
labels, the same sections in the same order, the same numbers with the one display rounding rule.
Only the layout is Word's:

- A4 portrait, margins 2 cm top/bottom/right and 3 cm left (administrative documents), Times New
  Roman 13 pt, set for every script so Word does not fall back to a theme font;
- the header block of an administrative document in a borderless two-column table: the committee
  and "Số: ....../KH-UBND" on the left, the national name, motto and place/date on the right;
- the title centred in bold 14 pt, section headings as Heading 1, fields as Heading 2 (both Times
  New Roman, bold, black), so Word's navigation pane lists them;
- the summary table with a grid, a header row repeated on every page, numbers right-aligned.

The bytes are identical for identical input: the core properties are fixed and the zip is
rewritten with fixed entry dates and attributes (python-docx stamps every entry with the time).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import TYPE_CHECKING, Any

from parscore.messages import format_points, language_tag, render
from parscore.plan import Plan
from parscore.report.common import Options, unit_line
from parscore.report.plan_text import (
    SUMMARY_HEADS,
    _task,
    draft_note,
    field_heading,
    field_sections,
    node_lines,
    summary_rows,
    target_lines,
)

if TYPE_CHECKING:
    from docx.document import Document as DocumentObject
    from docx.table import _Cell


FIXED_DATE = dt.datetime(2000, 1, 1)
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
ZIP_ATTR = 0o644 << 16
FONT = "Times New Roman"
#: text width 16 cm (21 - 3 - 2): the header block, then the summary table's columns
_HEADER_WIDTHS_CM = (6.0, 10.0)
_SUMMARY_WIDTHS_CM = (1.2, 6.0, 2.6, 2.8, 2.0, 1.4)
_SUMMARY_RIGHT = (0, 5)  # STT and the points: numbers, right-aligned
_THEME_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def to_docx(plan: Plan, opts: Options) -> bytes:
    from docx import Document

    lang = opts.lang
    doc = Document()
    _page_and_styles(doc, lang)
    w = _Writer(doc)
    _header_block(w, plan, lang)
    _title(w, plan, lang)
    _first(w, plan, lang, opts.top)
    _fields(w, plan, lang)
    _survey(w, plan, lang)
    _summary_table(w, plan, lang)
    _fix_properties(doc, render("plan-doc.subtitle", {"year": plan.year}, lang), lang)
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
        indent_cm: float | None = None,
        hanging_cm: float | None = None,
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
        if indent_cm is not None:
            fmt.left_indent = Cm(indent_cm)
        if hanging_cm is not None:
            fmt.first_line_indent = Cm(-hanging_cm)
        if keep_with_next:
            fmt.keep_with_next = True
        return par

    def labelled(self, label: str, text: str) -> None:
        """``a) Mục tiêu, nhiệm vụ: ...``: the label, then its content, indented."""
        self.paragraph(f"{label}: {text}", indent_cm=0.6)

    @staticmethod
    def cell_text(
        cell: _Cell, lines: list[str], *, bold: bool = False, align: Any = None, points: float = 13
    ) -> None:
        from docx.shared import Pt

        first = cell.paragraphs[0]
        for index, line in enumerate(lines):
            par = first if index == 0 else cell.add_paragraph()
            fmt = par.paragraph_format
            fmt.space_after = Pt(0)
            fmt.space_before = Pt(0)
            fmt.line_spacing = 1.0
            if align is not None:
                fmt.alignment = align
            run = par.add_run(line)
            run.bold = bold or None
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


def _header_block(w: _Writer, plan: Plan, lang: str) -> None:
    """The committee and the document number on the left, the nation and the date on the right."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    unit = plan.unit
    org = render("plan-doc.org", {"kind": unit.kind.upper(), "name": unit.name.upper()}, lang)
    prefix = render("plan-doc.org", {"kind": "", "name": ""}, lang).strip()
    org_lines = [prefix, org[len(prefix) :].strip()] if org.startswith(prefix) else [org]
    header = w.doc.add_table(rows=1, cols=2)
    w.widths(header, _HEADER_WIDTHS_CM)
    w.borderless(header)
    left, right = header.rows[0].cells
    centre = WD_ALIGN_PARAGRAPH.CENTER
    w.cell_text(left, org_lines, bold=True, align=centre, points=12)
    w.cell_text(right, [render("plan-doc.nation", None, lang)], bold=True, align=centre, points=12)
    motto = right.add_paragraph()
    motto.paragraph_format.alignment = centre
    motto.paragraph_format.space_after = Pt(0)
    motto_run = motto.add_run(render("plan-doc.motto", None, lang))
    motto_run.bold = True
    motto_run.font.size = Pt(13)
    for cell, text, italic in (
        (left, render("plan-doc.number", None, lang), False),
        (right, render("plan-doc.date", {"place": unit.name, "year": plan.year}, lang), True),
    ):
        par = cell.add_paragraph()
        par.paragraph_format.alignment = centre
        par.paragraph_format.space_before = Pt(6)
        par.paragraph_format.space_after = Pt(0)
        run = par.add_run(text)
        run.italic = italic or None
        run.font.size = Pt(13)
    for cell in (left, right):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def _title(w: _Writer, plan: Plan, lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    centre = WD_ALIGN_PARAGRAPH.CENTER
    title = w.paragraph(render("plan-doc.title", None, lang), bold=True, points=14, align=centre)
    title.paragraph_format.space_before = Pt(18)
    title.paragraph_format.space_after = Pt(0)
    title.paragraph_format.keep_with_next = True
    subtitle = render("plan-doc.subtitle", {"year": plan.year}, lang)
    w.paragraph(subtitle, bold=True, points=14, align=centre, keep_with_next=True)
    w.paragraph(unit_line(plan.unit, lang), italic=True, align=centre)
    w.paragraph(draft_note(plan, lang), italic=True)


def _first(w: _Writer, plan: Plan, lang: str, top: int) -> None:
    """I. What to do first, and the target."""
    w.doc.add_heading(render("plan-doc.first", None, lang), level=1)
    w.paragraph(render("plan-doc.first-note", None, lang))
    if not plan.steps:
        w.paragraph(render("plan-doc.nothing", None, lang))
    for index, step in enumerate(plan.steps[: max(top, 1)], start=1):
        w.paragraph(f"{index}. {_task(step, lang)}", indent_cm=0.6, hanging_cm=0.6)
    target = target_lines(plan, lang)
    if target is not None:
        w.paragraph(target[0], bold=True, keep_with_next=True)
        w.paragraph(target[1])


def _fields(w: _Writer, plan: Plan, lang: str) -> None:
    """II. Per field, per sub-criterion: goals and tasks, solutions, bodies, timing."""
    w.doc.add_heading(render("plan-doc.fields", None, lang), level=1)
    for field, nodes in field_sections(plan):
        w.doc.add_heading(field_heading(field, lang), level=2)
        for steps in nodes:
            w.paragraph(f"{steps[0].id} {steps[0].name.get(lang)}", bold=True, keep_with_next=True)
            for label, text in node_lines(steps, lang):
                w.labelled(label, text)


def _survey(w: _Writer, plan: Plan, lang: str) -> None:
    """III. The survey points lost (scored by the surveying body)."""
    w.doc.add_heading(render("plan-doc.survey", None, lang), level=1)
    if not plan.survey:
        w.paragraph(render("plan-doc.survey-none", None, lang))
    for gap in plan.survey:
        w.paragraph(
            f"- {gap.id} {gap.name.get(lang)}: "
            f"{format_points(gap.points, lang)}/{format_points(gap.max, lang)}",
            indent_cm=0.6,
        )


def _summary_table(w: _Writer, plan: Plan, lang: str) -> None:
    """IV. The summary table, its heading row repeated on every page."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    w.doc.add_heading(render("plan-doc.summary", None, lang), level=1)
    heads = [render(code, None, lang) for code in SUMMARY_HEADS]
    table = w.doc.add_table(rows=1, cols=len(heads))
    table.style = w.doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        w.cell_text(cell, [head], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, points=12)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values in summary_rows(plan, lang):
        for column, (cell, value) in enumerate(zip(table.add_row().cells, values, strict=True)):
            right = column in _SUMMARY_RIGHT
            align = WD_ALIGN_PARAGRAPH.RIGHT if right else WD_ALIGN_PARAGRAPH.LEFT
            w.cell_text(cell, [value], align=align, points=12)
    w.widths(table, _SUMMARY_WIDTHS_CM)


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
