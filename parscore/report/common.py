"""What every reporter shares: labels in both languages and the one display rounding rule.

Scores are exact in the result; a reporter shows them with two decimals, rounded half up (the
rule published indexes follow), with a decimal comma in Vietnamese. A reporter formats a result
and never recomputes a score.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from parscore.messages import format_date, render
from parscore.model.common import number_text
from parscore.model.evidence import Unit
from parscore.model.result import NodeResult, Outcome

if TYPE_CHECKING:
    from parscore.todo import TodoItem


@dataclass(frozen=True)
class Options:
    lang: str = "vi"
    detail: bool = False
    top: int = 5
    #: a terminal text's width in cells (None: the fixed width of piped output); the command
    #: line passes ``width.output_width()`` when it writes to standard output
    width: int | None = None


def outcome_text(outcome: Outcome, lang: str) -> str:
    """An outcome in words (``đạt một phần`` / ``partial``): the catalogue's ``outcome.`` code
    of its value (``not_applicable`` is ``outcome.not-applicable``)."""
    return render("outcome." + outcome.value.replace("_", "-"), None, lang)


def reason_text(node: NodeResult | TodoItem, lang: str) -> str:
    """Why a sub-criterion got its points, in ``lang`` ("" when it has no reason): the one place
    a reporter reads a result's reason."""
    return node.reason.get(lang) if node.reason else ""


def unit_line(unit: Unit, lang: str) -> str:
    """``xã Vĩnh Chấp (19435), huyện Vĩnh Linh, tỉnh Quảng Trị``."""
    name = render("unit.named", {"kind": unit.kind, "name": unit.name}, lang)
    if unit.code:
        name = render("unit.code", {"unit": name, "code": unit.code}, lang)
    parents = [render(f"unit.{p.level}", {"name": p.name}, lang) for p in unit.parents]
    return ", ".join([name, *parents])


def documents_text(node: NodeResult, lang: str) -> str:
    parts = []
    for doc in node.documents:
        # a document without a number is named by its title, and said to have none
        words = [doc.number] if doc.number else [doc.title] if doc.title else []
        if not doc.number:
            words.append(render("result.no-number", None, lang))
        if doc.date:
            words.append(format_date(doc.date, lang))
        if doc.section:
            words.append(doc.section)
        parts.append(" ".join(words))
    return "; ".join(parts)


# --- text from input files in spreadsheets and Markdown ------------------------------------------

#: a spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"),
#: the full-width forms included (some spreadsheets read them as the ASCII ones)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def spreadsheet_text(value: object) -> object:
    """A CSV cell as a spreadsheet must read it: text that would start a formula gets a leading
    ``'`` (Excel and LibreOffice then show it as text); numbers written by parscore (``Decimal``,
    ``int``), negative ones included, stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


class SafeCSVWriter:
    """``csv.writer`` for every CSV parscore writes: each text cell through
    :func:`spreadsheet_text`, each decimal number in the JSON convention
    (:func:`~parscore.model.common.number_text`: ``"0.50"``, ``"72.50"``), so that a program
    reads one form whatever the value and whether it came fresh or from the cache."""

    def __init__(self, out: object) -> None:
        import csv

        self._writer = csv.writer(out, lineterminator="\n")  # type: ignore[arg-type]

    def writerow(self, row: Iterable[object]) -> None:
        self._writer.writerow(
            [
                number_text(cell) if isinstance(cell, Decimal) else spreadsheet_text(cell)
                for cell in row
            ]
        )


_MARKDOWN = str.maketrans(
    {
        "\\": "\\\\",  # first, so that an input's own "\|" cannot undo the escape of "|"
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "|": "\\|",
        "\r": " ",
        "\n": " ",
    }
)


def markdown_text(text: str) -> str:
    """Text in a Markdown document, shown as it is typed: no HTML (``<script>`` stays text),
    no character reference, no table cell or line broken by ``|`` or a new line, no link or
    image (``[text](url)``). Every Markdown writer passes its text through here; a renderer
    shows the same characters as the input."""
    return text.replace("\r\n", "\n").translate(_MARKDOWN).replace("](", "\\](")
