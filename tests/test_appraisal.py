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


def test_an_annex_without_every_commune_says_so_in_itself(tmp_path):
    import shutil

    import docx
    import openpyxl

    # only Quế Minh's and Hồ Xá's councils have finished: the other four are named in the annex
    appraisals = tmp_path / "ap"
    appraisals.mkdir()
    for unit in ("que-minh", "ho-xa"):
        for name in (f"{unit}-2023.yaml", f"{unit}-2023-giai-trinh.yaml"):
            shutil.copy(ROOT / "appraisal" / name, appraisals / name)
    args = ["appraisal", "annex", str(ROOT / "evidence"), str(appraisals)]
    note = "Chưa có kết quả thẩm định cuối cùng, không xếp hạng trong phụ lục này: "
    for suffix in ("docx", "xlsx"):
        out = tmp_path / f"annex.{suffix}"
        run = CliRunner().invoke(main, [*args, "-o", str(out)])
        assert run.exit_code == 1, run.output  # written, with units left out
        if suffix == "docx":
            text = "\n".join(p.text for p in docx.Document(out).paragraphs)
        else:
            sheet = openpyxl.load_workbook(out).active
            text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
        assert note in text
        listed = text.split(note, 1)[1].split(".", 1)[0]
        for unit in ("thị trấn Đông Phú", "xã Quế Xuân 1", "xã Vĩnh Chấp", "xã Vĩnh Long"):
            assert unit in listed
        assert "Quế Minh" not in listed


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


def test_an_undecided_bonus_line_holds_up_publication(tmp_path):
    # every item decided, but the bonus line left as `appraisal init` writes it: counted as the
    # commune wrote it (0,50), listed, and the final stage is not published
    shipped = (ROOT / "appraisal" / "que-minh-2023.yaml").read_text(encoding="utf-8")
    assert shipped.count("- {decision: accepted}") >= 1
    text = shipped.replace("- {decision: accepted}", "- decision:", 1)
    text = text.replace('"../evidence/', f'"{ROOT}/evidence/')
    path = _write(tmp_path, "ap.yaml", text)
    checked = load_evidence(QM)
    decided = appraise(checked, load_appraisal(ROOT / "appraisal" / "que-minh-2023.yaml", checked))
    open_line = appraise(checked, load_appraisal(path, checked))
    assert decided.appraisal is not None and open_line.appraisal is not None
    assert decided.appraisal.published is not None
    final = open_line.appraisal.stage("final")
    assert final is not None and final.undecided == [] and final.awaiting == []
    assert final.undecided_lines == ["bonus.1"] and final.bonus == Decimal("0.50")
    assert open_line.appraisal.published is None
    shown = CliRunner().invoke(main, ["evaluate", str(QM), "--appraisal", str(path)])
    assert "thưởng 1" in shown.output and "chưa công bố được" in shown.output


def test_the_annex_names_each_commune_it_leaves_out_and_exits_1(tmp_path):
    # only Hồ Xá's appraisal is given: the annex holds Hồ Xá, and names the other five
    folder = tmp_path / "tham-dinh"
    folder.mkdir()
    text = (ROOT / "appraisal" / "ho-xa-2023.yaml").read_text(encoding="utf-8")
    (folder / "ho-xa-2023.yaml").write_text(
        text.replace('"../evidence/', f'"{ROOT}/evidence/'), encoding="utf-8"
    )
    out = tmp_path / "annex.xlsx"
    run = CliRunner().invoke(
        main, ["appraisal", "annex", str(ROOT / "evidence"), str(folder), "-o", str(out)]
    )
    assert run.exit_code == 1
    assert out.exists()
    left = [line for line in run.stderr.splitlines() if "không có trong phụ lục" in line]
    assert len(left) == 5
    assert any("Quế Minh" in line and "que-minh-2023.yaml" in line for line in left)
    assert not any("Hồ Xá" in line for line in left)


# --- one definition of the self-assessed and appraised points (docs/appraisal.md) -------------
# Quế Minh (shipped files): claimed total 88.88, final total 84.59, survey 26.10, bonus 0.50,
# penalty 0.25. Self-assessed points = 88.88 − 26.10 = 62.78; appraised points = 84.59 − 26.10 =
# 58.49 (bonus and penalty in, survey out); 58.49 + 26.10 = 84.59, the total.
SHIPPED = [str(ROOT / "evidence"), str(ROOT / "appraisal")]


