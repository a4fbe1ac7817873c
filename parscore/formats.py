"""The output formats of each subject, in one registry: subject -> format name -> reporter.

A subject is what is reported: a commune's scores (``result``), its to-do list (``todo``), a
comparison (``comparison``) or an improvement plan (``plan``). Each format names its reporter by
module and attribute, imported only when that format is used, so that ``parscore --help`` stays
fast; the command-line ``--format`` choices are the names registered here. A new format is one
:func:`register` call below.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Literal

Subject = Literal[
    "result", "todo", "standing", "comparison", "plan", "plan-year", "review", "history"
]


@dataclass(frozen=True)
class Format:
    """One output format of one subject."""

    name: str
    module: str
    attribute: str  # the reporter, or the dict of reporters ``key`` is looked up in
    key: str | None = None
    binary: bool = False  # bytes (a workbook, a Word file): only to a file, with --output
    bom: bool = False  # text that starts with a UTF-8 byte order mark when written to a file
    shows_warnings: bool = True  # the report itself lists the input's warnings

    def reporter(self) -> Callable[..., Any]:
        """The reporter function: ``reporter(subject, Options) -> str | bytes``."""
        found = getattr(import_module(self.module), self.attribute)
        return found[self.key] if self.key is not None else found  # type: ignore[no-any-return]


_FORMATS: dict[Subject, dict[str, Format]] = {}


def register(subject: Subject, name: str, module: str, attribute: str, **how: Any) -> None:
    """Add a format; a name is registered once per subject."""
    formats = _FORMATS.setdefault(subject, {})
    if name in formats:
        raise ValueError(f"format {name!r} of {subject} registered twice")
    formats[name] = Format(name, module, attribute, **how)


def names(subject: Subject) -> list[str]:
    """The formats of ``subject``, in the order they are offered."""
    return list(_FORMATS[subject])


def get(subject: Subject, name: str) -> Format:
    return _FORMATS[subject][name]


# a commune's scores: the table and Markdown list the input's warnings, JSON and CSV do not
register("result", "table", "parscore.report", "REPORTERS", key="table")
register("result", "json", "parscore.report", "REPORTERS", key="json", shows_warnings=False)
register("result", "csv", "parscore.report", "REPORTERS", key="csv", bom=True, shows_warnings=False)
register("result", "markdown", "parscore.report", "REPORTERS", key="markdown")

# its to-do list (evaluate --missing): the same names; no to-do list shows warnings
for _name in names("result"):
    register(
        "todo",
        _name,
        "parscore.report",
        "TODO_REPORTERS",
        key=_name,
        bom=get("result", _name).bom,
        shows_warnings=False,
    )

# where the meeting stands (evaluate --standing): the same names, built on the to-do list
for _name in names("result"):
    register(
        "standing",
        _name,
        "parscore.standing",
        "STANDING_REPORTERS",
        key=_name,
        bom=get("result", _name).bom,
        shows_warnings=False,
    )

register("comparison", "table", "parscore.report.compare_text", "table")
register("comparison", "csv", "parscore.report.compare_text", "to_csv", bom=True)
register("comparison", "json", "parscore.report.compare_text", "to_json")
register("comparison", "markdown", "parscore.report.compare_text", "markdown")
register("comparison", "xlsx", "parscore.report.xlsx", "to_xlsx", binary=True)
register("comparison", "html", "parscore.report.html", "to_html")

# a unit against its past (evaluate --previous): the same names as a result's
for _name in ("table", "json", "csv", "markdown"):
    register(
        "history",
        _name,
        "parscore.report.years",
        "HISTORY_REPORTERS",
        key=_name,
        bom=get("result", _name).bom,
        shows_warnings=False,
    )

register("plan", "text", "parscore.report.plan_text", "text")
register("plan", "markdown", "parscore.report.plan_text", "markdown")
register("plan", "docx", "parscore.report.plan_docx", "to_docx", binary=True)
register("plan", "json", "parscore.report.plan_text", "to_json")

register("plan-year", "text", "parscore.report.plan_year", "text")
register("plan-year", "markdown", "parscore.report.plan_year", "markdown")
register("plan-year", "docx", "parscore.report.plan_year", "to_docx", binary=True)

# where appraisers look first (parscore review)
register("review", "table", "parscore.report.review", "table")
register("review", "json", "parscore.report.review", "to_json")
register("review", "csv", "parscore.report.review", "to_csv", bom=True)
