"""Comparing files without the command line (parscore.batch.compare_paths), the format
registry that feeds every --format, band ids, and the private atomic write the cache uses."""

from __future__ import annotations

import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from parscore import batch, formats
from parscore.cli import main
from parscore.compare import compare, outline_of, summarize
from parscore.engine import evaluate
from parscore.errors import UsageError
from parscore.loading import CriteriaResolver, load_evidence
from parscore.model.common import Text
from parscore.model.criteria import ClassBand, band_slug
from parscore.output import write_private
from parscore.yamlsource import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "evidence"
MINI = ROOT / "tests" / "data" / "mini-set.yaml"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("vinh-chap", "vinh-long", "ho-xa"):
        shutil.copy(EXAMPLES / f"{name}-2023.yaml", tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- compare_paths: what `parscore compare` decides, without printing -------------------------


def test_compare_paths_ranks_and_says_nothing_was_left_out(folder):
    run = batch.compare_paths([Path(".")], None, DEFAULT_LIMITS)
    assert run.comparison is not None and run.comparison.compared == 3
    assert run.problems == [] and run.refusal is None and not run.left_out
    assert sorted(p.name for p in run.read) == [  # the shipped set is read from the package
        "ho-xa-2023.yaml",
        "vinh-chap-2023.yaml",
        "vinh-long-2023.yaml",
    ]


def test_a_broken_file_is_left_out_with_its_problems(folder):
    (folder / "broken.yaml").write_text("unit: [\n", encoding="utf-8")
    run = batch.compare_paths([Path(".")], None, DEFAULT_LIMITS)
    assert run.comparison is not None and run.comparison.compared == 3
    assert run.left_out
    assert [e.file for e in run.comparison.excluded] == ["broken.yaml"]
    assert {p.file for p in run.problems} == {"broken.yaml"}


def test_a_criteria_set_in_the_folder_is_skipped_but_named_is_left_out(folder):
    shutil.copy(MINI, folder / "set.yaml")
    skipped = batch.compare_paths([Path(".")], None, DEFAULT_LIMITS)
    assert skipped.comparison is not None and not skipped.left_out and skipped.problems == []
    named = batch.compare_paths([Path("."), Path("set.yaml")], None, DEFAULT_LIMITS)
    assert named.comparison is not None and named.left_out
    assert [e.file for e in named.comparison.excluded] == ["set.yaml"]


def test_files_that_cannot_be_compared_are_a_refusal_after_the_problems(folder):
    shutil.copy(folder / "vinh-chap-2023.yaml", folder / "zz-copy.yaml")
    (folder / "broken.yaml").write_text("unit: [\n", encoding="utf-8")
    run = batch.compare_paths([Path(".")], None, DEFAULT_LIMITS)
    assert run.comparison is None and run.refusal is not None
    assert run.refusal.code == "compare.duplicate-unit"
    assert {p.file for p in run.problems} == {"broken.yaml"}


def test_only_broken_files_give_no_comparison_and_nothing_at_all_is_refused(tmp_path):
    (tmp_path / "broken.yaml").write_text("unit: [\n", encoding="utf-8")
    run = batch.compare_paths([tmp_path], None, DEFAULT_LIMITS)
    assert run.comparison is None and run.refusal is None and run.problems
    (tmp_path / "broken.yaml").unlink()
    with pytest.raises(UsageError) as caught:
        batch.compare_paths([tmp_path], None, DEFAULT_LIMITS)
    assert caught.value.code == "batch.nothing"
    # the folder searched is named: which of several was empty is not a guess
    assert caught.value.message("en") == (
        f"no evidence file to compare in {tmp_path.as_posix()} (.yaml files, .xlsx score sheets "
        "or commune folders)"
    )


# --- the format registry ---------------------------------------------------------------------


def _choices(command: str) -> list[str]:
    params = {p.name: p for p in main.commands[command].params}
    return list(params["fmt"].type.choices)  # type: ignore[attr-defined]


def test_every_format_option_is_fed_by_the_registry():
    assert _choices("evaluate") == formats.names("result") == formats.names("todo")
    assert _choices("compare") == formats.names("comparison")
    assert _choices("plan") == formats.names("plan")


@pytest.mark.parametrize("subject", ["result", "todo", "comparison", "plan"])
def test_every_registered_reporter_is_there(subject):
    for name in formats.names(subject):
        assert callable(formats.get(subject, name).reporter()), (subject, name)


def test_what_the_registry_says_of_each_format():
    binary = {(s, n) for s in ("result", "todo", "comparison", "plan") for n in formats.names(s)}
    binary = {(s, n) for s, n in binary if formats.get(s, n).binary}  # type: ignore[arg-type]
    assert binary == {("comparison", "xlsx"), ("plan", "docx")}
    assert [n for n in formats.names("comparison") if formats.get("comparison", n).bom] == ["csv"]
    shown = [n for n in formats.names("result") if formats.get("result", n).shows_warnings]
    assert shown == ["table", "markdown"]
    assert not any(formats.get("todo", n).shows_warnings for n in formats.names("todo"))
    with pytest.raises(ValueError, match="twice"):
        formats.register("plan", "json", "parscore.report.plan_text", "to_json")


def test_the_command_line_imports_no_reporter_nor_pydantic():
    code = (
        "import sys, parscore.cli; print(sorted(m for m in sys.modules if 'pydantic' in m "
        "or m.startswith('parscore.report')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- band ids ----------------------------------------------------------------------------------


def test_a_band_id_is_given_or_made_from_its_name():
    assert band_slug(Text(vi="Xuất sắc", en="Excellent")) == "excellent"
    assert band_slug(Text(vi="Trung bình")) == "trung-binh"
    assert band_slug(Text(vi="Đạt", en="Very good!")) == "very-good"
    band = ClassBand.model_validate({"id": "a1", "name": {"vi": "Tốt"}, "at_least": 80})
    assert band.band_id == "a1"
    with pytest.raises(ValueError):
        ClassBand.model_validate({"id": "Not An Id", "name": "Tốt", "at_least": 80})


def test_bands_are_counted_by_id_not_by_their_vietnamese_name(folder):
    resolver = CriteriaResolver()
    results = [
        evaluate(load_evidence(folder / f"{name}-2023.yaml", resolver))
        for name in ("vinh-chap", "vinh-long")
    ]
    # two bands that share a Vietnamese name: each commune is counted in its own
    one, other = Text(vi="Tốt", en="Good"), Text(vi="Tốt", en="Quite good")
    summaries = [
        summary.model_copy(update={"totals": summary.totals.model_copy(update={"band": band})})
        for summary, band in zip(map(summarize, results), (one, other), strict=True)
    ]
    shape = outline_of(results[0].fields, [one, other])
    assert [b.id for b in shape.bands] == ["good", "quite-good"]
    (group,) = compare(summaries, outline=shape, group_by="none").groups
    assert [(b.band.en, b.count) for b in group.bands] == [("Good", 1), ("Quite good", 1)]


# --- the private atomic write (the cache's) ------------------------------------------------------


def test_write_private_is_atomic_and_0600(tmp_path):
    target = tmp_path / "entry.json"
    write_private(target, b"one")
    write_private(target, b"two")
    assert target.read_bytes() == b"two"
    if hasattr(__import__("os"), "geteuid"):
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["entry.json"]  # no temporary file left
    with pytest.raises(OSError):
        write_private(tmp_path / "missing" / "entry.json", b"x")
