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
    NoWeakest,
    Outline,
    OutlineBand,
    OutlineItem,
    RankRow,
    RankStage,
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
    "NoWeakest",
    "Outline",
    "OutlineBand",
    "OutlineItem",
    "RankRow",
    "UnitRef",
    "UnitSummary",
    "compare",
    "exact_index",
    "exact_percents",
    "has_evidence",
    "outline_of",
    "summarize",
]


def has_evidence(result: UnitResult | UnitScore) -> bool:
    """Whether the file held any evidence at all: a sub-criterion (the survey's included) with
    an input, a document, an explanation, a "nothing occurred" or a claimed score, or a bonus or
    penalty line of its own. An unfilled template (``parscore template``) has none: it is not
    assessed, and a comparison lists it apart instead of ranking it last at 0. Scores without
    the evidence (:func:`parscore.engine.score`) carry the answer, worked out the same way from
    the evidence file."""
    if isinstance(result, UnitScore):
        return result.assessed
    for node in result.leaves():
        if node.inputs or node.documents or node.explanation or node.nothing_occurred:
            return True
        if node.claimed is not None:
            return True
    ledgers = (result.bonus.lines, result.penalty.lines)
    return any(line.source == "evidence" for lines in ledgers for line in lines)


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
        field_points={f.id: f.points for f in result.fields},
        field_applicable_max={f.id: f.applicable_max for f in result.fields},
        assessed=has_evidence(result),
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


Exact = Decimal | Fraction


#: ordering exact shares by ``numerator * _ORDER // denominator``, an integer, is the order of
#: the fractions themselves: equal fractions give equal keys, and two shares of points with at
#: most six decimals over maxima below 10^15 differ by far more than 1/_ORDER
_ORDER = 10**60


def _fraction(value: Exact) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)


def _share(part: Decimal, whole: Decimal) -> Fraction:
    """part / whole × 100, exact (``whole`` > 0), built in one step from the integer ratios."""
    pn, pd = part.as_integer_ratio()
    wn, wd = whole.as_integer_ratio()
    return Fraction(pn * 100 * wd, pd * wn)


def _order_key(value: Fraction) -> int:
    return value.numerator * _ORDER // value.denominator


def _exact_median(values: Sequence[Exact]) -> Fraction | None:
    if not values:
        return None
    ordered = sorted(map(_fraction, values), key=_order_key)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def _exact_sum(values: Iterable[Exact]) -> Fraction:
    """The exact sum, adding numerators over each denominator first: shares of a few maxima
    have few denominators, and Fraction additions (a gcd each) were most of a mean's time."""
    numerators: dict[int, int] = {}
    for value in map(_fraction, values):
        numerators[value.denominator] = numerators.get(value.denominator, 0) + value.numerator
    return sum((Fraction(n, d) for d, n in numerators.items()), Fraction(0))


def mean(values: Sequence[Exact]) -> Decimal | None:
    """The mean of exact values, rounded once to two decimals, half up; None for no value."""
    if not values:
        return None
    return _two(_exact_sum(values) / len(values))


def median(values: Sequence[Exact]) -> Decimal | None:
    """The median of exact values, rounded once to two decimals, half up; None for no value."""
    middle = _exact_median(values)
    return None if middle is None else _two(middle)


def _known(value: Decimal | None) -> Decimal:
    assert value is not None, "a group is never empty"
    return value


#: the first year assessed by the new units, ranked by their province (the 2025 reform)
PROVINCE_YEARS_FROM = 2025


def default_group_by(units: Sequence[UnitSummary]) -> GroupBy:
    """What the files hold: the level that more than half the files name, districts first for
    years before 2025 (communes were ranked within their district until mid-2025), provinces
    first since; no grouping when neither is named by more than half. A file that lacks the level
    chosen is listed by the comparison as such, never folded into a group."""
    if not units:
        return "none"
    levels: tuple[GroupBy, GroupBy] = ("district", "province")
    if max(u.year for u in units) >= PROVINCE_YEARS_FROM:
        levels = ("province", "district")
    for level in levels:
        if 2 * sum(1 for u in units if u.unit.parent(level)) > len(units):
            return level
    return "none"


