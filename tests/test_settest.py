"""``parscore criteria test``: a province's test cases for its own criteria set."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from parscore.cli import main
from parscore.loading import load_criteria

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_CASES = ROOT / "criteria" / "cases" / "ref-commune-2023.yaml"
SET_FILE = ROOT / "criteria" / "ref-commune-2023.yaml"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_the_shipped_cases_all_pass():
    result = run("--lang", "en", "criteria", "test", "ref-commune-2023")
    assert result.exit_code == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout
    assert lines[0].startswith("parscore/criteria/cases/ref-commune-2023.yaml: ")
    assert lines[0].endswith(" passed, 0 failed")


def test_the_shipped_cases_cover_every_scored_item_of_the_set():
    cases = yaml.safe_load(SHIPPED_CASES.read_text(encoding="utf-8"))
    assert cases["criteria"] == "ref-commune-2023"
    covered = {str(case["item"]) for case in cases["cases"]}
    leaves = {node.id for node in load_criteria("ref-commune-2023").leaves()}
    assert leaves - covered == set()
    # and the outcomes a set can give, beside points
    outcomes = {case.get("outcome") for case in cases["cases"]}
    assert {"met", "partial", "unmet", "missing", "not_applicable", "outside"} <= outcomes


FAILING = """\
criteria: ref-commune-2023
cases:
  - item: "1.1.4"
    inputs: {done: 18, planned: 20}
    points: 1.5
    outcome: met
  - item: "1.1.4"
    inputs: {done: 19, planned: 20}
    points: 1.5
  - item: "3.7"
    inputs: {met: false}
    points: 0
    penalty: 0
"""


def test_a_failing_case_is_named_with_its_file_and_line(work):
    (work / "cases.yaml").write_text(FAILING, encoding="utf-8")
    result = run("criteria", "test", "ref-commune-2023", "cases.yaml", "--lang", "en")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "cases.yaml:3:5: expected 1.50 points (met), got 0.75 (partial): 90.00% (18/20), "
        "in the band from 70% to 90% [settest.failed]",
        '      - item: "1.1.4"',
        "        ^",
        "cases.yaml:10:5: expected a penalty of 0.00, got 0.25 [settest.failed-penalty]",
        '      - item: "3.7"',
        "        ^",
        "cases.yaml: 3 cases, 1 passed, 2 failed",
    ]


def test_the_summary_in_vietnamese_and_a_total_over_several_files(work):
    (work / "a.yaml").write_text(FAILING, encoding="utf-8")
    shutil.copy(SHIPPED_CASES, work / "b.yaml")
    result = run("criteria", "test", "ref-commune-2023", "a.yaml", "b.yaml")
    assert result.exit_code == 1
    assert "a.yaml:3:5: cần 1,50 điểm (đạt), được 0,75 điểm (đạt một phần)" in result.stdout
    assert "a.yaml: 3 trường hợp, 1 đạt, 2 không đạt" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("Tổng cộng: ")
    assert result.stdout.splitlines()[-1].endswith(" không đạt")


BAD = """\
criteria: ref-commune-2024
cases:
  - item: "3.2"
    inputs: {on_tme: 5, settled: 10}
    points: 1
  - item: "1.1"
    points: 1
  - item: "9.9.9"
    points: x
    outcom: met
  - item: "1.1.4"
    inputs: {done: 1,5, planned: 20}
    points: 1
    outcome: mett
  - item: "1.1.1"
    inputs: {status: soon}
    points: 1
  - item: "7.5"
    inputs: [1.5]
