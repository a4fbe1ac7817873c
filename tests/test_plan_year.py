"""The year's reform plan (parscore plan-year): every scored sub-criterion has a task, the dates
and targets are the set's, last year's weak items come first, and the Word file opens (converted
to PDF) with its table intact; identical inputs give identical bytes."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore.cli import main

docx = pytest.importorskip("docx")

ROOT = Path(__file__).resolve().parent.parent
EVIDENCE = ROOT / "evidence" / "vinh-chap-2023.yaml"

#: the reference set's sub-criteria the commune scores (DOMAIN.md §8), written out by hand
SCORED = (
    "1.1.1 1.1.2 1.1.3 1.1.4 1.2.1 1.2.2 1.3.1 1.3.2 1.4 1.5 "
    "2.1 2.2 2.3 "
    "3.1 3.2 3.3 3.4 3.5 3.6 3.7 "
    "4.1 4.2 4.3 "
    "5.1 5.2 5.3 5.4 "
    "6.1 6.2 6.3 6.4 "
    "7.1 7.2 7.3 7.4 7.5 "
    "8.1 8.2 8.3"
).split()
UNIT = ["--unit", "Vĩnh Chấp", "--district", "Vĩnh Linh", "--province", "Quảng Trị"]
ID = re.compile(r"\(tiêu chí ([0-9.]+)\)")


def run(*args: str) -> bytes:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output + result.stderr
    return result.stdout_bytes


def write_docx(tmp_path: Path, *args: str) -> Path:
    out = tmp_path / "ke-hoach.docx"
    run("plan-year", *args, "--output", str(out))
    return out


def tables(path: Path) -> list[list[list[str]]]:
    doc = docx.Document(io.BytesIO(path.read_bytes()))
    return [[[c.text for c in row.cells] for row in t.rows] for t in doc.tables]


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The 2024 plan of Vĩnh Chấp from the reference set alone."""
    tmp = tmp_path_factory.mktemp("fresh")
    return write_docx(tmp, "--criteria", "ref-commune-2023", *UNIT, "--year", "2024")


@pytest.fixture(scope="module")
def weak(tmp_path_factory) -> Path:
    """The 2024 plan with the 2023 evidence of Vĩnh Chấp."""
    return write_docx(tmp_path_factory.mktemp("weak"), "--previous", str(EVIDENCE))


def task_table(path: Path) -> list[list[str]]:
    return next(t for t in tables(path) if t[0][0] == "STT" and len(t[0]) == 5)


