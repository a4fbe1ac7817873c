"""Text from outside parscore (a file's name, an exception's text, a line of an input file)
made safe to show.

A name is shown everywhere (terminal messages, every report format, the cache) through
:func:`escaped`: bytes that are not UTF-8 (Python keeps them as lone surrogates, e.g. a name
from a zip made on Windows) become ``\\xe3``; control characters, line and paragraph separators
and invisible format characters (bidirectional overrides...) become ``\\n``, ``\\t``,
``\\x1b``, ``\\u202e``; a backslash becomes ``\\\\``, so that the escaping cannot be faked and
every shown name stands for one name only. The result is always valid UTF-8 on one line: a
name can never print a line that looks like one of parscore's own ``file:line:col:``
messages, nor break a JSON, CSV, XLSX or HTML writer. A value quoted in a message goes
through :func:`one_line` (the same, but backslashes kept), and a line of an input file echoed
under a message through :func:`visible` (one visible character for each, so that the caret
placed by column stays under the right character).
"""

from __future__ import annotations

import re
import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}
_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escape(char: str) -> str:
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def escaped(text: str) -> str:
    """``text`` with every character that could not be shown, or could mislead, escaped."""
    if text.isprintable() and "\\" not in text:  # the usual case, and quick
        return text
    return "".join(
        _escape(c) if c == "\\" or unicodedata.category(c) in _HIDDEN else c for c in text
    )


def one_line(text: str) -> str:
    """``text`` with control characters, line separators and invisible format characters
    escaped, backslashes kept as they are: for a value typed in a file and quoted in a
    message, which must stay on its own line and say nothing to the terminal."""
    if text.isprintable():
        return text
    return "".join(_escape(c) if unicodedata.category(c) in _HIDDEN else c for c in text)


# Characters that must not reach a terminal from an echoed source line: C0 controls but tab,
# DEL, C1 controls, line and paragraph separators, bidirectional controls, lone surrogates.
_UNSHOWABLE = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _visible_char(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ␛ for ESC, ␈ for backspace
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def visible(line: str) -> str:
    """``line`` with every control character replaced by one visible character, so a caret
    placed by column stays under the same character."""
    return _UNSHOWABLE.sub(_visible_char, line)
