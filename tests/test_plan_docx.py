"""The improvement plan as a Word document: the same content as the Markdown plan, laid out as
an administrative document, byte-identical for identical input."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from decimal import Decimal as D
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from docx.enum.text import WD_ALIGN_PARAGRAPH  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from parscore.engine import evaluate  # noqa: E402
from parscore.loading import load_evidence  # noqa: E402
from parscore.plan import Plan, make_plan  # noqa: E402
from parscore.report.common import Options  # noqa: E402
from parscore.report.plan_docx import to_docx  # noqa: E402
from parscore.report.plan_text import markdown  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EVIDENCE = ROOT / "evidence" / "vinh-chap-2023.yaml"


@pytest.fixture(scope="module")
def scored():
    prepared = load_evidence(EVIDENCE)
    return prepared, evaluate(prepared)


@pytest.fixture(scope="module")
def plan(scored) -> Plan:
    prepared, result = scored
    return make_plan(result, D(90))


def read(data: bytes):
    return docx.Document(io.BytesIO(data))


def plain(line: str) -> str:
    """A Markdown line as the text a reader sees: no heading marks, bold, bullet or hard break."""
    line = line.rstrip()
    line = re.sub(r"^#+ ", "", line)
    if line.startswith("**") and line.endswith("**"):
        line = line[2:-2]
    return line.removeprefix("- ")


def markdown_body(md: str) -> list[str]:
    """The Markdown plan's paragraphs from the title on, without the summary table."""
    lines = md.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# "))
    return [plain(line) for line in lines[start:] if line.strip() and not line.startswith("|")]


def docx_body(document) -> list[str]:
    return [p.text.removeprefix("- ") for p in document.paragraphs if p.text.strip()]


def markdown_table(md: str) -> list[list[str]]:
    """The summary table's header and rows, cells unescaped."""
    rows = [line for line in md.splitlines() if line.startswith("|")]
    del rows[1]  # the alignment row
    return [
        [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row)[1:-1]]
        for row in rows
    ]


def docx_table(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def all_texts(document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def test_page_and_fonts_are_those_of_an_administrative_document(plan):
    document = read(to_docx(plan, Options()))
    section = document.sections[0]
    assert section.page_width.cm == pytest.approx(21, abs=0.01)
    assert section.page_height.cm == pytest.approx(29.7, abs=0.01)
    assert section.left_margin.cm == pytest.approx(3, abs=0.01)
    assert section.right_margin.cm == pytest.approx(2, abs=0.01)
    assert section.top_margin.cm == pytest.approx(2, abs=0.01)
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.font.size.pt == 13
    # every script, so Word does not fall back to a theme font for Vietnamese
    fonts = normal.element.rPr.rFonts
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert fonts.get(qn(f"w:{attr}")) == "Times New Roman"
    assert not [a for a in fonts.attrib if a.endswith("Theme") or a.endswith("theme")]
    for name in ("Heading 1", "Heading 2"):
        heading = document.styles[name]
        assert heading.font.name == "Times New Roman" and heading.font.bold
        assert 13 <= heading.font.size.pt <= 14
        assert str(heading.font.color.rgb) == "000000"


def test_the_header_block_and_the_title(plan):
    md = markdown(plan, Options())
    document = read(to_docx(plan, Options()))
    header = document.tables[0]
    assert header.style is None or header.style.name != "Table Grid"
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None and {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = (cell.text.split("\n") for cell in header.rows[0].cells)
    org, number = (plain(line) for line in md.splitlines()[:2])
    assert " ".join(left[:2]) == org == "ỦY BAN NHÂN DÂN XÃ VĨNH CHẤP"
    assert left[2] == number == "Số: ....../KH-UBND"
    assert right == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Vĩnh Chấp, ngày ...... tháng ...... năm 2024",
    ]
    title = document.paragraphs[0]
    assert title.text == "KẾ HOẠCH"
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.bold and run.font.size.pt == 14 for run in title.runs)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "I. NHỮNG VIỆC CẦN LÀM TRƯỚC",
        "II. NHIỆM VỤ, GIẢI PHÁP THEO LĨNH VỰC",
        "III. ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (do đơn vị điều tra chấm)",
        "IV. BẢNG TỔNG HỢP",
    ]


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("target", [None, "90", "100"])
def test_the_same_content_as_the_markdown_plan(scored, lang, target):
    prepared, result = scored
    drafted = make_plan(result, D(target) if target else None)
    opts = Options(lang=lang, top=3)
    md = markdown(drafted, opts)
    document = read(to_docx(drafted, opts))
    assert docx_body(document) == markdown_body(md)
    assert docx_table(document.tables[1]) == markdown_table(md)