def by_id(rows: list[list[str]]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for row in rows[1:]:
        match = ID.search(row[1])
        if match:
            assert match.group(1) not in found, f"two tasks for {match.group(1)}"
            found[match.group(1)] = row
    return found


def test_every_scored_item_has_a_task(fresh):
    rows = task_table(fresh)
    assert rows[0] == [
        "STT",
        "Nội dung thực hiện",
        "Công chức, bộ phận chủ trì",
        "Công chức, bộ phận phối hợp",
        "Thời gian hoàn thành",
    ]
    assert sorted(by_id(rows)) == sorted(SCORED)
    groups = [row[0] for row in rows[1:] if not ID.search(row[1])]
    assert groups == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def test_dates_and_targets_are_the_sets(fresh):
    rows = by_id(task_table(fresh))
    # 1.1.1: timeliness due 31/01, in the plan's year
    assert rows["1.1.1"][4] == "Hạn 31/01/2024"
    assert rows["1.1.1"][2] == "Văn phòng HĐND và UBND"
    # 1.2.1: the four deliverables' due dates
    assert rows["1.2.1"][4] == "Hạn 12/03/2024, 12/06/2024, 12/09/2024, 12/12/2024"
    # thresholds as the set writes them: "trên 90%", the parameters 35, 60 and 30
    assert "đạt trên 90%" in rows["1.1.4"][1]
    assert "đạt từ 35% trở lên" in rows["3.4"][1]
    assert "đạt từ 60% trở lên" in rows["3.5"][1]
    assert "đạt từ 30% trở lên" in rows["7.3"][1]
    assert "đạt 100%" in rows["5.2"][1]  # "từ 100%": all of them
    # no date in the set: the lead office's usual timing, marked
    assert rows["1.3.1"][4] == "Quý I (*)"
    assert rows["3.2"][4] == "Thường xuyên (*)"
    assert rows["3.5"][3] == "Công chức Tư pháp – Hộ tịch, Công chức Địa chính – Xây dựng"


def test_reporting_calendar(fresh):
    calendar = next(t for t in tables(fresh) if t[0][-1] == "Hạn gửi")
    assert [(r[1], r[3]) for r in calendar[1:]] == [
        ("Báo cáo quý I", "12/03/2024"),
        ("Báo cáo 6 tháng", "12/06/2024"),
        ("Báo cáo quý III", "12/09/2024"),
        ("Báo cáo năm", "12/12/2024"),
    ]


def test_document_form(fresh):
    doc = docx.Document(io.BytesIO(fresh.read_bytes()))
    header = [[c.text for c in row.cells] for row in doc.tables[0].rows][0]
    assert header[0].split("\n") == ["ỦY BAN NHÂN DÂN", "XÃ VĨNH CHẤP", "", "Số: ....../KH-UBND"]
    assert "Vĩnh Chấp, ngày ...... tháng ...... năm 2024" in header[1]
    texts = [p.text for p in doc.paragraphs]
    assert "Cải cách hành chính xã Vĩnh Chấp năm 2024" in texts
    for heading in ("I. MỤC TIÊU, YÊU CẦU", "II. NHIỆM VỤ TRỌNG TÂM", "IV. TỔ CHỨC THỰC HIỆN"):
        assert heading in texts
    foot = doc.tables[-1].rows[0].cells
    assert foot[0].text.startswith("Nơi nhận:\n- UBND huyện Vĩnh Linh (qua Phòng Nội vụ)")
    assert foot[1].text.startswith("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH")
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert doc.styles["Normal"].font.name == "Times New Roman"
    assert doc.styles["Normal"].font.size.pt == 13


def test_last_years_weak_items_first(weak):
    doc = docx.Document(io.BytesIO(weak.read_bytes()))
    texts = [p.text for p in doc.paragraphs]
    start = texts.index("1. Khắc phục các tiêu chí thành phần bị mất điểm năm 2023")
    first = texts[start + 1]
    # 7.3: 168 of 730 fees paid online = 23,01%, full points at 30%: 0,46 of 2 points
    assert first.startswith("- 7.3 Thanh toán trực tuyến phí, lệ phí (năm 2023: 0,46/2,00 điểm)")
    # 3.4: 412 of 1418 dossiers online = 29,06%; 35% needs 497, 85 more
    line = next(t for t in texts if t.startswith("- 3.4 "))
    assert "nâng tỷ lệ từ 29,06% lên 35% (thêm 85 hồ sơ tiếp nhận trực tuyến)" in line
    assert texts.index(line) < texts.index("2. Công tác chỉ đạo, điều hành CCHC")
    rows = by_id(task_table(weak))
    assert rows["3.4"][1].endswith("(tiêu chí 3.4) (ưu tiên: mất điểm năm 2023)")
    assert "ưu tiên" not in rows["1.2.2"][1]  # full points in 2023
    assert sorted(rows) == sorted(SCORED)


def test_pdf_opens_with_its_table(fresh, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    profile = tmp_path / "profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(fresh),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / "ke-hoach.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        return
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split())
    assert "KẾ HOẠCH" in flat
    assert "Thời gian" in flat and "hoàn thành" in flat
    for item in SCORED:  # every task's id, wherever the cell wraps
        assert f"chí {item})" in flat or f"chí {item}" in flat, item
    assert "12/12/2024" in flat


def test_same_input_same_bytes(tmp_path):
    args = ["plan-year", "--previous", str(EVIDENCE)]
    one, two = tmp_path / "a.docx", tmp_path / "b.docx"
    run(*args, "--output", str(one))
    run(*args, "--output", str(two))
    assert one.read_bytes() == two.read_bytes()
    assert run(*args, "--format", "markdown") == run(*args, "--format", "markdown")


def test_markdown_and_english():
    md = run("plan-year", "--criteria", "ref-commune-2023", *UNIT, "--format", "markdown")
    text = md.decode()
    assert "# KẾ HOẠCH" in text
    assert re.search(r"\| +STT +\| +Nội dung thực hiện +\|", text)
    assert "**III**" in text  # a group row, in bold
    en = run("plan-year", "--previous", str(EVIDENCE), "--lang", "en").decode()
    assert "III. THE REFORM TASKS IN DETAIL" in en
    assert "Administrative reform of Vĩnh Chấp in 2024" in en


def test_without_a_set_or_a_unit():
    result = CliRunner().invoke(main, ["plan-year", "--unit", "Vĩnh Chấp"])
    assert result.exit_code == 2
    assert "plan-year cần --criteria" in result.stderr
    result = CliRunner().invoke(main, ["plan-year", "--criteria", "ref-commune-2023"])
    assert result.exit_code == 2
    assert "plan-year cần --unit" in result.stderr


def test_docx_needs_output():
    result = CliRunner().invoke(
        main, ["plan-year", "--criteria", "ref-commune-2023", *UNIT, "--format", "docx"]
    )
    assert result.exit_code == 2


# --- a commune's own plan, checked the other way round (evaluate, plan_tasks) -----------------

OWN_PLAN = """\
unit: {name: "Vĩnh Chấp", kind: "xã"}
year: 2023
criteria: ref-commune-2023
items:
  "1.1.3":
    met: true
    plan_tasks:
      - task: "Xây dựng Kế hoạch tuyên truyền CCHC"
        serves: ["1.4"]
        lead: "Công chức văn hoá xã hội"
        support: ["Các công chức, ban ngành liên quan"]
        due: "Quý I năm 2023"
      - task: "Cải cách thủ tục hành chính"
        serves: ["3", "1.1", "1.2"]
      - task: "Cải cách công vụ"
        serves: ["5", "6", "7", "8", "4", "2", "1.3"]
"""


def evaluate_text(tmp_path: Path, text: str) -> tuple[int, str]:
    path = tmp_path / "vinh-chap-2023.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(path), "--format", "json"])
    return result.exit_code, result.stderr


def test_own_plan_leaves_items_uncovered(tmp_path):
    code, err = evaluate_text(tmp_path, OWN_PLAN)
    assert code == 0, err
    # 1.4 and 1.1.x, 1.2.x, 1.3.x, fields 2 to 8 are served; 1.5 alone is not
    assert (
        "vinh-chap-2023.yaml:7:5: cảnh báo: kế hoạch CCHC năm (plan_tasks) không có nhiệm vụ nào "
        "phục vụ 1 tiêu chí thành phần được chấm điểm: 1.5 [evidence.plan-uncovered]"
    ) in err


def test_own_plan_covering_everything_says_nothing(tmp_path):
    code, err = evaluate_text(tmp_path, OWN_PLAN.replace('"1.3"]', '"1.3", "1.5"]'))
    assert code == 0
    assert "plan-uncovered" not in err


def test_own_plan_naming_an_unknown_item(tmp_path):
    code, err = evaluate_text(tmp_path, OWN_PLAN.replace('["1.4"]', '["1.44"]'))
    assert code == 2
    assert (
        "vinh-chap-2023.yaml:9:18: nhiệm vụ phục vụ '1.44', không có trong bộ ref-commune-2023 "
        "(có phải '1.4'?) [evidence.plan-unknown-item]"
    ) in err
    assert "1.4, 1.5 [evidence.plan-uncovered]" in err  # 1.4 is served by nothing now


def test_uncovered_takes_criteria_and_fields():
    from parscore.loading import load_criteria
    from parscore.plan_year import uncovered

    cs = load_criteria("ref-commune-2023")
    assert uncovered(cs, SCORED) == []
    assert uncovered(cs, [*SCORED[:-3], "8"]) == []
    assert uncovered(cs, [i for i in SCORED if not i.startswith("3.")]) == [
        "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"
    ]  # fmt: skip
    assert uncovered(cs, ["1", "2", "3", "4", "5", "6", "7", "8"]) == []
    assert uncovered(cs, []) == SCORED


def test_previous_as_a_json_result(tmp_path):
    result = tmp_path / "vinh-chap-2023.json"
    result.write_bytes(run("evaluate", str(EVIDENCE), "--format", "json"))
    from_result = run("plan-year", "--previous", str(result), "--format", "markdown")
    assert from_result == run("plan-year", "--previous", str(EVIDENCE), "--format", "markdown")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "parscore-result/3"}', encoding="utf-8")
    failed = CliRunner().invoke(main, ["plan-year", "--previous", str(bad)])
    assert failed.exit_code == 2
    assert "bad.json:1:1: không phải kết quả chấm điểm JSON của parscore" in failed.stderr


