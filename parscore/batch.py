"""Scoring and comparing many files: finding them, scoring them in one or several processes,
and comparing what scored, keeping every broken file visible.

A file that fails is never dropped: it comes back with its located problems and is listed in
the comparison as excluded. The order of the results never depends on the number of processes.
:func:`compare_paths` is the whole of ``parscore compare`` but the printing and the exit code.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parscore import __version__
from parscore.cache import ResultCache
from parscore.compare import compare, outline_of, summarize
from parscore.engine import score
from parscore.errors import InputError, Problem, Severity, UsageError
from parscore.escaping import escaped
from parscore.fastyaml import load_bytes as fast_read
from parscore.loading import (
    NOT_EVIDENCE,
    ZIP_SIGNATURE,
    CriteriaResolver,
    evidence_from_bytes,
    is_workbook,
    load_evidence,
    looks_like_workbook,
)
from parscore.model.common import comparable
from parscore.model.compare import Comparison, Excluded, GroupBy, RankStage, UnitSummary
from parscore.yamlsource import Limits, display_name, read_bytes

if TYPE_CHECKING:  # read by the commands that take --survey
    from parscore.cache_entry import CacheEntry
    from parscore.survey_table import SurveyTable

Task = tuple[
    str | None, Limits, str | None, "SurveyTable | None"
]  # criteria, limits, cache, survey

YAML_SUFFIXES = (".yaml", ".yml")


def is_evidence_name(path: Path) -> bool:
    """A file a folder search scores: YAML or a workbook, by its suffix in any case (a
    ``VL.XLSX`` saved by an old Excel is a workbook too)."""
    return path.suffix.lower() in YAML_SUFFIXES or is_workbook(path)


#: the problem code that marks an appraisal or explanation file met where evidence was
#: expected (read with its commune's evidence, not compared)
SIDE_FILE = NOT_EVIDENCE["appraisal"]


@dataclass(frozen=True)
class Found:
    """The files to score, and what could not be searched."""

    files: list[Path]
    problems: list[Problem]
    named: frozenset[str] = frozenset()  # files named on the command line, not found in folders
    given: tuple[str, ...] = ()  # the paths searched, as the user named them (for messages)


def find_files(paths: Iterable[Path]) -> Found:
    """Files given by name, and ``.yaml``/``.yml``/``.xlsx`` files found below folders
    (recursively, in name order); a ``.csv`` named (a survey table) is refused. A commune folder
    (one holding ``commune.yaml``, :mod:`parscore.folder`), given or found, is one commune, not
    searched. A folder reached twice through links (a loop) is searched once and said; a folder
    that cannot be read is said."""
    from parscore.folder import is_commune_folder

    paths = list(paths)

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
            if is_dir and is_commune_folder(path):
                add_file(path)
            elif is_dir:
                walk(path)
            elif is_evidence_name(path) and not entry.name.startswith((".", "~$")):
                if entry.is_symlink() and not path.exists():
                    problems.append(Problem("batch.broken-link", {}, display_name(path)))
                    continue
                add_file(path)

    named: set[str] = set()
    for path in paths:
        if path.suffix.lower() == ".csv" and not path.is_dir():
            # a CSV is never a commune's file: the province's survey table goes to --survey
            raise UsageError("batch.survey-table", path=display_name(path))
        if path.is_dir() and not is_commune_folder(path):
            walk(path)
        else:
            add_file(path)  # a missing file is reported when it is read
            named.add(str(path))
    return Found(files, problems, frozenset(named), tuple(display_name(p) for p in paths))


@dataclass(frozen=True)
class Provenance:
    """What a file's summary was made from, as the cache knows it: the file's cache key (its
    bytes, name, parscore, limits, ``--criteria``) and its criteria set — the reference as
    written (or ``--criteria``), where a relative one is taken from, and the set's fingerprint
    when it was scored. A whole-run entry records it for each file."""

    key: str
    criteria_ref: str
    criteria_base: str  # "file" or "cwd"
    fingerprint: str


@dataclass(frozen=True)
class FileOutcome:
    """One file's outcome: the summary a comparison keeps, or the problems that kept it out."""

    file: str
    summary: UnitSummary | None
    problems: tuple[Problem, ...] = ()
    is_criteria: bool = False  # the file is a criteria set, not evidence
    criteria_location: str = ""  # where its criteria set is (CriteriaResolver.locate)
    cached: bool = False
    provenance: Provenance | None = None  # with a cache, for a summary of one YAML file

    @property
    def display(self) -> str:
        """The file's name as it is shown (:func:`~parscore.yamlsource.display_name`)."""
        return display_name(Path(self.file))


