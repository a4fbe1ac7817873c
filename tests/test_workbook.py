"""The score sheet workbook: written, filled the way a clerk fills it (wrong values included), read
back with every problem at its sheet and cell and the same messages as YAML; YAML -> XLSX -> YAML
loses nothing; hostile workbooks are refused with a message."""

from __future__ import annotations

import copy
import datetime as dt
import io
import typing
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from parscore import yamlsource
from parscore.cli import main
from parscore.convert import evidence_text
from parscore.engine import evaluate
from parscore.errors import InputError, Problem
from parscore.loading import CriteriaResolver, evidence_from_source, load_criteria, load_evidence
from parscore.model.evidence import Evidence, Item
from parscore.report.template import UnitInfo
from parscore.workbook.read import workbook_source
from parscore.workbook.write import workbook_bytes
from parscore.yamlsource import DEFAULT_LIMITS, Limits

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "evidence").glob("*.yaml"))
UNIT = UnitInfo(name="Vĩnh Chấp", code="19213", district="Vĩnh Linh", province="Quảng Trị")


@pytest.fixture(scope="module")
def blank() -> bytes:
    return workbook_bytes(load_criteria("ref-commune-2023"), UNIT)


def test_the_same_input_gives_the_same_bytes(blank: bytes) -> None:
    assert workbook_bytes(load_criteria("ref-commune-2023"), UNIT) == blank


def test_the_sheets_their_protection_and_printing(blank: bytes) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(blank))
    assert wb.sheetnames[:5] == ["Hướng dẫn", "Thông tin", "Chấm điểm", "Thưởng - Trừ", "Kế hoạch"]
    assert "CÁCH ĐIỀN" in wb["Hướng dẫn"]["A4"].value
    ws = wb["Chấm điểm"]
    assert ws.protection.sheet
    assert ws.print_title_rows == "$4:$4"
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9  # A4
    # two pages across (one page wide printed the 15 columns at about 5.5 pt), across then
    # down, the id and the text repeated on each; every sheet's pages numbered
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToHeight == 0
    assert ws.page_setup.fitToWidth == 2 and ws.page_setup.pageOrder == "overThenDown"
    assert ws.print_title_cols == "$A:$B"
    for sheet in ("Hướng dẫn", "Thông tin", "Chấm điểm", "Thưởng - Trừ", "Kế hoạch"):
        assert wb[sheet].oddFooter.right.text == "&P/&N", sheet
    assert ws.column_dimensions["P"].hidden  # the rows' keys
    # the first sub-criterion of the set, its three inputs, its two spare document rows
    assert [ws.cell(r, 1).value for r in range(5, 7)] == ["1", "1.1.1"]
    assert ws["B6"].value == "Ban hành kế hoạch CCHC năm" and ws["C6"].value == 1
    assert ws["B7"].value == "Tình trạng (chọn trong danh sách)"
    assert ws["B10"].value == "Tài liệu kiểm chứng 1"
    assert ws["A6"].protection.locked and ws["F6"].protection.locked  # structure
    assert not ws["F7"].protection.locked  # an input
    assert not ws["G10"].protection.locked and not ws["L6"].protection.locked
    rules = {str(dv.sqref): dv for dv in ws.data_validations.dataValidation}
    assert rules["F7"].type == "list" and rules["F7"].formula1 == "'Danh sách'!$C$2:$C$4"
    lists = wb["Danh sách"]
    assert lists.sheet_state == "hidden"
    assert [lists[f"C{r}"].value for r in (2, 3, 4)] == ["đúng hạn", "chậm", "không thực hiện"]
    assert rules["F8"].type == "date"
    assert rules["M6"].type == "decimal" and float(rules["M6"].formula2) == 1  # claimed, 0 to 1
    bools = [c for c in ws["B"] if c.value and "(Có/Không)" in str(c.value)]
    assert bools and rules[f"F{bools[0].row}"].formula1 == '"Có,Không"'
    counts = [c for c in ws["B"] if c.value and str(c.value).endswith("(số nguyên)")]
    assert counts and rules[f"F{counts[0].row}"].type == "whole"


def test_enough_document_rows_and_rows_may_be_inserted(blank: bytes) -> None:
    """1.2.1 asks for four dated reports: four document rows; every other sub-criterion three;
    the score sheet lets a row be inserted (one more document), not deleted."""
    ws = openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"]
    at = _rows(ws)
    for ident, count in (("1.2.1", 4), ("1.1.1", 3), ("1.5", 3)):
        labels = sorted(lab for (i, lab) in at if i == ident and lab.startswith("Tài liệu"))
        assert labels == [f"Tài liệu kiểm chứng {n}" for n in range(1, count + 1)], ident
    assert ws.protection.sheet and not ws.protection.insertRows
    assert ws.protection.deleteRows and ws.protection.sort


# --- a clerk fills it ---------------------------------------------------------------------------


