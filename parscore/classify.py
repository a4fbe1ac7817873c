"""The band (xếp loại): read from the index, then lowered by the set's conditions.

A band's ``not_when`` conditions refuse that band and every better one: "không xếp loại Xuất
sắc khi có cán bộ, công chức bị kỷ luật từ hình thức cảnh cáo trở lên" sits on Xuất sắc; "đơn
vị có lĩnh vực đạt dưới 50% không xếp loại Tốt trở lên" sits on Tốt. The unit gets the best band
that is no better than its index's and that no condition holding refuses; when the conditions
refuse even the lowest band, it gets none. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from parscore.bands import find
from parscore.messages import Phrase, reason, render
from parscore.model.common import Text
from parscore.model.criteria import ClassBand, CriteriaSet
from parscore.model.result import NodeResult, NodeScore, Reason
from parscore.model.setlevel import DISCIPLINE_ORDER, BandCondition, Facts


class Classified(NamedTuple):
    band: Text | None  # after the conditions
    index_band: Text | None  # from the index alone, when the conditions lowered it
    limits: list[Reason]  # the conditions that lowered it


def best_first(bands: list[ClassBand]) -> list[ClassBand]:
    """The bands from the best (highest index) to the lowest."""

    def low(band: ClassBand) -> tuple[int, Decimal, int]:
        iv = band.interval
        if iv.low is None:
            return (0, Decimal(0), 0)
        return (1, iv.low, 1 if not iv.low_inclusive else 0)

    return sorted(bands, key=low, reverse=True)


def holds(
    condition: BandCondition, fields: Sequence[NodeResult | NodeScore], facts: Facts | None
) -> list[Reason]:
    """Why ``condition`` holds (one reason per field under its minimum), or nothing."""
    if condition.discipline_at_least is not None:
        return _discipline(condition.discipline_at_least, facts)
    assert condition.field_below is not None
    bound = Fraction(condition.field_below)
    return [
        reason(
            "band.limit-field",
            {
                "id": f.id,
                "name": {"vi": f.name.get("vi"), "en": f.name.get("en")},
                "share": f.percent if f.percent is not None else Decimal(0),
                "bound": condition.field_below,
            },
        )
        for f in fields
        if condition.field in (None, f.id)
        and f.applicable_max > 0
        and Fraction(f.points) / Fraction(f.applicable_max) * 100 < bound
    ]


def _discipline(at_least: str, facts: Facts | None) -> list[Reason]:
    stated = facts.discipline if facts is not None else None
    bound = Phrase(f"discipline.{at_least}")
    if stated is None:  # not stated: never assumed clean
        return [reason("band.limit-discipline-unknown", {"bound": bound})]
    if DISCIPLINE_ORDER.index(stated) < DISCIPLINE_ORDER.index(at_least):
        return []
    return [
        reason("band.limit-discipline", {"form": Phrase(f"discipline.{stated}"), "bound": bound})
    ]


def classify(
    cs: CriteriaSet, index: Decimal, fields: Sequence[NodeResult | NodeScore], facts: Facts | None
) -> Classified:
    """The band of a unit at ``index`` (as published, two decimals), after the conditions."""
    position = find([b.interval for b in cs.bands], index)
    if position is None:
        return Classified(None, None, [])
    ordered = best_first(cs.bands)
    start = ordered.index(cs.bands[position])
    allowed, limits = start, []
    for rank in range(start, len(ordered)):
        for condition in ordered[rank].not_when:
            why = holds(condition, fields, facts)
            if why:
                allowed = max(allowed, rank + 1)
                limits.extend(why)
    if allowed == start:
        return Classified(ordered[start].name, None, [])
    band = ordered[allowed].name if allowed < len(ordered) else None
    return Classified(band, ordered[start].name, limits)


def band_words(
    band: Text | None, index_band: Text | None, limits: Sequence[Reason], lang: str
) -> str:
    """The band as every report shows it: its name, and when the set's conditions lowered it,
    the band the index gave and why ("Tốt — không xếp Xuất sắc vì ...")."""
    if not limits or index_band is None:
        return band.get(lang) if band is not None else render("result.no-band", None, lang)
    why = "; ".join(limit.get(lang) for limit in limits)
    args = {"index_band": index_band.get(lang), "why": why}
    if band is None:
        return render("band.refused", args, lang)
    return render("band.lowered", {**args, "band": band.get(lang)}, lang)