@lru_cache(maxsize=4)
def _resolver(limits: Limits) -> CriteriaResolver:
    """One resolver per process and limits, so that each criteria set is read once."""
    return CriteriaResolver(limits)


@lru_cache(maxsize=4)
def _cache(folder: str | None) -> ResultCache:
    return ResultCache(Path(folder) if folder is not None else None)


def score_file(
    path: str,
    criteria: str | None,
    limits: Limits,
    cache_folder: str | None,
    survey: SurveyTable | None = None,
) -> FileOutcome:
    """Score one evidence file, or take it from the cache when neither the file nor its
    criteria set has changed. Picklable both ways, for worker processes. With ``survey`` (a
    province's survey table) the file's survey points are its row's, and no cache is used."""
    from parscore.cache_entry import CacheEntry  # the per-file entry's model: when one is read

    resolver, cache = _resolver(limits), _cache(cache_folder)
    file = Path(path)
    display = display_name(file)
    if file.is_dir() or is_workbook(file):  # a folder, a workbook
        return _score_bundle(path, criteria, resolver)
    try:
        data = read_bytes(file, limits)
    except InputError as exc:
        if looks_like_workbook(file):  # a workbook under another name, too large for YAML
            return _score_bundle(path, criteria, resolver)
        return FileOutcome(path, None, tuple(exc.problems))
    if data[:4] == ZIP_SIGNATURE:  # a workbook under another name (told from the bytes read)
        return _score_bundle(path, criteria, resolver)
    # a relative reference is taken from --criteria's working folder, else from the file's
    ref_base = (Path.cwd(), "cwd") if criteria is not None else (file.parent, "file")
    key = None
    if cache.root is not None and survey is None:  # with --no-cache, no key is worked out
        key = cache.key(data, path, criteria, limits)  # the name as it is, not as it is shown
        hit = _from_cache(cache.get(key), ref_base, resolver, path, key.name)
        if hit is not None:
            return hit
    try:
        prepared = evidence_from_bytes(data, file, resolver, criteria=criteria, read=fast_read)
        if survey is not None:
            from parscore.survey_table import apply

            prepared = apply(prepared, survey)
    except InputError as exc:
        return FileOutcome(path, None, tuple(exc.problems))
    except UsageError as exc:  # a criteria set where evidence was expected
        return FileOutcome(path, None, (Problem(exc.code, exc.args_, display),), is_criteria=True)
    summary = summarize(score(prepared))
    fingerprint = resolver.fingerprint(prepared.criteria_location) if key is not None else None
    provenance = None
    if key is not None and fingerprint is not None:
        ref = criteria if criteria is not None else prepared.evidence.criteria
        cache.put(
            key,
            CacheEntry(
                version=__version__,
                limits=key.limits,
                evidence=key.evidence,
                criteria_ref=ref,
                criteria_base=ref_base[1],
                criteria=prepared.criteria_location,
                fingerprint=fingerprint,
                summary=summary,
            ),
        )
        provenance = Provenance(key.name, ref, ref_base[1], fingerprint)
    location = prepared.criteria_location
    return FileOutcome(path, summary, criteria_location=location, provenance=provenance)


def not_score_sheet(exc: InputError) -> bool:
    """Whether a workbook is another kind of workbook (a comparison written beside the files, a
    province's survey table): found in a folder it is passed over, as a criteria set is."""
    return [p.code for p in exc.problems] == ["workbook.not-score-sheet"]


def _score_bundle(path: str, criteria: str | None, resolver: CriteriaResolver) -> FileOutcome:
    """A commune folder or a workbook: read through :func:`parscore.loading.load_evidence`,
    never cached (its bytes are not one file's)."""
    try:
        prepared = load_evidence(Path(path), resolver, criteria=criteria)
    except InputError as exc:
        # another workbook (a comparison written beside the files) is not evidence: found in a
        # folder it is passed over, as a criteria set is; named, it is refused
        return FileOutcome(path, None, tuple(exc.problems), is_criteria=not_score_sheet(exc))
    summary = summarize(score(prepared))
    return FileOutcome(path, summary, criteria_location=prepared.criteria_location)


