"""A cache of scored communes, so that re-running a comparison on unchanged files is quick.

An entry is found by a digest of everything that decides the result: parscore's version, the
evidence file's bytes and name, the criteria set asked for, and the limits. It records where
its criteria set is and a digest of that set's file; an entry whose set has changed since is
not used. What is stored is the summary a comparison keeps (a few kilobytes), as JSON.

The cache lives in the user's cache folder (``~/.cache/parscore`` on Linux, the platform's
own elsewhere), or in ``PARSCORE_CACHE_DIR``. It is safe to delete at any time; a damaged or
unwritable cache is never an error, only a slower run.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel, ValidationError

from parscore import __version__
from parscore.compare import UnitSummary
from parscore.model.common import RESULT_CONFIG
from parscore.yamlsource import Limits

LAYOUT = "results-v1"


class Entry(BaseModel):
    model_config = RESULT_CONFIG

    criteria: str  # the set's location (CriteriaResolver.locate)
    fingerprint: str  # digest of the set's file when the entry was written
    summary: UnitSummary


def default_folder() -> Path:
    configured = os.environ.get("PARSCORE_CACHE_DIR")
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("parscore", appauthor=False))


class ResultCache:
    """Entries under ``folder``; a cache with no folder stores nothing (``--no-cache``)."""

    def __init__(self, folder: Path | None):
        self.folder = folder / LAYOUT if folder is not None else None

    def key(self, data: bytes, display: str, criteria: str | None, limits: Limits) -> str:
        digest = hashlib.sha256()
        for part in (__version__, display, criteria or "", repr(limits)):
            digest.update(os.fsencode(part) + b"\0")  # a name's raw bytes, even not UTF-8
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path | None:
        return self.folder / key[:2] / f"{key}.json" if self.folder is not None else None

    def get(self, key: str) -> Entry | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            return Entry.model_validate_json(path.read_bytes())
        except (OSError, ValueError, ValidationError):
            return None  # absent or damaged: score the file again

    def put(self, key: str, entry: Entry) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(entry.model_dump_json().encode("utf-8"))
            os.replace(temp, path)
        except OSError:
            pass  # a read-only or full cache only makes the next run slower
