"""Where criteria sets are: shipped with parscore (by id) or in a file (by path); each is read
and checked once per run, and its file's digest tells whether it changed since."""

from __future__ import annotations

import hashlib
import importlib.resources
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from parscore import yamlsource
from parscore.checks.criteria import criteria_from_source
from parscore.errors import InputError, Problem
from parscore.model.criteria import CriteriaSet
from parscore.yamlsource import Limits

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
            data, display = self._read(location)
            self._bytes[location] = data
            self._digests.pop(location, None)  # the digest is of the bytes scored with
            self._sets[location] = criteria_from_source(
                yamlsource.load_bytes(data, display, self.limits)
            )
        return self._sets[location]

    def fingerprint(self, location: str) -> str | None:
        """A digest of the set's file as it is now (read and digested once per run); None if
        unreadable."""
        if location not in self._digests:
            if location not in self._bytes:
                try:
                    self._bytes[location] = self._read(location)[0]
                except (InputError, KeyError):
                    self._digests[location] = None
                    return None
            self._digests[location] = hashlib.sha256(self._bytes[location]).hexdigest()
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
