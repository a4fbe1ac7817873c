"""Comparing communes: pure, from scored results to rankings, bands and field matrices.

What a Department of Home Affairs publishes after appraisal: per comparison group (the district
until mid-2025, the province since, or everyone), the ranking by index with ties sharing a rank
(1, 2, 2, 4) shown as "x/N", the band counts, the mean and median index, each field's mean and
median, a commune × field matrix with each commune's weakest field against the group median, and
for each sub-criterion which communes got full points ("ask them how").

Everything here is exact (Decimal); shown numbers are rounded where they are shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

from parscore.decimals import quantize_fraction
from parscore.model.common import Text, comparable
from parscore.model.compare import (
    COMPARISON_FORMAT,
    BandCount,
    Comparison,
    Excluded,
    FieldStat,
    Group,
    GroupBy,
    ItemStat,
    MatrixRow,
    Outline,
    OutlineBand,
    OutlineItem,
    RankRow,
    UnitRef,
    UnitSummary,
)
from parscore.model.criteria import ClassBand, band_slug
from parscore.model.result import Outcome, UnitResult, UnitScore
from parscore.vnsort import sort_key

__all__ = [  # the models live in parscore.model.compare; importable from here too
    "COMPARISON_FORMAT",
    "BandCount",
    "Comparison",
    "Excluded",
    "FieldStat",
    "Group",
    "GroupBy",
    "ItemStat",
    "MatrixRow",
    "Outline",
    "OutlineBand",
    "OutlineItem",
    "RankRow",
    "UnitRef",
    "UnitSummary",
    "compare",
    "outline_of",
    "summarize",
]


def summarize(result: UnitResult | UnitScore) -> UnitSummary:
    """What a comparison keeps of a scored commune, from its full result or from its scores
    only (:func:`parscore.engine.score`): the same summary either way."""
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


class _Node(Protocol):
    """A field of a criteria set (:class:`~parscore.model.criteria.Node`) or of a result
    (:class:`~parscore.model.result.NodeResult`): what an outline needs of either."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> Text: ...
    @property
    def rule(self) -> object: ...
    def walk(self) -> Iterable[_Node]: ...


def outline_of(fields: Sequence[_Node], bands: Iterable[ClassBand | Text]) -> Outline:
    """The names a comparison shows: the fields and scored sub-criteria, in the set's order
    (from a criteria set's fields or a result's), and the bands, best first (a set's bands,
    or their names: then each id is made from the name, as a set without ids does)."""
    outline_bands = [
        OutlineBand(id=band.band_id, name=band.name)
        if isinstance(band, ClassBand)
        else OutlineBand(id=band_slug(band), name=band)
        for band in bands
    ]
    return Outline(
        fields=[FieldStat(id=f.id, name=f.name, mean=None, median=None) for f in fields],
        items=[
            OutlineItem(id=node.id, name=node.name, field=field.id)
            for field in fields
            for node in field.walk()
            if node.rule is not None
        ],
        bands=outline_bands,
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
    # a result names its band; the outline says which band (id) that name is
    band_ids = {band.name: band.id for band in outline.bands}
    counts = {band.id: 0 for band in outline.bands}
    for u in units:
        if u.totals.band is not None and (band_id := band_ids.get(u.totals.band)) is not None:
            counts[band_id] += 1
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
        bands=[BandCount(band=band.name, count=counts[band.id]) for band in outline.bands],
        mean_index=_known(mean(indexes)),
        median_index=_known(median(indexes)),
        fields=field_stats,
        matrix=matrix,
        items=items,
    )


def compare(
    units: Sequence[UnitResult | UnitSummary],
    band_names: Sequence[ClassBand | Text] = (),
    *,
    outline: Outline | None = None,
    group_by: GroupBy | None = None,
    excluded: Sequence[Excluded] = (),
) -> Comparison:
    """Rank and compare communes already scored on one criteria set.

    ``units``: full results, or their summaries (then ``outline``, :func:`outline_of` the
    criteria set, gives the names). ``band_names``: with full results, the set's bands (or
    their names), best first, so that every band is counted, zeros too. ``group_by`` None:
    what the files hold.
    """
    if not units:
        raise ValueError("nothing to compare")
    if outline is None:
        first = next((u for u in units if isinstance(u, UnitResult)), None)
        if first is None:
            raise ValueError("summaries are compared with the outline of their criteria set")
        outline = outline_of(first.fields, band_names)
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
