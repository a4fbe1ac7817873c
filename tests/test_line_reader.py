"""Differential tests of the line reader (:mod:`parscore.linereader`), the fast path's first tier,
against the located reader (:func:`parscore.yamlsource.load_text`): whatever text the line reader
reads, the located reader reads without a problem, to the same values (same types, same key
order). And the files parscore ships, and the files of the benchmark, take it.

Inputs: every shipped evidence file and three generated benchmark files; seeded line mutations
of them aimed at the line reader's grammar (indentations one off, a value swapped for one of
YAML's special pieces, block scalars with blank, more-indented or trailing-space lines, flow
collections that are not quite); hypothesis-built documents from the grammar's pieces, with
the small limits too. ``PARSCORE_FUZZ_RUNS`` (default 12) sets the mutations per file.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_fast_reader import typed
from test_hostile import _deadline

from parscore import fastyaml, linereader, yamlsource
from parscore.errors import InputError
from parscore.yamlsource import DEFAULT_LIMITS, Limits

ROOT = Path(__file__).resolve().parent.parent
EVIDENCE = sorted((ROOT / "evidence").glob("*.yaml"))
RUNS = int(os.environ.get("PARSCORE_FUZZ_RUNS", "12"))
SEED = int(os.environ.get("PARSCORE_FUZZ_SEED", "2026"))
SMALL = Limits(max_depth=3, max_nodes=400)


def line_read(text: str, limits: Limits = DEFAULT_LIMITS) -> Any:
    try:
        return linereader.values(text, limits, fastyaml._scalar)
    except linereader.Unusual:
        return linereader.Unusual


def assert_agrees(text: str, limits: Limits = DEFAULT_LIMITS) -> bool:
    """When the line reader reads ``text``, the located reader reads the same; True if it did."""
    text = yamlsource.decode(text.encode("utf-8"), "f.yaml") if "\x00" not in text else text
    value = line_read(text, limits)
    if value is linereader.Unusual:
        return False
    try:
        located = yamlsource.load_text(text, "f.yaml", limits).data
    except InputError as exc:  # pragma: no cover - shown when it fails
        raise AssertionError(
            f"the line reader read what the located reader refuses: {exc}"
        ) from exc
    assert typed(value) == typed(located), text
    return True


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("generated")
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "3", str(folder)],
        check=True,
        capture_output=True,
    )
    return sorted(folder.glob("*.yaml"))


def test_every_shipped_evidence_file_takes_the_line_reader():
    for path in EVIDENCE:
        assert assert_agrees(path.read_text(encoding="utf-8")), path.name


def test_generated_files_take_the_line_reader(generated):
    assert len(generated) == 3
    for path in generated:
        assert assert_agrees(path.read_text(encoding="utf-8")), path.name


def test_a_file_it_reads_takes_no_tree_and_gives_the_located_positions():
    path = EVIDENCE[0]
    source = fastyaml.load_bytes(path.read_bytes(), "f.yaml")
    assert isinstance(source, fastyaml.LazySource) and source._composed is False
    assert source.position(("items",)) == yamlsource.load_file(path).position(("items",))


# what a value may be swapped for: YAML's special pieces, and near misses of the grammar
VALUES = [
    "1",
    "1.50",
    "-1",
    "+1",
    ".5",
    "1.",
    "1e3",
    "0o7",
    "0x1F",
    "007",
    "1_000",
    "-0",
    "0.0",
    "true",
    "True",
    "yes",
    "no",
    "on",
    "~",
    "null",
    "Null",
    "NULL",
    "",
    "a",
    "a b",
    "a  b",
    '""',
    "''",
    '" "',
    "' '",
    '"a\\"b"',
    "'it''s'",
    '"a # b"',
    "a #b",
    "a # b",
    "a#b",
    "#a",
    "a: b",
    "a:b",
    "a:",
    ":a",
    "-a",
    "- a",
    "-",
    "?a",
    "? a",
    "@a",
    "`a",
    "%a",
    "&a a",
    "*a",
    "!!str a",
    "!a a",
    "|",
    ">",
    "|-",
    ">-",
    "|+",
    ">2",
    "|-1",
    "[a, b]",
    "[a,b]",
    "[]",
    "[ ]",
    "[a, [b]]",
    "[a, {b: c}]",
    "[a: b]",
    "[a, ]",
    "{a: 1}",
    "{a: 1, b: 2}",
    "{a: 1, a: 2}",
    "{a:1}",
    "{a}",
    "{}",
    "{ }",
    "{a: [b]}",
    "{a: 1} # c",
    "{a: 1} x",
    "{a: 1, }",
    '{"a b": "c"}',
    "{'a': 'b'}",
    "{a: b c, d: -1}",
    "[a, b] # c: d]",
    '"é"',
    "e\u0301",
    "a\u00a0",
    "\u3000a",
    "'a",
    '"a',
    "a'",
    'a"',
    "a ,b",
    "a [b]",
    "a {b}",
    "a\\b",
    "Kế hoạch số 05/KH-UBND",
]
BLOCK_BODIES = [
    ["a"],
    ["a", "b"],
    ["a", "", "b"],
    ["a", " b"],
    ["a ", "b"],
    ["# a", "b"],
    ["a", "b", ""],
    ["a", "b", "", ""],
    ["a", "     "],
    ["- a", "b: c"],
    ["a"],
    [],
]


def mutate(lines: list[str], rng: random.Random) -> None:  # noqa: C901 - one choice per branch
    at = rng.randrange(len(lines))
    line = lines[at]
    indent = len(line) - len(line.lstrip(" "))
    choice = rng.randrange(8)
    if choice == 0:  # a value swapped
        head = line.split(": ", 1)[0] if ": " in line else line.rstrip(" ")
        lines[at] = (
            f"{head}: {rng.choice(VALUES)}" if ": " in line else f"{head} {rng.choice(VALUES)}"
        )
    elif choice == 1:  # an indentation one or two off
        lines[at] = " " * max(0, indent + rng.choice([-2, -1, 1, 2])) + line.lstrip(" ")
    elif choice == 2:  # a block scalar, its lines at an indentation of their own
        head = line.split(":", 1)[0] if ":" in line else " " * indent + "x"
        header = rng.choice(["|", ">", "|-", ">-", ">- # c", "|+", ">1"])
        step = rng.choice([1, 2, 3])
        body = [(" " * (indent + step) + b if b else b) for b in rng.choice(BLOCK_BODIES)]
        lines[at : at + 1] = [f"{head}: {header}", *body]
    elif choice == 3:  # a blank line, a comment, a line of spaces
        lines.insert(at, rng.choice(["", " " * rng.randrange(8), " " * indent + "# c", "#"]))
    elif choice == 4:  # a line copied (a duplicate key, an item more) or dropped
        if rng.random() < 0.5:
            lines.insert(at, line)
        else:
            del lines[at]
    elif choice == 5:  # a sequence's item made a mapping's line, or the other way round
        body = line.lstrip(" ")
        lines[at] = " " * indent + (body[2:] if body.startswith("- ") else "- " + body)
    elif choice == 6:  # trailing spaces, or a comment with or without its space
        lines[at] = line + rng.choice(["  ", " # c", "#c", " #", ":"])
    else:  # a document marker or a directive
        lines.insert(at, rng.choice(["---", "...", "%YAML 1.1", "--- # c", "- ---"]))


def test_mutated_files_read_the_same(generated):
    fast = total = 0
    for path in [*EVIDENCE, *generated]:
        rng = random.Random(f"{SEED}:{path.name}")
        lines = path.read_text(encoding="utf-8").split("\n")
        for _ in range(RUNS * 6):
            mutated = list(lines)
            for _ in range(rng.randrange(1, 4)):
                mutate(mutated, rng)
            text = "\n".join(mutated)
            fast += assert_agrees(text)
            assert_agrees(text, SMALL)
            total += 1
    assert fast > total // 10  # most mutations leave a file the line reader reads


def scalar_text(rng: random.Random) -> str:
    return rng.choice([*VALUES[:40], "Kế hoạch 05/KH-UBND", '"03/01/2023"', "12", '"x y"'])


def emit(rng: random.Random, depth: int, indent: int, lines: list[str]) -> None:  # noqa: C901
    """A random block mapping or sequence at ``indent``, in the template's shapes mostly."""
    if rng.random() < 0.6 or depth == 0:
        keys = ["a", "b", '"1.1"', "c_d", "'e'", "f-g", "h.i", '"j k"']
        for key in rng.sample(keys, rng.randrange(1, 5)):
            pre = " " * indent
            kind = rng.random()
            if kind < 0.45 or depth == 0:
                lines.append(f"{pre}{key}: {scalar_text(rng)}" + rng.choice(["", " # c", "  "]))
            elif kind < 0.6:
                flows = ['{a: 1, b: "x"}', "[1, 2.50, 'c']", "{}", "[]", "{x: y z}"]
                lines.append(f"{pre}{key}: {rng.choice(flows)}")
            elif kind < 0.75:
                lines.append(f"{pre}{key}: " + rng.choice(["|", ">", "|-", ">-"]))
                step = rng.choice([1, 2, 2, 4])
                for _ in range(rng.randrange(1, 4)):
                    text = rng.choice(["text", "more text", "# not a comment", "- dash", "a: b"])
                    lines.append(" " * (indent + step) + text)
                if rng.random() < 0.3:
                    lines.append("")
            else:
                lines.append(f"{pre}{key}:" + rng.choice(["", " # c"]))
                if rng.random() >= 0.2:  # else an empty value
                    emit(rng, depth - 1, indent + rng.choice([1, 2, 4]), lines)
            if rng.random() < 0.15:
                lines.append(rng.choice(["", " " * indent + "# comment", "#"]))
        return
    for _ in range(rng.randrange(1, 4)):
        pre = " " * indent + "- "
        kind = rng.random()
        if kind < 0.4:
            lines.append(pre + scalar_text(rng))
        elif kind < 0.6:
            lines.append(pre + rng.choice(['{number: "05/KH", date: "03/01/2023"}', "[a, b]"]))
        else:
            item: list[str] = []
            emit(rng, 0, indent + 2, item)
            lines.extend([pre + item[0].lstrip(" "), *item[1:]])


