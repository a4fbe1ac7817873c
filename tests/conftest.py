"""Shared test set-up: no test writes into the user's own cache folder."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PARSCORE_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
