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
from parscore.report.plan_text import document as plan_document  # noqa: E402

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


def docx_body(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def expected_body(drafted: Plan, opts: Options) -> list[str]:
    """The document's paragraphs outside tables, from the blocks every format shares."""
    content = plan_document(drafted, opts.lang, opts.top)
    texts = [content.title, content.subtitle]
    for block in [*content.body, *content.annex]:
        if block.table is not None:
            continue
        text = block.text.upper() if block.kind == "annex" else block.text
        texts.append(f"- {text}" if block.kind == "bullet" else text)
    return texts


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


def borders_nil(table) -> bool:
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    return borders is not None and {b.get(qn("w:val")) for b in borders} == {"nil"}


def lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs]


def rule_lines(cell) -> int:
    """Empty paragraphs drawn as a line by their top border (the rule under a name)."""
    return sum(
        1
        for p in cell.paragraphs
        if not p.text and p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None
    )


def test_the_header_block_of_nghi_dinh_30(plan):
    document = read(to_docx(plan, Options()))
    header = document.tables[0]
    assert borders_nil(header)
    left, right = header.rows[0].cells
    assert [t for t in lines(left) if t] == [
        "ỦY BAN NHÂN DÂN",
        "XÃ VĨNH CHẤP",
        "Số: ....../KH-UBND",
    ]
    assert [t for t in lines(right) if t] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Vĩnh Chấp, ngày ...... tháng ...... năm 2024",
    ]
    # a rule line under the unit's name and one under the motto, each before the next line
    assert rule_lines(left) == 1 and rule_lines(right) == 1
    assert lines(left).index("") == 2 and lines(right).index("") == 2
    unit_runs = left.paragraphs[1].runs
    assert all(run.bold for run in unit_runs)
    assert all(run.italic for run in right.paragraphs[3].runs)  # the place and date
    title, subtitle = document.paragraphs[0], document.paragraphs[1]
    assert title.text == "KẾ HOẠCH" and title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert all(run.bold and run.font.size.pt == 14 for run in title.runs)
    assert subtitle.text == (
        "Cải thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX) xã Vĩnh Chấp năm 2024"
    )