def test_random_documents_in_the_templates_shapes_read_the_same():
    rng = random.Random(SEED)
    fast = 0
    for _ in range(RUNS * 250):
        lines: list[str] = []
        emit(rng, 3, 0, lines)
        if rng.random() < 0.5:
            mutate(lines, rng)
        text = "\n".join(lines) + rng.choice(["", "\n"])
        fast += assert_agrees(text)
        assert_agrees(text, SMALL)
    assert fast > RUNS * 50  # most of them are in its grammar


KEYS = ["a", "b", '"a"', "'b'", '"1.1"', "1.1", "_x", "a-b", "a b", '""', "<<", '"<<"', "? a"]


def piece_lines() -> st.SearchStrategy[str]:
    key_line = st.builds(
        lambda ind, dash, key, sep, value: " " * ind + dash + key + sep + value,
        st.integers(0, 6),
        st.sampled_from(["", "- ", "-  "]),
        st.sampled_from(KEYS),
        st.sampled_from([": ", ":", ":  ", " : "]),
        st.sampled_from(VALUES),
    )
    item_line = st.builds(
        lambda ind, value: " " * ind + "- " + value, st.integers(0, 6), st.sampled_from(VALUES)
    )
    other = st.sampled_from(["", "  ", "# c", "  # c", "  text", "    text", "---", "..."])
    return st.one_of(key_line, item_line, other)


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(piece_lines(), min_size=1, max_size=12), st.booleans(), st.booleans())
def test_documents_built_from_the_grammars_pieces_read_the_same(
    lines: list[str], small: bool, final_break: bool
) -> None:
    text = "\n".join(lines) + ("\n" if final_break else "")
    assert_agrees(text, SMALL if small else DEFAULT_LIMITS)


