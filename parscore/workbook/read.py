"""A filled score sheet workbook read back as the evidence document the YAML reader would give,
with every value's cell kept, so that every check places its problem at the file, the sheet and
the cell ("vinh-chap-2024.xlsx: Chấm điểm!F14: …").

What a cell holds becomes what the same thing typed in YAML becomes, so the same checks give the
same messages and refusals:

- a number stored as a number: an ``int`` when whole, else a ``Decimal`` of the shortest text
  that gives the same binary number (Excel stores 0.1 as the double nearest to it; its shortest
  text is "0.1", so 0.1 stays exactly 0.1); numbers past parscore's bounds are refused as in YAML;
- a date stored as a date: its dd/mm/yyyy text (the models read it as YAML's);
- text in a value cell: read as a YAML plain value would be (``12`` is a number, ``0,5`` stays
  text and is refused with the decimal-comma message, ``Có``/``Không`` are yes and no where a yes
  or no is asked); text in a text cell (an explanation, a document's number) stays text;
- control characters a YAML file may not hold are refused here too, placed at their cell.

The reading is bounded like the YAML reader's: the file's size (``--max-file-size``), its
unzipped size (:data:`parscore.xlsxcells.UNZIPPED_FACTOR` times that), and the cells visited
(``--max-nodes``).
openpyxl reads it (in read-only mode): the standard library has no reader of the format.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import unicodedata
import warnings
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from parscore.decimals import number_bound_problem, number_bounds_args, plain
from parscore.errors import InputError, KeyPath, Problem, Severity
from parscore.messages import format_size
from parscore.workbook import (
    COL,
    DOCUMENT_KEYS,
    END_KEY,
    HEAD_FIRST_ROW,
    HEAD_KEY,
    HEAD_KEYS,
    HEAD_VALUE,
    ITEM_COLUMNS,
    ITEMS_HEADER_ROW,
    LCOL,
    LEDGER_COLUMNS,
    LEDGER_HEADER_ROW,
    NO,
    PCOL,
    PLAN_COLUMNS,
    PLAN_HEADER_ROW,
    SHEET_HEAD,
    SHEET_ITEMS,
    SHEET_LEDGER,
    SHEET_LISTS,
    SHEET_PLAN,
    YES,
    column_letter,
)
from parscore.xlsxcells import check_zip, from_float, shown
from parscore.yamlsource import Limits, Source, display_name, read_bytes

#: the unzipped parts of a workbook may be this many times --max-file-size, no more
#: the rows of the hidden sheet of drop-down labels read (the reference set has 15)
MAX_LIST_ROWS = 2000

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?")
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff"
    "\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)

Cell = tuple[str, int, int]  # sheet, row (1-based), column (0-based)

#: the YAML messages whose words are a YAML file's, said in the workbook's words
_WORDING = {
    "value.expected-bool": "workbook.expected-yes-no",
    "evidence.nothing-with-inputs": "workbook.nothing-with-inputs",
    "evidence.partial-ratio": "workbook.partial-ratio",
}
#: the messages about a value missing from a document, placed at that value's cell
_AT_COLUMN = {"evidence.document-no-date": "date"}
#: the arguments of messages that name inputs (one, or several joined by ", ")
_NAME_ARGS = ("part", "total", "first", "second", "key", "inputs")

_INDEX = re.compile(r"[0-9]{1,6}")
_SECTIONS = ("items", "survey")

#: the keys parscore writes in each sheet's hidden column, by their parts (docs/workbook.md)
_KEY_SHAPES = {
    SHEET_HEAD: lambda p: len(p) == 1 and p[0] in HEAD_KEYS,
    SHEET_ITEMS: lambda p: (
        p == [END_KEY]
        or (p[0] == "field" and len(p) == 2)
        or (p[0] == "item" and len(p) == 3 and p[1] in _SECTIONS and bool(p[2]))
        or (p[0] == "input" and len(p) == 4 and p[1] in _SECTIONS and all(p[2:]))
        or (
            p[0] == "doc"
            and len(p) == 4
            and p[1] in _SECTIONS
            and bool(p[2])
            and bool(_INDEX.fullmatch(p[3]))
        )
    ),
    SHEET_PLAN: lambda p: len(p) == 2 and p[0] == "plan" and bool(_INDEX.fullmatch(p[1])),
    SHEET_LEDGER: lambda p: (
        len(p) == 4
        and p[0] == "ledger"
        and p[1] in ("bonus", "penalty")
        and bool(_INDEX.fullmatch(p[2]))
        and bool(_INDEX.fullmatch(p[3]))
    ),
}


class WorkbookSource(Source):
    """A workbook's evidence document, with the cell of every value."""

    def __init__(
        self,
        display: str,
        data: Any,
        cells: dict[KeyPath, Cell],
        labels: dict[tuple[str, str], dict[str, str]] | None = None,
        levels: dict[str, dict[str, str]] | None = None,
    ):
        super().__init__(display, "", None, data)
        self.cells = cells
        #: (section, id) -> input name -> the label the sheet shows for it (column B)
        self.labels = labels or {}
        #: an input's row key -> level id -> the label its drop-down offers
        self.levels = levels or {}

    def worded(self, code: str, keys: KeyPath, args: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """A message as the sheet's clerk reads it: the inputs named by the labels the sheet
        shows, not by their YAML keys, and the workbook's words (Có/Không, «Không phát sinh»)
        where the YAML message names a YAML value or key."""
        if len(keys) < 2:
            return _WORDING.get(code, code), args
        path = (str(keys[0]), str(keys[1]))
        names = self.labels.get(path, {})
        levels = self.levels.get("|".join(("input", *path, str(keys[-1]))), {})
        if levels and isinstance(args.get("choices"), str):  # the drop-down's labels
            args = {**args, "choices": "; ".join(levels.values())}
        if names:
            args = dict(args)
            for arg in _NAME_ARGS:
                if isinstance(args.get(arg), str):
                    args[arg] = re.sub(
                        r"[A-Za-z_][A-Za-z0-9_]*",
                        lambda m: f"«{names[m.group()]}»" if m.group() in names else m.group(),
                        args[arg],
                    )
        return _WORDING.get(code, code), args

    def cell_of(self, keys: KeyPath) -> Cell | None:
        keys = tuple(keys)
        for end in range(len(keys), -1, -1):
            cell = self.cells.get(keys[:end])
            if cell is not None:
                return cell
        return None

    def position(self, keys: KeyPath, *, prefer_key: bool = False) -> tuple[int, int]:
        cell = self.cell_of(keys)
        return (cell[1], cell[2] + 1) if cell else (0, 0)

    def problem(
        self,
        code: str,
        keys: KeyPath = (),
        *,
        prefer_key: bool = False,
        severity: Severity = Severity.ERROR,
        **args: Any,
    ) -> Problem:
        code, args = self.worded(code, keys, args)
        # a document without a date: at its date cell (H), not at its number (G)
        cell = self.cell_of((*keys, _AT_COLUMN[code]) if code in _AT_COLUMN else keys)
        if cell is None:
            return Problem(code, args, self.display, 0, 0, tuple(keys), severity)
        sheet, row, col = cell
        name = f"{sheet}!{column_letter(col)}{row}"
        return Problem(code, args, self.display, row, col + 1, tuple(keys), severity, cell=name)


def read_workbook(path: Path, limits: Limits) -> WorkbookSource:
    display = display_name(path)
    return workbook_source(read_bytes(path, limits), display, limits)


def _refuse(code: str, display: str, **args: Any) -> InputError:
    return InputError([Problem(code, args, display)])


def workbook_source(data: bytes, display: str, limits: Limits) -> WorkbookSource:
    """A workbook's bytes as a located evidence document (not yet checked against its set)."""
    if len(data) > limits.max_bytes:
        raise _refuse(
            "file.too-large",
            display,
            size=format_size(len(data)),
            limit=format_size(limits.max_bytes),
        )
    check_zip(data, display, limits)
    import openpyxl  # only when a workbook is read

    # openpyxl warns on stderr about what it does not support (or a date out of range, which it
    # then reads as an error value, refused by the checks like any text): not parscore's output
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception:  # noqa: BLE001 - any damage openpyxl meets is the file's
            raise _refuse("workbook.unreadable", display) from None
        reader = _Reader(display, limits)
        reader.formulas = _formulas_without_value(data, limits)
        try:
            return reader.read(wb)
        finally:
            wb.close()


def _formulas_without_value(data: bytes, limits: Limits) -> set[Cell]:
    """The cells holding a formula Excel never computed (a file written by a script, or saved
    without recalculating): read with the values they would be empty, and the item would go
    missing silently. Looked for only when a sheet holds a formula at all."""
    import openpyxl

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        if not any(b"<f" in archive.read(name) for name in sheets):
            return set()
    found: set[Cell] = set()
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        valued = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - refused, with its message, by the reading proper
        return set()
    try:
        for sheet in (SHEET_HEAD, SHEET_ITEMS, SHEET_LEDGER, SHEET_PLAN):
            if sheet not in wb.sheetnames or sheet not in valued.sheetnames:
                continue
            pairs = zip(
                wb[sheet].iter_rows(max_row=limits.max_nodes, max_col=len(ITEM_COLUMNS)),
                valued[sheet].iter_rows(max_row=limits.max_nodes, max_col=len(ITEM_COLUMNS)),
                strict=False,
            )
            for formulas, values in pairs:
                for formula, value in zip(formulas, values, strict=False):
                    text = getattr(formula, "value", None)
                    if isinstance(text, str) and text.startswith("=") and value.value is None:
                        found.add((sheet, formula.row, formula.column - 1))
    except Exception:  # noqa: BLE001 - refused, with its message, by the reading proper
        return found
    finally:
        wb.close()
        valued.close()
    return found


class _Reader:
    def __init__(self, display: str, limits: Limits):
        self.display = display
        self.limits = limits
        self.cells: dict[KeyPath, Cell] = {}
        self.problems: list[Problem] = []
        self.visited = 0
        self.walked = 0
        self.formulas: set[Cell] = set()  # cells whose formula has no computed value
        self.seen: dict[tuple[str, str], int] = {}  # (sheet, a row's key) -> its row
        self.labels: dict[str, dict[str, str]] = {}  # an input's key -> its levels' labels
        self.input_labels: dict[tuple[str, str], dict[str, str]] = {}
        self.shown_levels: dict[str, dict[str, str]] = {}  # an input's key -> label -> id

    # -- cells ------------------------------------------------------------------------------
    def rows(self, wb: Any, sheet: str, width: int, first: int) -> Any:
        """(row number, values) of a sheet, each row ``width`` cells; bounded. A number shown
        as a percentage (Excel turns "90%" typed into 0.9) is kept as its text, "90%", so that
        it is refused as "90%" typed in YAML is, never read as 0.9."""
        rows = wb[sheet].iter_rows(min_row=first, max_col=width)
        number = first - 1
        while True:
            try:  # read-only: each row's XML is parsed now, damaged or not
                cells = next(rows)
            except StopIteration:
                return
            except Exception:  # noqa: BLE001 - any damage openpyxl meets is the file's
                raise _refuse("workbook.unreadable", self.display) from None
            number += 1
            values = tuple(shown(cell) for cell in cells)
            # the cells that hold something count (a stray value far below the table is not
            # thousands of cells); the rows walked are bounded too
            self.visited += sum(1 for value in values if value is not None)
            self.walked += 1
            if self.visited > self.limits.max_nodes or self.walked > self.limits.max_nodes:
                cell = f"{sheet}!A{number}"
                raise InputError(
                    [
                        Problem(
                            "workbook.too-many-cells",
                            {"limit": self.limits.max_nodes},
                            self.display,
                            number,
                            1,
                            cell=cell,
                        )
                    ]
                )
            for col in range(len(values)):
                if values[col] is None and (sheet, number, col) in self.formulas:
                    self.problem("workbook.formula-no-value", (sheet, number, col))
            yield number, tuple(values) + (None,) * (width - len(values))

    def keyed(
        self, sheet: str, number: int, values: tuple[Any, ...], key_col: int, fill: tuple[int, ...]
    ) -> list[str] | None:
        """The row's key, in its parts; a row without one (inserted while the sheet was
        unprotected) that holds a value is refused at that value, and so is a key met twice (a
        row copied) and a key edited into one parscore does not write: parscore cannot tell what
        such a row belongs to, and never drops its values silently."""
        key = values[key_col]
        if isinstance(key, str) and key:
            if (sheet, key) in self.seen:
                first = self.seen[(sheet, key)]
                self.problem("workbook.row-twice", (sheet, number, 0), first=first)
                return None
            self.seen[(sheet, key)] = number
            parts = key.split("|")
            if not _KEY_SHAPES[sheet](parts):
                self.bad_key(sheet, number, key_col, key)
                return None
            return parts
        if key is not None and str(key).strip():  # a number or a date typed over the key
            self.bad_key(sheet, number, key_col, key)
            return None
        for col in fill:
            if values[col] is not None and str(values[col]).strip():
                self.problem("workbook.row-without-key", (sheet, number, col))
                break
        return None

    def bad_key(self, sheet: str, number: int, key_col: int, key: Any) -> None:
        text = key if isinstance(key, str) else from_float(key) if isinstance(key, float) else key
        self.problem(
            "workbook.bad-key",
            (sheet, number, key_col),
            key=str(text)[:60],
            column=column_letter(key_col),
        )

    def problem(self, code: str, cell: Cell, **args: Any) -> None:
        sheet, row, col = cell
        name = f"{sheet}!{column_letter(col)}{row}"
        self.problems.append(Problem(code, args, self.display, row, col + 1, cell=name))

    def text(self, value: Any, cell: Cell) -> Any:
        """A cell of text (an explanation, a document's number): text, whatever was typed."""
        if value is None:
            return None
        if isinstance(value, str):
            text = unicodedata.normalize("NFC", value.replace("\r\n", "\n"))
            bad = _UNSAFE.search(text)
            if bad is not None:
                self.problem("workbook.control-char", cell, char=f"U+{ord(bad.group()):04X}")
                return None
            return text if text.strip() else None
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float):
            return from_float(value)
        if isinstance(value, (dt.datetime, dt.date)):
            return _day(value)
        return str(value)

    def date(self, value: Any, cell: Cell) -> Any:
        """A cell of a date: an Excel date, or text as typed (the models read dd/mm/yyyy)."""
        if isinstance(value, (dt.datetime, dt.date)):
            return _day(value)
        text = self.text(value, cell)
        return text.strip() if isinstance(text, str) else text

    def value(self, value: Any, cell: Cell, *, yes_no: bool = False) -> Any:
        """A cell of a value (an input, a score, the year): as a YAML plain value."""
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, int):
            return self.number(str(value), cell)
        if isinstance(value, float):
            if not math.isfinite(value):
                self.problem("yaml.not-finite", cell, value=str(value))
                return None
            return self.number(from_float(value), cell)
        if isinstance(value, (dt.datetime, dt.date)):
            return _day(value)
        text = self.text(value, cell)
        if not isinstance(text, str):
            return text
        text = text.strip()
        if yes_no and text.casefold() in (YES.casefold(), NO.casefold()):
            return text.casefold() == YES.casefold()
        if text in _NULLS:
            return None
        if text in _TRUES or text in _FALSES:
            return text in _TRUES
        first = text[0]
        if first.isdigit() or first in "+-.":
            digits = text.lstrip("+-")
            leading_zero = len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()
            if _INT.fullmatch(text) or (_DECIMAL.fullmatch(text) and not leading_zero):
                return self.number(text, cell)
        return text

    def number(self, text: str, cell: Cell) -> Any:
        code = number_bound_problem(text)
        if code is not None:
            self.problem(code, cell, value=text, **number_bounds_args())
            return None
        if _INT.fullmatch(text):
            return int(text)
        return plain(Decimal(text))

    # -- sheets -----------------------------------------------------------------------------
    def read(self, wb: Any) -> WorkbookSource:
        names = set(wb.sheetnames)
        missing = [sheet for sheet in (SHEET_HEAD, SHEET_ITEMS) if sheet not in names]
        if len(missing) == 1:  # one of the two renamed or deleted: named
            raise _refuse("workbook.sheet-missing", self.display, sheet=missing[0])
        if missing:
            raise _refuse(
                "workbook.not-score-sheet", self.display, sheets=f"{SHEET_HEAD}, {SHEET_ITEMS}"
            )
        data: dict[str, Any] = {}
        if SHEET_LISTS in names:
            self.read_lists(wb)
        self.head(wb, data)
        self.items(wb, data)
        if SHEET_LEDGER in names:
            self.ledgers(wb, data)
        if SHEET_PLAN in names:
            self.plan(wb, data)
        # the sheet's own problems (an inserted row, a value out of bounds) are reported with
        # every problem the checks find in what was read, in one run
        levels = {
            key: {choice: label for label, choice in by_label.items()}
            for key, by_label in self.shown_levels.items()
        }
        src = WorkbookSource(self.display, data, self.cells, self.input_labels, levels)
        src.read_problems = self.problems
        return src

    def read_lists(self, wb: Any) -> None:
        """The drop-downs' labels: a label typed or picked is read as its level's id."""
        try:  # parscore's own hidden sheet: its first rows only, not counted as the clerk's
            rows = list(wb[SHEET_LISTS].iter_rows(min_row=2, max_row=MAX_LIST_ROWS + 1, max_col=3))
        except Exception:  # noqa: BLE001 - any damage openpyxl meets is the file's
            raise _refuse("workbook.unreadable", self.display) from None
        for cells in rows:
            key, choice, label = (tuple(cell.value for cell in cells) + (None,) * 3)[:3]
            if isinstance(key, str) and isinstance(choice, str) and isinstance(label, str):
                shown = unicodedata.normalize("NFC", label).strip()
                self.labels.setdefault(key, {}).setdefault(shown.casefold(), choice)
                self.shown_levels.setdefault(key, {}).setdefault(shown, choice)

    def head(self, wb: Any, data: dict[str, Any]) -> None:
        given: dict[str, Any] = {}
        where: dict[str, Cell] = {}
        for number, values in self.rows(wb, SHEET_HEAD, HEAD_KEY + 1, HEAD_FIRST_ROW + 1):
            parts = self.keyed(SHEET_HEAD, number, values, HEAD_KEY, (HEAD_VALUE,))
            if parts is None:
                continue
            key = parts[0]
            cell = (SHEET_HEAD, number, HEAD_VALUE)
            where[key] = cell
            raw = values[HEAD_VALUE]
            if key == "year":
                given[key] = self.value(raw, cell)
            elif key == "assessment.date":
                given[key] = self.date(raw, cell)
            else:
                given[key] = self.text(raw, cell)
        unit: dict[str, Any] = {}
        for sub in ("name", "code", "kind"):
            if given.get(f"unit.{sub}") is not None:
                unit[sub] = given[f"unit.{sub}"]
            if f"unit.{sub}" in where:
                self.cells[("unit", sub)] = where[f"unit.{sub}"]
        if "unit.name" in where:
            self.cells[("unit",)] = where["unit.name"]
        parents: list[dict[str, Any]] = []
        for level in ("district", "province"):
            name, code = given.get(f"{level}.name"), given.get(f"{level}.code")
            if name is None and code is None:
                continue
            index = len(parents)
            parent = {"level": level, "name": name} if name is not None else {"level": level}
            if code is not None:
                parent["code"] = code
            parents.append(parent)
            for sub in ("name", "code"):
                if f"{level}.{sub}" in where:
                    self.cells[("unit", "parents", index, sub)] = where[f"{level}.{sub}"]
            # the name's row, or the code's when the name's row was deleted
            self.cells[("unit", "parents", index)] = (
                where.get(f"{level}.name") or where[f"{level}.code"]
            )
        if parents:
            unit["parents"] = parents
        data["unit"] = unit
        for key in ("year", "criteria", "notes"):
            if key in where:
                self.cells[(key,)] = where[key]
            if given.get(key) is not None:
                data[key] = given[key]
        assessment = {
            sub: given[f"assessment.{sub}"]
            for sub in ("by", "date")
            if given.get(f"assessment.{sub}") is not None
        }
        for sub in ("by", "date"):
            if f"assessment.{sub}" in where:
                self.cells[("assessment", sub)] = where[f"assessment.{sub}"]
        if "assessment.by" in where:
            self.cells[("assessment",)] = where["assessment.by"]
        if assessment:
            data["assessment"] = assessment
        if "facts.discipline" in where:
            self.cells[("facts",)] = self.cells[("facts", "discipline")] = where["facts.discipline"]
            if given.get("facts.discipline") is not None:
                data["facts"] = {"discipline": given["facts.discipline"]}

    def items(self, wb: Any, data: dict[str, Any]) -> None:
        width = len(ITEM_COLUMNS)
        items: dict[tuple[str, str], dict[str, Any]] = {}
        documents: dict[tuple[str, str], list[dict[str, Any]]] = {}
        fill = tuple(range(COL["value"], COL["key"]))
        not_documents = tuple(c for c in fill if ITEM_COLUMNS[c] not in DOCUMENT_KEYS)
        last_doc: list[str] | None = None  # the document row above, for a row inserted under it
        for number, values in self.rows(wb, SHEET_ITEMS, width, ITEMS_HEADER_ROW + 2):
            parts: list[str] | None
            if (
                last_doc is not None
                and values[COL["key"]] is None
                and all(values[c] is None or not str(values[c]).strip() for c in not_documents)
            ):
                parts = last_doc  # one more document of the sub-criterion above
            else:
                parts = self.keyed(SHEET_ITEMS, number, values, COL["key"], fill)
            last_doc = parts if parts is not None and parts[0] == "doc" else None
            if parts == [END_KEY]:  # the table's end: below it, a signature block, not read
                break
            if parts is None or parts[0] == "field":
                continue
            section, node_id = parts[1], parts[2]
            path = (section, node_id)
            item = items.setdefault(path, {})

            def at(column: str, row: int = number) -> Cell:
                return (SHEET_ITEMS, row, COL[column])

            if parts[0] == "item":
                self.cells[path] = at("id")
                for column in ("explanation", "claimed", "nothing_occurred", "note"):
                    self.cells[(*path, column)] = at(column)
                    raw = values[COL[column]]
                    value = (
                        self.value(raw, at(column))
                        if column == "claimed"
                        else self.text(raw, at(column))
                    )
                    if value is not None:
                        item[column] = value
            elif parts[0] == "input":
                name = parts[3]
                self.cells[(*path, name)] = at("value")
                shown = values[COL["text"]]
                if isinstance(shown, str) and shown.strip():
                    self.input_labels.setdefault(path, {})[name] = _label(shown)
                value = self.value(values[COL["value"]], at("value"), yes_no=True)
                levels = self.labels.get("|".join(parts), {})
                if isinstance(value, str) and value.strip().casefold() in levels:
                    value = levels[value.strip().casefold()]
                if value is not None:
                    item[name] = value
            elif parts[0] == "doc":
                doc: dict[str, Any] = {}
                for column in DOCUMENT_KEYS:
                    raw = values[COL[column]]
                    read = self.date if column == "date" else self.text
                    value = read(raw, at(column))
                    if value is not None:
                        doc[column] = value
                listed = documents.setdefault(path, [])
                if (*path, "documents") not in self.cells:
                    self.cells[(*path, "documents")] = at("number")
                if doc:
                    index = len(listed)
                    listed.append(doc)
                    self.cells[(*path, "documents", index)] = at("number")
                    for column in DOCUMENT_KEYS:
                        self.cells[(*path, "documents", index, column)] = at(column)
        for (section, node_id), item in items.items():
            item = _ordered(item, documents.get((section, node_id)) or [])
            if item:
                data.setdefault(section, {})[node_id] = item

    def ledgers(self, wb: Any, data: dict[str, Any]) -> None:
        lines: dict[tuple[str, int], dict[str, Any]] = {}
        first_rows: dict[tuple[str, int], int] = {}
        doc_rows: dict[tuple[str, int], list[tuple[int, dict[str, Any]]]] = {}
        fill = tuple(range(LCOL["reason"], LCOL["key"]))
        for number, values in self.rows(
            wb, SHEET_LEDGER, len(LEDGER_COLUMNS), LEDGER_HEADER_ROW + 2
        ):
            parts = self.keyed(SHEET_LEDGER, number, values, LCOL["key"], fill)
            if parts is None:
                continue
            which, line_no, doc_no = parts[1], int(parts[2]), int(parts[3])
            here = (which, line_no)

            def at(column: str, row: int = number) -> Cell:
                return (SHEET_LEDGER, row, LCOL[column])

            line = lines.setdefault(here, {})
            if doc_no == 0:
                first_rows[here] = number
                for column in ("reason", "kind"):
                    value = self.text(values[LCOL[column]], at(column))
                    if value is not None:
                        line[column] = value
                points = self.value(values[LCOL["points"]], at("points"))
                if points is not None:
                    line["points"] = points
            doc: dict[str, Any] = {}
            for column in DOCUMENT_KEYS:
                read = self.date if column == "date" else self.text
                value = read(values[LCOL[column]], at(column))
                if value is not None:
                    doc[column] = value
            if doc:
                doc_rows.setdefault(here, []).append((number, doc))
        for which in ("bonus", "penalty"):
            kept: list[dict[str, Any]] = []
            for (ledger, line_no), line in lines.items():
                docs = doc_rows.get((ledger, line_no), [])
                if ledger != which or not (line or docs):
                    continue
                index = len(kept)
                row = first_rows.get((ledger, line_no), docs[0][0] if docs else 0)
                self.cells[(which, index)] = (SHEET_LEDGER, row, LCOL["reason"])
                for column in ("reason", "kind", "points"):
                    self.cells[(which, index, column)] = (SHEET_LEDGER, row, LCOL[column])
                if docs:
                    line = {**line, "documents": [doc for _, doc in docs]}
                    for d, (doc_row, _) in enumerate(docs):
                        self.cells[(which, index, "documents", d)] = (
                            SHEET_LEDGER,
                            doc_row,
                            LCOL["number"],
                        )
                        for column in DOCUMENT_KEYS:
                            self.cells[(which, index, "documents", d, column)] = (
                                SHEET_LEDGER,
                                doc_row,
                                LCOL[column],
                            )
                kept.append(line)
            if kept:
                data[which] = kept

    def plan(self, wb: Any, data: dict[str, Any]) -> None:
        """The plan sheet's tasks, each into ``plan_tasks`` of the sub-criterion its row names."""
        fill = tuple(range(PCOL["item"], PCOL["key"]))
        for number, values in self.rows(wb, SHEET_PLAN, len(PLAN_COLUMNS), PLAN_HEADER_ROW + 2):
            if self.keyed(SHEET_PLAN, number, values, PCOL["key"], fill) is None:
                continue

            def at(column: str, row: int = number) -> Cell:
                return (SHEET_PLAN, row, PCOL[column])

            read = {name: self.text(values[PCOL[name]], at(name)) for name in PLAN_COLUMNS[:-1]}
            task: dict[str, Any] = {}
            for name in ("task", "serves", "lead", "support", "due"):
                text = read[name]
                if text is None:
                    continue
                if name == "serves":
                    task[name] = [ref for ref in re.split(r"[,;\s]+", text) if ref]
                elif name == "support":
                    task[name] = [n.strip() for n in re.split(r"[;\n]", text) if n.strip()]
                else:
                    task[name] = text.strip()
            if not task:  # an empty row, or only the sub-criterion's id
                continue
            node_id = read["item"].strip() if isinstance(read["item"], str) else None
            if not node_id:
                self.problem("workbook.plan-no-item", at("item"))
                continue
            survey = (SHEET_ITEMS, f"item|survey|{node_id}") in self.seen
            section = "survey" if survey else "items"
            item = data.setdefault(section, {}).setdefault(node_id, {})
            tasks = item.setdefault("plan_tasks", [])
            path = (section, node_id, "plan_tasks")
            self.cells.setdefault((section, node_id), at("item"))
            self.cells.setdefault(path, at("task"))
            index = len(tasks)
            tasks.append(task)
            self.cells[(*path, index)] = at("task")
            for name in ("task", "serves", "lead", "support", "due"):
                self.cells[(*path, index, name)] = at(name)
            for name in ("serves", "support"):
                for k in range(len(task.get(name, []))):
                    self.cells[(*path, index, name, k)] = at(name)


