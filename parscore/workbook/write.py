"""The score sheet workbook a working group fills (``parscore template --format xlsx``), empty
or holding a commune's evidence (``parscore convert``). Pure: bytes out.

Structure cells are locked and the sheets protected (no password: protection keeps filling from
breaking the structure, it is not a secret); the cells to fill are unlocked, tinted, and carry
data validation: whole numbers, numbers, dates, drop-downs of the allowed levels. Pages are A4
landscape, fitted to the width, the header row repeated. The bytes are the same for the same
input: XlsxWriter stamps its zip entries with a fixed date and the document date is fixed here.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from parscore.messages import render
from parscore.model.common import parse_date
from parscore.model.criteria import CriteriaSet, Node
from parscore.report.template import NOTHING_OCCURRED, UnitInfo
from parscore.report.xlsx import A4, FIXED_CREATED, wrapped_lines
from parscore.rules import InputSpec
from parscore.workbook import (
    COL,
    DISCIPLINES,
    DOCUMENT_KEYS,
    END_KEY,
    HEAD_FIRST_ROW,
    HEAD_KEY,
    HEAD_VALUE,
    ITEM_COLUMNS,
    ITEMS_HEADER_ROW,
    LCOL,
    LEDGER_COLUMNS,
    LEDGER_HEADER_ROW,
    MIN_DOCUMENTS,
    NO,
    PCOL,
    PLAN_HEADER_ROW,
    SHEET_GUIDE,
    SHEET_HEAD,
    SHEET_ITEMS,
    SHEET_LEDGER,
    SHEET_LISTS,
    SHEET_PLAN,
    SPARE_LEDGER_LINES,
    SPARE_PLAN_TASKS,
    UNIT_KINDS,
    YES,
    YES_NO,
    listed,
    mapping,
)

_ITEM_WIDTHS = {
    "id": 7,
    "text": 34,
    "max": 7,
    "how": 38,
    "lead": 14,
    "value": 13,
    "number": 12,
    "date": 11,
    "issuer": 16,
    "title": 26,
    "section": 14,
    "explanation": 28,
    "claimed": 8,
    "nothing_occurred": 14,
    "note": 12,
    "key": 10,
}
_LEDGER_WIDTHS = {
    "ledger": 9,
    "reason": 44,
    "kind": 18,
    "points": 8,
    "number": 12,
    "date": 11,
    "issuer": 18,
    "title": 30,
    "section": 9,
    "key": 10,
}
_PLAN_WIDTHS = {
    "item": 10,
    "task": 50,
    "serves": 16,
    "lead": 24,
    "support": 28,
    "due": 16,
    "key": 10,
}
_LINE = 15  # points, a line of the 10-point font
_FIRST_DATE, _LAST_DATE = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def _formats(wb: Any) -> dict[str, Any]:
    base = {"font_size": 10, "valign": "top", "text_wrap": True, "border": 1}
    fill = {**base, "locked": False, "bg_color": "#FFF9DB"}
    return {
        "title": wb.add_format({"bold": True, "font_size": 14}),
        "note": wb.add_format({"font_size": 10, "text_wrap": True, "valign": "top"}),
        "header": wb.add_format({**base, "bold": True, "bg_color": "#D9E2F3", "align": "center"}),
        "field": wb.add_format({**base, "bold": True, "bg_color": "#E7E6E6"}),
        "item": wb.add_format({**base, "bold": True}),
        "text": wb.add_format(base),
        "number": wb.add_format({**base, "num_format": "0.##"}),
        "fill": wb.add_format({**fill, "num_format": "@"}),
        "fill-number": wb.add_format({**fill, "num_format": "General"}),
        "fill-date": wb.add_format({**fill, "num_format": "dd/mm/yyyy"}),
        "guide": wb.add_format({"font_size": 11, "text_wrap": True, "valign": "top"}),
        "guide-title": wb.add_format({"bold": True, "font_size": 14}),
    }


def _print_setup(ws: Any, header_row: int, footer: str, *, pages_wide: int = 1) -> None:
    """A4 landscape, ``pages_wide`` pages across (the score sheet's 15 columns fitted to one
    page printed at about 5.5 pt: on two, printed across then down, with the id and the text
    repeated on each, they print at full size), the header row on every page, page numbers."""
    ws.set_paper(A4)
    ws.set_landscape()
    ws.fit_to_pages(pages_wide, 0)
    if pages_wide > 1:
        ws.print_across()
        ws.repeat_columns(COL["id"], COL["text"])
    ws.repeat_rows(header_row)
    ws.set_margins(left=0.3, right=0.3, top=0.5, bottom=0.6)
    ws.set_footer(f"&L{footer}&R&P/&N")


def _protect(ws: Any, *, insert_rows: bool = False) -> None:
    """Locked structure: cells are filled, columns and rows may be widened, nothing deleted or
    sorted (the hidden keys would no longer match their rows); on the score sheet rows may be
    inserted (one more document under a document row; anywhere else the reader refuses it)."""
    options = {"format_columns": True, "format_rows": True, "select_locked_cells": True}
    ws.protect("", {**options, "insert_rows": insert_rows})


def _cell_text(value: Any) -> str:
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _height(texts: dict[str, Any], widths: dict[str, int] = _ITEM_WIDTHS) -> int:
    """The lines the tallest of a row's texts takes, each in its column's width (neither Excel
    nor LibreOffice sizes rows when a file is opened or printed)."""
    lines = 1
    for column, value in texts.items():
        if value is None:
            continue
        width = widths[column]
        lines = max(
            lines, sum(wrapped_lines(part, width) for part in _cell_text(value).split("\n"))
        )
    return lines


def _with_labels(text: str, specs: list[InputSpec], lang: str) -> str:
    """A hint that names inputs by their YAML keys ("Ghi status khi không có ngày", "ghi score
    và scale 100") names them by the labels the sheet shows ("Ghi «Tình trạng» …")."""
    for spec in specs:
        pattern = rf"(?<![\w«./-])'?{re.escape(spec.name)}'?(?![\w»/-])"
        text = re.sub(pattern, f"«{spec.label.get(lang)}»", text)
    return text


class _Writer:
    def __init__(self, wb: Any, cs: CriteriaSet, lang: str) -> None:
        self.wb = wb
        self.cs = cs
        self.lang = lang
        self.f = _formats(wb)
        self.lists: list[tuple[int, str, str, str]] = []  # row, key, level id, label

    def t(self, code: str, **args: Any) -> str:
        return render(code, args, self.lang)

    # -- a value to fill, with what parscore reads it as -----------------------------------
    def value(
        self,
        ws: Any,
        row: int,
        col: int,
        value: Any,
        kind: str,
        labels: dict[str, str] | None = None,
    ) -> None:
        """``kind``: text, date, number, or an input type; ``value`` as the YAML reader gives it
        (None: left to fill)."""
        if value is None:
            style = {"date": "fill-date", "text": "fill"}.get(kind, "fill-number")
            if kind in ("choice", "bool"):
                style = "fill"
            ws.write_blank(row, col, None, self.f[style])
            return
        if kind == "bool" and isinstance(value, bool):
            ws.write_string(row, col, YES if value else NO, self.f["fill"])
            return
        if kind == "choice" and labels and isinstance(value, str) and value in labels:
            ws.write_string(row, col, labels[value], self.f["fill"])
            return
        if kind == "date" and isinstance(value, (str, dt.date)):
            try:
                day = parse_date(value)
            except Exception:  # noqa: BLE001 - not a date: kept as typed, refused on reading
                day = None
            if day is not None:
                ws.write_datetime(
                    row, col, dt.datetime.combine(day, dt.time()), self.f["fill-date"]
                )
                return
        if kind != "text" and isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            number = Decimal(value)
            if Decimal(repr(float(number))) == number and number.copy_abs() < 10**15:
                ws.write_number(row, col, float(value), self.f["fill-number"])
                return
        ws.write_string(row, col, _cell_text(value), self.f["fill"])

    def validate(self, ws: Any, row: int, col: int, kind: str, **extra: Any) -> None:
        """Excel's data validation for one cell to fill (a hint, and a check while typing; the
        reader checks again, as for YAML)."""
        title = self.t("workbook.dv-title")
        rule: dict[str, Any]
        if kind == "count":
            rule = {"validate": "integer", "criteria": ">=", "value": 0}
        elif kind in ("number", "points"):
            rule = {"validate": "decimal", "criteria": ">=", "value": 0}
        elif kind == "percent":
            rule = {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100}
        elif kind == "claimed":
            top = float(extra["maximum"])
            rule = {"validate": "decimal", "criteria": "between", "minimum": 0, "maximum": top}
        elif kind == "date":  # a warning only: dd/mm/yyyy typed as text is read too
            rule = {
                "validate": "date",
                "criteria": "between",
                "minimum": _FIRST_DATE,
                "maximum": _LAST_DATE,
                "error_type": "warning",
            }
        elif kind == "choice" and "source" in extra:  # the levels' labels, on the lists sheet
            rule = {"validate": "list", "source": extra.pop("source")}
        elif kind in ("choice", "bool", "list"):
            rule = {"validate": "list", "source": list(extra["choices"])}
        else:
            return
        message = self.t(
            f"workbook.dv-{kind}", **{k: _cell_text(v) for k, v in extra.items() if k != "choices"}
        )
        rule.update({"input_title": title[:32], "input_message": message[:250]})
        rule.update({"error_title": title[:32], "error_message": message[:250]})
        ws.data_validation(row, col, row, col, rule)

    # -- the sheets ---------------------------------------------------------------------------
    def guide(self, unit: UnitInfo, year: int) -> None:
        ws = self.wb.add_worksheet(SHEET_GUIDE)
        ws.set_column(0, 0, 110)
        title = self.t("workbook.title", year=year, kind=unit.kind, name=unit.name)
        ws.write_string(0, 0, title, self.f["guide-title"])
        ws.set_row(0, 22)
        criteria = self.t(
            "template.criteria",
            id=self.cs.id,
            version=self.cs.version,
            title=self.cs.title.get(self.lang),
        )
        lines = [criteria, "", *self.t("workbook.guide").split("\n")]
        for index, line in enumerate(lines, start=1):
            ws.write_string(index, 0, line, self.f["guide"])
            ws.set_row(index, _LINE * wrapped_lines(line, 110))
        ws.set_paper(A4)
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.set_footer(f"&L{SHEET_GUIDE}&R&P/&N")
        ws.protect("", {"select_locked_cells": True})
        ws.activate()

    def head(self, unit: UnitInfo, year: int, ref: str, data: dict[str, Any]) -> None:
        ws = self.wb.add_worksheet(SHEET_HEAD)
        ws.set_column(0, 0, 34)
        ws.set_column(1, 1, 60)
        ws.set_column(HEAD_KEY, HEAD_KEY, 14, None, {"hidden": True})
        ws.write_string(0, 0, self.t("workbook.head-title"), self.f["title"])
        unit_data = mapping(data.get("unit"))
        parents = {p.get("level"): p for p in unit_data.get("parents") or [] if isinstance(p, dict)}
        assessment = mapping(data.get("assessment"))
        facts = mapping(data.get("facts"))
        given = {
            "unit.name": unit_data.get("name", unit.name),
            "unit.code": unit_data.get("code", unit.code),
            "unit.kind": unit_data.get("kind", unit.kind),
            "district.name": parents.get("district", {}).get("name", unit.district),
            "district.code": parents.get("district", {}).get("code"),
            "province.name": parents.get("province", {}).get("name", unit.province),
            "province.code": parents.get("province", {}).get("code"),
            "year": data.get("year", year),
            "criteria": data.get("criteria", ref),
            "assessment.by": assessment.get("by"),
            "assessment.date": assessment.get("date"),
            "notes": data.get("notes"),
            "facts.discipline": facts.get("discipline"),
        }
        reads_facts = any(c.discipline_at_least for b in self.cs.bands for c in b.not_when)
        row = HEAD_FIRST_ROW
        for key in given:
            if key == "facts.discipline" and not reads_facts and given[key] is None:
                continue
            ws.write_string(row, 0, self.t(f"workbook.head-{key}"), self.f["text"])
            kind = {"year": "number", "assessment.date": "date"}.get(key, "text")
            self.value(ws, row, HEAD_VALUE, given[key], kind)
            if key == "unit.kind":
                self.validate(ws, row, HEAD_VALUE, "list", choices=UNIT_KINDS)
            elif key == "facts.discipline":
                self.validate(ws, row, HEAD_VALUE, "list", choices=DISCIPLINES)
            elif key == "assessment.date":
                self.validate(ws, row, HEAD_VALUE, "date")
            ws.write_string(row, HEAD_KEY, key)
            if given[key] is not None:
                ws.set_row(row, _LINE * wrapped_lines(_cell_text(given[key]), 60))
            row += 1
        _print_setup(ws, 0, SHEET_HEAD)
        _protect(ws)

    def table_sheet(
        self, name: str, columns: Mapping[str, int], widths: Mapping[str, float]
    ) -> Any:
        """A sheet laid out as a table: its ``columns`` (name → index) ``widths`` wide, the key
        column hidden; the title rows above the header (:meth:`table_header`) come next."""
        ws = self.wb.add_worksheet(name)
        for column, index in columns.items():
            options = {"hidden": True} if column == "key" else None
            ws.set_column(index, index, widths[column], None, options)
        return ws

    def table_header(
        self, ws: Any, columns: Mapping[str, int], heading: str, row: int, frozen: int = 0
    ) -> None:
        """The columns' headings (``heading`` + name; none for the key) on ``row``, the sheet
        frozen below it and right of its first ``frozen`` columns."""
        for column, index in columns.items():
            text = "" if column == "key" else self.t(f"{heading}{column}")
            ws.write_string(row, index, text, self.f["header"])
        ws.set_row(row, _LINE * 2)
        ws.freeze_panes(row + 1, frozen)

    def items(self, unit: UnitInfo, year: int, data: dict[str, Any]) -> None:
        ws = self.table_sheet(SHEET_ITEMS, COL, _ITEM_WIDTHS)
        title = self.t("workbook.title", year=year, kind=unit.kind, name=unit.name)
        ws.merge_range(0, 0, 0, COL["note"], title, self.f["title"])
        ws.set_row(0, 20)
        note = self.t("workbook.items-note")
        ws.merge_range(1, 0, 1, COL["note"], note, self.f["note"])
        ws.set_row(1, _LINE * 2)
        header = ITEMS_HEADER_ROW
        self.table_header(ws, COL, "workbook.col-", header, frozen=2)
        self.row = header + 1
        given = mapping(data.get("items"))
        for field in self.cs.fields:
            leaves = [n for n in field.walk() if n.is_leaf and n.scored_by == "commune"]
            if not leaves:
                continue
            self.heading(ws, field.id, field.name.get(self.lang), field.max)
            for node in leaves:
                self.block(ws, "items", node, given.get(node.id))
        survey = [n for n in self.cs.leaves() if n.scored_by == "outside"]
        if survey:
            given = mapping(data.get("survey"))
            self.heading(ws, "", self.t("template.survey"), None)
            for node in survey:
                self.block(ws, "survey", node, given.get(node.id))
        # the table's end: what is typed below (a signature block) is not the evidence
        ws.write_string(self.row, COL["text"], self.t("workbook.end"), self.f["note"])
        ws.write_string(self.row, COL["key"], END_KEY)
        ws.print_area(0, 0, self.row, COL["note"])
        _print_setup(ws, header, SHEET_ITEMS, pages_wide=2)
        _protect(ws, insert_rows=True)

    def heading(self, ws: Any, ident: str, text: str, maximum: Decimal | None) -> None:
        row = self.row
        for col in range(len(ITEM_COLUMNS) - 1):
            ws.write_blank(row, col, None, self.f["field"])
        ws.write_string(row, COL["id"], ident, self.f["field"])
        ws.write_string(row, COL["text"], text, self.f["field"])
        if maximum is not None:
            ws.write_number(row, COL["max"], float(maximum), self.f["field"])
        ws.write_string(row, COL["key"], f"field|{ident}")
        ws.set_row(row, _LINE * wrapped_lines(text, _ITEM_WIDTHS["text"]))
        self.row += 1

    def block(self, ws: Any, section: str, node: Node, item: Any) -> None:
        """A sub-criterion's row, its inputs' rows, and its documents' rows."""
        item = item if isinstance(item, dict) else {}
        lang, f, row = self.lang, self.f, self.row
        how = [node.kind.describe(node.rule, node.max, lang)]
        if node.when_nothing_occurred:
            how.append(self.t(NOTHING_OCCURRED[node.when_nothing_occurred]))
        hint = node.kind.fill_hint(node.rule, lang)
        if hint:
            how.append(hint)
        if node.evidence:
            how.append(self.t("template.evidence", evidence=node.evidence.get(lang)))
        specs = node.kind.inputs(node.rule)
        how_text = _with_labels("\n".join(how), specs, lang)
        lead = (node.lead or "") + (f" (+ {', '.join(node.support)})" if node.support else "")
        name = node.name.get(lang)
        ws.write_string(row, COL["id"], node.id, f["item"])
        ws.write_string(row, COL["text"], name, f["item"])
        ws.write_number(row, COL["max"], float(node.max), f["number"])
        ws.write_string(row, COL["how"], how_text, f["text"])
        ws.write_string(row, COL["lead"], lead, f["text"])
        for col in ("value", *DOCUMENT_KEYS):
            ws.write_blank(row, COL[col], None, f["text"])
        for key in ("explanation", "claimed", "nothing_occurred", "note"):
            self.value(ws, row, COL[key], item.get(key), "number" if key == "claimed" else "text")
        self.validate(ws, row, COL["claimed"], "claimed", maximum=node.max)
        ws.write_string(row, COL["key"], f"item|{section}|{node.id}")
        filled = {key: item.get(key) for key in ("explanation", "nothing_occurred", "note")}
        height = _height({"how": how_text, "text": name, "lead": lead, **filled})
        ws.set_row(row, _LINE * (height + 1))
        row += 1
        groups = list(dict.fromkeys(s.group for s in specs if s.group))
        for spec in specs:
            label = self.input_label(spec, groups)
            ws.write_blank(row, COL["id"], None, f["text"])
            ws.write_string(row, COL["text"], label, f["text"])
            for col in ("max", "how", "lead", *DOCUMENT_KEYS, "explanation", "claimed"):
                ws.write_blank(row, COL[col], None, f["text"])
            ws.write_blank(row, COL["nothing_occurred"], None, f["text"])
            ws.write_blank(row, COL["note"], None, f["text"])
            key = f"input|{section}|{node.id}|{spec.name}"
            labels = self.choice_labels(key, spec)
            self.value(ws, row, COL["value"], item.get(spec.name), spec.type, labels)
            choices = YES_NO if spec.type == "bool" else spec.choices
            if labels:
                first, last = self.lists[-len(labels)][0], self.lists[-1][0]
                source = f"='{SHEET_LISTS}'!$C${first + 1}:$C${last + 1}"
                self.validate(ws, row, COL["value"], spec.type, choices=choices, source=source)
            else:
                self.validate(ws, row, COL["value"], spec.type, choices=choices)
            ws.write_string(row, COL["key"], key)
            ws.set_row(row, _LINE * wrapped_lines(label, _ITEM_WIDTHS["text"]))
            row += 1
        documents = listed(item.get("documents"))
        count = len(documents) + 1  # one spare row at least; more are inserted under it
        if node.scored_by == "commune":  # a row for each document the rule dates, 3 at least
            dated = sum(1 for spec in specs if spec.type == "date")
            count = max(count, MIN_DOCUMENTS, dated)
        for index in range(count):
            doc = documents[index] if index < len(documents) else {}
            doc = doc if isinstance(doc, dict) else {}
            ws.write_blank(row, COL["id"], None, f["text"])
            ws.write_string(row, COL["text"], self.t("workbook.document", n=index + 1), f["text"])
            for col in ("max", "how", "lead", "value", "explanation", "claimed"):
                ws.write_blank(row, COL[col], None, f["text"])
            ws.write_blank(row, COL["nothing_occurred"], None, f["text"])
            ws.write_blank(row, COL["note"], None, f["text"])
            for key in DOCUMENT_KEYS:
                self.value(ws, row, COL[key], doc.get(key), "date" if key == "date" else "text")
            self.validate(ws, row, COL["date"], "date")
            if doc:
                ws.set_row(row, _LINE * _height({k: doc.get(k) for k in DOCUMENT_KEYS}))
            ws.write_string(row, COL["key"], f"doc|{section}|{node.id}|{index}")
            row += 1
        self.row = row

    def choice_labels(self, key: str, spec: InputSpec) -> dict[str, str]:
        """A choice's levels by the set's labels (id -> label), listed on the lists sheet for
        the drop-down; none when the labels are missing or two are alike (the ids are offered)."""
        if spec.type != "choice" or len(spec.choice_labels) != len(spec.choices):
            return {}
        labels = {
            c: t.get(self.lang) for c, t in zip(spec.choices, spec.choice_labels, strict=True)
        }
        if len({label.casefold() for label in labels.values()}) != len(labels):
            return {}
        for choice, label in labels.items():
            self.lists.append((len(self.lists) + 1, key, choice, label))
        return labels

    def lists_sheet(self) -> None:
        """The hidden sheet of the drop-downs' labels: key, level id, label."""
        ws = self.wb.add_worksheet(SHEET_LISTS)
        ws.write_row(0, 0, ("key", "id", "label"))
        for row, key, choice, label in self.lists:
            ws.write_row(row, 0, (key, choice, label))
        ws.set_column(0, 2, 30)
        ws.hide()
        ws.protect("", {"select_locked_cells": True})

    def input_label(self, spec: InputSpec, groups: list[str]) -> str:
        if spec.type == "choice" and len(spec.choice_labels) == len(spec.choices):
            return f"{spec.label.get(self.lang)} ({self.t('workbook.type-choice')})"
        kind = "workbook.type-bool" if spec.type == "bool" else f"template.type-{spec.type}"
        hint = self.t(kind, choices=", ".join(spec.choices))
        text = f"{spec.label.get(self.lang)} ({hint})"
        if spec.group and groups and spec.group != groups[0]:
            text = self.t("workbook.or", text=text)
        return text

    def ledgers(self, data: dict[str, Any]) -> None:
        ledgers = [(k, r) for k, r in (("bonus", self.cs.bonus), ("penalty", self.cs.penalty))]
        ledgers = [(k, r) for k, r in ledgers if r is not None]
        if not ledgers:
            return
        ws = self.table_sheet(SHEET_LEDGER, LCOL, _LEDGER_WIDTHS)
        ws.merge_range(0, 0, 0, LCOL["section"], self.t("workbook.ledger-title"), self.f["title"])
        self.table_header(ws, LCOL, "workbook.lcol-", LEDGER_HEADER_ROW)
        row = LEDGER_HEADER_ROW + 1
        for which, rule in ledgers:
            assert rule is not None
            lines = listed(data.get(which))
            kinds = [k.id for k in rule.kinds]
            for index in range(len(lines) + SPARE_LEDGER_LINES):
                line = lines[index] if index < len(lines) else {}
                line = line if isinstance(line, dict) else {}
                docs = listed(line.get("documents"))
                for d in range(max(1, len(docs))):
                    doc = docs[d] if d < len(docs) and isinstance(docs[d], dict) else {}
                    ws.write_string(
                        row, LCOL["ledger"], self.t(f"workbook.ledger-{which}"), self.f["text"]
                    )
                    for key, kind in (("reason", "text"), ("kind", "text"), ("points", "number")):
                        if d:
                            ws.write_blank(row, LCOL[key], None, self.f["text"])
                        else:
                            self.value(ws, row, LCOL[key], line.get(key), kind)
                    if not d and kinds:
                        self.validate(ws, row, LCOL["kind"], "list", choices=kinds)
                    if not d:
                        self.validate(ws, row, LCOL["points"], "number")
                    for key in DOCUMENT_KEYS:
                        kind = "date" if key == "date" else "text"
                        self.value(ws, row, LCOL[key], doc.get(key), kind)
                    self.validate(ws, row, LCOL["date"], "date")
                    ws.write_string(row, LCOL["key"], f"ledger|{which}|{index}|{d}")
                    texts = {k: doc.get(k) for k in DOCUMENT_KEYS}
                    texts["reason"] = None if d else line.get("reason")
                    ws.set_row(row, _LINE * _height(texts, _LEDGER_WIDTHS))
                    row += 1
        _print_setup(ws, LEDGER_HEADER_ROW, SHEET_LEDGER)
        _protect(ws)

    def plan(self, data: dict[str, Any]) -> None:
        """The commune's own year plan: each task of ``plan_tasks`` a row, with the id of the
        sub-criterion whose evidence lists it, and spare rows to fill."""
        ws = self.table_sheet(SHEET_PLAN, PCOL, _PLAN_WIDTHS)
        ws.merge_range(0, 0, 0, PCOL["due"], self.t("workbook.plan-title"), self.f["title"])
        ws.merge_range(1, 0, 1, PCOL["due"], self.t("workbook.plan-note"), self.f["note"])
        ws.set_row(1, _LINE * 2)
        header = PLAN_HEADER_ROW
        self.table_header(ws, PCOL, "workbook.pcol-", header)
        tasks = [
            (node_id, task)
            for section in ("items", "survey")
            for node_id, item in mapping(data.get(section)).items()
            for task in listed(mapping(item).get("plan_tasks"))
        ]
        row = header + 1
        for index in range(len(tasks) + SPARE_PLAN_TASKS):
            node_id, task = tasks[index] if index < len(tasks) else (None, {})
            task = mapping(task)
            serves = ", ".join(str(ref) for ref in listed(task.get("serves"))) or None
            support = "\n".join(str(name) for name in listed(task.get("support"))) or None
            texts = {
                "item": node_id,
                "task": task.get("task"),
                "serves": serves,
                "lead": task.get("lead"),
                "support": support,
                "due": task.get("due"),
            }
            for name, value in texts.items():
                self.value(ws, row, PCOL[name], value, "text")
            ws.write_string(row, PCOL["key"], f"plan|{index}")
            ws.set_row(row, _LINE * _height(texts, _PLAN_WIDTHS))
            row += 1
        _print_setup(ws, header, SHEET_PLAN)
        _protect(ws)


def workbook_bytes(
    cs: CriteriaSet,
    unit: UnitInfo,
    lang: str = "vi",
    criteria_ref: str | None = None,
    data: dict[str, Any] | None = None,
) -> bytes:
    """The score sheet of ``cs`` for ``unit``; with ``data`` (an evidence document as the YAML
    reader gives it, already checked), holding that evidence. The same input, the same bytes."""
    import xlsxwriter  # ≈80 ms to import: only when a workbook is asked for

    data = data or {}
    given = data.get("year")
    year: int = given if isinstance(given, int) else unit.year or cs.year
    out = io.BytesIO()
    wb = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_numbers": False})
    wb.set_properties(
        {
            "title": render(
                "workbook.title", {"year": year, "kind": unit.kind, "name": unit.name}, lang
            ),
            "subject": f"{cs.id} ({cs.version})",
            "author": "parscore",
            "created": FIXED_CREATED,
        }
    )
    writer = _Writer(wb, cs, lang)
    writer.guide(unit, year)
    writer.head(unit, year, criteria_ref or cs.id, data)
    writer.items(unit, year, data)
    writer.ledgers(data)
    writer.plan(data)
    writer.lists_sheet()
    wb.close()
    return out.getvalue()


__all__ = ["ITEM_COLUMNS", "LEDGER_COLUMNS", "workbook_bytes"]