@pytest.mark.parametrize(
    "example", sorted((ROOT / "evidence").glob("*.yaml")), ids=lambda p: p.stem
)
def test_every_shipped_commune_next_year(example, tmp_path):
    """Each shipped commune's draft for the next year covers every scored sub-criterion, and
    flags exactly the sub-criteria whose points fell short of their maximum."""
    from parscore.engine import evaluate
    from parscore.loading import load_evidence

    result = evaluate(load_evidence(example))
    lost = {
        n.id
        for n in result.leaves()
        if n.scored_by == "commune" and n.outcome.value != "not_applicable"
        and n.points < n.applicable_max
    }  # fmt: skip
    path = write_docx(tmp_path, "--previous", str(example))
    rows = by_id(task_table(path))
    assert sorted(rows) == sorted(SCORED)
    flagged = {i for i, row in rows.items() if "(ưu tiên: mất điểm năm 2023)" in row[1]}
    assert flagged == lost
    assert all(rows[i][4].endswith(("2024", "(*)")) for i in rows)  # the next year's dates


# --- what each rule kind's full points ask for (the task's wording) ----------------------------

GOALS_VI = {
    # timeliness: the due date in the plan's year
    "1.1.1": "Xây dựng, trình ban hành Kế hoạch cải cách hành chính năm đúng thời hạn; yêu cầu: "
    "hoàn thành chậm nhất ngày 31/01/2024",
    "1.1.2": "Xác định đầy đủ nhiệm vụ cải cách hành chính trên các lĩnh vực và bố trí kinh phí "
    "thực hiện; yêu cầu: xác định đầy đủ nhiệm vụ; có bố trí kinh phí",  # all_conditions
    # pass_fail: the task alone
    "1.1.3": "Xác định rõ sản phẩm, công chức chủ trì, phối hợp và thời hạn hoàn thành của từng "
    "nhiệm vụ",
    "1.2.1": "Xây dựng, gửi đầy đủ, đúng hạn các báo cáo cải cách hành chính định kỳ; yêu cầu: "
    "gửi đủ, đúng hạn Báo cáo quý I (hạn 12/03); Báo cáo 6 tháng (hạn 12/06); Báo cáo quý III "
    "(hạn 12/09); Báo cáo năm (hạn 12/12)",  # deliverables
    # bands from 100%, naming what is counted
    "1.3.2": "Tổ chức kiểm tra và khắc phục các tồn tại, hạn chế phát hiện qua kiểm tra; yêu cầu: "
    "tỷ lệ tồn tại, hạn chế đã xử lý đạt 100%",
    "1.4": "Xây dựng kế hoạch và tổ chức tuyên truyền cải cách hành chính; yêu cầu: có kế hoạch "
    "và thực hiện đầy đủ",  # levels
    "1.5": "Nghiên cứu, đề xuất sáng kiến, giải pháp cải cách hành chính mới, trình cấp có thẩm "
    "quyền công nhận; yêu cầu: ít nhất 1 sáng kiến, giải pháp CCHC được công nhận",  # per_item
    "3.2": "Giải quyết hồ sơ thủ tục hành chính đúng hạn; yêu cầu: tỷ lệ hồ sơ giải quyết đúng "
    "hạn đạt 100%",  # proportional
    "3.5": "Thực hiện số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; yêu cầu: tỷ lệ hồ sơ "
    "được số hóa hồ sơ, kết quả giải quyết đạt từ 60% trở lên",  # proportional, full_at
    # count_bands whose best band is "at most 0": none at all
    "4.2": "Bảo đảm số lượng cán bộ, công chức trong định mức được giao; yêu cầu: không có người "
    "vượt định mức",
    "5.4": "Tăng cường kỷ luật, kỷ cương hành chính; không để cán bộ, công chức vi phạm phải xử "
    "lý kỷ luật; yêu cầu: không có cán bộ, công chức bị kỷ luật trong năm",  # deduction
    # judged
    "7.5": "Cập nhật thường xuyên Trang thông tin điện tử, bảo đảm an toàn thông tin",
    # bands that may pass 100%; the label's unit "(triệu đồng)" left out
    "8.2": "Tổ chức thu ngân sách đạt và vượt dự toán; yêu cầu: tỷ lệ thu ngân sách thực hiện đạt "
    "từ 100% trở lên",
}


