"""What pydantic found wrong in a document's shape, said as a message of the catalogue and
placed at the YAML node it names (the key for an unknown key, the parent mapping for a missing
one, the value otherwise).

Our own types raise :class:`~pydantic_core.PydanticCustomError` whose type is the message code
(``value.id``, ``value.name``, ``value.set-id``, ``value.expected-date``...); pydantic's own
error types are mapped here.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ValidationError

from parscore.errors import Problem
from parscore.messages import CATALOGUE, closest, suggestion
from parscore.model.common import found, number_problem
from parscore.yamlsource import Source

_TYPE_ERRORS = {
    "string_type": "value.expected-text",
    "bool_type": "value.expected-bool",
    "bool_parsing": "value.expected-bool",
    "dict_type": "value.expected-mapping",
    "model_type": "value.expected-mapping",
    "model_attributes_type": "value.expected-mapping",
    "list_type": "value.expected-list",
}


def _error_message(
    error: Mapping[str, Any], known_keys: frozenset[str]
) -> tuple[str, dict[str, Any], bool]:
    """(code, args, prefer_key) for one pydantic error."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    loc = error["loc"]
    last = loc[-1] if loc else ""
    if kind in CATALOGUE:  # our own PydanticCustomError: the type is the message code
        return kind, dict(ctx), False
    if kind == "missing":
        return "value.missing", {"key": last}, False
    if kind == "extra_forbidden":
        guess = closest(str(last), sorted(known_keys), cutoff=0.75)
        return "value.unknown-key", {"key": last, **suggestion(guess)}, True
    if value is None and (
        kind in _TYPE_ERRORS or kind.endswith("_type") or kind.endswith("_parsing")
    ):
        return "value.empty-text", {}, False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        code, args = number_problem(value, integer=True)
        return code, args, False
    if kind in ("decimal_type", "decimal_parsing", "float_type", "float_parsing", "finite_number"):
        code, args = number_problem(value, integer=False)
        return code, args, False
    if kind in _TYPE_ERRORS:
        return _TYPE_ERRORS[kind], {"found": found(value)}, False
    if kind == "literal_error":
        choices = str(ctx.get("expected", "")).replace(" or ", ", ")
        return "value.choice", {"value": value, "choices": choices}, False
    if kind == "union_tag_invalid":
        tag = str(ctx.get("tag"))
        best = difflib.get_close_matches(tag, _kind_names(), n=1, cutoff=0.6)
        args = {
            "value": tag,
            "choices": ", ".join(_kind_names()),
            **suggestion(best[0] if best else None),
        }
        return "criteria.unknown-kind", args, False
    if kind == "union_tag_not_found":
        return "value.missing", {"key": ctx.get("discriminator", "kind").strip("'")}, False
    if kind == "greater_than_equal":
        if ctx.get("ge") == 0:
            return "value.negative", {"value": value}, False
        return "value.too-small", {"value": value, "limit": ctx.get("ge")}, False
    if kind == "greater_than":
        if ctx.get("gt") == 0:
            return "value.not-positive", {"value": value}, False
        return "value.too-small", {"value": value, "limit": ctx.get("gt")}, False
    if kind in ("less_than_equal", "less_than"):
        return "value.too-large", {"value": value, "limit": ctx.get("le", ctx.get("lt"))}, False
    if kind == "string_too_short":
        return "value.empty-text", {}, False
    if kind == "too_short":
        if ctx.get("min_length", 1) > 1:
            return "value.too-few", {"min": ctx["min_length"]}, False
        return "value.empty-list", {}, False
    if kind == "too_long":
        return (
            "value.too-many",
            {"count": ctx.get("actual_length"), "max": ctx["max_length"]},
            False,
        )
    return "value.invalid", {"detail": error.get("msg", kind)}, False


def _kind_names() -> list[str]:
    from parscore.rules import KINDS

    return sorted(KINDS)


def model_keys(*models: type[BaseModel]) -> frozenset[str]:
    """Every key any of these models (and the models inside them) accepts."""
    seen: set[type] = set()
    keys: set[str] = set()

    def visit(tp: Any) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp in seen:
                return
            seen.add(tp)
            for name, info in tp.model_fields.items():
                keys.add(info.alias or name)
                visit(info.annotation)
            return
        for arg in getattr(tp, "__args__", ()) or ():
            visit(arg)
        for meta in getattr(tp, "__metadata__", ()) or ():
            visit(meta)

    for model in models:
        visit(model)
    return frozenset(keys)


def _strip_tags(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    cleaned: list[Any] = []
    current = data
    tag_skipped = False
    for index, element in enumerate(loc):
        if (
            not tag_skipped
            and isinstance(current, dict)
            and current.get("kind") == element
            and index + 1 < len(loc)
        ):
            tag_skipped = True  # the discriminated union's tag, inserted once by the validator
            continue
        tag_skipped = False
        cleaned.append(element)
        if isinstance(current, dict):
            current = current.get(element)
        elif isinstance(current, list) and isinstance(element, int) and 0 <= element < len(current):
            current = current[element]
        else:
            current = None
    return tuple(cleaned)


def validation_problems(
    src: Source, exc: ValidationError, known_keys: frozenset[str] = frozenset()
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        code, args, prefer_key = _error_message(error, known_keys)
        keys = _strip_tags(src.data, tuple(error["loc"]))
        if error["type"] == "union_tag_invalid":
            keys += ("kind",)
        if "[key]" in keys:  # the key itself is wrong (an id typed "3,2")
            keys = keys[: keys.index("[key]")]
            prefer_key = True
        problems.append(src.problem(code, keys, prefer_key=prefer_key, **args))
    return problems
