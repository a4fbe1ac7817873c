"""Scoring many files: finding them, scoring them in one or several processes, and keeping
every broken file visible.

A file that fails is never dropped: it comes back with its located problems, and the caller
lists it as excluded. The order of the results never depends on the number of processes.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from parscore import __version__
from parscore.cache import Entry, ResultCache
from parscore.compare import UnitSummary, summarize
from parscore.errors import InputError, Problem, UsageError
from parscore.loading import CriteriaResolver
from parscore.model.common import comparable
from parscore.yamlsource import Limits, display_name, read_bytes

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
    """One file's outcome: the summary a comparison keeps, or the problems that kept it out."""

    file: str
    summary: UnitSummary | None
    problems: tuple[Problem, ...] = ()
    is_criteria: bool = False  # the file is a criteria set, not evidence
    criteria_location: str = ""  # where its criteria set is (CriteriaResolver.locate)
    cached: bool = False


@lru_cache(maxsize=4)
def _resolver(limits: Limits) -> CriteriaResolver:
    """One resolver per process and limits, so that each criteria set is read once."""
    return CriteriaResolver(limits)


@lru_cache(maxsize=4)
def _cache(folder: str | None) -> ResultCache:
    return ResultCache(Path(folder) if folder is not None else None)


def score_file(path: str, criteria: str | None, limits: Limits, cache_folder: str | None) -> Scored:
    """Score one evidence file, or take it from the cache when neither the file nor its
    criteria set has changed. Picklable both ways, for worker processes."""
    from parscore.engine import evaluate
    from parscore.loading import evidence_from_bytes

    resolver, cache = _resolver(limits), _cache(cache_folder)
    file = Path(path)
    display = display_name(file)
    try:
        data = read_bytes(file, limits)
    except InputError as exc:
        return Scored(path, None, tuple(exc.problems))
    key = cache.key(data, display, criteria, limits)
    # a relative reference is taken from --criteria's working folder, else from the file's
    ref_base = (Path.cwd(), "cwd") if criteria is not None else (file.parent, "file")
    entry = cache.get(key)
    if entry is not None and entry.criteria_base == ref_base[1]:
        location = resolver.located(entry.criteria_ref, ref_base[0])
        if location is not None and resolver.fingerprint(location) == entry.fingerprint:
            return Scored(path, entry.summary, criteria_location=location, cached=True)
    try:
        prepared = evidence_from_bytes(data, file, resolver, criteria=criteria)
    except InputError as exc:
        return Scored(path, None, tuple(exc.problems))
    except UsageError as exc:  # a criteria set where evidence was expected
        return Scored(path, None, (Problem(exc.code, exc.args_, display),), is_criteria=True)
    summary = summarize(evaluate(prepared))
    fingerprint = resolver.fingerprint(prepared.criteria_location)
    if fingerprint is not None:
        cache.put(
            key,
            Entry(
                version=__version__,
                limits=key.limits,
                evidence=key.evidence,
                criteria_ref=criteria if criteria is not None else prepared.evidence.criteria,
                criteria_base=ref_base[1],
                criteria=prepared.criteria_location,
                fingerprint=fingerprint,
                summary=summary,
            ),
        )
    return Scored(path, summary, criteria_location=prepared.criteria_location)


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Scoring makes many short-lived objects and no cycles worth chasing mid-run, while the
    kept summaries make every full collection longer: collect rarely, then once at the end."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _worker_start() -> None:
    gc.set_threshold(100_000, 50, 1000)


def score_files(
    files: list[Path],
    criteria: str | None,
    limits: Limits,
    *,
    cache_folder: Path | None = None,
    jobs: int = 1,
    progress: Callable[[Iterator[Scored], int], Iterator[Scored]] | None = None,
) -> list[Scored]:
    """Score every file, in ``jobs`` processes; the order of ``files`` is kept."""
    names = [str(f) for f in files]
    folder = str(cache_folder) if cache_folder is not None else None
    if jobs > 1 and len(names) > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start) as pool:
            chunk = max(1, len(names) // (jobs * 8))
            outcomes = pool.map(
                score_file,
                names,
                [criteria] * len(names),
                [limits] * len(names),
                [folder] * len(names),
                chunksize=chunk,
            )
            return list(progress(outcomes, len(names)) if progress else outcomes)
    with _fewer_collections():
        outcomes = (score_file(name, criteria, limits, folder) for name in names)
        return list(progress(outcomes, len(names)) if progress else outcomes)


def unit_identity(result: UnitSummary) -> tuple[str, ...]:
    """Who a result is about: the official code when given, else the name and parents; each
    compared as people read it (invisible characters and spacing ignored, NFC, case-folded),
    so that "19213 " or a zero-width space cannot make one unit two."""
    unit = result.unit
    if unit.code:
        return ("code", comparable(unit.code), str(result.year))
    parents = tuple(f"{p.level}:{comparable(p.name)}" for p in unit.parents)
    return ("name", comparable(unit.name), *parents, str(result.year))


def check_comparable(results: list[UnitSummary]) -> None:
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
