"""Year over year: the files that say how one year maps onto another (a crosswalk between two
versions of a criteria set, a lineage of merged communes) and what a comparison with an earlier
year is made of (a unit against its past, a group against its past).

Input models are strict (unknown keys refused); results are exact decimals, written in JSON by
:func:`~parscore.model.common.number_text`. :mod:`parscore.years` builds the results.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, Field, PositiveInt, field_validator

from parscore.model.common import (
    INPUT_CONFIG,
    RESULT_CONFIG,
    Code,
    Date,
    JsonNumber,
    NodeId,
    NonEmptyStr,
    Points,
    SetId,
    Text,
)
from parscore.model.evidence import Unit
from parscore.model.result import CriteriaRef

CHANGE_FORMAT: Literal["parscore-change/1"] = "parscore-change/1"


def _as_list(value: Any) -> Any:
    """One id, or a list of ids: ``"3.4"`` is ``["3.4"]``; ``[]`` is none."""
    if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
        return [value]
    return value


# --- a crosswalk between two versions of a criteria set ------------------------------------------


class CrosswalkSets(BaseModel):
    model_config = INPUT_CONFIG

    old: SetId = Field(description="the id of the earlier set")
    new: SetId = Field(description="the id of the later set")


class CrosswalkEntry(BaseModel):
    """Which sub-criteria of the old set became which of the new: one to one (the same item,
    perhaps renumbered or re-weighted), one to several (split), several to one (merged), one
    to none (dropped), none to one (new)."""

    model_config = INPUT_CONFIG

    old: list[NodeId] = Field(description="the old set's sub-criteria ([] for a new item)")
    new: list[NodeId] = Field(description="the new set's sub-criteria ([] for a dropped item)")
    note: NonEmptyStr | None = None

    @field_validator("old", "new", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return _as_list(value)


class Crosswalk(BaseModel):
    """A crosswalk file: every scored sub-criterion of both sets, each in one entry."""

    model_config = INPUT_CONFIG

    crosswalk: CrosswalkSets
    items: list[CrosswalkEntry] = Field(min_length=1)
    notes: NonEmptyStr | None = None


# --- a lineage of merged communes (the 2025 arrangement) -----------------------------------------


class Predecessor(BaseModel):
    model_config = INPUT_CONFIG

    code: Code | None = None
    name: NonEmptyStr
    district: NonEmptyStr | None = Field(default=None, description="its district before 1/7/2025")
    weight: Points | None = Field(
        default=None, description="e.g. its population: the previous figures are then weighted"
    )


class Successor(BaseModel):
    model_config = INPUT_CONFIG

    code: Code | None = None
    name: NonEmptyStr
    kind: Literal["xã", "phường", "đặc khu"]
    formed_from: list[Predecessor] = Field(min_length=1)


class Lineage(BaseModel):
    """A lineage file: the new units and the old units each was formed from."""

    model_config = INPUT_CONFIG

    lineage: Text = Field(description="what the file is (e.g. the province's arrangement)")
    date: Date = Field(description="the day the new units began (1/7/2025)")
    basis: NonEmptyStr = Field(description="the legal basis: the resolution's number and date")
    province: NonEmptyStr | None = None
    units: list[Successor] = Field(min_length=1)


# --- a unit against its past (evaluate --previous) -----------------------------------------------

ItemStatus = Literal[
    "same", "reweighted", "renamed", "split", "merged", "regrouped", "new", "dropped"
]


class ItemChange(BaseModel):
    """One sub-criterion (or a group of them, through the crosswalk) then and now."""

    model_config = RESULT_CONFIG

    old: list[str]
    new: list[str]
    name: Text = Field(description="the current name (the old one for a dropped item)")
    status: ItemStatus
    then: JsonNumber | None = Field(description="points earned then (None for a new item)")
    then_max: JsonNumber | None
    now: JsonNumber | None = Field(description="points earned now (None for a dropped item)")
    now_max: JsonNumber | None
    change: JsonNumber | None = Field(description="now − then; None when either is missing")
    weighted_change: JsonNumber | None = Field(
        default=None,
        description="now − then × now_max / then_max (then at today's weight, rounded once): "
        "the change itself where the maximum changed (re-weighted, split); what 'moved most' "
        "and the plan go by",
    )


class FieldChange(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    then: JsonNumber | None
    then_max: JsonNumber | None
    now: JsonNumber | None
    now_max: JsonNumber | None
    then_percent: JsonNumber | None
    now_percent: JsonNumber | None
    change: JsonNumber | None = Field(description="change in percentage points of the field")


class YearChange(BaseModel):
    """The unit now against one earlier year."""

    model_config = RESULT_CONFIG

    year: int
    source: str
    criteria: CriteriaRef
    items_compared: Literal["same-set", "same-structure", "crosswalk", "not-compared"]
    crosswalk: str | None = Field(default=None, description="the crosswalk file used")
    index: JsonNumber
    band: Text | None
    index_change: JsonNumber = Field(description="index now − index then (both as published)")
    total: JsonNumber
    fields: list[FieldChange]
    items: list[ItemChange]
    rose: list[str] = Field(description="the items that rose most, by their current ids")
    fell: list[str] = Field(description="the items that fell most, by their current ids")


class UnitHistory(BaseModel):
    """What ``parscore evaluate FILE --previous OLD...`` computes."""

    model_config = RESULT_CONFIG

    format: Literal["parscore-change/1"] = CHANGE_FORMAT
    unit: Unit
    year: int
    source: str
    criteria: CriteriaRef
    index: JsonNumber
    band: Text | None
    total: JsonNumber
    previous: list[YearChange] = Field(description="latest year first")


# --- a group against its past (compare --previous) ------------------------------------------------

RankNote = Literal["other-group", "derived", "not-ranked"]


class PreviousFigures(BaseModel):
    """A ranked unit's figures of the previous year, and the change."""

    model_config = RESULT_CONFIG

    index: JsonNumber = Field(description="the previous index (derived when merged)")
    band: Text | None = None
    rank: PositiveInt | None = None
    of: PositiveInt | None = None
    group: str | None = Field(default=None, description="the group it was ranked in")
    derived: bool = Field(
        default=False, description="derived from the unit's predecessors, not its own figures"
    )
    rule: Literal["own", "mean", "weighted"] = "own"
    predecessors: list[str] = Field(default_factory=list, description="names, when derived")
    index_change: JsonNumber = Field(description="index now − previous index")
    rank_change: int | None = Field(
        default=None,
        description="previous rank − rank now (positive: up); None when not meaningful",
    )
    rank_note: RankNote | None = Field(
        default=None, description="why there is no rank change: ranked in another group, derived"
    )
    band_move: Literal["up", "down", "same", "other"] | None = None


