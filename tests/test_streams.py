"""Hostile surroundings: file names that are not UTF-8 or hold control characters, output
streams that are full, closed or cut, and one file in a batch that breaks parscore itself."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import commune_copies

from parscore.cli import main
from parscore.yamlsource import display_name

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "evidence"
POSIX = pytest.mark.skipif(os.name == "nt", reason="POSIX file names and streams")


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# --- names ----------------------------------------------------------------------------------

NOT_UTF8 = os.fsdecode(b"x\xe3.yaml")  # a name from a zip made on Windows
FORGED = "a.yaml\nx.yaml:3:4: giả mạo [yaml.fake] .yaml"  # a newline, then a fake message


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("vinh-chap-2023.yaml", "vinh-chap-2023.yaml"),
        ("Vĩnh Chấp 2023.yaml", "Vĩnh Chấp 2023.yaml"),
        (NOT_UTF8, "x\\xe3.yaml"),
        ("a\nb\r\tc.yaml", "a\\nb\\r\\tc.yaml"),
        ("esc\x1b[31m.yaml", "esc\\x1b[31m.yaml"),
        ("del\x7f\x85.yaml", "del\\x7f\\x85.yaml"),
        ("rtl\u202egpj.yaml", "rtl\\u202egpj.yaml"),  # a right-to-left override
        ("line\u2028sep.yaml", "line\\u2028sep.yaml"),
        ("back\\x.yaml", "back\\\\x.yaml"),  # a real backslash cannot pass for an escape
    ],
)
def test_a_name_is_shown_on_one_line_in_valid_utf8(name, shown):
    text = display_name(Path("d") / name)
    assert text == f"d/{shown}"
    assert text.isprintable()
    text.encode("utf-8")  # never raises


@pytest.fixture
def hostile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two communes, one under a name that is not UTF-8, and a broken file whose name tries
    to print a fake message line."""
    if sys.platform in ("win32", "darwin"):
        pytest.skip("a file system that takes any bytes as a name")
    (tmp_path / "d").mkdir()
    shutil.copy(EXAMPLES / "vinh-chap-2023.yaml", tmp_path / "d" / NOT_UTF8)
    shutil.copy(EXAMPLES / "vinh-long-2023.yaml", tmp_path / "d" / "vinh-long-2023.yaml")
    (tmp_path / "d" / FORGED).write_text("unit: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    return tmp_path


def _no_forged_line(text: str) -> None:
    assert not any(line.startswith("x.yaml:3:4") for line in text.splitlines()), text


@POSIX
@pytest.mark.parametrize(
    ("fmt", "sources", "excluded"),
    [
        ("table", False, True),
        ("json", True, True),
        ("csv", True, False),
        ("markdown", False, True),
        ("html", False, True),
    ],
)
def test_compare_shows_hostile_names_escaped_in_every_text_format(hostile, fmt, sources, excluded):
    for attempt in ("scored", "from the cache"):
        result = run("compare", "d", "--format", fmt, "--lang", "en")
        assert result.exit_code == 1, (attempt, result.stderr)  # the broken file is left out
        assert "internal error" not in result.stderr
        out = result.stdout.replace("\\\\", "\\")  # JSON doubles a backslash
        if sources:
            assert "d/x\\xe3.yaml" in out
        if excluded:
            assert "d/a.yaml\\nx.yaml:3:4: giả mạo [yaml.fake] .yaml" in out
        _no_forged_line(result.stdout)
        _no_forged_line(result.stderr)
        assert "d/a.yaml\\nx.yaml:3:4: giả mạo [yaml.fake] .yaml:" in result.stderr


@POSIX
def test_compare_to_xlsx_with_hostile_names(hostile):
    result = run("compare", "d", "--format", "xlsx", "--output", "out.xlsx")
    assert result.exit_code == 1, result.stderr
    with zipfile.ZipFile(hostile / "out.xlsx") as book:
        strings = "".join(
            book.read(name).decode("utf-8") for name in book.namelist() if name.endswith(".xml")
        )
    assert "x\\xe3.yaml" in strings and "a.yaml\\nx.yaml" in strings


def test_the_cache_key_is_made_from_the_bytes_of_the_name():
    from parscore.cache import ResultCache
    from parscore.yamlsource import DEFAULT_LIMITS

    cache = ResultCache(None)
    keys = {cache.key(b"data", name, None, DEFAULT_LIMITS) for name in (NOT_UTF8, "x\\xe3.yaml")}
    assert len(keys) == 2  # the escaped text of one name is not the other name


@POSIX
def test_two_names_that_are_not_utf8_are_told_apart(hostile):
    other = os.fsdecode(b"x\xc3.yaml")  # another name, never the same cache entry
    shutil.copy(hostile / "d" / NOT_UTF8, hostile / "d" / other)
    result = run("compare", "d", "--format", "json", "--group-by", "none")
    assert result.exit_code == 2  # two files for one commune, said by name
    assert "d/x\\xc3.yaml" in result.stderr and "d/x\\xe3.yaml" in result.stderr


@POSIX
def test_evaluate_and_validate_with_a_name_that_is_not_utf8(hostile):
    result = run("evaluate", f"d/{NOT_UTF8}", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source"] == "d/x\\xe3.yaml"
    result = run("validate", f"d/{NOT_UTF8}", f"d/{FORGED}", "--lang", "en")
    assert result.exit_code == 1
    assert "d/x\\xe3.yaml: valid" in result.stdout
    assert "d/a.yaml\\nx.yaml:3:4: giả mạo [yaml.fake] .yaml: has problems" in result.stdout
    _no_forged_line(result.stdout)
    _no_forged_line(result.stderr)


def test_a_criteria_file_named_with_a_newline_is_shown_on_one_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ev.yaml").write_text(
        'unit: {name: X, kind: xã}\nyear: 2023\ncriteria: "a\\nx.yaml:3:4: fake [x] .yaml"\n',
        encoding="utf-8",
    )
    result = run("evaluate", "ev.yaml", "--lang", "en")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "ev.yaml:3:11: there is no criteria file a\\nx.yaml:3:4: fake [x] .yaml "
        "[criteria.file-not-found]"
    )
    _no_forged_line(result.stderr)


