"""The province's year: the council's appraisal file, the explanation round, scores by stage.

Expectations are worked out by hand from evidence/que-minh-2023.yaml, whose computed scores are:
appraisal 59.32, survey 26.10, bonus 0.50, penalty 0.25, total and index 85.67 (out of 100);
3.4 (online share, 35% or more → 3, 17.5% to below 35% → 1.5) 287/1153 = 24.9% → 1.50;
3.2 computed 4.88; 1.1.1 computed 1.00; 39 sub-criteria scored by the commune."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore.appraisal import appraise
from parscore.appraisal.checks import load_appraisal
from parscore.cli import main
from parscore.errors import InputError
from parscore.loading import load_evidence

ROOT = Path(__file__).resolve().parent.parent
QM = ROOT / "evidence" / "que-minh-2023.yaml"

HEAD = """council: "Hội đồng thẩm định"
unit: {name: "Quế Minh", code: "20662"}
year: 2023
criteria: ref-commune-2023
"""
ROUND1 = """round1:
  date: "15/01/2024"
  appraisers: ["A", "B"]
  explanation_due: "31/01/2024"
  items:
    "3.4": {decision: inputs, inputs: {online: 410}, reason: "hệ thống ghi 410"}
    "3.2": {decision: points, points: 4, reason: "28 hồ sơ trễ chưa xin lỗi"}
    "1.1.1": {decision: explain, points: 0, ask: "bản chính"}
    "3.1": {decision: agreed}
  bonus:
    - {decision: refused, reason: "không đủ căn cứ"}
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _stages(tmp_path: Path, appraisal: str, explanation: str | None = None):
    checked = load_evidence(QM)
    ap = _write(tmp_path, "ap.yaml", appraisal)
    ex = _write(tmp_path, "ex.yaml", explanation) if explanation is not None else None
    result = appraise(checked, load_appraisal(ap, checked, ex))
    assert result.appraisal is not None
    return result.appraisal


def _item(stages, node_id):
    return next(i for i in stages.items if i.id == node_id)


def test_each_decision_kind_at_item_level(tmp_path):
    st = _stages(tmp_path, HEAD + ROUND1)
    assert [s.stage for s in st.stages] == ["claimed", "computed", "round1"]  # no round 2 yet
    # inputs: 410/1153 = 35.6% → 3 points, by the item's own rule
    assert _item(st, "3.4").points["round1"] == Decimal("3")
    assert _item(st, "3.4").points["computed"] == Decimal("1.5")
    assert _item(st, "3.4").points["claimed"] == Decimal("3")
    # points granted
    assert _item(st, "3.2").points["round1"] == Decimal("4")
    # explanation asked, provisionally 0
    assert _item(st, "1.1.1").points["round1"] == Decimal("0")
    # agreed: the computed points
    assert _item(st, "3.1").points["round1"] == _item(st, "3.1").points["computed"]
    r1 = st.stage("round1")
    assert r1 is not None
    # 59.32 + (3 - 1.5) + (4 - 4.88) + (0 - 1) = 58.94; bonus refused: 0
    assert r1.appraisal == Decimal("58.94")
    assert r1.bonus == Decimal("0")
    assert r1.total == Decimal("84.79")  # 58.94 + 26.10 + 0 - 0.25
    assert r1.index == Decimal("84.79")
    assert r1.awaiting == ["1.1.1"]


def test_an_undecided_item_is_never_agreed_silently(tmp_path):
    st = _stages(tmp_path, HEAD + ROUND1)
    r1 = st.stage("round1")
    assert r1 is not None
    assert len(r1.undecided) == 39 - 4
    assert "7.3" in r1.undecided
    assert _item(st, "7.3").round1.status == "undecided"
    assert st.published is None


def _explanation(date: str, claimed: str = "1") -> str:
    return f"""unit: {{name: "Quế Minh", code: "20662"}}
year: 2023
criteria: ref-commune-2023
date: "{date}"
answers:
  "1.1.1": {{text: "đã gửi bản chính", claimed: {claimed}}}
"""


def test_the_explanation_stage_counts_an_answer_sent_in_time(tmp_path):
    st = _stages(tmp_path, HEAD + ROUND1, _explanation("31/01/2024"))
    explained = st.stage("explanation")
    assert explained is not None
    assert explained.appraisal == Decimal("59.94")  # 58.94 + 1
    assert explained.late == []
    assert _item(st, "1.1.1").answer is not None


def test_a_late_explanation_is_flagged_and_not_counted(tmp_path):
    st = _stages(tmp_path, HEAD + ROUND1, _explanation("01/02/2024"))
    explained = st.stage("explanation")
    assert explained is not None
    assert explained.appraisal == Decimal("58.94")  # as round 1
    assert explained.late == ["1.1.1"]
    answer = _item(st, "1.1.1").answer
    assert answer is not None and answer.late


