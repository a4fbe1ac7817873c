"""Text from input files in reports: a spreadsheet never runs it as a formula, a Markdown or
HTML viewer never runs it as markup, and a table is never broken by it. Numbers parscore writes
(negative ones included) stay numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore.cli import main
from parscore.report.common import markdown_text, spreadsheet_text

DATA = Path(__file__).parent / "data"

FORMULA = '=HYPERLINK("http://x","click")'
SCRIPT = "<script>alert(1)</script>"

EVIDENCE = """\
unit:
  name: "<b>Hồ</b> | =1+1"
  code: "=2+3"
  kind: xã
  parents: [{level: district, name: "@Vĩnh Linh"}]
year: 2023
criteria: set.yaml
items:
  "1.1":
    documents: [{number: "-5/KH|x", date: 06/02/2023, section: "+trang 1"}]
    claimed: 1
  "1.2": {done: 18, planned: 20, documents: [{number: 1/BC, date: 12/12/2023}], claimed: 0.5}
  "1.3": {met: false}
  "2.1":
    on_time: 1150
    received: 1200
    explanation: "dòng 1\\ndòng 2 <img src=x onerror=alert(1)> [bấm](http://x) &amp;"
survey:
  S.1: {satisfied: 412, responses: 450}
penalty:
  - reason: "-Vi phạm | <i>x</i>"
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    text = (DATA / "mini-set.yaml").read_text("utf-8")
    text = text.replace("name: {vi: Chỉ đạo điều hành, en: Direction}", f"name: '{FORMULA}'")
    text = text.replace("name: Kế hoạch", f"name: '{SCRIPT}'")
    text = text.replace(
        "rule: {kind: pass_fail, penalty_when_unmet: 0.25}",
        "rule: {kind: pass_fail, penalty_when_unmet: 0.25}\n        lead: '@SUM(A1)'",
    )
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "ev.yaml").write_text(EVIDENCE, encoding="utf-8")
    second = EVIDENCE.replace('"=2+3"', '"-7"').replace("<b>Hồ</b>", "Hai")
    (tmp_path / "ev2.yaml").write_text(second, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    return tmp_path


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _no_formula(rows: list[list[str]]) -> None:
    import re

    number = re.compile(r"-?\d+(\.\d+)?")
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not cell.startswith("-") or number.fullmatch(cell), cell


# --- CSV ---------------------------------------------------------------------------------------


def test_spreadsheet_text_neutralises_formulas_only_in_text():
    from decimal import Decimal

    for text in ("=1+1", "+84", "-5/KH", "@SUM(A1)", "\t=1", "\r=1", "＝1"):
        assert spreadsheet_text(text) == "'" + text
    for value in ("Vĩnh Chấp", "", "1=1", "'=already"):
        assert spreadsheet_text(value) == value
    assert spreadsheet_text(Decimal("-0.25")) == Decimal("-0.25")
    assert spreadsheet_text(-3) == -3


def test_evaluate_csv_neutralises_formulas_and_keeps_negative_numbers(work):
    rows = _cells(run("evaluate", "ev.yaml", "--format", "csv"))
    _no_formula(rows)
    by_id = {row[1]: row for row in rows[1:] if row[0] == "node"}
    assert by_id["1"][3] == "'" + FORMULA
    assert by_id["1.1"][3] == SCRIPT  # not a formula: left alone
    assert by_id["1.1"][13] == "'-5/KH|x 06/02/2023 +trang 1"
    assert by_id["1.3"][12] == "'@SUM(A1)"
    # the claim differences parscore computes are numbers, a negative one included
    assert (by_id["1.1"][10], by_id["1.2"][10]) == ("0.50", "-0.25")


def test_missing_csv_neutralises_formulas(work):
    rows = _cells(run("evaluate", "ev.yaml", "--missing", "--format", "csv"))
    _no_formula(rows)
    assert ["'@SUM(A1)", "1.3"] in [row[:2] for row in rows]


def test_compare_csv_neutralises_formulas_and_keeps_numbers(work):
    rows = _cells(run("compare", "ev.yaml", "ev2.yaml", "--format", "csv"))
    _no_formula(rows)
    header = rows[0]
    named = {row[header.index("code")]: row for row in rows[1:]}
    assert set(named) == {"'=2+3", "'-7"}  # codes are text from the files
    first = named["'=2+3"]
    assert first[header.index("name")] == "<b>Hồ</b> | =1+1"
    assert first[header.index("group")] == "'@Vĩnh Linh"
    assert first[header.index("penalty")] == "0.50"


# --- Markdown ----------------------------------------------------------------------------------


def test_markdown_text_escapes_markup_and_table_breakers():
    assert markdown_text(SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert markdown_text("a | b\nc\r\nd") == "a \\| b c d"
    assert markdown_text("a \\| b") == "a \\\\\\| b"  # an input's own backslash cannot unescape
    assert markdown_text("&amp; HĐND & UBND") == "&amp;amp; HĐND &amp; UBND"
    assert markdown_text("[bấm](http://x) ![i](http://y)") == "[bấm\\](http://x) ![i\\](http://y)"
    assert markdown_text("Vĩnh Chấp (19435) — 10/KH-UBND [Tự chấm 1,00]") == (
        "Vĩnh Chấp (19435) — 10/KH-UBND [Tự chấm 1,00]"
    )


def _table_widths(text: str) -> set[int]:
    """The number of unescaped column separators in each row of each table."""
    widths = []
    for block in text.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if rows:
            counts = {line.replace("\\\\", "").replace("\\|", "").count("|") for line in rows}
            assert len(counts) == 1, block  # a row with more cells than its header: broken
            widths.extend(counts)
    return set(widths)


@pytest.mark.parametrize(
    "args",
    [
        ("evaluate", "ev.yaml", "--format", "markdown", "--detail"),
        ("evaluate", "ev.yaml", "--format", "markdown", "--detail", "--lang", "en"),
        ("evaluate", "ev.yaml", "--missing", "--format", "markdown"),
        ("compare", "ev.yaml", "ev2.yaml", "--format", "markdown", "--detail"),
        ("plan", "ev.yaml", "--format", "markdown"),
        ("plan", "ev.yaml", "--format", "markdown", "--lang", "en"),
    ],
)
def test_every_markdown_report_escapes_text_from_the_files(work, args):
    text = run(*args)
    assert "<" not in text and ">" not in text
    assert "&lt;script&gt;" in text or "&lt;b&gt;" in text or "&lt;i&gt;" in text
    assert "](" not in text.replace("\\](", "")
    _table_widths(text)


def test_markdown_keeps_each_input_line_in_its_cell(work):
    text = run("evaluate", "ev.yaml", "--format", "markdown", "--detail")
    row = [line for line in text.splitlines() if line.startswith("| 2.1 ")][-1]  # --detail
    assert "dòng 1 dòng 2 &lt;img src=x onerror=alert(1)&gt; [bấm\\](http://x) &amp;amp;" in row
    assert "-5/KH\\|x 06/02/2023" in text


# --- HTML and XLSX -------------------------------------------------------------------------------


def test_html_escapes_text_from_the_files(work):
    text = run("compare", "ev.yaml", "ev2.yaml", "--format", "html", "--detail")
    assert "<b>Hồ</b>" not in text and "&lt;b&gt;Hồ&lt;/b&gt;" in text
    assert SCRIPT not in text


def test_xlsx_writes_text_as_text_never_as_a_formula(work):
    openpyxl = pytest.importorskip("openpyxl")
    result = CliRunner().invoke(
        main, ["compare", "ev.yaml", "ev2.yaml", "--format", "xlsx", "-o", "out.xlsx"]
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(work / "out.xlsx")
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str) and cell.value.startswith(("=", "-", "@")):
                    assert cell.quotePrefix, (sheet.title, cell.coordinate)
                    texts.append(cell.value)
    assert "=2+3" in texts and "@Vĩnh Linh" in texts and "-7" in texts