def _label(shown: str) -> str:
    """An input's label as the sheet shows it in column B, without the type hint in brackets
    and the "hoặc:" of an alternative: "Tỷ lệ (%) (số)" -> "Tỷ lệ (%)"."""
    text = shown.strip()
    for prefix in ("hoặc: ", "or: "):
        text = text.removeprefix(prefix)
    head, bracket, _ = text.rpartition(" (")
    return head if bracket and head else text


def _ordered(item: dict[str, Any], docs: list[dict[str, Any]]) -> dict[str, Any]:
    """An item's keys in the order a YAML file writes them: inputs, then documents, then the
    explanation, the claimed score and the rest."""
    tail = ("explanation", "claimed", "nothing_occurred", "note")
    inputs = {k: v for k, v in item.items() if k not in tail}
    listed = {"documents": docs} if docs else {}
    return {**inputs, **listed, **{k: item[k] for k in tail if k in item}}


def _day(value: dt.date | dt.datetime) -> str:
    """An Excel date as the YAML file writes it (a time of day is kept, and refused there)."""
    if isinstance(value, dt.datetime) and value.time() != dt.time():
        return value.strftime("%d/%m/%Y %H:%M")
    return value.strftime("%d/%m/%Y")


__all__ = ["WorkbookSource", "read_workbook", "workbook_source"]