def exact_index(row: UnitSummary | RankRow) -> Fraction:
    """The index before rounding: total / applicable maximum × 100 (0 when nothing applies,
    as the engine scores it), of a commune's summary or of its ranking row."""
    t = row.totals if isinstance(row, UnitSummary) else row
    if t.applicable_max <= 0:
        return Fraction(0)
    return _share(t.total, t.applicable_max)


def exact_percents(summary: UnitSummary) -> dict[str, Fraction | None]:
    """Each field's share of its applicable maximum × 100, before rounding; None when nothing
    in the field applies."""
    shares: dict[str, Fraction | None] = {}
    for fid in summary.percents:
        most = summary.field_applicable_max.get(fid, Decimal(0))
        points = summary.field_points.get(fid, Decimal(0))
        shares[fid] = _share(points, most) if most > 0 else None
    return shares


def _unit(summary: UnitSummary, group: str | None = None) -> UnitRef:
    u = summary.unit
    district, province = u.parent("district"), u.parent("province")
    return UnitRef(
        name=u.name,
        code=u.code,
        kind=u.kind,
        source=summary.source,
        year=summary.year,
        group=group,
        district=district.name if district is not None else None,
        province=province.name if province is not None else None,
    )


def _group_name(summary: UnitSummary, group_by: GroupBy) -> str | None:
    if group_by == "none":
        return None
    parent = summary.unit.parent(group_by)
    return parent.name if parent is not None else None


def ranking_order(units: Sequence[UnitSummary]) -> list[UnitSummary]:
    """By index, highest first; within a tie, names in Vietnamese alphabetical order."""
    return sorted(units, key=lambda u: (-u.totals.index, sort_key(u.unit.name), u.source))


def rank(units: Sequence[UnitSummary | UnitResult], group: str | None = None) -> list[RankRow]:
    """By index as published (two decimals), highest first; equal indexes share a rank and the
    next rank skips (1, 2, 2, 4). Within a tie, names in Vietnamese alphabetical order."""
    ordered = ranking_order([_summary(u) for u in units])
    return _rank_rows(ordered, [_unit(u, group) for u in ordered])


def _rank_rows(ordered: Sequence[UnitSummary], refs: Sequence[UnitRef]) -> list[RankRow]:
    """:func:`rank`'s rows, of units already in ranking order, each with its reference."""
    rows: list[RankRow] = []
    for position, (u, ref) in enumerate(zip(ordered, refs, strict=True), start=1):
        t = u.totals
        tied = bool(rows) and rows[-1].index == t.index
        rows.append(
            RankRow(
                rank=rows[-1].rank if tied else position,
                of=len(ordered),
                unit=ref,
                index=t.index,
                band=t.band,
                index_band=t.index_band,
                band_limits=t.band_limits,
                uncapped_total=t.uncapped_total,
                total=t.total,
                appraisal=t.appraisal,
                survey=t.survey,
                bonus=t.bonus,
                penalty=t.penalty,
                max=t.max,
                applicable_max=t.applicable_max,
                self_total=u.self_total,
                self_points=None if u.self_total is None else u.self_total - t.survey,
                appraised=None if u.self_total is None else t.total - t.survey,
            )
        )
    return rows


def _summary(unit: UnitSummary | UnitResult) -> UnitSummary:
    return unit if isinstance(unit, UnitSummary) else summarize(unit)


def _band_counts(units: Sequence[UnitSummary], outline: Outline) -> list[BandCount]:
    # a result names its band; the outline says which band (id) that name is
    band_ids = {band.name: band.id for band in outline.bands}
    counts = {band.id: 0 for band in outline.bands}
    for u in units:
        if u.totals.band is not None and (band_id := band_ids.get(u.totals.band)) is not None:
            counts[band_id] += 1
    return [BandCount(band=band.name, count=counts[band.id]) for band in outline.bands]


