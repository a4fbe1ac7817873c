"""An evidence file checked against its criteria set: what scoring needs, and nothing of how
the files were read.

Loading (:mod:`parscore.loading`) produces it; the engine scores it. Its inputs are already
converted to their types (counts to ``int``, numbers to ``Decimal``, dates to ``date``), and its
warnings are the problems that did not stop the file from being scored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

from parscore.errors import Problem
from parscore.model.criteria import CriteriaSet
from parscore.model.evidence import Evidence, Item
from parscore.rules import Context


class CheckedEvidence(BaseModel):
    """An evidence file checked against its criteria set, ready to be scored."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    source: str
    criteria: CriteriaSet
    evidence: Evidence
    inputs: Mapping[str, Mapping[str, Any]]  # node id -> inputs converted to their types
    warnings: tuple[Problem, ...] = ()
    criteria_location: str = ""  # a set's absolute path or shipped id (CriteriaResolver.locate)

    def context(self, item: Item | None) -> Context:
        """What a rule may know about ``item`` beyond its inputs."""
        return context_for(self.evidence, item)


def context_for(ev: Evidence, item: Item | None) -> Context:
    """The year of ``ev`` and the dates of ``item``'s documents, in file order."""
    if item is None or not item.documents:
        return Context(ev.year)
    return Context(ev.year, tuple([d.date for d in item.documents if d.date is not None]))