@pytest.fixture(scope="module")
def reference():
    from parscore.loading import load_criteria
    from parscore.model.evidence import Unit
    from parscore.plan_year import make_year_plan

    cs = load_criteria("ref-commune-2023")
    return make_year_plan(cs, Unit(name="Vĩnh Chấp", kind="xã"), 2024)


def test_goals_in_words(reference):
    from parscore.report.plan_year import content

    tasks = {task.id: task for task in reference.tasks()}
    for item, expected in GOALS_VI.items():
        assert content(tasks[item], "vi") == expected, item
    assert content(tasks["1.1.4"], "en") == (
        "Carry out the plan's tasks, tracking and chasing each one; target: share of tasks done: "
        "above 90%"
    )
    assert content(tasks["3.4"], "en") == (
        "Receive more procedure dossiers online; target: share of dossiers received online: 35% "
        "or more"
    )
    assert content(tasks["1.5"], "en") == (
        "Develop new reform initiatives and put them forward for recognition; target: reform "
        "initiatives recognised: at least 1"
    )


def test_due_dates_in_the_plans_year(reference):
    import datetime as dt

    tasks = {task.id: task for task in reference.tasks()}
    assert tasks["1.1.1"].due == (dt.date(2024, 1, 31),)
    assert tasks["1.2.1"].due == tuple(dt.date(2024, m, 12) for m in (3, 6, 9, 12))
    assert tasks["1.1.1"].timing is None  # a due date: no usual timing shown
    assert tasks["6.2"].due == () and tasks["6.2"].timing == "Theo thời hạn luật định"


