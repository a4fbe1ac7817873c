"""A criteria set that extends another, resolved into one set checked as a whole.

The extending file names its base (``extends:``), gives its own identity and any top-level key
it changes, and changes the base's tree under ``changes:`` (remove, replace, reweight, add, in
that order; :mod:`parscore.model.extension`). The base is read and checked on its own first, so
a problem inside it is reported in its file. The resolved set is then checked by the same
checks as any set (:mod:`parscore.checks.criteria`) through a :class:`MergedSource`, which
places every problem in the extending file: where the value came from when it came from there
(an added node, a new maximum, a top-level key), and otherwise — the base being valid on its
own, the problem is the extension's doing — at the first change that touched the node's
subtree (a parent whose children no longer sum to its maximum is placed at the re-weight of
one of them), or, for the set's total and split, at the first change to a field; failing
those, at the first top-level key it gives (``penalty:`` left empty where rules book one).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from parscore.checks.criteria import criteria_from_source
from parscore.checks.pydantic_errors import model_keys, validation_problems
from parscore.errors import InputError, KeyPath, Problem
from parscore.messages import suggestion
from parscore.model.criteria import CriteriaSet, Node
from parscore.model.extension import OWN_KEYS, TREE_KEYS, Extension
from parscore.yamlsource import Source

_HEAD_KEYS = ("extends", "changes")


def head(src: Source) -> Extension | None:
    """The head of a set that extends another, checked; None for a whole set."""
    data = src.data
    if not isinstance(data, dict) or "extends" not in data:
        return None
    problems = [
        src.problem("extend.tree-key", (key,), prefer_key=True, key=key)
        for key in TREE_KEYS
        if key in data
    ]
    problems += [src.problem("value.missing", (), key=key) for key in OWN_KEYS if key not in data]
    try:
        ext: Extension | None = Extension.model_validate(data)
    except ValidationError as exc:
        known = model_keys(Extension, CriteriaSet)
        problems += validation_problems(src, exc, known_keys=known)
        ext = None
    if problems or ext is None:
        raise InputError(problems)
    return ext


@dataclass(frozen=True)
class _Change:
    keys: KeyPath  # where the change is written in the extending file
    touches: frozenset[str]  # the ids of the nodes it changed (a removal: its parent's)
    top: bool = False  # it changed a field or the survey itself: the set's totals


class MergedSource(Source):
    """The resolved set's data, with every position taken in the extending file."""

    def __init__(self, child: Source, data: dict[str, Any], merger: _Merger):
        super().__init__(child.display, child.text, child.root, data)
        self._merger = merger
        self._own = frozenset(k for k in child.data if k not in TREE_KEYS)

    def position(self, keys: KeyPath, *, prefer_key: bool = False) -> tuple[int, int]:
        where, key = self._where(keys, prefer_key)
        return super().position(where, prefer_key=key)

    def _where(self, keys: KeyPath, prefer_key: bool) -> tuple[KeyPath, bool]:
        """Where ``keys`` of the resolved set are written in the extending file."""
        if keys and keys[0] in self._own:
            return keys, prefer_key
        merger = self._merger
        node, rest = self._node_along(keys)
        if node is not None:
            overridden = merger.overrides.get(id(node), {})
            if rest and rest[0] in overridden:
                return overridden[str(rest[0])] + rest[1:], prefer_key
            origin = merger.origins.get(id(node))
            if origin is not None:
                return origin + rest, prefer_key
        return merger.blame(node), False

    def _node_along(self, keys: KeyPath) -> tuple[dict[str, Any] | None, KeyPath]:
        """The deepest node on the way down ``keys``, and the keys below it."""
        current: Any = self.data
        node, rest = None, keys
        for index, key in enumerate(keys):
            if isinstance(current, dict) and key in current:
                current = current[key]
            elif isinstance(current, list) and isinstance(key, int) and 0 <= key < len(current):
                current = current[key]
            else:
                break
            if id(current) in self._merger.node_ids:
                node, rest = current, keys[index + 1 :]
        return node, rest