@pytest.mark.parametrize(
    "text",
    [
        "a: >-\n  one\n  two\nb: 1\n",
        "a: |\n  one\n  two\n\n\nb: 1\n",
        "a: >\n  one\n  two\n",
        "- a: 1\n  b: [x, 'y', \"z\"]\n- {c: d}\n- e\n",
        "a:\n  b:\n    - 1\n    - 2.50\n  c: ~\nd:\n",
        "a: {}\nb: []\nc: ''\nd: \"\"\n",
        "- explanation: >-\n    one\n    two\n  claimed: 1\n- b: c\n",  # the item's next key
        "a:\n- b\n- c: 1\n  d: 2\ne:\n  f:\n  - {g: h}\n  i: 1\n",  # at its key's indentation
        "- a:\n  - b\n  c: d\n- e\n",
        "a: \"Kế hoạch \\\"Dân vận khéo\\\" \\\\ 2023\"\nb: 'Mô hình ''X'''\n",  # \" \\ ''
        "a: [\"q\\\"\", 'it''s']\nb: {c: \"d\\\"e\", f: 'g''h'}\n",
    ],
)
def test_the_grammars_own_shapes_are_read_by_it(text):
    assert assert_agrees(text)


def test_prose_with_commas_colons_and_brackets_and_long_runs_of_spaces():
    # a clerk's unquoted prose: commas, brackets, a time, a "#" inside a word (a comment needs
    # a space before it); a run of 40,000 spaces is read in one pass (it took seconds)
    assert assert_agrees("a: Chưa đạt, sẽ bổ sung [Phụ lục 2] lúc 10:30, số #5 x#y # c\n")
    with _deadline(10, "a line of 400,000 spaces"):  # one pass takes milliseconds; one per
        assert assert_agrees("a: b" + " " * 400_000 + "c\n")  # space took hours
        assert line_read("a: [b" + " " * 400_000 + "d\n") is linereader.Unusual