def _rows(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[tuple[str, str], int]:
    """(sub-criterion id, label typed in column B) -> row, found as a clerk finds them."""
    found: dict[tuple[str, str], int] = {}
    current = ""
    for row in range(5, ws.max_row + 1):
        ident, label = ws.cell(row, 1).value, ws.cell(row, 2).value
        if ident and "." in str(ident):
            current = str(ident)
            found[(current, "")] = row
        elif label:
            found[(current, str(label).split(" (")[0])] = row
    return found


def _fill(blank: bytes, tmp_path: Path, cells: dict[str, object]) -> Path:
    wb = openpyxl.load_workbook(io.BytesIO(blank))
    ws = wb["Chấm điểm"]
    for where, value in cells.items():
        sheet, _, ref = where.rpartition("!")
        (wb[sheet] if sheet else ws)[ref] = value
    path = tmp_path / "vinh-chap-2024.xlsx"
    wb.save(path)
    return path


def test_a_filled_sheet_reads_as_the_yaml_would(blank: bytes, tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"]
    at = _rows(ws)
    plan, tasks, funded = (
        at[("1.1.2", "")],
        at[("1.1.2", "Xác định đầy đủ nhiệm vụ")],
        at[("1.1.2", "Có bố trí kinh phí")],
    )
    done, planned = (
        at[("1.1.4", "Số nhiệm vụ hoàn thành")],
        at[("1.1.4", "Số nhiệm vụ trong kế hoạch")],
    )
    doc = at[("1.1.2", "Tài liệu kiểm chứng 1")]
    path = _fill(
        blank,
        tmp_path,
        {
            f"F{tasks}": "Có",
            f"F{funded}": "không",  # typed, not picked: still no
            f"G{doc}": "21/KH-UBND",
            f"H{doc}": dt.datetime(2023, 2, 20),  # an Excel date
            f"M{plan}": 0.1,  # a binary double: read back as exactly 0.1
            f"F{done}": 19,
            f"F{planned}": "29",  # a number typed as text
            f"M{at[('1.1.4', '')]}": 0.75,
            f"L{at[('1.1.4', '')]}": "Thiếu công chức từ tháng 3.",
            "Thông tin!B13": "14/12/2023",  # the assessment date, as dd/mm/yyyy text
        },
    )
    src = workbook_source(path.read_bytes(), path.name, Limits())
    items = src.data["items"]
    assert items["1.1.2"] == {
        "tasks": True,
        "funded": False,
        "documents": [{"number": "21/KH-UBND", "date": "20/02/2023"}],
        "claimed": Decimal("0.1"),
    }
    assert str(items["1.1.2"]["claimed"]) == "0.1"
    assert items["1.1.4"] == {
        "done": 19,
        "planned": 29,
        "explanation": "Thiếu công chức từ tháng 3.",
        "claimed": Decimal("0.75"),
    }
    assert src.data["assessment"] == {"date": "14/12/2023"}
    checked = load_evidence(path)
    result = evaluate(checked)
    node = next(n for f in result.fields for n in f.walk() if n.id == "1.1.4")
    assert node.points == 0  # 19 of 29 is 65.5%: below 70% scores 0


def _problems(path: Path) -> list[tuple[str, str, str]]:
    with pytest.raises(InputError) as info:
        load_evidence(path)
    return [(p.where(), p.code, p.message("en")) for p in info.value.errors]


def test_wrong_values_are_placed_at_their_cells_with_the_yaml_messages(
    blank: bytes, tmp_path: Path
) -> None:
    ws = openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"]
    at = _rows(ws)
    met, done_on = at[("1.1.3", "Đạt yêu cầu")], at[("1.1.1", "Ngày hoàn thành")]
    status, settled = at[("1.1.1", "Tình trạng")], at[("3.2", "")]
    on_time = settled + 1
    path = _fill(
        blank,
        tmp_path,
        {
            f"F{met}": "x",
            f"M{at[('1.1.3', '')]}": "0,5",  # a decimal comma typed as text
            f"F{status}": "late",
            f"F{done_on}": "31/02/2023",
            f"F{on_time}": -3,
        },
    )
    got = _problems(path)
    name = str(path)
    assert [(where, code) for where, code, _ in got] == sorted(
        [
            (f"{name}: Chấm điểm!F{done_on}", "value.no-such-day"),
            (f"{name}: Chấm điểm!F{met}", "workbook.expected-yes-no"),
            (f"{name}: Chấm điểm!M{at[('1.1.3', '')]}", "value.decimal-comma"),
            (f"{name}: Chấm điểm!F{on_time}", "value.negative"),
        ],
        key=lambda p: int(p[0].rsplit("!", 1)[1][1:]),
    )
    # the same values typed in YAML: the same messages
    yaml_text = (
        'unit: {name: "Vĩnh Chấp", code: "19213", kind: "xã", parents: [{level: district, '
        'name: "Vĩnh Linh"}, {level: province, name: "Quảng Trị"}]}\n'
        'year: 2023\ncriteria: "ref-commune-2023"\nitems:\n'
        '  "1.1.1": {status: late, done_on: 31/02/2023}\n'
        '  "1.1.3":\n    met: x\n    claimed: 0,5\n'
        f'  "3.2": {{{ws.cell(on_time, 16).value.rsplit("|", 1)[1]}: -3}}\n'
    )
    with pytest.raises(InputError) as info:
        evidence_from_source(yamlsource.load_text(yaml_text, "x.yaml"), CriteriaResolver())
    # the same messages, but for yes or no, said as the sheet says it (Có/Không, not true/false)
    yes_no = {"value.expected-bool": "workbook.expected-yes-no"}
    assert sorted(
        (yes_no.get(p.code, p.code), p.message("en")) for p in info.value.errors
    ) == sorted(
        (code, message.replace("Có (yes) or Không (no), picked from the list;", "true or false,"))
        for _, code, message in got
    )


def test_validate_names_the_sheet_and_cell(blank: bytes, tmp_path: Path) -> None:
    at = _rows(openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"])
    row = at[("1.1.3", "Đạt yêu cầu")]
    path = _fill(blank, tmp_path, {f"F{row}": "x"})
    run = CliRunner().invoke(main, ["validate", str(path), "--lang", "en"])
    assert run.exit_code == 1
    assert f"vinh-chap-2024.xlsx: Chấm điểm!F{row}: " in run.stderr
    assert "[workbook.expected-yes-no]" in run.stderr


# --- YAML -> XLSX -> YAML -------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_round_trip_loses_nothing(path: Path, tmp_path: Path) -> None:
    resolver = CriteriaResolver()
    src = yamlsource.load_file(path)
    original = evidence_from_source(src, resolver, base=path.parent)
    book = tmp_path / "x.xlsx"
    book.write_bytes(workbook_bytes(original.criteria, UnitInfo(name="-"), "vi", None, src.data))
    from_book = load_evidence(book, resolver)
    assert from_book.evidence == original.evidence
    back = evidence_text(workbook_source(book.read_bytes(), "x.xlsx", Limits()).data)
    again = evidence_from_source(yamlsource.load_text(back, "y.yaml"), resolver)
    assert again.evidence == original.evidence
    assert evaluate(again).totals == evaluate(original).totals


def _model_paths(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every key path the evidence model has (an item's id as ``*``)."""
    paths: set[tuple[str, ...]] = set()
    for name, field in model.model_fields.items():
        path = (*prefix, name)
        paths.add(path)
        keyed = typing.get_origin(field.annotation) is dict
        stack = [field.annotation]
        while stack:
            kind = stack.pop()
            if isinstance(kind, type) and issubclass(kind, BaseModel):
                paths |= _model_paths(kind, (*path, "*") if keyed else path)
            else:
                stack.extend(typing.get_args(kind))
    return paths


def _data_paths(value: object, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every key path a document fills (an item's id as ``*``; its inputs left out)."""
    paths: set[tuple[str, ...]] = set()
    if isinstance(value, dict):
        for key, sub in value.items():
            if prefix[-1:] in (("items",), ("survey",)):
                paths |= _data_paths(sub, (*prefix, "*"))
            elif not (len(prefix) == 2 and prefix[1] == "*" and key not in Item.model_fields):
                paths |= {(*prefix, key)} | _data_paths(sub, (*prefix, key))
    elif isinstance(value, list):
        for sub in value:
            paths |= _data_paths(sub, prefix)
    return paths


def _filled(value: object) -> object:
    if isinstance(value, dict):
        return {k: _filled(v) for k, v in value.items() if v not in (None, [], {})}
    if isinstance(value, list):
        return [_filled(v) for v in value]
    return value


def test_every_key_of_the_evidence_model_goes_through_the_workbook_and_back() -> None:
    """The example with every key the model has filled (plan_tasks was lost before): written
    as a workbook and read back, the same document. A key added to the model later fails the
    first assertion until this document, and so the workbook, carries it."""
    data = copy.deepcopy(yamlsource.load_file(ROOT / "evidence" / "vinh-chap-2023.yaml").data)
    data["unit"]["code"] = "19213"
    data["unit"]["parents"] = [
        {"level": "district", "name": "Vĩnh Linh", "code": "464"},
        {"level": "province", "name": "Quảng Trị", "code": "45"},
    ]
    data["notes"] = "Ghi chú chung"
    data["facts"] = {"discipline": "none"}
    data["assessment"]["date"] = "11/12/2023"
    task = {"task": "Tuyên truyền CCHC", "serves": ["1.4", "3"], "lead": "Công chức VH-XH"}
    task |= {"support": ["Đoàn thanh niên", "Hội phụ nữ, MTTQ"], "due": "Quý I năm 2023"}
    data["items"]["1.1.3"] |= {"plan_tasks": [task], "note": "ghi chú"}
    data["survey"]["S.2"] |= {
        "claimed": 1,
        "explanation": "giải trình",
        "note": "ghi chú",
        "nothing_occurred": "lý do",
        "plan_tasks": [
            {
                "task": "Khảo sát",
                "serves": ["S.2"],
                "lead": "Sở",
                "support": ["Thôn"],
                "due": "Quý IV",
            }
        ],
    }
    data["bonus"][0] |= {"kind": "initiative", "points": Decimal("0.5")}
    data["bonus"][0]["documents"][0]["section"] = "Điều 1"
    doc = {"number": "1/QĐ", "date": "01/02/2023", "issuer": "UBND", "title": "t", "section": "s"}
    data["penalty"] = [{"reason": "Chậm", "kind": "late", "points": 1, "documents": [doc]}]
    assert _data_paths(data) == _model_paths(Evidence)
    cs = load_criteria("ref-commune-2023")
    from parscore.convert import unit_info

    book = workbook_bytes(cs, unit_info(data), "vi", data["criteria"], data)
    back = workbook_source(book, "x.xlsx", DEFAULT_LIMITS)
    assert back.read_problems == []
    assert _filled(back.data) == _filled(data)


def test_the_plan_sheet_places_its_problems(tmp_path: Path) -> None:
    wb = _example_book()
    ws = wb["Kế hoạch"]
    ws["A4"], ws["B4"], ws["C4"] = "1.1.3", "Rà soát TTHC", "3, 9.9"
    ws["B5"] = "Một nhiệm vụ không ghi tiêu chí"
    wb.save(tmp_path / "p.xlsx")
    with pytest.raises(InputError) as info:
        load_evidence(tmp_path / "p.xlsx")
    found = {(p.code, p.cell) for p in info.value.problems}
    assert ("workbook.plan-no-item", "Kế hoạch!A5") in found
    assert ("evidence.plan-unknown-item", "Kế hoạch!C4") in found


def test_convert_on_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    book, back = tmp_path / "vc.xlsx", tmp_path / "vc.yaml"
    example = str(ROOT / "evidence" / "vinh-chap-2023.yaml")
    assert runner.invoke(main, ["convert", example, "-o", str(book)]).exit_code == 0
    assert runner.invoke(main, ["convert", str(book), "-o", str(back)]).exit_code == 0
    scores = [
        runner.invoke(main, ["evaluate", p, "--format", "json"]).stdout.split('"unit"', 1)[1]
        for p in (example, str(book), str(back))
    ]
    assert scores[0] == scores[1] == scores[2]
    # a second convert to the same file is refused without --force, and the file is kept
    again = runner.invoke(main, ["convert", example, "-o", str(book)])
    assert again.exit_code == 2


def test_convert_refuses_evidence_with_errors(blank: bytes, tmp_path: Path) -> None:
    at = _rows(openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"])
    path = _fill(blank, tmp_path, {f"F{at[('1.1.3', 'Đạt yêu cầu')]}": "x"})
    out = tmp_path / "out.yaml"
    run = CliRunner().invoke(main, ["convert", str(path), "-o", str(out)])
    assert run.exit_code == 2 and not out.exists()
    assert "Chấm điểm!F" in run.stderr


def test_the_shipped_workbook_is_the_example_converted() -> None:
    shipped = (ROOT / "examples" / "vinh-chap-2023.xlsx").read_bytes()
    src = yamlsource.load_file(ROOT / "evidence" / "vinh-chap-2023.yaml")
    cs = load_criteria("ref-commune-2023")
    from parscore.convert import unit_info

    assert workbook_bytes(cs, unit_info(src.data), "vi", src.data["criteria"], src.data) == shipped
    scored = evaluate(load_evidence(ROOT / "examples" / "vinh-chap-2023.xlsx"))
    assert (
        scored.totals == evaluate(load_evidence(ROOT / "evidence" / "vinh-chap-2023.yaml")).totals
    )


# --- hostile workbooks ---------------------------------------------------------------------------


def _codes(data: bytes, limits: Limits = DEFAULT_LIMITS) -> list[str]:
    with pytest.raises(InputError) as info:
        workbook_source(data, "x.xlsx", limits)
    return [p.code for p in info.value.problems]


def test_not_a_workbook() -> None:
    assert _codes(b"PK\x03\x04 not really") == ["workbook.not-xlsx"]
    assert _codes(b"unit: x\n") == ["workbook.not-xlsx"]


def test_a_zip_bomb_is_refused_before_it_is_unzipped() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 3_000_000)
    assert len(out.getvalue()) < 100_000
    assert _codes(out.getvalue(), Limits(max_bytes=100_000)) == ["workbook.too-large"]


def test_too_many_cells(blank: bytes) -> None:
    with pytest.raises(InputError) as info:
        workbook_source(blank, "x.xlsx", Limits(max_nodes=60))
    [problem] = info.value.problems
    # the cells that hold something count: the unit sheet's 12 rows, label and key each (24),
    # and 7 values (name, code, kind, district, province, year, set): 31; the score sheet's
    # field row 5 (id, text, max, key: 35), 1.1.1's row (id, text, max, how, lead, key: 41), its
    # 3 input and 3 document rows (label and key: 53), 1.1.2's row (59), its first input (61)
    assert (problem.code, problem.cell) == ("workbook.too-many-cells", "Chấm điểm!A14")


def test_a_stray_value_far_below_the_table_is_not_thousands_of_cells(
    blank: bytes, tmp_path: Path
) -> None:
    """A value at A4000 was "more than 50000 cells" (the empty rows were counted)."""
    path = _fill(blank, tmp_path, {"A4000": "x"})
    assert evaluate(load_evidence(path)).totals.total == 0


def test_another_workbook_is_not_a_score_sheet() -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Xếp hạng"
    out = io.BytesIO()
    wb.save(out)
    assert _codes(out.getvalue()) == ["workbook.not-score-sheet"]


def test_a_control_character_in_a_cell(blank: bytes, tmp_path: Path) -> None:
    at = _rows(openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"])
    row = at[("1.1.2", "")]
    path = _fill(blank, tmp_path, {f"L{row}": "giải\u202etrình"})
    [problem] = workbook_source(path.read_bytes(), "x.xlsx", Limits()).read_problems
    assert (problem.code, problem.cell) == ("workbook.control-char", f"Chấm điểm!L{row}")


def test_a_percentage_typed_with_its_sign_is_refused_not_read_as_a_fraction(
    blank: bytes, tmp_path: Path
) -> None:
    """Excel turns "90%" typed into 0.9 shown as a percentage: read as 0.9 it would score a
    ninety-fold shortfall; it is refused as "90%" typed in YAML is."""
    at = _rows(openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"])
    row = at[("1.1.4", "hoặc: Tỷ lệ")]
    wb = openpyxl.load_workbook(io.BytesIO(blank))
    wb["Chấm điểm"][f"F{row}"] = 0.9
    wb["Chấm điểm"][f"F{row}"].number_format = "0%"
    path = tmp_path / "p.xlsx"
    wb.save(path)
    assert _problems(path) == [
        (
            f"{path}: Chấm điểm!F{row}",
            "value.percent-sign",
            "'90%': write the number without the % sign, e.g. 90",
        )
    ]


def test_an_inserted_row_and_a_copied_row_are_refused_not_dropped(
    blank: bytes, tmp_path: Path
) -> None:
    at = _rows(openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"])
    doc = at[("1.1.2", "Tài liệu kiểm chứng 2")]
    wb = openpyxl.load_workbook(io.BytesIO(blank))
    ws = wb["Chấm điểm"]
    ws.protection.sheet = False  # as a clerk who unprotects it does
    ws.insert_rows(doc + 1)  # a row without a key, holding a value (not a document's)
    ws[f"F{doc + 1}"] = "thêm"
    ws[f"P{doc + 2}"] = ws[f"P{doc}"].value  # the row below now claims doc row 2's key
    path = tmp_path / "r.xlsx"
    wb.save(path)
    src = workbook_source(path.read_bytes(), "r.xlsx", DEFAULT_LIMITS)
    assert [(p.code, p.cell) for p in src.read_problems] == [
        ("workbook.row-without-key", f"Chấm điểm!F{doc + 1}"),
        ("workbook.row-twice", f"Chấm điểm!A{doc + 2}"),
    ]


def _example_book() -> openpyxl.Workbook:
    return openpyxl.load_workbook(ROOT / "examples" / "vinh-chap-2023.xlsx")


def _key_row(ws: Any, key: str) -> int:
    column = {"Thông tin": 3, "Chấm điểm": 16, "Thưởng - Trừ": 10}[ws.title]
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, column).value == key)


def _evaluate_exit(path: Path) -> tuple[int, str]:
    run = CliRunner().invoke(main, ["--lang", "en", "evaluate", str(path)])
    return run.exit_code, run.output


def test_a_deleted_head_row_or_an_edited_key_is_a_located_error_not_a_crash(
    tmp_path: Path,
) -> None:
    """The reviewer's workbooks: each an exit 2 naming the cell (an internal error before)."""
    wb = _example_book()
    head = wb["Thông tin"]
    head[f"B{_key_row(head, 'district.code')}"] = "19"
    head.delete_rows(_key_row(head, "district.name"))  # the district's name row deleted
    wb.save(tmp_path / "district.xlsx")
    wb = _example_book()
    ledger = wb["Thưởng - Trừ"]
    ledger["J5"] = "ledger|bonus|x|0"
    ledger["B5"] = "Sáng kiến"
    wb.save(tmp_path / "ledger.xlsx")
    wb = _example_book()
    items = wb["Chấm điểm"]
    row = _key_row(items, "input|items|1.5|initiatives")
    items[f"P{row}"] = "input|items|1.5"  # a key of no shape parscore writes
    wb.save(tmp_path / "item.xlsx")
    code, out = _evaluate_exit(tmp_path / "district.xlsx")
    assert code == 2 and "district.xlsx: Thông tin!B" in out and "Traceback" not in out
    code, out = _evaluate_exit(tmp_path / "ledger.xlsx")
    assert code == 2 and "ledger.xlsx: Thưởng - Trừ!J5:" in out and "[workbook.bad-key]" in out
    code, out = _evaluate_exit(tmp_path / "item.xlsx")
    assert code == 2 and f"item.xlsx: Chấm điểm!P{row}:" in out and "'input|items|1.5'" in out


_KEY_PARTS = st.sampled_from(
    [
        "item",
        "input",
        "doc",
        "field",
        "ledger",
        "items",
        "survey",
        "bonus",
        "penalty",
        "1.1.1",
        "1.5",
        "9.9",
        "x",
        "0",
        "-1",
        "99999999999",
        "",
        "year",
        "unit.name",
        "district.name",
        "initiatives",
        "documents",
        "claimed",
    ]
)
_KEYS = st.one_of(
    st.lists(_KEY_PARTS, min_size=1, max_size=5).map("|".join),
    st.text(max_size=20),
    st.integers(-5, 10**6),
    st.none(),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    edits=st.lists(
        st.tuples(
            st.sampled_from(["Thông tin", "Chấm điểm", "Thưởng - Trừ"]),
            st.integers(0, 10**6),
            _KEYS,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_whatever_is_typed_over_a_hidden_key_is_read_or_refused_never_a_crash(
    tmp_path_factory: pytest.TempPathFactory, edits: list[tuple[str, int, object]]
) -> None:
    """The sheets are protected without a password: any key may be edited. No edit is an
    internal error; each refusal is placed at a cell."""
    wb = _example_book()
    for sheet, pick, key in edits:
        ws = wb[sheet]
        column = {"Thông tin": 3, "Chấm điểm": 16, "Thưởng - Trừ": 10}[sheet]
        rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, column).value]
        try:
            ws.cell(rows[pick % len(rows)], column).value = key
        except Exception:  # noqa: BLE001 - openpyxl refuses some text (control characters)
            continue
    path = tmp_path_factory.mktemp("keys") / "k.xlsx"
    wb.save(path)
    try:
        evaluate(load_evidence(path))
    except InputError as exc:
        assert exc.problems
        assert all(p.cell for p in exc.problems if p.line)


def test_a_row_problem_is_reported_with_every_other_problem(blank: bytes, tmp_path: Path) -> None:
    """An inserted row used to hide every other problem of the workbook (one error, six more
    found once the row was gone): all are said in one run."""
    at = _rows(openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"])
    wb = openpyxl.load_workbook(io.BytesIO(blank))
    ws = wb["Chấm điểm"]
    ws[f"F{at[('1.5', 'Số sáng kiến, giải pháp CCHC được công nhận')]}"] = -1
    ws[f"M{at[('1.1.4', '')]}"] = 5  # over its maximum, 1.5
    row = at[("2.3", "Tài liệu kiểm chứng 2")]
    ws.insert_rows(row)
    ws[f"F{row}"] = "thêm"  # a value in an inserted row, not a document's column
    path = tmp_path / "b.xlsx"
    wb.save(path)
    with pytest.raises(InputError) as info:
        load_evidence(path)
    assert sorted((p.code, p.cell) for p in info.value.problems) == [
        ("evidence.claimed-over-max", f"Chấm điểm!M{at[('1.1.4', '')]}"),
        (
            "value.negative",
            f"Chấm điểm!F{at[('1.5', 'Số sáng kiến, giải pháp CCHC được công nhận')]}",
        ),
        ("workbook.row-without-key", f"Chấm điểm!F{row}"),
    ]


def test_a_row_inserted_under_a_document_row_is_one_more_document(
    blank: bytes, tmp_path: Path
) -> None:
    """1.2.1 expects four reports: the clerk inserts rows under the last document row and
    fills them; each is read as one more document, placed at its cells."""
    at = _rows(openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"])
    last = max(r for (i, label), r in at.items() if i == "1.2.1" and label.startswith("Tài liệu"))
    wb = openpyxl.load_workbook(io.BytesIO(blank))
    ws = wb["Chấm điểm"]
    ws.protection.sheet = False
    ws.insert_rows(last + 1, 2)
    ws[f"G{last}"] = "1/BC-UBND"
    ws[f"G{last + 1}"] = "2/BC-UBND"
    ws[f"H{last + 1}"] = dt.datetime(2023, 6, 10)
    ws[f"G{last + 2}"] = "3/BC-UBND"
    ws[f"H{last + 2}"] = "31/02/2023"  # refused at its cell, as any document's date
    path = tmp_path / "d.xlsx"
    wb.save(path)
    src = workbook_source(path.read_bytes(), "d.xlsx", DEFAULT_LIMITS)
    assert src.read_problems == []
    docs = src.data["items"]["1.2.1"]["documents"]
    assert docs == [
        {"number": "1/BC-UBND"},
        {"number": "2/BC-UBND", "date": "10/06/2023"},
        {"number": "3/BC-UBND", "date": "31/02/2023"},
    ]
    assert (
        src.problem("x", ("items", "1.2.1", "documents", 2, "date")).cell
        == f"Chấm điểm!H{last + 2}"
    )


@pytest.mark.parametrize(
    "args",
    [["plan"], ["evaluate", "--detail"], ["evaluate", "--missing"], ["evaluate", "--standing"]],
    ids=" ".join,
)
def test_the_workbook_and_the_folder_give_what_the_yaml_gives(args: list[str]) -> None:
    """The same score, to-do list, standing and plan, word for word, from the three forms."""
    runner = CliRunner()
    outputs = [
        runner.invoke(main, [*args, str(path)])
        for path in (
            ROOT / "evidence" / "vinh-chap-2023.yaml",
            ROOT / "examples" / "vinh-chap-2023.xlsx",
            ROOT / "examples" / "vinh-chap-2023",
        )
    ]
    assert [o.exit_code for o in outputs] == [0, 0, 0]
    assert outputs[0].stdout == outputs[1].stdout == outputs[2].stdout


_CELL_VALUES = st.one_of(
    st.none(),
    st.text(max_size=12),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2200, 1, 1)),
    st.sampled_from(["Có", "không", "0,5", "90%", "1.382", "31/02/2023", "late", "=1+1"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=st.lists(_CELL_VALUES, min_size=1, max_size=12), seed=st.integers(0, 10**6))
def test_whatever_a_clerk_types_is_read_or_refused_never_a_crash(
    blank: bytes, tmp_path_factory: pytest.TempPathFactory, values: list[object], seed: int
) -> None:
    """Any value in any cell to fill: the workbook scores, or its problems are placed at cells."""
    import random

    wb = openpyxl.load_workbook(io.BytesIO(blank))
    ws = wb["Chấm điểm"]
    open_cells = [c for row in ws.iter_rows(min_row=5) for c in row if not c.protection.locked]
    pick = random.Random(seed)
    for value in values:
        cell = pick.choice(open_cells)
        try:
            cell.value = value
        except Exception:  # noqa: BLE001 - openpyxl refuses some text (control characters)
            continue
    path = tmp_path_factory.mktemp("fuzz") / "f.xlsx"
    wb.save(path)
    try:
        evaluate(load_evidence(path))
    except InputError as exc:
        assert exc.problems
        assert all(p.file == str(path) for p in exc.problems)
        assert all(p.cell for p in exc.problems if p.line)


def test_the_template_command_writes_the_workbook(tmp_path: Path) -> None:
    runner = CliRunner()
    book = tmp_path / "vinh-chap-2024.xlsx"
    args = ["template", "--criteria", "ref-commune-2023", "--unit", "Vĩnh Chấp", "--year", "2024"]
    run = runner.invoke(main, [*args, "-o", str(book)])
    assert run.exit_code == 0 and book.read_bytes()[:2] == b"PK"
    assert runner.invoke(main, ["validate", str(book)]).exit_code == 0
    # nothing filled: every commune sub-criterion is missing, 0 points, and the year is 2024
    result = evaluate(load_evidence(book))
    assert result.year == 2024 and result.totals.total == 0
    refused = runner.invoke(
        main, [*args, "--folder", "--format", "xlsx", "-o", str(tmp_path / "f")]
    )
    assert refused.exit_code == 2 and not (tmp_path / "f").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["template", "--criteria", "ref-commune-2023", "--unit", "X", "-o", "t.xls"],
        ["template", "--criteria", "ref-commune-2023", "--unit", "X", "-o", "t.ods"],
        [
            "template",
            "--criteria",
            "ref-commune-2023",
            "--unit",
            "X",
            "--format",
            "xlsx",
            "-o",
            "t.yaml",
        ],
        ["convert", str(ROOT / "evidence" / "vinh-chap-2023.yaml"), "-o", "out.xls"],
        ["convert", str(ROOT / "evidence" / "vinh-chap-2023.yaml"), "--folder", "-o", "ff.xlsx"],
    ],
    ids=lambda a: " ".join(a[-3:]),
)
def test_an_output_named_for_another_format_is_refused(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """YAML text under .xls, a workbook under .yaml, a folder named .xlsx: refused, nothing
    written (they were written, and then called damaged or not UTF-8)."""
    monkeypatch.chdir(tmp_path)
    run = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert run.exit_code == 2 and "the name does not fit what is written" in run.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_workbook_named_otherwise_is_read_as_one_and_said(tmp_path: Path) -> None:
    misnamed = tmp_path / "vc.yaml"
    misnamed.write_bytes((ROOT / "examples" / "vinh-chap-2023.xlsx").read_bytes())
    run = CliRunner().invoke(main, ["validate", str(misnamed), "--lang", "en"])
    assert run.exit_code == 0
    assert "vc.yaml: warning: this file is an Excel workbook" in run.stderr
    ours = evaluate(load_evidence(misnamed)).totals
    assert ours == evaluate(load_evidence(ROOT / "evidence" / "vinh-chap-2023.yaml")).totals
    batch = tmp_path / "b"
    batch.mkdir()
    misnamed.rename(batch / "vc.yaml")
    run = CliRunner().invoke(main, ["compare", str(batch), "--format", "csv"])
    assert run.exit_code == 0 and "Vĩnh Chấp" in run.stdout


def test_the_clerk_sees_labels_not_yaml_keys(blank: bytes, tmp_path: Path) -> None:
    """Drop-downs offer the set's level labels and read them back to the ids; hints and
    messages name inputs by the labels the sheet shows, and Có/Không, never YAML keys."""
    ws = openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"]
    at = _rows(ws)
    how = {ident: ws[f"D{row}"].value for (ident, label), row in at.items() if not label}
    assert "Ghi «Tình trạng» khi không có ngày" in how["1.1.1"]
    assert "ghi «Điểm Bộ chỉ số 766» và «Thang điểm (100)» 100" in how["7.4"]
    assert "status" not in how["1.1.1"] and "percent" not in how["7.4"]
    path = _fill(
        blank,
        tmp_path,
        {
            f"F{at[('1.1.1', 'Tình trạng')]}": "chậm",  # picked from the list
            f"F{at[('1.4', 'Mức đạt được')]}": "có kế hoạch, chưa thực hiện đầy đủ",  # typed
        },
    )
    src = workbook_source(path.read_bytes(), "x.xlsx", DEFAULT_LIMITS)
    assert src.data["items"]["1.1.1"]["status"] == "late"
    assert src.data["items"]["1.4"]["level"] == "partly"
    path = _fill(
        blank,
        tmp_path,
        {
            f"F{at[('1.1.3', 'Đạt yêu cầu')]}": "Yes",
            f"F{at[('1.4', 'Mức đạt được')]}": "Một phần",
            f"F{at[('2.2', 'Số văn bản trái quy định đã được xử lý')]}": 2,
        },
    )
    messages = {p.code: p.message("vi") for p in _problems_of(path)}
    assert messages["workbook.expected-yes-no"] == (
        "cần Có hoặc Không (chọn trong danh sách), nhận được 'Yes'"
    )
    assert messages["workbook.partial-ratio"].startswith(  # a long argument is shortened
        "cần ghi cả «Số văn bản trái quy định đã được xử lý» và «Số văn bản trái quy định"
    )
    assert messages["evidence.unknown-level"] == (
        "mức 'Một phần' không có trong tiêu chí '1.4': chọn một trong Có kế hoạch và thực "
        "hiện đầy đủ; Có kế hoạch, chưa thực hiện đầy đủ; Không có kế hoạch"
    )


def _problems_of(path: Path) -> list[Problem]:
    with pytest.raises(InputError) as info:
        load_evidence(path)
    return list(info.value.problems)


def test_a_renamed_sheet_is_named(tmp_path: Path) -> None:
    wb = _example_book()
    wb["Chấm điểm"].title = "Cham diem"
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(InputError) as info:
        workbook_source(out.getvalue(), "x.xlsx", DEFAULT_LIMITS)
    [problem] = info.value.problems
    assert problem.code == "workbook.sheet-missing"
    assert problem.message("en") == (
        "the score sheet has no sheet «Chấm điểm» (renamed or deleted?): give the sheet that name "
        "again"
    )


def test_a_document_without_a_date_is_placed_at_its_date_cell(blank: bytes, tmp_path: Path) -> None:
    at = _rows(openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"])
    doc = at[("1.1.2", "Tài liệu kiểm chứng 1")]
    path = _fill(blank, tmp_path, {f"G{doc}": "10/KH-UBND"})
    warnings = [w for w in load_evidence(path).warnings if w.code == "evidence.document-no-date"]
    assert [w.cell for w in warnings] == [f"Chấm điểm!H{doc}"]


def test_a_damaged_workbook_is_said_without_a_python_name() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<not xml")
        archive.writestr("xl/workbook.xml", "<not xml")
    with pytest.raises(InputError) as info:
        workbook_source(out.getvalue(), "x.xlsx", DEFAULT_LIMITS)
    [problem] = info.value.problems
    assert problem.code == "workbook.unreadable"
    assert problem.message("en") == (
        "cannot read the workbook: damaged? Open it in Excel and save it again"
    )


def test_a_signature_block_below_the_table_is_not_read(blank: bytes, tmp_path: Path) -> None:
    """Typed below the table's end row, it was "a row inserted" (an error)."""
    ws = openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"]
    end = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 16).value == "end")
    assert ws.cell(end, 2).value.startswith("— Hết bảng chấm điểm")
    path = _fill(blank, tmp_path, {f"L{end + 2}": "CHỦ TỊCH UBND XÃ", f"F{end + 3}": "(ký)"})
    assert workbook_source(path.read_bytes(), "x.xlsx", DEFAULT_LIMITS).read_problems == []
    assert evaluate(load_evidence(path)).totals.total == 0


def test_a_formula_never_computed_is_refused_not_read_as_empty(
    blank: bytes, tmp_path: Path
) -> None:
    """openpyxl (a script) saves a formula without its value: the item went missing silently."""
    at = _rows(openpyxl.load_workbook(io.BytesIO(blank))["Chấm điểm"])
    row = at[("1.5", "Số sáng kiến, giải pháp CCHC được công nhận")]
    path = _fill(blank, tmp_path, {f"F{row}": "=1+1"})
    [problem] = _problems_of(path)
    assert (problem.code, problem.cell) == ("workbook.formula-no-value", f"Chấm điểm!F{row}")


def test_a_word_document_given_as_evidence_is_called_so(tmp_path):
    import zipfile

    # a .docx is a zip like a workbook: it is named for what it is, not "a damaged workbook"
    for name, part, said in (
        ("ke-hoach.docx", "word/document.xml", "this is a Word document, not an evidence file"),
        ("slides.xlsx", "ppt/presentation.xml", "this is a presentation, not an evidence file"),
        ("archive.xlsx", "readme.txt", "this is a zip archive, not an evidence file"),
    ):
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr(part, "<x/>")
        run = CliRunner().invoke(main, ["evaluate", str(path), "--lang", "en"])
        assert run.exit_code == 2
        assert run.stderr.startswith(f"{path}: {said} (.yaml) or a score sheet (.xlsx)")
