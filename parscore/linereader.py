"""The fastest path for reading a file: line by line, for files in the shape the template gives.

A commune's evidence file is, line after line, a block mapping's ``key: value``, a sequence's
``- value``, a one-line flow mapping of documents (``- {number: "05/KH-UBND", date: ...}``), a
folded explanation (``explanation: >-`` and its lines), comments and blank lines. libyaml reads
such a file in C, but hands every event to Python as an object, and a third of the time spent
turning YAML into values goes there. This module reads that shape directly, one regular
expression per line, and gives the values :func:`parscore.fastyaml.load_bytes` gives.

It is the first tier of :mod:`parscore.fastyaml` and reads only what it is sure of: every line is
matched whole by its grammar below, and anything else raises :class:`Unusual`, which sends the
file on to libyaml's events (and anything unusual there to the located reader). Refused here:
a tab or a character the located reader refuses; directives and document markers; anchors,
aliases, tags, ``?`` keys and merge keys; duplicate keys; keys over 200 characters; a scalar
over several lines (plain or quoted); an escape in a quoted value other than ``\\"`` and
``\\\\`` (``''`` in single quotes), and any escape in a key; nested or empty-valued flow
collections; a block scalar with an indentation indicator, ``+`` chomping, blank or
more-indented lines inside, or trailing spaces; a plain value starting with ``?`` or ``:``,
holding ``: `` or `` #`` or ending in ``:``, or, in a flow collection, holding ``:``, ``#`` or
a flow indicator at all; a mapping nested at its key's indentation; nesting deeper than 100 or
beyond the limits, more nodes than the limits allow; no document. The located reader gives
every one of those its own answer (a value, or a located problem).

``tests/test_line_reader.py`` checks this reader against the located reader, differentially: on
every evidence file the project ships and on generated ones, on mutations of them aimed at this
grammar, on random documents in the template's shapes, and on numbers; ``tests/test_fast_reader.py``
checks the whole fast path (this reader first) on every YAML file the project ships or tests
with.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from parscore.yamlsource import _UNSAFE_VALUE, Limits


class Unusual(Exception):
    """Something this reader leaves to libyaml's events."""


# Every line of the text that holds something, matched by one expression in C (``findall``),
# as a tuple: its indentation, and what it holds — the "- " of a sequence's item, a key (quoted
# or plain, without escapes) and its ":", then one value on the rest of the line — or, for any
# other line, the whole of it in ``bad``. Blank and comment lines do not match. A block scalar
# takes the lines below its header that are blank or indented further than its key (``blkc``,
# read by _block; ``nl`` is empty when the text ends right after them): further than the line's
# indentation, and for an item's key ("- key: >-") than the dash and the spaces after it too.
# Quoted keys and values keep their quotes, so that an empty one is told from none.
#
# A plain value on one line. Not starting with an indicator ("-" only before a non-space; "?"
# and ":" never: in a flow collection "?" starts a key whatever follows). In a block: no ": "
# and no " #" (a comment), nor ":" at its end; in a flow collection (``_FLOW_PLAIN``) no ":",
# "#" or flow indicator at all (each has its own rules there: left to libyaml). It never ends
# in spaces, and spaces may only come before what may follow them: every character can be
# matched one way only, so no line takes more than one pass (a lazy ending took a pass for
# every space of a long run).
_PLAIN = (
    r"(?:[^ \-?:,\[\]{}#&*!|>'\"%@`\n]|-(?=[^ \n]))"
    r"(?:[^ :\n]|:(?=[^ \n])|[ ]+(?=[^ #\n]))*"
)
_FLOW_PLAIN = (
    r"(?:[^ \-?:,\[\]{}#&*!|>'\"%@`\n]|-(?=[^ ,\]}\n]))"
    r"(?:[^ :#,\[\]{}\n]|[ ]+(?=[^ :#,\[\]{}\n]))*"
)
# Quoted values: in double quotes the escapes \" and \\ only, in single quotes '' (any other
# escape is left to libyaml); written as runs of other characters between escapes, so that a
# run takes one step and a value without escapes is read as fast as before they were allowed.
_DQ = r'"[^"\\\n]*(?:\\["\\][^"\\\n]*)*"'
_SQ = r"'[^'\n]*(?:''[^'\n]*)*'"
_ESCAPED = re.compile(r'\\(["\\])')
# A key: plain (letters, digits, "_", then also "." and "-") or quoted without escapes, of at
# most 200 characters: libyaml looks for a key's ":" within 1024 (bytes or characters, by its
# release; a character takes up to 4 bytes).
_KEY = r"""(?:"[^"\\\n]{0,198}"|'[^'\n]{0,198}'|[A-Za-z0-9_][A-Za-z0-9_.\-]{0,199})"""
_END = r"(?:[ ]+\#[^\n]*|[ ]*)"
_LINE = re.compile(
    rf"""^(?P<ind>[ ]*)(?=[^ \#\n])
    (?:
        (?P<dash>-(?P<dsp>[ ]+))?
        (?:(?P<key>{_KEY}):(?=[ ]|$)[ ]*)?
        (?:
            (?P<dq>{_DQ}){_END}
          | (?P<sq>{_SQ}){_END}
          | (?P<blk>[|>]-?){_END}
            (?P<blkc>(?:\n(?:(?P=ind)(?(dsp)[ ](?P=dsp))[ ]+[^ \n][^\n]*|[ ]*))*)(?=(?P<nl>\n?))
          | (?P<fl>[{{\[][^\n]*)
          | (?P<pl>{_PLAIN}){_END}
          | (?:\#[^\n]*)?
        )$
      | (?P<bad>[^\n]+)
    )""",
    re.MULTILINE | re.VERBOSE,
)
# A one-line flow collection of scalars, checked whole (and a comment after it); then its
# "key: value" pairs or its items taken by findall. Each part can be matched only one way, so
# the parts findall takes are those the check matched.
_FLOW_SCALAR = rf"(?:{_DQ}|{_SQ}|{_FLOW_PLAIN})"
_FLOW_MAP = re.compile(
    rf"(\{{[ ]*(?:(?:{_KEY}):[ ]+{_FLOW_SCALAR}[ ]*,[ ]*)*(?:{_KEY}):[ ]+{_FLOW_SCALAR}[ ]*\}}"
    rf"|\{{[ ]*\}}){_END}"
)
_FLOW_SEQ = re.compile(rf"(\[[ ]*(?:{_FLOW_SCALAR}[ ]*,[ ]*)*{_FLOW_SCALAR}[ ]*\]|\[[ ]*\]){_END}")
# The template's documents, "{number: "05/KH-UBND", date: "03/01/2023", ...}": plain keys,
# double-quoted values; their pairs go straight into a dict.
_QUOTED_PAIR_TEXT = r'[A-Za-z_][A-Za-z0-9_]{0,199}: "[^"\\\n]*"'
_QUOTED_PAIR = re.compile(r'([A-Za-z_][A-Za-z0-9_]{0,199}): "([^"\\\n]*)"')
_QUOTED_MAP = re.compile(
    rf"(\{{[ ]*{_QUOTED_PAIR_TEXT}(?:[ ]*,[ ]*{_QUOTED_PAIR_TEXT})*[ ]*\}}){_END}"
)
_FLOW_PAIR = re.compile(rf"({_KEY}):[ ]+(?:({_DQ}|{_SQ})|({_FLOW_PLAIN}))[ ]*[,}}]")
_FLOW_ITEM = re.compile(rf"(?:({_DQ}|{_SQ})|({_FLOW_PLAIN}))[ ]*[,\]]")

