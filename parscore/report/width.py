"""Text that fits the width it is printed in: the terminal's, or a fixed one when piped.

One width function, :func:`output_width`: ``COLUMNS`` when it is set (for a terminal and for
piped output alike), else the terminal's width when the output is a terminal, else
:data:`PIPED_WIDTH`, so that piped output and files stay the same from run to run; never less
than :data:`MIN_WIDTH`.

A table (:func:`fit_table`) is laid out in the terminal style (columns two spaces apart, a line
of dashes under the headings). Text columns wrap inside themselves, at spaces; numeric columns
(the right-aligned ones) never wrap. No word holding a digit is ever broken, so a number, a
date or a document number ("10/KH-UBND") stays on one line. When even the narrowest layout does
not fit, each row is written as a block of "heading: value" lines instead.

Widths are measured in terminal cells (wcwidth): Vietnamese letters are one cell each, in NFC
or not; wide characters two.
"""

from __future__ import annotations

import os
import shutil
import sys

from wcwidth import wcswidth, wcwidth

#: the width of output that does not go to a terminal (a pipe, a file): fixed, so that the same
#: input always gives the same bytes; wide enough for the tables, narrow enough to read in an
#: editor or a review tool beside another file
PIPED_WIDTH = 100
#: the narrowest width parscore lays its text out for, whatever the terminal says
MIN_WIDTH = 80
#: a word without a digit longer than this may be broken inside a column
LONG_WORD = 20
GAP = "  "
#: a text column is given this many cells before the headings of number columns are widened
READABLE = 20
#: a number column's heading is kept on one line when that widens the column by this much or less
SMALL_WIDENING = 4


def output_width(terminal: bool | None = None) -> int:
    """The width to lay text out for: ``COLUMNS`` when set, else the terminal's when the text
    goes to a terminal (``terminal``; None: when standard output is one), else
    :data:`PIPED_WIDTH`; never less than :data:`MIN_WIDTH`."""
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit():
        return max(int(columns), MIN_WIDTH)
    if terminal is None:
        terminal = _stdout_is_terminal()
    if not terminal:
        return PIPED_WIDTH
    return max(shutil.get_terminal_size((PIPED_WIDTH, 24)).columns, MIN_WIDTH)


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout is not None and sys.stdout.isatty()
    except (AttributeError, ValueError, OSError):  # replaced or closed
        return False


def text_width(text: str) -> int:
    """How many terminal cells ``text`` takes (a character wcwidth does not know counts 0)."""
    if text.isascii() and text.isprintable():
        return len(text)
    width = wcswidth(text)
    if width >= 0:
        return width
    return sum(max(wcwidth(char), 0) for char in text)


def _breakable(word: str) -> bool:
    return len(word) > 1 and not any(char.isdigit() for char in word)


