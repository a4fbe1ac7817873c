"""A fast path for reading files that are valid: the values without the node tree.

:func:`parscore.yamlsource.load_bytes` walks libyaml's events once and builds, beside the
values, a node for every scalar and collection, kept only to place a problem at its line and
column. Most files in a comparison have no problem at all. :func:`load_bytes` here builds only
the values, in two tiers: a file in the template's shape is read line by line
(:mod:`parscore.linereader`, faster still), any other walks the same events as the located
reader, with the same rules. The node tree is composed by the located reader the first time a
position is asked for (a problem or a warning found later).

It is a fast path and nothing else: on anything unusual — an anchor, an alias, a tag, a merge
key, a duplicate or non-scalar key, a number out of bounds or not finite, an escaped control
character, a refused character in the text, too deep or too many nodes, more than one
document, no document, or any error from libyaml — it reads the file again with
:func:`parscore.yamlsource.load_bytes`, which gives today's located problems exactly. For a file
it reads, the values and the text are those of the located reader (``tests/test_fast_reader.py``
checks this path against it on every shipped file and on mutated ones,
``tests/test_line_reader.py`` the line reader on its own).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import yaml

from parscore import linereader, yamlsource
from parscore.decimals import number_bound_problem, plain
from parscore.yamlsource import DEFAULT_LIMITS, Limits, Source

_Unusual = linereader.Unusual  # something the fast path leaves to the located reader


class LazySource(Source):
    """A :class:`~parscore.yamlsource.Source` whose node tree is composed (by the located
    reader, from the same text) only when a position is first asked for."""

    def __init__(self, display: str, text: str, data: Any, limits: Limits):
        self._root: yaml.Node | None = None
        self._composed = False
        self._limits = limits
        super().__init__(display, text, None, data)

    @property  # type: ignore[override]
    def root(self) -> yaml.Node | None:
        if not self._composed:
            self._root = yamlsource.load_text(self.text, self.display, self._limits).root
            self._composed = True
        return self._root

    @root.setter
    def root(self, value: yaml.Node | None) -> None:
        self._root = value
        self._composed = value is not None


def load_bytes(data: bytes, display: str, limits: Limits = DEFAULT_LIMITS) -> Source:
    """What :func:`parscore.yamlsource.load_bytes` gives for ``data``, without its node tree
    until a position is needed; the located reader's problems for anything unusual."""
    if len(data) > limits.max_bytes:
        return yamlsource.load_bytes(data, display, limits)  # raises, located
    text = yamlsource.decode(data, display)  # NFC; raises the located reader's problems
    if "\r" in text:  # as load_text does: editors count \r\n and a lone \r as one break
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:  # a file in the template's shape, line by line (it refuses what _UNSAFE_RAW finds)
        return LazySource(display, text, linereader.values(text, limits, _scalar), limits)
    except _Unusual:
        pass
    if yamlsource._UNSAFE_RAW.search(text) is None:  # else libyaml's events
        try:
            return LazySource(display, text, _values(text, limits), limits)
        except _Unusual:
            pass
    return yamlsource.load_bytes(data, display, limits)


# A count or an amount as files write them most: a whole number of at most 15 digits, maybe
# with at most 6 decimals, no sign and no leading zero; inside number_bound_problem's bounds.
_COMMON_NUMBER = re.compile(r"(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{1,6})?")


def _scalar(value: str) -> Any:
    """A plain scalar's value, as the located reader types it; out of bounds is unusual."""
    if value in yamlsource._NULLS:
        return None
    if value in yamlsource._TRUES:
        return True
    if value in yamlsource._FALSES:
        return False
    if _COMMON_NUMBER.fullmatch(value):  # within the bounds, no leading zero: as below
        return int(value) if value.isdigit() else plain(Decimal(value))
    first = value[0]
    if first.isdigit() or first in "+-.":
        is_int = yamlsource._INT.fullmatch(value) is not None
        if is_int or (yamlsource._DECIMAL.fullmatch(value) and not yamlsource._leading_zero(value)):
            if number_bound_problem(value) is not None:
                raise _Unusual
            return int(value) if is_int else plain(Decimal(value))
        if yamlsource._NON_FINITE.fullmatch(value):
            raise _Unusual
    return value


_NO_KEY = object()  # a mapping waiting for its next key


def _values(text: str, limits: Limits) -> Any:
    """The one document's value, walking libyaml's events as the located reader does."""
    loader = yamlsource._NoResolveLoader(text)
    try:
        return _walk(loader.get_event, limits)
    except yaml.YAMLError:
        raise _Unusual from None
    finally:
        loader.dispose()


def _walk(get_event: Any, limits: Limits) -> Any:  # noqa: C901 - one loop over the events
    max_depth, max_nodes = limits.max_depth, limits.max_nodes
    scalar_event = yaml.ScalarEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    unsafe = yamlsource._UNSAFE_VALUE.search
    # the open collection is kept in locals (its container, whether it is a mapping, its
    # pending key); the ones around it on a stack, as (container, is_map, key)
    stack: list[tuple[Any, bool, Any]] = []
    container: Any = None  # None: at the top, outside any collection
    is_map = False
    key: Any = _NO_KEY
    root: Any = _NO_KEY
    nodes = documents = 0
    while True:
        event = get_event()
        kind = type(event)
        if kind is scalar_event:
            nodes += 1
            if event.anchor is not None or event.tag is not None:
                raise _Unusual
            value, style = event.value, event.style
            if style == '"' and unsafe(value):
                raise _Unusual
            if is_map and key is _NO_KEY:  # a key
                if (value == "<<" and not style) or value in container or nodes > max_nodes:
                    raise _Unusual
                key = value
                continue
            if not style:  # quoted and block scalars are text
                value = _scalar(value)
        elif kind is mapping_start or kind is sequence_start:
            nodes += 1
            depth = len(stack) + (container is not None)  # collections open around it
            if event.anchor is not None or event.tag is not None or depth >= max_depth:
                raise _Unusual
            if nodes > max_nodes:
                raise _Unusual
            if container is not None:
                stack.append((container, is_map, key))
            is_map = kind is mapping_start
            container, key = ({} if is_map else []), _NO_KEY
            continue
        elif kind is mapping_end or kind is sequence_end:
            value = container
            container, is_map, key = stack.pop() if stack else (None, False, _NO_KEY)
        elif kind is yaml.StreamEndEvent or event is None:
            break
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Unusual
            continue
        elif kind is yaml.AliasEvent:
            raise _Unusual
        else:  # stream start, document end
            continue
        if nodes > max_nodes:
            raise _Unusual
        if container is None:
            root = value
        elif not is_map:
            container.append(value)
        elif key is _NO_KEY:  # a collection as a key
            raise _Unusual
        else:
            container[key] = value
            key = _NO_KEY
    if root is _NO_KEY:
        raise _Unusual  # no document: the located reader says so
    return root
