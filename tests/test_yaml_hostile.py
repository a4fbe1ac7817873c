"""Hostile or accidental YAML that once got past the strict reader: nesting that crashed Python
or was refused in libyaml's English, control characters written with escapes, invisible line
breaks that shifted every later position, explicit default tags, and files of a million nodes."""

from __future__ import annotations

import sys

import pytest

from parscore import yamlsource
from parscore.errors import InputError, Problem
from parscore.yamlsource import Limits


def problems(text: str | bytes, limits: Limits = yamlsource.DEFAULT_LIMITS) -> list[str]:
    with pytest.raises(InputError) as info:
        if isinstance(text, bytes):
            yamlsource.load_bytes(text, "f.yaml", limits)
        else:
            yamlsource.load_text(text, "f.yaml", limits)
    return [p.format("en", show_source=False) for p in info.value.problems]


def depth_of(value) -> int:
    depth = 0
    while isinstance(value, list) and value:
        value, depth = value[0], depth + 1
    return depth


TOO_DEEP = "the structure is nested too deeply (more than {} levels) [yaml.too-deep]"

# --- 1. depth ------------------------------------------------------------------------------


def test_block_nesting_on_one_line_of_a_small_file_is_refused():
    text = "- " * 500 + "x\n"  # 1 KB: once a RecursionError
    assert len(text) < 4096
    assert problems(text) == [f"f.yaml:1:201: {TOO_DEEP.format(100)}"]


@pytest.mark.parametrize(
    "text, where",
    [
        ("[" * 101 + "]" * 101, "1:101"),  # small and flow
        ("a:\n" + "- " * 100 + "x\n", "2:199"),  # a mapping and 100 sequences
        ("- " * 50 + "[" * 2000 + "]" * 2000, "1:151"),  # libyaml refuses at 1001: found first
        ("{a: " * 3000 + "1" + "}" * 3000, "1:401"),
    ],
)
def test_the_depth_limit_holds_for_every_size_and_shape(text, where):
    assert problems(text) == [f"f.yaml:{where}: {TOO_DEEP.format(100)}"]


def test_depth_exactly_at_the_limit_is_read():
    assert depth_of(yamlsource.load_text("- " * 100 + "x\n", "f.yaml").data) == 100


@pytest.mark.parametrize("opener, closer", [("- ", ""), ("[", "]")])
def test_a_raised_depth_limit_cannot_crash_python(opener, closer):
    """--max-depth goes up to 10,000: nothing recurses, in C or in Python. libyaml 0.2.6
    (PyYAML >= 6.0.2) refuses more than 1000 levels itself: that is then the limit named."""
    limits = Limits(max_depth=10_000)
    levels = 5_000
    assert levels > sys.getrecursionlimit()
    text = opener * levels + "x" + closer * levels + "\n"
    try:
        data = yamlsource.load_text(text, "f.yaml", limits).data
    except InputError as error:
        (problem,) = error.problems
        assert problem.code == "yaml.too-deep" and problem.args["limit"] == 1000
        assert (problem.line, problem.column) == (1, 1001 if closer else 1999)
    else:
        assert depth_of(data) == levels
    too_deep = opener * 10_001 + "x" + closer * 10_001 + "\n"
    (problem,) = problems(too_deep, limits)
    assert problem.endswith(TOO_DEEP.format(1000)) or problem.endswith(TOO_DEEP.format(10_000))


def test_libyaml_own_nesting_refusal_is_a_located_too_deep():
    exc = type("E", (), {"problem": "exceeded maximum nesting depth", "context": "while x"})
    src = yamlsource.Source("f.yaml", "[[[\n", None, None)
    mark = type("M", (), {"line": 0, "column": 2})()
    exc.problem_mark, exc.context_mark = mark, None
    problem = yamlsource._syntax_problem(src, exc)  # type: ignore[arg-type]
    assert problem.format("en", show_source=False) == f"f.yaml:1:3: {TOO_DEEP.format(1000)}"


# --- 2. control characters written with escapes --------------------------------------------

ESCAPES = {
    r"\x01": "U+0001",
    r"\0": "U+0000",
    r"\e": "U+001B",
    r"\b": "U+0008",
    r"\a": "U+0007",
    r"\r": "U+000D",
    r"\x7f": "U+007F",
    r"\x9b": "U+009B",
    r"\x85": "U+0085",
    r"\N": "U+0085",
    r"\L": "U+2028",
    r"\P": "U+2029",
    r"\uFFFE": "U+FFFE",
    r"\uFFFF": "U+FFFF",
    r"\u202E": "U+202E",
    r"\u2066": "U+2066",
}


@pytest.mark.parametrize("escape", list(ESCAPES))
def test_control_characters_written_with_escapes_are_refused(escape):
    char = ESCAPES[escape]
    expected = (
        f"f.yaml:2:{{}}: this double-quoted text uses a '\\' escape to write the control "
        f"character {char}, which is not allowed: delete it [yaml.control-escape]"
    )
    assert problems(f'a: 1\ntitle: "Vĩnh Chấp {escape}]0;x"\n') == [expected.format(8)]
    assert problems(f'a: 1\n"k{escape}": v\n') == [expected.format(1)]