def test_per_item_goal_rounds_up():
    from decimal import Decimal

    from parscore.rules.per_item import PerItem, PerItemParams

    params = PerItemParams(kind="per_item", per_item=Decimal("0.5"))
    goal = PerItem.goal(params, Decimal("1.1"), 2024)
    assert goal is not None and goal.args["count"] == 3  # 2 give 1.0, short of 1.1


def test_no_date_and_no_usual_timing(tmp_path):
    """A sub-criterion whose set gives neither a due date nor a usual timing: the year, marked
    (**), and a note saying the set gives neither; nothing invented."""
    text = (ROOT / "criteria" / "ref-commune-2023.yaml").read_text(encoding="utf-8")
    head, tail = text.split('- id: "2.3"', 1)
    assert '        timing: "Quý I"\n' in tail
    tail = tail.replace('        timing: "Quý I"\n', "", 1)
    (tmp_path / "set.yaml").write_text(head + '- id: "2.3"' + tail, encoding="utf-8")
    md = run("plan-year", "--criteria", str(tmp_path / "set.yaml"), *UNIT, "--format", "markdown")
    row = next(
        line for line in md.decode().splitlines() if "(tiêu chí 2.3)" in line and "|" in line
    )
    assert row.rstrip(" |").endswith("| Trong năm 2023 (**)")  # the set's year: no --year
    assert "\n(**) Bộ tiêu chí không ghi hạn, cũng không ghi thời gian thường lệ" in md.decode()
    assert "\nHạn ghi ngày lấy từ bộ tiêu chí " in md.decode()  # not in italics: "(*)" inside


