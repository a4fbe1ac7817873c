"""Writing output files without ever losing the user's data.

An output is written to a temporary file in the same folder and renamed into place, so an
interrupted run (Ctrl-C, SIGTERM, SIGHUP, a full disk) leaves either the old file or the new
one, never half of one, and no temporary file.

* A file read in this run (an evidence file, a file found in a folder, the criteria set an
  evidence file names, through any hard or symbolic link) is never replaced, ``--force`` or not:
  checked before the work starts and again when writing (:mod:`parscore.inputs`).
* An existing file, or a symbolic link (even one to a file that does not exist yet), is
  replaced only when asked (``--force``).
* A FIFO, device, socket or any other file that is not a regular file is never replaced.
* A new file gets the permissions any program gives it (0666 less the umask); a replaced file
  keeps its permissions (and, where allowed, its group).
* ``--force`` through a symbolic link replaces the file the link points to and keeps the link,
  as a shell's ``>`` and most tools do: the link is how other people find the report, and
  replacing it with a plain file would silently stop updating the file they look at.
"""

from __future__ import annotations

import errno
import os
import secrets
import signal
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from parscore import inputs as read_files
from parscore.errors import UsageError
from parscore.escaping import escaped
from parscore.messages import Phrase
from parscore.yamlsource import display_name

_NEW_FILE_MODE = 0o666  # less the umask, as any program creates a file
_TEMP_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOFOLLOW", 0)
)
#: the signals that end a run while it writes: turned into an exit after the cleanup
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)

_KINDS = {  # what a special file is, for the message: a catalogue code
    stat.S_IFIFO: "usage.special-fifo",
    stat.S_IFCHR: "usage.special-device",
    stat.S_IFBLK: "usage.special-device",
    stat.S_IFSOCK: "usage.special-socket",
}


#: the system's reasons a file cannot be written, in the user's language
_REASONS = {
    errno.ENOENT: "output.no-folder",
    errno.ENOTDIR: "output.no-folder",
    errno.EACCES: "output.no-permission",
    errno.EPERM: "output.no-permission",
    errno.ENOSPC: "output.disk-full",
    errno.EROFS: "output.read-only",
}


def _failed(path: Path, exc: OSError) -> UsageError:
    code = _REASONS.get(exc.errno or 0)
    folder = display_name(path.parent) if str(path.parent) not in ("", ".") else "."
    reason = Phrase(code, {"folder": folder}) if code else exc.strerror or str(exc)
    return UsageError("usage.write-failed", path=display_name(path), reason=reason)


#: what a file's name says it holds, for the kinds parscore writes (one table for every
#: command: the reports' formats, parscore/formats.py, and the files below)
SUFFIX_KINDS = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
    ".csv": "csv",
    ".md": "markdown",
    ".markdown": "markdown",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}
#: names of kinds parscore never writes: anything written under one would be opened by the
#: wrong program (a .pdf reader, Excel calling a .xls damaged)
OTHER_KINDS = frozenset({".pdf", ".doc", ".odt", ".xls", ".xlsm", ".xlsb", ".ods", ".rtf", ".zip"})


def check_suffix(path: Path, kind: str) -> None:
    """The output's name fits what is written into it (``kind``: yaml, json, xlsx or folder):
    a workbook is named .xlsx, a YAML or JSON file not like another kind (an office file, a
    .pdf, the other of the two), a folder not like a file. A usage error before anything is
    written."""
    suffix = path.suffix.lower()
    says = SUFFIX_KINDS.get(suffix)
    if kind == "xlsx":
        bad = says != "xlsx"
    elif kind in ("yaml", "json"):
        bad = str(path) != "-" and (suffix in OTHER_KINDS or says not in (None, kind))
    else:
        bad = suffix in OTHER_KINDS or says is not None
    if bad:
        kind_text = Phrase(f"output.kind-{kind}")
        raise UsageError("usage.output-suffix", path=display_name(path), kind=kind_text)