def test_escaped_surrogates_are_a_bad_escape():
    assert problems('a: "\\ud800"\n')[0].endswith("[yaml.bad-escape]")


def test_newline_and_tab_escapes_stay_allowed():
    assert yamlsource.load_text('a: "x\\ty\\nz"\n', "f.yaml").data == {"a": "x\ty\nz"}


def test_an_escaped_control_character_in_a_key_reaches_no_later_message():
    with pytest.raises(InputError) as info:
        yamlsource.load_text('"a\\e": 1\n"a\\e": 2\n', "f.yaml")
    shown = "\n".join(p.format(lang) for p in info.value.problems for lang in ("vi", "en"))
    assert "\x1b" not in shown and "yaml.duplicate-key" in shown


def test_the_echoed_line_shows_control_characters_visibly_without_moving_the_caret():
    with pytest.raises(InputError) as info:
        yamlsource.load_bytes(b"by: T\xe1\xbb\x95 \x1b]0;owned\x07 x\n", "f.yaml")
    shown = info.value.problems[0].format("en")
    assert shown == (
        "f.yaml:1:8: the control character U+001B is not allowed in YAML (pasted from another "
        "program?): delete it [file.control-char]\n"
        "    by: Tổ \u241b]0;owned\u2407 x\n"
        "           ^"
    )
    line = Problem("file.empty", {}, "f", 1, 5, source_line="ab\u202ec\x7fd\x9be").format("en")
    assert line.split("\n")[1:] == ["    ab\ufffdc\u2421d\ufffde", "        ^"]


# --- 3. positions ------------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_invisible_line_breaks_are_refused_where_an_editor_shows_them(char):
    text = f'title: "Kế hoạch{char}2023"\na: 1\na: 2\n'
    assert problems(text) == [
        f"f.yaml:1:17: the character U+{ord(char):04X} is a line break that editors do not "
        "show (pasted from another program?): delete it or replace it with a space "
        "[file.line-separator]"
    ]


def test_every_invisible_break_is_reported():
    found = problems("a: x\u2028y\nb: \u2029\n")
    assert [p.split(": ")[0] for p in found] == ["f.yaml:1:5", "f.yaml:2:4"]


def test_bidirectional_controls_are_refused():
    assert problems("name: abc\u202edef\n") == [
        "f.yaml:1:10: the text direction control U+202E can make a line display differently "
        "from what it holds: delete it [file.bidi-control]"
    ]


@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_lines_ended_by_carriage_returns_are_counted_and_echoed_like_an_editor(newline):
    text = newline.join(["a: 1", "b: 2", "a: 3", ""])
    with pytest.raises(InputError) as info:
        yamlsource.load_text(text, "f.yaml")
    assert info.value.problems[0].format("en").split("\n") == [
        "f.yaml:3:1: duplicate key 'a' (first at line 1) [yaml.duplicate-key]",
        "    a: 3",
        "    ^",
    ]


# --- 4. tags -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, where, tag",
    [
        ("a: !!str 5\n", "1:4", "!!str"),
        ("a: !!str x\n", "1:4", "!!str"),
        ("a: ! x\n", "1:4", "!"),
        ("a: !!map {b: 1}\n", "1:4", "!!map"),
        ("a: !!seq [1]\n", "1:4", "!!seq"),
        ("!!map\na: 1\n", "1:1", "!!map"),
        ("!!str a: 1\n", "1:1", "!!str"),
        ("- !!seq\n  - 1\n", "1:3", "!!seq"),
        ("a: !<tag:yaml.org,2002:str> x\n", "1:4", "!!str"),
        ('a: !!str "x"\n', "1:4", "!!str"),
    ],
)
def test_every_explicit_tag_is_refused_on_the_tag(text, where, tag):
    assert problems(text) == [f"f.yaml:{where}: the YAML tag '{tag}' is not allowed [yaml.tag]"]


# --- 5. size in nodes --------------------------------------------------------------------------


def test_the_node_limit_is_placed_on_the_node_that_crosses_it():
    assert problems("a: [1, 2, 3]\nb: {c: 4}\n", Limits(max_nodes=8)) == [
        "f.yaml:2:5: the file holds too many YAML values (more than 8) (change it with "
        "--max-nodes) [yaml.too-many-nodes]"
    ]
    assert yamlsource.load_text("a: [1, 2, 3]\nb: {c: 4}\n", "f.yaml", Limits(max_nodes=10))


def test_a_file_of_twenty_thousand_documents_stops_at_the_default_limit():
    line = "    - {number: 1, date: 2}\n"
    text = "items:\n  x:\n   documents:\n" + line * 20_000  # 540 KB, 100,000 nodes
    (found,) = problems(text)
    assert found == (
        "f.yaml:10002:19: the file holds too many YAML values (more than 50000) (change it with "
        "--max-nodes) [yaml.too-many-nodes]"
    )
