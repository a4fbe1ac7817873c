"""The appraisal council's file (hồ sơ thẩm định) and the commune's answer to its requests for
explanation (giải trình): the two files of the province's year after the self-assessment.

The commune's evidence file is never changed: the council records its decisions in its own file,
per sub-criterion and per bonus or penalty line, round by round; the commune answers in a file
of its own. :mod:`parscore.appraisal` checks them against the evidence and scores each stage.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator

from parscore.model.common import (
    INPUT_CONFIG,
    Code,
    Date,
    NodeId,
    NonEmptyStr,
    OptionalText,
    Points,
)
from parscore.model.evidence import MAX_DOCUMENTS, MAX_LEDGER_ENTRIES, Document

#: A council's decision on one sub-criterion: agreed (the points the rule gives the commune's
#: evidence), points granted (with the reason), corrected inputs (the rule scores them), or an
#: explanation requested (with what is asked). None: not decided yet.
ItemVerdict = Literal["agreed", "points", "inputs", "explain"]
LedgerVerdict = Literal["accepted", "refused"]
MAX_APPRAISERS = 50


class ItemDecision(BaseModel):
    """The council's decision on one sub-criterion in one round."""

    model_config = INPUT_CONFIG

    decision: ItemVerdict | None = Field(
        default=None,
        description="agreed | points | inputs | explain; empty: not decided yet (visibly "
        "undecided, never counted as agreed)",
    )
    points: Points | None = Field(default=None, description="decision points: the points given")
    inputs: dict[str, Any] | None = Field(
        default=None,
        description="decision inputs: the inputs the council found (the others stay the "
        "commune's); the item's rule scores them",
    )
    reason: OptionalText = Field(default=None, description="why (required for points, inputs)")
    ask: OptionalText = Field(default=None, description="decision explain: what is asked")
    note: OptionalText = None


class LedgerDecision(BaseModel):
    """The council's decision on one bonus or penalty line of the evidence, in its order."""

    model_config = INPUT_CONFIG

    decision: LedgerVerdict | None = Field(default=None, description="accepted | refused")
    reason: OptionalText = Field(default=None, description="why (required when refused)")
    note: OptionalText = None


class Round(BaseModel):
    """One round of appraisal: who, when, and the decisions."""

    model_config = INPUT_CONFIG

    date: Date | None = None
    appraisers: list[NonEmptyStr] = Field(default_factory=list, max_length=MAX_APPRAISERS)
    explanation_due: Date | None = Field(
        default=None, description="round 1: the last day for the commune's explanation"
    )
    items: dict[NodeId, ItemDecision] = Field(default_factory=dict)
    bonus: list[LedgerDecision] = Field(default_factory=list, max_length=MAX_LEDGER_ENTRIES)
    penalty: list[LedgerDecision] = Field(default_factory=list, max_length=MAX_LEDGER_ENTRIES)
    conclusion: OptionalText = None

    @field_validator("items", mode="before")
    @classmethod
    def _empty_items(cls, value: Any) -> Any:
        """``"1.1.1":`` with nothing under it is an item not decided yet."""
        if isinstance(value, dict):
            return {key: {} if item is None else item for key, item in value.items()}
        return value

    @field_validator("bonus", "penalty", mode="before")
    @classmethod
    def _empty_lines(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [{} if line is None else line for line in value]
        return value


class UnitName(BaseModel):
    """The unit a file is about: checked against the evidence's."""

    model_config = INPUT_CONFIG

    name: NonEmptyStr
    code: Code | None = None


class Appraisal(BaseModel):
    """The appraisal council's file for one commune and one year."""

    model_config = INPUT_CONFIG

    council: NonEmptyStr = Field(description="the appraisal council (hội đồng thẩm định)")
    issuer: OptionalText = Field(
        default=None,
        description="the body the council's documents are issued under, as their header "
        "writes it ('Ủy ban nhân dân huyện Quế Sơn'); by default the district's People's "
        "Committee when the council names the commune's district or sat before 1/7/2025, "
        "else the province's",
    )
    unit: UnitName
    year: int = Field(ge=2000, le=2100)
    criteria: NonEmptyStr = Field(description="the criteria set's id: the evidence's")
    evidence: OptionalText = Field(
        default=None, description="the commune's evidence file, relative to this file"
    )
    round1: Round
    round2: Round | None = None


class Answer(BaseModel):
    """The commune's answer to one request for explanation."""

    model_config = INPUT_CONFIG

    text: NonEmptyStr = Field(description="the explanation")
    claimed: Points | None = Field(default=None, description="the points the commune asks for")
    documents: list[Document] = Field(default_factory=list, max_length=MAX_DOCUMENTS)
    date: Date | None = Field(default=None, description="when sent, if not the file's date")


class Explanation(BaseModel):
    """The commune's answers to the council's requests (giải trình), in a file of its own."""

    model_config = INPUT_CONFIG

    unit: UnitName
    year: int = Field(ge=2000, le=2100)
    criteria: NonEmptyStr
    by: OptionalText = Field(default=None, description="who answers")
    date: Date = Field(description="when the answers were sent")
    answers: dict[NodeId, Answer] = Field(default_factory=dict)
