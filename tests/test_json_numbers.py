"""Every decimal number parscore writes in JSON follows the one convention of docs/formats.md
(``NUMBER_PATTERN``, written by ``number_text``), and the result's JSON Schema says so."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from parscore.engine import evaluate
from parscore.loading import CriteriaResolver, load_evidence
from parscore.model.common import NUMBER_PATTERN, number_text
from parscore.model.result import UnitResult, typed_value
from parscore.schemas import schema

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "evidence").glob("*.yaml"))
#: a text that reads as a decimal number in any form: what the convention must have written
LOOKS_DECIMAL = re.compile(r"-?[0-9]+\.[0-9]+")


@pytest.fixture(scope="module")
def results() -> dict[str, UnitResult]:
    resolver = CriteriaResolver()
    return {path.name: evaluate(load_evidence(path, resolver)) for path in EXAMPLES}


def _decimals(python: Any, written: Any, path: str = "") -> Iterator[tuple[str, Decimal, Any]]:
    """Every Decimal of a model's Python dump, with what its JSON dump wrote for it."""
    if isinstance(python, Decimal):
        yield path, python, written
    elif isinstance(python, dict):
        for key, value in python.items():
            yield from _decimals(value, written[key], f"{path}/{key}")
    elif isinstance(python, list):
        for index, value in enumerate(python):
            yield from _decimals(value, written[index], f"{path}/{index}")


def _typed(written: Any) -> Iterator[Any]:
    """Every value kept typed: a reason's (or an action's) ``args``, a node's ``inputs``."""
    if isinstance(written, dict):
        for key, value in written.items():
            if key in ("args", "inputs") and isinstance(value, dict):
                yield from value.values()
            else:
                yield from _typed(value)
    elif isinstance(written, list):
        for value in written:
            yield from _typed(value)


def test_every_decimal_of_every_example_result_follows_the_convention(results):
    assert len(results) >= 6
    for name, result in results.items():
        written = json.loads(result.model_dump_json())
        found = list(_decimals(result.model_dump(), written))
        assert len(found) > 100, name  # points, maxima, percentages, totals, the index...
        for path, value, text in found:
            assert isinstance(text, str), (name, path, text)
            assert re.fullmatch(NUMBER_PATTERN, text), (name, path, text)
            assert Decimal(text) == value, (name, path, text)


def test_decimal_arguments_and_inputs_follow_it_too(results):
    # reasons' arguments and nodes' inputs are kept as strings in Python already
    seen = 0
    for name, result in results.items():
        for value in _typed(json.loads(result.model_dump_json())):
            if isinstance(value, str) and LOOKS_DECIMAL.fullmatch(value):
                seen += 1
                # ids such as "1.1" look decimal too; they are never numbers of the result
                assert re.fullmatch(NUMBER_PATTERN, value) or _is_id(result, value), (name, value)
    assert seen > 50


def _is_id(result: UnitResult, text: str) -> bool:
    return any(node.id == text for node in result.nodes())


def test_the_schema_accepts_them_and_refuses_any_other_form(results):
    result_schema = schema("result")
    written = json.loads(results["vinh-chap-2023.yaml"].model_dump_json())
    jsonschema.validate(written, result_schema)
    for other in ("84.6", "85", "84.600", "8.46e1", "+84.60", "084.60", "84,60"):
        changed = copy.deepcopy(written)
        changed["totals"]["index"] = other
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(changed, result_schema)


@pytest.mark.parametrize(
    "value, text",
    [
        ("70", "70.00"),
        ("25.8", "25.80"),
        ("4.00", "4.00"),
        ("4.000", "4.00"),
        ("4.79", "4.79"),
        ("0.125", "0.125"),
        ("0.1250", "0.125"),
        ("1E+1", "10.00"),
        ("2.5E-4", "0.00025"),
        ("-0", "0.00"),
        ("-0.000", "0.00"),
        ("-3.5", "-3.50"),
        ("0", "0.00"),
    ],
)
def test_number_text(value, text):
    assert number_text(Decimal(value)) == text
    assert re.fullmatch(NUMBER_PATTERN, text)
    assert typed_value(Decimal(value)) == text
