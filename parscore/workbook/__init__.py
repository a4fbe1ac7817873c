"""The score sheet (bảng tự chấm điểm) as an Excel workbook: written by ``parscore template
--format xlsx`` and ``parscore convert`` (:mod:`parscore.workbook.write`), read back by every
command that takes evidence (:mod:`parscore.workbook.read`). One evidence model, two ways in.

The layout both sides share (docs/workbook.md):

- ``Hướng dẫn``: how to fill the workbook, in words only;
- ``Thông tin``: the unit, year, criteria set and assessment, one per row (label, value);
- ``Chấm điểm``: one block per sub-criterion in the set's order: the sub-criterion's row (id,
  text, maximum, how it is scored, lead office, explanation, claimed score, "nothing occurred",
  note), a row per input (its meaning, and the value in column F), and rows for its documents
  (số, ngày, cơ quan ban hành, trích yếu, trang); survey rows follow under their own heading;
- ``Thưởng - Trừ``: the bonus and penalty lines;
- ``Kế hoạch``: the tasks of the commune's own year plan (``plan_tasks``), one a row.

Each row's last column, hidden and locked, holds its key ("input|items|1.1.1|status"): the reader
finds every value by it, never by the row's number, and places every problem at its cell.
Sheet names are Vietnamese whatever the language of the texts, so a workbook reads back the same.
"""

from __future__ import annotations

from typing import Any

SHEET_GUIDE = "Hướng dẫn"
SHEET_HEAD = "Thông tin"
SHEET_ITEMS = "Chấm điểm"
SHEET_LEDGER = "Thưởng - Trừ"
SHEET_PLAN = "Kế hoạch"
#: hidden: the levels each drop-down offers, by the set's labels (key, level id, label), read
#: back to the ids
SHEET_LISTS = "Danh sách"

#: the columns of the score sheet, in order (A, B, ...); the last one holds the row's key
ITEM_COLUMNS = (
    "id",
    "text",
    "max",
    "how",
    "lead",
    "value",
    "number",
    "date",
    "issuer",
    "title",
    "section",
    "explanation",
    "claimed",
    "nothing_occurred",
    "note",
    "key",
)
COL = {name: index for index, name in enumerate(ITEM_COLUMNS)}
#: the key of the score sheet's last row: rows below it (a signature block) are not read
END_KEY = "end"

#: the header row of the score sheet and of the ledger sheet (0-based, as XlsxWriter counts);
#: the rows below it are the sheet's rows, and a value above it is not read
ITEMS_HEADER_ROW = 3
LEDGER_HEADER_ROW = 2
HEAD_FIRST_ROW = 2

#: the head sheet: label, value, key
HEAD_VALUE, HEAD_KEY = 1, 2
HEAD_KEYS = (
    "unit.name",
    "unit.code",
    "unit.kind",
    "district.name",
    "district.code",
    "province.name",
    "province.code",
    "year",
    "criteria",
    "assessment.by",
    "assessment.date",
    "notes",
    "facts.discipline",
)

#: the ledger sheet: which ledger, reason, kind, points, the document, key
LEDGER_COLUMNS = (
    "ledger",
    "reason",
    "kind",
    "points",
    "number",
    "date",
    "issuer",
    "title",
    "section",
    "key",
)
LCOL = {name: index for index, name in enumerate(LEDGER_COLUMNS)}
DOCUMENT_KEYS = ("number", "date", "issuer", "title", "section")

#: the plan sheet: the commune's own year plan (``plan_tasks``), one task a row: the
#: sub-criterion whose evidence lists it (1.1.3), the task, the ids it serves, lead, support, due
PLAN_COLUMNS = ("item", "task", "serves", "lead", "support", "due", "key")
PCOL = {name: index for index, name in enumerate(PLAN_COLUMNS)}
PLAN_HEADER_ROW = 2
SPARE_PLAN_TASKS = 10

#: what a yes/no input is written as (a drop-down), and read back
YES, NO = "Có", "Không"
YES_NO = (YES, NO)
UNIT_KINDS = ("xã", "phường", "đặc khu", "thị trấn", "huyện", "thị xã", "thành phố")
DISCIPLINES = ("none", "reprimand", "warning", "demotion", "dismissal")

#: document rows under each sub-criterion: at least this many, one for each date its rule asks
#: (1.2.1: four reports), and one spare below those given; a row inserted directly under a
#: document row is one more document; and empty lines per ledger, to fill
MIN_DOCUMENTS = 3
SPARE_LEDGER_LINES = 5


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def mapping(value: object) -> dict[str, Any]:
    """``value`` when it is a mapping, else an empty one (a document not yet checked)."""
    return value if isinstance(value, dict) else {}


def listed(value: object) -> list[Any]:
    """``value`` when it is a list, else an empty one."""
    return value if isinstance(value, list) else []