def _matrix_row(
    u: UnitSummary,
    shares: dict[str, Fraction | None],
    medians: dict[str, Fraction | None],
    ref: UnitRef,
    items: Sequence[str],
) -> MatrixRow:
    """A unit's percentages and its weakest field: the one furthest below the group median,
    the gap computed from exact values and rounded once; none when no field is below; and the
    sub-criteria (of ``items``, in the set's order) it applies to that fell short of full
    points."""
    gaps = []
    for index, (fid, share) in enumerate(shares.items()):
        middle = medians.get(fid)
        if share is not None and middle is not None:
            gaps.append((share - middle, index, fid))  # ties: the first field
    worst = min(gaps) if gaps else None
    below = worst is not None and worst[0] < 0
    done = {*u.full, *u.not_applicable}  # full points, or not applicable: not short
    no_weakest: NoWeakest | None = None
    if not below:
        no_weakest = "at-or-above-median" if worst is not None else "nothing-comparable"
    return MatrixRow(
        unit=ref,
        percents=u.percents,
        weakest_field=worst[2] if worst and below else None,
        weakest_gap=_two(worst[0]) if worst and below else None,
        no_weakest=no_weakest,
        short=[i for i in items if i not in done],
    )


def _field_stats(
    shares: Sequence[dict[str, Fraction | None]], outline: Outline
) -> tuple[list[FieldStat], dict[str, Fraction | None]]:
    """Per field, the mean and median of the units' exact shares (rounded once), and the
    exact medians the weakest fields are measured against."""
    stats = []
    medians: dict[str, Fraction | None] = {}
    for field in outline.fields:
        values = [p for share in shares if (p := share.get(field.id)) is not None]
        middle = medians[field.id] = _exact_median(values)
        shown = None if middle is None else _two(middle)  # sorted once, for both
        stats.append(FieldStat(id=field.id, name=field.name, mean=mean(values), median=shown))
    return stats, medians


def _group(
    name: str | None,
    units: Sequence[UnitSummary],
    outline: Outline,
    shares_of: dict[str, dict[str, Fraction | None]],
) -> Group:
    """One group's tables; ``shares_of``: each unit's exact field shares, by its file."""
    units = ranking_order(units)  # every table of the group follows the ranking
    shares = [shares_of[u.source] for u in units]
    field_stats, medians = _field_stats(shares, outline)
    ids = [item.id for item in outline.items]
    refs = [_unit(u, name) for u in units]  # one (frozen) reference a unit, in every table
    matrix = [
        _matrix_row(u, share, medians, ref, ids)
        for u, share, ref in zip(units, shares, refs, strict=True)
    ]
    # per sub-criterion, who got full points (in ranking order) and to how many it applies:
    # one pass over each unit's lists, not one over every unit for each sub-criterion
    full: dict[str, list[str]] = {item.id: [] for item in outline.items}
    applicable = dict.fromkeys(full, len(units))
    for u in units:
        for item_id in set(u.full):
            if item_id in full:
                full[item_id].append(u.unit.name)
        for item_id in set(u.not_applicable):
            if item_id in applicable:
                applicable[item_id] -= 1
    items = [
        ItemStat(
            id=item.id,
            name=item.name,
            field=item.field,
            full=list(full[item.id]),
            applicable=applicable[item.id],
        )
        for item in outline.items
    ]
    indexes = [exact_index(u) for u in units]
    return Group(
        name=name,
        ranking=_rank_rows(units, refs),
        bands=_band_counts(units, outline),
        mean_index=_known(mean(indexes)),
        median_index=_known(median(indexes)),
        fields=field_stats,
        matrix=matrix,
        items=items,
    )


def _check_one_set_one_year(summaries: Sequence[UnitSummary]) -> None:
    criteria = summaries[0].criteria
    if any(u.criteria != criteria for u in summaries):
        raise ValueError("results from different criteria sets")  # the CLI refuses earlier
    if len({u.year for u in summaries}) > 1:
        raise ValueError("results from different years")  # the CLI refuses earlier


