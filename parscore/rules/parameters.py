"""A criteria set's ``parameters:``: targets written once, used by the rules by name.

A set gives ``parameters: {online_share_target: 35}``; a number in a rule is then written
``$online_share_target`` (or ``$online_share_target / 2``, ``$online_share_target * 0.5``), and
the rule reads the value as if typed there, so its words (``criteria show``, templates, reasons)
follow when the province changes the target. References are resolved in the set's data before
the models check it; an unknown name or a form that is not one of those three is refused at its
line, with a suggestion.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from parscore.decimals import MAX_DECIMALS, tidy
from parscore.messages import suggestion

#: ``$name``, ``$name / 2``, ``$name * 0.5``: the whole of a YAML value.
_REFERENCE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)\s*(?:([*/])\s*(\d+(?:\.\d+)?))?")
_NUMBER = (int, Decimal)


#: The code of a reference to a parameter refused where it is given: nothing more to say here,
#: but the model's "not a number" at the reference is not said either.
QUIET = ""


class ParameterProblem(NamedTuple):
    code: str  # message code, or QUIET
    keys: tuple[str | int, ...]  # where, in the set
    args: dict[str, Any]


def resolve(data: dict[str, Any]) -> tuple[dict[str, Any], list[ParameterProblem]]:
    """The set's data with every ``$name`` in a rule replaced by the parameter's value."""
    given = data.get("parameters")
    values = (
        {k: v for k, v in given.items() if isinstance(v, _NUMBER) and not isinstance(v, bool)}
        if isinstance(given, dict)
        else {}
    )
    names = sorted(str(k) for k in given) if isinstance(given, dict) else []
    problems: list[ParameterProblem] = []
    out = dict(data)
    for key in ("fields", "survey"):
        if key in data:
            out[key] = _nodes(data[key], (key,), values, names, problems)
    return out, problems


def _nodes(
    value: Any,
    path: tuple[str | int, ...],
    values: dict[str, Any],
    names: list[str],
    problems: list[ParameterProblem],
) -> Any:
    """The nodes under ``value`` (a node, or a list of them) with their rules resolved."""
    if isinstance(value, list):
        return [_nodes(v, path + (i,), values, names, problems) for i, v in enumerate(value)]
    if not isinstance(value, dict):
        return value
    node = dict(value)
    if "rule" in node:
        node["rule"] = _values(node["rule"], path + ("rule",), values, names, problems)
    if "children" in node:
        children = node["children"]
        node["children"] = _nodes(children, path + ("children",), values, names, problems)
    return node


def _values(
    value: Any,
    path: tuple[str | int, ...],
    values: dict[str, Any],
    names: list[str],
    problems: list[ParameterProblem],
) -> Any:
    if isinstance(value, dict):
        return {k: _values(v, path + (k,), values, names, problems) for k, v in value.items()}
    if isinstance(value, list):
        return [_values(v, path + (i,), values, names, problems) for i, v in enumerate(value)]
    if isinstance(value, str) and value.lstrip().startswith("$"):
        return _reference(value, path, values, names, problems)
    return value


def _reference(
    text: str,
    path: tuple[str | int, ...],
    values: dict[str, Any],
    names: list[str],
    problems: list[ParameterProblem],
) -> Any:
    match = _REFERENCE.fullmatch(text.strip())
    if match is None:
        problems.append(ParameterProblem("criteria.parameter-form", path, {"value": text}))
        return text
    name, operator, operand = match.groups()
    if name not in names:
        best = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        if not names:
            problems.append(ParameterProblem("criteria.no-parameters", path, {"name": name}))
            return text
        args = {"name": name, "known": ", ".join(names), **suggestion(best[0] if best else None)}
        problems.append(ParameterProblem("criteria.unknown-parameter", path, args))
        return text
    if name not in values:  # a parameter that is not a number: said once, at the parameter
        problems.append(ParameterProblem(QUIET, path, {}))
        return text
    return _apply(values[name], operator, operand, text, path, problems)


def _apply(
    base: int | Decimal,
    operator: str | None,
    operand: str | None,
    text: str,
    path: tuple[str | int, ...],
    problems: list[ParameterProblem],
) -> Any:
    if operator is None or operand is None:
        return base
    factor = Fraction(Decimal(operand))
    if operator == "/" and factor == 0:
        problems.append(ParameterProblem("criteria.parameter-form", path, {"value": text}))
        return text
    exact = Fraction(base) * factor if operator == "*" else Fraction(base) / factor
    shown = exact * 10**MAX_DECIMALS
    if shown.denominator != 1:  # 35 / 3: no decimal with six places says it exactly
        problems.append(ParameterProblem("criteria.parameter-inexact", path, {"value": text}))
        return text
    return tidy(Decimal(shown.numerator).scaleb(-MAX_DECIMALS))
