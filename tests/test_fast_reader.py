"""Differential tests of the fast reader (:mod:`parscore.fastyaml`) against the located reader
(:func:`parscore.yamlsource.load_bytes`): for any bytes, either both give the same problems,
exactly, or both give the same values (same types, same key order), the same text and — once
asked for — the same node positions. And every valid shipped file takes the fast path.

Inputs: every YAML file the project ships or tests with; seeded mutations of the shipped
evidence with the hostile values and lines of ``test_hostile`` (and with small limits, so that
the depth and size limits are crossed); hypothesis-built documents from YAML's special pieces.
``PARSCORE_FUZZ_RUNS`` (default 12) sets the mutations per file, as in ``test_hostile``.
"""

from __future__ import annotations

import os
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_hostile import HOSTILE_LINES, HOSTILE_SCALARS

from parscore import fastyaml, yamlsource
from parscore.errors import InputError
from parscore.yamlsource import DEFAULT_LIMITS, Limits

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = sorted((ROOT / "evidence").glob("*.yaml")) + sorted(
    (ROOT / "parscore" / "criteria").glob("*.yaml")
)
TEST_FILES = sorted((ROOT / "tests" / "data").rglob("*.yaml"))
RUNS = int(os.environ.get("PARSCORE_FUZZ_RUNS", "12"))
SEED = int(os.environ.get("PARSCORE_FUZZ_SEED", "2026"))
SMALL = Limits(max_depth=3, max_nodes=400)


def typed(value: Any) -> Any:
    """``value`` with every type and key order kept, so that 1 and 1.0, or True and 1, differ."""
    if isinstance(value, dict):
        return ("dict", [(typed(k), typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [typed(v) for v in value])
    if isinstance(value, Decimal):
        return ("Decimal", str(value))
    return (type(value).__name__, value)


def shape(node: yaml.Node | None) -> Any:
    """A node tree as its kinds, positions and texts."""
    if node is None:
        return None
    mark = (type(node).__name__, node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return (*mark, node.value, node.style)
    if isinstance(node, yaml.MappingNode):
        return (*mark, [(shape(k), shape(v)) for k, v in node.value])
    return (*mark, [shape(v) for v in node.value])


def problems(error: InputError) -> list[tuple[Any, ...]]:
    return [
        (p.code, p.args, p.file, p.line, p.column, p.keys, p.severity, p.source_line)
        for p in error.problems
    ]


def read(reader: Any, data: bytes, limits: Limits) -> yamlsource.Source | list[tuple[Any, ...]]:
    try:
        return reader(data, "f.yaml", limits)  # type: ignore[no-any-return]
    except InputError as exc:
        return problems(exc)


def assert_same_reading(data: bytes, limits: Limits = DEFAULT_LIMITS) -> bool:
    """Both readers agree on ``data``; True when the fast path read it itself."""
    located = read(yamlsource.load_bytes, data, limits)
    fast = read(fastyaml.load_bytes, data, limits)
    if isinstance(located, list):
        assert fast == located
        return False
    assert isinstance(fast, yamlsource.Source)
    assert typed(fast.data) == typed(located.data)
    assert fast.text == located.text and fast.display == located.display
    assert shape(fast.root) == shape(located.root)
    for keys in (("unit",), ("items",), ("year",), ("fields", 0, "children")):
        assert fast.position(keys) == located.position(keys)
    return isinstance(fast, fastyaml.LazySource)


@pytest.mark.parametrize("path", SHIPPED + TEST_FILES, ids=lambda p: p.name)
def test_every_file_reads_the_same(path):
    assert_same_reading(path.read_bytes())
    assert_same_reading(path.read_bytes(), SMALL)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_valid_file_takes_the_fast_path_and_builds_no_tree_until_asked(path):
    source = fastyaml.load_bytes(path.read_bytes(), "f.yaml")
    assert isinstance(source, fastyaml.LazySource) and source._composed is False
    assert source.position(("year",)) == yamlsource.load_file(path).position(("year",))
    assert source._composed is True


def mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    at = rng.randrange(len(lines))
    choice = rng.randrange(4)
    if choice == 0:  # a value replaced by a hostile one
        head = lines[at].split(":", 1)[0] if ":" in lines[at] else lines[at]
        lines[at] = f"{head}: {rng.choice(HOSTILE_SCALARS)}"
    elif choice == 1:  # a hostile line inserted, at the indentation of its neighbour
        indent = len(lines[at]) - len(lines[at].lstrip(" "))
        lines.insert(at, " " * indent + rng.choice(HOSTILE_LINES))
    elif choice == 2:  # a line copied (duplicate keys) or dropped
        if rng.random() < 0.5:
            lines.insert(at, lines[at])
        else:
            del lines[at]
    else:  # a YAML character put somewhere
        line = lines[at]
        spot = rng.randrange(len(line) + 1)
        lines[at] = line[:spot] + rng.choice("&*!|>%@`'\"{}[],#:-?\t\r\u2028\ufeff") + line[spot:]
    return "\n".join(lines)


@pytest.mark.parametrize("path", sorted((ROOT / "evidence").glob("*.yaml")), ids=lambda p: p.name)
def test_mutated_files_read_the_same(path):
    rng = random.Random(f"{SEED}:{path.name}")
    text = path.read_text(encoding="utf-8")
    fast = 0
    for _ in range(RUNS * 4):
        mutated = text
        for _ in range(rng.randrange(1, 4)):
            mutated = mutate(mutated, rng)
        data = mutated.encode("utf-8")
        fast += assert_same_reading(data)
        assert_same_reading(data, SMALL)
    assert fast > 0  # harmless mutations (a comment, a new value) still take the fast path


PIECES = [
    "a",
    "b",
    "x: ",
    "- ",
    "\n",
    "\n  ",
    "\n    ",
    ": ",
    "1",
    "1.50",
    "-0",
    "1e999999999",
    ".inf",
    "007",
    "yes",
    "null",
    "~",
    "true",
    "''",
    '"\\x01"',
    '"é"',
    "e\u0301",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&a ",
    "*a",
    "!!str ",
    "<<: ",
    "? ",
    "|\n  t",
    "# c",
    "---\n",
    "...\n",
    "\t",
    "\r\n",
    "\u2028",
    "\x00",
]


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.booleans())
def test_documents_built_from_yaml_pieces_read_the_same(pieces: list[str], small: bool) -> None:
    assert_same_reading("".join(pieces).encode("utf-8"), SMALL if small else DEFAULT_LIMITS)


def test_bytes_that_are_not_text_read_the_same():
    for data in (b"", b"\xff\xfe", b"a: \xc3\x28", b"\x00a\x00b", "a: 1".encode("utf-16")):
        assert_same_reading(data)
    assert_same_reading(b"a: " + b"x" * 100, Limits(max_bytes=50))