"""


def test_bad_input_is_located_in_the_case_file(work):
    (work / "bad.yaml").write_text(BAD, encoding="utf-8")
    result = run("criteria", "test", "ref-commune-2023", "bad.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert result.stdout == ""
    located = [
        line.split(" ")[0] + " " + line.rsplit(" ", 1)[1]
        for line in result.stderr.splitlines()
        if line.startswith("bad.yaml:")
    ]
    assert located == [
        "bad.yaml:1:11: [settest.other-set]",
        "bad.yaml:4:14: [evidence.unknown-input]",
        "bad.yaml:6:11: [evidence.not-scored]",
        "bad.yaml:8:11: [evidence.unknown-id]",
        "bad.yaml:9:13: [settest.bad-points]",
        "bad.yaml:10:5: [settest.unknown-key]",
        "bad.yaml:12:22: [value.comma-in-braces]",
        "bad.yaml:14:14: [settest.bad-outcome]",
        "bad.yaml:16:22: [value.choice]",
        "bad.yaml:18:5: [value.missing]",
        "bad.yaml:19:13: [settest.inputs-not-mapping]",
    ], result.stderr
    assert "(did you mean 'on_time'?)" in result.stderr
    assert "(did you mean 'outcome'?)" in result.stderr


def test_a_set_given_by_path_needs_its_cases(work):
    result = run("criteria", "test", str(SET_FILE), "--lang", "en")
    assert result.exit_code == 2
    assert "ships no test cases" in result.stderr
    shutil.copy(SHIPPED_CASES, work / "cases.yaml")
    assert run("criteria", "test", str(SET_FILE), "cases.yaml").exit_code == 0


def test_a_case_file_that_is_not_a_case_file(work):
    (work / "x.yaml").write_text("criteria: ref-commune-2023\ncases: []\n", encoding="utf-8")
    result = run("criteria", "test", "ref-commune-2023", "x.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert "x.yaml:2:8: the file needs a list 'cases:'" in result.stderr


# --- docs/formats.md, "Writing your province's set": its examples are what parscore reads ------

FORMATS = ROOT / "docs" / "formats.md"


def _chapter() -> str:
    text = FORMATS.read_text(encoding="utf-8")
    start = text.index("## Writing your province's set")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def _yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```\n", _chapter(), flags=re.S)


def _set_around(node: dict) -> dict:
    """The smallest set that holds ``node``: in a field, or in the survey."""
    head = {
        "id": "chapter-2024",
        "title": "Thử",
        "issuer": "Thử",
        "year": 2024,
        "version": "1",
        "bands": [{"name": "Một", "at_least": 0}],
        "penalty": {"points_each": 0.25, "cap": 5},
    }
    wrapped = {"id": "X", "name": "Nhóm", "max": node["max"], "children": [node]}
    if node.get("scored_by") == "outside":
        node["id"] = "X." + node["id"].split(".", 1)[1]
        wrapped["scored_by"] = "outside"
        field = {
            "id": "F",
            "name": "L",
            "max": 1,
            "children": [{"id": "F.1", "name": "A", "max": 1, "rule": {"kind": "pass_fail"}}],
        }
        split = {"appraisal": 1, "survey": node["max"]}
        return {
            **head,
            "total": node["max"] + 1,
            "split": split,
            "fields": [field],
            "survey": wrapped,
        }
    node["id"] = "X." + node["id"].split(".", 1)[-1]
    split = {"appraisal": node["max"], "survey": 0}
    return {**head, "total": node["max"], "split": split, "fields": [{**wrapped, "key": "x"}]}


def test_every_rule_in_the_chapter_loads(tmp_path: Path):

    nodes = [block for block in _yaml_blocks() if block.startswith("- id:")]
    assert len(nodes) >= 12  # one for each kind, and more
    for index, block in enumerate(nodes):
        (node,) = yaml.load(block, Loader=_DecimalLoader)
        path = tmp_path / f"set{index}.yaml"
        path.write_text(yaml.safe_dump(_plain(_set_around(node)), allow_unicode=True), "utf-8")
        result = run("validate", str(path), "--lang", "en")
        assert result.exit_code == 0, block + result.stdout + result.stderr


def test_the_chapter_names_every_rule_kind_and_leaves_nothing_for_later():
    from parscore.rules import KINDS

    chapter = _chapter()
    for kind in KINDS:
        assert f"`{kind}`" in chapter, kind
    # every form the chapter names is written out: no placeholder is left for later
    assert "TODO" not in chapter


def test_the_chapter_s_case_file_and_its_failure_are_what_parscore_does(work: Path):
    (case_block,) = [b for b in _yaml_blocks() if b.startswith("criteria: quang-tri-2024")]
    (work / "cases.yaml").write_text(case_block, encoding="utf-8")
    text = SET_FILE.read_text(encoding="utf-8")
    text = text.replace("\nid: ref-commune-2023\n", "\nid: quang-tri-2024\n")
    text = text.replace("\nyear: 2023\n", "\nyear: 2024\n")
    (work / "quang-tri-2024.yaml").write_text(text, encoding="utf-8")
    assert run("criteria", "test", "quang-tri-2024.yaml", "cases.yaml").exit_code == 0
    wrong = text.replace(
        "{at_least: 70, at_most: 90, points: 0.75}", "{at_least: 70, at_most: 90, points: 1}"
    )
    (work / "quang-tri-2024.yaml").write_text(wrong, encoding="utf-8")
    result = run("criteria", "test", "quang-tri-2024.yaml", "cases.yaml")
    assert result.exit_code == 1
    shown = re.search(r"```\n(cases\.yaml:3:5: .*?)```\n", _chapter(), flags=re.S)
    assert shown is not None
    assert result.stdout == shown.group(1)


class _DecimalLoader(yaml.SafeLoader):
    """Numbers as typed in the docs: 0.75 stays 0.75."""


_DecimalLoader.add_constructor(
    "tag:yaml.org,2002:float", lambda loader, node: Decimal(loader.construct_scalar(node))
)


def _plain(value):
    """Decimals back to YAML numbers as typed (safe_dump writes them as text otherwise)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    return value


