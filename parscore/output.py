"""Writing output files without ever losing the user's data.

An output is written to a temporary file in the same folder and renamed into place, so an
interrupted run leaves either the old file or the new one, never half of one. An existing file
is replaced only when asked (``--force``), and never when it is one of the inputs.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from parscore.errors import UsageError


def check_target(path: Path, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Refuse, before any work is done, a target that would overwrite something."""
    for source in inputs:
        try:
            if path.exists() and path.samefile(source):
                raise UsageError("usage.output-is-input", path=path.as_posix())
        except OSError:
            continue
    if path.is_dir():
        raise UsageError("usage.write-failed", path=path.as_posix(), reason="is a directory")
    if path.exists() and not force:
        raise UsageError("usage.output-exists", path=path.as_posix())


def write_atomic(path: Path, data: bytes, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    check_target(path, force=force, inputs=inputs)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise UsageError(
            "usage.write-failed", path=path.as_posix(), reason=exc.strerror or str(exc)
        ) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if not force and path.exists():  # appeared while we wrote
            raise UsageError("usage.output-exists", path=path.as_posix())
        os.replace(temp_name, path)
    except BaseException as exc:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise UsageError(
                "usage.write-failed", path=path.as_posix(), reason=exc.strerror or str(exc)
            ) from None
        raise