@dataclass
class _Merger:
    """The base's data with the extension's keys and changes applied."""

    child: Source
    ext: Extension
    node_ids: dict[int, str] = field(default_factory=dict)  # a node's mapping -> its id
    origins: dict[int, KeyPath | None] = field(default_factory=dict)  # None: from the base
    overrides: dict[int, dict[str, KeyPath]] = field(default_factory=dict)  # re-weighted keys
    changes: list[_Change] = field(default_factory=list)
    changed: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    fields: list[dict[str, Any]] = field(default_factory=list)
    survey: list[dict[str, Any]] = field(default_factory=list)  # none, or the survey

    # -- the tree -------------------------------------------------------------------------
    def copy(self, raw: dict[str, Any], node: Node, origin: KeyPath | None) -> dict[str, Any]:
        """A node's mapping, its children copied too, remembered with where it comes from."""
        new = dict(raw)
        self.node_ids[id(new)] = node.id
        self.origins[id(new)] = origin
        if node.children is not None:
            new["children"] = [
                self.copy(r, n, None if origin is None else origin + ("children", j))
                for j, (r, n) in enumerate(zip(raw["children"], node.children, strict=True))
            ]
        return new

    def find(self, node_id: str) -> tuple[list[dict[str, Any]], int] | None:
        """The list that holds the node ``node_id``, and its place in it."""
        pending = [self.fields, self.survey]
        while pending:
            nodes = pending.pop()
            for index, node in enumerate(nodes):
                if self.node_ids[id(node)] == node_id:
                    return nodes, index
                if node.get("children"):
                    pending.append(node["children"])
        return None

    def ids(self) -> list[str]:
        out: list[str] = []
        pending = [self.fields, self.survey]
        while pending:
            for node in pending.pop():
                out.append(self.node_ids[id(node)])
                if node.get("children"):
                    pending.append(node["children"])
        return out

    def subtree(self, node: dict[str, Any]) -> set[str]:
        found = {self.node_ids[id(node)]}
        for child in node.get("children") or ():
            found |= self.subtree(child)
        return found

    def blame(self, node: dict[str, Any] | None) -> KeyPath:
        """The first change that touched ``node``'s subtree (any change for the set's own
        keys): the base is valid on its own, so the change caused what is wrong."""
        # else a key of the set it gives (penalty: taken away from rules that book one)
        given = [k for k in self.child.data if k not in (*_HEAD_KEYS, *OWN_KEYS, *TREE_KEYS)]
        fallback: KeyPath = (given[0],) if given else ("extends",)
        if node is None:  # the set's own keys (total, split): a change to a field first
            first = next((c for c in self.changes if c.top), None) or next(iter(self.changes), None)
            return first.keys if first is not None else fallback
        within = self.subtree(node)
        return next((c.keys for c in self.changes if c.touches & within), fallback)

    def unknown(self, node_id: str, keys: KeyPath, *, prefer_key: bool = False) -> None:
        best = difflib.get_close_matches(node_id, sorted(self.ids()), n=1, cutoff=0.6)
        self.problems.append(
            self.child.problem(
                "extend.unknown-id",
                keys,
                prefer_key=prefer_key,
                id=node_id,
                path=self.ext.extends,
                **suggestion(best[0] if best else None),
            )
        )

    # -- the changes ----------------------------------------------------------------------
    def raw(self, section: str) -> Any:
        """A section of ``changes:`` as typed (its model checked it: it is there when its
        model has entries)."""
        return (self.child.data.get("changes") or {}).get(section)

    def remove(self) -> None:
        for index, node_id in enumerate(self.ext.changes.remove):
            keys: KeyPath = ("changes", "remove", index)
            place = self.find(node_id)
            if place is None:
                self.unknown(node_id, keys)
                continue
            nodes, at = place
            del nodes[at]
            parent = self.parent_of(nodes)
            touched = frozenset({parent} if parent else ())
            self.changes.append(_Change(keys, touched, self.is_top(nodes)))

    def is_top(self, nodes: list[dict[str, Any]]) -> bool:
        return nodes is self.fields or nodes is self.survey

    def parent_of(self, nodes: list[dict[str, Any]]) -> str | None:
        pending = [self.fields, self.survey]
        while pending:
            for node in pending.pop():
                if node.get("children") is nodes:
                    return self.node_ids[id(node)]
                if node.get("children"):
                    pending.append(node["children"])
        return None

    def replace(self) -> None:
        raws = self.raw("replace") or []
        for index, node in enumerate(self.ext.changes.replace):
            keys: KeyPath = ("changes", "replace", index)
            if self.changed.get(node.id) == "replaced":
                first = next(i for i, n in enumerate(self.ext.changes.replace) if n.id == node.id)
                line = self.child.position(("changes", "replace", first))[0]
                self.problems.append(
                    self.child.problem(
                        "extend.replaced-twice", keys + ("id",), id=node.id, first_line=line
                    )
                )
                continue
            place = self.find(node.id)
            if place is None:
                self.unknown(node.id, keys + ("id",))
                continue
            nodes, at = place
            nodes[at] = self.copy(raws[index], node, keys)
            self.changes.append(_Change(keys, frozenset({node.id}), self.is_top(nodes)))
            self.changed[node.id] = "replaced"

    def reweight(self) -> None:
        raws = self.raw("reweight") or {}
        pairs = zip(raws.items(), self.ext.changes.reweight.items(), strict=True)
        for (key, raw), (node_id, value) in pairs:
            keys: KeyPath = ("changes", "reweight", key)
            place = self.find(node_id)
            if place is None:
                self.unknown(node_id, keys, prefer_key=True)
                continue
            nodes, at = place
            target = nodes[at]
            written = self.overrides.setdefault(id(target), {})
            if isinstance(raw, dict):
                target["max"], written["max"] = raw["max"], keys + ("max",)
                if value.rule is not None:
                    target["rule"], written["rule"] = raw["rule"], keys + ("rule",)
            else:  # "6": 5, the new maximum alone
                target["max"], written["max"] = raw, keys
            self.changes.append(_Change(keys, frozenset({node_id}), self.is_top(nodes)))
            self.changed.setdefault(node_id, "reweighted")

    def add(self) -> None:
        raws = self.raw("add") or []
        for index, addition in enumerate(self.ext.changes.add):
            keys: KeyPath = ("changes", "add", index)
            nodes = self.siblings(addition.under, keys)
            if nodes is None:
                continue
            at = self.place(nodes, addition.after, addition.before, keys)
            new_ids = [n.id for n in addition.node.walk()]
            taken = set(self.ids())
            clash = next((i for i in new_ids if i in taken), None)
            if at is None or clash is not None:
                if clash is not None:
                    self.problems.append(
                        self.child.problem("extend.id-exists", keys + ("node", "id"), id=clash)
                    )
                continue
            nodes.insert(at, self.copy(raws[index]["node"], addition.node, keys + ("node",)))
            touched = {addition.node.id} | ({addition.under} if addition.under else set())
            self.changes.append(_Change(keys, frozenset(touched), addition.under is None))
            for node_id in new_ids:
                self.changed[node_id] = "added"

    def siblings(self, under: str | None, keys: KeyPath) -> list[dict[str, Any]] | None:
        """The children of ``under`` (the fields when it is None); None if it has none."""
        if under is None:
            return self.fields
        place = self.find(under)
        if place is None:
            self.unknown(under, keys + ("under",))
            return None
        parent = place[0][place[1]]
        if not parent.get("children"):
            self.problems.append(
                self.child.problem("extend.under-leaf", keys + ("under",), id=under)
            )
            return None
        children: list[dict[str, Any]] = parent["children"]
        return children

    def place(
        self, nodes: list[dict[str, Any]], after: str | None, before: str | None, keys: KeyPath
    ) -> int | None:
        """Where among ``nodes`` an added node goes; None (and a problem) if it cannot."""
        if after is not None and before is not None:
            self.problems.append(self.child.problem("extend.after-and-before", keys + ("before",)))
            return None
        sibling, side = (after, "after") if after is not None else (before, "before")
        if sibling is None:
            return len(nodes)
        ids = [self.node_ids[id(n)] for n in nodes]
        if sibling not in ids:
            self.problems.append(
                self.child.problem(
                    "extend.not-sibling", keys + (side,), id=sibling, listing=", ".join(ids)
                )
            )
            return None
        return ids.index(sibling) + (1 if side == "after" else 0)

    def merged(self, base_data: dict[str, Any]) -> dict[str, Any]:
        """The base's data with the extension's top-level keys and changed tree. A top-level key
        replaces the base's whole, but for ``parameters:``, whose names the extension may give
        one by one (a ward set changing one target keeps the others)."""
        data = {key: value for key, value in base_data.items() if key not in TREE_KEYS}
        data.update((k, v) for k, v in self.child.data.items() if k not in _HEAD_KEYS)
        base_params, own = base_data.get("parameters"), self.child.data.get("parameters")
        if isinstance(base_params, dict) and isinstance(own, dict):
            data["parameters"] = {**base_params, **own}  # one target changed, the rest kept
        data["fields"] = self.fields
        if self.survey:
            data["survey"] = self.survey[0]
        return data


@dataclass(frozen=True)
class Extended:
    """What a set that extends another changed: its base's id, and the nodes it added or
    changed (id -> "added", "replaced" or "reweighted"), for ``criteria show``."""

    base: str
    changed: Mapping[str, str]


def resolve(
    child: Source, ext: Extension, base_data: dict[str, Any], base: CriteriaSet
) -> tuple[CriteriaSet, MergedSource, Extended]:
    """The set ``child`` describes over its checked ``base`` (read from ``base_data``), checked
    as a whole, the source that places its problems, and what it changed."""
    merger = _Merger(child, ext)
    merger.fields = [
        merger.copy(raw, node, None)
        for raw, node in zip(base_data["fields"], base.fields, strict=True)
    ]
    if base.survey is not None:
        merger.survey = [merger.copy(base_data["survey"], base.survey, None)]
    if child.data.get("id") == base.id:
        merger.problems.append(child.problem("extend.same-id", ("id",), id=base.id))
    merger.remove()
    merger.replace()
    merger.reweight()
    merger.add()
    if merger.problems:
        raise InputError(merger.problems)
    src = MergedSource(child, merger.merged(base_data), merger)
    return criteria_from_source(src), src, Extended(base.id, dict(merger.changed))
