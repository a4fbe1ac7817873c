"""The comparison as an Excel workbook: one sheet per view, numbers stored as numbers.

Sheets (Vietnamese names by default, English with ``--lang en``):

- Xếp hạng / Ranking: one row per commune with its group, so Excel's filter picks a district;
- Lĩnh vực / Fields: the commune × field matrix (percentages) under a red-yellow-green colour
  scale, with each commune's weakest field and its gap to the group median;
- Xếp loại / Bands: communes per band per group, with the mean and median index;
- Tiêu chí / Sub-criteria: per group, who got full points on each sub-criterion;
- Bị loại / Excluded: the files left out and why (only when there are any).

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
from parscore.messages import render
from parscore.model.result import Notice
from parscore.report.common import FORMULA_START, Options
from parscore.report.compare_common import (
    CODE,
    FILE,
    KIND,
    RANK,
    RANK_NUMBER,
    RANKING,
    SCALE_GREEN,
    SCALE_RED,
    SCALE_YELLOW,
    UNIT,
    group_header,
    group_name,
)

#: a fixed document date: the same input gives the same bytes
FIXED_CREATED = dt.datetime(2000, 1, 1)

_MIN_WIDTH, _MAX_WIDTH = 6, 60


class _Sheet:
    """A worksheet written row by row, remembering each column's widest text."""

    def __init__(self, workbook: Any, name: str, formats: dict[str, Any]) -> None:
        self.ws = workbook.add_worksheet(name)
        self.formats = formats
        self.row = 0
        self.widths: dict[int, int] = {}
        self.wrapped: set[int] = set()

    def _width(self, col: int, text: str) -> None:
        self.widths[col] = max(self.widths.get(col, 0), len(text))

    def header(self, headers: Sequence[str], *, wrap_from: int | None = None) -> None:
        for col, text in enumerate(headers):
            self.ws.write_string(self.row, col, text, self.formats["header"])
            if wrap_from is not None and col >= wrap_from:
                self.wrapped.add(col)
            else:
                self._width(col, text)
        self.ws.freeze_panes(self.row + 1, 0)
        self.row += 1

    def text(self, col: int, value: str | None) -> None:
        if value is None or value == "":
            self.ws.write_blank(self.row, col, None, self.formats["text"])
            return
        # always write_string: text is never a formula; text that looks like one also gets
        # Excel's quote prefix, so that editing the cell keeps it text
        quoted = value.startswith(FORMULA_START)
        self.ws.write_string(self.row, col, value, self.formats["quoted" if quoted else "text"])
        self._width(col, value)

    def number(self, col: int, value: Decimal | None) -> None:
        """Two decimals, half up (the display rule), stored as a number."""
        if value is None:
            self.ws.write_blank(self.row, col, None, self.formats["number"])
            return
        shown = quantize(value)
        self.ws.write_number(self.row, col, float(shown), self.formats["number"])
        self._width(col, format(shown, "f"))

    def integer(self, col: int, value: int) -> None:
        self.ws.write_number(self.row, col, value, self.formats["integer"])
        self._width(col, str(value))

    def cell(self, col: int, kind: str, value: Any) -> None:
        """A cell written as its column's kind says: text, whole number or two decimals."""
        if kind == "text":
            self.text(col, value)
        elif kind == "integer":
            self.integer(col, value)
        else:
            self.number(col, value)

    def next_row(self) -> None:
        self.row += 1

    def finish(self, columns: int, *, autofilter: bool = True, wrap_width: int = 14) -> None:
        for col in range(columns):
            if col in self.wrapped:
                width = wrap_width
            else:
                width = min(max(self.widths.get(col, 0) + 2, _MIN_WIDTH), _MAX_WIDTH)
            self.ws.set_column(col, col, width)
        if autofilter and self.row > 1:
            self.ws.autofilter(0, 0, self.row - 1, columns - 1)


#: the ranking sheet: the ranking's columns, with the rank as a number, the kind of unit and the
#: file beside them (the group comes first)
_RANKING = [RANK, RANK_NUMBER, UNIT, CODE, KIND, *RANKING[3:], FILE]


def _formats(workbook: Any) -> dict[str, Any]:
    header = workbook.add_format(
        {"bold": True, "bg_color": "#D9E1F2", "bottom": 1, "text_wrap": True, "valign": "top"}
    )
    return {
        "header": header,
        "text": workbook.add_format({}),
        "quoted": workbook.add_format({"quote_prefix": True}),
        "number": workbook.add_format({"num_format": "0.00"}),
        "integer": workbook.add_format({"num_format": "0"}),
    }


def _ranking(sheet: _Sheet, comparison: Comparison, lang: str) -> None:
    headers = [group_header(comparison, lang), *(render(c.code, None, lang) for c in _RANKING)]
    sheet.header(headers)
    for group in comparison.groups:
        for row in group.ranking:
            sheet.text(0, group_name(comparison, group, lang))
            for col, column in enumerate(_RANKING, start=1):
                sheet.cell(col, column.kind, column.cell(row, lang))
            sheet.next_row()
    sheet.finish(len(headers))