def test_nesting_beyond_what_libyaml_takes_is_left_to_it():
    deep = "".join(" " * i + "a:\n" for i in range(999)) + " " * 999 + "a: 1\n"
    assert line_read(deep, Limits(max_depth=1000)) is linereader.Unusual  # libyaml: too deep
    for depth in (0, -1):  # not even the document: the located reader refuses it
        assert line_read("a: 1\n", Limits(max_depth=depth)) is linereader.Unusual


@pytest.mark.parametrize(
    "text",
    [
        "a: >-\n  one\n\n  two\n",  # a blank line inside a block scalar
        "a: |\n  one\n   two\n",  # a more-indented line
        "a: |\n  one \n",  # trailing spaces
        "a: |\n  one",  # no line break after the last line
        "a: b\n  c\n",  # a plain scalar over two lines
        'a: "b\n  c"\n',  # a quoted one
        "a: 1\na: 2\n",  # a duplicate key
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "\ta: 1\n",
        "--- \na: 1\n",
        "a: b: c\n",
        "a: {b: [c]}\n",
        'a: "\\n"\n',  # an escape other than \" and \\
        "a: [?b]\n",  # in a flow collection "?" starts a key, space or not
        "a: {b: ?c}\n",
        "a: ?b\n",
        "k" * 1100 + ": 1\n",  # libyaml looks for a key's ":" within 1024 characters (or bytes)
        '"' + "ế" * 400 + '": 1\n',
        "a: {" + "k" * 1100 + ': "v"}\n',
        "a: {" + "k" * 1100 + ": v}\n",
    ],
)
def test_what_is_outside_the_grammar_is_left_to_libyaml(text):
    assert line_read(text) is linereader.Unusual


def test_every_character_it_refuses_is_one_that_is_not_printable():
    # the reader looks for them only in a text that is not printable: that must be all of them
    refused = [c for c in range(0x110000) if linereader._REFUSED.match(chr(c))]
    assert len(refused) > 2000  # the surrogates alone are 2,048
    assert not any(chr(c).isprintable() for c in refused)


@settings(max_examples=300, deadline=None)
@given(st.from_regex(r"[-+]?[0-9]{1,17}(\.[0-9]{0,8})?([eE][-+]?[0-9]{1,3})?", fullmatch=True))
def test_a_number_is_typed_as_the_located_reader_types_it(number: str) -> None:
    assert_agrees(f"a: {number}\nb: [{number}]\n")
