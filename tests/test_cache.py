"""The result cache: an unchanged re-run reads it; a change to the file or to its criteria
set is never served from it; a damaged cache is only a slower run."""

from __future__ import annotations

import json
import os
import shutil
import stat
from decimal import Decimal
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
    text = (
        (work / "set.yaml")
        .read_text("utf-8")
        .replace("- {above: 90, points: 1.5}", "- {at_least: 90, points: 1.5}")
        .replace(
            "- {at_least: 70, at_most: 90, points: 0.75}",
            "- {at_least: 70, below: 90, points: 0.75}",
        )
    )
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


# ---------------------------------------------------------------------------------------------
# an entry covers everything the result depends on


def fresh_run() -> None:
    """What a new process starts with: no set read, no cache folder checked yet."""
    batch._resolver.cache_clear()
    batch._cache.cache_clear()


def index_of(folder: Path, cache: Path | None, name: str = "a.yaml"):
    fresh_run()
    found = {Path(s.file).name: s for s in score(folder, cache)}
    return found[name].summary.totals.index, found[name].cached


def test_a_copied_folder_with_an_edited_set_is_scored_with_its_own_set(
    work, tmp_path_factory, monkeypatch
):
    # the same evidence bytes, the same file name, the same set id and version: only the set
    # beside the file differs. The cache once served the first folder's score for both.
    cache = tmp_path_factory.mktemp("c")
    first, _ = index_of(Path("."), cache)
    copy = tmp_path_factory.mktemp("copy") / "folder"
    shutil.copytree(work, copy)
    text = (copy / "set.yaml").read_text("utf-8")
    # a change that moves the score: 2.1 counts 2 points for any share, whatever it is
    (copy / "set.yaml").write_text(
        text.replace(
            "rule: {kind: proportional, part: on_time, total: received}",
            "rule:\n          kind: bands\n          part: on_time\n          total: received\n"
            "          bands:\n            - {at_least: 99, points: 4}\n"
            "            - {below: 99, points: 2}",
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(copy)
    uncached, _ = index_of(Path("."), None)
    assert uncached != first
    again, cached = index_of(Path("."), cache)
    assert (again, cached) == (uncached, False)
    assert index_of(Path("."), cache) == (uncached, True)  # and its own entry serves it next
    monkeypatch.chdir(work)
    assert index_of(Path("."), cache)[0] == first


def test_a_copied_folder_with_the_same_set_may_share_the_entry(work, tmp_path_factory, monkeypatch):
    cache = tmp_path_factory.mktemp("c")
    first, _ = index_of(Path("."), cache)
    copy = tmp_path_factory.mktemp("copy") / "folder"
    shutil.copytree(work, copy)
    monkeypatch.chdir(copy)
    fresh_run()
    scored = {Path(s.file).name: s for s in score(Path("."), cache)}
    assert (scored["a.yaml"].summary.totals.index, scored["a.yaml"].cached) == (first, True)
    assert scored["a.yaml"].criteria_location == str((copy / "set.yaml").resolve())


def test_a_criteria_override_is_taken_from_the_working_folder(work, tmp_path_factory, monkeypatch):
    cache = tmp_path_factory.mktemp("c")
    other = tmp_path_factory.mktemp("other")
    shutil.copy(work / "set.yaml", other / "set.yaml")
    text = (other / "set.yaml").read_text("utf-8")
    (other / "set.yaml").write_text(
        text.replace(
            "rule: {kind: pass_fail, penalty_when_unmet: 0.25}", "rule: {kind: pass_fail}"
        ),
        encoding="utf-8",
    )
    files = [work / "a.yaml"]

    def run() -> tuple[str, bool]:
        fresh_run()
        (done,) = batch.score_files(files, "set.yaml", DEFAULT_LIMITS, cache_folder=cache)
        return done.criteria_location, done.cached

    assert run() == (str((work / "set.yaml").resolve()), False)
    monkeypatch.chdir(other)
    assert run() == (str((other / "set.yaml").resolve()), False)
    assert run() == (str((other / "set.yaml").resolve()), True)


def _entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.json"))


def test_an_entry_is_checked_against_what_it_claims_to_be(work, tmp_path_factory):
    cache = tmp_path_factory.mktemp("c")
    index_of(work, cache)
    entries = {json.loads(p.read_bytes())["summary"]["source"]: p for p in _entries(cache)}
    a_entry = next(p for name, p in entries.items() if name.endswith("a.yaml"))
    b_entry = next(p for name, p in entries.items() if name.endswith("b.yaml"))
    # b's entry (another file's digest) put under a's name: not used for a
    a_entry.write_bytes(b_entry.read_bytes())
    index, cached = index_of(work, cache)
    assert not cached
    # an entry written by another version of parscore: not used
    data = json.loads(a_entry.read_bytes())
    data["version"] = "0.0.0"
    a_entry.write_text(json.dumps(data), encoding="utf-8")
    assert index_of(work, cache) == (index, False)


# ---------------------------------------------------------------------------------------------
# a cache others can write is never trusted

posix_only = pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX owners and modes")


@posix_only
def test_the_cache_folder_is_private(work, tmp_path_factory):
    root = tmp_path_factory.mktemp("home") / "cache" / "parscore"
    index_of(work, root)
    assert stat.S_IMODE(root.stat().st_mode) == 0o700
    for folder in [p for p in root.rglob("*") if p.is_dir()]:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert _entries(root)
    for entry in _entries(root):
        assert stat.S_IMODE(entry.stat().st_mode) == 0o600, entry


def _plant(cache: Path, index: str) -> list[Path]:
    """What another user could do to a shared cache: every entry says 99.99."""
    planted = []
    for entry in _entries(cache):
        data = json.loads(entry.read_bytes())
        data["summary"]["totals"]["index"] = index
        entry.write_text(json.dumps(data), encoding="utf-8")
        planted.append(entry)
    return planted


@posix_only
@pytest.mark.parametrize("what", ["entry", "shard", "layout", "root"])
def test_an_entry_or_folder_others_can_write_is_not_used(work, tmp_path_factory, what):
    cache = tmp_path_factory.mktemp("c")
    os.chmod(cache, 0o700)
    honest, _ = index_of(work, cache)
    planted = _plant(cache, "99.99")
    assert index_of(work, cache) == (Decimal("99.99"), True)  # own entries are used...
    targets = {
        "entry": planted,
        "shard": [p.parent for p in planted],
        "layout": [planted[0].parent.parent],
        "root": [cache],
    }[what]
    for target in targets:
        os.chmod(target, stat.S_IMODE(target.stat().st_mode) | stat.S_IWGRP | stat.S_IWOTH)
    assert index_of(work, cache) == (honest, False)  # ...not once others can write them


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() != 0, reason="chown needs root")
def test_an_entry_owned_by_another_user_is_not_used(work, tmp_path_factory):
    cache = tmp_path_factory.mktemp("c")
    honest, _ = index_of(work, cache)
    for entry in _plant(cache, "99.99"):
        os.chown(entry, 65534, 65534)
    assert index_of(work, cache) == (honest, False)
    fresh_run()
    os.chown(cache, 65534, 65534)
    for entry in _entries(cache):
        entry.unlink()
    assert index_of(work, cache) == (honest, False)
    assert _entries(cache) == []  # nor is anything written into a folder someone else owns


@posix_only
def test_a_huge_or_odd_entry_is_not_read(work, tmp_path_factory):
    cache = tmp_path_factory.mktemp("c")
    honest, _ = index_of(work, cache)
    entries = _entries(cache)
    with open(entries[0], "r+b") as handle:
        handle.truncate(2 * 1024**3)  # 2 GB, sparse: reading it whole would take the memory
    entries[1].unlink()
    os.mkfifo(entries[1])  # would block a reader that opened it plainly
    fresh_run()
    scored = score(work, cache)
    assert not any(s.cached for s in scored)
    assert {s.summary.totals.index for s in scored if s.file.endswith("a.yaml")} == {honest}


@posix_only
def test_the_default_folder_left_group_writable_by_an_older_parscore_is_made_private(
    work, tmp_path_factory, monkeypatch
):
    from parscore import cache as cache_module

    home = tmp_path_factory.mktemp("home") / "parscore"
    home.mkdir()
    os.chmod(home, 0o775)  # what umask 002 gives
    monkeypatch.delenv("PARSCORE_CACHE_DIR", raising=False)
    monkeypatch.setattr(cache_module, "default_folder", lambda: home)
    index_of(work, home)
    assert index_of(work, home)[1] is True
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    # a folder chosen with PARSCORE_CACHE_DIR is never changed: it is only not used
    shared = tmp_path_factory.mktemp("shared")
    os.chmod(shared, 0o775)
    monkeypatch.setenv("PARSCORE_CACHE_DIR", str(shared))
    index_of(work, shared)
    assert index_of(work, shared)[1] is False
    assert stat.S_IMODE(shared.stat().st_mode) == 0o775


def test_an_entry_of_other_code_is_not_found(tmp_path, monkeypatch):
    """The key covers parscore's own source files: an entry written by other code (an
    editable install changed since) is never taken for this code's result."""
    from parscore import cache as cache_module
    from parscore.yamlsource import DEFAULT_LIMITS

    store = cache_module.ResultCache(tmp_path)
    before = store.key(b"unit: x", "a.yaml", None, DEFAULT_LIMITS)
    monkeypatch.setattr(cache_module, "code_digest", lambda: "other code")
    after = store.key(b"unit: x", "a.yaml", None, DEFAULT_LIMITS)
    assert before.name != after.name


# ---------------------------------------------------------------------------------------------
# a whole run: an unchanged re-run writes the report it wrote, without scoring or comparing


BROKEN = EVIDENCE.replace("Vĩnh Chấp", "Vĩnh Tú").replace("19435", "19437").replace("1150", "lots")


@pytest.fixture
def compared(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many times the files were scored and compared (a whole-run hit does neither)."""
    calls: list[int] = []
    real = batch.compare_found

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "compare_found", counting)
    return calls


def run_cli(*args: str, cache: bool = True):
    """``parscore [options] compare . [args]`` as a new process would run it."""
    fresh_run()
    limits = [
        a for i, a in enumerate(args) if a.startswith("--max-") or args[i - 1].startswith("--max-")
    ]
    rest = [a for a in args if a not in limits]
    command = [*limits, "compare", ".", *rest, *([] if cache else ["--no-cache"])]
    return CliRunner().invoke(main, command)


def _runs(cache: Path) -> list[Path]:
    return sorted((cache / "runs-v1").glob("*.run"))


def _cache_root() -> Path:
    return Path(os.environ["PARSCORE_CACHE_DIR"])


def test_a_whole_run_is_replayed_with_the_cold_runs_report_stderr_and_exit_code(work, compared):
    (work / "c.yaml").write_text(BROKEN, encoding="utf-8")  # left out: exit 1, told on stderr
    (work / "gone.yaml").symlink_to(work / "nowhere.yaml")  # a broken link: told, left out
    cold = run_cli("--format", "json")
    warm = run_cli("--format", "json")
    assert len(compared) == 1  # the re-run neither scored nor compared
    assert cold.exit_code == warm.exit_code == 1
    assert "c.yaml" in cold.stderr and "gone.yaml" in cold.stderr
    assert (warm.stdout_bytes, warm.stderr) == (cold.stdout_bytes, cold.stderr)
    bypass = run_cli("--format", "json", cache=False)
    assert (bypass.stdout_bytes, bypass.stderr, bypass.exit_code) == (
        cold.stdout_bytes,
        cold.stderr,
        1,
    )
    report = json.loads(warm.stdout)
    assert [row["unit"]["name"] for row in report["groups"][0]["ranking"]] == [
        "Vĩnh Chấp",
        "Vĩnh Long",
    ]
    assert sorted(e["file"] for e in report["excluded"]) == ["c.yaml", "gone.yaml"]


def test_a_binary_report_written_to_a_file_is_replayed_byte_for_byte(
    work, compared, tmp_path_factory
):
    out = tmp_path_factory.mktemp("out") / "ranking.xlsx"
    cold = run_cli("--format", "xlsx", "-o", str(out))
    first = out.read_bytes()
    warm = run_cli("--format", "xlsx", "-o", str(out), "--force")
    assert (cold.exit_code, warm.exit_code, len(compared)) == (0, 0, 1)
    assert out.read_bytes() == first and first.startswith(b"PK")
    refused = run_cli("--format", "xlsx", "-o", "a.yaml", "--force")  # an input: never replaced
    assert refused.exit_code == 2 and (work / "a.yaml").read_text("utf-8") == EVIDENCE


def test_the_format_an_output_s_name_chooses_is_the_run_s(work, compared, tmp_path_factory):
    # no --format: the name chooses it, so the name is part of what the run wrote
    out = tmp_path_factory.mktemp("out")
    assert run_cli("-o", str(out / "ranking.xlsx")).exit_code == 0
    assert run_cli("-o", str(out / "ranking.json")).exit_code == 0
    assert len(compared) == 2  # another format: not the workbook's bytes under a .json name
    assert json.loads((out / "ranking.json").read_text("utf-8"))["groups"]
    assert run_cli("-o", str(out / "ranking.xlsx"), "--force").exit_code == 0
    assert len(compared) == 2 and (out / "ranking.xlsx").read_bytes().startswith(b"PK")


def _edit_set(work: Path) -> None:
    text = (work / "set.yaml").read_text("utf-8")
    (work / "set.yaml").write_text(
        text.replace("rule: {kind: pass_fail, penalty_when_unmet: 0.25}", "rule: {kind: pass_fail}")
        .replace("- {above: 90, points: 1.5}", "- {above: 95, points: 1.5}")
        .replace(
            "- {at_least: 70, at_most: 90, points: 0.75}",
            "- {at_least: 70, at_most: 95, points: 0.75}",
        ),
        encoding="utf-8",
    )


CHANGES = {
    "one byte of a file": lambda w, m: (w / "a.yaml").write_text(
        EVIDENCE.replace("1150", "1151"), encoding="utf-8"
    ),
    "a file added": lambda w, m: (w / "d.yaml").write_text(
        EVIDENCE.replace("Vĩnh Chấp", "Vĩnh Thái").replace("19435", "19438"), encoding="utf-8"
    ),
    "a file removed": lambda w, m: (w / "b.yaml").unlink(),
    "a file renamed": lambda w, m: (w / "b.yaml").rename(w / "c.yaml"),
    "the set edited": lambda w, m: _edit_set(w),
    "a broken file fixed": lambda w, m: (w / "c.yaml").write_text(
        BROKEN.replace("lots", "1150"), encoding="utf-8"
    ),
    "a broken file broken otherwise": lambda w, m: (w / "c.yaml").write_text(
        BROKEN.replace("lots", "-3"), encoding="utf-8"
    ),
    "other code": lambda w, m: m.setattr(
        __import__("parscore.cache", fromlist=["x"]), "code_digest", lambda: "other code"
    ),
    "another release of a library": lambda w, m: m.setattr(
        __import__("parscore.cache", fromlist=["x"]),
        "library_releases",
        lambda: "tabulate-9.9.9.dist-info",
    ),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_each_change_is_compared_again(work, compared, monkeypatch, change):
    (work / "c.yaml").write_text(BROKEN, encoding="utf-8")
    run_cli("--format", "json")
    CHANGES[change](work, monkeypatch)
    expected = run_cli("--format", "json", cache=False)
    again = run_cli("--format", "json")
    assert len(compared) == 3  # the cold run, --no-cache, and this re-run: scored again
    assert (again.stdout, again.stderr, again.exit_code) == (
        expected.stdout,
        expected.stderr,
        expected.exit_code,
    )
    assert run_cli("--format", "json").stdout == expected.stdout  # and kept for the next run
    assert len(compared) == 3


@pytest.mark.parametrize(
    "options",
    [
        ("--group-by", "none"),
        ("--lang", "en"),
        ("--detail",),
        ("--format", "csv"),
        ("--criteria", "set.yaml"),
        ("--max-nodes", "40000"),
        ("--max-file-size", "100000"),
    ],
)
def test_another_option_is_another_run(work, compared, options):
    run_cli("--format", "json")
    other = run_cli("--format", "json", *options)
    assert len(compared) == 2
    assert other.stdout == run_cli("--format", "json", *options, cache=False).stdout
    assert len(compared) == 3
    assert run_cli("--format", "json", *options).stdout == other.stdout
    assert run_cli("--format", "json").exit_code == 0
    assert len(compared) == 3  # each kept in its own place


def test_a_criteria_set_found_elsewhere_is_checked(work, compared, tmp_path_factory, monkeypatch):
    """The set is found again from where each file is now: a copied folder with an edited set
    is another comparison, though every file name and byte is the same."""
    run_cli("--format", "json")
    copy = tmp_path_factory.mktemp("copy") / "folder"
    shutil.copytree(work, copy)
    _edit_set(copy)
    monkeypatch.chdir(copy)
    expected = run_cli("--format", "json", cache=False).stdout
    assert run_cli("--format", "json").stdout == expected
    assert len(compared) == 3


def test_only_the_changed_file_is_scored_again(work, monkeypatch):
    run_cli("--format", "json")
    (work / "a.yaml").write_text(EVIDENCE.replace("1150", "1151"), encoding="utf-8")
    outcomes: list[batch.FileOutcome] = []
    real = batch.score_files
    monkeypatch.setattr(
        batch, "score_files", lambda *a, **k: outcomes.extend(real(*a, **k)) or outcomes
    )
    assert run_cli("--format", "json").exit_code == 0
    cached = {Path(o.file).name: o.cached for o in outcomes if not o.is_criteria}
    assert cached == {"a.yaml": False, "b.yaml": True}


def _forge(entry: Path, old: bytes, new: bytes) -> None:
    """Rewrite an entry's report as someone who knows the layout would: a whole, consistent
    entry that says something else."""
    import hashlib

    line, _, report = entry.read_bytes().partition(b"\n")
    head = json.loads(line)
    assert old in report
    report = report.replace(old, new)
    head["size"], head["report"] = len(report), hashlib.sha256(report).hexdigest()
    entry.write_bytes(json.dumps(head).encode("ascii") + b"\n" + report)


def test_a_damaged_run_entry_is_only_a_slower_run(work, compared):
    cold = run_cli("--format", "json")
    (entry,) = _runs(_cache_root())
    data = entry.read_bytes()
    damaged = {
        "a byte of the report": data.replace(b"V\xc4\xa9nh Long", b"V\xc4\xa9nh Lonx"),
        "cut short": data[: len(data) // 2],
        "no head": data.partition(b"\n")[2],
        "not json": b"{" + data,
        "empty": b"",
    }
    for what, bytes_ in damaged.items():
        entry.write_bytes(bytes_)
        os.chmod(entry, 0o600)
        again = run_cli("--format", "json")
        assert again.stdout_bytes == cold.stdout_bytes, what
        assert again.exit_code == 0, what
    assert len(compared) == 1 + len(damaged)


@posix_only
@pytest.mark.parametrize("what", ["entry", "folder", "owner", "size", "other run"])
def test_an_untrusted_run_entry_is_not_used(work, compared, monkeypatch, what):
    from parscore import cache as cache_module

    cold = run_cli("--format", "json")
    (entry,) = _runs(_cache_root())
    if what == "other run":  # another command's entry, put under this one's name
        run_cli("--format", "json", "--group-by", "none")
        (other,) = set(_runs(_cache_root())) - {entry}
        other.replace(entry)
    _forge(entry, "Vĩnh Long".encode(), "Vĩnh Lừa".encode())
    if what != "other run":
        assert "Vĩnh Lừa" in run_cli("--format", "json").stdout  # a consistent entry is used...
    if what == "entry":
        os.chmod(entry, 0o622)
    elif what == "folder":
        os.chmod(entry.parent, 0o777)
    elif what == "owner":
        if os.geteuid() != 0:
            pytest.skip("chown needs root")
        os.chown(entry, 65534, 65534)
    elif what == "size":
        monkeypatch.setattr(cache_module, "MAX_RUN_BYTES", entry.stat().st_size - 1)
    again = run_cli("--format", "json")  # ...not once it cannot be trusted
    assert again.stdout_bytes == cold.stdout_bytes


def test_no_cache_writes_and_reads_no_run(work, compared):
    run_cli("--format", "json", cache=False)
    assert not (_cache_root() / "runs-v1").exists()
    cold = run_cli("--format", "json")
    (entry,) = _runs(_cache_root())
    _forge(entry, "Vĩnh Long".encode(), "Vĩnh Lừa".encode())
    forged = entry.read_bytes()
    assert run_cli("--format", "json", cache=False).stdout == cold.stdout  # not read...
    assert entry.read_bytes() == forged and _runs(_cache_root()) == [entry]  # ...nor written


def test_old_runs_are_let_go(work, monkeypatch):
    from parscore import cache as cache_module

    monkeypatch.setattr(cache_module, "MAX_RUNS", 2)
    for lang in ("vi", "en"):
        run_cli("--format", "json", "--lang", lang)
    before = _runs(_cache_root())
    for entry in before:
        os.utime(entry, (1, 1))  # both older than the next
    run_cli("--format", "csv")
    after = _runs(_cache_root())
    assert len(after) == 2 and len(set(after) - set(before)) == 1


def test_a_run_scored_in_worker_processes_is_replayed(work, compared):
    (work / "c.yaml").write_text(BROKEN, encoding="utf-8")
    cold = run_cli("--format", "json", "--jobs", "2")
    warm = run_cli("--format", "json")  # --jobs does not change the report: the same run
    assert len(compared) == 1
    assert (warm.stdout, warm.stderr, warm.exit_code) == (cold.stdout, cold.stderr, 1)


def test_a_replayed_run_never_writes_over_its_criteria_set(work, compared, tmp_path_factory):
    sets = tmp_path_factory.mktemp("sets")
    shutil.copy(work / "set.yaml", sets / "own.yaml")
    before = (sets / "own.yaml").read_bytes()
    out = tmp_path_factory.mktemp("out") / "ranking.json"
    own = ("--format", "json", "--criteria", str(sets / "own.yaml"))
    assert run_cli(*own, "-o", str(out)).exit_code == 0
    refused = run_cli(*own, "-o", str(sets / "own.yaml"), "--force")
    assert len(compared) == 1  # replayed: the set was read (its digest), so it is an input
    assert refused.exit_code == 2 and "own.yaml" in refused.stderr
    assert (sets / "own.yaml").read_bytes() == before


def test_the_releases_of_the_libraries_that_write_reports_are_known():
    from parscore.cache import library_releases

    releases = library_releases().split(",")
    for project in ("pydantic", "pydantic_core", "tabulate", "xlsxwriter", "jinja2", "click"):
        assert any(r.lower().startswith(project + "-") for r in releases), project
    assert all(r.endswith((".dist-info", ".egg-info")) for r in releases)


def test_a_comparison_against_last_year_is_never_kept_nor_replayed(
    work, compared, monkeypatch, tmp_path_factory
):
    last = tmp_path_factory.mktemp("last") / "2022"
    last.mkdir()
    shutil.copy(work / "set.yaml", last / "set.yaml")
    for name in ("a.yaml", "b.yaml"):
        text = (work / name).read_text("utf-8").replace("year: 2023", "year: 2022")
        (last / name).write_text(text.replace("1150", "1000"), encoding="utf-8")
    this_year = run_cli("--format", "json")  # this year alone: kept
    assert len(_runs(_cache_root())) == 1 and len(compared) == 1
    kept: list[int] = []
    real_keep = batch.keep_run
    monkeypatch.setattr(batch, "keep_run", lambda *a, **k: kept.append(1) or real_keep(*a, **k))
    for _ in range(2):
        run = run_cli("--format", "json", "--previous", str(last))
        assert run.exit_code == 0, run.stderr
        assert json.loads(run.stdout)["previous"]  # compared against 2022, not this year's run
        assert run.stdout != this_year.stdout
    assert kept == [] and len(_runs(_cache_root())) == 1
    assert len(compared) == 5  # both years scored, both times: never replayed


def test_a_run_in_which_a_file_broke_parscore_is_not_kept(work, monkeypatch):
    """Such a file would be scored again in the command's own process by a re-run (a file that
    killed or hung a worker could take that process with it): the run is not kept."""
    real = batch.score_file

    def breaking(path, *args, **kwargs):
        if path.endswith("b.yaml"):
            raise RuntimeError("a bug")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "score_file", breaking)
    run = run_cli("--format", "json")
    assert run.exit_code == 1 and "RuntimeError" in run.stderr
    assert not (_cache_root() / "runs-v1").exists()
    monkeypatch.setattr(batch, "score_file", real)
    assert run_cli("--format", "json").exit_code == 0  # and a run without it is
    assert len(_runs(_cache_root())) == 1


@pytest.mark.parametrize("which", ["survey", "workbook", "final appraisals"])
def test_runs_a_whole_run_entry_could_answer_wrongly_are_never_kept(
    tmp_path, monkeypatch, compared, which
):
    # a survey table's points, a workbook's cells, a council's decisions: what these runs rest
    # on is not in the run's identity, so they are scored afresh every time, and never kept
    folder = tmp_path / "ev"
    shutil.copytree(ROOT / "evidence", folder)
    monkeypatch.chdir(tmp_path)
    extra: list[str] = []
    if which == "survey":
        extra = ["--survey", str(folder / "khao-sat-2023.csv")]
    elif which == "workbook":
        shutil.copy(ROOT / "examples" / "vinh-chap-2023.xlsx", folder / "vinh-chap-2023.xlsx")
        (folder / "vinh-chap-2023.yaml").unlink()  # the commune once, as its workbook
    else:
        shutil.copytree(ROOT / "appraisal", tmp_path / "appraisal")
        extra = [str(tmp_path / "appraisal")]
    outputs = []
    for _ in range(2):
        fresh_run()
        result = CliRunner().invoke(main, ["compare", str(folder), *extra, "--format", "json"])
        assert result.exit_code in (0, 1), result.output
        outputs.append(result.stdout)
    assert len(compared) == 2  # scored and compared both times
    assert outputs[0] == outputs[1]
    assert not _runs(_cache_root())
