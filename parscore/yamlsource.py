"""Strict, located YAML reading.

PyYAML's defaults are wrong for hand-typed evidence: ``no`` becomes ``False``, ``0.1`` becomes a
binary float, duplicate keys silently keep the last value, aliases can expand into millions of
nodes and tags can name Python objects. This module reads a file the way parscore needs it:

* bytes are decoded here: UTF-8 (with or without BOM), or UTF-16 only with its BOM; anything
  else is a located "save the file as UTF-8" problem;
* text is normalised to NFC before parsing, so "Vĩnh Chấp" typed decomposed is the same name;
* libyaml (``CSafeLoader``) builds the node tree, with **no implicit type resolution**; this
  module then builds plain Python values itself: YAML 1.2 booleans only (``true``/``false``),
  integers, ``Decimal`` for every other number exactly as typed, ``None`` for ``null``/``~``/empty,
  and strings for everything else (``yes``, ``06/02/2023``, ``2023-02-06``, ``00004``);
* mapping keys are always the text that was typed (``1.1:`` is the key ``"1.1"``);
* duplicate keys, anchors, aliases, merge keys, tags and non-finite numbers are refused;
* nesting is bounded (libyaml's composer recurses in C and would crash on deep nesting).

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

from parscore.errors import InputError, Path, Problem, Severity

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
_BLOCK_PREFIX = re.compile(r"^[ \-?:]*", re.MULTILINE)
# An anchor or alias is & or * right before a name, where a value starts; "HĐND & UBND" is not.
_MAYBE_ANCHOR = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s,\[\]{}]")


@dataclass(frozen=True)
class Limits:
    """What a single input file may hold. Each breach is a located error."""

    max_bytes: int = 10 * 1024 * 1024
    max_depth: int = 100


DEFAULT_LIMITS = Limits()


def size_text(size: int) -> dict[str, str]:
    """A size as people say it: 30 MB, 512 KB, 900 bytes (a message argument)."""
    from parscore.messages import format_number

    for unit, factor in (("MB", 1024**2), ("KB", 1024)):
        if size >= factor:
            value = (Decimal(size) / factor).quantize(Decimal("0.1"))
            value = value.quantize(Decimal(1)) if value == value.to_integral_value() else value
            return {"vi": f"{format_number(value, 'vi')} {unit}", "en": f"{value} {unit}"}
    return {"vi": f"{size} byte", "en": f"{size} bytes"}


def _too_large(display: str, size: int, limit: int) -> InputError:
    return InputError(
        [Problem("file.too-large", {"size": size_text(size), "limit": size_text(limit)}, display)]
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

    # -- positions --------------------------------------------------------------------------
    def node_at(self, keys: Path, *, prefer_key: bool = False) -> yaml.Node | None:
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

    def position(self, keys: Path, *, prefer_key: bool = False) -> tuple[int, int]:
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
        keys: Path = (),
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
        keys: Path = (),
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
    characters escaped visibly (``x\\xe3.yaml``, ``a\\nb.yaml``; see :mod:`parscore.visible`)."""
    from parscore.visible import visible

    return visible(path if isinstance(path, str) else path.as_posix())


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
                (stat.S_ISFIFO, "ống dẫn có tên (FIFO)", "a named pipe (FIFO)"),
                (stat.S_ISSOCK, "socket", "a socket"),
                (stat.S_ISCHR, "thiết bị ký tự", "a character device"),
                (stat.S_ISBLK, "thiết bị khối", "a block device"),
            )
            vi, en = next(
                ((vi, en) for test, vi, en in kinds if test(mode)),
                ("tệp đặc biệt", "a special file"),
            )
            raise InputError([Problem("file.not-regular", {"kind": {"vi": vi, "en": en}}, display)])

    try:
        info = os.stat(path)
        refuse_special(info.st_mode)
        if info.st_size > limits.max_bytes:
            raise _too_large(display, info.st_size, limits.max_bytes)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
        with os.fdopen(fd, "rb") as handle:
            refuse_special(os.fstat(handle.fileno()).st_mode)
            data = handle.read(limits.max_bytes + 1)
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
    src = Source(display, text, None, None)
    if _needs_event_scan(text, limits):
        _scan_events(src, limits)
    try:
        root = yaml.compose(text, Loader=_NoResolveLoader)
    except yaml.reader.ReaderError as exc:
        raise InputError([_reader_problem(src, exc)]) from None
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_problem(src, exc)]) from None
    except yaml.YAMLError as exc:  # unmarked errors are rare; still say which file
        raise InputError([Problem("yaml.syntax", {"detail": str(exc)}, display)]) from None
    src.root = root
    if root is None:
        raise InputError([Problem("file.empty", {}, display)])
    problems: list[Problem] = []
    src.data = _Builder(src, problems).build(root)
    if problems:
        raise InputError(problems)
    return src


