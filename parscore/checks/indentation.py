"""A key of an item typed at the indentation of the items' ids: YAML reads it without complaint,
as an item of its own (``settled:`` two spaces left of where it belongs, under ``"3.2":``), and
the models then refuse it as an id or as an item. Said as what it is: an indentation mistake,
with the column the key above starts at."""

from __future__ import annotations

from typing import Any

from parscore.errors import Problem
from parscore.yamlsource import Source

#: what the models and checks say about such a key
_SYMPTOMS = frozenset({"value.expected-mapping", "value.id", "evidence.unknown-id"})
_SECTIONS = ("items", "survey")


def _item_above(items: dict[Any, Any], key: Any) -> tuple[Any, Any] | None:
    """The nearest item above ``key`` that holds keys, and its first key."""
    keys = list(items)
    for above in reversed(keys[: keys.index(key)]):
        value = items[above]
        if isinstance(value, dict) and value:
            return above, next(iter(value))
    return None


def _hint(src: Source, problem: Problem) -> Problem | None:
    section, key = problem.keys
    items = src.data.get(section) if isinstance(src.data, dict) else None
    if not isinstance(items, dict) or key not in items:
        return None
    if any(char.isdigit() for char in str(key)):  # ids hold digits: 3.2, S.1
        return None
    if isinstance(items[key], dict) and items[key]:  # keys of its own: an item, misnamed
        return None
    above = _item_above(items, key)
    if above is None:
        return None
    item, sibling = above
    line, column = src.position((section, item, sibling), prefer_key=True)
    return src.problem(
        "evidence.under-indented",
        (section, key),
        prefer_key=True,
        key=str(key),
        item=str(item),
        sibling=str(sibling),
        sibling_line=line,
        expected=column,
    )


def under_indented(src: Source, problems: list[Problem]) -> list[Problem]:
    """``problems`` with those about a key of an item typed at the ids' indentation replaced by
    one indentation hint for each such key."""
    kept: list[Problem] = []
    hinted: set[tuple[Any, ...]] = set()
    for problem in problems:
        hint = None
        if (
            problem.code in _SYMPTOMS
            and problem.file in src.files  # one file, or a commune folder's office file
            and len(problem.keys) == 2
            and problem.keys[0] in _SECTIONS
        ):
            hint = _hint(src, problem)
        if hint is None:
            kept.append(problem)
        elif problem.keys not in hinted:
            hinted.add(problem.keys)
            kept.append(hint)
    return kept
