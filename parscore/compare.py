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
from parscore.model.common import RESULT_CONFIG, Text, comparable
from parscore.model.criteria import CriteriaSet
from parscore.model.evidence import Unit
from parscore.model.result import CriteriaRef, Notice, Outcome, Totals, UnitResult
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


class UnitSummary(BaseModel):
    """What a comparison keeps of a scored commune: a few kilobytes, where the full result
    holds every reason and document (hundreds). This is also what the result cache stores."""

    model_config = RESULT_CONFIG

    source: str
    unit: Unit
    year: int
    criteria: CriteriaRef
    totals: Totals
    percents: dict[str, Decimal | None] = Field(description="field id -> percentage achieved")
    full: list[str] = Field(description="sub-criteria with full points")
    not_applicable: list[str] = Field(description="sub-criteria not applicable")


class OutlineItem(BaseModel):
    model_config = RESULT_CONFIG

    id: str
    name: Text
    field: str


class Outline(BaseModel):
    """The names a comparison shows, from the criteria set: fields, sub-criteria, bands."""

    model_config = RESULT_CONFIG

    fields: list[FieldStat]
    items: list[OutlineItem]
    bands: list[Text] = Field(description="best first, so that every band is counted")


def summarize(result: UnitResult) -> UnitSummary:
    leaves = [node for field in result.fields for node in field.walk() if node.rule is not None]
    return UnitSummary(
        source=result.source,
        unit=result.unit,
        year=result.year,
        criteria=result.criteria,
        totals=result.totals,
        percents={f.id: f.percent for f in result.fields},
        full=[
            n.id for n in leaves if n.outcome is not Outcome.NOT_APPLICABLE and n.points >= n.max
        ],
        not_applicable=[n.id for n in leaves if n.outcome is Outcome.NOT_APPLICABLE],
    )


def outline_of_set(cs: CriteriaSet) -> Outline:
    return Outline(
        fields=[FieldStat(id=f.id, name=f.name, mean=None, median=None) for f in cs.fields],
        items=[
            OutlineItem(id=node.id, name=node.name, field=field.id)
            for field in cs.fields
            for node in field.walk()
            if node.is_leaf
        ],
        bands=[band.name for band in cs.bands],
    )


def outline_of_result(result: UnitResult, band_names: Sequence[Text]) -> Outline:
    return Outline(
        fields=[FieldStat(id=f.id, name=f.name, mean=None, median=None) for f in result.fields],
        items=[
            OutlineItem(id=node.id, name=node.name, field=field.id)
            for field in result.fields
            for node in field.walk()
            if node.rule is not None
        ],
        bands=list(band_names),
    )


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


def default_group_by(units: Sequence[UnitSummary]) -> GroupBy:
    """What the files hold: districts when every commune names one (years up to 2024),
    provinces when every commune names one (since the 2025 reform), else no grouping."""
    if units and all(u.unit.parent("district") for u in units):
        return "district"
    if units and all(u.unit.parent("province") for u in units):
        return "province"
    return "none"


def _unit(summary: UnitSummary) -> UnitRef:
    u = summary.unit
    return UnitRef(name=u.name, code=u.code, kind=u.kind, source=summary.source)


def _group_name(summary: UnitSummary, group_by: GroupBy) -> str | None:
    if group_by == "none":
        return None
    parent = summary.unit.parent(group_by)
    return parent.name if parent is not None else None


def ranking_order(units: Sequence[UnitSummary]) -> list[UnitSummary]:
    """By index, highest first; within a tie, names in Vietnamese alphabetical order."""
    return sorted(units, key=lambda u: (-u.totals.index, sort_key(u.unit.name), u.source))


