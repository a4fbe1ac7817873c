"""What one file's entry in the result cache holds (:mod:`parscore.cache`): a pydantic model,
in a module of its own so that the cache itself, and a whole run replayed from it
(:func:`parscore.batch.replay_run`), import no model."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from parscore.model.common import RESULT_CONFIG
from parscore.model.compare import UnitSummary


class CacheEntry(BaseModel):
    """One scored commune in the cache, with what it was scored from."""

    model_config = RESULT_CONFIG

    version: str  # parscore's version that wrote it
    limits: str  # repr of the limits it was scored under
    evidence: str  # sha256 of the evidence file's bytes
    criteria_ref: str  # the set as referred to: the file's `criteria:`, or --criteria
    criteria_base: Literal["file", "cwd"]  # where a relative reference is taken from
    criteria: str  # the set's location when written (CriteriaResolver.locate)
    fingerprint: str  # CriteriaResolver.fingerprint: the set's file and every file it extends
    summary: UnitSummary