def _needs_event_scan(text: str, limits: Limits) -> bool:
    """A cheap bound says whether anchors, aliases or deep nesting could be present."""
    if ("&" in text or "*" in text) and _MAYBE_ANCHOR.search(text):
        return True
    flow = text.count("[") + text.count("{")
    if flow <= limits.max_depth and len(text) < 4096:
        return False
    block = max((len(m) for m in _BLOCK_PREFIX.findall(text)), default=0)
    return flow + block + 1 > limits.max_depth


def _scan_events(src: Source, limits: Limits) -> None:
    """Walk libyaml's event stream (no recursion, no node tree) for anchors, aliases and depth."""
    depth = 0
    try:
        for event in yaml.parse(src.text, Loader=_NoResolveLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                raise InputError([src.problem_at("yaml.alias", mark.line + 1, mark.column + 1)])
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > limits.max_depth:
                    mark = event.start_mark
                    raise InputError(
                        [
                            src.problem_at(
                                "yaml.too-deep",
                                mark.line + 1,
                                mark.column + 1,
                                limit=limits.max_depth,
                            )
                        ]
                    )
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.reader.ReaderError as exc:
        raise InputError([_reader_problem(src, exc)]) from None
    except yaml.MarkedYAMLError as exc:
        raise InputError([_syntax_problem(src, exc)]) from None


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
        return src.problem_at(code, line, col, **args)

    if "expected a single document" in context:
        return located("yaml.multiple-documents", at)
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
    if "unknown escape character" in problem:
        return located("yaml.bad-escape", at)
    detail = f"{context}: {problem}" if context else problem
    return located("yaml.syntax", at or start, detail=detail)


def _tag_as_typed(tag: str) -> str:
    return "!!" + tag[len("tag:yaml.org,2002:") :] if tag.startswith("tag:yaml.org,2002:") else tag


class _Builder:
    """Turns libyaml nodes into plain values, collecting every problem it meets."""

    def __init__(self, src: Source, problems: list[Problem]):
        self.src = src
        self.problems = problems

    def _problem(self, code: str, node: yaml.Node, **args: Any) -> None:
        mark = node.start_mark
        self.problems.append(self.src.problem_at(code, mark.line + 1, mark.column + 1, **args))

    def build(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.tag != _STR_TAG:
                self._problem("yaml.tag", node, tag=_tag_as_typed(node.tag))
                return None
            if node.style:  # quoted or block scalars are always text (plain: None, or '' in C)
                return node.value
            return self._plain(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                self._problem("yaml.tag", node, tag=_tag_as_typed(node.tag))
            return [self.build(item) for item in node.value]
        if isinstance(node, yaml.MappingNode):
            if node.tag != _MAP_TAG:
                self._problem("yaml.tag", node, tag=_tag_as_typed(node.tag))
            result: dict[str, Any] = {}
            first_line: dict[str, int] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self._problem("yaml.key-not-scalar", key_node)
                    continue
                if key_node.tag != _STR_TAG:
                    self._problem("yaml.tag", key_node, tag=_tag_as_typed(key_node.tag))
                    continue
                key = key_node.value
                if key == "<<" and not key_node.style:
                    self._problem("yaml.merge-key", key_node)
                    continue
                if key in first_line:
                    self._problem(
                        "yaml.duplicate-key", key_node, key=key, first_line=first_line[key]
                    )
                    continue
                first_line[key] = key_node.start_mark.line + 1
                result[key] = self.build(value_node)
            return result
        raise TypeError(f"unexpected YAML node {node!r}")  # pragma: no cover

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
            if _INT.fullmatch(value):
                return int(value)
            if _DECIMAL.fullmatch(value) and not _leading_zero(value):
                return Decimal(value)
            if _NON_FINITE.fullmatch(value):
                self._problem("yaml.not-finite", node, value=value)
                return None
        return value


def _leading_zero(value: str) -> bool:
    digits = value.lstrip("+-")
    return len(digits) > 1 and digits[0] == "0" and digits[1].isdigit()
