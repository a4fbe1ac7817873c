"""Shared test set-up: no test writes into the user's own cache folder, and no test's output
depends on the width of the terminal that runs the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "evidence" / "vinh-chap-2023.yaml"


def commune_copies(folder: Path, count: int) -> list[Path]:
    """``count`` copies of the Vĩnh Chấp example in ``folder``, each its own commune (its own
    code), for tests of batches: c00.yaml, c01.yaml..."""
    text = EXAMPLE.read_text("utf-8")
    assert 'code: "19213"' in text
    files = []
    for n in range(count):
        path = folder / f"c{n:02d}.yaml"
        path.write_text(text.replace('code: "19213"', f'code: "{90000 + n}"'), encoding="utf-8")
        files.append(path)
    return files


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PARSCORE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _fixed_width(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("COLUMNS", raising=False)  # terminal text: the fixed piped width
