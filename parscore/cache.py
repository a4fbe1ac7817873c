"""A cache of scored communes, so that re-running a comparison on unchanged files is quick.

What a result depends on, and how an entry covers it:

- the evidence file's bytes and its name, parscore's version and a digest of its source files
  (:func:`code_digest`), the limits and the criteria set asked for with ``--criteria``: the
  entry's name is a digest of them (:meth:`ResultCache.key`),
  and the entry records the version, the limits and the evidence's digest again, which must
  match (an entry is checked against what it claims to be, not trusted for its name);
- the criteria set's bytes, wherever the set resolves from: the entry records the reference
  (as written in the file, or given with ``--criteria``) and the digest of the set it was
  scored with. Before it is used, the reference is resolved again from where the file is now
  (a copied folder has its own ``set.yaml``) and that set's digest must be the recorded one
  (:func:`parscore.batch.score_file` does this, with the run's resolver).

What is stored is the summary a comparison keeps (a few kilobytes), as JSON: nothing in it is
run. Still, an entry decides a ranking, so on POSIX systems the cache is private: its folders
are created ``0700`` and its files ``0600``, and a folder or entry that is not owned by the
current user, or that others can write, is never read (nor written into). An entry larger than
:data:`MAX_ENTRY_BYTES` is not read. On Windows, where owners and modes are not POSIX ones, the
default folder (under ``%LOCALAPPDATA%``) is private to the user by the profile's permissions and
those checks are skipped; a ``PARSCORE_CACHE_DIR`` that others can write is then not protected:
use ``--no-cache`` there.

**Whole runs.** Besides one entry per file (``results-v2/``), ``compare`` keeps the report it
wrote as one entry per command (``runs-v1/<identity>.run``: a line of JSON, then the report's
bytes), so that an unchanged re-run reads one file instead of re-validating and re-comparing
thousands. Its name (:func:`run_identity`) is a digest of everything the command was given —
the files found and their names, in order, the folders that could not be searched, the
options, format, language and width, the limits, ``--criteria``, parscore's version and
:func:`code_digest`, the releases of the libraries that write reports, Python's — and the
entry records it again. Before it is used (:func:`parscore.batch.replay_run`) everything the
report depends on is checked again, as for a file's entry: every file is read and its key
worked out (its bytes), each criteria set is found again from where each file is now and its
fingerprint compared, and every file that gave no result is scored again and must give the same
problems (which this run prints). So the report, what is printed on stderr and the exit code
are the cold run's. The same private folders and modes; an entry whose report does not match
its recorded digest and size is damaged (not used); one larger than :data:`MAX_RUN_BYTES` is
neither written nor read, and only the newest :data:`MAX_RUNS` are kept. Not kept for a run with
``--previous`` or ``--survey``, on final appraisals, with a commune folder or a workbook among
the files, or when a file broke parscore or a worker. What is kept is the report, not the
comparison: at 10,000 communes validating the comparison's 28 MB of JSON again would take
longer than all the rest of a re-run. When one file of 10,000 changed, the run is a miss and
the per-file entries serve every other file.

The cache lives in the user's cache folder (``~/.cache/parscore`` on Linux, the platform's
own elsewhere), or in ``PARSCORE_CACHE_DIR``. It is safe to delete at any time; a damaged,
unwritable or untrusted cache is never an error, only a slower run. ``--no-cache`` reads and
writes nothing.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from parscore import __version__
from parscore.output import write_private
from parscore.yamlsource import Limits

if TYPE_CHECKING:  # a pydantic model: imported when an entry is read or written, not before
    from parscore.cache_entry import CacheEntry

LAYOUT = "results-v2"


@functools.cache
def code_digest() -> str:
    """A digest of parscore's own source files, so that an entry written by other code — an
    editable install changed since, a release that forgot to change its version — is never
    taken for this code's result. Read once per process (about 60 small files)."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode("utf-8") + b"\0")
        digest.update(source.read_bytes() + b"\0")
    return digest.hexdigest()


MAX_ENTRY_BYTES = 1 << 20  # entries are a few kilobytes; a larger one is not read

