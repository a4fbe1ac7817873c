"""Survey results for a whole province at once: one table (CSV or XLSX) from the surveying body,
read in place of each commune's typed survey points (``evaluate`` and ``compare`` with
``--survey TABLE``).

The table's first row names the columns: the unit code first, then one column per survey item
by its id in the criteria set (``S.1``, ``S.2``...). Each following row is one unit: its code,
then per item either the points as the surveying body sent them (``4.58``) or the satisfied
responses over all responses (``412/450``); an empty cell is an item the table does not give.

Every problem is located where the user looks: ``khao-sat.csv:4:3`` (line and column) in a CSV,
``khao-sat.xlsx: Sheet1!C4`` (sheet and cell) in a workbook. A row's values are checked against
each file's criteria set when the row is used (:func:`apply`), so that a bad cell is placed in
the table, not in the evidence file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from parscore import xlsxcells
from parscore.decimals import number_bound_problem, number_bounds_args
from parscore.errors import InputError, Problem, Severity
from parscore.messages import render
from parscore.model.checked import CheckedEvidence
from parscore.model.common import comparable
from parscore.model.evidence import Item
from parscore.workbook import column_letter
from parscore.yamlsource import DEFAULT_LIMITS, Limits, display_name, read_bytes


@dataclass(frozen=True)
class Place:
    """Where a cell is: a CSV's line and column, or a workbook's sheet and cell."""

    file: str
    line: int = 0
    column: int = 0
    cell: str = ""  # "Sheet1!C4" in a workbook

    def problem(self, message: str, /, *, warning: bool = False, **args: Any) -> Problem:
        """A problem here, located as every problem is (a workbook's cell in ``cell``, its row
        and column as line and column, as :mod:`parscore.workbook.read` places them)."""
        severity = Severity.WARNING if warning else Severity.ERROR
        return Problem(
            message, args, self.file, self.line, self.column, (), severity, cell=self.cell
        )


_POINTS = re.compile(r"[0-9]+(\.[0-9]+)?")

#: A cell's value: ("points", points) or ("counts", satisfied, responses).
Value = tuple[Any, ...]


@dataclass(frozen=True)
class Row:
    code: str
    place: Place
    cells: tuple[tuple[str, Value, Place], ...]  # item id, value, where


@dataclass(frozen=True)
class SurveyTable:
    display: str
    items: tuple[tuple[str, Place], ...]  # the columns' item ids, where each is named
    rows: tuple[Row, ...]
    header: Place  # the first row, where a column the set asks for is missing

    def row(self, code: str | None) -> Row | None:
        if code is None:
            return None
        wanted = comparable(code)
        return next((r for r in self.rows if comparable(r.code) == wanted), None)


def _csv_fields(text: str, delimiter: str) -> Iterator[tuple[list[tuple[str, int, int]], int]]:
    """The records of a CSV text, each field with the line and column where it starts (a quoted
    field at its opening quote; a cell may hold line breaks, so a record may span lines), and
    the line each record starts on. Quoting as :mod:`csv` reads it: ``""`` inside quotes is
    one quote, text after a closing quote is kept."""
    line, column, index, size = 1, 1, 0, len(text)
    while index < size:
        record: list[tuple[str, int, int]] = []
        record_line = line
        while True:
            start_line, start_column = line, column
            chars: list[str] = []
            quoted = index < size and text[index] == '"'
            if quoted:
                index, column = index + 1, column + 1
                while index < size:
                    char = text[index]
                    if char == '"' and text.startswith('""', index):
                        chars.append('"')
                        index, column = index + 2, column + 2
                        continue
                    index, column = index + 1, column + 1
                    if char == '"':
                        break
                    if char == "\n" or (char == "\r" and not text.startswith("\r\n", index - 1)):
                        line, column = line + 1, 1
                    chars.append(char)
            while index < size and text[index] not in (delimiter, "\n", "\r"):
                chars.append(text[index])
                index, column = index + 1, column + 1
            record.append(("".join(chars), start_line, start_column))
            if index < size and text[index] == delimiter:
                index, column = index + 1, column + 1
                continue
            break
        if text.startswith("\r\n", index):
            index += 2
        elif index < size:
            index += 1
        line, column = line + 1, 1
        yield (record if record != [("", record_line, 1)] else []), record_line


def _csv_cells(data: bytes, display: str) -> Iterator[tuple[list[tuple[Any, Place]], Place]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        byte = f"0x{data[exc.start]:02x}"
        raise InputError([Place(display).problem("file.not-utf8", byte=byte)]) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first and "," not in first else ","
    for fields, number in _csv_fields(text, delimiter):
        places = [(value.strip(), Place(display, line, column)) for value, line, column in fields]
        yield places, Place(display, number, 1)


def _xlsx_cells(
    data: bytes, display: str, limits: Limits
) -> Iterator[tuple[list[tuple[Any, Place]], Place]]:
    title, rows = xlsxcells.first_sheet(data, display, limits)
    for number, values in enumerate(rows, 1):
        cells = [
            (value, Place(display, number, column + 1, f"{title}!{column_letter(column)}{number}"))
            for column, value in enumerate(values)
        ]
        yield cells, Place(display, number, 1, f"{title}!A{number}")


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _value(raw: Any, place: Place) -> tuple[Value | None, Problem | None]:
    """A cell's points or satisfied/responses; (None, None) for an empty cell."""
    if _blank(raw):
        return None, None
    if isinstance(raw, xlsxcells.Formula):
        return None, place.problem("survey.formula", formula=raw.text)
    if isinstance(raw, bool):
        return None, place.problem("survey.bad-cell", value=str(raw))
    if isinstance(raw, (int, float)):  # a number cell, as YAML reads that number: 1e-05 too
        raw = xlsxcells.number_text(raw) if isinstance(raw, float) else str(raw)
    text = str(raw).strip()
    if "," in text and "/" not in text:
        return None, place.problem(
            "value.decimal-comma", value=text, suggested=text.replace(",", ".")
        )
    parts = [p.strip() for p in text.split("/")]
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        if any(number_bound_problem(p) for p in parts):
            args: dict[str, Any] = {"value": text, **number_bounds_args()}
            return None, place.problem("number.too-large", **args)
        if int(parts[1]) == 0:  # no response at all: nothing was surveyed, not a zero
            return None, place.problem("survey.no-responses", value=text)
        return ("counts", int(parts[0]), int(parts[1])), None
    if text.startswith("-") and _POINTS.fullmatch(text[1:]):
        return None, place.problem("value.negative", value=text)
    if not _POINTS.fullmatch(text):
        return None, place.problem("survey.bad-cell", value=text)
    bound = number_bound_problem(text)
    if bound is not None:
        args = {"value": text, **number_bounds_args()}
        return None, place.problem(bound, **args)
    number = Decimal(text)
    return ("points", number), None