# --- last year's published result: the council's appraisal (review of issue #18) ----------------

QUE_MINH = ROOT / "evidence" / "que-minh-2023.yaml"
QUE_MINH_APPRAISAL = ROOT / "appraisal" / "que-minh-2023.yaml"


def weak_lines(md: str) -> list[str]:
    """Part II item 1's lines, in order."""
    part = md.split("### 1. Khắc phục", 1)[1].split("\n### 2.", 1)[0]
    return [line for line in part.splitlines() if line.startswith("- ")]


def test_published_appraisal_is_the_basis(tmp_path):
    """The council cut 1.1.1 (to 0,50 of 1), 3.1 (to 1,92 of 2) and 5.1 (to 1,50 of 2), which
    the evidence scores in full: the plan puts them first, at their final points, with what the
    council found; the opening names the appraisal and its index (84,59%), not the computed
    85,67% nor the claimed 88,88%."""
    ap = tmp_path / "ap.json"
    run("evaluate", str(QUE_MINH), "--appraisal", str(QUE_MINH_APPRAISAL), "--format", "json",
        "--output", str(ap))  # fmt: skip
    md = run("plan-year", "--previous", str(ap), "--format", "markdown").decode()
    assert (
        "căn cứ kết quả thẩm định Chỉ số cải cách hành chính năm 2023 (Chỉ số đạt 84,59%, xếp "
        "loại Tốt);"
    ) in md
    assert "85,67" not in md and "tự đánh giá Chỉ số" not in md
    assert "### 1. Khắc phục các tiêu chí thành phần bị mất điểm qua thẩm định năm 2023" in md
    lines = weak_lines(md)
    assert [line.split()[1] for line in lines[:3]] == ["1.1.1", "3.1", "5.1"]
    assert lines[0].startswith(
        "- 1.1.1 Ban hành kế hoạch CCHC năm (năm 2023: 0,50/1,00 điểm): khắc phục tồn tại Hội "
        "đồng thẩm định đã nêu: “Giải trình gửi quá hạn;"
    )
    assert lines[0].endswith("; có thể tăng 0,50 điểm.")
    assert "(năm 2023: 1,92/2,00 điểm)" in lines[1] and lines[1].endswith("tăng 0,08 điểm.")
    assert "(năm 2023: 1,50/2,00 điểm)" in lines[2] and lines[2].endswith("tăng 0,50 điểm.")
    # the evidence's own weak items follow, as before (3.4 lost 1,50 of 3 in the evidence)
    assert any(
        line.startswith("- 3.4 Tỷ lệ hồ sơ trực tuyến (năm 2023: 1,50/3,00") for line in lines
    )
    # the same plan from the evidence and the council's file
    again = run(
        "plan-year", "--previous", str(QUE_MINH), "--appraisal", str(QUE_MINH_APPRAISAL),
        "--format", "markdown",
    )  # fmt: skip
    assert again.decode() == md


