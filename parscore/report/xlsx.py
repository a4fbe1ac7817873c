"""The comparison as an Excel workbook: one sheet per view, numbers stored as numbers, set up to
be printed as a Department prints it.

Sheets (Vietnamese names by default, English with ``--lang en``):

- Xếp hạng / Ranking: one row per commune with its group, so Excel's filter picks a district;
- Lĩnh vực / Fields: the commune × field matrix (percentages) under a red-yellow-green colour
  scale, with each commune's weakest field and its gap to the group median;
- Xếp loại / Bands: communes per band per group, with the mean and median index;
- Tiêu chí / Sub-criteria: per group, on each sub-criterion how many got full points and who
  fell short of them (the units it applies to);
- Không xếp hạng / Not ranked: units not assessed, or lacking their group (only when any);
- Bị loại / Excluded: the files left out and why (only when there are any).

Every sheet opens with a title (the year, the criteria set, how units are grouped) and a line
giving the units (points; % for the index, shares and gaps, whose cells also show "%"), then
the header row, which is frozen on screen and repeated on every printed page. Pages are A4
landscape, fitted to the page's width, numbered in the footer.

Numbers are shown with the one display rule (two decimals, half up): the value written is the
rounded value, so what Excel shows, sums and sorts is what the text reports print. The file is
byte-identical for identical input: XlsxWriter stamps the zip entries with a fixed date, and the
document's created/modified date is fixed here.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from parscore.compare import Comparison
from parscore.decimals import quantize
from parscore.messages import format_points, render
from parscore.model.result import Notice
from parscore.report.common import FORMULA_START, Options
from parscore.report.compare_common import (
    FILE,
    KIND,
    PREVIOUS_NUMBERS,
    RANK_NUMBER,
    RANKING,
    SCALE_GREEN,
    SCALE_RED,
    SCALE_YELLOW,
    UNIT,
    group_header,
    group_name,
    heading,
    nominal_max,
    ranking_columns,
    stage_line,
    unranked,
)

#: a fixed document date: the same input gives the same bytes
FIXED_CREATED = dt.datetime(2000, 1, 1)

_MIN_WIDTH, _MAX_WIDTH = 6, 60
_HEADER_CHARS = 12  # a heading longer than this wraps
_LINE_HEIGHT = 15  # points, for a line of the default 11-point font
_TITLE_HEIGHT = 20  # for a line of the 14-point title


def wrapped_lines(text: str, width: int) -> int:
    """About how many lines ``text`` takes in a column ``width`` characters wide, wrapped at
    spaces (neither Excel nor LibreOffice sizes rows on opening a file, nor on printing it);
    each line of a text of several lines wraps on its own."""
    if "\n" in text:
        return sum(wrapped_lines(part, width) for part in text.split("\n"))
    room = width - 1 + width // 8  # a column's width counts wide digits; letters are narrower
    lines, used = 1, 0
    for word in text.split(" "):
        if used and used + 1 + len(word) > room:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


A4 = 9  # XlsxWriter's paper code for A4
#: percentages stored as the numbers the reports print (72.22), shown with their unit
PERCENT_FORMAT = '0.00"%"'


class _Sheet:
    """A worksheet written row by row under its title, remembering each column's widest text."""

    def __init__(self, workbook: Any, name: str, formats: dict[str, Any]) -> None:
        self.ws = workbook.add_worksheet(name)
        self.formats = formats
        self.row = 0
        self.header_row = 0
        self.widths: dict[int, int] = {}
        self.wrapped: dict[int, int] = {}  # column -> width, for long texts that wrap
        self.headers: list[str] = []
        self.title_lines: list[str] = []
        self.lines = 1  # the current row's height, in lines of wrapped text

    def _width(self, col: int, text: str) -> None:
        self.widths[col] = max(self.widths.get(col, 0), len(text))

    def title(self, lines: Sequence[str]) -> None:
        """The title (first line, large) and notes above the header, a blank row after them;
        written when the table's width is known (:meth:`finish`)."""
        self.title_lines = list(lines)
        self.row += len(lines) + 1

    def _write_title(self, printed: int) -> None:
        """The title and notes, each across the printed columns, wrapped to their width."""
        width = sum(self.width(col) for col in range(printed))
        for row, line in enumerate(self.title_lines):
            style, height = ("title", _TITLE_HEIGHT) if row == 0 else ("note", _LINE_HEIGHT)
            if printed > 1:
                self.ws.merge_range(row, 0, row, printed - 1, line, self.formats[style])
            else:
                self.ws.write_string(row, 0, line, self.formats[style])
            self.ws.set_row(row, height * wrapped_lines(line, width * (3 if row == 0 else 4) // 4))

    def header(self, headers: Sequence[str]) -> None:
        """The header row; a heading wraps on words rather than widening its column much."""
        for col, text in enumerate(headers):
            self.ws.write_string(self.row, col, text, self.formats["header"])
            self._width(col, text[:_HEADER_CHARS])
        self.headers = list(headers)
        self.header_row = self.row
        self.row += 1

    def text(self, col: int, value: str | None) -> None:
        style = "wrap" if col in self.wrapped else "text"
        if value is None or value == "":
            self.ws.write_blank(self.row, col, None, self.formats[style])
            return
        # always write_string: text is never a formula; text that looks like one also gets
        # Excel's quote prefix, so that editing the cell keeps it text
        quoted = value.startswith(FORMULA_START)
        self.ws.write_string(self.row, col, value, self.formats["quoted" if quoted else style])
        if col in self.wrapped:  # its row is made as high as the text needs, printed too
            self.lines = max(self.lines, wrapped_lines(value, self.wrapped[col]))
        else:
            self._width(col, value)

    def number(self, col: int, value: Decimal | None, style: str = "number") -> None:
        """Two decimals, half up (the display rule), stored as a number; ``style`` "percent"
        shows the "%" after it."""
        if value is None:
            self.ws.write_blank(self.row, col, None, self.formats[style])
            return
        shown = quantize(value)
        self.ws.write_number(self.row, col, float(shown), self.formats[style])
        self._width(col, format(shown, "f") + ("%" if style == "percent" else ""))

    def integer(self, col: int, value: int) -> None:
        self.ws.write_number(self.row, col, value, self.formats["integer"])
        self._width(col, str(value))

    def cell(self, col: int, kind: str, value: Any) -> None:
        """A cell written as its column's kind says: text, whole number, points or percent."""
        if kind == "text":
            self.text(col, value)
        elif kind == "integer":
            self.integer(col, value)
        else:
            self.number(col, value, "percent" if kind == "percent" else "number")

    def next_row(self) -> None:
        if self.lines > 1:
            self.ws.set_row(self.row, _LINE_HEIGHT * self.lines)
        self.lines = 1
        self.row += 1

    def width(self, col: int) -> int:
        width = self.wrapped.get(col)
        if width is None:
            width = min(max(self.widths.get(col, 0) + 2, _MIN_WIDTH), _MAX_WIDTH)
        return width

    def finish(
        self, columns: int, footer: str, *, freeze_cols: int = 0, printed: int | None = None
    ) -> None:
        """Column widths, the title, the filter, frozen panes and the page set-up for printing
        the first ``printed`` columns (all by default)."""
        printed = columns if printed is None else printed
        for col in range(columns):
            self.ws.set_column(col, col, self.width(col))
        self._write_title(printed)
        lines = max(
            (wrapped_lines(h, self.width(c)) for c, h in enumerate(self.headers)), default=1
        )
        self.ws.set_row(self.header_row, _LINE_HEIGHT * lines)
        if self.row > self.header_row + 1:
            self.ws.autofilter(self.header_row, 0, self.row - 1, columns - 1)
        self.ws.freeze_panes(self.header_row + 1, freeze_cols)
        _print_setup(self.ws, self.header_row, footer)
        if printed < columns:
            self.ws.print_area(0, 0, max(self.row - 1, self.header_row), printed - 1)


def _print_setup(ws: Any, header_row: int, footer: str) -> None:
    """A4 landscape, as wide as the page, the header row on every page, pages numbered."""
    ws.set_paper(A4)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.center_horizontally()
    ws.set_footer(f"&C{footer}")


#: the ranking sheet: the ranking's columns (the group first), then the kind of unit, the rank as
#: a number (to sort by) and the file
_RANKING = [*RANKING, KIND, RANK_NUMBER, FILE]


def _formats(workbook: Any) -> dict[str, Any]:
    """The cell formats: every cell of a table framed (rows are followed on paper too)."""
    cell = {"valign": "top", "border": 1, "border_color": "#A6A6A6"}
    header = {**cell, "bold": True, "bg_color": "#D9E1F2", "text_wrap": True}
    return {
        "title": workbook.add_format(
            {"bold": True, "font_size": 14, "text_wrap": True, "valign": "top"}
        ),
        "note": workbook.add_format({"italic": True, "text_wrap": True, "valign": "top"}),
        "header": workbook.add_format(header),
        "text": workbook.add_format(cell),
        "wrap": workbook.add_format({**cell, "text_wrap": True}),
        "quoted": workbook.add_format({**cell, "quote_prefix": True}),
        "number": workbook.add_format({**cell, "num_format": "0.00"}),
        "percent": workbook.add_format({**cell, "num_format": PERCENT_FORMAT}),
        "integer": workbook.add_format({**cell, "num_format": "0"}),
    }


def _title_lines(comparison: Comparison, lang: str, *, applicable: bool = False) -> list[str]:
    lines = [heading(comparison, lang), render("comparison.units-note", None, lang)]
    if (stage := stage_line(comparison, lang)) is not None:
        lines.append(stage)  # which stage is ranked, and the mean gap, as text and HTML say
    most = nominal_max(comparison)
    if applicable and most is not None:
        lines.append(
            render("comparison.applicable-max-note", {"max": format_points(most, lang)}, lang)
        )
    return lines


def _ranking(sheet: _Sheet, comparison: Comparison, lang: str) -> None:
    columns = ranking_columns(comparison, _RANKING, previous=PREVIOUS_NUMBERS)
    sheet.title(_title_lines(comparison, lang, applicable=True))
    sheet.header([group_header(comparison, lang), *(render(c.code, None, lang) for c in columns)])
    for group in comparison.groups:
        for row in group.ranking:
            sheet.text(0, group_name(comparison, group, lang))
            for col, column in enumerate(columns, start=1):
                sheet.cell(col, column.kind, column.cell(row, lang))
            sheet.next_row()
    # printed: the ranking up to the kind of unit; the rank as a number and the file are there
    # to sort and to find the file, on screen
    sheet.finish(
        1 + len(columns),
        _footer(lang),
        freeze_cols=1 + columns.index(UNIT) + 1,
        printed=1 + columns.index(KIND) + 1,
    )


def _footer(lang: str) -> str:
    return render("comparison.page-footer", None, lang)


def _fields_header(sheet: _Sheet, comparison: Comparison, lang: str) -> int:
    """The matrix's header row; returns the first field's column."""
    headers = [
        group_header(comparison, lang),
        render("comparison.unit", None, lang),
        render("comparison.code", None, lang),
    ]
    headers += [f"{f.id}. {f.name.get(lang)}" for f in comparison.fields]
    headers += [render("comparison.weakest", None, lang), render("comparison.gap", None, lang)]
    sheet.header(headers)
    return 3


def _fields(sheet: _Sheet, comparison: Comparison, lang: str) -> None:
    fields = comparison.fields
    sheet.title(_title_lines(comparison, lang))
    first = _fields_header(sheet, comparison, lang)
    no_weakest = {
        "at-or-above-median": render("comparison.no-weakest", None, lang),
        "nothing-comparable": render("comparison.nothing-comparable", None, lang),
    }
    for group in comparison.groups:
        for row in group.matrix:
            sheet.text(0, group_name(comparison, group, lang))
            sheet.text(1, row.unit.name)
            sheet.text(2, row.unit.code)
            for offset, f in enumerate(fields):
                sheet.number(first + offset, row.percents.get(f.id), "percent")
            # the field's id, as its column is headed: its name would widen the printed page
            weakest = row.weakest_field or no_weakest.get(row.no_weakest or "")
            sheet.text(first + len(fields), weakest)
            sheet.number(first + len(fields) + 1, row.weakest_gap, "percent")
            sheet.next_row()
    sheet.finish(first + len(fields) + 2, _footer(lang), freeze_cols=2)
    if sheet.row > sheet.header_row + 1 and fields:
        _colour_scale(sheet, first, first + len(fields) - 1)


def _colour_scale(sheet: _Sheet, first: int, last: int) -> None:
    sheet.ws.conditional_format(
        sheet.header_row + 1,
        first,
        sheet.row - 1,
        last,
        {
            "type": "3_color_scale",
            "min_type": "num",
            "min_value": 0,
            "min_color": SCALE_RED,
            "mid_type": "num",
            "mid_value": 50,
            "mid_color": SCALE_YELLOW,
            "max_type": "num",
            "max_value": 100,
            "max_color": SCALE_GREEN,
        },
    )


def _bands(sheet: _Sheet, comparison: Comparison, lang: str) -> None:
    bands = comparison.groups[0].bands if comparison.groups else []
    headers = [group_header(comparison, lang)]
    headers += [b.band.get(lang) for b in bands]
    headers += [
        render("comparison.units", None, lang),
        render("comparison.mean-index", None, lang),
        render("comparison.median-index", None, lang),
    ]
    sheet.title(_title_lines(comparison, lang))
    sheet.header(headers)
    for group in comparison.groups:
        sheet.text(0, group_name(comparison, group, lang))
        counts = {b.band.vi: b.count for b in group.bands}
        for col, b in enumerate(bands, start=1):
            sheet.integer(col, counts.get(b.band.vi, 0))
        sheet.integer(len(bands) + 1, len(group.ranking))
        sheet.number(len(bands) + 2, group.mean_index, "percent")
        sheet.number(len(bands) + 3, group.median_index, "percent")
        sheet.next_row()
    sheet.finish(len(headers), _footer(lang), freeze_cols=1)


def _against_last_year(sheet: _Sheet, comparison: Comparison, lang: str) -> None:
    """With --previous: per group, the units up, down and unchanged, the mean index then and
    now and its change, and the summary in the published wording (parscore/report/years.py)."""
    from parscore.report.years import group_change_lines, notes, vanished_lines

    headers = [
        group_header(comparison, lang),
        render("years.compared", None, lang),
        render("years.count-up", None, lang),
        render("years.count-down", None, lang),
        render("years.count-same", None, lang),
        render("years.mean-then", None, lang),
        render("comparison.mean-index", None, lang),
        render("years.index-change", None, lang),
        render("years.summary-heading", None, lang),
    ]
    sheet.title([*_title_lines(comparison, lang), *notes(comparison, lang)])
    sheet.wrapped[len(headers) - 1] = 80
    sheet.header(headers)
    for group in comparison.groups:
        change = group.change
        if change is None:
            continue
        sheet.text(0, group_name(comparison, group, lang))
        for col, count in enumerate((change.compared, change.up, change.down, change.unchanged)):
            sheet.integer(col + 1, count)
        sheet.number(5, change.mean_then, "percent")
        sheet.number(6, change.mean_now, "percent")
        sheet.number(7, change.mean_change)
        sheet.text(8, "\n".join(group_change_lines(comparison, group, lang)))
        sheet.next_row()
    for line in vanished_lines(comparison, lang):
        sheet.text(0, render("years.vanished", None, lang))
        sheet.text(8, line)
        sheet.next_row()
    sheet.finish(len(headers), _footer(lang), freeze_cols=1)


def _items(sheet: _Sheet, comparison: Comparison, lang: str) -> None:
    headers = [
        group_header(comparison, lang),
        render("result.field", None, lang),
        "ID",
        render("result.item", None, lang),
        render("comparison.full", None, lang),
        render("comparison.missed", None, lang),
        render("comparison.applicable-count", None, lang),
        render("comparison.missed-units", None, lang),
    ]
    sheet.title(_title_lines(comparison, lang))
    sheet.header(headers)
    sheet.wrapped.update({3: 50, 7: 70})  # the sub-criterion's name and the list of units
    for group in comparison.groups:
        for item in group.items:
            missed = [m.unit.name for m in group.matrix if item.id in m.short]
            sheet.text(0, group_name(comparison, group, lang))
            sheet.text(1, item.field)
            sheet.text(2, item.id)
            sheet.text(3, item.name.get(lang))
            sheet.integer(4, len(item.full))
            sheet.integer(5, len(missed))
            sheet.integer(6, item.applicable)
            sheet.text(7, ", ".join(missed))
            sheet.next_row()
    sheet.finish(len(headers), _footer(lang), freeze_cols=3)


def _unranked(sheet: _Sheet, comparison: Comparison, lang: str) -> None:
    """The units listed and not ranked: not assessed, or lacking their group."""
    headers = [
        group_header(comparison, lang),
        render("comparison.unit", None, lang),
        render("comparison.code", None, lang),
        render("comparison.reason", None, lang),
        render("comparison.file", None, lang),
    ]
    sheet.title(_title_lines(comparison, lang))
    sheet.header(headers)
    for reason, units in unranked(comparison):
        why = render(f"comparison.reason-{reason}", None, lang)
        for unit in units:
            sheet.text(0, unit.group)
            sheet.text(1, unit.name)
            sheet.text(2, unit.code)
            sheet.text(3, why)
            sheet.text(4, unit.source)
            sheet.next_row()
    sheet.finish(len(headers), _footer(lang), freeze_cols=2)


def _excluded(sheet: _Sheet, comparison: Comparison, lang: str) -> None:
    headers = [
        render("comparison.file", None, lang),
        render("comparison.line", None, lang),
        render("comparison.column", None, lang),
        render("comparison.message", None, lang),
        render("comparison.problem-code", None, lang),
    ]
    sheet.title(_title_lines(comparison, lang))
    sheet.header(headers)
    sheet.wrapped[3] = 70
    for excluded in comparison.excluded:
        problems: list[Notice | None] = [*excluded.problems] or [None]
        for problem in problems:
            sheet.text(0, excluded.file)
            if problem is not None:
                sheet.integer(1, problem.line)
                sheet.integer(2, problem.column)
                message = problem.message.get(lang)
                if problem.file != excluded.file:
                    message = f"{problem.file}: {message}"
                sheet.text(3, message)
                sheet.text(4, problem.code)
            sheet.next_row()
    sheet.finish(len(headers), _footer(lang), freeze_cols=1)


#: the sheets: their name's catalogue code, what writes them, whether the comparison has one
_SHEETS = [
    ("comparison.sheet-ranking", _ranking, lambda c: True),
    ("comparison.sheet-fields", _fields, lambda c: True),
    ("comparison.sheet-bands", _bands, lambda c: True),
    ("years.sheet-change", _against_last_year, lambda c: c.previous is not None),
    ("comparison.sheet-items", _items, lambda c: True),
    ("comparison.sheet-unranked", _unranked, lambda c: bool(unranked(c))),
    ("comparison.sheet-excluded", _excluded, lambda c: bool(c.excluded)),
]


def to_xlsx(comparison: Comparison, opts: Options) -> bytes:
    """The workbook's bytes; identical input gives identical bytes."""
    import xlsxwriter  # ≈80 ms to import: only when a workbook is asked for

    lang = opts.lang
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    workbook.set_properties(
        {
            "title": render("comparison.compare-title", {"year": comparison.year}, lang),
            "subject": f"{comparison.criteria.id} ({comparison.criteria.version}) — "
            f"{comparison.criteria.title.get(lang)}",
            "author": "parscore",
            "created": FIXED_CREATED,
        }
    )
    formats = _formats(workbook)
    for code, write, present in _SHEETS:
        if present(comparison):
            write(_Sheet(workbook, render(code, None, lang), formats), comparison, lang)
    workbook.close()
    return out.getvalue()


__all__ = ["to_xlsx"]