def _fields(sheet: _Sheet, comparison: Comparison, lang: str) -> None:
    fields = comparison.fields
    first = 3  # group, commune, code, then one column per field
    headers = [
        group_header(comparison, lang),
        render("comparison.unit", None, lang),
        render("comparison.code", None, lang),
    ]
    headers += [f"{f.id}. {f.name.get(lang)}" for f in fields]
    headers += [render("comparison.weakest", None, lang), render("comparison.gap", None, lang)]
    sheet.header(headers, wrap_from=first)
    names = {f.id: f"{f.id}. {f.name.get(lang)}" for f in fields}
    for group in comparison.groups:
        for row in group.matrix:
            sheet.text(0, group_name(comparison, group, lang))
            sheet.text(1, row.unit.name)
            sheet.text(2, row.unit.code)
            for offset, f in enumerate(fields):
                sheet.number(first + offset, row.percents.get(f.id))
            weakest = names.get(row.weakest_field or "", row.weakest_field)
            sheet.text(first + len(fields), weakest)
            sheet.number(first + len(fields) + 1, row.weakest_gap)
            sheet.next_row()
    # the weakest field's name is long: let it be read in full, the gap stays narrow
    sheet.wrapped.discard(first + len(fields))
    sheet.finish(len(headers))
    longest = max((len(h) for h in headers[first : first + len(fields)]), default=0)
    sheet.ws.set_row(0, 15 * min(max(1, -(-longest // 12)), 6))
    if sheet.row > 1 and fields:
        sheet.ws.conditional_format(
            1,
            first,
            sheet.row - 1,
            first + len(fields) - 1,
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
    sheet.header(headers)
    for group in comparison.groups:
        sheet.text(0, group_name(comparison, group, lang))
        counts = {b.band.vi: b.count for b in group.bands}
        for col, b in enumerate(bands, start=1):
            sheet.integer(col, counts.get(b.band.vi, 0))
        sheet.integer(len(bands) + 1, len(group.ranking))
        sheet.number(len(bands) + 2, group.mean_index)
        sheet.number(len(bands) + 3, group.median_index)
        sheet.next_row()
    sheet.finish(len(headers), autofilter=False)


def _items(sheet: _Sheet, comparison: Comparison, lang: str) -> None:
    headers = [
        group_header(comparison, lang),
        render("result.field", None, lang),
        "ID",
        render("result.item", None, lang),
        render("comparison.full", None, lang),
        render("comparison.applicable-count", None, lang),
        render("comparison.full-units", None, lang),
    ]
    sheet.header(headers)
    for group in comparison.groups:
        for item in group.items:
            sheet.text(0, group_name(comparison, group, lang))
            sheet.text(1, item.field)
            sheet.text(2, item.id)
            sheet.text(3, item.name.get(lang))
            sheet.integer(4, len(item.full))
            sheet.integer(5, item.applicable)
            sheet.text(6, ", ".join(item.full))
            sheet.next_row()
    sheet.finish(len(headers))


def _excluded(sheet: _Sheet, comparison: Comparison, lang: str) -> None:
    headers = [
        render("comparison.file", None, lang),
        render("comparison.line", None, lang),
        render("comparison.column", None, lang),
        render("comparison.message", None, lang),
        render("comparison.problem-code", None, lang),
    ]
    sheet.header(headers)
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
    sheet.finish(len(headers))


def to_xlsx(comparison: Comparison, opts: Options) -> bytes:
    """The workbook's bytes; identical input gives identical bytes."""
    import xlsxwriter  # ≈80 ms to import: only when a workbook is asked for

    lang = opts.lang
    out = io.BytesIO()
    workbook = xlsxwriter.Workbook(out, {"in_memory": True})
    workbook.set_properties(
        {
            "title": render("comparison.compare-title", {"year": comparison.criteria.year}, lang),
            "subject": f"{comparison.criteria.id} ({comparison.criteria.version}) — "
            f"{comparison.criteria.title.get(lang)}",
            "author": "parscore",
            "created": FIXED_CREATED,
        }
    )
    formats = _formats(workbook)
    _ranking(
        _Sheet(workbook, render("comparison.sheet-ranking", None, lang), formats), comparison, lang
    )
    _fields(
        _Sheet(workbook, render("comparison.sheet-fields", None, lang), formats), comparison, lang
    )
    _bands(
        _Sheet(workbook, render("comparison.sheet-bands", None, lang), formats), comparison, lang
    )
    _items(
        _Sheet(workbook, render("comparison.sheet-items", None, lang), formats), comparison, lang
    )
    if comparison.excluded:
        _excluded(
            _Sheet(workbook, render("comparison.sheet-excluded", None, lang), formats),
            comparison,
            lang,
        )
    workbook.close()
    return out.getvalue()


__all__ = ["to_xlsx"]
