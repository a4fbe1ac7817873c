"""The command line, as a user meets it: output, exit codes, messages, and files left alone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from parscore.cli import main

DATA = Path(__file__).parent / "data"

EVIDENCE = """\
unit: {name: Vĩnh Chấp, code: "19435", kind: xã, parents: [{level: district, name: Vĩnh Linh}]}
year: 2023
criteria: set.yaml
items:
  "1.1":
    documents: [{number: 10/KH-UBND, date: 06/02/2023}]
  "1.2": {done: 18, planned: 20, documents: [{number: 1/BC, date: 12/12/2023}], claimed: 1.5}
  "1.3": {met: false, explanation: Chưa bố trí đủ công chức}
  "2.1": {on_time: 1150, received: 1200, documents: [{number: 2/BC, date: 01/12/2023}]}
survey:
  S.1: {satisfied: 412, responses: 450}
bonus:
  - reason: Sáng kiến được công nhận
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(DATA / "mini-set.yaml", tmp_path / "set.yaml")
    (tmp_path / "ev.yaml").write_text(EVIDENCE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_evaluate_table_in_vietnamese(work):
    result = run("evaluate", "ev.yaml")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "xã Vĩnh Chấp (19435), huyện Vĩnh Linh" in out
    assert "Chỉ số CCHC: 71,60% — Xếp loại: Khá" in out
    # every field, the survey, bonus, penalty and the total are there
    for text in (
        "Chỉ đạo điều hành",
        "Thủ tục",
        "Điều tra",
        "Điểm thưởng",
        "Điểm trừ",
        "Tổng điểm",
    ):
        assert text in out
    assert "Lĩnh vực yếu nhất" in out and "Tiêu chí mất nhiều điểm nhất" in out
    # the claimed score above the computed one is flagged
    assert "Điểm tự chấm khác điểm tính" in out and "+0,75" in out


def test_evaluate_in_english_with_detail(work):
    result = run("evaluate", "ev.yaml", "--lang", "en", "--detail")
    assert result.exit_code == 0
    assert "PAR INDEX: 71.60% — Band: Fair" in result.stdout
    assert "late: done on 06/02/2023, due 31/01/2023" in result.stdout
    assert "10/KH-UBND 06/02/2023" in result.stdout


def test_lang_from_the_environment(work, monkeypatch):
    monkeypatch.setenv("PARSCORE_LANG", "en")
    assert "PAR INDEX: 71.60%" in run("evaluate", "ev.yaml").stdout


def test_top_limits_the_weakest_lists(work):
    out = run("evaluate", "ev.yaml", "--lang", "en", "--top", "1").stdout
    weakest = out.split("Sub-criteria that lost most points")[1]
    assert "1.3" in weakest and "1.2 " not in weakest.split("Claimed")[0]


def test_json_output_validates_against_the_exported_schema(work):
    result = run("evaluate", "ev.yaml", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    schema = json.loads(run("schema", "result").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema)
    assert document["totals"]["index"] == "71.60"
    assert document["totals"]["band"] == {"vi": "Khá", "en": "Fair"}


@pytest.mark.parametrize("which", ["criteria", "evidence", "result"])
def test_schemas_are_valid_json_schema(work, which):
    schema = json.loads(run("schema", which).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)


def test_evidence_schema_accepts_the_evidence_and_the_criteria_schema_the_set(work):
    import yaml

    def as_json(path: str):
        return json.loads(json.dumps(yaml.safe_load(Path(path).read_text("utf-8")), default=str))

    jsonschema.validate(as_json("ev.yaml"), json.loads(run("schema", "evidence").stdout))
    jsonschema.validate(as_json("set.yaml"), json.loads(run("schema", "criteria").stdout))


def test_csv_output(work):
    out = run("evaluate", "ev.yaml", "--format", "csv", "--lang", "en").stdout
    lines = out.splitlines()
    assert lines[0].startswith("row,id,level,name,outcome,points")
    assert "node,2.1,2,Đúng hạn,partial,3.83,4.00,4.00,95.75" in out
    assert lines[-1].startswith("index,,,PAR INDEX,,71.60,")


def test_markdown_output(work):
    out = run("evaluate", "ev.yaml", "--format", "markdown").stdout
    assert out.startswith("# Kết quả tự đánh giá Chỉ số CCHC năm 2023\n")
    assert "| 1  | Chỉ đạo điều hành         |   1,25 |     4,00 |  31,25% |" in out


def test_missing_lists_what_each_office_must_bring(work):
    (work / "ev.yaml").write_text(
        EVIDENCE.replace('  "1.1":\n    documents: [{number: 10/KH-UBND, date: 06/02/2023}]\n', ""),
        encoding="utf-8",
    )
    out = run("evaluate", "ev.yaml", "--missing", "--lang", "en").stdout
    assert "To bring to the self-assessment meeting — Vĩnh Chấp, 2023" in out
    assert "1.1" in out and "evidence" in out
    data = json.loads(run("evaluate", "ev.yaml", "--missing", "--format", "json").stdout)
    needs = {(item["id"], item["need"]) for group in data["groups"] for item in group["items"]}
    assert ("1.1", "evidence") in needs and ("1.2", "explanation") in needs
    assert ("1.3", "explanation") not in needs  # it has its explanation


def test_output_file_is_written_and_not_overwritten(work):
    assert run("evaluate", "ev.yaml", "--output", "out.md", "--format", "markdown").exit_code == 0
    first = (work / "out.md").read_bytes()
    result = run("evaluate", "ev.yaml", "--output", "out.md", "--lang", "en")
    assert result.exit_code == 2
    assert "out.md already exists: use --force" in result.stderr
    assert (work / "out.md").read_bytes() == first
    assert run("evaluate", "ev.yaml", "-o", "out.md", "--format", "table", "--force").exit_code == 0
    assert (work / "out.md").read_bytes() != first
    assert not list(work.glob(".out.md.*"))  # no temporary file left behind


def test_output_never_replaces_the_input(work):
    before = (work / "ev.yaml").read_bytes()
    result = run("evaluate", "ev.yaml", "--output", "ev.yaml", "--force", "--lang", "en")
    assert result.exit_code == 2
    assert "is one of the input files" in result.stderr
    assert (work / "ev.yaml").read_bytes() == before


def test_csv_file_has_a_bom_for_excel(work):
    run("evaluate", "ev.yaml", "--format", "csv", "--output", "out.csv")
    assert (work / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_output_is_deterministic(work):
    for fmt in ("table", "json", "csv", "markdown"):
        assert (
            run("evaluate", "ev.yaml", "--format", fmt).stdout
            == run("evaluate", "ev.yaml", "--format", fmt).stdout
        )


def test_bad_input_exits_2_with_located_messages_and_no_traceback(work):
    (work / "ev.yaml").write_text(
        EVIDENCE.replace("on_time: 1150", "on_time: 1250").replace("met: false", "met: no"),
        encoding="utf-8",
    )
    result = run("evaluate", "ev.yaml")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        "ev.yaml:8:16: cần true hoặc false, nhận được 'no' [value.expected-bool]" in result.stderr
    )
    assert "ev.yaml:9:20: 'on_time' (1250) lớn hơn 'received' (1200)" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.rstrip().endswith("2 lỗi, 0 cảnh báo")


def test_an_output_of_parscore_is_named_as_such_where_evidence_is_expected(tmp_path):
    # a comparison's JSON has `fields:` and was taken for a criteria set
    root = Path(__file__).parent.parent
    written = tmp_path / "so-sanh.json"
    made = run("compare", str(root / "evidence"), "--format", "json", "-o", str(written))
    assert made.exit_code == 0
    said = "so-sanh.json is an output parscore wrote (parscore-comparison/"
    for command in (["evaluate"], ["compare"], ["review"], ["validate"]):
        result = run(*command, str(written), "--lang", "en")
        assert result.exit_code == (1 if command == ["validate"] else 2), command
        assert said in result.stderr and "criteria set, not an evidence" not in result.stderr


def test_a_blank_unit_name_is_refused_before_anything_is_written(tmp_path):
    # the template would hold `name: ""`, which validate refuses
    out = tmp_path / "t.yaml"
    for command in (
        ["template", "--criteria", "ref-commune-2023", "-o", str(out)],
        ["plan-year", "--criteria", "ref-commune-2023", "--year", "2024", "-o", str(out)],
    ):
        result = run(*command, "--unit", "  ", "--lang", "en")
        assert result.exit_code == 2, command
        assert "--unit cannot be blank" in result.stderr
        assert not out.exists()


def test_an_output_in_a_missing_folder_is_told_in_the_users_language(tmp_path):
    evidence = str(Path(__file__).parent.parent / "evidence" / "que-minh-2023.yaml")
    target = tmp_path / "khong-co" / "x.txt"
    said = run("evaluate", evidence, "-o", str(target))
    assert said.exit_code == 2
    assert ": thư mục " in said.stderr and " không có (hãy tạo thư mục trước)" in said.stderr
    assert "No such file" not in said.stderr


def test_evaluate_refuses_a_criteria_file(work):
    result = run("evaluate", "set.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert "set.yaml is a criteria set, not an evidence file" in result.stderr


def test_evaluate_a_missing_file(work):
    result = run("evaluate", "nope.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("nope.yaml: no such file [file.not-found]")


def test_criteria_option_overrides_the_file(work):
    shutil.copy(work / "set.yaml", work / "other.yaml")
    (work / "ev.yaml").write_text(
        EVIDENCE.replace("criteria: set.yaml", "criteria: nowhere.yaml"), encoding="utf-8"
    )
    assert run("evaluate", "ev.yaml", "--criteria", "other.yaml").exit_code == 0


def test_validate_reports_each_file_and_exits_1_on_problems(work):
    (work / "bad.yaml").write_text(
        EVIDENCE.replace("year: 2023", "year: 2023\nyear: 2024"), encoding="utf-8"
    )
    (work / "what.yaml").write_text("a: 1\n", encoding="utf-8")
    result = run("validate", "set.yaml", "ev.yaml", "bad.yaml", "what.yaml", "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "set.yaml: valid",
        "ev.yaml: valid",
        "bad.yaml: has problems (1 error, 0 warnings)",
        "what.yaml: has problems (1 error, 0 warnings)",
    ]
    assert (
        "bad.yaml:3:1: duplicate key 'year' (first at line 2) [yaml.duplicate-key]" in result.stderr
    )
    assert "what.yaml:1:1: cannot tell whether this is a criteria set" in result.stderr


def test_validate_warnings_pass_unless_strict(work):
    (work / "ev.yaml").write_text(
        EVIDENCE.replace("date: 06/02/2023", "date: 06/02/2022"), encoding="utf-8"
    )
    passed = run("validate", "ev.yaml", "--lang", "en")
    assert passed.exit_code == 0
    assert passed.stdout == "ev.yaml: valid (0 errors, 1 warning)\n"
    strict = run("validate", "ev.yaml", "--strict", "--lang", "en")
    assert strict.exit_code == 1
    # no "has problems (0 errors, ...)": what fails it is said
    assert (
        strict.stdout == "ev.yaml: does not pass --strict: it has warnings (0 errors, 1 warning)\n"
    )


def test_template_round_trip(work):
    result = run(
        "template",
        "--criteria",
        "set.yaml",
        "--unit",
        "Quế Minh",
        "--code",
        "20554",
        "--district",
        "Quế Sơn",
        "--province",
        "Quảng Nam",
        "--output",
        "que-minh.yaml",
    )
    assert result.exit_code == 0, result.stderr
    text = (work / "que-minh.yaml").read_text("utf-8")
    assert "# 1.2 Tỷ lệ — tối đa 1,5" in text
    assert "# Cách chấm: trên 90% → 1,5 điểm; từ 70% đến 90% → 0,75 điểm; dưới 70% → 0 điểm" in text
    validated = run("validate", "que-minh.yaml", "--strict")
    assert validated.exit_code == 0, validated.stderr
    scored = json.loads(run("evaluate", "que-minh.yaml", "--format", "json").stdout)
    outcomes = {c["id"]: c["outcome"] for f in scored["fields"] for c in f["children"]}
    assert set(outcomes.values()) == {"missing"}  # unfilled is missing, never a silent zero
    assert scored["unit"]["parents"] == [
        {"level": "district", "name": "Quế Sơn", "code": None},
        {"level": "province", "name": "Quảng Nam", "code": None},
    ]
    assert (scored["unit"]["name"], scored["unit"]["code"]) == ("Quế Minh", "20554")


def test_template_refuses_to_overwrite(work):
    (work / "t.yaml").write_text("keep me", encoding="utf-8")
    result = run("template", "--criteria", "set.yaml", "--unit", "X", "--output", "t.yaml")
    assert result.exit_code == 2
    assert (work / "t.yaml").read_text("utf-8") == "keep me"
    assert (
        run(
            "template", "--criteria", "set.yaml", "--unit", "X", "--output", "t.yaml", "--force"
        ).exit_code
        == 0
    )


def test_criteria_show_and_depth(work):
    out = run("criteria", "show", "set.yaml").stdout
    assert (
        "1.1 Kế hoạch [1]: đúng hạn 1 điểm; chậm 0,5 điểm; không thực hiện 0 điểm (hạn 31/01)"
        in out
    )
    assert "2.1 Đúng hạn [4]: tỷ lệ × 4 điểm; không phát sinh: đủ điểm" in out
    shallow = run("criteria", "show", "set.yaml", "--depth", "1", "--lang", "en").stdout
    assert "1 Direction [4]" in shallow and "1.1" not in shallow


def test_usage_errors_exit_2(work):
    assert run("evaluate").exit_code == 2
    assert run("evaluate", "ev.yaml", "--format", "pdf").exit_code == 2
    assert run("schema", "nothing").exit_code == 2


def test_version_and_help(monkeypatch):
    from parscore import __version__

    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    assert run("--version").stdout == f"parscore, phiên bản {__version__}\n"
    assert run("--version", "--lang", "en").stdout == f"parscore, version {__version__}\n"
    assert run("--lang=en", "--version").exit_code == 0
    monkeypatch.setenv("PARSCORE_LANG", "en")
    assert run("--version").stdout == f"parscore, version {__version__}\n"
    assert "evaluate" in run("--help").stdout


def test_limits_are_configurable(work, monkeypatch):
    result = run("--max-file-size", "100", "evaluate", "ev.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("ev.yaml: the file is ")
    assert (
        "over the limit of 100 bytes (change it with --max-file-size) [file.too-large]"
        in result.stderr
    )
    assert run("--max-file-size", "1M", "evaluate", "ev.yaml").exit_code == 0
    monkeypatch.setenv("PARSCORE_MAX_DEPTH", "2")
    result = run("validate", "ev.yaml", "--lang", "en")
    assert result.exit_code == 1
    assert "(more than 2 levels) [yaml.too-deep]" in result.stderr
    assert run("--max-file-size", "ten", "validate", "ev.yaml").exit_code == 2


def test_a_flood_of_problems_shows_the_first_hundred_and_counts_the_rest(work):
    """A file with 300 problems (a damaged export) prints 100 of them, then how many more; the
    summary still counts them all."""
    Path("many.yaml").write_text("".join(f"k{i}: !!str x\n" for i in range(300)), "utf-8")
    result = run("validate", "many.yaml", "--lang", "en")
    assert result.exit_code == 1
    messages = [line for line in result.stderr.splitlines() if line.startswith("many.yaml:")]
    assert len(messages) == 101
    assert (
        messages[-1] == "many.yaml: 200 more problems not shown: fix the ones above and run again"
    )
    assert "many.yaml: has problems (300 errors, 0 warnings)" in result.stdout


def test_a_date_typed_as_an_input_outside_the_evidence_window_is_warned_about(tmp_path):
    """A report 'sent' a year before the year assessed counts as on time by its date alone:
    the date is warned about at its line, as a document's date would be."""
    source = Path(__file__).resolve().parent.parent / "evidence" / "vinh-chap-2023.yaml"
    text = source.read_text(encoding="utf-8").replace("q1: 10/03/2023", "q1: 08/03/2022", 1)
    path = tmp_path / "vinh-chap-2023.yaml"
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "q1: 08/03/2022" in row)
    result = run("validate", str(path), "--lang", "en", "--strict")
    assert result.exit_code == 1
    assert f"vinh-chap-2023.yaml:{line}:9: warning: 'q1' dated 08/03/2022 is outside" in (
        result.stdout + result.stderr
    )
    assert "[evidence.input-date-outside]" in result.stdout + result.stderr


VINH_LONG = Path(__file__).resolve().parent.parent / "evidence" / "vinh-long-2023.yaml"


def test_the_appraisal_maximum_leaves_out_what_does_not_apply():
    # Vĩnh Long: 6.4 (1 point) does not apply, so its eight fields are out of 69, its total of
    # 99; the survey stays out of 30
    result = run("evaluate", str(VINH_LONG), "--format", "json")
    totals = json.loads(result.stdout)["totals"]
    assert (totals["appraisal_max"], totals["survey_max"], totals["applicable_max"]) == (
        "69.00",
        "30.00",
        "99.00",
    )
    table = run("evaluate", str(VINH_LONG), "--lang", "vi").stdout
    assert "Điểm các tiêu chí thẩm định: 47,63/69,00" in table


def test_an_unfilled_template_is_said_so_in_evaluate_and_plan(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    made = run("template", "--criteria", "ref-commune-2023", "--unit", "Hồ Xá", "-o", "t.yaml")
    assert made.exit_code == 0, made.output
    scored = run("evaluate", "t.yaml", "--format", "json", "--lang", "en")
    assert scored.exit_code == 0  # scored (every point 0), and told why
    assert "t.yaml: warning: the file holds no evidence yet (an unfilled template)" in (
        scored.stderr
    )
    assert "unfilled template" in run("evaluate", "t.yaml", "--lang", "en").stdout
    assert "unfilled" not in run("evaluate", "t.yaml", "--missing", "--lang", "en").output
    planned = run("plan", "t.yaml", "--lang", "en")
    assert planned.exit_code == 0  # a draft listing everything, and said so
    assert "t.yaml: warning: the file holds no evidence yet (an unfilled template): this plan" in (
        planned.stderr
    )
