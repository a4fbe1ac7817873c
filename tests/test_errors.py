"""Problems: every one found is reported; exact duplicates are merged; the order is stable."""

from __future__ import annotations

from decimal import Decimal

from parscore.errors import InputError, Problem, sort_problems


def _clash(name: str, line: int = 5) -> Problem:
    return Problem("criteria.input-name-clash", {"name": name}, "set.yaml", line, 3, ("rule",))


def test_two_problems_at_one_place_with_different_arguments_are_both_kept():
    problems = sort_problems([_clash("documents"), _clash("note")])
    assert [p.args["name"] for p in problems] == ["documents", "note"]
    assert _clash("documents") != _clash("note")


def test_exact_duplicates_are_merged():
    problems = sort_problems([_clash("note"), _clash("note"), _clash("documents")])
    assert [p.args["name"] for p in problems] == ["note", "documents"]
    assert len(InputError([_clash("note"), _clash("note")]).problems) == 1


def test_arguments_are_told_apart_as_typed():
    one = Problem("value.negative", {"value": Decimal("1.0")}, "e.yaml", 1, 1)
    other = Problem("value.negative", {"value": Decimal("1")}, "e.yaml", 1, 1)
    nested = Problem("value.expected-text", {"found": {"vi": "a", "en": "a"}}, "e.yaml", 1, 1)
    assert len(sort_problems([one, other, nested, nested])) == 3
    assert hash(nested) == hash(
        Problem("value.expected-text", {"found": {"en": "a", "vi": "a"}}, "e.yaml", 1, 1)
    )


def test_the_order_is_by_place_then_as_found():
    late = _clash("z", line=9)
    problems = sort_problems([late, _clash("b"), _clash("a")])
    assert [p.args["name"] for p in problems] == ["b", "a", "z"]