def test_the_set_and_the_cases_the_wrong_way_round(work: Path):
    shutil.copy(SHIPPED_CASES, work / "cases.yaml")
    shutil.copy(SET_FILE, work / "set.yaml")
    result = run("criteria", "test", "cases.yaml", "set.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cases.yaml is a test case file, not a criteria set")
    result = run("criteria", "test", "ref-commune-2023", "set.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: set.yaml is a criteria set, not a test case file")


def test_the_chapter_quotes_criteria_show_as_it_writes_a_rule():
    shown = run("criteria", "show", "ref-commune-2023").stdout
    quoted = re.search(r'`criteria show` writes each rule in words \("(.*?)"\)', _chapter(), re.S)
    assert quoted is not None
    assert " ".join(quoted.group(1).split()) in " ".join(shown.split())


SET_LEVEL = ("bands:", "evidence_window:", "cap_total:", "parameters:")


def test_every_set_level_example_in_the_chapter_loads(tmp_path: Path):
    """The set-level examples (band conditions, the evidence window, the cap, parameters),
    written into a set that extends the reference set, load and validate."""
    blocks = [b for b in _yaml_blocks() if b.startswith(SET_LEVEL)]
    assert {b.split(":", 1)[0] for b in blocks} == {k.rstrip(":") for k in SET_LEVEL}
    base = yaml.safe_load(SET_FILE.read_text(encoding="utf-8"))
    for index, block in enumerate(blocks):
        given = yaml.safe_load(block)
        if "bands" in given:  # the conditions go on the reference set's bands of those names
            conditions = {b["name"]["vi"]: b["not_when"] for b in given["bands"]}
            given["bands"] = [
                {**b, "not_when": conditions[b["name"]["vi"]]}
                if b["name"]["vi"] in conditions
                else b
                for b in base["bands"]
            ]
            assert len(conditions) == 2
        head = {"extends": "ref-commune-2023", "id": f"thu-{index}", "title": "Thử", "version": "1"}
        path = tmp_path / f"thu-{index}.yaml"
        path.write_text(yaml.safe_dump({**head, **given}, allow_unicode=True), encoding="utf-8")
        result = run("validate", str(path), "--lang", "en")
        assert result.exit_code == 0, block + result.stdout + result.stderr
