r"""Strict, located YAML reading.

PyYAML's defaults are wrong for hand-typed evidence: ``no`` becomes ``False``, ``0.1`` becomes a
binary float, duplicate keys silently keep the last value, aliases can expand into millions of
nodes and tags can name Python objects. This module reads a file the way parscore needs it:

* bytes are decoded here: UTF-8 (with or without BOM), or UTF-16 only with its BOM; anything
  else is a located "save the file as UTF-8" problem;
* text is normalised to NFC before parsing, so "Vĩnh Chấp" typed decomposed is the same name;
* line ends are ``\n`` (``\r\n`` and a lone ``\r`` count as one line break, as in editors);
  U+0085, U+2028 and U+2029, which libyaml counts as line breaks but editors do not, are refused
  (every later position would be a line off), and so are the bidirectional embedding, override
  and isolate controls (U+202A-U+202E, U+2066-U+2069), which make a line display in another order
  than it is written;
* libyaml (``CSafeLoader``) parses, with **no implicit type resolution**, and this module walks
  its event stream once, without recursion, building the node tree (kept for positions) and plain
  Python values itself: YAML 1.2 booleans only (``true``/``false``),
  integers, ``Decimal`` for every other number exactly as typed, ``None`` for ``null``/``~``/empty,
  and strings for everything else (``yes``, ``06/02/2023``, ``2023-02-06``, ``00004``);
* mapping keys are always the text that was typed (``1.1:`` is the key ``"1.1"``);
* duplicate keys, anchors, aliases, merge keys, every explicit tag (``!!str`` and ``!`` too)
  and non-finite numbers are refused; so are control characters written with escapes in double
  quotes (``"\e"``, ``"\x01"``, ``"\0"``...), by the same rule as raw ones: ``\t`` and ``\n`` stay;
* nesting depth and the number of nodes are bounded (:class:`Limits`), on the events, before
  any of them is kept: no file size skips the check, and nothing depends on libyaml's own
  nesting limit (1000 flow or block levels in the libyaml 0.2.6 that PyYAML 6.0.4 bundles,
  none in PyYAML 6.0.1's 0.2.5).

The node tree is kept by :class:`Source` only to turn a key path into a line and a column when a
problem has to be reported; callers drop the source once the document is validated.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path as FsPath
from typing import Any

import yaml

from parscore import inputs
from parscore.decimals import number_bound_problem, number_bounds_args, plain
from parscore.errors import InputError, KeyPath, Problem, Severity
from parscore.messages import Phrase, format_size

try:  # libyaml ships inside PyYAML's wheels; the pure loader is a slow but correct fallback
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - only without libyaml
    _BaseLoader = yaml.SafeLoader


class _NoResolveLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Composes nodes without guessing types: every plain scalar keeps the ``str`` tag."""

    yaml_implicit_resolvers: dict = {}

    _DEFAULT_TAGS = {
        yaml.ScalarNode: "tag:yaml.org,2002:str",
        yaml.SequenceNode: "tag:yaml.org,2002:seq",
        yaml.MappingNode: "tag:yaml.org,2002:map",
    }

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        # called for every untagged node: nothing is guessed, so this is all it does
        return self._DEFAULT_TAGS[kind]


_STR_TAG = "tag:yaml.org,2002:str"
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_TRUES = frozenset({"true", "True", "TRUE"})
_FALSES = frozenset({"false", "False", "FALSE"})
_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?")
_NON_FINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")


@dataclass(frozen=True)
class Limits:
    """What a single input file may hold. Each breach is a located error.

    ``max_depth`` goes up to 10,000 (``--max-depth``): nothing recurses, so no depth can
    overflow a stack, but a libyaml that refuses more than 1000 levels itself (PyYAML 6.0.4)
    makes 1000 the effective limit, and the message then names 1000. ``max_nodes`` counts
    scalars, lists and mappings: the shipped criteria set has about 2,800, an evidence file about
    1,000; each costs about 300 bytes while a file is read.
    """

    max_bytes: int = 10 * 1024 * 1024
    max_depth: int = 100
    max_nodes: int = 50_000  # YAML values (scalars, lists, mappings) in one file


DEFAULT_LIMITS = Limits()


