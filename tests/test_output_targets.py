"""Where parscore writes: never over a file it read in the same run (however it is named: a
folder's file, the criteria set an evidence file names, a hard link, a symbolic link), never
over a special file, and with the permissions any program gives a new file."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).parent / "data"
EXAMPLES = ROOT / "evidence"

EVIDENCE = """\
unit: {name: Vĩnh Chấp, code: "19435", kind: xã, parents: [{level: district, name: Vĩnh Linh}]}
year: 2023
criteria: set.yaml
items:
  "1.1":
    documents: [{number: 10/KH-UBND, date: 06/02/2023}]
survey:
  S.1: {satisfied: 412, responses: 450}
"""

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX modes, links and FIFOs")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(DATA / "mini-set.yaml", tmp_path / "set.yaml")
    (tmp_path / "ev.yaml").write_text(EVIDENCE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    return tmp_path


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "ev").mkdir()
    for name in ("vinh-chap", "vinh-long", "ho-xa"):
        shutil.copy(EXAMPLES / f"{name}-2023.yaml", tmp_path / "ev")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    return tmp_path


def _refused_as_input(result, before: bytes, path: Path) -> None:
    assert result.exit_code == 2, result.output
    # a .yaml output is refused by its name too, before any work, when the input it would
    # replace is read only later (the criteria set): either refusal keeps the file
    assert "is one of the input files" in result.stderr or (
        "the suffix .yaml does not fit" in result.stderr and path.suffix == ".yaml"
    )
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


# --- class 9: inputs -----------------------------------------------------------------------


def test_compare_never_replaces_a_file_found_in_a_folder(folder):
    target = folder / "ev" / "vinh-long-2023.yaml"
    before = target.read_bytes()
    result = run("compare", "ev", "-o", "ev/vinh-long-2023.yaml", "--force", "--lang", "en")
    _refused_as_input(result, before, target)


def test_compare_with_processes_never_replaces_a_file_found_in_a_folder(folder):
    target = folder / "ev" / "ho-xa-2023.yaml"
    before = target.read_bytes()
    result = run("compare", "ev", "-o", str(target), "--force", "--jobs", "2", "--lang", "en")
    _refused_as_input(result, before, target)


def test_compare_never_replaces_the_criteria_set_it_read(folder):
    shutil.copy(ROOT / "criteria" / "ref-commune-2023.yaml", folder / "set.yaml")
    before = (folder / "set.yaml").read_bytes()
    for jobs in ("1", "2"):
        result = run(
            "compare", "ev", "--criteria", "./set.yaml", "-o", "set.yaml", "--force",
            "--jobs", jobs, "--lang", "en",
        )  # fmt: skip
        _refused_as_input(result, before, folder / "set.yaml")


def test_evaluate_never_replaces_the_criteria_set_the_evidence_names(work):
    before = (work / "set.yaml").read_bytes()
    result = run("evaluate", "ev.yaml", "-o", "set.yaml", "--force", "--lang", "en")
    _refused_as_input(result, before, work / "set.yaml")


def test_plan_never_replaces_the_criteria_set_the_evidence_names(work):
    before = (work / "set.yaml").read_bytes()
    result = run("plan", "ev.yaml", "-o", "set.yaml", "--force", "--lang", "en")
    _refused_as_input(result, before, work / "set.yaml")


def test_template_never_replaces_the_set_it_reads(work):
    before = (work / "set.yaml").read_bytes()
    result = run(
        "template", "--criteria", "./set.yaml", "--unit", "X", "--output", "set.yaml",
        "--force", "--lang", "en",
    )  # fmt: skip
    _refused_as_input(result, before, work / "set.yaml")


@posix_only
def _set_txt_kept(source: Path, *command: str) -> None:
    # named .txt, the set passes the name check made before any work: the check made when the
    # output is written (every file read in the run) refuses it
    shutil.copy(source, "set.txt")
    before = Path("set.txt").read_bytes()
    result = run(*command, "--criteria", "./set.txt", "-o", "set.txt", "--force", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "the output set.txt is one of the input files" in result.stderr
    assert Path("set.txt").read_bytes() == before


def test_evaluate_never_replaces_a_criteria_set_read_during_the_run(work):
    _set_txt_kept(DATA / "mini-set.yaml", "evaluate", "ev.yaml")


def test_compare_never_replaces_a_criteria_set_read_during_the_run(folder):
    _set_txt_kept(ROOT / "criteria" / "ref-commune-2023.yaml", "compare", "ev")


def test_a_hard_link_or_a_symlink_to_an_input_is_the_input(work):
    os.link(work / "ev.yaml", work / "hard.yaml")
    os.symlink("set.yaml", work / "soft.yaml")
    for target in ("hard.yaml", "soft.yaml"):
        before = (work / target).read_bytes()
        result = run("evaluate", "ev.yaml", "-o", target, "--force", "--lang", "en")
        _refused_as_input(result, before, work / target)
    assert (work / "soft.yaml").is_symlink()


def test_force_still_replaces_an_earlier_output(work):
    assert run("evaluate", "ev.yaml", "-o", "out.txt").exit_code == 0
    assert run("evaluate", "ev.yaml", "-o", "out.txt", "--force", "--lang", "en").exit_code == 0
    assert "Điểm" not in (work / "out.txt").read_text(encoding="utf-8")


# --- class 10: the output file itself -----------------------------------------------------


@posix_only
def test_a_new_output_gets_the_usual_mode(work):
    old = os.umask(0o022)
    try:
        assert run("evaluate", "ev.yaml", "-o", "out.txt").exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((work / "out.txt").stat().st_mode) == 0o644


@posix_only
def test_force_keeps_an_existing_outputs_mode(work):
    (work / "out.txt").write_text("old")
    os.chmod(work / "out.txt", 0o640)
    assert run("evaluate", "ev.yaml", "-o", "out.txt", "--force").exit_code == 0
    assert stat.S_IMODE((work / "out.txt").stat().st_mode) == 0o640
    assert (work / "out.txt").read_text(encoding="utf-8") != "old"


@posix_only
def test_a_fifo_is_never_replaced(work):
    os.mkfifo(work / "pipe")
    for force in ([], ["--force"]):
        result = run("evaluate", "ev.yaml", "-o", "pipe", *force, "--lang", "en")
        assert result.exit_code == 2, result.output
        assert "pipe is not a regular file (a FIFO)" in result.stderr
        assert stat.S_ISFIFO(os.lstat(work / "pipe").st_mode)
    assert sorted(os.listdir(work)) == ["ev.yaml", "pipe", "set.yaml"]


@posix_only
def test_a_socket_is_never_replaced(work):
    # (not /dev/null: a regression run as root would replace the machine's /dev/null)
    import socket

    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind("sock")
        result = run("evaluate", "ev.yaml", "-o", "sock", "--force", "--lang", "en")
        assert result.exit_code == 2, result.output
        assert "sock is not a regular file (a socket)" in result.stderr
        assert stat.S_ISSOCK(os.lstat(work / "sock").st_mode)
    finally:
        server.close()


@posix_only
def test_a_dangling_link_is_not_replaced_without_force(work):
    os.symlink("reports/out.txt", work / "latest.txt")
    result = run("evaluate", "ev.yaml", "-o", "latest.txt", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert "latest.txt is a link to reports/out.txt, which does not exist" in result.stderr
    assert os.readlink(work / "latest.txt") == "reports/out.txt"
    (work / "reports").mkdir()
    assert run("evaluate", "ev.yaml", "-o", "latest.txt", "--force").exit_code == 0
    assert (work / "latest.txt").is_symlink()  # written through the link, as a shell does
    assert "Vĩnh Chấp" in (work / "reports" / "out.txt").read_text(encoding="utf-8")


@posix_only
def test_force_writes_through_a_link_to_its_target(work):
    (work / "reports").mkdir()
    (work / "reports" / "2023.txt").write_text("old")
    os.chmod(work / "reports" / "2023.txt", 0o604)
    os.symlink("reports/2023.txt", work / "latest.txt")
    result = run("evaluate", "ev.yaml", "-o", "latest.txt", "--lang", "en")
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert run("evaluate", "ev.yaml", "-o", "latest.txt", "--force").exit_code == 0
    assert os.readlink(work / "latest.txt") == "reports/2023.txt"
    assert "Vĩnh Chấp" in (work / "reports" / "2023.txt").read_text(encoding="utf-8")
    assert stat.S_IMODE((work / "reports" / "2023.txt").stat().st_mode) == 0o604
    assert sorted(os.listdir(work / "reports")) == ["2023.txt"]


# --- the output's name says what is written ------------------------------------------------


def test_the_name_chooses_the_format_when_none_is_given(folder):
    assert run("compare", "ev", "-o", "c.xlsx").exit_code == 0
    assert Path("c.xlsx").read_bytes()[:2] == b"PK"  # a workbook, not a table named .xlsx
    assert run("compare", "ev", "-o", "c.html").exit_code == 0
    assert Path("c.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert run("evaluate", "ev/ho-xa-2023.yaml", "-o", "r.json").exit_code == 0
    assert Path("r.json").read_text(encoding="utf-8").startswith("{")
    assert run("evaluate", "ev/ho-xa-2023.yaml", "-o", "r.txt").exit_code == 0
    assert "Chỉ số CCHC" in Path("r.txt").read_text(encoding="utf-8")  # the table


@pytest.mark.parametrize(
    ("command", "name", "given", "written"),
    [
        (("evaluate", "ev/ho-xa-2023.yaml"), "r.pdf", None, "table"),
        (("evaluate", "ev/ho-xa-2023.yaml"), "r.xlsx", None, "table"),  # evaluate has no xlsx
        (("evaluate", "ev/ho-xa-2023.yaml"), "r.json", "table", "table"),
        (("evaluate", "ev/ho-xa-2023.yaml"), "copy.yaml", None, "table"),
        (("compare", "ev"), "c.xlsx", "csv", "csv"),
        (("compare", "ev"), "c.docx", None, "table"),
        (("plan", "ev/ho-xa-2023.yaml"), "p.xlsx", None, "text"),
        (("plan", "ev/ho-xa-2023.yaml"), "p.md", "docx", "docx"),
        (
            ("plan-year", "--criteria", "ref-commune-2023", "--unit", "Hồ Xá"),
            "k.json",
            None,
            "text",
        ),
    ],
)
def test_a_name_that_says_another_format_is_refused(folder, command, name, given, written):
    extra = ["--format", given] if given else []
    result = run(*command, "-o", name, *extra, "--lang", "en")
    assert result.exit_code == 2, result.output
    suffix = Path(name).suffix
    assert f"error: {name}: the suffix {suffix} does not fit the {written} format" in result.stderr
    assert "this command writes: " in result.stderr
    assert not Path(name).exists()


def test_text_for_people_goes_under_txt_or_md(folder):
    assert run("evaluate", "ev/ho-xa-2023.yaml", "--format", "table", "-o", "r.md").exit_code == 0
    assert run("plan", "ev/ho-xa-2023.yaml", "--format", "markdown", "-o", "p.txt").exit_code == 0
    assert "**ỦY BAN NHÂN DÂN**" in Path("p.txt").read_text(encoding="utf-8")  # Markdown, as asked


def test_a_missing_output_folder_is_told_before_any_work(folder):
    # review reads and warns about every file before it writes (Đông Phú has a document
    # without a date): the folder is checked first
    shutil.copy(EXAMPLES / "dong-phu-2023.yaml", "ev")
    result = run("review", "ev", "-o", "nowhere/r.json", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: cannot write nowhere/r.json: there is no folder nowhere (create it first)\n"
    )
    # a template written as a folder makes the folders it needs
    made = run("template", "--criteria", "ref-commune-2023", "--unit", "Hồ Xá", "--folder",
               "-o", "nowhere/ho-xa")  # fmt: skip
    assert made.exit_code == 0, made.output
    assert Path("nowhere/ho-xa/commune.yaml").is_file()


@pytest.mark.parametrize(
    ("command", "name", "kind"),
    [
        (("appraisal", "init", "ev/ho-xa-2023.yaml"), "a.pdf", "a YAML file, .yaml"),
        (("appraisal", "init", "ev/ho-xa-2023.yaml"), "a.json", "a YAML file, .yaml"),
        (("schema", "result"), "s.yaml", "a JSON file, .json"),
        (("schema", "evidence", "--criteria", "ref-commune-2023"), "s.pdf", "a JSON file, .json"),
        (("criteria", "diff", "ref-commune-2023", "ref-commune-2025"), "cw.docx", "a YAML file"),
    ],
)
def test_yaml_and_json_files_are_named_so(folder, command, name, kind):
    result = run(*command, "-o", name, "--lang", "en")
    assert result.exit_code == 2, result.output
    assert f"{name}: the name does not fit what is written into it ({kind}" in result.stderr
    assert not Path(name).exists()


def test_an_output_named_as_a_folder_is_refused_not_written_as_a_file(folder):
    # pathlib drops the trailing separator: "newdir/" would be written as a file "newdir"
    for command in (("plan", "ev/ho-xa-2023.yaml"), ("compare", "ev")):
        result = run(*command, "-o", "newdir/", "--lang", "en")
        assert result.exit_code == 2
        assert "newdir/ names a folder (it ends with /)" in result.stderr
        assert not Path("newdir").exists()
    # template and convert may write a folder (--folder), which may be named so; a file not
    for command in (
        ("template", "--criteria", "ref-commune-2023", "--unit", "X"),
        ("convert", "ev/ho-xa-2023.yaml"),
    ):
        refused = run(*command, "-o", "newdir/", "--lang", "en")
        assert refused.exit_code == 2
        assert "newdir/ names a folder (it ends with /)" in refused.stderr
        assert not Path("newdir").exists()
    made = run("template", "--criteria", "ref-commune-2023", "--unit", "X", "--folder", "-o", "t/")
    assert made.exit_code == 0, made.output
    assert Path("t/commune.yaml").is_file()