def _csv_row(args: list[str], name: str) -> dict[str, str]:
    import csv
    import io

    run = CliRunner().invoke(main, [*args, "--format", "csv"])
    assert run.exit_code == 0, run.output
    return next(r for r in csv.DictReader(io.StringIO(run.stdout)) if r["name"] == name)


def test_self_assessed_and_appraised_points_are_one_thing_in_every_output(tmp_path):
    import docx
    import openpyxl

    args = ["compare", *SHIPPED]
    table = CliRunner().invoke(main, args).stdout
    line = next(x for x in table.splitlines() if "Quế Minh" in x)
    assert "62,78" in line and "58,49" in line and "88,88" not in line and "58,24" not in line
    data = json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).stdout)
    row = next(r for g in data["groups"] for r in g["ranking"] if r["unit"]["name"] == "Quế Minh")
    assert (row["self_points"], row["appraised"], row["total"]) == ("62.78", "58.49", "84.59")
    csv_row = _csv_row(args, "Quế Minh")
    assert (csv_row["self_points"], csv_row["appraised_points"]) == ("62.78", "58.49")
    assert csv_row["self_total"] == "88.88" and csv_row["appraisal"] == "58.24"  # kept as they were
    out = tmp_path / "c.xlsx"
    assert CliRunner().invoke(main, [*args, "--format", "xlsx", "-o", str(out)]).exit_code == 0
    cells = [[c.value for c in r] for r in openpyxl.load_workbook(out).worksheets[0].iter_rows()]
    header = next(r for r in cells if "Điểm thẩm định" in r)
    qm = next(r for r in cells if "Quế Minh" in r)
    assert qm[header.index("Điểm thẩm định")] == 58.49
    assert qm[header.index("Điểm tự đánh giá")] == 62.78
    html = CliRunner().invoke(main, [*args, "--format", "html"]).stdout
    assert "58,49" in html and "58,24" not in html
    explanation = ["--explanation", str(ROOT / "appraisal/que-minh-2023-giai-trinh.yaml")]
    doc = docx.Document(_docs(tmp_path, "minutes", *explanation))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Điểm tự đánh giá 62,78; điểm thẩm định 58,49" in text
    shown = CliRunner().invoke(
        main, ["evaluate", str(QM), "--appraisal", str(ROOT / "appraisal/que-minh-2023.yaml")]
    )
    assert "điểm tự đánh giá 62,78, điểm thẩm định 58,49" in shown.stdout
    # the stage table's first column is not called "Điểm thẩm định" (its claimed row is the
    # commune's, 62.53 before bonus and penalty)
    stage_head = shown.stdout.split("Giai đoạn")[0].splitlines()[-1]
    assert "thẩm" not in stage_head


def test_stage_self_says_it_ranks_the_computed_points(tmp_path):
    # Quế Minh: computed 85.67, claimed 88.88: --stage self ranks 85.67 and says so
    run = CliRunner().invoke(main, ["compare", *SHIPPED, "--stage", "self", "--lang", "en"])
    assert run.exit_code == 0, run.output
    assert "85.67" in run.stdout and "88.88" not in run.stdout
    assert "computed from each commune's self-assessment evidence" in run.stdout
    assert "not on the points it claimed" in run.stdout
    # without appraisal files the ranking is the plain comparison, with no such note
    plain = CliRunner().invoke(main, ["compare", SHIPPED[0], "--lang", "en"])
    assert "not on the points it claimed" not in plain.stdout


