"""The invalid-input corpus: every broken file a commune clerk or a province could send us.

Each file under ``tests/data/invalid/evidence`` and ``tests/data/invalid/criteria`` shows one
problem (its first comment says which). Cases that a text file cannot hold (NUL bytes, other
encodings, an empty file) or that would be huge (a 30 MB line, deep nesting) are generated from
the ``GENERATED`` table below into a temporary folder.

Every case goes through the command line as a clerk runs it: ``validate`` must exit 1 (or, for
the few cases that only warn, exit 0 and exit 1 with ``--strict``), ``evaluate`` must exit 2
with nothing on stdout, and no run may end in a traceback. The problem lines (``file:line:col:
message [code]``, without the source line and caret shown below each) must equal those in
``tests/data/invalid/expected.txt``. ``PARSCORE_UPDATE_GOLDEN=1`` rewrites that file after a
deliberate change: then read the diff, message by message.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from parscore.cli import main
from parscore.messages import CATALOGUE

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS / "data" / "invalid"
EXPECTED = CORPUS / "expected.txt"
UPDATE = bool(os.environ.get("PARSCORE_UPDATE_GOLDEN"))


def _cases(kind: str) -> list[str]:
    return sorted(path.relative_to(CORPUS).as_posix() for path in (CORPUS / kind).glob("*.yaml"))


EVIDENCE = _cases("evidence")
CRITERIA = _cases("criteria")

# Cases that only warn: `validate` passes them, `validate --strict` does not, `evaluate` scores.
WARNINGS_ONLY = {
    "evidence/24-document-wrong-year.yaml",
    "evidence/25-year-differs-from-set.yaml",
    "evidence/57-status-contradicts-dates.yaml",
    "evidence/58-document-no-number-no-date.yaml",
    "evidence/74-explanation-blank.yaml",
}

KNOWN_BAD: dict[str, str] = {}  # all fixed; add "case": "what is wrong" when one is found

# ---------------------------------------------------------------------------------------------
# generated cases

_HEAD = "unit:\n  name: Vĩnh Chấp\n  kind: xã\nyear: 2023\ncriteria: ref-commune-2023\n"
_OVER = (  # a valid evidence file but for one error: more dossiers on time than settled
    _HEAD + 'items:\n  "3.2":\n    on_time: 1450\n    settled: 1405\n'
    "    documents: [{number: 45/BC-UBND, date: 12/12/2023}]\n"
)


def _windows_1258(text: str) -> bytes:
    """Windows-1258 writes Vietnamese as a base letter (a, â, ơ...) and a combining tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFD", text):
        if out and unicodedata.combining(char):
            try:  # â, ê, ô, ă, ơ, ư have their own byte; the tone follows as a combining mark
                out[-1:] = unicodedata.normalize("NFC", out[-1:].decode("cp1258") + char).encode(
                    "cp1258"
                )
                continue
            except UnicodeEncodeError:
                pass
        out += char.encode("cp1258")
    return bytes(out)


def _alias_bomb() -> bytes:
    """The billion laughs: 9 levels of 9 aliases, 9**9 nodes if it were ever expanded."""
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return ("\n".join(lines) + "\n").encode()


def _flow_2mb() -> bytes:
    """A whole evidence file on one 2 MB line, its one error near the end of the line."""
    return (
        "{unit: {name: Vĩnh Chấp, kind: xã}, year: 2023, criteria: ref-commune-2023, notes: "
        + "x" * (2 * 1024 * 1024)
        + ', items: {"3.2": {on_time: 1450, settled: 1405, '
        "documents: [{number: 45/BC-UBND, date: 12/12/2023}]}}}\n"
    ).encode()


