"""A commune's scores at each stage of the province's year (what ``evaluate --appraisal``
adds to a result): claimed by the commune, computed from its evidence, appraised in round 1,
after its explanation, and final (round 2). Built by :mod:`parscore.appraisal`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from parscore.model.common import RESULT_CONFIG, JsonNumber, Text
from parscore.model.evidence import Document

Stage = Literal["claimed", "computed", "round1", "explanation", "final"]
STAGES: tuple[Stage, ...] = ("claimed", "computed", "round1", "explanation", "final")
#: a sub-criterion's state after a round: the council's decision, or not decided yet
#: ("undecided"), or an explanation asked and not answered by a decision yet ("awaiting")
Status = Literal["agreed", "points", "inputs", "explain", "undecided", "awaiting"]
LedgerStatus = Literal["accepted", "refused", "undecided"]


class StageTotals(BaseModel):
    model_config = RESULT_CONFIG

    stage: Stage
    appraisal: JsonNumber = Field(
        description="the points of the sub-criteria outside the survey, before bonus and "
        "penalty, at this stage (at the claimed stage too): not the appraised points, which are "
        "total − survey (docs/appraisal.md)"
    )
    survey: JsonNumber
    bonus: JsonNumber
    penalty: JsonNumber
    total: JsonNumber
    applicable_max: JsonNumber
    index: JsonNumber
    band: Text | None
    undecided: list[str] = Field(
        default_factory=list,
        description="sub-criteria not decided at this stage: scored at their computed points",
    )
    awaiting: list[str] = Field(
        default_factory=list,
        description="sub-criteria whose explanation is awaited: scored at the request's "
        "provisional points, else at their computed points",
    )
    unclaimed: list[str] = Field(
        default_factory=list,
        description="claimed stage: sub-criteria the commune claimed no points for, scored at "
        "their computed points",
    )
    late: list[str] = Field(
        default_factory=list,
        description="explanation stage: answers sent after the deadline, not counted",
    )
    undecided_lines: list[str] = Field(
        default_factory=list,
        description="bonus and penalty lines not decided at this stage ('bonus.1', "
        "'penalty.2': section and place in the evidence), counted as the commune wrote them",
    )

    @property
    def points(self) -> Decimal:
        """Total less the survey (bonus and penalty included): the self-assessed points at the
        claimed (or computed) stage, the appraised points at the council's stages; total =
        points + survey, as published tables write it."""
        return self.total - self.survey

    @property
    def open_count(self) -> int:
        """How many decisions this stage still lacks: sub-criteria and bonus/penalty lines."""
        return len(self.undecided) + len(self.awaiting) + len(self.undecided_lines)

    @property
    def complete(self) -> bool:
        return self.open_count == 0


class InputChange(BaseModel):
    """One input the council corrected: the rule's label for it, the council's value and the
    commune's (None when the commune gave none)."""

    model_config = RESULT_CONFIG

    name: str
    label: Text
    value: str | int | bool | None
    commune: str | int | bool | None = None


class Decided(BaseModel):
    """What the council decided on one item in one round."""

    model_config = RESULT_CONFIG

    status: Status
    points: JsonNumber | None = None
    inputs: dict[str, str | int | bool | None] = Field(default_factory=dict)
    changes: list[InputChange] = Field(
        default_factory=list,
        description="'inputs': each input the council set, labelled, beside the commune's value",
    )
    reason: str | None = None
    ask: str | None = None


class AnswerView(BaseModel):
    model_config = RESULT_CONFIG

    text: str
    claimed: JsonNumber | None = None
    date: dt.date
    late: bool
    documents: list[Document] = Field(default_factory=list)


class ItemStages(BaseModel):
    """One sub-criterion at every stage (None: the stage does not exist for this commune)."""

    model_config = RESULT_CONFIG

    id: str
    name: Text
    field: str
    max: JsonNumber
    points: dict[Stage, JsonNumber | None]
    round1: Decided
    answer: AnswerView | None = None
    round2: Decided | None = None
    changed: bool = Field(description="the last stage's points differ from the computed ones")


class FieldStages(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    max: JsonNumber
    points: dict[Stage, JsonNumber | None]


class LedgerStages(BaseModel):
    model_config = RESULT_CONFIG

    section: Literal["bonus", "penalty"]
    number: int = Field(description="the line's place in the evidence, from 1")
    text: str
    points: JsonNumber
    round1: LedgerStatus
    round2: LedgerStatus | None = None
    reason: str | None = None


class RoundInfo(BaseModel):
    model_config = RESULT_CONFIG

    date: dt.date | None = None
    appraisers: list[str] = Field(default_factory=list)
    explanation_due: dt.date | None = None
    conclusion: str | None = None


class AppraisalStages(BaseModel):
    """The appraisal of one commune, stage by stage. The published score is the final stage's
    (round 2, or round 1 when it asked for no explanation), once it is complete."""

    model_config = RESULT_CONFIG

    council: str
    issuer: str | None = Field(
        default=None, description="the body the documents are issued under, when the file says"
    )
    file: str = Field(description="the council's appraisal file")
    explanation_file: str | None = None
    explanation_by: str | None = None
    explanation_date: dt.date | None = None
    round1: RoundInfo
    round2: RoundInfo | None = None
    stages: list[StageTotals] = Field(description="the stages that exist, in order")
    fields: list[FieldStages]
    items: list[ItemStages]
    ledger: list[LedgerStages] = Field(default_factory=list)

    def stage(self, name: Stage) -> StageTotals | None:
        return next((s for s in self.stages if s.stage == name), None)

    @property
    def published(self) -> StageTotals | None:
        """The final stage when it exists and nothing in it is undecided or awaited."""
        final = self.stage("final")
        return final if final is not None and final.complete else None