# What the located reader refuses in a text (or a quoted value), a tab, and a byte order mark.
_REFUSED = re.compile(_UNSAFE_VALUE.pattern[:-1] + "\t\ufeff]")

# Nesting this reader takes at most, whatever the limits allow: libyaml itself refuses more
# than 1000 levels (yamlsource._LIBYAML_MAX_DEPTH); a file nests about five.
_DEPTH = 100

Scalar = Callable[[str], Any]


def values(text: str, limits: Limits, scalar: Scalar) -> Any:  # noqa: C901, PLR0912, PLR0915
    """The one document's value in ``text`` (NFC, ``\\n`` breaks), a plain scalar typed by
    ``scalar``; :class:`Unusual` for anything outside this module's grammar."""
    if not text.replace("\n", " ").isprintable() and _REFUSED.search(text):
        raise Unusual  # (no character _REFUSED finds is printable, and most texts are)
    lines = _LINE.findall(text)
    # Each line makes at most four nodes (an empty value above it, a mapping opened by "- ",
    # a key, a value), a flow collection two more for each of its parts: under the limit, the
    # nodes need no counting; over it, libyaml's events count them exactly.
    if 4 * len(lines) + 2 * (text.count(",") + text.count("{") + text.count("[") + 1) > (
        limits.max_nodes
    ):
        raise Unusual
    max_depth = min(limits.max_depth, _DEPTH)
    if max_depth < 1:
        raise Unusual  # not even the document itself: the located reader says so
    # the open block collections around the line, innermost last, as (indentation, container,
    # True for a mapping, False for a sequence, None for a sequence written at its key's
    # indentation, "key:" then "- item" below it); the innermost also in the locals after it
    stack: list[tuple[int, Any, bool | None]] = []
    top_indent: int = -1
    top_is_map: bool | None = False
    top: Any = None
    # a key whose value starts on a line below: (its mapping, the key, the key's column)
    waiting: tuple[dict[str, Any], str, int] | None = None
    root: Any = None
    for ind, dash, _, key, dq, sq, blk, blkc, nl, fl, pl, bad in lines:
        if bad:
            raise Unusual
        indent = len(ind)
        if waiting is not None:
            mapping, waiting_key, key_column = waiting
            waiting = None
            if indent > key_column or (dash and indent == key_column):
                # the value is the block that starts on this line
                if len(stack) >= max_depth:
                    raise Unusual
                is_map = None if indent == key_column else not dash
                top_indent, top, top_is_map = indent, ([] if dash else {}), is_map
                mapping[waiting_key] = top
                stack.append((top_indent, top, top_is_map))
            else:  # nothing below the key: an empty value
                mapping[waiting_key] = None
        if indent != top_indent:
            if root is None:
                if indent:
                    raise Unusual  # an indented document
                top_indent, top, top_is_map = 0, ([] if dash else {}), not dash
                root = top
                stack.append((top_indent, top, top_is_map))
            else:
                while stack[-1][0] > indent:
                    stack.pop()
                top_indent, top, top_is_map = stack[-1]
                if top_indent != indent:
                    raise Unusual  # between two indentations: libyaml says what that is
        if top_is_map is None and not dash:  # a sequence at its key's indentation ends
            stack.pop()
            top_indent, top, top_is_map = stack[-1]  # the key's mapping, at this indentation
        container = top
        column = indent
        item = False
        if top_is_map:
            if dash or not key:
                raise Unusual  # an item, or a value with no key, where a key is due
        elif not dash:
            raise Unusual  # a key where a sequence's item is due
        else:
            column += len(dash)
            if not key:  # the item is a value
                item = True
            else:  # "- key: value": a mapping opens at the item's column
                if len(stack) >= max_depth:
                    raise Unusual
                container = {}
                top.append(container)
                top_indent, top, top_is_map = column, container, True
                stack.append((column, container, True))
        if not item:
            if key[0] == '"' or key[0] == "'":
                key = key[1:-1]
            if key in container:
                raise Unusual  # a duplicate key: the located reader names both lines
        if dq:
            value = dq[1:-1] if "\\" not in dq else _ESCAPED.sub(r"\1", dq[1:-1])
        elif pl:
            value = scalar(pl)
        elif sq:
            value = sq[1:-1].replace("''", "'")
        elif fl:
            if len(stack) >= max_depth:
                raise Unusual
            value = _flow(fl, scalar)
        elif blk:
            value = _block(blkc, nl, column, blk[0] == ">", len(blk) == 1)
        elif item:
            raise Unusual  # the item's value is on the lines below its dash
        else:
            waiting = (container, key, column)
            continue
        if item:
            container.append(value)
        else:
            container[key] = value
    if waiting is not None:
        waiting[0][waiting[1]] = None
    if root is None:
        raise Unusual  # no document: the located reader says so
    return root