def _too_large(display: str, size: int, limit: int) -> InputError:
    return InputError(
        [
            Problem(
                "file.too-large", {"size": format_size(size), "limit": format_size(limit)}, display
            )
        ]
    )


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def decode(data: bytes, display: str) -> str:
    """Bytes to NFC text, or an :class:`InputError` saying where the encoding breaks."""
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                [Problem("file.not-utf8", {"byte": f"0x{data[exc.start]:02x}"}, display)]
            ) from None
    else:
        if len(data) >= 2 and data.count(b"\x00") * 4 >= len(data):
            # every other byte NUL: UTF-16 saved without its byte order mark
            raise InputError([Problem("file.utf16-no-bom", {}, display, 1, 1)])
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            start = exc.start
            prefix = data[:start]
            line = prefix.count(b"\n") + 1
            line_start = prefix.rfind(b"\n") + 1
            col = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
            raise InputError(
                [
                    Problem(
                        "file.not-utf8",
                        {"byte": f"0x{data[start]:02x}"},
                        display,
                        line,
                        col,
                    )
                ]
            ) from None
    nul = text.find("\x00")
    if nul >= 0:
        line, col = _line_col(text, nul)
        raise InputError([Problem("file.nul-byte", {}, display, line, col)])
    return unicodedata.normalize("NFC", text)


class Source:
    """One parsed YAML document: its plain data, and how to locate a key path in the text."""

    def __init__(self, display: str, text: str, root: yaml.Node | None, data: Any):
        self.display = display
        self.text = text
        self.root = root
        self.data = data
        self._lines: list[str] | None = None
        #: problems met while reading (a workbook's inserted row): reported with every other
        #: problem of the document, in one run (:func:`parscore.loading.evidence_from_source`)
        self.read_problems: list[Problem] = []

    @property
    def files(self) -> frozenset[str]:
        """The files this document was read from (a commune folder has several)."""
        return frozenset({self.display})

    # -- positions --------------------------------------------------------------------------
    def node_at(self, keys: KeyPath, *, prefer_key: bool = False) -> yaml.Node | None:
        """The deepest node along ``keys``. Elements that do not name a child are skipped
        (validators insert names such as a union's tag into their paths)."""
        node = self.root
        if node is None:
            return None
        last = len(keys) - 1
        for i, key in enumerate(keys):
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(key):
                        node = key_node if (prefer_key and i == last) else value_node
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
                if 0 <= key < len(node.value):
                    node = node.value[key]
        return node

    def position(self, keys: KeyPath, *, prefer_key: bool = False) -> tuple[int, int]:
        node = self.node_at(keys, prefer_key=prefer_key)
        if node is None:
            return (1, 1) if self.text.strip() else (0, 0)
        mark = node.start_mark
        return mark.line + 1, mark.column + 1

    def line_text(self, line: int) -> str | None:
        if line <= 0:
            return None
        if self._lines is None:
            self._lines = self.text.split("\n")
        return self._lines[line - 1] if line <= len(self._lines) else None

    def problem(
        self,
        code: str,
        keys: KeyPath = (),
        *,
        prefer_key: bool = False,
        severity: Severity = Severity.ERROR,
        **args: Any,
    ) -> Problem:
        line, col = self.position(keys, prefer_key=prefer_key)
        return self.problem_at(code, line, col, keys, severity=severity, **args)

    def problem_at(
        self,
        code: str,
        line: int,
        col: int,
        keys: KeyPath = (),
        *,
        severity: Severity = Severity.ERROR,
        **args: Any,
    ) -> Problem:
        return Problem(
            code,
            args,
            self.display,
            line,
            col,
            tuple(keys),
            severity,
            self.line_text(line),
        )


def display_name(path: FsPath | str) -> str:
    """How a file is named in messages and reports, and the only way to make that text: as
    the user gave it, with forward slashes, and with bytes that are not UTF-8 and control
    characters escaped visibly (``x\\xe3.yaml``, ``a\\nb.yaml``; see :mod:`parscore.escaping`)."""
    from parscore.escaping import escaped

    return escaped(path if isinstance(path, str) else path.as_posix())