class Mover(BaseModel):
    model_config = RESULT_CONFIG

    name: str
    kind: str
    change: JsonNumber


class BandMove(BaseModel):
    model_config = RESULT_CONFIG

    name: str
    kind: str
    then: Text
    now: Text
    direction: Literal["up", "down", "other"]


class GroupChange(BaseModel):
    model_config = RESULT_CONFIG

    compared: int = Field(description="ranked units with previous figures")
    up: int
    down: int
    unchanged: int
    new: list[str] = Field(description="ranked units with no previous figures")
    mean_then: JsonNumber | None = Field(description="mean previous index of the units compared")
    mean_now: JsonNumber | None = Field(description="their mean index now")
    mean_change: JsonNumber | None = Field(description="mean of the changes, rounded once")
    best: Mover | None = Field(description="the largest rise (None when none rose)")
    worst: Mover | None = Field(description="the largest fall (None when none fell)")
    band_moves: list[BandMove]


class Vanished(BaseModel):
    """A unit of the previous year found in no current unit (nor as a predecessor)."""

    model_config = RESULT_CONFIG

    name: str
    code: str | None = None
    group: str | None = None
    index: JsonNumber


class PreviousRef(BaseModel):
    model_config = RESULT_CONFIG

    year: int
    criteria: CriteriaRef
    group_by: str
    source: str = Field(description="last year's files, or the comparison JSON read")
    lineage: str | None = Field(default=None, description="the lineage file used")
    lineage_basis: str | None = None
