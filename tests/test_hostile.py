"""Hostile inputs through every command, in-process.

Seeded mutations of every shipped example commune, of every shipped criteria set, and of one
commune's appraisal and explanation files (through ``evaluate --appraisal``, ``validate``,
``compare`` and the ``appraisal`` documents) — hostile
numbers, escapes, tags, deep nesting, invisible characters, formula-looking text, lines deleted,
doubled, swapped or cut, bytes flipped — are run through ``validate``, ``evaluate`` (every format,
``--detail``, ``--missing``), ``plan`` (every format), ``compare`` (every format), ``criteria show``
and ``template``, as a clerk would run them. Whatever the file holds:

* the run ends in a report or in a refusal with the exit code the command documents, never in
  an internal error (exit 3) or a traceback;
* every refusal names a file (``file:line:col: ...``, or ``lỗi: ...`` for a usage error), and a
  line number it names is a line of that file;
* nothing reaches the terminal that a terminal would obey (escape sequences, BEL, other control
  characters);
* the input files are left exactly as they were.

The run is bounded so that the suite stays quick: ``PARSCORE_FUZZ_RUNS`` (default 12) mutations
per shipped file, from ``PARSCORE_FUZZ_SEED`` (default 2026). To run it long::

    PARSCORE_FUZZ_RUNS=2000 python -m pytest tests/test_hostile.py -x

A failure prints the seed, the mutation and the command, and keeps nothing else to set up.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from parscore.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "evidence").glob("*.yaml"))
SETS = sorted((ROOT / "criteria").glob("*.yaml"))
CASE_FILES = sorted((ROOT / "criteria" / "cases").glob("*.yaml"))  # named for their set
#: a council's appraisal and the commune's answers (one commune: the others are alike)
APPRAISAL_FILES = sorted((ROOT / "appraisal").glob("que-minh-2023*.yaml"))
RUNS = int(os.environ.get("PARSCORE_FUZZ_RUNS", "12"))
SEED = int(os.environ.get("PARSCORE_FUZZ_SEED", "2026"))
HANG = 120  # seconds: a command that takes this long on one small file is hanging

# Values that once crashed, hung or misled, and their relatives.
HOSTILE_SCALARS = [
    "9" * 5000,
    "1" + "0" * 4400,
    "1e999999999",
    "-1e999999999",
    "1e-99999999",
    "1e28",
    "1e27",
    "-1e27",
    "1e-400",
    "0.000000000000000000001",
    "123456789012345678901234567890.5",
    "1E+3",
    "-0",
    "+5",
    ".5",
    "5.",
    "1_000",
    "0x1F",
    "0o17",
    "1,5",
    "92%",
    "12:30",
    "~",
    "''",
    '""',
    '"   "',
    '"\\u200b"',
    '"\u200b"',
    '"\u00a0\u3000"',
    '"\\x01"',
    '"\\0"',
    '"\\e[2J"',
    '"\\b"',
    '"\\x1b]0;owned\\x07"',
    '"\\uFFFE"',
    '"\\x85"',
    '"\\u2028"',
    '"x\u2028y"',
    '"x\u0085y"',
    '"\\u202eevil"',
    "!!str 5",
    "!!int 5",
    "!!map {}",
    "!!seq []",
    "!!python/object:os.system x",
    "! x",
    "&a x",
    "*a",
    "<<: {}",
    '"=HYPERLINK(""http://x"",""y"")"',
    "'=1+1'",
    "'@SUM(A1)'",
    "'+1'",
    "'<script>alert(1)</script>'",
    "'a | b'",
    "[" * 1200,
    "{" * 1200,
    "[" * 60 + "]" * 60,
    "x" * 20000,
    "|\n  multi\n  line",
    "{a: [b, {c: d}]}",
    "[]",
    "{}",
    "-",
    "31/02/2023",
    "06/02/9999",
    "2023-02-30",
    "true",
    "no",
]
HOSTILE_LINES = [
    "- " * 500 + "x",
    "  " * 300 + "x: 1",
    "\t x: 1",
    "---",
    "...",
    "%YAML 1.1",
    "? [a]\n: b",
    "x: &a [1, 2]\ny: *a",
    "\x1b[31mred\x1b[0m: 1",
    "\x07: 1",
    "\u2028",
    "\u0085",
    "\ufeff",
    "items: 5",
    "items:",
    "unit: null",
    "year: 1e999999999",
    "criteria: ../../../../../../etc/passwd",
    "criteria: /dev/zero",
    "criteria: .",
]


@dataclass(frozen=True)
class Mutation:
    name: str
    data: bytes


def _mutations(text: str, rng: random.Random, count: int) -> Iterator[Mutation]:
    """``count`` seeded mutations of ``text``, each a whole file."""
    lines = text.split("\n")
    valued = [i for i, line in enumerate(lines) if re.match(r"\s*[^#\s][^:]*:\s*\S", line)]
    for n in range(count):
        kind = n % 8
        new = list(lines)
        if kind in (0, 1, 2) and valued:  # a value replaced by a hostile one
            i = rng.choice(valued)
            key, _, _ = new[i].partition(":")
            scalar = rng.choice(HOSTILE_SCALARS)
            new[i] = f"{key}: {scalar}"
            name = f"line {i + 1}: value -> {scalar[:40]!r}"
        elif kind == 3:  # a hostile line inserted
            i = rng.randrange(len(new) + 1)
            line = rng.choice(HOSTILE_LINES)
            new.insert(i, line)
            name = f"line {i + 1}: inserted {line[:40]!r}"
        elif kind == 4:  # a line deleted, doubled or moved
            i = rng.randrange(len(new))
            j = rng.randrange(len(new))
            how = rng.choice(["deleted", "doubled", "swapped"])
            if how == "deleted":
                del new[i]
            elif how == "doubled":
                new.insert(i, new[i])
            else:
                new[i], new[j] = new[j], new[i]
            name = f"line {i + 1} {how}" + (f" with {j + 1}" if how == "swapped" else "")
        elif kind == 5:  # the file cut short
            cut = rng.randrange(len(text))
            yield Mutation(f"cut at character {cut}", text[:cut].encode("utf-8"))
            continue
        elif kind == 6:  # bytes flipped
            data = bytearray(text.encode("utf-8"))
            spots = [rng.randrange(len(data)) for _ in range(rng.randint(1, 4))]
            for spot in spots:
                data[spot] = rng.randrange(256)
            yield Mutation(f"bytes flipped at {spots}", bytes(data))
            continue
        else:  # an indentation broken
            i = rng.randrange(len(new))
            shift = rng.choice(["", " ", "   ", "\t"])
            new[i] = shift + new[i].lstrip(" ")
            name = f"line {i + 1}: indented {shift!r}"
        yield Mutation(name, "\n".join(new).encode("utf-8"))


# Each command: the arguments (FILE is the mutated file, OUT a fresh output path, DIR the folder),
# and the exit codes it may end with.
EVIDENCE_COMMANDS: list[tuple[list[str], set[int]]] = [
    (["validate", "FILE"], {0, 1}),
    (["evaluate", "FILE"], {0, 2}),
    (["evaluate", "FILE", "--detail", "--lang", "en"], {0, 2}),
    (["evaluate", "FILE", "--format", "json"], {0, 2}),
    (["evaluate", "FILE", "--format", "csv", "-o", "OUT"], {0, 2}),
    (["evaluate", "FILE", "--format", "markdown", "--detail"], {0, 2}),
    (["evaluate", "FILE", "--missing"], {0, 2}),
    (["evaluate", "FILE", "--missing", "--format", "markdown"], {0, 2}),
    (["plan", "FILE", "--target", "95"], {0, 2}),
    (["plan", "FILE", "--format", "json"], {0, 2}),
    (["plan", "FILE", "--format", "docx", "-o", "OUT"], {0, 2}),
    (["plan-year", "--previous", "FILE", "--format", "docx", "-o", "OUT"], {0, 2}),
    (["compare", "DIR"], {0, 1, 2}),
    (["compare", "DIR", "--format", "json", "--detail"], {0, 1, 2}),
    (["compare", "DIR", "--format", "csv", "-o", "OUT"], {0, 1, 2}),
    (["compare", "DIR", "--format", "markdown", "--lang", "en"], {0, 1, 2}),
    (["compare", "DIR", "--format", "xlsx", "-o", "OUT"], {0, 1, 2}),
    (["compare", "DIR", "--format", "html", "-o", "OUT"], {0, 1, 2}),
    (["review", "FILE"], {0, 1, 2}),
    (["review", "DIR", "--format", "json", "--lang", "en"], {0, 1, 2}),
    (["compare", "DIR", "--survey", str(ROOT / "evidence" / "khao-sat-2023.csv")], {0, 1, 2}),
]
SET_COMMANDS: list[tuple[list[str], set[int]]] = [
    (["validate", "FILE"], {0, 1}),
    (["criteria", "show", "FILE"], {0, 2}),
    (["template", "--criteria", "FILE", "--unit", "Vĩnh Chấp", "-o", "OUT"], {0, 2}),
    (["evaluate", "EVIDENCE", "--detail"], {0, 2}),
    (["evaluate", "EVIDENCE", "--format", "json"], {0, 2}),
    (["plan", "EVIDENCE", "--format", "docx", "-o", "OUT"], {0, 2}),
    (["plan-year", "--criteria", "FILE", "--unit", "Vĩnh Chấp", "--year", "2024"], {0, 2}),
    (["compare", "DIR", "--format", "html", "-o", "OUT"], {0, 1, 2}),
    (["compare", "DIR", "--format", "xlsx", "-o", "OUT"], {0, 1, 2}),
    (["review", "EVIDENCE", "--format", "csv"], {0, 1, 2}),
]
APPRAISAL_COMMANDS: list[tuple[list[str], set[int]]] = [
    (["validate", "AP", "EX"], {0, 1}),
    (["evaluate", "EVIDENCE", "--appraisal", "AP", "--explanation", "EX"], {0, 2}),
    (["evaluate", "EVIDENCE", "--appraisal", "AP", "--format", "json"], {0, 2}),
    (["evaluate", "EVIDENCE", "--appraisal", "AP", "--format", "markdown", "--detail"], {0, 2}),
    (["compare", "DIR", "--lang", "en"], {0, 1, 2}),
    (["compare", "DIR", "--format", "xlsx", "-o", "OUT"], {0, 1, 2}),
    (["appraisal", "minutes", "EVIDENCE", "--appraisal", "AP", "-o", "OUT.docx"], {0, 2}),
    (["appraisal", "request", "EVIDENCE", "--appraisal", "AP", "-o", "OUT.docx"], {0, 2}),
    (["appraisal", "annex", "DIR", "-o", "OUT.xlsx"], {0, 1, 2}),
]
# year over year (docs/years.md): a mutated crosswalk or lineage with the shipped years
YEARS = ROOT / "docs" / "examples" / "years"
YEAR_FILES = [YEARS / "crosswalk-2023-2025.yaml", YEARS / "lineage-2025.yaml"]
_VINH_LINH = str(YEARS / "2025" / "vinh-linh-2025.yaml")
_VINH_CHAP = str(ROOT / "evidence" / "vinh-chap-2023.yaml")
CROSSWALK_COMMANDS: list[tuple[list[str], set[int]]] = [
    (["evaluate", _VINH_LINH, "--previous", _VINH_CHAP, "--crosswalk", "FILE"], {0, 2}),
    (["plan", _VINH_LINH, "--previous", _VINH_CHAP, "--crosswalk", "FILE"], {0, 2}),
]
LINEAGE_COMMANDS: list[tuple[list[str], set[int]]] = [
    (
        ["compare", str(YEARS / "2025"), "--previous", str(ROOT / "evidence"), "--lineage", "FILE"]
        + ["--no-cache", "--format", fmt, "-o", "OUT"],
        {0, 1, 2},
    )
    for fmt in ("json", "html")
]
CASE_COMMANDS: list[tuple[list[str], set[int]]] = [
    (["criteria", "test", "SET", "FILE"], {0, 1, 2}),
    (["criteria", "test", "SET", "FILE", "--lang", "en"], {0, 1, 2}),
]

# What a terminal would act on: C0 controls but tab and newline, DEL, C1 controls.
TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
LOCATED = re.compile(r"^(?P<file>[^\s:][^:]*?)(?::(?P<line>\d+):(?P<col>\d+))?: ")


@contextmanager
def _deadline(seconds: int, what: str) -> Iterator[None]:
    """Fail instead of hanging the suite (POSIX; elsewhere there is no guard)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: {what}")

    before = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _check_run(
    args: list[str],
    allowed: set[int],
    folder: Path,
    inputs: dict[str, bytes],
    what: str,
) -> None:
    before = _snapshot(folder)
    with _deadline(HANG, what):
        result = CliRunner().invoke(main, args, catch_exceptions=True)
    context = (
        f"{what}\n$ parscore {' '.join(args)}\nexit {result.exit_code}\n{result.stderr[-3000:]}"
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise AssertionError(f"{context}\nraised {result.exception!r}") from result.exception
    assert result.exit_code in allowed, context
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr, context
    for stream in (result.stdout, result.stderr):
        bad = TERMINAL_CONTROL.search(stream)
        assert bad is None, f"{context}\nterminal control character {bad and bad.group()!r}"
    refused = result.exit_code == 2 or (args[0] == "validate" and result.exit_code == 1)
    if refused:
        _check_located(result.stderr, folder, context)
    after = _snapshot(folder)
    for name, data in inputs.items():
        assert after.get(name) == data, f"{context}\nthe input {name} was changed"
    assert after == before, f"{context}\na file beside the inputs was written or changed"


def _check_located(stderr: str, folder: Path, context: str) -> None:
    """Every message line names a file (with a line that exists in it) or is a usage error."""
    lines = [line for line in stderr.splitlines() if line and not line.startswith(" ")]
    assert lines, f"{context}\nrefused without a word"
    for line in lines:
        if re.fullmatch(r"\d+ (lỗi|errors?), \d+ (cảnh báo|warnings?)", line):
            continue
        if line.startswith(("lỗi: ", "error: ", "Error: ", "Usage: ")):
            continue
        if re.match(r"^\S+: (hợp lệ|có lỗi|valid|has problems)", line):
            continue
        match = LOCATED.match(line)
        assert match, f"{context}\nnot located: {line!r}"
        named = Path(match["file"])
        if match["line"] and named.is_file():
            count = named.read_bytes().count(b"\n") + 1
            assert int(match["line"]) <= count, f"{context}\nline {match['line']} of {count}"


def _cases() -> list[tuple[str, Path]]:
    return (
        [("evidence", path) for path in EXAMPLES]
        + [("criteria", path) for path in SETS]
        + [("cases", path) for path in CASE_FILES]
        + [(path.stem.split("-")[0], path) for path in YEAR_FILES]
        + [("appraisal", path) for path in APPRAISAL_FILES]
    )


@pytest.mark.parametrize(("kind", "source"), _cases(), ids=lambda v: getattr(v, "name", v))
def test_mutations_never_crash_hang_or_mislead(
    kind: str, source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PARSCORE_LANG", raising=False)
    rng = random.Random(f"{SEED}:{source.name}")
    text = source.read_text("utf-8")
    commands = {
        "evidence": EVIDENCE_COMMANDS,
        "criteria": SET_COMMANDS,
        "crosswalk": CROSSWALK_COMMANDS,
        "lineage": LINEAGE_COMMANDS,
        "appraisal": APPRAISAL_COMMANDS,
    }.get(kind, CASE_COMMANDS)
    for n, mutation in enumerate(_mutations(text, rng, RUNS)):
        folder = tmp_path / f"run{n}"
        folder.mkdir()
        evidence = folder / "x.yaml"
        appraisal, answers = folder / "ap.yaml", folder / "ex.yaml"
        if kind == "appraisal":  # the council's file or the commune's answers, mutated
            shutil.copy(ROOT / "evidence" / "que-minh-2023.yaml", evidence)
            shutil.copy(ROOT / "appraisal" / "que-minh-2023.yaml", appraisal)
            shutil.copy(ROOT / "appraisal" / "que-minh-2023-giai-trinh.yaml", answers)
            target = answers if "giai-trinh" in source.name else appraisal
            target.write_bytes(mutation.data)
        elif kind in ("cases", "crosswalk", "lineage"):  # run with the shipped files
            target = folder / f"{kind}.yaml"
            target.write_bytes(mutation.data)
        elif kind == "evidence":
            target = folder / "x.yaml"
            target.write_bytes(mutation.data)
            shutil.copy(ROOT / "evidence" / "vinh-long-2023.yaml", folder / "vinh-long.yaml")
            evidence = target
        else:
            target = folder / "set.yaml"
            target.write_bytes(mutation.data)
            evidence = folder / "x.yaml"
            example = (ROOT / "evidence" / "vinh-chap-2023.yaml").read_text("utf-8")
            evidence.write_text(
                re.sub(r"(?m)^criteria:.*$", "criteria: set.yaml", example), encoding="utf-8"
            )
        inputs = _snapshot(folder)
        # two commands a mutation, taken in turn, so every command meets many mutations
        for k in (2 * n, 2 * n + 1):
            template, allowed = commands[k % len(commands)]
            args = [
                {
                    "FILE": target.relative_to(tmp_path).as_posix(),
                    "EVIDENCE": evidence.relative_to(tmp_path).as_posix(),
                    "DIR": folder.relative_to(tmp_path).as_posix(),
                    "OUT": f"out-{n}-{k}",
                    "OUT.docx": f"out-{n}-{k}.docx",
                    "OUT.xlsx": f"out-{n}-{k}.xlsx",
                    "AP": appraisal.relative_to(tmp_path).as_posix(),
                    "EX": answers.relative_to(tmp_path).as_posix(),
                    "SET": source.stem,
                }.get(arg, arg)
                for arg in template
            ]
            what = f"seed {SEED}, {source.name}, mutation {n}: {mutation.name}"
            _check_run(args, allowed, folder, inputs, what)


def test_the_mutations_are_seeded() -> None:
    """The same seed gives the same files, so a failure found once can be found again."""
    text = EXAMPLES[0].read_text("utf-8")
    first = list(_mutations(text, random.Random("s"), 16))
    again = list(_mutations(text, random.Random("s"), 16))
    other = list(_mutations(text, random.Random("t"), 16))
    assert first == again
    assert first != other
    assert len({m.data for m in first}) > 12  # they differ from one another
