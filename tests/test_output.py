"""Output files: written whole or not at all, never over an existing file unasked."""

from __future__ import annotations

import os

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
    assert "No space left on device" in info.value.message("en")
    assert os.listdir(tmp_path) == []


def test_never_replaces_an_input(tmp_path):
    source = tmp_path / "in.yaml"
    source.write_bytes(b"keep")
    with pytest.raises(UsageError) as info:
        write_atomic(source, b"x", force=True, inputs=[source])
    assert info.value.code == "usage.output-is-input"
    assert source.read_bytes() == b"keep"