def test_the_compare_workbook_and_csv_say_which_stage_is_ranked(tmp_path):
    import openpyxl

    out = tmp_path / "c.xlsx"
    assert (
        CliRunner()
        .invoke(main, ["compare", *SHIPPED, "--format", "xlsx", "-o", str(out)])
        .exit_code
        == 0
    )
    sheet = openpyxl.load_workbook(out).worksheets[0]
    title = " ".join(str(c.value) for r in sheet.iter_rows(max_row=4) for c in r if c.value)
    # mean gap of the six: (4.29 + 4.89 + 4.81 + 1.06 + 1.85 + 0.56) / 6 = 17.46 / 6 = 2.91
    assert "Xếp hạng theo điểm thẩm định cuối" in title and "+2,91" in title
    assert _csv_row(["compare", *SHIPPED], "Quế Minh")["stage"] == "final"
    assert _csv_row(["compare", *SHIPPED, "--stage", "self"], "Quế Minh")["stage"] == "self"


def test_an_input_correction_is_shown_with_its_label_and_both_values(tmp_path):
    import docx

    # appraisal/que-minh-2023.yaml: 3.1 published 97 where the commune gave 101
    shown = CliRunner().invoke(
        main, ["evaluate", str(QM), "--appraisal", str(ROOT / "appraisal/que-minh-2023.yaml")]
    )
    flat = " ".join(shown.stdout.split())
    assert "Số TTHC được công khai đầy đủ, đúng hạn: 97 (xã kê khai 101)" in flat
    assert "published =" not in flat
    doc = docx.Document(_docs(tmp_path, "minutes"))
    cells = " ".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Số TTHC được công khai đầy đủ, đúng hạn: 97 (xã kê khai 101)" in cells
    assert "published =" not in cells


def _header(path: Path) -> str:
    import docx

    return docx.Document(path).tables[0].rows[0].cells[0].text.split("\n")[0]


def _header_right(path: Path) -> str:
    import docx

    return docx.Document(path).tables[0].rows[0].cells[1].text.split("\n")[-1]


def test_the_documents_header_names_the_body_the_council_sits_under(tmp_path):
    shipped = (ROOT / "appraisal" / "que-minh-2023.yaml").read_text(encoding="utf-8")
    shipped = shipped.replace('"../evidence/', f'"{ROOT}/evidence/')
    district = shipped.replace(
        "Hội đồng thẩm định Chỉ số CCHC cấp xã tỉnh Quảng Nam",
        "Hội đồng thẩm định Chỉ số CCHC huyện Quế Sơn",
    )
    assert district != shipped
    cases = [
        (shipped, "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"),  # the council names the province
        (district, "ỦY BAN NHÂN DÂN HUYỆN QUẾ SƠN"),  # the council names the district
        # neither named: round 1 sat on 15/01/2024, before 1/7/2025: the district's
        (shipped.replace("cấp xã tỉnh Quảng Nam", "cấp xã"), "ỦY BAN NHÂN DÂN HUYỆN QUẾ SƠN"),
        (
            shipped.replace("\nunit:", '\nissuer: "Ủy ban nhân dân thị xã Điện Bàn"\nunit:', 1),
            "ỦY BAN NHÂN DÂN THỊ XÃ ĐIỆN BÀN",
        ),
    ]
    for n, (text, expected) in enumerate(cases):
        ap = _write(tmp_path, f"ap{n}.yaml", text)
        out = tmp_path / f"m{n}.docx"
        run = CliRunner().invoke(
            main, ["appraisal", "minutes", str(QM), "--appraisal", str(ap), "-o", str(out)]
        )
        assert run.exit_code == 0, run.output
        assert _header(out) == expected
        # dated where the body sits: "Quế Sơn, ngày 20 tháng 02 năm 2024" for the district's
        right = _header_right(out)
        place = "Quế Sơn" if "QUẾ SƠN" in expected else "Quảng Nam"
        assert right.startswith(f"{place}, ngày 20 tháng 02 năm 2024"), right


