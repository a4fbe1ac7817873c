"""The evidence format: one commune, one year, its inputs and documents per sub-criterion."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from parscore.model.common import (
    INPUT_CONFIG,
    Code,
    Date,
    NodeId,
    NonEmptyStr,
    OptionalText,
    Points,
)
from parscore.model.setlevel import Facts

#: Lists no real evidence file comes near (the shipped examples: at most 4 documents on an
#: item, 3 bonus or penalty lines); past them a file is damaged or hostile, and is refused
#: with its line before its scoring costs anything.
MAX_DOCUMENTS = 100
MAX_LEDGER_ENTRIES = 100


class Document(BaseModel):
    """An evidence document (tài liệu kiểm chứng)."""

    model_config = INPUT_CONFIG

    number: OptionalText = Field(default=None, examples=["10/KH-UBND"])
    date: Date | None = None
    issuer: OptionalText = None
    title: OptionalText = None
    section: OptionalText = Field(default=None, description="page or section that proves it")


MAX_PLAN_TASKS = 500


class PlanTask(BaseModel):
    """A task of the commune's own year plan (kế hoạch CCHC năm), listed in the evidence of the
    plan's sub-criteria (1.1.2, 1.1.3) so that ``evaluate`` can tell which scored
    sub-criteria no task serves."""

    model_config = INPUT_CONFIG

    task: NonEmptyStr = Field(description="nội dung thực hiện, as the plan writes it")
    serves: list[NodeId] = Field(
        default_factory=list,
        max_length=MAX_DOCUMENTS,
        description="the sub-criteria it serves (a criterion or a field: all below it)",
    )
    lead: OptionalText = Field(default=None, description="chủ trì")
    support: list[NonEmptyStr] = Field(default_factory=list, description="phối hợp")
    due: OptionalText = Field(default=None, description="thời gian hoàn thành, as written")


class Item(BaseModel):
    """The evidence for one sub-criterion. Keys other than these are the rule's inputs."""

    model_config = ConfigDict(strict=True, extra="allow", frozen=True)

    documents: list[Document] = Field(default_factory=list, max_length=MAX_DOCUMENTS)
    explanation: OptionalText = Field(default=None, description="giải trình")
    claimed: Points | None = Field(default=None, description="the score the commune claims")
    nothing_occurred: OptionalText = Field(
        default=None,
        description="nothing to score occurred this year (không phát sinh), and why",
    )
    note: OptionalText = None
    plan_tasks: list[PlanTask] = Field(
        default_factory=list,
        max_length=MAX_PLAN_TASKS,
        description="the tasks of the commune's own year plan (under 1.1.2 or 1.1.3)",
    )

    @field_validator("documents", mode="before")
    @classmethod
    def _empty_is_none(cls, value: Any) -> Any:
        return [] if value is None else value  # "documents:" left empty, as templates leave it

    @property
    def inputs(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class Parent(BaseModel):
    model_config = INPUT_CONFIG

    level: Literal["district", "province"]
    name: NonEmptyStr
    code: Code | None = None


class Unit(BaseModel):
    model_config = INPUT_CONFIG

    name: NonEmptyStr
    code: Code | None = None
    kind: Literal["xã", "phường", "đặc khu", "thị trấn", "huyện", "thị xã", "thành phố"] = Field(
        description="a commune-level unit: xã, phường, đặc khu (from 2025), thị trấn (before "
        "2025); or a district-level unit (huyện, thị xã, thành phố) when districts are compared "
        "(before 2025)"
    )
    parents: list[Parent] = Field(
        default_factory=list,
        description="the units it belongs to: district (until mid-2025) and province",
    )

    def parent(self, level: str) -> Parent | None:
        return next((p for p in self.parents if p.level == level), None)


class Assessment(BaseModel):
    model_config = INPUT_CONFIG

    by: OptionalText = Field(default=None, description="who assessed")
    date: Date | None = None


class LedgerEntry(BaseModel):
    """A bonus or penalty line of an evidence file."""

    model_config = INPUT_CONFIG

    reason: NonEmptyStr
    kind: NonEmptyStr | None = Field(
        default=None, description="the kind of line, as the set lists it: initiative-province"
    )
    points: Points | None = Field(
        default=None, description="default: the kind's points_each, else the set's"
    )
    documents: list[Document] = Field(default_factory=list, max_length=MAX_DOCUMENTS)


class Evidence(BaseModel):
    """One commune's evidence for one year."""

    model_config = INPUT_CONFIG

    unit: Unit
    year: int = Field(ge=2000, le=2100)
    criteria: NonEmptyStr = Field(description="a shipped set's id, or a path to a criteria file")
    assessment: Assessment | None = None
    items: dict[NodeId, Item] = Field(default_factory=dict)
    survey: dict[NodeId, Item] = Field(default_factory=dict)
    bonus: list[LedgerEntry] = Field(default_factory=list, max_length=MAX_LEDGER_ENTRIES)
    penalty: list[LedgerEntry] = Field(default_factory=list, max_length=MAX_LEDGER_ENTRIES)
    notes: OptionalText = None
    facts: Facts | None = Field(
        default=None, description="facts about the unit's year that the set's bands read"
    )

    @field_validator("items", "survey", mode="before")
    @classmethod
    def _empty_items(cls, value: Any) -> Any:
        """``"1.1.1":`` with nothing under it is an item not filled yet: missing evidence."""
        if isinstance(value, dict):
            return {key: {} if item is None else item for key, item in value.items()}
        return value