def _pieces(word: str, width: int) -> list[str]:
    """A word too wide for ``width`` cut into pieces that fit (never one holding a digit)."""
    if text_width(word) <= width or not _breakable(word):
        return [word]
    pieces, current = [], ""
    for char in word:
        if current and text_width(current + char) > width:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current] if current else pieces


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` cells, broken at spaces; lines after the first
    start with ``indent`` (the first keeps its own leading spaces). A word holding a digit is
    never cut, even when it is wider than the line."""
    if text_width(text) <= width:
        return [text]
    body = text.lstrip(" ")
    return fill(body.split(), width, text[: len(text) - len(body)], indent)


def fill(words: list[str], width: int, lead: str = "", indent: str = "") -> list[str]:
    """``words`` (or longer pieces of text kept together when they fit) a space apart, in
    lines of at most ``width`` cells: the first line after ``lead``, the others after
    ``indent``."""
    room = max(width - text_width(indent), 1)
    units = [
        piece
        for word in words
        for part in (word.split() if text_width(word) > room else [word])
        for piece in _pieces(part, room)
    ]
    lines: list[str] = []
    current = ""
    for unit in units:
        prefix = indent if lines else lead
        candidate = f"{current} {unit}" if current else unit
        if current and text_width(prefix + candidate) > width:
            lines.append(prefix + current)
            current = unit
        else:
            current = candidate
    lines.append((indent if lines else lead) + current)
    return lines


def min_word_width(text: str) -> int:
    """The narrowest a column can be for ``text`` without cutting a word with a digit (or
    cutting another word below :data:`LONG_WORD` cells)."""
    widths = [
        min(text_width(word), LONG_WORD) if _breakable(word) else text_width(word)
        for word in text.split()
    ]
    return max(widths, default=0)


def _grow(widths: list[int], wanted: list[int], order: list[int], room: int) -> int:
    """Widen the columns in ``order`` towards ``wanted``, the narrowest first (so that short
    columns stay whole and long ones share what is left); returns the room left."""
    while room > 0:
        growing = [i for i in order if widths[i] < wanted[i]]
        if not growing:
            break
        narrowest = min(growing, key=lambda i: (widths[i], i))
        widths[narrowest] += 1
        room -= 1
    return room


def natural_width(headers: list[str], rows: list[list[str]]) -> int:
    """How wide the table is with no cell wrapped."""
    columns = zip(headers, *rows, strict=True)
    return sum(max(map(text_width, c)) for c in columns) + len(GAP) * (len(headers) - 1)


def column_widths(
    headers: list[str],
    rows: list[list[str]],
    wraps: list[bool],
    width: int,
    readable_width: int = READABLE,
) -> list[int] | None:
    """The width of each column so that the table fits ``width`` cells (None: it cannot)."""
    count = len(headers)
    cells = [[headers[i], *(row[i] for row in rows)] for i in range(count)]
    natural = [max(text_width(c) for c in column) for column in cells]
    room = width - len(GAP) * (count - 1)
    if sum(natural) <= room:
        return natural
    least = [
        max(
            [
                min_word_width(headers[i]),
                *(min_word_width(c) if wraps[i] else text_width(c) for c in cells[i][1:]),
            ]
        )
        for i in range(count)
    ]
    if sum(least) > room:
        return None
    # the room left goes to the text columns up to a readable width (a commune's name whole),
    # then to the headings of number columns (two lines at most), then to the text columns,
    # then to the headings again
    widths = list(least)
    texts = [i for i in range(count) if wraps[i]]
    numbers = [i for i in range(count) if not wraps[i]]
    readable = [min(n, max(m, readable_width)) for n, m in zip(natural, least, strict=True)]
    two_lines = [_two_line_width(headers[i], least[i]) for i in range(count)]
    left = _grow(widths, readable, texts, room - sum(least))
    left = _grow(widths, two_lines, numbers, left)
    left = _grow(widths, natural, texts, left)
    _grow(widths, natural, numbers, left)
    return widths


def _two_line_width(heading: str, least: int) -> int:
    """The narrowest width, from ``least`` on, that holds ``heading`` in two lines; one line
    when that costs only a few more cells ("Tối đa" over "10,00")."""
    if text_width(heading) <= least + SMALL_WIDENING:
        return max(text_width(heading), least)
    width = least
    while len(wrap(heading, width)) > 2:
        width += 1
    return width


def _cell_lines(text: str, width: int) -> list[str]:
    return wrap(text, width) if text else [""]


def _aligned(text: str, width: int, align: str) -> str:
    pad = " " * max(width - text_width(text), 0)
    return pad + text if align == "right" else text + pad


def _row_lines(
    cells: list[str], widths: list[int], align: list[str], bottom: bool = False
) -> list[str]:
    wrapped = [_cell_lines(cell, width) for cell, width in zip(cells, widths, strict=True)]
    height = max(len(lines) for lines in wrapped)
    for lines in wrapped:
        blank = [""] * (height - len(lines))
        lines[:] = [*blank, *lines] if bottom else [*lines, *blank]  # headings on their dashes
    return [
        GAP.join(
            _aligned(lines[k], w, a) for lines, w, a in zip(wrapped, widths, align, strict=True)
        ).rstrip()
        for k in range(height)
    ]


def fit_table(
    headers: list[str],
    rows: list[list[str]],
    align: list[str],
    width: int,
    notes_from: int | None = None,
    readable: int = READABLE,
) -> str:
    """A table in at most ``width`` cells a line. Left-aligned columns (text) may wrap,
    right-aligned ones (numbers) never do. With ``notes_from``, when the whole table is wider
    than ``width`` the columns from that one on are written under each row as "heading: value"
    lines (long reasons read better across the page than in a narrow column)."""
    if notes_from is not None and natural_width(headers, rows) > width:
        return _with_notes(headers, rows, align, width, notes_from)
    widths = column_widths(headers, rows, [a != "right" for a in align], width, readable)
    if widths is None:
        return stacked(headers, rows, width)
    out = _row_lines(headers, widths, align, bottom=True)
    out.append(GAP.join("-" * w for w in widths))
    for row in rows:
        out.extend(_row_lines(row, widths, align))
    return "\n".join(out)


def _with_notes(
    headers: list[str], rows: list[list[str]], align: list[str], width: int, notes_from: int
) -> str:
    main = [row[:notes_from] for row in rows]
    widths = column_widths(headers[:notes_from], main, [a != "right" for a in align], width)
    if widths is None:
        return stacked(headers, rows, width)
    indent = " " * (widths[0] + len(GAP))
    out = _row_lines(headers[:notes_from], widths, align[:notes_from], bottom=True)
    out.append(GAP.join("-" * w for w in widths))
    for row, cells in zip(rows, main, strict=True):
        out.extend(_row_lines(cells, widths, align[:notes_from]))
        for heading, note in zip(headers[notes_from:], row[notes_from:], strict=True):
            if note:
                text = indent + (f"{heading}: {note}" if heading else note)
                out.extend(wrap(text, width, indent=indent + "    "))
    return "\n".join(out)


def stacked(headers: list[str], rows: list[list[str]], width: int) -> str:
    """The table for a width too narrow for its columns: a block per row, its first cell on a
    line, then each other value after its heading; blocks a blank line apart."""
    blocks = []
    for row in rows:
        pairs = [
            f"{heading}: {cell}" if heading else cell
            for heading, cell in zip(headers[1:], row[1:], strict=True)
            if cell
        ]
        items = [f"{pair};" for pair in pairs[:-1]] + pairs[-1:]
        lines = wrap(row[0], width, indent="    ") if row[0] else []
        lines.extend(fill(items, width, lead="    ", indent="    ") if items else [])
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


__all__ = [
    "GAP",
    "MIN_WIDTH",
    "PIPED_WIDTH",
    "column_widths",
    "fill",
    "fit_table",
    "output_width",
    "stacked",
    "text_width",
    "wrap",
]
