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
    assert "[ưu tiên: nâng tỷ lệ từ 29,06% lên 35%" in rows["3.4"][1]
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
    flagged = {i for i, row in rows.items() if "[ưu tiên:" in row[1]}
    assert flagged == lost
    assert all(rows[i][4].endswith(("2024", "(*)")) for i in rows)  # the next year's dates


# --- what each rule kind's full points ask for (the task's wording) ----------------------------

GOALS_VI = {
    "1.1.1": "Ban hành kế hoạch CCHC năm: hoàn thành đúng hạn",  # timeliness
    "1.1.2": "Kế hoạch xác định đủ nhiệm vụ và bố trí kinh phí: xác định đầy đủ nhiệm vụ; "
    "có bố trí kinh phí",  # all_conditions
    "1.1.3": "Kết quả và trách nhiệm được xác định rõ",  # pass_fail: the name says it
    "1.2.1": "Đủ số lượng, đúng hạn (quý I, 6 tháng, quý III, năm): gửi đủ, đúng hạn: Báo cáo "
    "quý I (hạn 12/03); Báo cáo 6 tháng (hạn 12/06); Báo cáo quý III (hạn 12/09); Báo cáo năm "
    "(hạn 12/12)",  # deliverables
    "1.3.2": "Xử lý tồn tại phát hiện qua kiểm tra: đạt 100%",  # bands from 100%
    "1.4": "Tuyên truyền CCHC: có kế hoạch và thực hiện đầy đủ",  # levels
    "1.5": "Sáng kiến, giải pháp CCHC mới được công nhận: ít nhất 1 sáng kiến, giải pháp CCHC "
    "được công nhận",  # per_item: 1 point, 1 a piece
    "2.1": "Ban hành VBQPPL được giao: ban hành đầy đủ, đúng hạn các VBQPPL được giao; các văn "
    "bản ban hành đúng quy định (thẩm quyền, nội dung, thể thức)",  # checklist
    "3.2": "Tỷ lệ hồ sơ giải quyết đúng hạn: đạt 100%",  # proportional
    "3.5": "Số hóa hồ sơ, kết quả giải quyết TTHC: đạt từ 60% trở lên",  # proportional, full_at
    "4.2": "Số lượng cán bộ, công chức trong định mức: số người vượt định mức: tối đa 0",
    "5.4": "Kỷ luật, kỷ cương hành chính: không có trường hợp nào (Số cán bộ, công chức bị kỷ "
    "luật trong năm: 0)",  # deduction
    "7.5": "Trang thông tin điện tử cập nhật, an toàn thông tin",  # judged
    "8.2": "Thu ngân sách đạt dự toán: đạt từ 100% trở lên",  # bands that may pass 100%
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
    assert content(tasks["1.1.4"], "en") == "Plan completion: reach above 90%"
    assert content(tasks["3.4"], "en") == "Share of dossiers filed online: reach 35% or more"
    assert content(tasks["1.1.2"], "en") == (
        "Plan covers every task and funds it: every task identified; funds allocated"
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