def test_round_two_decides_again_and_stages_stay_apart(tmp_path):
    round2 = """round2:
  date: "20/02/2024"
  items:
    "1.1.1": {decision: points, points: 0.5, reason: "bản chính không đóng dấu"}
"""
    st = _stages(tmp_path, HEAD + ROUND1 + round2, _explanation("30/01/2024"))
    assert [s.stage for s in st.stages] == [
        "claimed", "computed", "round1", "explanation", "final"
    ]  # fmt: skip
    final = st.stage("final")
    assert final is not None
    assert final.appraisal == Decimal("59.44")  # 58.94 + 0.5
    assert final.bonus == Decimal("0")  # refused in round 1, not decided again
    assert st.stage("computed").appraisal == Decimal("59.32")  # type: ignore[union-attr]
    assert _item(st, "1.1.1").points == {
        "claimed": Decimal("1"),
        "computed": Decimal("1"),
        "round1": Decimal("0"),
        "explanation": Decimal("1"),
        "final": Decimal("0.5"),
    }
    assert final.awaiting == [] and len(final.undecided) == 35


def test_a_request_not_decided_again_stays_awaiting(tmp_path):
    round2 = 'round2:\n  date: "20/02/2024"\n  items: {}\n'
    st = _stages(tmp_path, HEAD + ROUND1 + round2)
    final = st.stage("final")
    assert final is not None and final.awaiting == ["1.1.1"]


BAD = """council: "Hội đồng"
unit: {name: "Quế Minh", code: "99999"}
year: 2024
criteria: other-set
round1:
  items:
    "9.9": {decision: agreed}
    "3.4": {decision: points, points: 5, reason: "x"}
    "S.1": {decision: agreed}
    "3.2": {decision: inputs, inputs: {on_tme: 3}, reason: "x"}
"""


def test_a_wrong_appraisal_is_refused_with_its_places(tmp_path):
    ap = _write(tmp_path, "ap.yaml", BAD)
    checked = load_evidence(QM)
    with pytest.raises(InputError) as exc:
        load_appraisal(ap, checked)
    got = {(p.code, p.line, p.column) for p in exc.value.problems}
    assert got == {
        ("appraisal.other-unit-code", 2, 32),
        ("appraisal.other-year", 3, 7),
        ("appraisal.other-set", 4, 11),
        ("appraisal.unknown-id", 7, 5),
        ("appraisal.points-over-max", 8, 39),
        ("appraisal.survey-item", 9, 5),
        ("evidence.unknown-input", 10, 40),
    }


def test_the_cli_says_file_line_column_and_exits_2(tmp_path):
    ap = _write(tmp_path, "ap.yaml", BAD)
    run = CliRunner().invoke(main, ["evaluate", str(QM), "--appraisal", str(ap), "--lang", "en"])
    assert run.exit_code == 2
    assert "ap.yaml:3:7: this file is for 2024, but the evidence is of 2023" in run.output
    assert "ap.yaml:8:39: 5 points are above the maximum 3 of '3.4'" in run.output


def test_an_explanation_for_an_item_not_asked_about_is_refused(tmp_path):
    checked = load_evidence(QM)
    ap = _write(tmp_path, "ap.yaml", HEAD + ROUND1)
    text = _explanation("30/01/2024").replace('"1.1.1"', '"3.1"')
    ex = _write(tmp_path, "ex.yaml", text)
    with pytest.raises(InputError) as exc:
        load_appraisal(ap, checked, ex)
    assert [(p.code, p.line) for p in exc.value.problems] == [("explanation.not-requested", 6)]


def test_init_writes_every_item_undecided_and_leaves_the_evidence_alone(tmp_path):
    before = hashlib.sha256(QM.read_bytes()).hexdigest()
    out = tmp_path / "ap.yaml"
    run = CliRunner().invoke(main, ["appraisal", "init", str(QM), "-o", str(out)])
    assert run.exit_code == 0, run.output
    text = out.read_text(encoding="utf-8")
    assert text.count("      decision:\n") == 39
    run = CliRunner().invoke(
        main, ["evaluate", str(QM), "--appraisal", str(out), "--format", "json"]
    )
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert data["format"] == "parscore-result/5"
    round1 = next(s for s in data["appraisal"]["stages"] if s["stage"] == "round1")
    assert len(round1["undecided"]) == 39
    assert round1["total"] == "85.67"  # undecided: scored as computed, and listed
    assert hashlib.sha256(QM.read_bytes()).hexdigest() == before