def _flow(text: str, scalar: Scalar) -> Any:
    """The flow collection of scalars on the rest of a line (and maybe a comment after it).
    One expression checks the whole; another takes its parts."""
    if text[0] == "{":
        whole = _QUOTED_MAP.fullmatch(text)
        if whole is not None:  # the template's documents: plain keys, double-quoted values
            pairs: list[Any] = _QUOTED_PAIR.findall(text, 0, whole.end(1))
            mapping = dict(pairs)
        else:
            whole = _FLOW_MAP.fullmatch(text)
            if whole is None:
                raise Unusual
            pairs = _FLOW_PAIR.findall(text, 0, whole.end(1))  # not in the comment after it
            mapping = {
                (key[1:-1] if key[0] in "\"'" else key): (
                    _unquoted(quoted) if quoted else scalar(plain)
                )
                for key, quoted, plain in pairs
            }
        if len(mapping) != len(pairs):
            raise Unusual  # a duplicate key
        return mapping
    whole = _FLOW_SEQ.fullmatch(text)
    if whole is None:
        raise Unusual
    found = _FLOW_ITEM.findall(text, 0, whole.end(1))
    return [_unquoted(quoted) if quoted else scalar(plain) for quoted, plain in found]


def _unquoted(quoted: str) -> str:
    """A quoted value's text: its two escapes undone."""
    if quoted[0] == '"':
        return _ESCAPED.sub(r"\1", quoted[1:-1])
    return quoted[1:-1].replace("''", "'")


def _block(lines: str, after: str, column: int, folded: bool, clip: bool) -> str:
    """The text of a block scalar, from the lines below its header (``lines``, each after a
    line break; ``after`` empty if the text ends there), under a key or an item at ``column``.
    Only the plain case: every line at one indentation, no blank line between two of them, no
    trailing space, a line break after the last one."""
    rows = lines.split("\n")
    del rows[0]
    last = len(rows)
    while last and not rows[last - 1].strip(" "):
        last -= 1  # trailing blank lines: not the text's, unless they hold more spaces
    if not last or (last == len(rows) and not after):
        raise Unusual  # an empty block scalar, or no line break after its last line
    first = rows[0]
    indent = len(first) - len(first.lstrip(" "))
    if indent <= column:
        raise Unusual
    for row in rows[last:]:
        if len(row) > indent:
            raise Unusual
    parts = []
    for row in rows[:last]:
        text = row.lstrip(" ")
        if len(row) - len(text) != indent or not text or row[-1] == " ":
            raise Unusual  # a blank line inside, another indentation, or trailing spaces
        parts.append(text)
    text = (" " if folded else "\n").join(parts)
    return text + "\n" if clip else text