def test_the_annex_header_is_the_councils_body_and_warns_when_it_spans_provinces(tmp_path):
    def annex(council: str | None) -> str:
        folder = tmp_path / f"que-son-{council}"
        folder.mkdir()
        for name in ("que-minh-2023", "que-xuan-1-2023", "dong-phu-2023"):
            evidence = (ROOT / "evidence" / f"{name}.yaml").read_bytes()
            (folder / f"{name}.yaml").write_bytes(evidence)
            text = (ROOT / "appraisal" / f"{name}.yaml").read_text(encoding="utf-8")
            if council is not None:
                text = text.replace("cấp xã tỉnh Quảng Nam", council)
            (folder / f"{name}-tham-dinh.yaml").write_text(text, encoding="utf-8")
        out = tmp_path / f"{council}.docx"
        run = CliRunner().invoke(main, ["appraisal", "annex", str(folder), "-o", str(out)])
        assert run.exit_code == 0, run.output
        assert "cảnh báo" not in run.stderr
        return _header(out)

    # the shipped councils name the province: the annex is headed as their minutes are
    assert annex(None) == "ỦY BAN NHÂN DÂN TỈNH QUẢNG NAM"
    assert annex("huyện Quế Sơn") == "ỦY BAN NHÂN DÂN HUYỆN QUẾ SƠN"
    # naming neither: 2023, before 1/7/2025, one district: the district's committee
    assert annex("cấp xã") == "ỦY BAN NHÂN DÂN HUYỆN QUẾ SƠN"
    out = tmp_path / "two.docx"
    run = CliRunner().invoke(main, ["appraisal", "annex", *SHIPPED, "-o", str(out)])
    assert run.exit_code == 0, run.output
    assert _header(out) == "ỦY BAN NHÂN DÂN"
    assert "nhiều tỉnh (Quảng Nam, Quảng Trị)" in run.stderr


def test_annex_accepts_no_cache_as_compare_does(tmp_path):
    out = tmp_path / "a.xlsx"
    args = ["appraisal", "annex", *SHIPPED, "-o", str(out)]
    plain = CliRunner().invoke(main, args)
    again = CliRunner().invoke(main, [*args[:-2], "-o", str(tmp_path / "b.xlsx"), "--no-cache"])
    assert plain.exit_code == 0 and again.exit_code == 0, again.output
    assert out.read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_the_request_says_by_when_and_the_tables_fit_their_words(tmp_path):
    import docx
    import openpyxl
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    doc = docx.Document(_docs(tmp_path, "request"))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "chậm nhất ngày 31/01/2024" in text and "trước hết" not in text
    # "STT" at 13 pt bold needs about 0.9 cm plus the cell's margins (2 × 0.19 cm)
    assert doc.tables[1].columns[0].width >= Cm(1.3)
    out = tmp_path / "annex.docx"
    CliRunner().invoke(main, ["appraisal", "annex", *SHIPPED, "-o", str(out)])
    annex = docx.Document(out)
    assert annex.sections[0].orientation == WD_ORIENT.LANDSCAPE
    widths = [c.width for c in annex.tables[1].columns]
    assert widths[0] >= Cm(1.3) and widths[1] >= Cm(5)  # "thị trấn Đông Phú" on one line
    assert sum(widths) <= Cm(24.7)  # 29.7 − 3 − 2 cm of margins
    out = tmp_path / "annex.xlsx"
    CliRunner().invoke(main, ["appraisal", "annex", *SHIPPED, "-o", str(out)])
    sheet = openpyxl.load_workbook(out).active
    row = next(r for r in sheet.iter_rows() if any(c.value == "xã Quế Minh" for c in r))
    assert {c.font.name for c in row} == {"Times New Roman"}


def test_dates_that_disagree_are_refused_or_warned_with_their_place(tmp_path):
    checked = load_evidence(QM)
    early_due = HEAD + ROUND1.replace(
        'explanation_due: "31/01/2024"', 'explanation_due: "10/01/2024"'
    )
    with pytest.raises(InputError) as exc:
        load_appraisal(_write(tmp_path, "a.yaml", early_due), checked)
    # line 8 of the file: HEAD is lines 1-4, round1 5, its date 6, appraisers 7, the deadline 8
    assert [(p.code, p.line) for p in exc.value.problems] == [("appraisal.due-before-round", 8)]
    r2_first = HEAD + ROUND1 + 'round2:\n  date: "10/01/2024"\n  items: {}\n'
    with pytest.raises(InputError) as exc:
        load_appraisal(_write(tmp_path, "b.yaml", r2_first), checked)
    assert [p.code for p in exc.value.problems] == ["appraisal.round2-before-round1"]
    no_due = HEAD + ROUND1.replace('  explanation_due: "31/01/2024"\n', "")
    found = load_appraisal(_write(tmp_path, "c.yaml", no_due), checked)
    assert [(p.code, p.args["ids"]) for p in found.warnings] == [("appraisal.no-due", "1.1.1")]


