"""One error hierarchy for parscore.

Every problem with an input file is a :class:`Problem`: a message code from the bilingual
catalogue in :mod:`parscore.messages`, its arguments, the file, and the place in the file (line
and column, 1-based, plus the key path that led there). Problems are collected, sorted and
shown together; :class:`InputError` carries them out of the loaders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from parscore.escaping import visible
from parscore.messages import render

#: Where a value is in a document: its keys and list indexes from the top (not a file path).
KeyPath = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, eq=False, order=False)
class Problem:
    """A located problem in an input file.

    Two problems are the same when their code, place and arguments are: two messages of one
    code at one place that say different things (two reserved names in one rule) are two
    problems, and both are reported."""

    code: str
    args: dict[str, Any] = field(default_factory=dict)
    file: str = ""
    line: int = 0  # 1-based; 0 when the problem concerns the whole file
    column: int = 0  # 1-based
    keys: KeyPath = ()
    severity: Severity = Severity.ERROR
    source_line: str | None = field(default=None, compare=False)
    #: In a workbook: the sheet and cell ("Chấm điểm!F14"); ``line`` and ``column`` are then
    #: the cell's row and column number.
    cell: str = ""

    def identity(self) -> tuple[Any, ...]:
        """What makes a problem itself: everything but the line shown below it. The arguments
        (dicts, not hashable) take part as their repr, keys sorted."""
        return (
            self.code,
            self.file,
            self.line,
            self.column,
            self.keys,
            self.severity,
            self.cell,
            _frozen(self.args),
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self.identity() == other.identity()

    def __hash__(self) -> int:
        return hash(self.identity())

    def message(self, lang: str = "vi") -> str:
        return render(self.code, self.args, lang, short=True)

    def sort_key(self) -> tuple[str, str, int, int, str]:
        return (self.file, self.cell.partition("!")[0], self.line, self.column, self.code)

    def where(self) -> str:
        """``file:line:col``, ``file: Sheet!F14`` in a workbook, or the file alone."""
        if self.cell:
            return f"{self.file}: {self.cell}"
        return f"{self.file}:{self.line}:{self.column}" if self.line else self.file

    def format(self, lang: str = "vi", *, show_source: bool = True) -> str:
        """``file:line:col: [warning: ]message [code]`` and, below, the offending line."""
        where = self.where()
        label = ""
        if self.severity is Severity.WARNING:
            label = render("problem.warning", None, lang)
        text = f"{where}: {label}{self.message(lang)} [{self.code}]"
        if show_source and self.source_line is not None and self.line:
            shown = visible(self.source_line.rstrip("\r\n"))
            if len(shown) > 200:
                start = max(0, self.column - 80)
                shown = shown[start : start + 160]
                caret_at = self.column - 1 - start
            else:
                caret_at = self.column - 1
            text += f"\n    {shown}\n    {' ' * max(caret_at, 0)}^"
        return text


def _frozen(value: Any) -> str:
    """A text that tells arguments apart exactly as typed (Decimal('1.0') is not 1)."""
    if isinstance(value, dict):
        inner = ", ".join(f"{k!r}: {_frozen(v)}" for k, v in sorted(value.items(), key=_by_key))
        return "{" + inner + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_frozen(v) for v in value) + "]"
    return f"{type(value).__name__}:{value!r}"


def _by_key(pair: tuple[Any, Any]) -> str:
    return str(pair[0])


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Every problem once (exact duplicates merged), by file, line, column and code; problems
    that tie keep the order they were found in, so the output is the same on every run."""
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=Problem.sort_key)


class ParscoreError(Exception):
    """Base class for every error parscore raises on purpose."""


class InputError(ParscoreError):
    """One or more input files have errors. ``problems`` holds all of them, warnings included."""

    def __init__(self, problems: list[Problem]):
        self.problems = sort_problems(problems)
        first = self.problems[0].format("en", show_source=False) if self.problems else ""
        super().__init__(first)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


class UsageError(ParscoreError):
    """A command was asked something it cannot do (unknown set id, refused overwrite...)."""

    def __init__(self, code: str, **args: Any):
        self.code = code
        self.args_ = args
        super().__init__(render(code, args, "en", short=True))

    def message(self, lang: str = "vi") -> str:
        return render(self.code, self.args_, lang, short=True)
