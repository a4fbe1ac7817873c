"""The improvement plan (kế hoạch cải thiện) that ``parscore plan`` writes; see
:mod:`parscore.plan` for how it is drawn up."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from parscore.model.common import RESULT_CONFIG, JsonNumber, Text
from parscore.model.evidence import Unit
from parscore.model.result import CriteriaRef, FieldScore, Reason
from parscore.model.years import ItemChange

Cost = Literal["document", "explanation", "evidence", "action"]


class Step(BaseModel):
    """One thing to do, and what it is worth."""

    model_config = RESULT_CONFIG

    id: str = Field(description="the sub-criterion")
    name: Text
    field: str
    cost: Cost
    action: Text
    points_now: JsonNumber
    points_after: JsonNumber
    gain: JsonNumber
    lead: str | None = None
    support: list[str] = Field(default_factory=list)
    timing: str | None = None
    advice: Text | None = None


class ItemGain(BaseModel):
    """A sub-criterion that can still gain points, and how many all told: the figure
    ``evaluate --missing`` shows as at stake for it."""

    model_config = RESULT_CONFIG

    id: str
    name: Text
    field: str
    points: JsonNumber = Field(description="its points now")
    applicable_max: JsonNumber
    gain: JsonNumber = Field(
        description="what it can still gain: its document or explanation, then its best step, "
        "and a penalty its rule booked when lifted"
    )
    lead: str | None = None


class SurveyGap(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    points: JsonNumber
    max: JsonNumber


class TargetPlan(BaseModel):
    model_config = RESULT_CONFIG

    target: JsonNumber
    reachable: bool
    index_after: JsonNumber = Field(description="the index with the chosen steps (or all of them)")
    shortfall: JsonNumber | None = Field(description="how far the best reachable index falls short")
    best_possible: JsonNumber | None = Field(
        default=None,
        description="when out of reach: the index with every sub-criterion improved and the "
        "survey at its maximum (bonus points left out)",
    )
    chosen: list[str] = Field(description="sub-criteria to improve, biggest gains first")


class Plan(BaseModel):
    model_config = RESULT_CONFIG

    source: str
    unit: Unit
    year: int = Field(description="the year the plan is for (the assessed year + 1)")
    assessed_year: int
    criteria: CriteriaRef
    index: JsonNumber
    band: Text | None
    index_band: Text | None = Field(
        default=None, description="the band the index alone gives, when conditions lowered it"
    )
    band_limits: list[Reason] = Field(
        default_factory=list, description="the set's band conditions that lowered the band"
    )
    fields: list[FieldScore]
    steps: list[Step] = Field(description="what to do first: cheapest, then biggest gains")
    items: list[ItemGain] = Field(
        default_factory=list,
        description="each sub-criterion that can still gain points, in the criteria set's order",
    )
    survey: list[SurveyGap]
    target: TargetPlan | None = None
    since_year: int | None = Field(
        default=None, description="with --previous: the earlier year the items are compared with"
    )
    fell: list[ItemChange] = Field(
        default_factory=list,
        description="with --previous: the sub-criteria that lost points since then, most first",
    )