def test_unpublished_appraisal_stands_on_the_self_assessment(tmp_path):
    """Without round 2, 1.1.1 awaits its explanation: nothing is published. The opening names
    the self-assessment (88,88% claimed) and says the items are the evidence's (85,67%)."""
    (tmp_path / "evidence").mkdir()
    (tmp_path / "appraisal").mkdir()
    evidence = tmp_path / "evidence" / "que-minh-2023.yaml"
    evidence.write_bytes(QUE_MINH.read_bytes())
    text = QUE_MINH_APPRAISAL.read_text(encoding="utf-8").split("\nround2:", 1)[0] + "\n"
    appraisal = tmp_path / "appraisal" / "que-minh-2023.yaml"
    appraisal.write_text(text, encoding="utf-8")
    md = run(
        "plan-year", "--previous", str(evidence), "--appraisal", str(appraisal),
        "--format", "markdown",
    ).decode()  # fmt: skip
    assert (
        "căn cứ kết quả tự đánh giá Chỉ số cải cách hành chính năm 2023 (Chỉ số đạt 88,88%, xếp "
        "loại Tốt; chưa có kết quả thẩm định: các tiêu chí thành phần bị mất điểm xác định theo "
        "tài liệu kiểm chứng, Chỉ số đạt 85,67%);"
    ) in md.replace("\n", " ")
    ids = [line.split()[1] for line in weak_lines(md)]
    assert "1.1.1" not in ids and "5.1" not in ids and "3.4" in ids


def test_bare_evidence_names_its_score(tmp_path):
    md = run("plan-year", "--previous", str(QUE_MINH), "--format", "markdown").decode()
    assert (
        "căn cứ kết quả tự đánh giá Chỉ số cải cách hành chính năm 2023, chấm theo tài liệu kiểm "
        "chứng (Chỉ số đạt 85,67%, xếp loại Tốt);"
    ) in md
    # per_item and levels: the goal says what is needed, not "từ 0 thành 1", "đạt mức: ..."
    lines = weak_lines(md)
    assert (
        "- 1.5 Sáng kiến, giải pháp CCHC mới được công nhận (năm 2023: 0,00/1,00 điểm): ít nhất 1 "
        "sáng kiến, giải pháp CCHC được công nhận; có thể tăng 1,00 điểm."
    ) in lines
    assert (
        "- 1.4 Tuyên truyền CCHC (năm 2023: 0,50/1,00 điểm): có kế hoạch và thực hiện đầy đủ; có "
        "thể tăng 0,50 điểm."
    ) in lines
    assert "thành 1" not in md and "đạt mức:" not in md


def test_appraisal_needs_evidence(tmp_path):
    result = CliRunner().invoke(main, ["plan-year", "--appraisal", str(QUE_MINH_APPRAISAL),
                                       "--unit", "Quế Minh"])  # fmt: skip
    assert result.exit_code == 2
    assert "--appraisal cần --previous là tệp minh chứng YAML" in result.stderr


# --- the plan's words (review of issue #18) ------------------------------------------------------


def test_tasks_are_the_sets_or_a_neutral_form(tmp_path):
    """A node without ``task:`` reads "Thực hiện: <name>"; no grammar is invented."""
    text = (ROOT / "criteria" / "ref-commune-2023.yaml").read_text(encoding="utf-8")
    line = '        task: {vi: "Bố trí công chức làm việc tại Bộ phận Một cửa đáp ứng yêu cầu"'
    assert text.count(line) == 1
    start = text.index(line)
    text = text[:start] + text[text.index("\n", start) + 1 :]
    (tmp_path / "set.yaml").write_text(text, encoding="utf-8")
    md = run("plan-year", "--criteria", str(tmp_path / "set.yaml"), *UNIT, "--format", "markdown")
    rows = [r for r in md.decode().splitlines() if "(tiêu chí 3.7)" in r and "|" in r]
    assert (
        "| Thực hiện: Bộ phận Một cửa bố trí công chức đáp ứng yêu cầu (tiêu chí 3.7) " in (rows[0])
    )


