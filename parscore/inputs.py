"""The files this run has read, so that no output ever replaces one of them.

Every input file is recorded when it is read (``yamlsource.read_bytes``, shipped criteria
sets): by its identity (device and inode of the file actually opened, so a hard link or a
symbolic link to it is the same file) and by its real path (so a file replaced under the same
name since it was read is still protected). ``output.check_target`` refuses any target that is
one of them, with ``--force`` or not. A run starts with an empty record (``forget``).

Worker processes (``compare --jobs N``) keep their own record; the parent names the files they
read explicitly when it writes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

_identities: set[tuple[int, int]] = set()
_real_paths: set[str] = set()


def record(path: str | os.PathLike[str], fd: int | None = None) -> None:
    """Remember ``path`` as read in this run; ``fd`` is the open file, when there is one."""
    try:
        info = os.fstat(fd) if fd is not None else os.stat(path)
    except OSError:
        info = None
    if info is not None:
        _identities.add((info.st_dev, info.st_ino))
    _real_paths.add(os.path.realpath(path))


def forget() -> None:
    """Start a new run: nothing read yet."""
    _identities.clear()
    _real_paths.clear()


def is_input(
    path: str | os.PathLike[str],
    info: os.stat_result | None,
    also: Iterable[str | os.PathLike[str]] = (),
) -> bool:
    """Whether ``path`` (``info``: its ``os.stat``, links followed, or None when there is no
    file) is a file read in this run, or one of ``also`` — files the caller reads or has read
    in this run (worker processes' files, for one), remembered from now on like the others."""
    for other in also:
        record(other)
    if info is not None and (info.st_dev, info.st_ino) in _identities:
        return True
    return os.path.realpath(path) in _real_paths