def _from_cache(
    entry: CacheEntry | None,
    ref_base: tuple[Path, str],
    resolver: CriteriaResolver,
    path: str,
    key: str,
) -> FileOutcome | None:
    """The cached outcome, if the entry was scored with the set the file refers to now."""
    if entry is None or entry.criteria_base != ref_base[1]:
        return None
    location = resolver.located(entry.criteria_ref, ref_base[0])
    if location is None or resolver.fingerprint(location) != entry.fingerprint:
        return None
    provenance = Provenance(key, entry.criteria_ref, entry.criteria_base, entry.fingerprint)
    return FileOutcome(
        path, entry.summary, criteria_location=location, cached=True, provenance=provenance
    )


def score_guarded(
    path: str,
    criteria: str | None,
    limits: Limits,
    cache_folder: str | None,
    survey: SurveyTable | None = None,
) -> FileOutcome:
    """:func:`score_file`, with an unexpected error (a bug in parscore) kept to that one file:
    it is left out as "internal error, please report it", with the exception's type and a
    short text, and every other file is still ranked. ``PARSCORE_DEBUG`` also prints the
    traceback."""
    try:
        return score_file(path, criteria, limits, cache_folder, survey)
    except Exception as exc:
        if os.environ.get("PARSCORE_DEBUG"):
            import sys
            import traceback

            where = display_name(Path(path))
            print(f"parscore: internal error while scoring {where}:", file=sys.stderr)
            traceback.print_exc()
        return _unexpected(path, exc)


def _unexpected(path: str, exc: BaseException) -> FileOutcome:
    """``path`` left out because of ``exc``: its type and the start of its text, on one line."""
    text = escaped(str(exc))
    if len(text) > 200:
        text = text[:199] + "…"
    error = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    problem = Problem("batch.internal-error", {"error": error}, display_name(Path(path)))
    return FileOutcome(path, None, (problem,))


def _worker_died(path: str) -> FileOutcome:
    return FileOutcome(path, None, (Problem("batch.worker-died", {}, display_name(Path(path))),))


def _worker_timeout(path: str, timeout: float) -> FileOutcome:
    seconds = Decimal(repr(timeout))
    args = {"seconds": int(seconds) if seconds == seconds.to_integral_value() else seconds}
    return FileOutcome(
        path, None, (Problem("batch.worker-timeout", args, display_name(Path(path))),)
    )


# When each file was started, by index, in the worker processes' shared memory
# (time.monotonic(), one clock for every process of the machine); 0 = not started. The parent
# reads it to tell which file a hung worker is on.
_started: Any = None
# What every file of the run is scored with, given to each worker once when it starts.
_task: Task | None = None


def _score_chunk(batch: list[tuple[int, str]]) -> list[FileOutcome]:
    assert _task is not None, "a worker is set up by _worker_start"
    outcomes = []
    for index, path in batch:
        if _started is not None:
            _started[index] = time.monotonic()
        outcomes.append(score_guarded(path, *_task))
    return outcomes


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


def _worker_start(started: Any, task: Task) -> None:
    global _started, _task
    _started, _task = started, task
    gc.set_threshold(100_000, 50, 1000)


# A file takes about 10 ms to score (21 KB, see benchmarks/) and the limits (10 MB, 50,000
# values) bound the largest one accepted: a worker still on one file after FILE_TIMEOUT seconds,
# 10,000 times the usual, is taken as hung, not as slow. Not an option: score_files(timeout=...)
# is enough for tests and other callers. Only with --jobs: in one process nothing watches the
# scoring, and nothing needs to (Ctrl-C stops it; a hang there is as visible as in `parscore
# evaluate`).
FILE_TIMEOUT = 120.0


#: How worker processes start. On Linux they are forked (parscore runs no thread of its own when
#: it starts a pool): each begins with every module this process has imported, the scoring ones
#: included (at the top of this module), and with the run's task, instead of importing parscore
#: again and being sent the task, as under the fork server Python 3.14 would otherwise use.
#: Elsewhere the platform's own way (spawn on Windows and macOS).
_START = multiprocessing.get_context("fork") if sys.platform == "linux" else None

