"""What a comparison of communes is made of: the comparison itself (what ``parscore compare
--format json`` writes), the summary it keeps of each scored commune (also what the result cache
stores), and the outline of names it takes from the criteria set.

Every number is an exact decimal; :mod:`parscore.compare` builds these, reporters only read them.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from parscore.model.common import RESULT_CONFIG, JsonNumber, Text
from parscore.model.evidence import Unit
from parscore.model.result import CriteriaRef, Notice, Totals

GroupBy = Literal["district", "province", "none"]
COMPARISON_FORMAT: Literal["parscore-comparison/1"] = "parscore-comparison/1"


class UnitRef(BaseModel):
    model_config = RESULT_CONFIG

    name: str
    code: str | None = None
    kind: str
    source: str = Field(description="the evidence file")


class RankRow(BaseModel):
    model_config = RESULT_CONFIG

    rank: int = Field(description="ties share a rank: 1, 2, 2, 4")
    of: int = Field(description="communes in the group: the N of 'x/N'")
    unit: UnitRef
    index: JsonNumber
    band: Text | None
    total: JsonNumber
    appraisal: JsonNumber
    survey: JsonNumber
    bonus: JsonNumber
    penalty: JsonNumber


class BandCount(BaseModel):
    model_config = RESULT_CONFIG

    band: Text
    count: int


class FieldStat(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    mean: JsonNumber | None = Field(description="mean percentage achieved, two decimals")
    median: JsonNumber | None


class MatrixRow(BaseModel):
    model_config = RESULT_CONFIG

    unit: UnitRef
    percents: dict[str, JsonNumber | None] = Field(description="field id -> percentage achieved")
    weakest_field: str | None = Field(description="the field furthest below the group median")
    weakest_gap: JsonNumber | None = Field(description="its percentage − the group median")


class ItemStat(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    field: str
    full: list[str] = Field(description="communes with full points (ask them how)")
    applicable: int = Field(description="communes for which it applies")


class Group(BaseModel):
    model_config = RESULT_CONFIG

    name: str | None = Field(description="the district or province; None when not grouped")
    ranking: list[RankRow]
    bands: list[BandCount]
    mean_index: JsonNumber
    median_index: JsonNumber
    fields: list[FieldStat]
    matrix: list[MatrixRow]
    items: list[ItemStat]


class Excluded(BaseModel):
    """A file left out of the comparison, with why."""

    model_config = RESULT_CONFIG

    file: str
    problems: list[Notice]


class Comparison(BaseModel):
    model_config = RESULT_CONFIG

    format: Literal["parscore-comparison/1"] = COMPARISON_FORMAT
    criteria: CriteriaRef
    group_by: GroupBy
    fields: list[FieldStat] = Field(description="the field ids and names, in the set's order")
    groups: list[Group]
    excluded: list[Excluded] = Field(default_factory=list)

    @property
    def compared(self) -> int:
        return sum(len(group.ranking) for group in self.groups)


class UnitSummary(BaseModel):
    """What a comparison keeps of a scored commune: a few kilobytes, where the full result
    holds every reason and document (hundreds). This is also what the result cache stores."""

    model_config = RESULT_CONFIG

    source: str
    unit: Unit
    year: int
    criteria: CriteriaRef
    totals: Totals
    percents: dict[str, JsonNumber | None] = Field(description="field id -> percentage achieved")
    full: list[str] = Field(description="sub-criteria with full points")
    not_applicable: list[str] = Field(description="sub-criteria not applicable")


class OutlineItem(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    field: str


class OutlineBand(BaseModel):
    model_config = RESULT_CONFIG

    id: str = Field(description="the band's id (ClassBand.band_id): what counts are keyed by")
    name: Text


class Outline(BaseModel):
    """The names a comparison shows, from the criteria set: fields, sub-criteria, bands."""

    model_config = RESULT_CONFIG

    fields: list[FieldStat]
    items: list[OutlineItem]
    bands: list[OutlineBand] = Field(description="best first, so that every band is counted")