def load(path: Path, limits: Limits = DEFAULT_LIMITS) -> SurveyTable:
    """The survey table at ``path`` (``.csv`` or ``.xlsx``), every problem in the file
    raised together."""
    display = display_name(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InputError([Place(display).problem("survey.not-table")])
    data = read_bytes(path, limits)  # the size limit and the refusals of any input file
    if suffix == ".csv":
        rows_in = _csv_cells(data, display)
    else:
        rows_in = _xlsx_cells(data, display, limits)
    problems: list[Problem] = []
    items: list[tuple[str, Place]] = []
    rows: list[Row] = []
    seen: dict[str, Place] = {}
    table = [(cells, place) for cells, place in rows_in]
    if table:
        header, header_place = table[0]
        names = [("" if raw is None else str(raw).strip(), place) for raw, place in header[1:]]
        # a heading left empty at the right of the table (a formatted cell, a trailing comma)
        # is no column, unless a value stands below it (then that value is a cell too many)
        while names and not names[-1][0]:
            names.pop()
        named: dict[str, Place] = {}
        for name, place in names:
            if not name:
                problems.append(place.problem("survey.blank-header"))
            elif name in named:
                first = named[name]
                where = first.cell or f"{first.line}:{first.column}"
                problems.append(place.problem("survey.duplicate-item", id=name, first=where))
            else:
                named[name] = place
            items.append((name, place))
        if not items:
            problems.append(header_place.problem("survey.no-items"))
    for cells, row_place in table[1:]:
        if all(raw is None or not str(raw).strip() for raw, _ in cells):
            continue  # a blank line
        code_raw, code_place = cells[0] if cells else (None, row_place)
        code = "" if code_raw is None else str(code_raw).strip()
        if isinstance(code_raw, float):
            code = repr(code_raw).removesuffix(".0")
        if not code:
            problems.append(code_place.problem("survey.no-code"))
            continue
        if comparable(code) in seen:
            first = seen[comparable(code)]
            where = first.cell or f"{first.line}"
            problems.append(code_place.problem("survey.duplicate-code", code=code, first=where))
            continue
        seen[comparable(code)] = code_place
        if len(cells) - 1 < len(items):  # a CSV row with fewer cells than the headings
            problems.append(
                row_place.problem("survey.short-row", cells=len(cells), columns=len(items) + 1)
            )
            continue
        values: list[tuple[str, Value, Place]] = []
        for (item, _), (raw, place) in zip(items, cells[1:], strict=False):
            value, problem = _value(raw, place)
            if problem is not None:
                problems.append(problem)
            elif value is not None:
                values.append((item, value, place))
        extra = [place for raw, place in cells[len(items) + 1 :] if not _blank(raw)]
        if extra:
            problems.append(extra[0].problem("survey.extra-cell"))
        rows.append(Row(code, code_place, tuple(values)))
    if not items and not problems:
        problems.append(Place(display).problem("survey.no-items"))
    if problems:
        raise InputError(problems)
    header_place = table[0][1] if table else Place(display)
    return SurveyTable(display, tuple(items), tuple(rows), header_place)


def apply(prepared: CheckedEvidence, table: SurveyTable) -> CheckedEvidence:
    """``prepared`` with its survey section replaced by its row of ``table``. A file with no
    unit code or no row, a column that is not a survey item of the file's set, or a value its
    rule refuses (more satisfied than responses, points above the maximum) is an error, placed
    in the table (or, for the file, at the file)."""
    cs = prepared.criteria
    ev = prepared.evidence
    code = ev.unit.code
    if code is None:
        raise InputError(
            [Place(prepared.source).problem("survey.no-unit-code", table=table.display)]
        )
    row = table.row(code)
    if row is None:
        place = Place(prepared.source)
        raise InputError([place.problem("survey.no-row", code=code, table=table.display)])
    problems: list[Problem] = []
    survey_ids = cs.survey_ids
    nodes = cs.node_map
    for item_id, place in table.items:
        node = nodes.get(item_id)
        if node is None or not node.is_leaf or item_id not in survey_ids:
            leaves = [i for i in cs.leaf_ids if i in survey_ids]
            problems.append(
                place.problem("survey.unknown-item", id=item_id, items=", ".join(leaves))
            )
    given = {item_id for item_id, _ in table.items}
    missing = [i for i in cs.leaf_ids if i in survey_ids and i not in given]
    if missing:  # a province's table without an item of the set is a mistake, not a zero
        problems.append(table.header.problem("survey.missing-item", items=", ".join(missing)))
    if problems:
        raise InputError(problems)
    survey: dict[str, Item] = {}
    inputs = {k: v for k, v in prepared.inputs.items() if k not in survey_ids}
    for item_id, value, place in row.cells:
        node = nodes[item_id]
        params = node.rule
        if value[0] == "points":
            values: dict[str, Any] = {"points": value[1]}
        else:
            values = {params.part.name: value[1], params.total.name: value[2]}  # type: ignore[union-attr]
        found = node.kind.check_inputs(params, values, node.max, prepared.context(None))
        bad = [p for p in found if not p.warning]
        for p in bad:
            problems.append(place.problem(p.code, **{"id": item_id, **p.args}))
        if bad:
            continue
        survey[item_id] = Item.model_validate(
            {**values, "documents": [_table_document(table, place)]}, strict=False
        )
        inputs[item_id] = values
    if problems:
        raise InputError(problems)
    evidence = ev.model_copy(update={"survey": survey})
    return prepared.model_copy(update={"evidence": evidence, "inputs": inputs})


def _table_document(table: SurveyTable, place: Place) -> dict[str, str]:
    """The province's table as the proof of a survey item's points: its name, and the cell (a
    workbook's) or line (a CSV's) the points were read from; in Vietnamese, as documents are."""
    where = (
        render("survey.document-cell", {"cell": place.cell}, "vi")
        if place.cell
        else render("survey.document-line", {"line": place.line}, "vi")
    )
    title = render("survey.document-title", {"table": table.display}, "vi")
    return {"title": title, "section": where}


def rows_without_file(table: SurveyTable, codes: set[str]) -> list[Problem]:
    """A warning for each row of ``table`` whose code no file reviewed has (``codes``, as
    :func:`~parscore.model.common.comparable` writes them)."""
    return [
        row.place.problem("survey.no-file", warning=True, code=row.code)
        for row in table.rows
        if comparable(row.code) not in codes
    ]