def test_the_sections_closing_recipients_and_signature(plan):
    document = read(to_docx(plan, Options()))
    texts = docx_body(document)
    assert texts[2].startswith("Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính")
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NHIỆM VỤ VÀ GIẢI PHÁP",
        "III. TỔ CHỨC THỰC HIỆN",
    ]
    fields = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert fields[0] == "1. Công tác chỉ đạo, điều hành CCHC"
    assert "1.1. Ban hành kế hoạch CCHC năm (tiêu chí 1.1.1)" in texts  # the id, not read as one
    assert "a) Mục tiêu, nhiệm vụ: Hoàn thành đúng hạn (trước hoặc đúng 31/01)." in texts
    closing = next(t for t in texts if t.startswith("Trên đây là Kế hoạch"))
    assert closing.endswith("nghiêm túc triển khai thực hiện./.")
    foot = document.tables[1]
    assert borders_nil(foot)
    left, right = foot.rows[0].cells
    assert lines(left)[0] == "Nơi nhận:"
    assert "- UBND huyện Vĩnh Linh (qua Phòng Nội vụ) (báo cáo);" in lines(left)
    assert lines(left)[-1] == "- Lưu: VT."
    signature = [t for t in lines(right) if t]
    assert signature[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert set(signature[2]) == {"."}  # the signer's name is the clerk's to write
    # the foot comes right after the closing sentence
    closing_p = next(p for p in document.paragraphs if p.text == closing)._p
    following = closing_p.getnext()
    while following is not None and following.tag == qn("w:p"):
        following = following.getnext()
    assert following is foot._tbl


def test_no_tool_text_in_the_body(plan):
    document = read(to_docx(plan, Options()))
    texts = all_texts(document)
    annex = next(i for i, p in enumerate(document.paragraphs) if p.text == "PHỤ LỤC")
    body = [p.text for p in document.paragraphs[:annex]]
    for text in body:
        assert "parscore" not in text.lower()
        assert "ref-commune" not in text
        assert not re.search(r"\(\+\d", text), text  # no points after a task
        assert not re.match(r"\d+\. \d+\.\d", text), text  # no "1. 7.3 ..." double numbering
    assert not any("parscore" in t.lower() for t in texts)


def test_page_numbers_from_the_second_page(plan):
    data = to_docx(plan, Options())
    document = read(data)
    section = document.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert 'w:fldCharType="begin"' in header_xml and "PAGE" in header_xml
    first = section.first_page_header._element.xml
    assert "PAGE" not in first


def test_the_annex_holds_the_figures_on_its_own_page(plan):
    document = read(to_docx(plan, Options()))
    paragraphs = document.paragraphs
    annex = next(i for i, p in enumerate(paragraphs) if p.text == "PHỤ LỤC")
    breaks = paragraphs[annex - 1]._p.xml
    assert 'w:type="page"' in breaks
    assert paragraphs[annex + 1].text == "KẾT QUẢ TỰ ĐÁNH GIÁ NĂM 2023 VÀ ĐIỂM CÓ THỂ CẢI THIỆN"
    fields, first, items = (docx_table(t) for t in document.tables[2:5])
    assert fields[0] == ["STT", "Lĩnh vực", "Điểm đạt", "Điểm tối đa", "Tỷ lệ"]
    assert fields[1] == ["1", "Công tác chỉ đạo, điều hành CCHC", "7,25", "10,00", "72,50%"]
    assert first[0] == ["STT", "Tiêu chí", "Việc cần làm", "Điểm có thể tăng"]
    assert first[1][1] == "7.3 Thanh toán trực tuyến phí, lệ phí" and first[1][3] == "1,54"
    assert len(first) == 1 + 5  # the first five steps (Options().top)
    assert items[0] == ["Tiêu chí", "Điểm hiện tại", "Điểm tối đa", "Điểm có thể tăng", "Chủ trì"]
    assert len(items) == len(plan.items) + 2  # the heads, each item, the total
    assert items[-1][0] == "Cộng" and items[-1][3] == "11,89"
    for t in document.tables[2:5]:
        assert t.style.name == "Table Grid"
        assert t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeated on each page
    texts = docx_body(document)
    assert "4. Mục tiêu Chỉ số 90,00%" in texts


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("target", [None, "80", "90", "100"])
def test_the_same_content_as_the_text_and_markdown_plans(scored, lang, target):
    prepared, result = scored
    drafted = make_plan(result, D(target) if target else None)
    opts = Options(lang=lang, top=3)
    document = read(to_docx(drafted, opts))
    assert docx_body(document) == expected_body(drafted, opts)
    tables = [b.table for b in plan_document(drafted, lang, 3).annex if b.table is not None]
    assert [docx_table(t) for t in document.tables[2:]] == [[t.heads, *t.rows] for t in tables]


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
    assert props.revision == 1
    assert props.created == props.modified == props.last_printed
    assert props.created.year == 2000


def test_english_labels(plan):
    document = read(to_docx(plan, Options(lang="en")))
    assert document.paragraphs[0].text == "PLAN"
    left, right = ([t for t in lines(c) if t] for c in document.tables[0].rows[0].cells)
    assert left == ["PEOPLE'S COMMITTEE OF", "VĨNH CHẤP", "No.: ....../KH-UBND"]
    assert right[:2] == ["SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness"]
    first = docx_table(document.tables[3])
    assert first[0] == ["No.", "Sub-criterion", "What to do", "Points to gain"]
    assert first[1][3] == "1.54"
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "I. PURPOSE AND REQUIREMENTS",
        "II. TASKS AND SOLUTIONS",
        "III. IMPLEMENTATION",
    ]


def test_a_plan_with_nothing_to_do(plan):
    empty = plan.model_copy(update={"steps": [], "items": [], "target": None})
    document = read(to_docx(empty, Options()))
    texts = docx_body(document)
    assert (
        "Năm 2023 không có tiêu chí nào bị mất điểm: tiếp tục duy trì và phát huy kết quả đạt được."
        in texts
    )
    assert texts.count("Không có tiêu chí nào bị mất điểm.") == 2  # the annex's two lists
    assert texts == expected_body(empty, Options())
    assert len(document.tables) == 3  # header, foot, the fields' results