ANSWER = """unit: {name: "Quế Minh", code: "20662"}
year: 2023
criteria: ref-commune-2023
by: "UBND xã Quế Minh"
date: "30/01/2024"
answers:
  "1.1.1":
    text: "bổ sung bản chính"
    claimed: 1
    documents:
      - {number: "05/BC-UBND", date: "%s", issuer: "UBND xã Quế Minh", title: "Báo cáo"}
"""


def test_an_answer_citing_a_document_dated_after_it_and_the_deadline_is_not_counted(tmp_path):
    # sent 30/01, deadline 31/01: a document of 06/02 cannot have been sent with it
    ap = _stages(tmp_path, HEAD + ROUND1, ANSWER % "06/02/2024")
    explanation = next(s for s in ap.stages if s.stage == "explanation")
    assert explanation.late == ["1.1.1"] and explanation.awaiting == ["1.1.1"]
    checked = load_evidence(QM)
    ex = _write(tmp_path, "ex2.yaml", ANSWER % "06/02/2024")
    found = load_appraisal(tmp_path / "ap.yaml", checked, ex)
    assert [(p.code, p.line) for p in found.warnings] == [("explanation.document-after-due", 11)]
    # a document dated on the day it was sent is counted: 1.00 at the explanation stage
    ap = _stages(tmp_path, HEAD + ROUND1, ANSWER % "30/01/2024")
    item = next(i for i in ap.items if i.id == "1.1.1")
    assert item.points["explanation"] == Decimal("1.00")


def test_validate_refuses_an_answer_claiming_more_than_the_maximum(tmp_path):
    path = _write(tmp_path, "ex.yaml", (ANSWER % "29/01/2024").replace("claimed: 1", "claimed: 3"))
    run = CliRunner().invoke(main, ["validate", str(path)])
    assert run.exit_code == 1
    assert "ex.yaml:9:14:" in run.output and "appraisal.points-over-max" in run.output
    ok = _write(tmp_path, "ok.yaml", ANSWER % "29/01/2024")
    assert CliRunner().invoke(main, ["validate", str(ok)]).exit_code == 0


def test_compare_warns_of_an_explanation_no_appraisal_answers(tmp_path):
    folder = tmp_path / "nam"
    folder.mkdir()
    (folder / "que-minh.yaml").write_bytes(QM.read_bytes())
    _write(folder, "que-minh-giai-trinh.yaml", ANSWER % "29/01/2024")
    run = CliRunner().invoke(main, ["compare", str(folder), "--no-cache"])
    assert "explanation.no-appraisal" in run.stderr and "que-minh-giai-trinh.yaml" in run.stderr


def test_the_annex_says_which_unit_is_scored_out_of_less_than_100(tmp_path):
    import docx
    import openpyxl

    # Vĩnh Long: total 70.94 out of an applicable 99 → 71.66%; everyone else out of 100
    note = "Điểm tối đa áp dụng khác 100,00 (có tiêu chí không áp dụng với đơn vị): xã Vĩnh Long 99,00."
    for suffix in ("docx", "xlsx"):
        out = tmp_path / f"a.{suffix}"
        assert (
            CliRunner().invoke(main, ["appraisal", "annex", *SHIPPED, "-o", str(out)]).exit_code
            == 0
        )
    text = "\n".join(p.text for p in docx.Document(tmp_path / "a.docx").paragraphs)
    assert note in text
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx").active
    assert any(note in str(c.value) for r in sheet.iter_rows(max_row=6) for c in r)


