"""A province's survey results as one table (``--survey TABLE``, parscore/survey_table.py): read
from CSV and XLSX, each bad cell placed (line and column; sheet and cell), rows matched to files
by unit code, and the survey points of evaluate and compare taken from the table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parscore.cli import main

ROOT = Path(__file__).parent.parent
EVIDENCE = ROOT / "evidence"
TABLE = EVIDENCE / "khao-sat-2023.csv"
VINH_LONG = EVIDENCE / "vinh-long-2023.yaml"


def run(*args: str):
    return CliRunner().invoke(main, [*map(str, args)])


def _survey_points(result) -> dict[str, str]:
    data = json.loads(result.stdout)
    return {n["id"]: n["points"] for n in data["survey"]["children"]}


def test_evaluate_takes_the_survey_points_from_the_table(tmp_path):
    table = tmp_path / "khao-sat.csv"
    # Vĩnh Long types 4.12, 4.86, 5.53, 4.95, 4.41 in its file; the table says otherwise
    table.write_text("ma,S.1,S.2,S.3,S.4,S.5\n19225,5,90/100,3.5,,60/120\n", "utf-8")
    result = run("evaluate", VINH_LONG, "--survey", table, "--format", "json")
    assert result.exit_code == 0, result.stderr
    # S.2: 90/100 × 6 = 5.40; S.5: 60/120 × 6 = 3.00; S.4 left empty: missing, 0
    assert _survey_points(result) == {
        "S.1": "5.00",
        "S.2": "5.40",
        "S.3": "3.50",
        "S.4": "0.00",
        "S.5": "3.00",
    }
    assert json.loads(result.stdout)["totals"]["survey"] == "16.90"
    # the table is the proof of each survey point it gave, named with the line it was read on
    nodes = {n["id"]: n for n in json.loads(result.stdout)["survey"]["children"]}
    assert nodes["S.2"]["documents"] == [
        {
            "number": None,
            "date": None,
            "issuer": None,
            "title": f"Bảng kết quả điều tra xã hội học {table}",
            "section": "dòng 2",
        }
    ]
    assert nodes["S.4"]["documents"] == []  # left empty in the table: nothing read, no proof
    detail = run("evaluate", VINH_LONG, "--survey", table, "--detail").stdout
    assert f"Tài liệu kiểm chứng: Bảng kết quả điều tra xã hội học {table} (không số) dòng 2" in (
        " ".join(detail.split())
    )
    # the file is not changed
    assert "4.12" in VINH_LONG.read_text("utf-8")


def test_the_shipped_table_gives_the_files_own_survey_points():
    # khao-sat-2023.csv holds what the six files type (percentages as the points they give)
    without = run("compare", EVIDENCE, "--format", "csv", "--no-cache")
    with_table = run("compare", EVIDENCE, "--format", "csv", "--survey", TABLE)
    assert without.exit_code == with_table.exit_code == 0, with_table.stderr
    assert with_table.stdout == without.stdout
    assert with_table.stderr == without.stderr


def test_compare_reports_a_row_without_file_and_a_file_without_row(tmp_path):
    lines = TABLE.read_text("utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("19213")] + ["99999,1,1,1,1,1"]
    table = tmp_path / "khao-sat.csv"
    table.write_text("\n".join(kept) + "\n", "utf-8")
    result = run("compare", EVIDENCE, "--survey", table, "--lang", "en", "--format", "json")
    assert result.exit_code == 1  # a file left out
    assert f"{table}:7:1: warning: unit 99999 is in the survey table but has no evidence " in (
        result.stderr
    )
    assert "vinh-chap-2023.yaml: no row for unit code 19213 in the survey table" in result.stderr
    data = json.loads(result.stdout)
    ranked = {row["unit"]["name"] for g in data["groups"] for row in g["ranking"]}
    assert "Vĩnh Chấp" not in ranked and len(ranked) == 5


def test_bad_cells_are_placed_by_line_and_column(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text(
        "ma,S.1,S.2\n19225,abc,4,5\n19225,1,2\n,1,1\n19213,-1,4;5\n19198,1e3,4,5\n", "utf-8"
    )
    result = run("evaluate", VINH_LONG, "--survey", table, "--lang", "en")
    assert result.exit_code == 2
    got = [line for line in result.stderr.splitlines() if line.startswith(str(table))]
    name = str(table)
    assert got == [
        f"{name}:2:7: 'abc' is neither points (4.58) nor satisfied/responses (412/450) "
        "[survey.bad-cell]",
        f"{name}:2:13: a cell past the named columns: the first row names no item for this "
        "column [survey.extra-cell]",
        f"{name}:3:1: unit code 19225 is already in row 2 [survey.duplicate-code]",
        f"{name}:4:1: a row with no unit code in its first column [survey.no-code]",
        f"{name}:5:7: -1 must not be negative [value.negative]",
        f"{name}:5:10: '4;5' is neither points (4.58) nor satisfied/responses (412/450) "
        "[survey.bad-cell]",
        f"{name}:6:7: '1e3' is neither points (4.58) nor satisfied/responses (412/450) "
        "[survey.bad-cell]",
        f"{name}:6:13: a cell past the named columns: the first row names no item for this "
        "column [survey.extra-cell]",
    ]


def test_a_decimal_comma_and_a_semicolon_table(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("ma;S.1\n19225;4,5\n", "utf-8")
    result = run("evaluate", VINH_LONG, "--survey", table, "--lang", "en")
    assert result.exit_code == 2
    assert f"{table}:2:7: '4,5': use a decimal point, e.g. 4.5 [value.decimal-comma]" in (
        result.stderr
    )


def test_values_the_rule_refuses_are_placed_in_the_table(tmp_path):
    table = tmp_path / "t.csv"
    table.write_text("ma,S.1,S.9\n19225,6,1\n", "utf-8")
    result = run("evaluate", VINH_LONG, "--survey", table, "--lang", "en")
    assert result.exit_code == 2
    assert f"{table}:1:8: 'S.9' is not a survey item of the criteria set; its survey items: " in (
        result.stderr
    )
    table.write_text("ma,S.1,S.2,S.3,S.4,S.5\n19225,6,250/200,,,\n", "utf-8")
    result = run("evaluate", VINH_LONG, "--survey", table, "--lang", "en")
    assert f"{table}:2:7: " in result.stderr and "[evidence.points-over-max]" in result.stderr
    assert f"{table}:2:9: 'satisfied' (250) is greater than 'responses' (200)" in result.stderr


def test_a_workbook_places_its_problems_by_sheet_and_cell(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["ma", "S.1", "S.2", "S.3", "S.4", "S.5"])
    sheet.append(["19213", 4, "x", None, None, None])
    sheet.append([19225, 4.5, "90/100", 7, 6, 6])
    path = tmp_path / "khao-sat.xlsx"
    book.save(path)
    result = run("evaluate", VINH_LONG, "--survey", path, "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{path}: Sheet1!C2: 'x' is neither points (4.58) nor satisfied/responses"
    )
    sheet["C2"] = "100/150"
    book.save(path)
    result = run("evaluate", VINH_LONG, "--survey", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    # a code typed as a number (19225) still finds its row; 90/100 × 6 = 5.40
    s2 = next(n for n in json.loads(result.stdout)["survey"]["children"] if n["id"] == "S.2")
    assert s2["documents"][0]["section"] == "ô Sheet1!C3"
    assert _survey_points(result) == {
        "S.1": "4.50",
        "S.2": "5.40",
        "S.3": "7.00",
        "S.4": "6.00",
        "S.5": "6.00",
    }


def test_a_file_without_code_and_a_table_of_another_kind(tmp_path):
    no_code = tmp_path / "x.yaml"
    text = VINH_LONG.read_text("utf-8").replace('  code: "19225"\n', "")
    no_code.write_text(text.replace("criteria: ", "criteria: "), "utf-8")
    result = run("evaluate", no_code, "--survey", TABLE, "--lang", "en")
    assert result.exit_code == 2
    assert "the file gives no unit code (unit: code:)" in result.stderr
    other = tmp_path / "t.ods"
    other.write_text("x", "utf-8")
    result = run("evaluate", VINH_LONG, "--survey", other, "--lang", "en")
    assert result.exit_code == 2
    assert f"{other}: a survey table is a .csv or .xlsx file [survey.not-table]" in result.stderr


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.lists(st.text(alphabet='0123456789./,-;eE x"\t', max_size=8), max_size=5),
        max_size=5,
    )
)
def test_any_table_loads_or_says_where_it_is_wrong(tmp_path, rows):
    from parscore.errors import InputError
    from parscore.survey_table import load

    path = tmp_path / "t.csv"
    path.write_text("\n".join(",".join(cells) for cells in [["ma", "S.1", "S.2"], *rows]), "utf-8")
    try:
        table = load(path)
    except InputError as exc:
        assert exc.problems and all(p.file.startswith(str(path)) for p in exc.problems)
        assert all(p.line >= 1 for p in exc.problems)
    else:
        for row in table.rows:
            for _, value, _ in row.cells:
                assert value[0] in ("points", "counts")


def test_the_appraised_ranking_takes_the_survey_table_too(tmp_path):
    # Đông Phú's S.1 raised from 148/200 to 200/200 in the province's table: its survey part
    # goes from 20,53 to 21,83, and its final appraisal (34,64 appraised points, no bonus, a
    # 0,50 penalty) from 54,67 to 34,64 + 21,83 - 0,50 = 55,97, in compare and in the annex
    table = tmp_path / "khao-sat.csv"
    text = (ROOT / "evidence" / "khao-sat-2023.csv").read_text(encoding="utf-8")
    assert "\n20638,148/200," in text
    table.write_text(text.replace("\n20638,148/200,", "\n20638,200/200,"), encoding="utf-8")
    paths = [str(ROOT / "evidence"), str(ROOT / "appraisal")]
    shipped = json.loads(run("compare", *paths, "--format", "json").stdout)
    changed = json.loads(run("compare", *paths, "--survey", str(table), "--format", "json").stdout)

    def dong_phu(comparison):
        units = [u for g in comparison["groups"] for u in g["ranking"]]
        return next(u for u in units if u["unit"]["code"] == "20638")

    assert (dong_phu(shipped)["survey"], dong_phu(shipped)["total"]) == ("20.53", "54.67")
    assert (dong_phu(changed)["survey"], dong_phu(changed)["total"]) == ("21.83", "55.97")
    assert dong_phu(changed)["appraisal"] == "34.64"


# --- crafted tables (tests/data/survey/, code 20638 = Đông Phú) ------------------------------

CRAFTED = ROOT / "tests" / "data" / "survey"
DONG_PHU = EVIDENCE / "dong-phu-2023.yaml"


def _errors(table: Path) -> tuple[int, list[str]]:
    result = run("evaluate", DONG_PHU, "--survey", table, "--lang", "en", "--format", "json")
    lines = [line for line in result.stderr.splitlines() if line.startswith(str(table))]
    return result.exit_code, lines


def test_an_item_named_twice_is_refused_at_its_second_heading():
    # ma_don_vi,S.1,S.1,S.3…: the second S.1 starts at column 15 of line 1
    table = CRAFTED / "dup-header.csv"
    assert _errors(table) == (
        2,
        [
            f"{table}:1:15: item S.1 already has a column at 1:11: one column per survey item "
            "[survey.duplicate-item]"
        ],
    )


def test_a_missing_column_and_a_short_row_are_refused():
    table = CRAFTED / "missing-col.csv"  # S.1…S.4: the set's S.5 has no column
    code, lines = _errors(table)
    assert code == 2
    assert lines == [
        f"{table}:1:1: the table has no column for the survey items: S.5 (the first row names "
        "one column per item) [survey.missing-item]"
    ]
    table = CRAFTED / "short-row.csv"  # six headings, a row of five cells
    code, lines = _errors(table)
    assert code == 2
    assert lines == [
        f"{table}:2:1: a row of 5 cells in a table of 6 columns: leave a missing value empty, "
        "keep its separator [survey.short-row]"
    ]


def test_empty_headings_at_the_right_are_no_columns(tmp_path):
    table = tmp_path / "t.csv"  # a trailing comma on the header line
    table.write_text(
        "ma_don_vi,S.1,S.2,S.3,S.4,S.5,\n20638,148/200,139/200,131/200,142/200,127/200\n", "utf-8"
    )
    result = run("evaluate", DONG_PHU, "--survey", table, "--format", "json")
    assert result.exit_code == 0, result.stderr
    # S.1 is worth 5: 148/200 × 5 = 3.70
    assert _survey_points(result)["S.1"] == "3.70"
    # a stray value below an empty heading is one cell too many, nothing else
    table.write_text(
        "ma_don_vi,S.1,S.2,S.3,S.4,S.5,,\n20638,148/200,139/200,131/200,142/200,127/200,,9\n",
        "utf-8",
    )
    assert _errors(table) == (
        2,
        [
            f"{table}:2:48: a cell past the named columns: the first row names no item for this "
            "column [survey.extra-cell]"
        ],
    )


def test_a_workbook_with_formatted_empty_cells_at_the_right(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "KetQua"
    sheet.append(["ma_don_vi", "S.1", "S.2", "S.3", "S.4", "S.5"])
    sheet.append(["20638", "148/200", "139/200", "131/200", "142/200", "127/200"])
    sheet["G1"].number_format = "0.00"  # formatted, empty: the row reads as eight cells
    sheet["H1"].number_format = "0.00"
    path = tmp_path / "k.xlsx"
    book.save(path)
    result = run("evaluate", DONG_PHU, "--survey", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    sheet["H2"] = "x"
    book.save(path)
    code, lines = _errors(path)
    assert code == 2
    assert lines == [
        f"{path}: KetQua!H2: a cell past the named columns: the first row names no item for "
        "this column [survey.extra-cell]"
    ]


def test_csv_places_count_quoted_fields_and_line_breaks_inside_cells():
    table = CRAFTED / "quoted-col.csv"  # "20638","148/200","139/200",abc: abc at column 29
    code, lines = _errors(table)
    assert code == 2
    assert lines == [
        f"{table}:2:29: 'abc' is neither points (4.58) nor satisfied/responses (412/450) "
        "[survey.bad-cell]"
    ]
    table = CRAFTED / "multiline.csv"  # row 2's last cell holds a line break: row 3 is line 4
    code, lines = _errors(table)
    assert lines == [f"{table}:4:1: unit code 20638 is already in row 2 [survey.duplicate-code]"]


def test_no_responses_at_all_is_refused_at_its_cell():
    table = CRAFTED / "zero-resp.csv"  # S.2 = 0/0, at column 15
    assert _errors(table) == (
        2,
        [
            f"{table}:2:15: '0/0': no responses at all (0 in all); give the real counts "
            "[survey.no-responses]"
        ],
    )


def test_a_workbook_s_formula_without_value_and_a_number_in_exponent_form(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "KetQua"
    sheet.append(["ma_don_vi", "S.1", "S.2", "S.3", "S.4", "S.5"])
    # openpyxl saves a formula without its value, as any program writing a workbook does
    sheet.append(["20638", "=1+2", 1e-05, 4, 4, 4])
    path = tmp_path / "k.xlsx"
    book.save(path)
    code, lines = _errors(path)
    assert code == 2
    assert lines == [
        f"{path}: KetQua!B2: a formula (=1+2) without a value (the file was never opened and "
        "saved in Excel): type the value [survey.formula]"
    ]
    sheet["B2"] = 3
    book.save(path)
    result = run("evaluate", DONG_PHU, "--survey", path, "--format", "json")
    assert result.exit_code == 0, result.stderr
    # 1e-05 is the number 0.00001 (as YAML reads it), kept exact
    assert _survey_points(result)["S.2"] == "0.00001"
    assert _survey_points(result)["S.1"] == "3.00"


def test_a_workbook_that_is_not_a_zip_is_refused_before_openpyxl(tmp_path):
    path = tmp_path / "k.xlsx"
    path.write_bytes(b"ma_don_vi,S.1\n")
    code, lines = _errors(path)
    assert code == 2
    assert len(lines) == 1 and lines[0].endswith("[workbook.not-xlsx]")
