"""What a comparison of communes is made of: the comparison itself (what ``parscore compare
--format json`` writes), the summary it keeps of each scored commune (also what the result cache
stores), and the outline of names it takes from the criteria set.

Every number is an exact decimal; :mod:`parscore.compare` builds these, reporters only read them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from parscore.model.common import RESULT_CONFIG, JsonNumber, Text
from parscore.model.evidence import Unit
from parscore.model.result import CriteriaRef, Notice, Reason, Totals
from parscore.model.years import GroupChange, PreviousFigures, PreviousRef, Vanished

GroupBy = Literal["district", "province", "none"]
NoWeakest = Literal["at-or-above-median", "nothing-comparable"]
COMPARISON_FORMAT: Literal["parscore-comparison/5"] = "parscore-comparison/5"
#: which scores a comparison ranks: the self-assessments, or the final appraisals
RankStage = Literal["self", "final"]


class UnitRef(BaseModel):
    model_config = RESULT_CONFIG

    name: str
    code: str | None = None
    kind: str
    source: str = Field(description="the evidence file")
    year: int = Field(description="the year assessed (one year in a comparison)")
    group: str | None = Field(
        default=None,
        description="the district or province it is grouped under, as the comparison groups "
        "(None when not grouped, or when the file names none)",
    )
    district: str | None = Field(
        default=None,
        description="the district (before the 2025 reform) or former district the file names, "
        "whatever the grouping; None when it names none",
    )
    province: str | None = Field(
        default=None,
        description="the province the file names (the appraisal annex's issuing body)",
    )


class RankRow(BaseModel):
    model_config = RESULT_CONFIG

    rank: int = Field(description="ties share a rank: 1, 2, 2, 4")
    of: int = Field(description="communes in the group: the N of 'x/N'")
    unit: UnitRef
    index: JsonNumber = Field(description="total / applicable_max × 100, two decimals")
    band: Text | None = Field(description="the band, after the set's band conditions")
    index_band: Text | None = Field(
        default=None, description="the band the index alone gives, when conditions lowered it"
    )
    band_limits: list[Reason] = Field(
        default_factory=list, description="the set's band conditions that lowered the band"
    )
    total: JsonNumber
    uncapped_total: JsonNumber | None = Field(
        default=None,
        description="the total before the set's cap (cap_total), when it went above the "
        "applicable maximum: total and index are then capped",
    )
    appraisal: JsonNumber = Field(
        description="the points of the sub-criteria the council appraises (all but the "
        "survey's), before bonus and penalty, at the stage ranked: not the appraised points "
        "(see 'appraised')"
    )
    survey: JsonNumber
    bonus: JsonNumber
    penalty: JsonNumber
    max: JsonNumber = Field(description="the set's total: the nominal maximum")
    applicable_max: JsonNumber = Field(
        description="max less the not-applicable sub-criteria: what the index divides by"
    )
    previous: PreviousFigures | None = Field(
        default=None, description="with --previous: last year's figures and the change"
    )
    self_total: JsonNumber | None = Field(
        default=None,
        description="ranked on the final appraisal: the commune's self-assessed total (its "
        "claimed points, the computed ones where it claimed none)",
    )

    self_points: JsonNumber | None = Field(
        default=None,
        description="ranked on the final appraisal: the self-assessed points (điểm tự đánh "
        "giá), self_total less the survey: bonus and penalty included, the survey left out",
    )
    appraised: JsonNumber | None = Field(
        default=None,
        description="ranked on the final appraisal: the appraised points (điểm thẩm định), "
        "total less the survey: bonus and penalty included, the survey left out, so that "
        "total = appraised + survey",
    )

    @property
    def gap(self) -> Decimal | None:
        """Self-assessed total − appraised total, when ranked on the appraisal (the same as
        self_points − appraised: the survey is the same at every stage)."""
        return self.self_total - self.total if self.self_total is not None else None

    @property
    def reduced_max(self) -> Decimal | None:
        """The applicable maximum when it differs from the nominal one (the index is then not
        the total): what reports show beside the total; None when they are equal."""
        return self.applicable_max if self.applicable_max != self.max else None


class BandCount(BaseModel):
    model_config = RESULT_CONFIG

    band: Text
    count: int


class FieldStat(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    mean: JsonNumber | None = Field(
        description="mean percentage achieved, from the exact shares, rounded once to two "
        "decimals; None when the field applies to no unit"
    )
    median: JsonNumber | None = Field(description="the same, the median")


class MatrixRow(BaseModel):
    model_config = RESULT_CONFIG

    unit: UnitRef
    percents: dict[str, JsonNumber | None] = Field(description="field id -> percentage achieved")
    weakest_field: str | None = Field(
        description="the field furthest below the group median (the first in the set's order "
        "on a tie); None when no field is below it (see no_weakest)"
    )
    weakest_gap: JsonNumber | None = Field(
        description="its exact percentage − the exact group median, rounded once (negative)"
    )
    no_weakest: NoWeakest | None = Field(
        default=None,
        description="why there is no weakest field: 'at-or-above-median' (at or above the "
        "group median in every field), 'nothing-comparable' (no field with both a percentage "
        "and a median); None when there is one",
    )
    short: list[str] = Field(
        default_factory=list,
        description="the sub-criteria that apply to the unit and on which it fell short of "
        "full points, in the set's order: who missed points, exactly",
    )


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
    ranking: list[RankRow] = Field(description="the assessed units of the group, ranked")
    bands: list[BandCount]
    mean_index: JsonNumber = Field(
        description="mean of the exact indexes (total / applicable maximum), rounded once"
    )
    median_index: JsonNumber = Field(description="median of the exact indexes, rounded once")
    fields: list[FieldStat]
    matrix: list[MatrixRow]
    items: list[ItemStat]
    change: GroupChange | None = Field(
        default=None, description="with --previous: the group against last year"
    )


class Excluded(BaseModel):
    """A file left out of the comparison, with why."""

    model_config = RESULT_CONFIG

    file: str
    problems: list[Notice]


class Comparison(BaseModel):
    model_config = RESULT_CONFIG

    format: Literal["parscore-comparison/5"] = COMPARISON_FORMAT
    criteria: CriteriaRef
    year: int = Field(description="the year assessed: files of different years are refused")
    group_by: GroupBy
    fields: list[FieldStat] = Field(
        description="the fields in the set's order, with the mean and median share of every "
        "ranked unit of every group together (from the exact shares, rounded once)"
    )
    groups: list[Group]
    not_assessed: list[UnitRef] = Field(
        default_factory=list,
        description="units whose file holds no evidence at all (an unfilled template): "
        "listed, left out of ranks, bands, means and medians",
    )
    ungrouped: list[UnitRef] = Field(
        default_factory=list,
        description="assessed units whose file names no district (or province) to group by: "
        "listed, not ranked",
    )
    excluded: list[Excluded] = Field(default_factory=list)
    previous: PreviousRef | None = Field(
        default=None, description="with --previous: the year compared against"
    )
    vanished: list[Vanished] = Field(
        default_factory=list,
        description="with --previous: last year's units that no unit of this year continues",
    )
    stage: RankStage = Field(
        default="self",
        description="'final': ranked on each commune's final appraisal (found among the files "
        "compared); 'self': on the self-assessments",
    )
    not_appraised: list[UnitRef] = Field(
        default_factory=list,
        description="ranked on the appraisal: units with no appraisal file, or whose final "
        "appraisal is not finished (items undecided or awaiting an explanation): listed, not "
        "ranked",
    )
    computed_self: bool = Field(
        default=False,
        description="ranked on the self-assessments while appraisal files were among the "
        "files: the reports say that the ranking is on the points computed from each "
        "commune's evidence, not on the points it claimed (which the appraised ranking shows "
        "as self-assessed)",
    )
    mean_gap: JsonNumber | None = Field(
        default=None,
        description="ranked on the appraisal: mean self-assessed total − mean appraised total "
        "of the ranked units, from the exact totals, rounded once",
    )

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
    field_points: dict[str, JsonNumber] = Field(description="field id -> points earned, exact")
    field_applicable_max: dict[str, JsonNumber] = Field(
        description="field id -> applicable maximum, exact"
    )
    assessed: bool = Field(
        description="the file holds some evidence: a sub-criterion (survey included) with an "
        "input, a document, an explanation, a 'nothing occurred' or a claimed score, or a "
        "bonus or penalty line; False for an unfilled template",
    )
    full: list[str] = Field(description="sub-criteria with full points")
    not_applicable: list[str] = Field(description="sub-criteria not applicable")
    self_total: JsonNumber | None = Field(
        default=None, description="an appraised summary: the commune's self-assessed total"
    )


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