# name -> bytes. Built only when its test runs (the 30 MB case is never held at import).
GENERATED: dict[str, Callable[[], bytes]] = {
    # an empty file cannot begin with the comment the committed cases begin with
    "empty.yaml": lambda: b"",
    # a control character pasted after Vietnamese text: placed by characters, not bytes
    "control-char.yaml": lambda: (
        _HEAD + "assessment:\n  by: Tổ công tác Vĩnh Chấp\x08\n"
    ).encode(),
    "nul-byte.yaml": lambda: (_HEAD + 'items:\n  "1.5":\n    met: true\x00\n').encode(),
    "windows-1258.yaml": lambda: _windows_1258(_HEAD),
    "utf8-bom.yaml": lambda: codecs.BOM_UTF8 + _OVER.encode(),
    "utf16-le-bom.yaml": lambda: codecs.BOM_UTF16_LE + _OVER.encode("utf-16-le"),
    "utf16-be-bom.yaml": lambda: codecs.BOM_UTF16_BE + _OVER.encode("utf-16-be"),
    "utf16-no-bom.yaml": lambda: _OVER.encode("utf-16-le"),
    "line-30mb.yaml": lambda: _HEAD.encode() + b"notes: " + b"x" * (30 * 1024 * 1024) + b"\n",
    "flow-2mb.yaml": _flow_2mb,
    "deep-flow.yaml": lambda: b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "deep-flow-mapping.yaml": lambda: b"{a: " * 100_000 + b"1" + b"}" * 100_000 + b"\n",
    "deep-block.yaml": lambda: (
        "".join(" " * i + f"k{i}:\n" for i in range(150)) + " " * 150 + "v\n"
    ).encode(),
    "alias-bomb.yaml": _alias_bomb,
    # a file cut short inside a flow list (a copy interrupted): placed on the last line, not
    # on a line past the end that no editor shows
    "cut-in-flow.yaml": lambda: (
        _HEAD + 'items:\n  "3.2":\n    on_time: 1150\n    settled: 1200\n    documents:\n      - {'
    ).encode(),
    # 150 documents on one item: more than a real file needs (at most a handful)
    "documents-too-many.yaml": lambda: (
        _HEAD
        + 'items:\n  "3.2":\n    on_time: 1150\n    settled: 1200\n    documents:\n'
        + "      - {number: 45/BC-UBND, date: 12/12/2023}\n" * 150
    ).encode(),
    # beyond int()'s 4,300 digits; the message shows the first 39 and an ellipsis
    "integer-5000-digits.yaml": lambda: (
        _HEAD + 'items:\n  "3.2":\n    on_time: ' + "1" * 5000 + "\n    settled: 1405\n"
    ).encode(),
    # an unknown key of 10,000 characters, echoed as 39 and an ellipsis
    "key-10000-chars.yaml": lambda: (_HEAD + "? " + "k" * 10_000 + "\n: 1\n").encode(),
    # 1 KB of "- - - ...": block nesting on one line, once a RecursionError
    "deep-block-one-line.yaml": lambda: b"- " * 500 + b"x\n",
    # an escape writes ESC ] 0 ; ... BEL, which would set a terminal's window title
    "escaped-control.yaml": lambda: (
        _HEAD + 'assessment:\n  by: "Tổ công tác \\e]0;owned\\a"\n'
    ).encode(),
    # U+2028 pasted into a quoted title: a line break to libyaml, none to an editor
    "line-separator.yaml": lambda: (
        _HEAD + 'notes: "Kế hoạch\u2028năm 2023"\nyear: 2024\n'
    ).encode(),
    "bidi-control.yaml": lambda: (_HEAD + "notes: UBND \u202e3202 \u202c\n").encode(),
    # 1 MB, 20,000 documents (100,000 nodes): refused at the node limit, memory stays small
    "many-nodes.yaml": lambda: (
        _HEAD
        + 'items:\n  "3.2":\n    documents:\n'
        + "      - {number: 45/BC-UBND, date: 12/12/2023}\n" * 20_000
    ).encode(),
}
GENERATED_CASES = [f"generated/{name}" for name in GENERATED]
ALL_CASES = EVIDENCE + CRITERIA + GENERATED_CASES

# ---------------------------------------------------------------------------------------------
# expected.txt


def read_expected() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    if not EXPECTED.exists():
        return sections
    current: list[str] | None = None
    for line in EXPECTED.read_text(encoding="utf-8").split("\n"):
        if line.startswith("# "):
            current = sections.setdefault(line[2:], [])
        elif line and current is not None:
            current.append(line)
    return sections


def write_expected(sections: dict[str, list[str]]) -> None:
    text = "".join(
        f"# {case}\n" + "".join(f"{line}\n" for line in sections[case])
        for case in ALL_CASES
        if case in sections
    )
    EXPECTED.write_text(text, encoding="utf-8", newline="\n")


def check_expected(case: str, lines: list[str]) -> None:
    if UPDATE:
        sections = read_expected()
        sections[case] = lines
        write_expected(sections)
    assert lines == read_expected().get(case), f"{case}: rerun with PARSCORE_UPDATE_GOLDEN=1"


# ---------------------------------------------------------------------------------------------
# running the command line

PROBLEM = re.compile(r"^(?P<file>[^:]+)(?::\d+:\d+)?: (?:warning: )?.+ \[(?P<code>[a-z0-9.-]+)\]$")
SUMMARY = re.compile(r"^\d+ errors?, \d+ warnings?$")


def run(*args: str) -> Result:
    result = CliRunner().invoke(main, list(args))
    # CliRunner catches what would have been a traceback: anything but sys.exit is a crash
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        result.exc_info,
    )
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream and "internal error" not in stream, stream
    return result


