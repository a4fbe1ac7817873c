"""Hostile surroundings: file names that are not UTF-8 or hold control characters, output
streams that are full, closed or cut, and one file in a batch that breaks parscore itself."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

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
    env.pop("PARSCORE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "parscore", *args],
        stderr=subprocess.PIPE,
        cwd=kwargs.pop("cwd", ROOT),
        env=env,
        timeout=120,
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
        ["evaluate", str(EXAMPLES / "vinh-chap-2023.yaml"), "--output", "out.md",
         "--format", "markdown"],
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