def test_messages_say_what_is_wrong_once_and_in_the_council_s_words(tmp_path):
    checked = load_evidence(QM)
    text = HEAD + (
        "round1:\n"
        "  items:\n"
        '    "8": {decision: agreed}\n'  # line 7: a group
        '    "3.2": {decision: points, points: -1, reason: "x"}\n'  # line 8
        '    "3.4": {decision: points, points: "một", reason: "x"}\n'  # line 9
    )
    with pytest.raises(InputError) as exc:
        load_appraisal(_write(tmp_path, "ap.yaml", text), checked)
    got = sorted((p.line, p.code) for p in exc.value.problems)
    assert [line for line, _ in got] == [7, 8, 9]  # one problem each: no "needs 'points'"
    assert got[0][1] == "appraisal.group"
    assert "appraisal.needs" not in {code for _, code in got}
    group = next(p for p in exc.value.problems if p.code == "appraisal.group").format("vi")
    assert "quyết định" in group and "minh chứng" not in group


def test_minutes_before_round_two_do_not_call_the_commune_s_claims_appraised(tmp_path):
    import docx

    # round 1 asked about 1.1.1, the commune answered; no round 2 yet: the last stage is the
    # explanation, headed as such
    shipped = (ROOT / "appraisal" / "que-minh-2023.yaml").read_text(encoding="utf-8")
    shipped = shipped.replace('"../evidence/', f'"{ROOT}/evidence/')
    ap = _write(tmp_path, "ap.yaml", shipped.split("\nround2:")[0] + "\n")
    out = tmp_path / "m.docx"
    args = ["appraisal", "minutes", str(QM), "--appraisal", str(ap), "-o", str(out)]
    explanation = ["--explanation", str(ROOT / "appraisal/que-minh-2023-giai-trinh.yaml")]
    run = CliRunner().invoke(main, [*args, *explanation])
    assert run.exit_code == 0, run.output
    heads = [c.text for c in docx.Document(out).tables[1].rows[0].cells]
    assert heads[-1] == "Sau giải trình" and "Điểm thẩm định" not in heads


def test_unfinished_minutes_count_what_is_still_open(tmp_path):
    import docx

    drafted = tmp_path / "td.yaml"
    made = CliRunner().invoke(main, ["appraisal", "init", str(QM), "-o", str(drafted)])
    assert made.exit_code == 0, made.output
    text = drafted.read_text(encoding="utf-8")
    # nothing decided: one decision line for each item and each bonus or penalty line
    open_lines = text.count("decision:\n")
    assert open_lines > 30
    # the first item asked to explain (round 1 held, round 2 not yet): it awaits its answer,
    # every other one a decision
    asked = tmp_path / "td-asked.yaml"
    asked.write_text(
        text.replace("decision:\n", 'decision: explain\n      ask: "bổ sung"\n', 1), "utf-8"
    )
    out = tmp_path / "bb.docx"
    args = ["appraisal", "minutes", str(QM), "--appraisal", str(asked), "-o", str(out)]
    run = CliRunner().invoke(main, args)
    assert run.exit_code == 0, run.output
    paragraphs = [p.text for p in docx.Document(out).paragraphs]
    assert f"Chưa kết luận: còn {open_lines} tiêu chí" in "\n".join(paragraphs)
    # no explanation file: the minutes do not say they rest on the commune's explanations
    assert not any("giải trình của đơn vị" in p for p in paragraphs)


def test_validate_reports_every_problem_of_a_council_file_at_once(tmp_path):
    drafted = tmp_path / "td.yaml"
    made = CliRunner().invoke(main, ["appraisal", "init", str(QM), "-o", str(drafted)])
    assert made.exit_code == 0, made.output
    text = drafted.read_text(encoding="utf-8")
    text = text.replace("decision:\n", "decision: agree\n", 1)  # a misspelt decision
    at = text.index('"1.1.4":')
    blank = text.index("decision:\n", at)
    text = (
        text[:blank]
        + 'decision: points\n      points: 2\n      reason: "x"\n'
        + text[blank + len("decision:\n") :]
    )  # 2 points where 1.1.4 has 1.5
    drafted.write_text(text, encoding="utf-8")
    run = CliRunner().invoke(main, ["validate", str(drafted), "--lang", "en"])
    assert run.exit_code == 1
    codes = [line.rsplit("[", 1)[1] for line in run.stderr.splitlines() if line.endswith("]")]
    assert codes == ["value.choice]", "appraisal.points-over-max]"]
    assert run.stdout.endswith("has problems (2 errors, 0 warnings)\n")