def check_target(
    path: Path, *, force: bool, inputs: Iterable[Path] = (), folder_made: bool = False
) -> None:
    """Refuse a target that would overwrite something: a file read in this run (or one of
    ``inputs``, remembered as read from now on), a folder or special file, or, without
    ``force``, an existing file or link; and a new file in a folder that does not exist (told
    before the work, not after it), unless the caller makes the folder (``folder_made``)."""
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        link = None
    except OSError as exc:
        raise _failed(path, exc) from None
    info = None
    if link is not None:
        try:
            info = os.stat(path)  # the file a link points to
        except FileNotFoundError:
            info = None  # a link to nothing yet
        except OSError as exc:  # a loop of links, a folder we cannot enter...
            raise _failed(path, exc) from None
    if read_files.is_input(path, info, inputs):
        raise UsageError("usage.output-is-input", path=display_name(path))
    if link is None:
        if not folder_made and not os.path.isdir(path.parent):
            raise _failed(path, FileNotFoundError(errno.ENOENT, "no such folder"))
        return
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise UsageError("usage.output-is-directory", path=display_name(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = Phrase(_KINDS.get(stat.S_IFMT(info.st_mode), "usage.special-other"))
        raise UsageError("usage.output-special", path=display_name(path), kind=kind)
    if force:
        return
    if info is None:
        raise UsageError(
            "usage.output-dangling-link", path=display_name(path), target=escaped(os.readlink(path))
        )
    raise UsageError("usage.output-exists", path=display_name(path))


@contextmanager
def _stop_signals_end_the_write() -> Iterator[None]:
    """While the temporary file exists, SIGTERM and SIGHUP raise ``SystemExit(128 + signal)``
    (the status a shell reports for a terminated program), so that the cleanup runs as it does
    for Ctrl-C. The previous handlers are restored afterwards; an ignored signal stays ignored.
    Signal handlers can only be set in the main thread: elsewhere nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(128 + signum)

    previous: dict[int, Any] = {}
    try:
        for sig in _STOP_SIGNALS:
            handler = signal.getsignal(sig)
            if handler is signal.SIG_IGN or handler is None:
                continue
            previous[sig] = handler
            signal.signal(sig, stop)
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _create_temp(folder: Path, name: str, mode: int, made: list[Path]) -> int:
    """A new, empty file ``.name.XXXXXXXX.tmp`` in ``folder`` (created ``mode`` less the
    umask). Its name is put in ``made`` before it is created, so that a signal arriving between
    the creation and the return still finds it to remove."""
    for _ in range(100):
        temp = folder / f".{name}.{secrets.token_hex(4)}.tmp"
        made.append(temp)
        try:
            return os.open(temp, _TEMP_FLAGS, mode)
        except FileExistsError:
            made.pop()  # someone else's
            continue
    raise FileExistsError(f"no free temporary name for {name} in {folder}")


def _keep_mode(handle: int, temp: Path, previous: os.stat_result | None) -> None:
    """The replaced file's permissions (and group, when allowed) for the new file; a new file
    keeps what ``open`` gave it."""
    if previous is None:
        return
    mode = stat.S_IMODE(previous.st_mode) & 0o777
    if hasattr(os, "fchmod"):
        os.fchmod(handle, mode)
    else:  # pragma: no cover - Windows
        os.chmod(temp, mode)
    if hasattr(os, "fchown") and previous.st_gid != os.fstat(handle).st_gid:
        try:
            os.fchown(handle, -1, previous.st_gid)
        except OSError:  # not a member of that group: the folder's group it is
            pass


def _replace_with(
    final: Path,
    data: bytes,
    *,
    mode: int = _NEW_FILE_MODE,
    previous: os.stat_result | None = None,
    durable: bool = True,
    before_replace: Callable[[], None] | None = None,
) -> None:
    """The one atomic write: ``data`` into a temporary file next to ``final``, then renamed
    onto it; the temporary file is removed whatever goes wrong. Raises what went wrong."""
    folder = final.parent if str(final.parent) else Path(".")
    made: list[Path] = []
    try:
        handle = _create_temp(folder, final.name, mode, made)
        temp = made[-1]
        with os.fdopen(handle, "wb") as out:
            _keep_mode(handle, temp, previous)
            out.write(data)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(temp, final)
    except BaseException:
        for temp in made:
            try:
                os.unlink(temp)
            except FileNotFoundError:
                pass
        raise


def write_atomic(path: Path, data: bytes, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Write ``data`` to ``path`` whole, or not at all (see the module's rules)."""
    check_target(path, force=force, inputs=inputs)  # remembers ``inputs`` as read in the run
    # through a link (allowed with --force): the file it points to is replaced, the link kept
    final = Path(os.path.realpath(path)) if os.path.islink(path) else path
    try:
        previous: os.stat_result | None = os.stat(final)
    except FileNotFoundError:
        previous = None
    except OSError as exc:
        raise _failed(path, exc) from None
    with _stop_signals_end_the_write():
        try:
            _replace_with(
                final,
                data,
                previous=previous,
                # again: things change meanwhile
                before_replace=lambda: check_target(path, force=force),
            )
        except OSError as exc:
            raise _failed(path, exc) from None


def write_private(path: Path, data: bytes) -> None:
    """Write one of parscore's own files (a cache entry) whole or not at all, readable by the
    current user only (created ``0600``). No ``--force`` or input checks: the folder is
    parscore's; no ``fsync`` either: losing an entry only makes the next run slower. Raises
    ``OSError``."""
    _replace_with(path, data, mode=0o600, durable=False)


def write_files(
    files: dict[Path, bytes],
    *,
    force: bool,
    inputs: Iterable[Path] = (),
    folder: Path | None = None,
) -> list[Path]:
    """Several outputs written as one: every target checked before the first is written (a
    refusal leaves nothing half-written), ``folder`` made if missing (refused when a file has
    its name), then each written whole. The paths written, in order."""
    inputs = list(inputs)
    if folder is not None and folder.exists() and not folder.is_dir():
        raise UsageError("usage.template-folder-file", path=display_name(folder))
    for path in files:
        check_target(path, force=force, inputs=inputs, folder_made=True)
    for path, data in files.items():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError("usage.template-folder-file", path=display_name(path.parent)) from exc
        write_atomic(path, data, force=force, inputs=inputs)
    return list(files)