# --- output streams -------------------------------------------------------------------------

EVERY_COMMAND = [
    ["evaluate", "evidence/vinh-chap-2023.yaml"],
    ["compare", "evidence"],
    ["plan", "evidence/vinh-chap-2023.yaml"],
    ["validate", "evidence/vinh-chap-2023.yaml"],
    ["schema", "evidence"],
    ["criteria", "list"],
    ["criteria", "show", "ref-commune-2023"],
]


def parscore(args: list[str], **kwargs):
    """``python -m parscore`` in a process of its own, with its messages in English."""
    env = dict(os.environ, PARSCORE_LANG="en")
    # the parscore beside these tests, wherever the process runs
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("PARSCORE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "parscore", *args],
        stderr=subprocess.PIPE,
        cwd=kwargs.pop("cwd", ROOT),
        env=env,
        timeout=60,
        **kwargs,
    )


def _close_stdout() -> None:
    os.close(1)  # as a shell does for `>&-`


def _clean(stderr: bytes) -> str:
    text = stderr.decode("utf-8")
    assert "Traceback" not in text and "internal error" not in text
    assert "Exception ignored" not in text  # nothing failed again at interpreter exit
    return text


@POSIX
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", EVERY_COMMAND, ids=" ".join)
def test_a_full_disk_on_stdout_is_an_output_failure(args):
    with open("/dev/full", "wb") as full:
        done = parscore(args, stdout=full)
    err = _clean(done.stderr)
    assert done.returncode == 2, err
    assert "error: cannot write the result to standard output: No space left on device" in err


@POSIX
@pytest.mark.parametrize("args", EVERY_COMMAND, ids=" ".join)
def test_a_closed_stdout_is_an_output_failure(args):
    done = parscore(args, preexec_fn=_close_stdout)
    err = _clean(done.stderr)
    assert done.returncode == 2, err
    assert "error: standard output is closed: there is nowhere to write the result" in err


@POSIX
@pytest.mark.parametrize("args", EVERY_COMMAND, ids=" ".join)
def test_a_reader_that_goes_away_ends_parscore_quietly(args):
    read_end, write_end = os.pipe()
    os.close(read_end)  # as `| head -1` does once it has its line
    try:
        done = parscore(args, stdout=write_end)
    finally:
        os.close(write_end)
    assert _clean(done.stderr) == ""
    assert done.returncode == 141  # what a shell shows for a program ended by SIGPIPE