def problem_lines(stderr: str) -> list[str]:
    """The ``file:line:col: message [code]`` lines, without the source line and caret."""
    lines = [line for line in stderr.split("\n") if line and not line.startswith("    ")]
    for line in lines:
        match = PROBLEM.match(line)
        assert match, line
        assert match["code"] in CATALOGUE, line
    return lines


def check_case(case: str, *, evidence: bool) -> None:
    warnings_only = case in WARNINGS_ONLY
    args = ["validate", "--lang", "en", *(["--strict"] if warnings_only else []), case]
    checked = run(*args)
    assert checked.exit_code == 1, (case, checked.stdout, checked.stderr)
    status = "does not pass --strict: it has warnings" if warnings_only else "has problems"
    assert checked.stdout.startswith(f"{case}: {status} ("), checked.stdout
    lines = problem_lines(checked.stderr)
    assert lines, case
    check_expected(case, lines)
    if warnings_only:
        relaxed = run("validate", "--lang", "en", case)
        assert relaxed.exit_code == 0, relaxed.stdout
        assert problem_lines(relaxed.stderr) == lines
        assert all(": warning: " in line for line in lines)
    if not evidence:
        return
    scored = run("evaluate", "--lang", "en", case)
    if warnings_only:
        assert scored.exit_code == 0, scored.stderr
        assert scored.stdout, case
        return
    assert scored.exit_code == 2, (case, scored.stdout, scored.stderr)
    assert scored.stdout == "", scored.stdout
    said = [line for line in scored.stderr.split("\n") if line]
    assert SUMMARY.match(said[-1]), said[-1]
    # evaluate and validate report the same problems
    assert problem_lines(scored.stderr[: scored.stderr.rstrip("\n").rfind("\n") + 1]) == lines


@pytest.mark.parametrize("case", EVIDENCE)
def test_evidence_case(case, monkeypatch):
    monkeypatch.chdir(CORPUS)
    check_case(case, evidence=True)


@pytest.mark.parametrize("case", CRITERIA)
def test_criteria_case(case, monkeypatch):
    monkeypatch.chdir(CORPUS)
    check_case(case, evidence=False)


@pytest.mark.parametrize("name", list(GENERATED))
def test_generated_case(name, tmp_path, monkeypatch):
    (tmp_path / "generated").mkdir()
    path = tmp_path / "generated" / name
    data = GENERATED[name]()
    path.write_bytes(data)
    monkeypatch.chdir(tmp_path)
    # evaluate too: the YAML and encoding refusals come before anything tells the kinds apart
    check_case(f"generated/{name}", evidence=True)
    assert path.read_bytes() == data
    assert [p.name for p in tmp_path.rglob("*")] == ["generated", name]  # nothing written


def test_the_corpus_is_big_enough_and_documented():
    assert len(EVIDENCE) >= 40 and len(CRITERIA) >= 20
    for case in EVIDENCE + CRITERIA:
        name = case.split("/")[1]
        assert re.fullmatch(r"\d\d-[a-z0-9-]+\.yaml", name), case
        first = (CORPUS / case).read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# ") and len(first) > 10, case  # says what it shows
    assert WARNINGS_ONLY <= set(EVIDENCE)
    assert set(KNOWN_BAD) <= set(ALL_CASES)


def test_expected_has_exactly_the_cases():
    if UPDATE:  # the case tests rewrite it; drop sections of cases that are gone
        write_expected(read_expected())
    assert list(read_expected()) == ALL_CASES


def _hashes() -> dict[str, str]:
    shipped = TESTS.parent / "criteria" / "ref-commune-2023.yaml"
    files = [*CORPUS.rglob("*"), TESTS / "data" / "mini-set.yaml", shipped]
    return {
        path.as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(files)
        if path.is_file()
    }


def test_running_the_cases_modifies_no_file(monkeypatch):
    monkeypatch.chdir(CORPUS)
    before = _hashes()
    for lang in ("en", "vi"):  # every message renders in both languages
        result = run("validate", "--strict", "--lang", lang, *EVIDENCE, *CRITERIA)
        assert result.exit_code == 1
        status = ": has problems (" if lang == "en" else ": có lỗi ("
        strict = ": does not pass --strict" if lang == "en" else ": không đạt với --strict"
        failed = result.stdout.count(status) + result.stdout.count(strict)
        assert failed == len(EVIDENCE) + len(CRITERIA), result.stdout
        assert result.stdout.count(strict) == len([c for c in EVIDENCE if c in WARNINGS_ONLY])
    for case in EVIDENCE:
        for fmt in ("table", "json"):
            run("evaluate", "--format", fmt, case)
    assert _hashes() == before
    assert sorted(path.name for path in CORPUS.iterdir()) == [
        "criteria",
        "evidence",
        "expected.txt",
    ]