def rank(units: Sequence[UnitSummary | UnitResult]) -> list[RankRow]:
    """By index, highest first; equal indexes share a rank and the next rank skips (1, 2, 2, 4).
    Within a tie, names in Vietnamese alphabetical order."""
    ordered = ranking_order([_summary(u) for u in units])
    rows: list[RankRow] = []
    for position, u in enumerate(ordered, start=1):
        t = u.totals
        tied = bool(rows) and rows[-1].index == t.index
        rows.append(
            RankRow(
                rank=rows[-1].rank if tied else position,
                of=len(ordered),
                unit=_unit(u),
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


def _summary(unit: UnitSummary | UnitResult) -> UnitSummary:
    return unit if isinstance(unit, UnitSummary) else summarize(unit)


def _group(name: str | None, units: Sequence[UnitSummary], outline: Outline) -> Group:
    units = ranking_order(units)  # every table of the group follows the ranking
    counts = {band.vi: 0 for band in outline.bands}
    for u in units:
        if u.totals.band is not None:
            counts[u.totals.band.vi] = counts.get(u.totals.band.vi, 0) + 1
    field_stats = []
    medians: dict[str, Decimal | None] = {}
    for field in outline.fields:
        values = [p for u in units if (p := u.percents.get(field.id)) is not None]
        medians[field.id] = median(values)
        field_stats.append(
            FieldStat(id=field.id, name=field.name, mean=mean(values), median=medians[field.id])
        )
    matrix = []
    for u in units:
        gaps = []
        for index, (fid, percent) in enumerate(u.percents.items()):
            middle = medians.get(fid)
            if percent is not None and middle is not None:
                gaps.append((percent - middle, index, fid))  # ties: the first field
        worst = min(gaps) if gaps else None
        matrix.append(
            MatrixRow(
                unit=_unit(u),
                percents=u.percents,
                weakest_field=worst[2] if worst else None,
                weakest_gap=worst[0] if worst else None,
            )
        )
    full_sets = [set(u.full) for u in units]
    na_sets = [set(u.not_applicable) for u in units]
    items = [
        ItemStat(
            id=item.id,
            name=item.name,
            field=item.field,
            full=[u.unit.name for u, full in zip(units, full_sets, strict=True) if item.id in full],
            applicable=sum(item.id not in na for na in na_sets),
        )
        for item in outline.items
    ]
    indexes = [u.totals.index for u in units]
    return Group(
        name=name,
        ranking=rank(units),
        bands=[BandCount(band=band, count=counts.get(band.vi, 0)) for band in outline.bands],
        mean_index=_known(mean(indexes)),
        median_index=_known(median(indexes)),
        fields=field_stats,
        matrix=matrix,
        items=items,
    )


def compare(
    units: Sequence[UnitResult | UnitSummary],
    band_names: Sequence[Text] = (),
    *,
    outline: Outline | None = None,
    group_by: GroupBy | None = None,
    excluded: Sequence[Excluded] = (),
) -> Comparison:
    """Rank and compare communes already scored on one criteria set.

    ``units``: full results, or their summaries (then ``outline``, from :func:`outline_of_set`,
    gives the names). ``band_names``: with full results, the set's bands, best first, so that
    every band is counted, zeros too. ``group_by`` None: what the files hold.
    """
    if not units:
        raise ValueError("nothing to compare")
    if outline is None:
        first = next((u for u in units if isinstance(u, UnitResult)), None)
        if first is None:
            raise ValueError("summaries are compared with the outline of their criteria set")
        outline = outline_of_result(first, band_names)
    summaries = [_summary(u) for u in units]
    criteria = summaries[0].criteria
    if any(u.criteria != criteria for u in summaries):
        raise ValueError("results from different criteria sets")  # the CLI refuses earlier
    chosen: GroupBy = group_by or default_group_by(summaries)
    # one group per district or province as people read its name: "Vĩnh Linh", "Vĩnh Linh "
    # and "vĩnh linh\u200b" are one district, shown as the first file writes it
    grouped: dict[str | None, list[UnitSummary]] = {}
    shown: dict[str | None, str | None] = {}
    for summary in summaries:
        name = _group_name(summary, chosen)
        key = comparable(name) if name is not None else None
        shown.setdefault(key, name)
        grouped.setdefault(key, []).append(summary)
    keys = sorted(grouped, key=lambda k: (k is None, sort_key(shown[k] or "")))
    return Comparison(
        criteria=criteria,
        group_by=chosen,
        fields=outline.fields,
        groups=[_group(shown[key], grouped[key], outline) for key in keys],
        excluded=sorted(excluded, key=lambda e: e.file),
    )