@POSIX
def test_a_closed_stdout_does_not_matter_when_nothing_is_written_to_it(tmp_path):
    done = parscore(
        [
            "evaluate",
            str(EXAMPLES / "vinh-chap-2023.yaml"),
            "--output",
            "out.md",
            "--format",
            "markdown",
        ],
        cwd=tmp_path,
        preexec_fn=_close_stdout,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.md").read_text("utf-8").startswith("# ")
    done = parscore(
        ["template", "--criteria", "ref-commune-2023", "--unit", "Vĩnh Chấp", "--output", "t.yaml"],
        cwd=tmp_path,
        preexec_fn=_close_stdout,
    )
    assert done.returncode == 0, done.stderr
    assert "Wrote t.yaml" in done.stderr.decode("utf-8")


@POSIX
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_help_that_cannot_be_written_is_no_traceback():
    with open("/dev/full", "wb") as full:
        done = parscore(["--help"], stdout=full)
    assert done.returncode == 2
    assert "cannot write the result to standard output" in _clean(done.stderr)


# --- one bad file in a batch ------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The six example communes, in two district folders."""
    for district, names in (
        ("vinh-linh", ("vinh-chap", "vinh-long", "ho-xa")),
        ("que-son", ("que-minh", "que-xuan-1", "dong-phu")),
    ):
        (tmp_path / district).mkdir()
        for name in names:
            shutil.copy(EXAMPLES / f"{name}-2023.yaml", tmp_path / district)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    monkeypatch.delenv("PARSCORE_DEBUG", raising=False)
    return tmp_path


def _break_on(monkeypatch: pytest.MonkeyPatch, name: str, action) -> None:
    """Make scoring ``name`` (and only it) do ``action``: a bug that input does not explain."""
    from parscore import batch

    real = batch.summarize

    def summarize(result):
        if result.source.endswith(name):
            action()
        return real(result)

    monkeypatch.setattr(batch, "summarize", summarize)


def _raise() -> None:
    raise ValueError("boom\nx.yaml:1:1: fake")


def _left_out_alone(result, code: str, text: str) -> None:
    assert result.exit_code == 1, result.stderr  # like any broken file
    assert "Traceback" not in result.stderr
    line = next(line for line in result.stderr.splitlines() if f"[{code}]" in line)
    assert line.startswith(f"vinh-linh/ho-xa-2023.yaml: {text}"), line
    _no_forged_line(result.stderr)
    assert "(5 units)" in result.stdout  # the five others are ranked
    assert "vinh-linh/ho-xa-2023.yaml" in result.stdout.split("Files left out")[1]


FORK = pytest.mark.skipif(
    os.name == "nt" or __import__("multiprocessing").get_start_method() != "fork",
    reason="worker processes see the test's patch only when forked",
)


@pytest.mark.parametrize("jobs", ["1", pytest.param("2", marks=FORK)])
def test_an_internal_error_in_one_file_leaves_only_that_file_out(folder, monkeypatch, jobs):
    _break_on(monkeypatch, "ho-xa-2023.yaml", _raise)
    result = run("compare", ".", "--lang", "en", "--no-cache", "--jobs", jobs)
    _left_out_alone(
        result,
        "batch.internal-error",
        "internal error in parscore while scoring this file (ValueError: boom\\nx.yaml:1:1: "
        "fake): the file is left out — please report it with this file",
    )


def test_an_internal_error_is_shown_in_vietnamese_and_in_the_json_report(folder, monkeypatch):
    _break_on(monkeypatch, "ho-xa-2023.yaml", _raise)
    result = run("compare", ".", "--format", "json", "--no-cache")
    assert result.exit_code == 1
    assert "lỗi nội bộ của parscore khi chấm tệp này (ValueError: boom" in result.stderr
    excluded = json.loads(result.stdout)["excluded"]
    assert [(e["file"], [p["code"] for p in e["problems"]]) for e in excluded] == [
        ("vinh-linh/ho-xa-2023.yaml", ["batch.internal-error"])
    ]


def test_parscore_debug_shows_the_traceback_and_still_ranks_the_others(folder, monkeypatch):
    _break_on(monkeypatch, "ho-xa-2023.yaml", _raise)
    monkeypatch.setenv("PARSCORE_DEBUG", "1")
    result = run("compare", ".", "--lang", "en", "--no-cache")
    assert result.exit_code == 1
    assert "Traceback" in result.stderr and "ValueError: boom" in result.stderr
    assert "(5 units)" in result.stdout


@FORK
def test_a_worker_that_dies_loses_only_its_own_file(folder, monkeypatch):
    parent = os.getpid()

    def die() -> None:
        if os.getpid() != parent:  # only ever a worker
            os._exit(70)

    _break_on(monkeypatch, "ho-xa-2023.yaml", die)
    result = run("compare", ".", "--lang", "en", "--no-cache", "--jobs", "2")
    _left_out_alone(
        result,
        "batch.worker-died",
        "the process scoring this file stopped abruptly (out of memory, or a crash in a "
        "library): the file is left out — please report it with this file",
    )


@FORK
def test_many_files_and_a_dying_worker_keep_their_order(tmp_path, monkeypatch):
    """Files in chunks: a chunk lost with its worker is scored again, file by file."""
    from parscore import batch
    from parscore.yamlsource import DEFAULT_LIMITS

    text = (EXAMPLES / "vinh-chap-2023.yaml").read_text("utf-8")
    files = []
    for n in range(40):
        path = tmp_path / f"c{n:02d}.yaml"
        path.write_text(text.replace('code: "19213"', f'code: "{90000 + n}"'), encoding="utf-8")
        files.append(path)
    parent = os.getpid()

    def die() -> None:
        if os.getpid() != parent:
            os._exit(70)

    _break_on(monkeypatch, "c17.yaml", die)
    scored = batch.score_files(files, None, DEFAULT_LIMITS, jobs=2)
    assert [s.file for s in scored] == [str(f) for f in files]
    assert [s.summary is None for s in scored] == [n == 17 for n in range(40)]
    assert scored[17].problems[0].code == "batch.worker-died"
    assert {s.summary.unit.code for s in scored if s.summary} == {
        str(90000 + n) for n in range(40) if n != 17
    }


def _in_workers_on(monkeypatch, names: set[str], action) -> None:
    """``action`` in a worker process (never in the test's own) when it scores one of ``names``."""
    from parscore import batch

    parent, real = os.getpid(), batch.summarize

    def summarize(result):
        if os.getpid() != parent and Path(result.source).name in names:
            action()
        return real(result)

    monkeypatch.setattr(batch, "summarize", summarize)


def _count_rounds(monkeypatch) -> dict[str, int]:
    """How many pools are started and how many files are sent to workers."""
    from parscore import batch

    counts = {"pools": 0, "sent": 0}
    real = batch._pool_round

    def counting(names, batches, *args, **kwargs):
        counts["pools"] += 1
        counts["sent"] += sum(len(b) for b in batches)
        return real(names, batches, *args, **kwargs)

    monkeypatch.setattr(batch, "_pool_round", counting)
    return counts


@FORK
def test_workers_that_die_are_found_by_halves_and_every_innocent_file_is_scored(
    tmp_path, monkeypatch
):
    """Two killing files among 64, neither the first one lost: each is left out alone, the
    62 others are scored in their order, in a few pools and a few sends a file."""
    from parscore import batch
    from parscore.yamlsource import DEFAULT_LIMITS

    files = commune_copies(tmp_path, 64)
    _in_workers_on(monkeypatch, {"c37.yaml", "c50.yaml"}, lambda: os._exit(70))
    counts = _count_rounds(monkeypatch)
    scored = batch.score_files(files, None, DEFAULT_LIMITS, jobs=2)
    assert [s.file for s in scored] == [str(f) for f in files]
    assert [s.summary is None for s in scored] == [n in (37, 50) for n in range(64)]
    assert [s.problems[0].code for s in scored if s.summary is None] == ["batch.worker-died"] * 2
    assert [s.summary.unit.code for s in scored if s.summary] == [
        str(90000 + n) for n in range(64) if n not in (37, 50)
    ]
    # the bound in batch._in_processes: 2 + 2·d·⌈log2 n⌉ pools, ⌈log2 n⌉ + 2 sends a file
    assert counts["pools"] <= 2 + 2 * 2 * 6
    assert counts["sent"] <= 64 * (6 + 2)
    # the same outcomes as in one process
    monkeypatch.undo()
    alone = batch.score_files(files, None, DEFAULT_LIMITS, jobs=1)
    assert [s.summary for s in scored if s.summary] == [
        s.summary for n, s in enumerate(alone) if n not in (37, 50)
    ]


@FORK
def test_a_worker_that_hangs_on_one_file_is_stopped_and_the_others_are_scored(
    tmp_path, monkeypatch
):
    import time

    from parscore import batch
    from parscore.yamlsource import DEFAULT_LIMITS

    files = commune_copies(tmp_path, 12)
    _in_workers_on(monkeypatch, {"c05.yaml"}, lambda: time.sleep(600))
    began = time.monotonic()
    scored = batch.score_files(files, None, DEFAULT_LIMITS, jobs=2, timeout=0.5)
    assert time.monotonic() - began < 60
    assert [s.file for s in scored] == [str(f) for f in files]
    assert [s.summary is None for s in scored] == [n == 5 for n in range(12)]
    (problem,) = scored[5].problems
    assert (problem.code, problem.args) == ("batch.worker-timeout", {"seconds": Decimal("0.5")})
    assert [s.summary.unit.code for s in scored if s.summary] == [
        str(90000 + n) for n in range(12) if n != 5
    ]


@FORK
def test_a_hung_worker_is_said_in_the_comparison(folder, monkeypatch):
    import time

    from parscore import batch

    monkeypatch.setattr(batch, "FILE_TIMEOUT", 1.0)
    _in_workers_on(monkeypatch, {"ho-xa-2023.yaml"}, lambda: time.sleep(600))
    result = run("compare", ".", "--lang", "en", "--no-cache", "--jobs", "2")
    _left_out_alone(
        result,
        "batch.worker-timeout",
        "scoring this file took more than 1 s (the process hung): the file is left out — "
        "please report it with this file",
    )
    result = run("compare", ".", "--no-cache", "--jobs", "2")
    assert "việc chấm tệp này mất hơn 1 giây (tiến trình bị treo)" in result.stderr


# --- special files ----------------------------------------------------------------------------


@POSIX
def test_a_fifo_socket_or_device_in_a_folder_is_left_out_unopened(tmp_path):
    import socket

    for name in ("vinh-chap", "vinh-long"):
        shutil.copy(EXAMPLES / f"{name}-2023.yaml", tmp_path)
    os.mkfifo(tmp_path / "fifo.yaml")
    server = socket.socket(socket.AF_UNIX)
    old = os.getcwd()
    os.chdir(tmp_path)  # a socket's path is short
    try:
        server.bind("sock.yaml")
    finally:
        os.chdir(old)
    try:
        done = parscore(["compare", ".", "/dev/null"], cwd=tmp_path, stdout=subprocess.PIPE)
    finally:
        server.close()
    err = _clean(done.stderr)
    assert done.returncode == 1, err  # left out like any broken file; the others ranked
    assert (
        "fifo.yaml: this is a named pipe (FIFO), not a regular file: not read "
        "[file.not-regular]" in err
    )
    assert "sock.yaml: this is a socket, not a regular file: not read [file.not-regular]" in err
    assert "/dev/null: this is a character device, not a regular file: not read" in err
    assert "(2 units)" in done.stdout.decode("utf-8")


@POSIX
def test_evaluate_refuses_a_fifo_instead_of_waiting_for_a_writer(tmp_path):
    os.mkfifo(tmp_path / "ev.yaml")
    done = parscore(["evaluate", "ev.yaml"], cwd=tmp_path, stdout=subprocess.PIPE)
    assert done.returncode == 2
    assert _clean(done.stderr) == (
        "ev.yaml: this is a named pipe (FIFO), not a regular file: not read [file.not-regular]\n"
        "1 error, 0 warnings\n"
    )


@POSIX
def test_a_file_swapped_for_a_fifo_after_the_check_does_not_hang(tmp_path, monkeypatch):
    """stat sees a regular file; what is opened is a FIFO: opened without waiting, refused."""
    import threading

    from parscore.errors import InputError
    from parscore.yamlsource import read_bytes

    fifo = tmp_path / "ev.yaml"
    os.mkfifo(fifo)
    regular = os.stat(EXAMPLES / "vinh-chap-2023.yaml")
    real_stat = os.stat
    monkeypatch.setattr(
        os, "stat", lambda p, *a, **k: regular if str(p) == str(fifo) else real_stat(p, *a, **k)
    )
    outcome: list[BaseException] = []

    def read() -> None:
        try:
            read_bytes(fifo)
        except BaseException as exc:
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # blocked in open(): let it go, then fail
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("read_bytes waited for a writer on a FIFO")
    assert isinstance(outcome[0], InputError)
    assert outcome[0].problems[0].code == "file.not-regular"


def test_a_value_quoted_in_a_message_cannot_print_a_line_of_its_own(tmp_path, monkeypatch):
    """A key typed with a YAML escape for a line break, made to look like a message, is
    quoted escaped on the message's own line."""
    from click.testing import CliRunner

    from parscore.cli import main as cli_main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    example = (
        Path(__file__).resolve().parent.parent / "evidence" / "vinh-chap-2023.yaml"
    ).read_text("utf-8")
    fake = "9.9\\nvinh-chap-2023.yaml:3:4: giả [value.id]"
    Path("k.yaml").write_text(
        example.replace("items:\n", f'items:\n  "{fake}": {{note: x}}\n', 1), encoding="utf-8"
    )
    result = CliRunner().invoke(cli_main, ["evaluate", "k.yaml"])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if not line.startswith(" ")]
    assert not any(line.startswith("vinh-chap-2023.yaml") for line in lines), result.stderr
    assert "'9.9\\nvinh-chap-2023.yaml:3:4: giả [valu…'" in lines[0]
