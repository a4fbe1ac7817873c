"""The comparison as an Excel workbook (the HTML page: tests/test_compare_html.py)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest

from parscore.compare import Comparison, Excluded, compare
from parscore.engine import evaluate
from parscore.loading import CriteriaResolver, load_evidence
from parscore.messages import CATALOGUE
from parscore.model.common import Text
from parscore.model.result import Notice
from parscore.report.common import Options
from parscore.report.xlsx import to_xlsx

ROOT = Path(__file__).resolve().parent.parent
EVIL = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"

# A commune whose name is markup and whose code has leading zeros, in Quế Sơn district.
EVIL_EVIDENCE = f"""\
unit:
  name: "{EVIL}"
  code: "00004"
  kind: "xã"
  parents:
    - {{level: district, name: "Quế Sơn"}}
    - {{level: province, name: "Quảng Nam"}}
year: 2023
criteria: "ref-commune-2023"
items:
  "1.1.2":
    tasks: true
    funded: true
    documents:
      - {{number: "01/KH-UBND", date: "20/01/2023"}}
  "1.1.3":
    met: true
    documents:
      - {{number: "01/KH-UBND", date: "20/01/2023"}}
"""

EXCLUDED = Excluded(
    file="hong.yaml",
    problems=[
        Notice(
            file="hong.yaml",
            line=7,
            column=3,
            code="value.decimal-comma",
            message=Text(vi="số viết bằng dấu phẩy <b>1,5</b>", en="decimal comma <b>1,5</b>"),
        )
    ],
)


def scored_examples(tmp_path_factory: pytest.TempPathFactory):
    """The six shipped examples and the markup-named commune, scored; and their set."""
    evil = tmp_path_factory.mktemp("evil") / "evil.yaml"
    evil.write_text(EVIL_EVIDENCE, encoding="utf-8")
    resolver = CriteriaResolver()
    paths = [*sorted((ROOT / "evidence").glob("*.yaml")), evil]
    results = [evaluate(load_evidence(p, resolver)) for p in paths]
    return results, resolver.load("ref-commune-2023")


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory):
    results, criteria = scored_examples(tmp_path_factory)
    return results, [b.name for b in criteria.bands]


@pytest.fixture(scope="module")
def comparison(parts) -> Comparison:
    results, bands = parts
    return compare(results, bands, excluded=[EXCLUDED])


@pytest.fixture(scope="module")
def workbook(comparison):
    return openpyxl.load_workbook(io.BytesIO(to_xlsx(comparison, Options())))


def header_row(ws) -> int:
    """The header row (1-based): the last row frozen above the table."""
    return int(re.sub(r"[A-Z]", "", ws.freeze_panes)) - 1


def rows(ws) -> list[list]:
    """The table: the header row and the rows under it (the title above it left out)."""
    return [[cell.value for cell in row] for row in ws.iter_rows(min_row=header_row(ws))]


def column(ws, header: str) -> int:
    return [cell.value for cell in ws[header_row(ws)]].index(header)


def data_rows(ws):
    return ws.iter_rows(min_row=header_row(ws) + 1)


# --- XLSX ----------------------------------------------------------------------------------------


def test_fixture_has_two_groups_and_the_evil_commune(comparison):
    assert [g.name for g in comparison.groups] == ["Quế Sơn", "Vĩnh Linh"]
    assert [len(g.ranking) for g in comparison.groups] == [4, 3]
    assert EVIL in [row.unit.name for row in comparison.groups[0].ranking]


def test_xlsx_sheet_names_in_vietnamese_and_english(comparison, workbook):
    assert workbook.sheetnames == ["Xếp hạng", "Lĩnh vực", "Xếp loại", "Tiêu chí", "Bị loại"]
    english = openpyxl.load_workbook(io.BytesIO(to_xlsx(comparison, Options(lang="en"))))
    assert english.sheetnames == ["Ranking", "Fields", "Bands", "Sub-criteria", "Excluded"]
    assert rows(english["Ranking"])[0][:4] == ["District", "Rank", "Unit", "Code"]


def test_xlsx_no_excluded_sheet_when_nothing_was_left_out(parts):
    results, bands = parts
    data = to_xlsx(compare(results, bands), Options())
    assert "Bị loại" not in openpyxl.load_workbook(io.BytesIO(data)).sheetnames


def test_xlsx_ranking_header_order_and_ranks(comparison, workbook):
    ws = workbook["Xếp hạng"]
    table = rows(ws)
    assert table[0] == [
        "Huyện",
        "Vị thứ",
        "Đơn vị",
        "Mã",
        "Chỉ số CCHC",
        "Xếp loại",
        "Tổng điểm",
        "Tối đa áp dụng",  # Vĩnh Long's maximum is 99
        "Điểm tiêu chí (không gồm điều tra XHH)",
        "Điều tra xã hội học",
        "Điểm thưởng",
        "Điểm trừ",
        "Loại đơn vị",
        "Vị thứ (số)",
        "Tệp",
    ]
    expected = [
        [
            g.name,
            f"{r.rank}/{r.of}",
            r.unit.name,
            float(r.index),
            r.band.vi if r.band else None,
            r.rank,
        ]
        for g in comparison.groups
        for r in g.ranking
    ]
    assert [[row[0], row[1], row[2], row[4], row[5], row[13]] for row in table[1:]] == expected
    assert [row[1] for row in table[1:5]] == ["1/4", "2/4", "3/4", "4/4"]
    assert table[1][2] == "Quế Minh" and table[4][2] == EVIL
    indexes = [row[4] for row in table[1:5]]
    assert indexes == sorted(indexes, reverse=True)
    # the header row is frozen with the group, rank and name beside every scroll
    first = header_row(ws)
    assert ws.freeze_panes == f"D{first + 1}"
    assert ws.auto_filter.ref == f"A{first}:O{first + len(table) - 1}"


def test_xlsx_applicable_maximum_only_where_it_differs(comparison, workbook):
    table = rows(workbook["Xếp hạng"])
    applicable = table[0].index("Tối đa áp dụng")
    by_name = {row[2]: row for row in table[1:]}
    # 71.50 points of 99 applicable: the index 72.22% is not the total, and the sheet says why
    assert by_name["Vĩnh Long"][6] == pytest.approx(71.5)
    assert by_name["Vĩnh Long"][4] == pytest.approx(72.22)
    assert by_name["Vĩnh Long"][applicable] == 99
    assert [row[applicable] for row in table[1:] if row[2] != "Vĩnh Long"] == [None] * 6
    notes = [c.value for c in workbook["Xếp hạng"]["A"][:3]]
    assert any("khác 100" in (note or "") for note in notes)


def test_xlsx_code_is_text_and_keeps_its_leading_zeros(workbook):
    ws = workbook["Xếp hạng"]
    code = column(ws, "Mã")
    evil = next(row for row in data_rows(ws) if row[2].value == EVIL)
    assert evil[code].value == "00004"
    assert evil[code].data_type == "s"
    fields = workbook["Lĩnh vực"]
    assert "00004" in [row[2].value for row in data_rows(fields)]


def test_xlsx_numbers_are_numbers_with_two_decimals_and_percentages_with_percent(workbook):
    ws = workbook["Xếp hạng"]
    first = next(data_rows(ws))
    index = first[4]
    assert index.value == pytest.approx(85.67)  # the number the reports print, shown with %
    assert index.number_format == '0.00"%"'
    for col in (6, 8, 9, 10, 11):  # total, then appraisal … penalty
        cell = first[col]
        assert isinstance(cell.value, (int, float)), cell.coordinate
        assert cell.number_format == "0.00"
    assert first[13].value == 1 and first[13].number_format == "0"
    assert first[9].value == pytest.approx(26.1)  # the survey, shown 26.10


def test_xlsx_every_sheet_has_a_title_and_prints_a4_landscape_fitted_to_width(workbook):
    for ws in workbook.worksheets:
        title = ws["A1"].value
        assert title.startswith("So sánh Chỉ số CCHC năm 2023 — bộ tiêu chí ref-commune-2023")
        assert "xếp hạng theo huyện" in title, ws.title
        assert ws["A2"].value.startswith("Đơn vị tính: điểm; Chỉ số CCHC"), ws.title
        assert ws.page_setup.orientation == "landscape"
        assert ws.page_setup.paperSize == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        # one page wide (fitToWidth's default, 1, is left out of the file), as long as it takes
        assert (ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight) == (1, 0)
        first = header_row(ws)
        assert ws.print_title_rows == f"${first}:${first}", ws.title  # on every page
        assert "&P" in ws.oddFooter.center.text
    # the title spans the printed table, so that it is printed whole
    ranking = workbook["Xếp hạng"]
    assert "A1:M1" in {str(r) for r in ranking.merged_cells.ranges}
    # printed: up to the kind of unit (M); the rank as a number and the file are for the screen
    assert ranking.print_area.endswith(f"!$A$1:$M${ranking.max_row}")
    assert [c.value for c in ranking[header_row(ranking)]][12:] == [
        "Loại đơn vị",
        "Vị thứ (số)",
        "Tệp",
    ]


def test_xlsx_field_matrix_has_a_colour_scale_and_the_weakest_field(comparison, workbook):
    ws = workbook["Lĩnh vực"]
    header = rows(ws)[0]
    assert header[:4] == [
        "Huyện",
        "Đơn vị",
        "Mã",
        "1. Công tác chỉ đạo, điều hành CCHC",
    ]
    assert header[-2:] == ["Lĩnh vực thấp nhất so với trung vị", "Chênh lệch so với trung vị nhóm"]
    first = header_row(ws)
    assert ws.max_row == first + comparison.compared
    matrix = {m.unit.name: m for g in comparison.groups for m in g.matrix}
    by_name = {row[1].value: row for row in data_rows(ws)}
    quế_xuân = by_name["Quế Xuân 1"]
    assert [c.value for c in quế_xuân[3:11]] == [
        float(v) for v in matrix["Quế Xuân 1"].percents.values()
    ]
    assert all(c.number_format == '0.00"%"' for c in quế_xuân[3:11])
    assert quế_xuân[11].value == matrix["Quế Xuân 1"].weakest_field == "6"
    assert quế_xuân[12].value == pytest.approx(float(matrix["Quế Xuân 1"].weakest_gap))
    # Quế Minh is at or above the median in every field: said, with no gap
    assert matrix["Quế Minh"].weakest_field is None
    assert by_name["Quế Minh"][11].value == "không có (mọi lĩnh vực ≥ trung vị)"
    assert by_name["Quế Minh"][12].value is None
    ranges = {str(r.sqref): r.rules for r in ws.conditional_formatting}
    assert list(ranges) == [f"D{first + 1}:K{ws.max_row}"]
    (rule,) = ranges[f"D{first + 1}:K{ws.max_row}"]
    assert rule.type == "colorScale"
    assert len(rule.colorScale.color) == 3
    assert ws.freeze_panes == f"C{first + 1}"


def test_xlsx_bands_sheet(comparison, workbook):
    table = rows(workbook["Xếp loại"])
    assert table[0] == [
        "Huyện",
        "Xuất sắc",
        "Tốt",
        "Khá",
        "Trung bình",
        "Yếu",
        "Số đơn vị",
        "Chỉ số bình quân",
        "Chỉ số trung vị",
    ]
    for row, group in zip(table[1:], comparison.groups, strict=True):
        assert row[0] == group.name
        assert row[1:6] == [b.count for b in group.bands]
        assert row[6] == len(group.ranking)
        assert row[7] == pytest.approx(float(group.mean_index))  # shown with %
        assert row[8] == pytest.approx(float(group.median_index))


def test_xlsx_sub_criteria_sheet(comparison, workbook):
    table = rows(workbook["Tiêu chí"])
    assert table[0][:4] == ["Huyện", "Lĩnh vực", "ID", "Tiêu chí"]
    assert table[0][4:8] == [
        "Đạt điểm tối đa",
        "Chưa đạt tối đa",
        "Số đơn vị áp dụng",
        "Đơn vị chưa đạt tối đa",
    ]
    items = [(g, i) for g in comparison.groups for i in g.items]
    assert len(table) == 1 + len(items)
    for row, (group, item) in zip(table[1:], items, strict=True):
        assert row[0] == group.name and row[2] == item.id
        missed = (row[7] or "").split(", ") if row[7] else []
        # who fell short: the units it applies to, less those with full points
        assert row[4:7] == [len(item.full), item.applicable - len(item.full), item.applicable]
        assert len(missed) == row[5] and not set(missed) & set(item.full)
        assert set(missed) <= {r.unit.name for r in group.ranking}
    assert any(EVIL in (r[7] or "") for r in table[1:] if r[0] == "Quế Sơn")


def test_xlsx_excluded_sheet(workbook):
    table = rows(workbook["Bị loại"])
    assert table == [
        ["Tệp", "Dòng", "Cột", "Nội dung", "Mã lỗi"],
        ["hong.yaml", 7, 3, "số viết bằng dấu phẩy <b>1,5</b>", "value.decimal-comma"],
    ]


def test_xlsx_is_byte_identical_for_identical_input(comparison):
    first, second = to_xlsx(comparison, Options()), to_xlsx(comparison, Options())
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        core = archive.read("docProps/core.xml").decode()
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "2000-01-01T00:00:00Z" in core


def test_comparison_words_live_in_the_one_catalogue():
    codes = [code for code in CATALOGUE if code.startswith("comparison.")]
    assert "comparison.rank" in codes
    assert all(vi and en for vi, en in (CATALOGUE[code] for code in codes))
    report = Path(__file__).resolve().parent.parent / "parscore" / "report"
    for module in report.glob("*.py"):  # no reporter keeps words of its own
        assert "dict[str, tuple[str, str]]" not in module.read_text(encoding="utf-8"), module


def test_ties_share_a_rank_in_both_formats(parts, tmp_path):
    results, bands = parts
    twin = tmp_path / "twin.yaml"
    twin.write_text(
        (ROOT / "evidence" / "que-minh-2023.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    tied = compare([*results, evaluate(load_evidence(twin, CriteriaResolver()))], bands)
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx(tied, Options())))["Xếp hạng"]
    assert [(r[1], r[13]) for r in rows(ws)[1:6]] == [
        ("1/5", 1),
        ("1/5", 1),
        ("3/5", 3),
        ("4/5", 4),
        ("5/5", 5),
    ]


def test_ungrouped_comparison(parts):
    results, bands = parts
    flat = compare(results, bands, group_by="none")
    ws = openpyxl.load_workbook(io.BytesIO(to_xlsx(flat, Options())))["Xếp hạng"]
    first = header_row(ws)
    assert ws[f"A{first}"].value == "Nhóm" and ws[f"A{first + 1}"].value == "Tất cả"
    assert ws[f"B{first + 1}"].value == f"1/{len(results)}"
    assert "xếp hạng chung" in ws["A1"].value