def test_no_data_entry_notes_and_the_plans_own_deadline(fresh):
    doc = docx.Document(io.BytesIO(fresh.read_bytes()))
    texts = [p.text for p in doc.paragraphs]
    whole = "\n".join(texts) + "".join(c for t in tables(fresh) for r in t for c in r)
    for key in ("score", "scale", "percent", "[ưu tiên"):
        assert key not in whole, key
    organisation = texts.index("IV. TỔ CHỨC THỰC HIỆN")
    assert texts[organisation + 1] == (
        "Kế hoạch này phải được ban hành chậm nhất ngày 31/01/2024 (hạn của tiêu chí 1.1.1 trong "
        "Bộ tiêu chí): Văn phòng HĐND và UBND hoàn thiện dự thảo, trình Chủ tịch Ủy ban nhân dân "
        "xã ký ban hành trước thời hạn này."
    )


def test_english_deadlines_and_words():
    md = run("plan-year", "--criteria", "ref-commune-2023", *UNIT, "--year", "2024",
             "--lang", "en", "--format", "markdown").decode()  # fmt: skip
    rows = [r.split("|") for r in md.splitlines() if "(sub-criterion " in r and "|" in r]
    deadlines = {r[5].strip() for r in rows}
    assert not any(v in " ".join(deadlines) for v in ("Quý", "Thường", "Hằng", "Trước", "Theo"))
    row = {re.search(r"\(sub-criterion ([0-9.]+)\)", r[2]).group(1): r for r in rows}
    assert row["1.1.4"][5].strip() == "Q4 (*)"  # Quý IV
    assert row["3.3"][5].strip() == "Ongoing (*)"  # Thường xuyên
    assert row["1.1.2"][5].strip() == "Before 31/01 (*)"  # Trước 31/01
    assert row["6.2"][5].strip() == "Within the statutory time limits (*)"
    assert "initiatives recognised: at least 1" in row["1.5"][2]


def test_english_weak_lines(tmp_path):
    md = run("plan-year", "--previous", str(EVIDENCE), "--lang", "en", "--format", "markdown")
    line = next(t for t in md.decode().splitlines() if t.startswith("- 3.4 "))
    assert "(2023: 1.50 of 3.00 points)" in line and line.endswith("; gain: up to 1.50.")


# --- warnings (review of issue #18) ---------------------------------------------------------------


def test_own_plan_with_no_task_covers_nothing(tmp_path):
    text = OWN_PLAN.split("    plan_tasks:\n", 1)[0] + "    plan_tasks: []\n"
    code, err = evaluate_text(tmp_path, text)
    assert code == 0, err
    assert "không có nhiệm vụ nào phục vụ 39 tiêu chí thành phần được chấm điểm: 1.1.1, " in err


def test_plan_for_a_year_far_from_the_sets():
    def stderr(year: str) -> str:
        args = ["plan-year", "--criteria", "ref-commune-2023", *UNIT, "--year", year]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0
        return result.stderr

    assert (
        "ref-commune-2023: cảnh báo: bộ tiêu chí ref-commune-2023 là của năm 2023, kế hoạch lập "
        "cho năm 2026:"
    ) in stderr("2026")
    assert "plan-year.set-year" not in stderr("2024")  # the year after the set's: the usual case
    assert "plan-year.set-year" not in stderr("2023")


def test_output_leaves_out_what_the_set_tells_the_data_entry():
    from parscore.loading import load_criteria
    from parscore.model.common import Text
    from parscore.plan_year import _output

    node = next(n for n in load_criteria("ref-commune-2023").leaves() if n.id == "7.4")
    assert _output(node) == Text(
        vi="Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) của xã "
        "trên Cổng Dịch vụ công, thang 100 điểm",
        en="The commune's result on the citizen-service index (Decision 766/QĐ-TTg) on the "
        "public service portal, out of 100",
    )
    opened = node.model_copy(update={"evidence": Text(vi="ghi score và scale", en="score")})
    assert _output(opened) is None  # nothing but the note
    plain = node.model_copy(update={"evidence": Text(vi="Bảng điểm", en="the score sheet")})
    assert _output(plain) == plain.evidence  # "score" in English alone is a word
