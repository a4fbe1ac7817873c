"""What ``parscore review`` finds: where an appraiser looks first, ranked by points at stake.

Decimal numbers follow the JSON convention of every parscore output (``JsonNumber``: strings,
fixed point, at least two decimals); the JSON parses back into :class:`Review`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from parscore.model.common import RESULT_CONFIG, JsonNumber
from parscore.model.result import Reason

REVIEW_FORMAT: Literal["parscore-review/1"] = "parscore-review/1"

#: The kinds of finding, in the order docs/review.md explains them.
FindingKind = Literal[
    "claim-above",
    "no-evidence",
    "number-form",
    "document-type",
    "date-after-assessment",
    "date-outside-window",
    "date-sunday",
    "date-holiday",
    "number-conflict",
    "figures-disagree",
    "jump-index",
    "jump-field",
]


class Finding(BaseModel):
    """One thing to check, with where it is and the points that depend on it."""

    model_config = RESULT_CONFIG

    kind: FindingKind
    file: str
    line: int
    column: int
    cell: str | None = Field(
        default=None, description="in a score-sheet workbook, the sheet and cell: Chấm điểm!F14"
    )
    unit: str = Field(description="the unit's name")
    item: str | None = Field(
        default=None,
        description="the sub-criterion, bonus or penalty; several, comma-separated, when one "
        "date or document is cited by several (3.2, 3.3)",
    )
    stake: JsonNumber = Field(description="the points that depend on it")
    reason: Reason


class Review(BaseModel):
    """The findings of one run over one or more evidence files, most points first."""

    model_config = RESULT_CONFIG

    format: Literal["parscore-review/1"] = REVIEW_FORMAT
    files: list[str] = Field(description="the files reviewed")
    previous: list[str] = Field(default_factory=list, description="last year's files given")
    jump_threshold: JsonNumber = Field(description="index points above which a rise is flagged")
    holiday_years: list[int] = Field(description="the years whose public holidays are known")
    findings: list[Finding]
    left_out: list[str] = Field(default_factory=list, description="files with problems")