_POSIX = hasattr(os, "geteuid")
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)  # an entry is a file, never a link
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO planted as an entry must not block the run
    | getattr(os, "O_BINARY", 0)
)


@dataclass(frozen=True)
class Key:
    """An entry's name, and what the entry must record to be used."""

    name: str
    evidence: str  # sha256 of the evidence bytes
    limits: str


def default_folder() -> Path:
    configured = os.environ.get("PARSCORE_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("parscore", appauthor=False))


def is_private(info: os.stat_result) -> bool:
    """Owned by the current user and writable by no one else (always true off POSIX)."""
    if not _POSIX:
        return True
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read_up_to(handle: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        chunk = os.read(handle, limit - size)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read_private(path: str, limit: int) -> bytes | None:
    """A private regular file's bytes, if it is at most ``limit`` bytes long; None if it is
    absent, a link, not a regular file, too large, not private, or changed while read."""
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit or not is_private(info):
            return None
        data = _read_up_to(handle, info.st_size + 1)  # what fstat says, and no more
    except OSError:
        return None
    finally:
        os.close(handle)
    return data if len(data) == info.st_size else None


def file_bytes(path: str, limit: int) -> bytes | None:
    """A regular file's bytes, if it is at most ``limit`` bytes long, else None: what a re-run
    reads each file with to work out its key again. No located problem is needed here (a file
    that cannot be read is scored, and its problem told, by the run that follows), and the
    files are recorded as inputs by the command (``output.check_target``) as they are found."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        handle = os.open(path, flags | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        data = _read_up_to(handle, info.st_size + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    return data if len(data) == info.st_size else None


def _make_private(path: str) -> None:
    """chmod 0700 a folder the current user owns (POSIX); anything else is left as it is."""
    if not _POSIX:
        return
    try:
        info = os.stat(path)
        if (
            stat.S_ISDIR(info.st_mode)
            and info.st_uid == os.geteuid()
            and info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        ):
            os.chmod(path, 0o700)
    except OSError:
        pass


def _private_dir(path: str) -> bool:
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and is_private(info)


class ResultCache:
    """Entries under ``root``; a cache with no root stores nothing (``--no-cache``)."""

    def __init__(self, root: Path | None):
        self.root = root
        self._root = os.fspath(root) if root is not None else None
        self._folder = os.path.join(self._root, LAYOUT) if self._root is not None else ""
        self._trusted: set[str] = set()  # folders found private in this run
        # the platform's per-user folder is the user's own: one an older parscore created
        # group-writable (umask 002) is made private again rather than left unused
        self._repairable = (
            self._root
            if self._root is not None
            and not os.environ.get("PARSCORE_CACHE_DIR")
            and root == default_folder()
            else None
        )
        self._shards: dict[str, str] = {}  # entry folders found private, by prefix
        self._key_starts: dict[tuple[str, str | None, Limits], tuple[Any, str]] = {}

    @property
    def folder(self) -> Path | None:
        return self.root / LAYOUT if self.root is not None else None

    def key(self, data: bytes, display: str, criteria: str | None, limits: Limits) -> Key:
        evidence = hashlib.sha256(data).digest()  # the one pass over the file's bytes
        code = code_digest()
        start = self._key_starts.get((code, criteria, limits))
        if start is None:  # what every file of a run shares, digested once
            limits_text = repr(limits)
            head = hashlib.sha256()
            for part in (LAYOUT, __version__, code, criteria or "", limits_text):
                head.update(part.encode("utf-8", "surrogatepass") + b"\0")
            start = self._key_starts[(code, criteria, limits)] = (head, limits_text)
        digest = start[0].copy()
        digest.update(os.fsencode(display) + b"\0")
        digest.update(evidence)
        return Key(digest.hexdigest(), evidence.hex(), start[1])

    def _trusted_dir(self, path: str) -> bool:
        if path in self._trusted:
            return True
        if path == self._repairable:
            _make_private(path)
        if _private_dir(path):
            self._trusted.add(path)
            return True
        return False

    def _shard(self, key: Key) -> str | None:
        """The entry's folder, if it and every folder of the cache above it can be trusted."""
        if self._root is None:
            return None
        shard = self._shards.get(key.name[:2])
        if shard is not None:
            return shard
        shard = os.path.join(self._folder, key.name[:2])
        if all(self._trusted_dir(p) for p in (self._root, self._folder, shard)):
            self._shards[key.name[:2]] = shard
            return shard
        return None

    def get(self, key: Key) -> CacheEntry | None:
        """The entry for ``key``, if it is there, trusted, and what it claims to be."""
        shard = self._shard(key)
        if shard is None:
            return None
        data = _read_private(os.path.join(shard, key.name + ".json"), MAX_ENTRY_BYTES)
        if data is None:
            return None  # absent, untrusted or odd: score the file
        from pydantic import ValidationError

        from parscore.cache_entry import CacheEntry

        try:
            entry = CacheEntry.model_validate_json(data)
        except (ValueError, ValidationError):
            return None  # damaged: score the file again
        if (
            entry.evidence != key.evidence
            or entry.version != __version__
            or entry.limits != key.limits
        ):
            return None
        return entry

    def _make_dir(self, path: str) -> bool:
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return False
        return self._trusted_dir(path)

    def _made(self, *folders: str) -> bool:
        """The cache folder and ``folders`` below it (in order) exist and can be trusted."""
        if self._root is None:
            return False
        try:
            if not os.path.exists(self._root):
                os.makedirs(self._root, 0o700)  # the cache folder itself is private
        except OSError:
            return False
        return self._trusted_dir(self._root) and all(self._make_dir(f) for f in folders)

    def put(self, key: Key, entry: CacheEntry) -> None:
        shard = os.path.join(self._folder, key.name[:2])
        if not self._made(self._folder, shard):
            return  # untrusted or unwritable: the next run is only slower
        try:
            payload = entry.model_dump_json().encode("utf-8")
        except ValueError:
            return  # text that cannot be stored (a file name that is not UTF-8)
        try:
            write_private(Path(shard, key.name + ".json"), payload)  # atomic, 0600
        except OSError:
            pass  # a read-only or full cache only makes the next run slower

    # --- whole runs ----------------------------------------------------------------------------

    def get_run(self, identity: str) -> RunEntry | None:
        """The whole-run entry of the command ``identity`` (:func:`run_identity`), if it is
        there, trusted, whole, and of this code; whether it still holds is for the caller to
        check (:attr:`RunEntry.inputs`)."""
        if self._root is None:
            return None
        runs = os.path.join(self._root, RUNS)
        if not all(self._trusted_dir(p) for p in (self._root, runs)):
            return None
        path = os.path.join(runs, identity + RUN_SUFFIX)
        data = _read_private(path, MAX_RUN_BYTES)
        if data is None:
            return None
        entry = RunEntry.decode(data)
        if entry is None or entry.identity != identity:
            return None
        try:
            os.utime(path)  # used: the last to be let go (MAX_RUNS)
        except OSError:
            pass
        return entry

    def put_run(self, entry: RunEntry) -> None:
        """Keep ``entry`` in its command's place (the one before it is replaced), then let go
        of the oldest entries beyond :data:`MAX_RUNS`."""
        runs = os.path.join(self._root or "", RUNS)
        data = entry.encode()
        if len(data) > MAX_RUN_BYTES or not self._made(runs):
            return
        try:
            write_private(Path(runs, entry.identity + RUN_SUFFIX), data)  # atomic, 0600
        except OSError:
            return
        _keep_newest(runs, MAX_RUNS)


RUNS = "runs-v1"
RUN_SUFFIX = ".run"
#: a whole run's entry holds its report (about 2.8 KB a commune as JSON: 28 MB at 10,000); a
#: larger one is neither written nor read
MAX_RUN_BYTES = 256 << 20
#: whole-run entries kept (one per command: files, options and format); older ones are removed
MAX_RUNS = 16

#: libraries whose release can change a report's bytes (serialising, tables, workbooks, pages)
#: or what is read: part of every whole-run entry's identity
_LIBRARIES = (
    "pydantic",
    "pydantic_core",
    "pyyaml",
    "tabulate",
    "xlsxwriter",
    "jinja2",
    "markupsafe",
    "click",
)


@functools.cache
def library_releases() -> str:
    """The installed releases of :data:`_LIBRARIES`, from their ``*.dist-info`` (or, as some
    system packages install them, ``*.egg-info``) names: listing the import path's folders takes
    a millisecond, where importing importlib.metadata alone takes 50."""
    import re
    import sys

    found: set[str] = set()
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                project = re.sub(r"[-_.]+", "_", name.split("-", 1)[0]).lower()
                if project in _LIBRARIES:
                    found.add(name)
    return ",".join(sorted(found))


def run_identity(parts: list[str]) -> str:
    """The name of a whole run's entry: a digest of this code (version, source digest, the
    libraries' releases, Python's) and of ``parts``, everything the command was given."""
    import sys

    digest = hashlib.sha256()
    for part in (RUNS, __version__, code_digest(), library_releases(), sys.version, *parts):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _keep_newest(folder: str, count: int) -> None:
    try:
        entries = [e for e in os.scandir(folder) if e.name.endswith(RUN_SUFFIX)]
        entries.sort(key=lambda e: e.stat(follow_symlinks=False).st_mtime, reverse=True)
        for old in entries[count:]:
            os.unlink(old.path)
    except OSError:
        pass


@dataclass(frozen=True)
class RunEntry:
    """A whole comparison as the command wrote it, with what it was made from.

    ``files`` has one number for each file found, in order: the index in ``criteria`` of the
    set it was scored with — a reference as written (or ``--criteria``), where a relative one
    is taken from (``file`` or ``cwd``), and the set's fingerprint — or -1 for a file that gave
    no result, which a re-run scores again. ``inputs`` is :func:`inputs_digest` of every
    file's cache key (or, for one that gave no result, :func:`outcome_digest` of what it
    gave). Stored as one line of JSON, then the report's bytes."""

    identity: str
    inputs: str
    criteria: list[tuple[str, str, str]]
    files: list[int]
    left_out: bool  # files were left out of the comparison: exit code 1
    text: bool  # the report is text (written as UTF-8), not a binary format's bytes
    report: bytes

    def encode(self) -> bytes:
        head = {
            "layout": RUNS,
            "version": __version__,
            "identity": self.identity,
            "inputs": self.inputs,
            "criteria": self.criteria,
            "files": self.files,
            "left_out": self.left_out,
            "text": self.text,
            "size": len(self.report),
            "report": hashlib.sha256(self.report).hexdigest(),
        }
        line = json.dumps(head, ensure_ascii=True, separators=(",", ":")).encode("ascii")
        return line + b"\n" + self.report

    @classmethod
    def decode(cls, data: bytes) -> RunEntry | None:
        """The entry ``data`` holds, or None if it is damaged or not of this layout."""
        line, newline, report = data.partition(b"\n")
        if not newline:
            return None
        try:
            head = json.loads(line)
            criteria = [(str(r), str(b), str(f)) for r, b, f in head["criteria"]]
            files = head["files"]
            fields = (
                head["layout"] == RUNS,
                head["version"] == __version__,
                isinstance(head["identity"], str) and isinstance(head["inputs"], str),
                isinstance(files, list) and all(type(i) is int for i in files),
                all(-1 <= i < len(criteria) for i in files),
                head["size"] == len(report),
                head["report"] == hashlib.sha256(report).hexdigest(),
                isinstance(head["left_out"], bool) and isinstance(head["text"], bool),
            )
        except (ValueError, TypeError, KeyError, RecursionError):
            return None
        if not all(fields):
            return None
        return cls(
            head["identity"],
            head["inputs"],
            criteria,
            files,
            head["left_out"],
            head["text"],
            report,
        )


def outcome_digest(text: str) -> str:
    """A digest of what a file that gave no result gave (its problems, as their repr)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def inputs_digest(parts: list[str]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()