def test_the_summary_table_has_one_row_per_step_in_order(plan):
    document = read(to_docx(plan, Options()))
    table = document.tables[1]
    assert table.style.name == "Table Grid"
    rows = docx_table(table)
    assert rows[0] == [
        "STT",
        "Nội dung",
        "Chủ trì",
        "Phối hợp",
        "Thời gian hoàn thành",
        "Điểm có thể tăng",
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    assert len(rows) == len(plan.steps) + 1
    for index, (row, step) in enumerate(zip(rows[1:], plan.steps, strict=True), start=1):
        assert row[0] == str(index)
        assert row[1].startswith(f"{step.id} {step.name.vi}: {step.action.vi}")
        assert row[5] == format(step.gain.quantize(D("0.01")), "f").replace(".", ",")
    assert rows[1][5] == "1,54"  # 7.3 comes first, with the decimal comma
    for row in table.rows[1:]:
        for column in (0, 5):
            assert row.cells[column].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert row.cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


def test_vietnamese_text_is_intact(plan):
    data = to_docx(plan, Options())
    document = read(data)
    texts = all_texts(document)
    assert all(unicodedata.is_normalized("NFC", text) for text in texts)
    joined = "\n".join(texts)
    assert "Vĩnh Chấp" in joined and "Thanh toán trực tuyến phí, lệ phí" in joined
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert unicodedata.normalize("NFC", "Độc lập - Tự do - Hạnh phúc") in xml
    assert unicodedata.normalize("NFD", "Vĩnh Chấp") not in xml


def test_byte_identical_on_two_runs(scored, plan):
    first = to_docx(plan, Options())
    prepared, result = scored
    again = make_plan(result, D(90))
    assert to_docx(again, Options()) == first
    archive = zipfile.ZipFile(io.BytesIO(first))
    assert archive.namelist()[0] == "[Content_Types].xml"
    for info in archive.infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)
        assert info.compress_type == zipfile.ZIP_DEFLATED
    props = read(first).core_properties
    assert props.author == "parscore" and props.revision == 1
    assert props.created == props.modified == props.last_printed
    assert props.created.year == 2000


def test_english_labels(plan):
    document = read(to_docx(plan, Options(lang="en")))
    assert document.paragraphs[0].text == "PLAN"
    left, right = (cell.text for cell in document.tables[0].rows[0].cells)
    assert left == "PEOPLE'S COMMITTEE OF\nVĨNH CHẤP\nNo.: ....../KH-UBND"
    assert right.startswith("SOCIALIST REPUBLIC OF VIET NAM\nIndependence - Freedom - Happiness")
    rows = docx_table(document.tables[1])
    assert rows[0] == ["No.", "Task", "Lead", "Coordinating", "Timing", "Points to gain"]
    assert rows[1][5] == "1.54"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "I. WHAT TO DO FIRST" and headings[-1] == "IV. SUMMARY"


def test_a_plan_with_nothing_to_do(plan):
    empty = plan.model_copy(update={"steps": [], "target": None})
    md = markdown(empty, Options())
    document = read(to_docx(empty, Options()))
    assert "Không có tiêu chí nào bị mất điểm." in docx_body(document)
    assert docx_body(document) == markdown_body(md)
    assert len(document.tables[1].rows) == 1  # the header row only