SHIPPED = sorted(p.stem for p in (ROOT / "evidence").glob("*.yaml"))


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_commune_has_a_finished_appraisal(name):
    checked = load_evidence(ROOT / "evidence" / f"{name}.yaml")
    folder = ROOT / "appraisal"
    ap = load_appraisal(folder / f"{name}.yaml", checked, folder / f"{name}-giai-trinh.yaml")
    stages = appraise(checked, ap).appraisal
    assert stages is not None and stages.published is not None
    kinds = {i.round1.status for i in stages.items}
    assert {"agreed", "points", "inputs", "explain"} <= kinds


def test_validate_knows_appraisal_and_explanation_files():
    files = [str(p) for p in sorted((ROOT / "appraisal").glob("*.yaml"))]
    run = CliRunner().invoke(main, ["validate", *files])
    assert run.exit_code == 0, run.output


def test_compare_skips_appraisal_files_in_a_folder():
    run = CliRunner().invoke(main, ["compare", str(ROOT / "evidence"), str(ROOT / "appraisal")])
    assert run.exit_code == 0, run.output
    assert "(6 " in run.output


def _all_decided(tmp_path: Path) -> str:
    """Every item agreed but 3.4 (inputs → 3), 3.2 (points 4) and 1.1.1 (explanation asked in
    round 1, 0.5 given in round 2); the bonus refused, the penalty accepted."""
    import yaml

    data = yaml.safe_load(QM.read_text(encoding="utf-8"))
    lines = [HEAD, ROUND1.replace("  bonus:\n", "").replace(
        '    - {decision: refused, reason: "không đủ căn cứ"}\n', ""
    )]  # fmt: skip
    for node_id in data["items"]:
        if node_id not in ("3.4", "3.2", "1.1.1", "3.1"):
            lines.append(f'    "{node_id}": {{decision: agreed}}\n')
    lines.append('  bonus: [{decision: refused, reason: "không đủ căn cứ"}]\n')
    lines.append("  penalty: [{decision: accepted}]\n")
    lines.append('round2:\n  items:\n    "1.1.1": {decision: points, points: 0.5, reason: "x"}\n')
    return "".join(lines)


def _claimed_total() -> Decimal:
    """The commune's self-assessed total, from its file: claims + survey + bonus − penalty
    (survey 26.10, bonus 0.50, penalty 0.25 as computed)."""
    import yaml

    data = yaml.safe_load(QM.read_text(encoding="utf-8"))
    claims = sum(Decimal(str(item["claimed"])) for item in data["items"].values())
    return claims + Decimal("26.10") + Decimal("0.50") - Decimal("0.25")


def test_compare_ranks_the_final_appraisal_and_lists_the_rest(tmp_path):
    folder = tmp_path / "year"
    (folder / "appraisal").mkdir(parents=True)
    for name in ("que-minh-2023.yaml", "vinh-long-2023.yaml"):
        (folder / name).write_bytes((ROOT / "evidence" / name).read_bytes())
    _write(folder / "appraisal", "que-minh.yaml", _all_decided(tmp_path))
    args = ["compare", str(folder), "--format", "json", "--group-by", "none", "--no-cache"]
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert data["stage"] == "final"
    (row,) = data["groups"][0]["ranking"]
    # 85.67 + (3 - 1.5) + (4 - 4.88) + (0.5 - 1) - 0.50 (bonus refused) = 85.29
    assert row["total"] == "85.29"
    assert Decimal(row["self_total"]) == _claimed_total()
    assert Decimal(data["mean_gap"]) == _claimed_total() - Decimal("85.29")
    assert [u["name"] for u in data["not_appraised"]] == ["Vĩnh Long"]
    run = CliRunner().invoke(main, [*args, "--stage", "self"])
    data = json.loads(run.stdout)
    assert data["stage"] == "self" and data["not_appraised"] == []
    assert sorted(r["total"] for r in data["groups"][0]["ranking"]) == [
        "71.50",
        "85.67",
    ]  # as evaluate scores each


def test_the_shipped_files_and_a_fresh_one_fit_their_json_schemas(tmp_path):
    import jsonschema
    import yaml

    from parscore.schemas import schema

    out = tmp_path / "fresh.yaml"
    CliRunner().invoke(main, ["appraisal", "init", str(QM), "-o", str(out)])
    files = [out, *sorted((ROOT / "appraisal").glob("*.yaml"))]
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        which = "explanation" if "answers" in data else "appraisal"
        jsonschema.validate(data, schema(which), cls=jsonschema.Draft202012Validator)


