"""The code style checks CI runs: ruff (lint and format) and mypy, at the versions pinned in
pyproject.toml's ``test`` extra, so that a new release of either cannot turn CI red by itself.

``python -m pip install -e ".[test]"`` installs the pinned versions; with other versions
installed the test says so instead of judging the code by another tool's rules."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _pinned(name: str) -> str:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]["test"]
    for requirement in extras:
        match = re.fullmatch(rf"{name}==([\w.]+)", requirement)
        if match:
            return match.group(1)
    raise AssertionError(f"{name} is not pinned with == in the test extra")


def _run(tool: str, *args: str) -> None:
    try:
        installed = metadata.version(tool)
    except metadata.PackageNotFoundError:
        installed = "not installed"
    pinned = _pinned(tool)
    assert installed == pinned, (
        f"{tool} {installed}, but the checks are pinned to {pinned}: "
        'python -m pip install -e ".[test]"'
    )
    done = subprocess.run(
        [sys.executable, "-m", tool, *args], cwd=ROOT, capture_output=True, text=True
    )
    assert done.returncode == 0, f"{tool} {' '.join(args)}\n{done.stdout}\n{done.stderr}"


@pytest.mark.parametrize(
    "args",
    [("check", "parscore", "tests", "benchmarks"), ("format", "--check", "parscore", "tests")],
    ids=["lint", "format"],
)
def test_ruff(args: tuple[str, ...]) -> None:
    _run("ruff", *args)


def test_mypy() -> None:
    _run("mypy", "parscore")