def _listed(units: Iterable[UnitRef]) -> list[UnitRef]:
    return sorted(units, key=lambda u: (sort_key(u.group or ""), sort_key(u.name), u.source))


def compare(
    units: Sequence[UnitResult | UnitSummary],
    band_names: Sequence[ClassBand | Text] = (),
    *,
    outline: Outline | None = None,
    group_by: GroupBy | None = None,
    excluded: Sequence[Excluded] = (),
    stage: RankStage = "self",
    not_appraised: Sequence[UnitSummary] = (),
) -> Comparison:
    """Rank and compare communes already scored on one criteria set, for one year.

    ``units``: full results, or their summaries (then ``outline``, :func:`outline_of` the
    criteria set, gives the names). ``band_names``: with full results, the set's bands (or
    their names), best first, so that every band is counted, zeros too. ``group_by`` None:
    what the files hold. A unit without evidence (:func:`has_evidence`) is listed as not
    assessed, and one that lacks the level grouped by as ungrouped; neither is ranked nor
    counted in a group's bands, means and medians. ``stage`` "final": ``units`` are the
    final appraisals (their summaries carry the self-assessed total), and ``not_appraised``
    the communes without a finished one, listed apart.
    """
    if not units and not not_appraised:
        raise ValueError("nothing to compare")
    if outline is None:
        first = next((u for u in units if isinstance(u, UnitResult)), None)
        if first is None:
            raise ValueError("summaries are compared with the outline of their criteria set")
        outline = outline_of(first.fields, band_names)
    summaries = [_summary(u) for u in units]
    _check_one_set_one_year([*summaries, *not_appraised])
    everything = [*summaries, *not_appraised]
    chosen: GroupBy = group_by or default_group_by(everything)
    # one group per district or province as people read its name: "Vĩnh Linh", "Vĩnh Linh "
    # and "vĩnh linh\u200b" are one district, shown as the first file writes it
    shown: dict[str, str] = {}
    keys: dict[str, str | None] = {}
    for summary in summaries:
        name = _group_name(summary, chosen)
        key = comparable(name) if name is not None else None
        if key is not None and name is not None:
            shown.setdefault(key, name)
        keys[summary.source] = key
    grouped: dict[str | None, list[UnitSummary]] = {}
    not_assessed, ungrouped = [], []
    for summary in summaries:
        key = keys[summary.source]
        if not summary.assessed:
            not_assessed.append(_unit(summary, shown[key] if key is not None else None))
        elif key is None and chosen != "none":
            ungrouped.append(_unit(summary))
        else:
            grouped.setdefault(key, []).append(summary)
    order = sorted(grouped, key=lambda k: (k is None, sort_key(shown[k] if k is not None else "")))
    shares = {u.source: exact_percents(u) for units_of in grouped.values() for u in units_of}
    return Comparison(
        criteria=everything[0].criteria,
        year=everything[0].year,
        group_by=chosen,
        fields=_field_stats(list(shares.values()), outline)[0],
        groups=[_group(shown.get(k or ""), grouped[k], outline, shares) for k in order],
        not_assessed=_listed(not_assessed),
        ungrouped=_listed(ungrouped),
        excluded=sorted(excluded, key=lambda e: e.file),
        stage=stage,
        not_appraised=_listed(_unit(u, _group_name(u, chosen)) for u in not_appraised),
        mean_gap=_mean_gap(grouped) if stage == "final" else None,
    )


def _mean_gap(grouped: dict[str | None, list[UnitSummary]]) -> Decimal | None:
    """Mean self-assessed total − mean appraised total of the ranked units, exactly, rounded
    once (the mean of the differences is the difference of the means)."""
    gaps = [
        u.self_total - u.totals.total
        for units in grouped.values()
        for u in units
        if u.self_total is not None
    ]
    return mean(gaps) if gaps else None
