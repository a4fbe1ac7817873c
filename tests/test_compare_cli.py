"""`parscore compare` as a Department of Home Affairs uses it: folders of communes, broken files
among them, refusals, processes, formats."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "evidence"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The six example communes, in two district folders."""
    for name in ("vinh-chap", "vinh-long", "ho-xa"):
        (tmp_path / "vinh-linh").mkdir(exist_ok=True)
        shutil.copy(EXAMPLES / f"{name}-2023.yaml", tmp_path / "vinh-linh")
    for name in ("que-minh", "que-xuan-1", "dong-phu"):
        (tmp_path / "que-son").mkdir(exist_ok=True)
        shutil.copy(EXAMPLES / f"{name}-2023.yaml", tmp_path / "que-son")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    return tmp_path


def test_ranks_every_commune_per_district(folder):
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "PAR INDEX comparison — ref-commune-2023 (6 units)" in out
    assert "Quế Sơn district: ranking" in out and "Vĩnh Linh district: ranking" in out
    assert "1/3  Hồ Xá" in out and "3/3  Đông Phú" in out
    assert "Mean index 84.42%, median 84.41%" in out


def test_json_groups_and_ranks(folder):
    data = json.loads(run("compare", ".", "--format", "json").stdout)
    assert data["group_by"] == "district"
    assert [g["name"] for g in data["groups"]] == ["Quế Sơn", "Vĩnh Linh"]
    ranks = [(r["rank"], r["of"], r["unit"]["name"]) for r in data["groups"][1]["ranking"]]
    assert ranks == [(1, 3, "Hồ Xá"), (2, 3, "Vĩnh Chấp"), (3, 3, "Vĩnh Long")]


def test_group_by_none_and_province(folder):
    data = json.loads(run("compare", ".", "--format", "json", "--group-by", "none").stdout)
    assert [g["name"] for g in data["groups"]] == [None]
    assert data["groups"][0]["ranking"][0]["of"] == 6
    data = json.loads(run("compare", ".", "--format", "json", "--group-by", "province").stdout)
    assert [g["name"] for g in data["groups"]] == ["Quảng Nam", "Quảng Trị"]


def test_a_broken_file_is_reported_and_the_others_still_ranked(folder):
    bad = folder / "que-son" / "zz-broken.yaml"
    bad.write_text(
        (folder / "que-son" / "que-minh-2023.yaml")
        .read_text("utf-8")
        .replace("Quế Minh", "Quế Phú")
        .replace('code: "20662"', 'code: "20663"')
        .replace("year: 2023", "year: 2023\nyear: 2024"),
        encoding="utf-8",
    )
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 1
    assert "que-son/zz-broken.yaml:" in result.stderr and "[yaml.duplicate-key]" in result.stderr
    assert "(6 units)" in result.stdout  # the six others are ranked
    assert "Files left out of the comparison" in result.stdout
    assert "que-son/zz-broken.yaml" in result.stdout.split("Files left out")[1]
    assert "Traceback" not in result.stderr


def test_files_on_different_sets_are_refused_by_name(folder):
    (folder / "set.yaml").write_text(
        (ROOT / "tests" / "data" / "mini-set.yaml").read_text("utf-8"), encoding="utf-8"
    )
    (folder / "mini-ev.yaml").write_text(
        "unit: {name: X, kind: xã}\nyear: 2023\ncriteria: set.yaml\n", encoding="utf-8"
    )
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 2
    assert "different criteria sets" in result.stderr
    assert (
        "mini-2023 1: mini-ev.yaml; ref-commune-2023 1.0: que-son/dong-phu-2023.yaml"
        in result.stderr
    )
    assert "set.yaml" not in result.stderr  # a criteria set found in the folder is skipped


def test_a_criteria_set_named_as_a_commune_is_reported(folder):
    (folder / "set.yaml").write_text(
        (ROOT / "tests" / "data" / "mini-set.yaml").read_text("utf-8"), encoding="utf-8"
    )
    result = run("compare", "que-son", "set.yaml", "--lang", "en")
    assert result.exit_code == 1
    assert "set.yaml is a criteria set, not an evidence file" in result.stderr