#: The last chunks sent to the workers are this many files (about a tenth of a second of
#: scoring): when one worker has nothing left, the other has at most such a chunk to go.
LAST_CHUNK = 16


def _chunks(count: int, jobs: int) -> list[list[int]]:
    """The indices of ``count`` files in chunks that shrink as the files run out: each an eighth
    of what is left a worker, down to :data:`LAST_CHUNK`. Large chunks first cost less to send
    and to send back (a chunk's summaries share their repeated names in one pickle); small ones
    last let the workers finish together."""
    last = max(1, min(LAST_CHUNK, count // (jobs * 8)))  # a few files: chunks of one or two
    chunks, start = [], 0
    while start < count:
        size = max(last, (count - start) // (jobs * 8))
        chunks.append(list(range(start, min(start + size, count))))
        start += size
    return chunks


class _Lost(Exception):
    """A batch not scored because its pool broke (a worker died) or was stopped (a worker hung)."""


@dataclass(frozen=True)
class _Hung:
    """The file (its index) on which a worker was still busy after the timeout."""

    index: int


Round = Iterator[tuple[list[int], "list[FileOutcome] | BaseException | _Hung"]]


def _stop(pool: ProcessPoolExecutor) -> None:
    """Terminate the pool's processes (a hung worker does not end otherwise) and let it go."""
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
    else:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def _hung_file(
    futures: dict[Future[list[FileOutcome]], list[int]], started: Any, timeout: float
) -> int | None:
    """The file a worker has been on for more than ``timeout`` seconds, if any: in a batch not
    finished, the last file started (a batch's files are scored in order)."""
    now = time.monotonic()
    for future, batch in futures.items():
        current = next((i for i in reversed(batch) if started[i]), None)
        if current is not None and now - started[current] > timeout and not future.done():
            return current
    return None


def _pool_round(
    names: list[str],
    batches: list[list[int]],
    task: Task,
    workers: int,
    *,
    started: Any,
    timeout: float,
) -> Round:
    """Each batch of indices into ``names`` scored in a pool of ``workers`` processes: its
    outcomes, or what went wrong with it, as each batch ends. A worker still on one file after
    ``timeout`` seconds ends the round: that file's batch comes back as :class:`_Hung`, every
    batch not finished as :class:`_Lost`, and the pool's processes are terminated."""
    for batch in batches:
        for index in batch:
            started[index] = 0.0
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_START,
        initializer=_worker_start,
        initargs=(started, task),
    )
    hung = False
    waiting = deque(batches)
    futures: dict[Future[list[FileOutcome]], list[int]] = {}
    try:
        poll = min(1.0, timeout / 4)
        while waiting or futures:
            # a few chunks in flight (each worker on one, the next one queued): the waits and
            # the watch for a hung worker look at these few, however many files there are
            while waiting and len(futures) < 2 * workers:
                batch = waiting.popleft()
                try:
                    futures[pool.submit(_score_chunk, [(i, names[i]) for i in batch])] = batch
                except BrokenProcessPool as exc:  # a worker died already: the rest is lost
                    yield batch, exc
            done, _ = wait(futures, timeout=poll, return_when=FIRST_COMPLETED)
            for future in done:
                batch = futures.pop(future)
                try:
                    yield batch, future.result()
                except Exception as exc:
                    yield batch, exc
            culprit = _hung_file(futures, started, timeout)
            if culprit is not None:
                hung = True
                _stop(pool)
                for batch in futures.values():
                    yield batch, _Hung(culprit) if culprit in batch else _Lost()
                for batch in waiting:
                    yield batch, _Lost()
                return
    finally:
        if not hung:
            pool.shutdown(wait=True, cancel_futures=True)


def _in_processes(
    names: list[str],
    task: Task,
    jobs: int,
    results: list[FileOutcome | None],
    timeout: float,
) -> Iterator[FileOutcome]:
    """Score ``names`` in ``jobs`` processes, yielding each outcome as it comes and keeping it
    at its place in ``results``.

    Files go out in chunks. A worker still on one file after ``timeout`` seconds is hung: its
    pool is stopped, that file is left out (``batch.worker-timeout``), and every file not
    scored yet is scored again in a new pool. A chunk that fails as a whole (a worker killed by
    the system, a crash in a library: ``BrokenProcessPool``, which also loses every chunk not
    yet finished) has its files scored again, one file a task, in a new pool; the files a
    broken pool loses are split in two halves, each scored again in a pool of its own, down to
    one file, which is left out (``batch.worker-died``) when it kills its worker alone. Every
    other file keeps its result.

    The work is bounded: groups split at one depth are disjoint and a group breaks only with a
    killing file in it, so with ``d`` files that kill their worker and ``h`` that hang among
    ``n``, there are at most ``2 + 2·d·⌈log2 n⌉ + h`` pools, and each file is sent to a worker
    at most ``⌈log2 n⌉ + h + 2`` times (the old way, one file isolated a round, could take a
    pool per file and ``n²`` sends)."""

    def keep(index: int, outcome: FileOutcome) -> FileOutcome:
        results[index] = outcome
        return outcome

    started = multiprocessing.RawArray("d", len(names))
    watch = {"started": started, "timeout": timeout}
    batches = _chunks(len(names), jobs)
    lost: list[int] = []
    for batch, outcome in _pool_round(names, batches, task, jobs, **watch):
        if isinstance(outcome, _Hung):
            yield keep(outcome.index, _worker_timeout(names[outcome.index], timeout))
            lost.extend(i for i in batch if i != outcome.index)
        elif isinstance(outcome, BaseException):
            lost.extend(batch)
        else:
            for index, scored in zip(batch, outcome, strict=True):
                yield keep(index, scored)
    groups = deque([sorted(lost)] if lost else [])
    while groups:
        group = groups.popleft()
        lost, broke = [], False
        single = [[i] for i in group]
        for batch, outcome in _pool_round(names, single, task, min(jobs, len(group)), **watch):
            (index,) = batch
            if isinstance(outcome, _Hung):
                yield keep(index, _worker_timeout(names[index], timeout))
            elif isinstance(outcome, _Lost):
                lost.append(index)
            elif isinstance(outcome, BrokenProcessPool):
                lost.append(index)
                broke = True
            elif isinstance(outcome, BaseException):  # e.g. an outcome that cannot be sent
                yield keep(index, _unexpected(names[index], outcome))
            else:
                yield keep(index, outcome[0])
        lost.sort()
        if not lost:
            continue
        if not broke:  # stopped for a hung file, which is out: the rest again, whole
            groups.append(lost)
        elif len(lost) == 1:
            yield keep(lost[0], _worker_died(names[lost[0]]))
        else:
            half = len(lost) // 2
            groups.extend((lost[:half], lost[half:]))


def score_files(
    files: list[Path],
    criteria: str | None,
    limits: Limits,
    *,
    cache_folder: Path | None = None,
    jobs: int = 1,
    progress: Callable[[Iterator[FileOutcome], int], Iterator[FileOutcome]] | None = None,
    timeout: float | None = None,
    survey: SurveyTable | None = None,
) -> list[FileOutcome]:
    """Score every file, in ``jobs`` processes; the order of ``files`` is kept. A file that
    breaks parscore itself, or the process scoring it, or on which a worker process is still
    busy after ``timeout`` seconds (:data:`FILE_TIMEOUT` by default; with ``jobs`` > 1 only),
    is left out with a problem that says so; the others are scored all the same."""
    names = [str(f) for f in files]
    folder = str(cache_folder) if cache_folder is not None else None
    task: Task = (criteria, limits, folder, survey)
    if jobs > 1 and len(names) > 1:
        results: list[FileOutcome | None] = [None] * len(names)
        wait_at_most = FILE_TIMEOUT if timeout is None else timeout
        outcomes = _in_processes(names, task, jobs, results, wait_at_most)
        with _fewer_collections():  # this process keeps every summary the workers send back
            for _ in progress(outcomes, len(names)) if progress else outcomes:
                pass
        return [
            r if r is not None else _worker_died(n) for r, n in zip(results, names, strict=True)
        ]
    with _fewer_collections():
        outcomes = (score_guarded(name, *task) for name in names)
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


def unit_codes(comparison: Comparison) -> set[str]:
    """The unit codes of every unit a comparison holds, ranked or not, as
    :func:`~parscore.model.common.comparable` writes them."""
    units = [row.unit for group in comparison.groups for row in group.ranking]
    units += [*comparison.not_assessed, *comparison.ungrouped]
    return {comparable(u.code) for u in units if u.code}


def check_comparable(results: list[UnitSummary]) -> None:
    """One criteria set, one year, and one file per unit; refused by name otherwise."""
    sets: dict[tuple[str, str], list[str]] = {}
    for result in results:
        sets.setdefault((result.criteria.id, result.criteria.version), []).append(result.source)
    if len(sets) > 1:
        listing = "; ".join(
            f"{set_id} {version}: {', '.join(files)}"
            for (set_id, version), files in sorted(sets.items())
        )
        raise UsageError("compare.mixed-sets", listing=listing)
    years: dict[int, list[str]] = {}
    for result in results:
        years.setdefault(result.year, []).append(result.source)
    if len(years) > 1:  # the fewest files first: the odd ones out, before the listing is cut
        listing = "; ".join(
            f"{year}: {', '.join(files)}"
            for year, files in sorted(years.items(), key=lambda kv: (len(kv[1]), kv[0]))
        )
        raise UsageError("compare.mixed-years", listing=listing)
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


# --- comparing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComparisonRun:
    """What comparing files gives: the comparison (None when no file could be compared), the
    problems to show (each left-out file's, then the folders that could not be searched), a
    refusal to show after them (files that cannot be compared together), and every file
    read, which no output may replace."""

    comparison: Comparison | None
    problems: list[Problem]
    refusal: UsageError | None
    read: list[Path]
    #: ranked on the final appraisal: evidence file → the body its council's documents are
    #: issued under (``appraisal annex``'s header)
    bodies: dict[str, tuple[str, str]] = field(default_factory=dict)
    outcomes: list[FileOutcome] = field(default_factory=list)  # each file's, in order

    @property
    def left_out(self) -> bool:
        """Files were left out of the comparison (``parscore compare`` then exits with 1)."""
        return self.comparison is not None and bool(self.comparison.excluded)


def compare_outcomes(
    outcomes: list[FileOutcome],
    found: Found,
    limits: Limits,
    group_by: GroupBy | None = None,
    *,
    stage: RankStage | None = None,
    criteria: str | None = None,
    survey: SurveyTable | None = None,
) -> ComparisonRun:
    """The reduction after scoring: which files are left out, whether the rest can be
    compared, and the comparison. A criteria set found in a folder with the evidence is not a
    commune and is skipped; one named explicitly is left out with its problem. Raises
    ``batch.nothing`` when there was nothing at all to compare. ``survey``: the province's
    survey table the files were scored with, which their appraisals are scored with too."""
    from parscore.engine import notice

    good = [o for o in outcomes if o.summary is not None]
    side = [o for o in outcomes if o.is_criteria and o.problems[0].code == SIDE_FILE]
    broken = _broken(outcomes, found)
    problems = [p for o in broken for p in o.problems] + list(found.problems)
    read = _read(outcomes, found)
    if not good:
        if not broken and not found.problems:
            raise UsageError("batch.nothing", paths=", ".join(found.given) or ".")
        return ComparisonRun(None, problems, None, read)
    summaries = [o.summary for o in good if o.summary is not None]
    try:
        check_comparable(summaries)
    except UsageError as refusal:
        return ComparisonRun(None, problems, refusal, read)
    excluded = [Excluded(file=o.display, problems=[notice(p) for p in o.problems]) for o in broken]
    excluded += [Excluded(file=p.file, problems=[notice(p)]) for p in found.problems]
    not_appraised: list[UnitSummary] = []
    bodies: dict[str, tuple[str, str]] = {}
    chosen: RankStage = stage or ("final" if side else "self")
    if chosen == "final":  # each commune on its final appraisal (parscore/appraisal/batch.py)
        from parscore.appraisal.batch import appraised

        found_ap = appraised(good, side, limits, criteria, survey)
        summaries, not_appraised = found_ap.ranked, found_ap.not_appraised
        bodies = found_ap.bodies
        problems += found_ap.problems
        for p in found_ap.problems:
            if p.severity is not Severity.WARNING:  # a warning leaves nothing out
                excluded.append(Excluded(file=p.file, problems=[notice(p)]))
    criteria_set = CriteriaResolver(limits).load(good[0].criteria_location)  # as it is now
    comparison = compare(
        summaries,
        outline=outline_of(criteria_set.fields, criteria_set.bands),
        group_by=group_by,
        excluded=excluded,
        stage=chosen,
        not_appraised=not_appraised,
    )
    if chosen == "self" and side:  # says the ranking is on the computed points, not the claims
        comparison = comparison.model_copy(update={"computed_self": True})
    return ComparisonRun(comparison, problems, None, read, bodies, outcomes)


def _broken(outcomes: list[FileOutcome], found: Found) -> list[FileOutcome]:
    """The files left out, with their problems: every file that gave no result but a criteria
    set found in a folder (skipped) and a side file of the appraisal (read with its commune)."""
    if all(o.summary is not None for o in outcomes):
        return []
    return [
        o
        for o in outcomes
        if o.summary is None
        and not (o.is_criteria and o.file not in found.named)
        and not (o.is_criteria and o.problems[0].code == SIDE_FILE)
    ]


def _read(outcomes: list[FileOutcome], found: Found) -> list[Path]:
    """Every file read: the files found, their criteria sets, the files their problems name."""
    from parscore.loading import looks_like_path

    read = list(found.files)
    read += [Path(o.criteria_location) for o in outcomes if looks_like_path(o.criteria_location)]
    read += [Path(p.file) for o in outcomes for p in o.problems if p.file]
    return read


def compare_found(
    found: Found,
    criteria: str | None,
    limits: Limits,
    *,
    cache_folder: Path | None = None,
    jobs: int = 1,
    group_by: GroupBy | None = None,
    progress: Callable[[Iterator[FileOutcome], int], Iterator[FileOutcome]] | None = None,
    stage: RankStage | None = None,
    survey: SurveyTable | None = None,
) -> ComparisonRun:
    """Score the files found (:func:`score_files`) and compare them (:func:`compare_outcomes`);
    with ``survey``, each file's survey points are its row of the province's table."""
    outcomes = score_files(
        found.files,
        criteria,
        limits,
        cache_folder=cache_folder,
        jobs=jobs,
        progress=progress,
        survey=survey,
    )
    return compare_outcomes(
        outcomes, found, limits, group_by, stage=stage, criteria=criteria, survey=survey
    )


def compare_paths(
    paths: Iterable[Path],
    criteria: str | None,
    limits: Limits,
    *,
    cache_folder: Path | None = None,
    jobs: int = 1,
    group_by: GroupBy | None = None,
    progress: Callable[[Iterator[FileOutcome], int], Iterator[FileOutcome]] | None = None,
    stage: RankStage | None = None,
) -> ComparisonRun:
    """``parscore compare`` but the printing and the exit code: files and folders in, the
    comparison and what to tell the user out. ``stage`` None: the final appraisals when
    appraisal files are among those compared, else the self-assessments."""
    return compare_found(
        find_files(paths),
        criteria,
        limits,
        cache_folder=cache_folder,
        jobs=jobs,
        group_by=group_by,
        progress=progress,
        stage=stage,
    )


# --- a whole run from the cache ----------------------------------------------------------------

#: problems of a file that broke parscore or its worker: such a file is never scored again in
#: the main process by a re-run (it could take the process with it), so that run is not kept
_NOT_REPLAYED = frozenset({"batch.internal-error", "batch.worker-died", "batch.worker-timeout"})


@dataclass(frozen=True)
class Replay:
    """A comparison's report taken from the cache, with what the command says besides it: the
    problems of the files left out, the files read besides those found (their criteria sets,
    the files their problems name: the command has recorded the files found before any was
    read, ``output.check_target``), and whether files were left out."""

    report: str | bytes
    problems: list[Problem]
    also_read: list[Path]
    left_out: bool


def _run_identity(found: Found, criteria: str | None, limits: Limits, command: list[str]) -> str:
    from parscore.cache import run_identity

    names = [(str(f), str(f) in found.named) for f in found.files]
    return run_identity([*command, repr(criteria), repr(limits), repr(names), repr(found.problems)])


def _no_result(outcome: FileOutcome) -> str:
    """What a file that gave no result gave, as one digest (its problems and their places)."""
    from parscore.cache import outcome_digest

    return outcome_digest(repr((outcome.is_criteria, outcome.criteria_location, outcome.problems)))


def replay_run(
    found: Found,
    criteria: str | None,
    limits: Limits,
    cache_folder: Path,
    command: list[str],
) -> Replay | None:
    """The report an earlier run of the same ``command`` (its options and format, as
    :func:`keep_run` was given them) wrote for the same files, if nothing it depends on has
    changed; None otherwise (then the files are scored, each from its own entry if it has one).

    Checked, not trusted: every file is read and its cache key worked out again (its bytes,
    name, parscore, limits, ``--criteria``), each criteria set is found again from where each
    file is now and its fingerprint compared, and every file that gave no result is scored
    again, which must give the same problems (they are printed from this run, as they are)."""
    from parscore.cache import file_bytes, inputs_digest

    names = [str(f) for f in found.files]
    cache = _cache(str(cache_folder))
    entry = cache.get_run(_run_identity(found, criteria, limits, command))
    if entry is None or len(entry.files) != len(names):
        return None
    base_kind = "cwd" if criteria is not None else "file"
    resolver, cwd = _resolver(limits), Path.cwd()
    sets: dict[tuple[int, str], str | None] = {}  # (set, folder) → where it is, if unchanged
    parts: list[str] = []
    outcomes: list[FileOutcome] = []
    for name, index in zip(names, entry.files, strict=True):
        if index < 0:  # no result: scored again, it must fail as it did
            outcome = score_guarded(name, criteria, limits, str(cache_folder))
            if outcome.summary is not None:
                return None
            parts.append("-" + _no_result(outcome))
            outcomes.append(outcome)
            continue
        data = file_bytes(name, limits.max_bytes)
        if data is None:
            return None
        parts.append(cache.key(data, name, criteria, limits).name)
        folder = os.path.dirname(name)
        if (index, folder) not in sets:  # found again from where the file is now
            ref, base, fingerprint = entry.criteria[index]
            location = resolver.located(ref, cwd if base == "cwd" else Path(name).parent)
            unchanged = location is not None and resolver.fingerprint(location) == fingerprint
            sets[(index, folder)] = location if base == base_kind and unchanged else None
        location = sets[(index, folder)]
        if location is None:
            return None
        outcomes.append(FileOutcome(name, None, criteria_location=location))  # for _read only
    if inputs_digest(parts) != entry.inputs:
        return None
    try:
        report: str | bytes = entry.report.decode("utf-8") if entry.text else entry.report
    except UnicodeDecodeError:
        return None
    failed = [o for index, o in zip(entry.files, outcomes, strict=True) if index < 0]
    problems = [p for o in _broken(failed, found) for p in o.problems] + list(found.problems)
    also_read = _read(outcomes, found)[len(found.files) :]
    return Replay(report, problems, also_read, entry.left_out)


def keep_run(
    found: Found,
    criteria: str | None,
    limits: Limits,
    cache_folder: Path,
    command: list[str],
    run: ComparisonRun,
    report: str | bytes,
) -> None:
    """Keep ``report``, what ``command`` wrote for ``run``, for :func:`replay_run`. Not kept:
    a comparison on final appraisals or with appraisal files (their files are read with their
    communes), a commune folder or workbook compared (not one file's bytes), a file that broke
    parscore or its worker, a file scored without a cache key (a set that cannot be
    fingerprinted)."""
    from parscore.cache import RunEntry, inputs_digest

    comparison = run.comparison
    if (
        comparison is None
        or comparison.stage != "self"
        or comparison.computed_self
        or len(run.outcomes) != len(found.files)
    ):
        return
    sets: dict[tuple[str, str, str], int] = {}
    files: list[int] = []
    parts: list[str] = []
    for outcome, file in zip(run.outcomes, found.files, strict=True):
        if outcome.file != str(file):
            return
        if outcome.summary is None:
            if any(p.code in _NOT_REPLAYED for p in outcome.problems):
                return
            files.append(-1)
            parts.append("-" + _no_result(outcome))
            continue
        made = outcome.provenance
        if made is None:
            return
        files.append(
            sets.setdefault((made.criteria_ref, made.criteria_base, made.fingerprint), len(sets))
        )
        parts.append(made.key)
    try:
        data = report.encode("utf-8") if isinstance(report, str) else report
    except UnicodeEncodeError:
        return
    entry = RunEntry(
        identity=_run_identity(found, criteria, limits, command),
        inputs=inputs_digest(parts),
        criteria=list(sets),
        files=files,
        left_out=run.left_out,
        text=isinstance(report, str),
        report=data,
    )
    _cache(str(cache_folder)).put_run(entry)
