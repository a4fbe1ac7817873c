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

    subject: Subject
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
    formats[name] = Format(subject, name, module, attribute, **how)


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


def _like_result(subject: Subject, module: str, attribute: str) -> None:
    """A subject written in a result's formats (its reporters in a dict by format name), with
    the same byte order marks; none of them lists the input's warnings."""
    for name in names("result"):
        register(
            subject,
            name,
            module,
            attribute,
            key=name,
            bom=get("result", name).bom,
            shows_warnings=False,
        )


# its to-do list (evaluate --missing), and where the meeting stands (evaluate --standing),
# built on the to-do list
_like_result("todo", "parscore.report", "TODO_REPORTERS")
_like_result("standing", "parscore.standing", "STANDING_REPORTERS")

register("comparison", "table", "parscore.report.compare_text", "table")
register("comparison", "csv", "parscore.report.compare_text", "to_csv", bom=True)
register("comparison", "json", "parscore.report.compare_text", "to_json")
register("comparison", "markdown", "parscore.report.compare_text", "markdown")
register("comparison", "xlsx", "parscore.report.xlsx", "to_xlsx", binary=True)
register("comparison", "html", "parscore.report.html", "to_html")

# a unit against its past (evaluate --previous): the same names as a result's
_like_result("history", "parscore.report.years", "HISTORY_REPORTERS")

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


#: plain text for people: any of them may be written under any of their names
_TEXT = frozenset({"table", "text", "markdown"})
_TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})


def _said(output: Any) -> tuple[str, str | None]:
    """The output's suffix, and the kind of file it says (parscore/output.py's table)."""
    from parscore.output import SUFFIX_KINDS

    suffix = output.suffix.lower() if output is not None and str(output) != "-" else ""
    return suffix, SUFFIX_KINDS.get(suffix)


def for_output(subject: Subject, given: str | None, output: Any) -> Format:
    """The format a command writes: ``--format`` when given, else the one the output file's
    name says (``….json`` is JSON, ``….md`` Markdown, ``….xlsx`` a workbook, as far as the
    subject has it), else the subject's first (the table, or the plan's text)."""
    offered = names(subject)
    says = _said(output)[1]
    return get(subject, given or (says if says in offered else offered[0]))


def check_name(chosen: Format, output: Any) -> None:
    """Refuse an output whose name says another kind of file than the one written into it (a
    table into ``….xlsx`` or ``….pdf``, a workbook into ``….csv``, anything into ``….yaml``),
    as a usage error listing what the command writes. Plain text for people (table, text,
    Markdown) may go under any of their names (.txt, .md)."""
    from parscore.output import OTHER_KINDS, SUFFIX_KINDS

    suffix, says = _said(output)
    if suffix in OTHER_KINDS:
        fits = False
    elif says is not None and says != chosen.name:
        fits = chosen.name in _TEXT and says in _TEXT
    else:
        fits = not (chosen.binary and suffix in _TEXT_SUFFIXES)
    if fits or output is None:
        return
    from parscore.errors import UsageError
    from parscore.yamlsource import display_name

    first = {kind: sfx for sfx, kind in reversed(SUFFIX_KINDS.items())}  # .md, not .markdown
    offered = names(chosen.subject)
    raise UsageError(
        "usage.output-format-suffix",
        path=display_name(output),
        suffix=suffix or "—",
        format=chosen.name,
        choices=", ".join(n if n not in first else f"{n} (…{first[n]})" for n in offered),
    )
