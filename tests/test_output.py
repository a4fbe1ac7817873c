"""Output files: written whole or not at all, never over an existing file unasked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from parscore.errors import UsageError
from parscore.output import write_atomic


def test_writes_a_new_file(tmp_path):
    target = tmp_path / "out.txt"
    write_atomic(target, b"new", force=False)
    assert target.read_bytes() == b"new"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "out.txt"
    target.write_bytes(b"old")
    with pytest.raises(UsageError) as info:
        write_atomic(target, b"new", force=False)
    assert info.value.code == "usage.output-exists"
    assert target.read_bytes() == b"old"
    write_atomic(target, b"new", force=True)
    assert target.read_bytes() == b"new"


def test_an_interrupted_write_leaves_the_previous_output(tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_bytes(b"previous")

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"half", force=True)
    assert target.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["out.txt"]  # the temporary file is gone too


def test_a_failing_disk_is_a_usage_error(tmp_path, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(UsageError) as info:
        write_atomic(tmp_path / "out.txt", b"data", force=False)
    assert info.value.message("en").endswith("out.txt: the disk is full")
    assert info.value.message("vi").endswith("out.txt: ổ đĩa đã đầy")
    assert os.listdir(tmp_path) == []


def test_never_replaces_an_input(tmp_path):
    source = tmp_path / "in.yaml"
    source.write_bytes(b"keep")
    with pytest.raises(UsageError) as info:
        write_atomic(source, b"x", force=True, inputs=[source])
    assert info.value.code == "usage.output-is-input"
    assert source.read_bytes() == b"keep"


def test_a_terminated_write_leaves_no_temporary_file(tmp_path):
    """SIGTERM while the temporary file is being written: it is removed, the previous output
    stays, the handler is restored, and the exit status says the run was terminated. Run in a
    child process, so that a regression kills the child, not the test run."""
    import signal
    import subprocess
    import sys

    target = tmp_path / "out.txt"
    target.write_bytes(b"previous")
    script = f"""
import os, signal, sys
from pathlib import Path
from parscore.output import write_atomic
before = signal.getsignal(signal.SIGTERM)
def killed(fd):  # SIGTERM arrives while the temporary file is being written
    os.kill(os.getpid(), signal.SIGTERM)
os.fsync = killed
try:
    write_atomic(Path({str(target)!r}), b"half", force=True)
except SystemExit:
    print("restored" if signal.getsignal(signal.SIGTERM) is before else "not restored")
    raise
"""
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert child.returncode == 128 + signal.SIGTERM, child.stderr
    assert child.stdout == "restored\n"
    assert target.read_bytes() == b"previous"
    assert os.listdir(tmp_path) == ["out.txt"]


def test_the_files_read_in_a_run_are_never_written(tmp_path):
    from parscore import inputs
    from parscore.yamlsource import read_bytes

    source = tmp_path / "in.yaml"
    source.write_bytes(b"a: 1\n")
    inputs.forget()
    read_bytes(source)
    with pytest.raises(UsageError) as info:
        write_atomic(source, b"x", force=True)
    assert info.value.code == "usage.output-is-input"
    inputs.forget()
    write_atomic(source, b"x", force=True)
    assert source.read_bytes() == b"x"


def test_a_file_that_becomes_special_while_writing_is_not_replaced(tmp_path, monkeypatch):
    if os.name != "posix":
        pytest.skip("FIFOs")
    target = tmp_path / "out.txt"
    real_fsync = os.fsync

    def swap(fd):  # someone puts a FIFO where the output goes, while we write
        real_fsync(fd)
        os.mkfifo(target)

    monkeypatch.setattr(os, "fsync", swap)
    with pytest.raises(UsageError) as info:
        write_atomic(target, b"data", force=True)
    assert info.value.code == "usage.output-special"
    assert sorted(os.listdir(tmp_path)) == ["out.txt"]


def test_a_folder_is_refused_in_the_users_language(tmp_path, monkeypatch):
    target = tmp_path / "out"
    target.mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError) as info:
        write_atomic(Path("out"), b"x", force=True)
    assert info.value.code == "usage.output-is-directory"
    assert info.value.message("vi") == "không ghi được out: đây là một thư mục"
    assert info.value.message("en") == "cannot write out: is a directory"


def test_a_special_file_is_named_in_the_users_language(tmp_path, monkeypatch):
    if os.name != "posix":
        pytest.skip("FIFOs")
    os.mkfifo(tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError) as info:
        write_atomic(Path("out"), b"x", force=True)
    assert info.value.code == "usage.output-special"
    assert info.value.message("vi") == (
        "out không phải tệp thông thường (ống FIFO): parscore không ghi đè lên nó"
    )
    assert info.value.message("en") == (
        "out is not a regular file (a FIFO): parscore does not write over it"
    )