def read_bytes(path: FsPath, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """A regular file's bytes, at most ``limits.max_bytes``. A folder, a named pipe, a socket
    or a device is refused by what it is, never opened for reading: opening a pipe waits for a
    writer, and a device may never end. The file is opened without waiting (``O_NONBLOCK``)
    and checked again once open, so a file swapped for a pipe in between cannot hang a run."""
    import os
    import stat

    display = display_name(path)

    def refuse_special(mode: int) -> None:
        if stat.S_ISDIR(mode):
            raise InputError([Problem("file.is-directory", {}, display)])
        if not stat.S_ISREG(mode):
            kinds = (
                (stat.S_ISFIFO, "file.kind-fifo"),
                (stat.S_ISSOCK, "file.kind-socket"),
                (stat.S_ISCHR, "file.kind-char-device"),
                (stat.S_ISBLK, "file.kind-block-device"),
            )
            kind = next((code for test, code in kinds if test(mode)), "file.kind-other")
            raise InputError([Problem("file.not-regular", {"kind": Phrase(kind)}, display)])

    try:
        info = os.stat(path)
        refuse_special(info.st_mode)
        if info.st_size > limits.max_bytes:
            raise _too_large(display, info.st_size, limits.max_bytes)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as handle:
            refuse_special(os.fstat(handle.fileno()).st_mode)
            inputs.record(path, handle.fileno())  # never an output of this run (output.py)
            # its size as it is now, and one more byte: a file that grew since is read on, up to
            # the limit (a read of the limit's size would allocate 10 MB for every file)
            data = handle.read(min(info.st_size, limits.max_bytes) + 1)
            if len(data) > info.st_size and len(data) <= limits.max_bytes:
                data += handle.read(limits.max_bytes + 1 - len(data))
    except FileNotFoundError:
        raise InputError([Problem("file.not-found", {}, display)]) from None
    except OSError as exc:
        raise InputError(
            [Problem("file.unreadable", {"reason": exc.strerror or str(exc)}, display)]
        ) from None
    if len(data) > limits.max_bytes:  # the file grew while we looked at it
        raise _too_large(display, len(data), limits.max_bytes)
    return data


def load_file(path: FsPath, limits: Limits = DEFAULT_LIMITS) -> Source:
    display = display_name(path)
    return load_text(decode(read_bytes(path, limits), display), display, limits)


def load_bytes(data: bytes, display: str, limits: Limits = DEFAULT_LIMITS) -> Source:
    if len(data) > limits.max_bytes:
        raise _too_large(display, len(data), limits.max_bytes)
    return load_text(decode(data, display), display, limits)


def load_text(text: str, display: str, limits: Limits = DEFAULT_LIMITS) -> Source:
    """Parse NFC text into a :class:`Source`, or raise :class:`InputError`."""
    text = unicodedata.normalize("NFC", text)
    if "\r" in text:  # editors count \r\n and a lone \r as one line break, like libyaml
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    src = Source(display, text, None, None)
    _refuse_invisible_breaks(src)
    problems: list[Problem] = []
    try:
        root, data = _Builder(src, problems, limits).compose(text)
    except yaml.reader.ReaderError as exc:
        raise InputError([_reader_problem(src, exc)]) from None
    except yaml.MarkedYAMLError as exc:
        if _LIBYAML_TOO_DEEP in (exc.problem or ""):
            raise InputError([_libyaml_too_deep(src, exc, limits)]) from None
        raise InputError([_syntax_problem(src, exc)]) from None
    except yaml.YAMLError as exc:  # unmarked errors are rare; still say which file
        raise InputError([Problem("yaml.syntax", {"detail": str(exc)}, display)]) from None
    if problems:
        raise InputError(problems)
    if root is None:
        raise InputError([Problem("file.empty", {}, display)])
    src.root = root
    src.data = data
    return src


# Characters the YAML reader lets through but that must not be in a clerk's file. U+0085,
# U+2028 and U+2029 are line breaks to libyaml but not to editors: every later position would be
# one line off. The bidirectional embedding, override and isolate controls make a line display
# in an order other than its content (a terminal or an editor would show a lie).
_INVISIBLE_BREAKS = "\u0085\u2028\u2029"
_UNSAFE_RAW = re.compile("[\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# What a double-quoted scalar may not produce through its escapes: what YAML's printable set
# excludes (C0 but tab and line feed, DEL, C1, surrogates, U+FFFE, U+FFFF), carriage return,
# and the characters above. Raw, all of these are refused before parsing.
_UNSAFE_VALUE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_MAX_REPORTED = 50
# libyaml 0.2.6 (bundled with PyYAML 6.0.4) refuses more than 1000 flow or block levels,
# possibly while looking up to 1024 characters ahead of the last event it produced.
_LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"
_LIBYAML_MAX_DEPTH = 1000


def _char_code(char: str) -> str:
    return f"U+{ord(char):04X}"


def _refuse_invisible_breaks(src: Source) -> None:
    problems: list[Problem] = []
    for match in _UNSAFE_RAW.finditer(src.text):
        if len(problems) == _MAX_REPORTED:
            break
        line, col = _line_col(src.text, match.start())
        char = match.group()
        code = "file.line-separator" if char in _INVISIBLE_BREAKS else "file.bidi-control"
        problems.append(src.problem_at(code, line, col, char=_char_code(char)))
    if problems:
        raise InputError(problems)


def _libyaml_too_deep(src: Source, exc: yaml.MarkedYAMLError, limits: Limits) -> Problem:
    """libyaml refused the nesting before parscore saw it: find parscore's own place again on
    the text before libyaml's mark (where libyaml never goes past its limit)."""
    mark = exc.problem_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    if mark is not None and limits.max_depth < _LIBYAML_MAX_DEPTH:
        offset = _offset(src.text, line, col)
        try:
            _Builder(src, [], limits).compose(src.text[:offset])
        except InputError as found:
            deep = [p for p in found.problems if p.code == "yaml.too-deep"]
            if deep:
                return deep[0]
        except yaml.YAMLError:
            pass
    return src.problem_at(
        "yaml.too-deep", line, col, limit=min(limits.max_depth, _LIBYAML_MAX_DEPTH)
    )


def _offset(text: str, line: int, col: int) -> int:
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + col - 1


def _reader_problem(src: Source, exc: yaml.reader.ReaderError) -> Problem:
    """A character YAML does not allow (a control character pasted from another program).
    libyaml counts its position in UTF-8 bytes; the message counts characters."""
    offset = len(src.text.encode("utf-8")[: exc.position].decode("utf-8", errors="ignore"))
    line, col = _line_col(src.text, offset)
    return src.problem_at("file.control-char", line, col, char=f"U+{exc.character:04X}")


def _syntax_problem(src: Source, exc: yaml.MarkedYAMLError) -> Problem:
    """libyaml's words, turned into what to do and placed where the mistake was made."""
    problem = exc.problem or ""
    context = exc.context or ""
    at, start = exc.problem_mark, exc.context_mark

    def located(code: str, mark: Any, **args: Any) -> Problem:
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        last = _last_line(src.text)
        if line > last[0]:  # libyaml's end of stream is a line past the last: show the last
            line, col = last
        return src.problem_at(code, line, col, **args)

    at_end = at is not None and at.line + 1 > _last_line(src.text)[0]
    if at_end and "flow node" in context and "did not find expected node content" in problem:
        return located("yaml.unexpected-end", at)
    if "expected a single document" in context:
        return located("yaml.multiple-documents", at)
    escape = "escape" in problem  # a bad escape inside quoted text: told below, as it is
    if at is not None and not escape and (opened := _open_quote(src, at.line + 1)) is not None:
        # a double-quoted text left open runs on over the lines below (YAML lets it) until the
        # next quote: the mistake is where it opened, not where libyaml stopped
        return src.problem_at("yaml.unclosed-quote", *opened)
    indentation = _indentation_problem(src, exc)
    if indentation is not None:
        return indentation
    if at is not None and src.line_text(at.line + 1) is not None:
        here = (src.line_text(at.line + 1) or "")[at.column : at.column + 1]
        if here == "\t" or "tab" in problem:
            return located("yaml.tab", at)
    if "flow sequence" in context and "did not find expected" in problem:
        return located("yaml.unclosed-flow", start, open="[", close="]")
    if "flow mapping" in context and "did not find expected" in problem:
        return located("yaml.unclosed-flow", start, open="{", close="}")
    if "block mapping" in context and "did not find expected key" in problem:
        return located("yaml.indentation", at, block_line=start.line + 1 if start else 0)
    if "mapping values are not allowed" in problem:
        return located("yaml.colon-in-value", at)
    if "could not find expected ':'" in problem:
        return located("yaml.missing-colon", start or at)
    if "quoted scalar" in context and "end of stream" in problem:
        return located("yaml.unclosed-quote", start)
    if "cannot start any token" in problem and at is not None:
        char = (src.line_text(at.line + 1) or " ")[at.column : at.column + 1]
        return located("yaml.bad-start", at, char=char)
    if _LIBYAML_TOO_DEEP in problem:  # placed by load_text; a safety net here
        return located("yaml.too-deep", at, limit=_LIBYAML_MAX_DEPTH)
    if "unknown escape character" in problem or "invalid Unicode character escape" in problem:
        return located("yaml.bad-escape", at)
    detail = f"{context}: {problem}" if context else problem
    return located("yaml.syntax", at or start, detail=detail)


_QUOTE_SCAN = 1_000_000


def _open_quote(src: Source, line: int) -> tuple[int, int] | None:
    """Where a double-quoted text still open at the start of ``line`` began (its line and
    column); None otherwise. Read as an editor would colour it: a quote opens a text only where
    a value starts (after ``: ``, ``- ``, ``[``, ``{``, ``,`` or at the start of a line), not
    inside plain text (``màn hình 5" lớn``); comments, single-quoted texts and block texts
    (``|``, ``>``) are skipped; ``\\"`` does not close. Only the first :data:`_QUOTE_SCAN`
    characters are looked at: a longer file gets libyaml's own place."""
    if len(src.text) > _QUOTE_SCAN:
        return None
    opened: tuple[int, int] | None = None
    single = False
    block: int | None = None  # the indentation a block text's lines go deeper than
    for number in range(1, line):
        text = src.line_text(number) or ""
        indent = len(text) - len(text.lstrip(" "))
        if block is not None and opened is None and not single:
            if not text.strip() or indent > block:
                continue  # a line of the block text
            block = None
        i = 0
        while i < len(text):
            char = text[i]
            if opened is not None:
                if char == "\\":
                    i += 1
                elif char == '"':
                    opened = None
            elif single:
                if char == "'":
                    single = text[i + 1 : i + 2] == "'"  # '' is a quote inside
                    i += single
            elif char == "#" and (i == 0 or text[i - 1] in " \t"):
                break
            elif char in "\"'" and text[:i].rstrip()[-1:] in _VALUE_STARTS:
                if char == '"':
                    opened = (number, i + 1)
                else:
                    single = True
            elif char in "|>" and text[:i].rstrip()[-1:] in (":", "-"):
                if not text[i + 1 :].split("#", 1)[0].strip(" +-0123456789"):
                    block = indent  # the lines below, deeper than this one, are its text
                    break
            i += 1
    return opened


#: what a quoted value may follow on its line (nothing: the line starts with it)
_VALUE_STARTS = ("", ":", "-", "[", "{", ",", "?")


_KEY_LINE = re.compile(r"""( *)((?:- +)*)("[^"]*"|'[^']*'|[^\s#"'][^#]*?) *:(?: |$)""")


_KEY_SCAN = 400  # a key is looked for at the start of a line only: a huge line costs nothing


def _key_above(src: Source, line: int) -> tuple[int, int, str, bool] | None:
    """The nearest line above ``line`` with text on it, when it starts with a key: (its line,
    the key's column, the key, whether a value follows the key on that line)."""
    for above in range(line - 1, 0, -1):
        text = src.line_text(above) or ""
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        match = _KEY_LINE.match(text[:_KEY_SCAN])
        if match is None:
            return None
        rest = text[match.end() :].strip()
        has_value = bool(rest) and not rest.startswith("#")
        return above, match.start(3) + 1, match.group(3), has_value
    return None


def _indentation_problem(src: Source, exc: yaml.MarkedYAMLError) -> Problem | None:
    """A key indented unlike its neighbours, told with the column it should start at. libyaml
    reads a key indented deeper than the key-and-value above it as that value going on, and
    stops at its colon ("mapping values are not allowed"); a key indented less than the keys
    above it but more than their block's ends the block ("did not find expected key")."""
    at, start = exc.problem_mark, exc.context_mark
    if at is None:
        return None
    line = at.line + 1
    text = src.line_text(line) or ""
    indent = len(text) - len(text.lstrip(" "))
    above = _key_above(src, line)
    if above is None:
        return None
    key_line, expected, key, has_value = above
    args: dict[str, Any] = {"key": key, "key_line": key_line, "expected": expected}
    problem = exc.problem or ""
    if text[indent : indent + 1] == "\t" or text[at.column : at.column + 1] == "\t":
        return src.problem_at("yaml.tab-indent", line, at.column + 1, **args)
    if "mapping values are not allowed" in problem:
        found = text[indent : at.column].strip()
        words = " " in found and found[:1] not in "\"'"  # keys are one word; text is not
        if ": " in found or words or not found or indent + 1 <= expected or not has_value:
            return None  # a colon inside a value, not an indentation mistake
        return src.problem_at("yaml.over-indented", line, indent + 1, found=found, **args)
    if "block mapping" in (exc.context or "") and "expected key" in problem and start:
        block, column = start.column + 1, at.column + 1
        match = _KEY_LINE.match(text[:_KEY_SCAN])
        if expected == block and column > expected and match and match.start(3) == at.column:
            found = match.group(3)  # a comment ended the value above: still one key too deep
            return src.problem_at("yaml.over-indented", line, column, found=found, **args)
        if expected == block or column in (expected, block):
            return None
        where = {"block_line": start.line + 1, "block_column": block, "column": column}
        return src.problem_at("yaml.indentation-between", line, column, **where, **args)
    return None


def _last_line(text: str) -> tuple[int, int]:
    """The last line an editor shows with text on it, and the column just after that text."""
    body = text.rstrip("\n")
    return body.count("\n") + 1, len(body) - (body.rfind("\n") + 1) + 1


def _tag_as_typed(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


_SKIP = object()  # a key that was refused: its value is read (for its problems) but not kept


class _Frame:
    """An open mapping or sequence while the event stream is walked."""

    __slots__ = ("node", "value", "is_map", "key_node", "key", "first_line")

    def __init__(self, node: yaml.Node, value: Any, is_map: bool):
        self.node = node
        self.value = value
        self.is_map = is_map
        self.key_node: yaml.Node | None = None
        self.key: Any = None
        self.first_line: dict[str, int] = {}


class _Builder:
    """Walks libyaml's event stream once, with no recursion (so no nesting can overflow a
    stack), building the node tree kept for positions and the plain values together. Every
    problem is collected; crossing the nesting or the size limit, or meeting an anchor or an
    alias, stops at once, placed on the node that does it."""

    def __init__(self, src: Source, problems: list[Problem], limits: Limits = DEFAULT_LIMITS):
        self.src = src
        self.problems = problems
        self.limits = limits

    def _problem(self, code: str, node: yaml.Node, **args: Any) -> None:
        mark = node.start_mark
        self.problems.append(self.src.problem_at(code, mark.line + 1, mark.column + 1, **args))

    def _stop(self, code: str, mark: Any, **args: Any) -> InputError:
        stop = self.src.problem_at(code, mark.line + 1, mark.column + 1, **args)
        return InputError([*self.problems, stop])

    def compose(self, text: str) -> tuple[yaml.Node | None, Any]:
        """The root node and the plain value of the one document in ``text``."""
        max_depth, max_nodes = self.limits.max_depth, self.limits.max_nodes
        stack: list[_Frame] = []
        root: yaml.Node | None = None
        root_value: Any = None
        nodes = documents = 0
        scalar_event, scalar_node = yaml.ScalarEvent, yaml.ScalarNode
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        unsafe = _UNSAFE_VALUE.search
        plain = self._plain
        loader = _NoResolveLoader(text)
        try:
            get_event = loader.get_event
            while True:
                event = get_event()
                kind = type(event)
                if kind is scalar_event:
                    nodes += 1
                    if nodes > max_nodes:
                        raise self._stop("yaml.too-many-nodes", event.start_mark, limit=max_nodes)
                    value = event.value
                    style = event.style
                    node = scalar_node(_STR_TAG, value, event.start_mark, None, style)
                    if style == '"' and unsafe(value):
                        value = self._unsafe_escape(node)
                    if event.anchor is not None:
                        raise self._stop("yaml.alias", event.start_mark)
                    if event.tag is not None:
                        self._problem("yaml.tag", node, tag=_tag_as_typed(event.tag))
                        value = None
                    elif not style:  # quoted and block scalars are text; so are keys
                        top = stack[-1] if stack else None
                        if top is None or not top.is_map or top.key_node is not None:
                            value = plain(node)
                elif kind is mapping_start or kind is sequence_start:
                    nodes += 1
                    if nodes > max_nodes:
                        raise self._stop("yaml.too-many-nodes", event.start_mark, limit=max_nodes)
                    if len(stack) >= max_depth:
                        raise self._stop("yaml.too-deep", event.start_mark, limit=max_depth)
                    is_map = kind is mapping_start
                    node = (yaml.MappingNode if is_map else yaml.SequenceNode)(
                        _MAP_TAG if is_map else _SEQ_TAG,
                        [],
                        event.start_mark,
                        None,
                        event.flow_style,
                    )
                    if event.tag is not None:
                        self._problem("yaml.tag", node, tag=_tag_as_typed(event.tag))
                    if event.anchor is not None:
                        raise self._stop("yaml.alias", event.start_mark)
                    stack.append(_Frame(node, {} if is_map else [], is_map))
                    continue
                elif kind is mapping_end or kind is sequence_end:
                    frame = stack.pop()
                    node, value = frame.node, frame.value
                elif kind is yaml.StreamEndEvent or event is None:
                    break
                elif kind is yaml.AliasEvent:  # the first anchor or alias stops the reading:
                    raise self._stop("yaml.alias", event.start_mark)  # a bomb has thousands
                elif kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1:
                        raise self._stop("yaml.multiple-documents", event.start_mark)
                    continue
                else:  # stream start, document end
                    continue
                if not stack:
                    root, root_value = node, value
                    continue
                top = stack[-1]
                if not top.is_map:
                    top.node.value.append(node)
                    top.value.append(value)
                elif top.key_node is None:
                    self._key(top, node)
                else:
                    top.node.value.append((top.key_node, node))
                    if top.key is not _SKIP:
                        top.value[top.key] = value
                    top.key_node = top.key = None
        finally:
            loader.dispose()
        return root, root_value

    def _unsafe_escape(self, node: yaml.ScalarNode) -> str:
        """A double-quoted scalar whose escapes wrote a control character: refused, and the
        character made visible so no later message carries it to a terminal."""
        value: str = node.value
        char = _UNSAFE_VALUE.search(value).group()  # type: ignore[union-attr]
        self._problem("yaml.control-escape", node, char=_char_code(char))
        node.value = _UNSAFE_VALUE.sub("\ufffd", value)
        return node.value

    def _key(self, frame: _Frame, node: yaml.Node) -> None:
        frame.key_node = node
        frame.key = _SKIP
        if not isinstance(node, yaml.ScalarNode):
            self._problem("yaml.key-not-scalar", node)
            return
        key = node.value
        if key == "<<" and not node.style:
            self._problem("yaml.merge-key", node)
        elif key in frame.first_line:
            self._problem("yaml.duplicate-key", node, key=key, first_line=frame.first_line[key])
        else:
            frame.first_line[key] = node.start_mark.line + 1
            frame.key = key

    def _plain(self, node: yaml.ScalarNode) -> Any:
        value: str = node.value
        if value in _NULLS:
            return None
        if value in _TRUES:
            return True
        if value in _FALSES:
            return False
        first = value[0]
        if first.isdigit() or first in "+-.":
            is_int = _INT.fullmatch(value) is not None
            if is_int or (_DECIMAL.fullmatch(value) and not _leading_zero(value)):
                # judged on its digits before int() or Decimal() sees it (4,301 digits make
                # int() fail; 1e999999999 later expands to a billion digits)
                code = number_bound_problem(value)
                if code is not None:
                    self._problem(code, node, value=value, **number_bounds_args())
                    return None
                return int(value) if is_int else plain(Decimal(value))
            if _NON_FINITE.fullmatch(value):
                self._problem("yaml.not-finite", node, value=value)
                return None
        return value


def _leading_zero(value: str) -> bool:
    digits = value.lstrip("+-")
    return len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()
