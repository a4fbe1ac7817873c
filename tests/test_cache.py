"""The result cache: an unchanged re-run reads it; a change to the file or to its criteria
set is never served from it; a damaged cache is only a slower run."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore import batch
from parscore.cli import main
from parscore.yamlsource import DEFAULT_LIMITS

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "data" / "mini-set.yaml"
EVIDENCE = """\
unit: {name: Vĩnh Chấp, code: "19435", kind: xã, parents: [{level: district, name: Vĩnh Linh}]}
year: 2023
criteria: set.yaml
items:
  "1.3": {met: true, explanation: đủ người}
  "2.1": {on_time: 1150, received: 1200, documents: [{number: 2/BC, date: 01/12/2023}]}
"""


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(MINI, tmp_path / "set.yaml")
    (tmp_path / "a.yaml").write_text(EVIDENCE, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        EVIDENCE.replace("Vĩnh Chấp", "Vĩnh Long").replace("19435", "19436"), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def score(folder: Path, cache: Path | None):
    found = batch.find_files([folder])
    return batch.score_files(found.files, None, DEFAULT_LIMITS, cache_folder=cache)


def test_an_unchanged_run_is_served_from_the_cache(work, tmp_path_factory):
    cache = tmp_path_factory.mktemp("c")
    first = score(work, cache)
    second = score(work, cache)
    evidence = [s for s in first if not s.is_criteria]
    assert [s.cached for s in evidence] == [False, False]
    assert [s.cached for s in second if not s.is_criteria] == [True, True]
    assert [s.summary for s in second if not s.is_criteria] == [s.summary for s in evidence]


def test_a_changed_file_is_scored_again(work, tmp_path_factory):
    cache = tmp_path_factory.mktemp("c")
    score(work, cache)
    (work / "a.yaml").write_text(EVIDENCE.replace("1150", "1200"), encoding="utf-8")
    again = {Path(s.file).name: s for s in score(work, cache)}
    assert not again["a.yaml"].cached and again["b.yaml"].cached
    assert again["a.yaml"].summary.totals.index != again["b.yaml"].summary.totals.index


def test_a_changed_criteria_set_is_never_served_stale(work, tmp_path_factory):
    cache = tmp_path_factory.mktemp("c")
    before = {Path(s.file).name: s for s in score(work, cache)}
    text = (work / "set.yaml").read_text("utf-8").replace(
        "- {above: 90, points: 1.5}", "- {at_least: 90, points: 1.5}"
    ).replace("- {at_least: 70, at_most: 90, points: 0.75}", "- {at_least: 70, below: 90, points: 0.75}")
    (work / "set.yaml").write_text(text, encoding="utf-8")
    batch._resolver.cache_clear()  # a new run: the set is read again
    after = {Path(s.file).name: s for s in score(work, cache)}
    assert not after["a.yaml"].cached
    assert before["a.yaml"].cached is False


def test_no_cache_neither_reads_nor_fills(work, tmp_path_factory):
    assert all(not s.cached for s in score(work, None))
    assert all(not s.cached for s in score(work, None))


def test_a_damaged_cache_is_only_a_slower_run(work, tmp_path_factory):
    cache = tmp_path_factory.mktemp("c")
    first = score(work, cache)
    for entry in cache.rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    again = score(work, cache)
    assert [s.summary for s in again] == [s.summary for s in first]
    assert not any(s.cached for s in again)


def test_the_cli_gives_the_same_report_from_the_cache(work):
    runner = CliRunner()
    cold = runner.invoke(main, ["compare", ".", "--format", "json"])
    warm = runner.invoke(main, ["compare", ".", "--format", "json"])
    bypass = runner.invoke(main, ["compare", ".", "--format", "json", "--no-cache"])
    assert cold.exit_code == warm.exit_code == bypass.exit_code == 0, cold.stderr
    assert cold.stdout == warm.stdout == bypass.stdout
    assert json.loads(cold.stdout)["groups"][0]["ranking"][0]["of"] == 2
