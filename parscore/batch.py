"""Scoring many files: finding them, scoring them in one or several processes, and keeping
every broken file visible.

A file that fails is never dropped: it comes back with its located problems, and the caller
lists it as excluded. The order of the results never depends on the number of processes.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parscore.errors import InputError, Problem, UsageError
from parscore.model.common import Text
from parscore.model.result import UnitResult
from parscore.yamlsource import Limits, display_name

SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Found:
    """The files to score, and what could not be searched."""

    files: list[Path]
    problems: list[Problem]
    named: frozenset[str] = frozenset()  # files named on the command line, not found in folders


def find_files(paths: Iterable[Path]) -> Found:
    """Files given by name, and ``.yaml``/``.yml`` files found below folders (recursively,
    in name order). A folder reached twice through links (a loop) is searched once and said;
    a folder that cannot be read is said."""
    files: list[Path] = []
    problems: list[Problem] = []
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()

    def add_file(path: Path) -> None:
        key = os.path.realpath(path)
        if key not in seen_files:
            seen_files.add(key)
            files.append(path)

    def walk(folder: Path) -> None:
        real = os.path.realpath(folder)
        if real in seen_dirs:
            problems.append(Problem("batch.folder-loop", {}, display_name(folder)))
            return
        seen_dirs.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            problems.append(
                Problem(
                    "batch.folder-unreadable",
                    {"reason": exc.strerror or str(exc)},
                    display_name(folder),
                )
            )
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows links
            except OSError:
                is_dir = False
            if is_dir:
                walk(path)
            elif entry.name.endswith(SUFFIXES) and not entry.name.startswith("."):
                if entry.is_symlink() and not path.exists():
                    problems.append(Problem("batch.broken-link", {}, display_name(path)))
                    continue
                add_file(path)

    named: set[str] = set()
    for path in paths:
        if path.is_dir():
            walk(path)
        else:
            add_file(path)  # a missing file is reported when it is read
            named.add(str(path))
    return Found(files, problems, frozenset(named))


@dataclass(frozen=True)
class Scored:
    """One file's outcome: a result, or the problems that kept it out."""

    file: str
    result: UnitResult | None
    problems: tuple[Problem, ...] = ()
    is_criteria: bool = False  # the file is a criteria set, not evidence
    band_names: tuple[Text, ...] = ()  # the set's bands, best first: every band is counted


@lru_cache(maxsize=4)
def _resolver(limits: Limits):  # type: ignore[no-untyped-def]
    """One resolver per process and limits, so that each criteria set is read once."""
    from parscore.loading import CriteriaResolver

    return CriteriaResolver(limits)


def score_file(path: str, criteria: str | None, limits: Limits) -> Scored:
    """Load and score one evidence file. Pure but for reading the files; picklable both ways."""
    from parscore.engine import evaluate
    from parscore.loading import load_evidence

    try:
        prepared = load_evidence(Path(path), _resolver(limits), criteria=criteria)
    except InputError as exc:
        return Scored(path, None, tuple(exc.problems))
    except UsageError as exc:  # a criteria set where evidence was expected
        return Scored(path, None, (Problem(exc.code, exc.args_, path),), is_criteria=True)
    bands = tuple(band.name for band in prepared.criteria.bands)
    return Scored(path, evaluate(prepared), band_names=bands)


def score_files(
    files: list[Path],
    criteria: str | None,
    limits: Limits,
    *,
    jobs: int = 1,
    progress: Callable[[Iterator[Scored], int], Iterator[Scored]] | None = None,
) -> list[Scored]:
    """Score every file, in ``jobs`` processes; the order of ``files`` is kept."""
    names = [str(f) for f in files]
    if jobs > 1 and len(names) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            chunk = max(1, len(names) // (jobs * 8))
            outcomes = pool.map(
                score_file, names, [criteria] * len(names), [limits] * len(names), chunksize=chunk
            )
            return list(progress(outcomes, len(names)) if progress else outcomes)
    outcomes = (score_file(name, criteria, limits) for name in names)
    return list(progress(outcomes, len(names)) if progress else outcomes)


def unit_identity(result: UnitResult) -> tuple[str, ...]:
    """Who a result is about: the official code when given, else the name and parents."""
    unit = result.unit

    def norm(text: str) -> str:
        return unicodedata.normalize("NFC", text).casefold().strip()

    if unit.code:
        return ("code", unit.code, str(result.year))
    parents = tuple(f"{p.level}:{norm(p.name)}" for p in unit.parents)
    return ("name", norm(unit.name), *parents, str(result.year))


def check_comparable(results: list[UnitResult]) -> None:
    """One criteria set, and one file per unit and year; refused by name otherwise."""
    sets: dict[tuple[str, str], list[str]] = {}
    for result in results:
        sets.setdefault((result.criteria.id, result.criteria.version), []).append(result.source)
    if len(sets) > 1:
        listing = "; ".join(
            f"{set_id} {version}: {', '.join(files)}"
            for (set_id, version), files in sorted(sets.items())
        )
        raise UsageError("compare.mixed-sets", listing=listing)
    owners: dict[tuple[str, ...], str] = {}
    for result in results:
        key = unit_identity(result)
        if key in owners:
            raise UsageError(
                "compare.duplicate-unit",
                unit=result.unit.name,
                year=result.year,
                first=owners[key],
                second=result.source,
            )
        owners[key] = result.source