def _docs(tmp_path: Path, which: str, *extra: str) -> Path:
    out = tmp_path / f"{which}.docx"
    args = ["appraisal", which, str(QM), "--appraisal", str(ROOT / "appraisal/que-minh-2023.yaml")]
    run = CliRunner().invoke(main, [*args, *extra, "-o", str(out), "--force"])
    assert run.exit_code == 0, run.output
    return out


def test_the_minutes_show_each_cut_and_why_and_the_same_bytes_twice(tmp_path):
    import docx

    explanation = ["--explanation", str(ROOT / "appraisal/que-minh-2023-giai-trinh.yaml")]
    first = _docs(tmp_path, "minutes", *explanation).read_bytes()
    again = _docs(tmp_path, "minutes", *explanation).read_bytes()
    assert first == again
    doc = docx.Document(tmp_path / "minutes.docx")
    rows = {r.cells[0].text: [c.text for c in r.cells] for t in doc.tables for r in t.rows}
    # 5.1: 2 claimed, 1.5 given by the council with its reason
    assert rows["5.1"][1:3] == ["2,00", "1,50"] and "bản dự thảo" in rows["5.1"][3]
    # 1.1.1: asked, answered late, 0.5 in round 2
    assert rows["1.1.1"][1:3] == ["1,00", "0,50"] and "QUÁ HẠN" in rows["1.1.1"][3]
    text = "\n".join(p.text for p in doc.paragraphs)
    # 85.67 computed; 3.1 rescored 97/101 × 2 = 1.92 (−0.08); 5.1 −0.5; 1.1.1 −0.5
    assert "tổng điểm 84,59" in text and "BIÊN BẢN THẨM ĐỊNH" in text


def test_the_request_lists_what_is_asked_and_the_deadline(tmp_path):
    import docx

    doc = docx.Document(_docs(tmp_path, "request"))
    rows = [[c.text for c in r.cells] for r in doc.tables[1].rows]
    assert rows[1][1].startswith("1.1.1.") and rows[1][3] == "0,00"
    assert "31/01/2024" in "\n".join(p.text for p in doc.paragraphs)


def test_the_decision_annex_in_word_and_excel(tmp_path):
    import docx
    import openpyxl

    args = ["appraisal", "annex", str(ROOT / "evidence"), str(ROOT / "appraisal")]
    for suffix in ("docx", "xlsx"):
        out = tmp_path / f"annex.{suffix}"
        run = CliRunner().invoke(main, [*args, "-o", str(out)])
        assert run.exit_code == 0, run.output
        again = CliRunner().invoke(main, [*args, "-o", str(tmp_path / f"again.{suffix}")])
        assert again.exit_code == 0
        assert out.read_bytes() == (tmp_path / f"again.{suffix}").read_bytes()
    doc = docx.Document(tmp_path / "annex.docx")
    first = [c.text for c in doc.tables[1].rows[1].cells]
    # Quế Minh: self 88.88 − survey 26.10 = 62.78; final 84.59 (as in the minutes) − 26.10
    assert first == ["1", "xã Quế Minh", "62,78", "58,49", "26,10", "84,59", "84,59%", "Tốt", "1/3"]
    sheet = openpyxl.load_workbook(tmp_path / "annex.xlsx").active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    row = next(v for v in values if "xã Quế Minh" in v)
    assert row[3:8] == [62.78, 58.49, 26.1, 84.59, 84.59]


def test_the_annex_needs_appraisals():
    run = CliRunner().invoke(
        main, ["appraisal", "annex", str(ROOT / "evidence"), "-o", "x.docx", "--lang", "en"]
    )
    assert run.exit_code == 2
    assert "no unit has a final appraisal" in run.output


def test_every_problem_of_an_appraisal_in_one_run(tmp_path):
    text = HEAD.replace("year: 2023", "year: 2022") + (
        "round1:\n"
        "  items:\n"
        '    "3.4": {decision: point, points: 1}\n'  # line 7: refused, nothing more said
        '    "3.2": {points: 1}\n'  # line 8: points without a decision
        "  bonus:\n"
        "    - {decision: refused}\n"  # line 10: needs its reason
        "    - {decision: accepted}\n"  # line 11: the evidence has one bonus line
    )
    ap = _write(tmp_path, "ap.yaml", text)
    with pytest.raises(InputError) as exc:
        load_appraisal(ap, load_evidence(QM))
    got = [(p.code, p.line) for p in exc.value.problems]
    assert sorted(got, key=lambda c: c[1]) == [
        ("appraisal.other-year", 3),
        ("value.choice", 7),
        ("appraisal.no-decision", 8),
        ("appraisal.needs", 10),
        ("appraisal.no-such-line", 11),
    ]
