"""Comparing communes: pure, from scored results to rankings, bands and field matrices.

What a Department of Home Affairs publishes after appraisal: per comparison group (the district
until mid-2025, the province since, or everyone), the ranking by index with ties sharing a rank
(1, 2, 2, 4) shown as "x/N", the band counts, the mean and median index, each field's mean and
median, a commune × field matrix with each commune's weakest field against the group median, and
for each sub-criterion which communes got full points ("ask them how").

Everything here is exact (Decimal); shown numbers are rounded where they are shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from pydantic import BaseModel, Field

from parscore.decimals import quantize_fraction
from parscore.model.common import RESULT_CONFIG, Text
from parscore.model.result import CriteriaRef, Notice, Outcome, UnitResult
from parscore.vnsort import sort_key

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
    index: Decimal
    band: Text | None
    total: Decimal
    appraisal: Decimal
    survey: Decimal
    bonus: Decimal
    penalty: Decimal


class BandCount(BaseModel):
    model_config = RESULT_CONFIG

    band: Text
    count: int


class FieldStat(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    mean: Decimal | None = Field(description="mean percentage achieved, two decimals")
    median: Decimal | None


class MatrixRow(BaseModel):
    model_config = RESULT_CONFIG

    unit: UnitRef
    percents: dict[str, Decimal | None] = Field(description="field id -> percentage achieved")
    weakest_field: str | None = Field(description="the field furthest below the group median")
    weakest_gap: Decimal | None = Field(description="its percentage − the group median")


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
    mean_index: Decimal
    median_index: Decimal
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


def _two(value: Fraction) -> Decimal:
    return quantize_fraction(value)


def mean(values: Sequence[Decimal]) -> Decimal | None:
    if not values:
        return None
    return _two(sum((Fraction(v) for v in values), Fraction(0)) / len(values))


def median(values: Sequence[Decimal]) -> Decimal | None:
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return _two(Fraction(ordered[middle]))
    return _two((Fraction(ordered[middle - 1]) + Fraction(ordered[middle])) / 2)


def _known(value: Decimal | None) -> Decimal:
    assert value is not None, "a group is never empty"
    return value


def default_group_by(results: Sequence[UnitResult]) -> GroupBy:
    """What the files hold: districts when every commune names one (years up to 2024),
    provinces when every commune names one (since the 2025 reform), else no grouping."""
    if results and all(r.unit.parent("district") for r in results):
        return "district"
    if results and all(r.unit.parent("province") for r in results):
        return "province"
    return "none"


def _unit(result: UnitResult) -> UnitRef:
    return UnitRef(
        name=result.unit.name, code=result.unit.code, kind=result.unit.kind, source=result.source
    )


def _group_name(result: UnitResult, group_by: GroupBy) -> str | None:
    if group_by == "none":
        return None
    parent = result.unit.parent(group_by)
    return parent.name if parent is not None else None


def ranking_order(results: Sequence[UnitResult]) -> list[UnitResult]:
    """By index, highest first; within a tie, names in Vietnamese alphabetical order."""
    return sorted(results, key=lambda r: (-r.totals.index, sort_key(r.unit.name), r.source))


def rank(results: Sequence[UnitResult]) -> list[RankRow]:
    """By index, highest first; equal indexes share a rank and the next rank skips (1, 2, 2, 4).
    Within a tie, names in Vietnamese alphabetical order."""
    ordered = ranking_order(results)
    rows: list[RankRow] = []
    for position, result in enumerate(ordered, start=1):
        tied = rows and rows[-1].index == result.totals.index
        t = result.totals
        rows.append(
            RankRow(
                rank=rows[-1].rank if tied else position,
                of=len(ordered),
                unit=_unit(result),
                index=t.index,
                band=t.band,
                total=t.total,
                appraisal=t.appraisal,
                survey=t.survey,
                bonus=t.bonus,
                penalty=t.penalty,
            )
        )
    return rows


def _group(
    name: str | None, results: Sequence[UnitResult], fields: list[FieldStat], band_names: list[Text]
) -> Group:
    results = ranking_order(results)  # every table of the group follows the ranking
    ranking = rank(results)
    counts = {band.vi: 0 for band in band_names}
    for r in results:
        if r.totals.band is not None:
            counts[r.totals.band.vi] = counts.get(r.totals.band.vi, 0) + 1
    field_stats = []
    medians: dict[str, Decimal | None] = {}
    for field in fields:
        values = [
            f.percent
            for r in results
            for f in r.fields
            if f.id == field.id and f.percent is not None
        ]
        medians[field.id] = median(values)
        field_stats.append(
            FieldStat(id=field.id, name=field.name, mean=mean(values), median=medians[field.id])
        )
    matrix = []
    for r in results:
        percents = {f.id: f.percent for f in r.fields}
        gaps = []
        for index, (fid, percent) in enumerate(percents.items()):
            middle = medians.get(fid)
            if percent is not None and middle is not None:
                gaps.append((percent - middle, index, fid))  # ties: the first field
        worst = min(gaps) if gaps else None
        matrix.append(
            MatrixRow(
                unit=_unit(r),
                percents=percents,
                weakest_field=worst[2] if worst else None,
                weakest_gap=worst[0] if worst else None,
            )
        )
    # per sub-criterion, who got full points; results on one set share their tree, but a
    # node a result lacks is simply not counted
    leaves = [{node.id: node for node in r.leaves()} for r in results]
    items = []
    for field_result in results[0].fields if results else []:
        for node in field_result.walk():
            if node.rule is None:
                continue
            full: list[str] = []
            applicable = 0
            for r, by_id in zip(results, leaves, strict=True):
                same = by_id.get(node.id)
                if same is None or same.outcome is Outcome.NOT_APPLICABLE:
                    continue
                applicable += 1
                if same.points >= same.max:
                    full.append(r.unit.name)
            items.append(
                ItemStat(
                    id=node.id,
                    name=node.name,
                    field=field_result.id,
                    full=full,
                    applicable=applicable,
                )
            )
    indexes = [r.totals.index for r in results]
    return Group(
        name=name,
        ranking=ranking,
        bands=[BandCount(band=band, count=counts.get(band.vi, 0)) for band in band_names],
        mean_index=_known(mean(indexes)),
        median_index=_known(median(indexes)),
        fields=field_stats,
        matrix=matrix,
        items=items,
    )


def compare(
    results: Sequence[UnitResult],
    band_names: list[Text],
    *,
    group_by: GroupBy | None = None,
    excluded: Sequence[Excluded] = (),
) -> Comparison:
    """Rank and compare communes already scored on one criteria set.

    ``band_names``: the set's bands, best first, so that every band is counted (zeros too).
    ``group_by`` None: what the files hold (see :func:`default_group_by`).
    """
    if not results:
        raise ValueError("nothing to compare")
    criteria = results[0].criteria
    if any(r.criteria != criteria for r in results):
        raise ValueError("results from different criteria sets")  # the CLI refuses earlier
    chosen: GroupBy = group_by or default_group_by(results)
    fields = [FieldStat(id=f.id, name=f.name, mean=None, median=None) for f in results[0].fields]
    grouped: dict[str | None, list[UnitResult]] = {}
    for result in results:
        grouped.setdefault(_group_name(result, chosen), []).append(result)
    names = sorted(grouped, key=lambda n: (n is None, sort_key(n or "")))
    groups = [_group(name, grouped[name], fields, band_names) for name in names]
    return Comparison(
        criteria=criteria,
        group_by=chosen,
        fields=fields,
        groups=groups,
        excluded=sorted(excluded, key=lambda e: e.file),
    )
