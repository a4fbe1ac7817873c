"""Where criteria sets are: shipped with parscore (by id) or in a file (by path); each is read
and checked once per run, and its file's digest tells whether it changed since."""

from __future__ import annotations

import hashlib
import importlib.resources
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import TYPE_CHECKING, Any

from parscore import fastyaml, yamlsource
from parscore.checks.criteria import criteria_from_source
from parscore.errors import InputError, Problem
from parscore.model.criteria import CriteriaSet
from parscore.yamlsource import Limits, Source

if TYPE_CHECKING:  # a set that extends another is resolved by extend, imported when one does
    from parscore import extend

SHIPPED_PACKAGE = "parscore.criteria"


def shipped_sets() -> dict[str, Any]:
    """Shipped criteria files by id (file name without ``.yaml``)."""
    folder = importlib.resources.files(SHIPPED_PACKAGE)
    return {
        entry.name[: -len(".yaml")]: entry
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
    }


def looks_like_path(ref: str) -> bool:
    return "/" in ref or "\\" in ref or ref.endswith((".yaml", ".yml"))


#: Where a reference to a set was written: a problem placed there, or how to make one (placing
#: it needs the file's positions, which a fast read of a valid file builds only when asked).
Referrer = Problem | Callable[[], Problem]


def referrer_problem(referrer: Referrer, code: str, **args: Any) -> Problem:
    """A problem placed where ``referrer`` is (the ``criteria:`` line of an evidence file)."""
    where = referrer if isinstance(referrer, Problem) else referrer()
    return Problem(
        code, args, where.file, where.line, where.column, where.keys, source_line=where.source_line
    )


def _beside(display: str, ref: str) -> str | None:
    """How a base given by a relative path is named: beside the file that names it, as that
    file is named (``criteria/ward.yaml`` extending ``commune.yaml``: ``criteria/commune.yaml``);
    None for a shipped id or an absolute path."""
    ref = ref.replace("\\", "/")
    if not looks_like_path(ref) or posixpath.isabs(ref):
        return None
    return posixpath.normpath(
        posixpath.join(posixpath.dirname(display), yamlsource.display_name(ref))
    )


