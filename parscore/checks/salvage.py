"""Going on after pydantic refused a document's shape, so that one run reports every problem.

A value the models refuse (``claimed: 1,5``, a date written month first) is set aside: the
document is validated again without it, and the checks that need the whole document (unknown
inputs such as a misspelt ``on_tme``, ids unknown to the set, values that do not fit their rule)
run on what is left. Their problems at or under a value set aside are dropped, and so are the
warnings its absence alone causes ("no date" where the date was refused): the refused value
already has its message. A document whose required keys are refused (``unit``, ``year``,
``criteria``) cannot be checked further; its shape problems are all there is to report.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from parscore.errors import KeyPath, Problem

M = TypeVar("M", bound=BaseModel)

#: each round sets aside what the previous validation refused; a refused required key makes
#: its parent missing in the next round, so a few rounds reach a document the models accept
_ROUNDS = 6

#: what the checks say only because a value was set aside
_ABSENCE = frozenset({"evidence.document-no-date", "evidence.document-no-number", "value.missing"})


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


def _target(error: Any) -> KeyPath:
    """What to set aside for one pydantic error: the value refused, the mapping that lacks a
    required key, the entry whose key is refused, or the whole list holding a refused entry
    (removing one entry would move its followers, and their lines, to other indexes)."""
    loc = tuple(error["loc"])
    if "[key]" in loc:
        loc = loc[: loc.index("[key]")]
    elif error["type"] == "missing":
        loc = loc[:-1]
    while loc and isinstance(loc[-1], int):
        loc = loc[:-1]
    return loc


def _remove(data: Any, path: KeyPath) -> None:
    parent = data
    for key in path[:-1]:
        if isinstance(parent, dict) and key in parent:
            parent = parent[key]
        elif isinstance(parent, list) and isinstance(key, int) and 0 <= key < len(parent):
            parent = parent[key]
        else:
            return
    if isinstance(parent, dict):
        parent.pop(path[-1], None)


def salvage(model: type[M], data: Any, exc: ValidationError) -> tuple[M | None, list[KeyPath]]:
    """``model`` validated from ``data`` with what it refuses set aside, and the key paths set
    aside; ``None`` when what is left cannot be validated (a required key refused)."""
    current = _copy(data)
    removed: list[KeyPath] = []
    for _ in range(_ROUNDS):
        targets = {_target(error) for error in exc.errors(include_url=False)}
        if () in targets:
            return None, removed
        for path in sorted(targets, key=len):
            _remove(current, path)
            removed.append(path)
        try:
            return model.model_validate(current), removed
        except ValidationError as again:
            exc = again
    return None, removed


def kept(
    problems: list[Problem], files: str | frozenset[str], removed: list[KeyPath]
) -> list[Problem]:
    """``problems`` less those about a value set aside (see the module's docstring); ``files``:
    the file (or a commune folder's files) the document was read from."""
    displays = frozenset({files}) if isinstance(files, str) else files

    def about_removed(problem: Problem) -> bool:
        if problem.file not in displays:
            return False
        for path in removed:
            if problem.keys[: len(path)] == path:
                return True
            if path[: len(problem.keys)] == problem.keys and problem.code in _ABSENCE:
                return True
        return False

    return [p for p in problems if not about_removed(p)]