def test_two_files_for_one_unit_and_year_are_refused(folder):
    shutil.copy(folder / "que-son" / "que-minh-2023.yaml", folder / "copy.yaml")
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 2
    assert "Quế Minh 2023 has two files:" in result.stderr
    assert "copy.yaml" in result.stderr and "que-minh-2023.yaml" in result.stderr


def test_two_processes_give_the_same_output(folder):
    one = run("compare", ".", "--format", "json")
    two = run("compare", ".", "--format", "json", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_csv_one_row_per_commune_with_a_bom_in_files(folder):
    out = run("compare", ".", "--format", "csv").stdout
    lines = out.splitlines()
    assert lines[0].startswith("group,rank,of,name,code,kind,source,index,band")
    assert len(lines) == 7
    assert run("compare", ".", "--format", "csv", "--output", "out.csv").exit_code == 0
    assert (folder / "out.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_xlsx_needs_an_output_file(folder):
    result = run("compare", ".", "--format", "xlsx", "--lang", "en")
    assert result.exit_code == 2
    assert "--output" in result.stderr


def test_output_is_deterministic(folder):
    for fmt in ("table", "markdown", "csv", "json"):
        assert (
            run("compare", ".", "--format", fmt).stdout
            == run("compare", ".", "--format", fmt).stdout
        )


@pytest.mark.skipif(os.name == "nt", reason="symbolic links")
def test_link_loops_unreadable_files_and_yaml_named_folders(folder):
    os.symlink(folder / "que-son", folder / "que-son" / "loop")
    (folder / "x.yaml").mkdir()  # a folder named like a file: searched, not read
    shutil.copy(EXAMPLES / "vinh-chap-2023.yaml", folder / "x.yaml" / "inside.yaml")
    unreadable = folder / "locked.yaml"
    unreadable.write_text("unit: {}\n", encoding="utf-8")
    unreadable.chmod(0)
    os.symlink(folder / "missing.yaml", folder / "dangling.yaml")
    try:
        result = run("compare", ".", "--lang", "en")
    finally:
        unreadable.chmod(0o644)
    assert result.exit_code in (1, 2), result.stderr
    err = result.stderr
    assert "a link loop" in err
    assert "dangling.yaml: a link to a file that does not exist" in err
    if os.geteuid() != 0:  # root reads any file
        assert "locked.yaml: cannot read the file" in err
    # x.yaml/inside.yaml is the same unit as vinh-linh/vinh-chap-2023.yaml: refused by name
    assert "Vĩnh Chấp 2023 has two files" in err


def test_nothing_to_compare(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 2
    assert "no .yaml file to compare" in result.stderr


def test_progress_never_reaches_stdout(folder):
    # CliRunner's stderr is not a terminal: no bar at all; and the data on stdout is clean
    result = run("compare", ".", "--format", "csv")
    assert "Scoring" not in result.stdout and "Đang chấm" not in result.stdout


def _with_code(folder: Path, code_line: str, name: str) -> Path:
    text = (folder / "que-son" / "que-minh-2023.yaml").read_text("utf-8")
    copy = folder / name
    copy.write_text(text.replace('code: "20662"', code_line, 1), encoding="utf-8")
    return copy


def test_a_code_with_spaces_around_it_is_the_same_unit(folder):
    _with_code(folder, 'code: " 20662 "', "copy.yaml")
    result = run("compare", ".", "--lang", "en")
    assert result.exit_code == 2
    assert "Quế Minh 2023 has two files:" in result.stderr


def test_a_code_with_an_invisible_character_is_refused_where_it_is(folder):
    _with_code(folder, 'code: "\u200b20662"', "zwsp.yaml")
    result = run("compare", ".", "--lang", "en", "--format", "json")
    assert result.exit_code == 1  # the file is left out, the others ranked
    assert (
        "zwsp.yaml:29:9: '<U+200B>20662' holds the invisible character U+200B at position 1: "
        "type the code again, digits only [value.invisible-char]" in result.stderr
    )
    ranked = [r["unit"]["name"] for g in json.loads(result.stdout)["groups"] for r in g["ranking"]]
    assert ranked.count("Quế Minh") == 1