@dataclass
class CriteriaResolver:
    """Finds criteria sets by shipped id or path, and loads each one once per run.

    Every set has a *location*: its absolute path, or a shipped set's id. ``load`` accepts a
    location as a reference, and ``fingerprint`` tells whether a set's file has changed.
    """

    limits: Limits = yamlsource.DEFAULT_LIMITS
    _sets: dict[str, CriteriaSet] = field(default_factory=dict)
    _bytes: dict[str, bytes] = field(default_factory=dict)
    _digests: dict[str, str | None] = field(default_factory=dict)
    _found: dict[tuple[str, str], str | None] = field(default_factory=dict)
    _bases: dict[str, tuple[str, ...]] = field(default_factory=dict)  # what each set extends
    _extended: dict[str, extend.Extended] = field(default_factory=dict)
    _shipped: dict[str, Any] | None = None  # shipped_sets(), listed once per resolver

    def shipped(self) -> dict[str, Any]:
        """:func:`shipped_sets`, listed once: a batch resolves the same id for every file."""
        if self._shipped is None:
            self._shipped = shipped_sets()
        return self._shipped

    def locate(
        self, ref: str, base: FsPath | None = None, *, referrer: Referrer | None = None
    ) -> str:
        """Where ``ref`` (a shipped id, or a path relative to ``base``) is. ``referrer`` is
        where the reference was written, for the "not found" message."""
        if looks_like_path(ref):
            path = FsPath(ref)
            if base is not None and not path.is_absolute():
                path = base / path
            if referrer is not None and not path.is_file():
                shown = yamlsource.display_name(ref)
                raise InputError(
                    [referrer_problem(referrer, "criteria.file-not-found", path=shown)]
                )
            return str(path.resolve())
        shipped = self.shipped()
        if ref not in shipped:
            args = {"ref": ref, "known": ", ".join(shipped) or "—"}
            if referrer is not None:
                raise InputError([referrer_problem(referrer, "criteria.not-found", **args)])
            raise InputError([Problem("criteria.not-found", args, yamlsource.display_name(ref))])
        return ref

    def _read(self, location: str) -> tuple[bytes, str]:
        if looks_like_path(location):
            path = FsPath(location)
            return yamlsource.read_bytes(path, self.limits), yamlsource.display_name(path)
        entry = self.shipped()[location]
        if isinstance(entry, FsPath):  # an installed file: never an output of this run
            from parscore import inputs

            inputs.record(entry)
        return entry.read_bytes(), f"{SHIPPED_PACKAGE.replace('.', '/')}/{entry.name}"

    def load(
        self, ref: str, base: FsPath | None = None, *, referrer: Referrer | None = None
    ) -> CriteriaSet:
        location = self.locate(ref, base, referrer=referrer)
        if location not in self._sets:
            self._digests.pop(location, None)  # the digest is of the bytes scored with
            self._sets[location] = self._resolve(location, ())[0]
        return self._sets[location]

    def _resolve(
        self, location: str, chain: tuple[str, ...], shown: str | None = None
    ) -> tuple[CriteriaSet, Source]:
        """The set at ``location`` (named ``shown`` in messages, else by its location) and the
        source that places its problems; ``chain``: the sets that extend it, being resolved."""
        display = shown or self._display(location)
        src = fastyaml.load_bytes(self._data(location), display, self.limits)
        folder = FsPath(location).parent if looks_like_path(location) else None
        return self.resolve_source(src, folder, chain + (location,))

    def resolve_source(
        self, src: Source, folder: FsPath | None, chain: tuple[str, ...] = ()
    ) -> tuple[CriteriaSet, Source]:
        """The set ``src`` holds, over the sets it extends (a relative ``extends:`` is taken
        from ``folder``); ``chain`` ends with ``src``'s own location when it has one."""
        data = src.data
        if isinstance(data, dict) and "fields" not in data and "extends" not in data:
            if "unit" in data or "items" in data:  # a commune's file named as its set
                raise InputError([Problem("criteria.is-unit-file", {}, src.display)])
        if not isinstance(data, dict) or "extends" not in data:
            return criteria_from_source(src), src  # a whole set
        from parscore import extend
        from parscore.model.extension import MAX_EXTENDS

        ext = extend.head(src)
        if ext is None:
            return criteria_from_source(src), src
        where = src.problem("criteria.not-found", ("extends",))
        base = self.locate(ext.extends, folder, referrer=where)
        if base in chain:
            names = [self._short(loc) for loc in chain[chain.index(base) :] + (base,)]
            raise InputError([src.problem("extend.cycle", ("extends",), listing=" → ".join(names))])
        if len(chain) > MAX_EXTENDS:
            raise InputError([src.problem("extend.too-deep", ("extends",), limit=MAX_EXTENDS)])
        base_set, base_src = self._resolve(base, chain, _beside(src.display, ext.extends))
        cs, merged, extended = extend.resolve(src, ext, base_src.data, base_set)
        if chain:
            self._bases[chain[-1]] = (base, *self._bases.get(base, ()))
            self._extended[chain[-1]] = extended
        return cs, merged

    def extended(self, location: str) -> extend.Extended | None:
        """What the set loaded from ``location`` changed in the set it extends; None for a
        whole set."""
        return self._extended.get(location)

    def _data(self, location: str) -> bytes:
        """The set's bytes, read once per run."""
        if location not in self._bytes:
            self._bytes[location] = self._read(location)[0]
        return self._bytes[location]

    def _display(self, location: str) -> str:
        """How a set is named in messages: a file under the working folder by its path from
        there (``ev/set.yaml``, as the user would type it), another by its full path; a
        shipped set by its place in the package."""
        if looks_like_path(location):
            path = FsPath(location)
            try:
                path = path.relative_to(FsPath.cwd())
            except (ValueError, OSError):  # elsewhere, or no working folder any more
                pass
            return yamlsource.display_name(path)
        return f"{SHIPPED_PACKAGE.replace('.', '/')}/{location}.yaml"

    def _short(self, location: str) -> str:
        return (
            yamlsource.display_name(FsPath(location).name)
            if looks_like_path(location)
            else location
        )

    def chain(self, location: str, seen: tuple[str, ...] = ()) -> tuple[str, ...]:
        """The sets the set at ``location`` extends, nearest first (found once per run)."""
        if location not in self._bases:
            data = self._data(location)
            bases: tuple[str, ...] = ()
            if b"extends" in data:
                src = yamlsource.load_bytes(data, self._display(location), self.limits)
                ref = src.data.get("extends") if isinstance(src.data, dict) else None
                if isinstance(ref, str):
                    folder = FsPath(location).parent if looks_like_path(location) else None
                    base = self.locate(ref, folder)
                    if base not in seen + (location,):
                        bases = (base, *self.chain(base, seen + (location,)))
            self._bases[location] = bases
        return self._bases[location]

    def fingerprint(self, location: str) -> str | None:
        """A digest of the set's file as it is now and of every file of the sets it extends
        (each read and digested once per run); None if one is unreadable."""
        if location not in self._digests:
            try:
                files = (location, *self.chain(location))
                digests = [hashlib.sha256(self._data(member)).hexdigest() for member in files]
            except (InputError, KeyError):
                self._digests[location] = None
                return None
            joined = "\n".join(digests).encode("ascii")
            self._digests[location] = (
                digests[0] if len(digests) == 1 else hashlib.sha256(joined).hexdigest()
            )
        return self._digests[location]

    def located(self, ref: str, base: FsPath) -> str | None:
        """Where ``ref``, taken from ``base``, is now (found once per run and folder); None if
        it is not found. The cache uses it to check that a file refers to the same set."""
        memo = (ref, str(base))
        if memo not in self._found:
            try:
                self._found[memo] = self.locate(ref, base)
            except InputError:
                self._found[memo] = None
        return self._found[memo]
