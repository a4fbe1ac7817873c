"""The improvement plan: what comes first, what a target needs, and the document."""

from __future__ import annotations

import json
import os
import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore.cli import main
from parscore.engine import evaluate
from parscore.loading import CriteriaResolver, load_evidence
from parscore.plan import make_plan

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
GOLDEN = Path(__file__).parent / "golden"

EVIDENCE = """\
unit: {name: Vĩnh Chấp, code: "19435", kind: xã, parents: [{level: district, name: Vĩnh Linh}]}
year: 2023
criteria: set.yaml
items:
  "1.1":
    documents: [{number: 10/KH-UBND, date: 06/02/2023}]
  "1.2": {done: 18, planned: 20}
  "1.3": {met: false, explanation: Chưa bố trí đủ công chức}
  "2.1": {on_time: 1150, received: 1200, documents: [{number: 2/BC, date: 01/12/2023}]}
survey:
  S.1: {satisfied: 412, responses: 450}
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(DATA / "mini-set.yaml", tmp_path / "set.yaml")
    (tmp_path / "ev.yaml").write_text(EVIDENCE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    return tmp_path


def plan_of(path: Path, target: str | None = None):
    prepared = load_evidence(path, CriteriaResolver())
    return make_plan(evaluate(prepared), D(target) if target else None)


def test_the_cheapest_steps_come_first(work):
    plan = plan_of(work / "ev.yaml")
    # 1.2 has its figures (90% = 0.75 of 1.5) but no document: proving them comes first
    first = plan.steps[0]
    assert (first.id, first.cost, first.gain) == ("1.2", "document", D("0.75"))
    assert first.action.en == "add the evidence document for the inputs given"
    # then the biggest gains: 1.3 unmet (+1.5, and its 0.25 penalty lifted), 1.2 above 90%
    # (+0.75), 1.1 on time (+0.5), 2.1 to 100% (+0.17)
    assert [(s.id, s.cost, s.gain) for s in plan.steps[1:]] == [
        ("1.3", "action", D("1.75")),
        ("1.2", "action", D("0.75")),
        ("1.1", "action", D("0.5")),
        ("2.1", "action", D("0.17")),
    ]
    assert plan.steps[2].action.en == "raise the share from 90.00% to above 90% (1 more: done)"
    assert plan.steps[3].action.en == "do it on time (by 31/01)"
    assert plan.steps[4].action.en == "raise the share from 95.83% to 100% (50 more: on_time)"
    assert [s.id for s in plan.survey] == ["S.1"]  # shown apart
    assert plan.year == 2024 and plan.assessed_year == 2023


def test_a_reachable_target_picks_the_fewest_improvements(work):
    # now: 1.1 late 0.5 + 1.2 unproven 0 + 1.3 unmet 0 + 2.1 3.83 + S.1 1.83 - 0.25 (booked by
    # 1.3) = 5.91 of 10 -> 59.10. Best per item: 1.3 +1.75, 1.2 +1.5 (0.75 proven, 0.75 more).
    plan = plan_of(work / "ev.yaml", "80")
    t = plan.target
    assert t is not None and t.reachable
    assert t.chosen == ["1.3", "1.2"]  # 5.91 + 1.75 = 7.66 (76.60) + 1.5 = 9.16 -> 91.60
    assert t.index_after == D("91.60")


def test_a_target_reached_exactly(work):
    plan = plan_of(work / "ev.yaml", "91.6")
    assert plan.target is not None and plan.target.reachable
    assert plan.target.index_after == D("91.60") and plan.target.chosen == ["1.3", "1.2"]
    just_above = plan_of(work / "ev.yaml", "91.61").target
    assert just_above is not None and just_above.chosen == ["1.3", "1.2", "1.1"]


def test_an_unreachable_target_says_by_how_much(work):
    plan = plan_of(work / "ev.yaml", "99")
    t = plan.target
    assert t is not None and not t.reachable
    # everything the commune can gain: 5.91 + 1.75 + 1.5 + 0.5 + 0.17 = 9.83; the survey stays
    assert t.index_after == D("98.30")
    assert t.shortfall == D("0.70")
    # S.1 gives 412/450 × 2 = 1.83 of 2: the 0.17 left would bring it to 10 of 10
    assert t.best_possible == D("100.00")


def test_a_target_no_survey_can_reach_is_called_impossible(work):
    assert plan_of(work / "ev.yaml", "101").target.best_possible == D("100.00")
    run = CliRunner().invoke(main, ["plan", "ev.yaml", "--target", "101"])
    text = " ".join(run.stdout.split())
    assert "Không thể đạt:" in text and "Chỉ số cao nhất là 100,00%" in text
    assert "Hãy chọn mục tiêu không quá 100,00%" in text
    run = CliRunner().invoke(main, ["plan", "ev.yaml", "--target", "99"])
    assert "còn thấp hơn mục tiêu 0,70 điểm phần trăm" in " ".join(run.stdout.split())


def test_cli_text_markdown_and_json(work):
    result = CliRunner().invoke(main, ["plan", "ev.yaml", "--target", "80"])
    assert result.exit_code == 0, result.stderr
    out = result.stdout  # plain text by default, in a pipe as in a terminal
    assert "**" not in out and "##" not in out and "|" not in out
    assert out.startswith("ỦY BAN NHÂN DÂN")
    assert "\nKẾ HOẠCH\n" in out and "Số: ....../KH-UBND" in out
    assert "a) Mục tiêu, nhiệm vụ: Lưu đủ tài liệu kiểm chứng cho kết quả đạt được" in out
    assert "Đạt được với 2 tiêu chí sau (Chỉ số sau cải thiện: 91,60%): 1.3, 1.2." in out
    md = CliRunner().invoke(main, ["plan", "ev.yaml", "--format", "markdown"]).stdout
    assert "\n# KẾ HOẠCH\n" in md and "## I. MỤC ĐÍCH, YÊU CẦU" in md
    assert "| **ỦY BAN NHÂN DÂN** |" in md.replace("  ", " ")
    data = json.loads(CliRunner().invoke(main, ["plan", "ev.yaml", "--format", "json"]).stdout)
    assert data["steps"][0]["id"] == "1.2" and data["steps"][0]["gain"] == "0.75"


@pytest.mark.parametrize(
    ("name", "marks"),
    [("plan.md", "# KẾ HOẠCH"), ("plan.txt", "\nKẾ HOẠCH\n"), ("plan.markdown", "# KẾ HOẠCH")],
)
def test_the_output_file_extension_chooses_the_format(work, name, marks):
    result = CliRunner().invoke(main, ["plan", "ev.yaml", "--output", name])
    assert result.exit_code == 0, result.stderr
    written = (work / name).read_text(encoding="utf-8")
    assert marks in written
    assert ("**" in written) == name.endswith(("md", "markdown"))


def test_the_output_file_extension_chooses_json_and_word(work):
    runner = CliRunner()
    assert runner.invoke(main, ["plan", "ev.yaml", "-o", "plan.json"]).exit_code == 0
    assert json.loads((work / "plan.json").read_text(encoding="utf-8"))["year"] == 2024
    assert runner.invoke(main, ["plan", "ev.yaml", "-o", "plan.docx"]).exit_code == 0
    assert (work / "plan.docx").read_bytes()[:2] == b"PK"
    # --format wins over the extension
    assert runner.invoke(main, ["plan", "ev.yaml", "-o", "x.md", "--format", "text"]).exit_code == 0
    assert "**" not in (work / "x.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_target_already_reached_says_so(work, lang):
    # the index is 59.10: 50 is already reached, with nothing to improve for it
    plan = plan_of(work / "ev.yaml", "50")
    assert plan.target is not None and plan.target.reachable and plan.target.chosen == []
    out = CliRunner().invoke(main, ["plan", "ev.yaml", "--target", "50", "--lang", lang]).stdout
    out = " ".join(out.split())  # the text is wrapped to the output's width
    said = {
        "vi": "Đã đạt: Chỉ số năm 2023 là 59,10%, không thấp hơn mục tiêu; không cần cải thiện "
        "thêm tiêu chí nào để đạt mục tiêu, Kế hoạch tập trung giữ vững kết quả.",
        "en": "Already reached: the 2023 index is 59.10%, not below the target; no sub-criterion "
        "needs improving to reach it, and the plan keeps the result.",
    }[lang]
    assert said in out
    keep = {
        "vi": "Giữ vững Chỉ số cải cách hành chính từ 50,00% trở lên trong năm 2024.",
        "en": "Keep the PAR INDEX at 50.00% or above in 2024.",
    }[lang]
    assert keep in out
    assert "với 0 tiêu chí" not in out and "these 0" not in out and "): ." not in out


def test_a_plan_with_nothing_lost_says_so_everywhere(work):
    from parscore.report.common import Options
    from parscore.report.plan_text import markdown, text

    plan = plan_of(work / "ev.yaml", "50")
    empty = plan.model_copy(update={"steps": [], "items": [], "survey": []})
    for render in (text, markdown):
        out = render(empty, Options())
        assert "Năm 2023 không có tiêu chí nào bị mất điểm" in out
        assert out.count("Không có tiêu chí nào bị mất điểm.") == 2
        assert "Không có mục nào bị mất điểm." in out
        assert "mục  Phần II" not in out and "mục Phần II" not in out


def test_plan_document_matches_its_golden_file(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    for fmt, suffix in (("markdown", "md"), ("text", "txt")):
        args = ["plan", "evidence/vinh-chap-2023.yaml", "--target", "90", "--format", fmt]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.stderr
        path = GOLDEN / f"vinh-chap-2023.plan.{suffix}"
        if os.environ.get("PARSCORE_UPDATE_GOLDEN"):
            path.write_text(result.stdout, encoding="utf-8", newline="\n")
        assert result.stdout == path.read_text(encoding="utf-8")


def test_every_example_gets_a_plan():
    for path in sorted((ROOT / "evidence").glob("*.yaml")):
        plan = plan_of(path, "90")
        gains = [s.gain for s in plan.steps]
        assert all(g > 0 for g in gains), path.name
        assert plan.target is not None


def test_cli_writes_the_word_document(work):
    docx = pytest.importorskip("docx")
    runner = CliRunner()
    refused = runner.invoke(main, ["plan", "ev.yaml", "--format", "docx", "--lang", "en"])
    assert refused.exit_code == 2 and "--output" in refused.stderr
    made = runner.invoke(main, ["plan", "ev.yaml", "--format", "docx", "--output", "plan.docx"])
    assert made.exit_code == 0, made.stderr
    document = docx.Document(str(work / "plan.docx"))
    first = document.tables[3]  # in the annex, after the header, the foot and the fields
    assert [c.text for c in first.rows[0].cells][:2] == ["STT", "Tiêu chí"]
    assert first.rows[1].cells[1].text == "1.2 Tỷ lệ"
    assert first.rows[1].cells[2].text == "Bổ sung tài liệu kiểm chứng cho số liệu đã ghi."


def test_the_to_do_list_says_what_a_document_alone_gives(tmp_path):
    # Quế Xuân 1's 3.2 without its report: 1471 of 1552 on time would give 1471/1552 × 5 = 4.74
    # once proven; the item can still gain 5.00 (all of it, with every dossier on time)
    text = (ROOT / "evidence" / "que-xuan-1-2023.yaml").read_text(encoding="utf-8")
    report = '      - {number: "205/BC-UBND", date: "12/12/2023", issuer: "UBND xã Quế Xuân 1", '
    start = text.index('  "3.2":')
    end = text.index('  "3.3":')
    kept = [
        line
        for line in text[start:end].splitlines()
        if not line.startswith((report, "    documents:", "    explanation:"))
    ]
    item = "\n".join(kept)  # its figures only: no report, no explanation
    path = tmp_path / "qx.yaml"
    path.write_text(text[:start] + item + "\n\n" + text[end:], encoding="utf-8")
    run = CliRunner().invoke(main, ["evaluate", str(path), "--missing", "--format", "json"])
    assert run.exit_code == 0, run.output
    items = {i["id"]: i for g in json.loads(run.stdout)["groups"] for i in g["items"]}
    assert (items["3.2"]["need"], items["3.2"]["at_stake"]) == ("document", "5.00")
    assert items["3.2"]["on_supplying"] == "4.74"
    table = CliRunner().invoke(main, ["evaluate", str(path), "--missing", "--format", "markdown"])
    assert "tài liệu kiểm chứng (được 4,74 với số liệu đã ghi)" in table.stdout
    # an item with nothing given: everything it holds, nothing said of a document
    assert all(i["on_supplying"] is None for i in items.values() if i["need"] == "evidence")
