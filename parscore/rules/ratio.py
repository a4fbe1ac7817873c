"""Rule kinds over a share: bands over a percentage, proportional points, survey share.

The evidence gives either the two counts (``on_time: 1150`` and ``received: 1200``, names set by
the rule's ``part`` and ``total``) or a ``percent``. Shares are computed exactly; a total of 0
means nothing occurred, and the node's ``when_nothing_occurred`` decides what that is worth.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

from pydantic import Field

from parscore.bands import Bounds, coverage_problems, find
from parscore.decimals import quantize_fraction
from parscore.messages import Phrase, format_number
from parscore.model.common import Number, Points
from parscore.rules.base import (
    HUNDRED,
    Context,
    Gain,
    InputName,
    InputProblem,
    InputSpec,
    ParamProblem,
    RuleKind,
    RuleParams,
    Scored,
    check_ratio,
    label,
    points_phrase,
    points_text,
    ratio_args,
    ratio_inputs,
    ratio_percent,
)


class RuleBand(Bounds):
    """A band over a value, and the points it gives."""

    points: Points


def band_problems(
    bands: list[RuleBand],
    maximum: Decimal,
    start: Decimal,
    end: Decimal | None,
    *,
    whole: bool = False,
) -> list[ParamProblem]:
    intervals = [b.interval for b in bands]
    problems: list[ParamProblem] = [
        (code, ("bands", index), {"value": value})
        for code, index, value in coverage_problems(intervals, start, end, whole=whole)
    ]
    for index, band in enumerate(bands):
        if whole and band.interval.on_whole_numbers().is_empty():
            low, high = band.interval.low, band.interval.high
            problems.append(("criteria.band-empty", ("bands", index), {"low": low, "high": high}))
        if band.points > maximum:
            problems.append(
                (
                    "criteria.points-over-max",
                    ("bands", index, "points"),
                    {"points": band.points, "max": maximum},
                )
            )
    over = any(band.points > maximum for band in bands)  # already said; not said twice
    if not over and all(band.points != maximum for band in bands):
        problems.append(("criteria.full-unreachable", ("bands",), {"max": maximum}))
    return problems


def describe_bands(bands: list[RuleBand], lang: str, unit: str) -> str:
    return "; ".join(
        f"{band.interval.text(lang, unit)} → {points_text(band.points, lang)}" for band in bands
    )


class _RatioParams(RuleParams):
    part: InputName = Field(
        default=InputName(name="part"),
        description="the evidence's name (and label) for the count that qualifies",
    )
    total: InputName = Field(
        default=InputName(name="total"), description="the evidence's name (and label) for the total"
    )


class _RatioKind(RuleKind):
    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return ratio_inputs(params.part, params.total, getattr(params, "may_exceed", False))

    @classmethod
    def check_inputs(
        cls, params: Any, values: dict[str, Any], maximum: Decimal, ctx: Context
    ) -> list[InputProblem]:
        return check_ratio(params.part, params.total, values, getattr(params, "may_exceed", False))

    @classmethod
    def is_given(cls, params: Any, values: dict[str, Any], ctx: Context) -> bool:
        return "percent" in values or (params.part.name in values and params.total.name in values)


def _label(name: InputName) -> dict[str, str]:
    """The part's label as a count noun: "Số hồ sơ giải quyết đúng hạn" -> "hồ sơ giải quyết
    đúng hạn", so that "thêm 12 hồ sơ giải quyết đúng hạn" reads naturally."""
    if name.label is None:
        return {"vi": name.name, "en": name.name}
    vi = name.label.get("vi")
    vi = vi[3:] if vi[:3].lower() == "số " else vi
    if vi[1:2].islower():  # "Hồ sơ" -> "hồ sơ", but "TTHC" stays
        vi = vi[:1].lower() + vi[1:]
    return {"vi": vi, "en": name.label.get("en").lower()}


def _needed(bound: Decimal, inclusive: bool, total: int | Decimal) -> Fraction:
    """The smallest whole count k with k / total × 100 ≥ bound (or > bound)."""
    exact = Fraction(bound) * Fraction(total) / 100
    whole = math.ceil(exact)
    return Fraction(whole + 1 if (not inclusive and whole == exact) else whole)


def _more(
    params: Any, values: dict[str, Any], bound: Decimal, inclusive: bool
) -> dict[str, Any] | None:
    """How many more of the part reach ``bound``; None when the total cannot allow it."""
    if params.part.name not in values:
        return {"more": ""}
    part, total = values[params.part.name], values[params.total.name]
    need = _needed(bound, inclusive, total)
    if need > total and not getattr(params, "may_exceed", False):
        return None
    more = need - Fraction(part)
    count = Decimal(more.numerator) / Decimal(more.denominator)
    return {"more": Phrase("plan.more", {"count": count, "label": _label(params.part)})}


class BandsParams(_RatioParams):
    kind: Literal["bands"]
    may_exceed: bool = Field(
        default=False,
        description="the share may pass 100% (revenue collected against the estimate): the part "
        "may exceed the total and bands run upward without end",
    )
    bands: list[RuleBand] = Field(
        min_length=1, description="bounds (at_least/above, below/at_most) and points of each band"
    )


class Bands(_RatioKind):
    """Points by the band a percentage falls in, each bound inclusive or not as written.

    ``at_least``/``above`` are the lower bounds (≥, >), ``below``/``at_most`` the upper ones
    (<, ≤). The bands must cover 0–100% with no gap and no overlap; with ``may_exceed: true``
    (a share that can pass 100%, such as revenue against the estimate) 0% and up.

    Criteria (1.1.4: > 90% → 1.5; 70–90% → 0.75; < 70% → 0)::

        rule:
          kind: bands
          part: {name: done, label: {vi: Số nhiệm vụ hoàn thành, en: Tasks done}}
          total: {name: planned, label: {vi: Số nhiệm vụ trong kế hoạch, en: Tasks planned}}
          bands:
            - {above: 90, points: 1.5}
            - {at_least: 70, at_most: 90, points: 0.75}
            - {below: 70, points: 0}

    Evidence: ``done: 18`` and ``planned: 20`` (90% exactly: 0.75), or ``percent: 92.5``.
    """

    name = "bands"
    Params = BandsParams

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        end = None if params.may_exceed else HUNDRED
        return band_problems(params.bands, maximum, Decimal(0), end)

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        percent = ratio_percent(params.part, params.total, values)
        if percent is None:
            return Scored(Decimal(0), "reason.nothing", {}, nothing_occurred=True)
        index = find([b.interval for b in params.bands], percent)
        assert index is not None, "bands are checked to cover 0-100% when the set loads"
        band = params.bands[index]
        args = ratio_args(params.part, params.total, values, percent)
        args.update(
            band={"vi": band.interval.text("vi", "%"), "en": band.interval.text("en", "%")},
            points=band.points,
        )
        return Scored(band.points, "reason.band", args)

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        percent = ratio_percent(params.part, params.total, values)
        if percent is None:
            return []
        gains = []
        for band in sorted(params.bands, key=lambda b: -b.points):  # best first
            iv = band.interval
            if band.points <= points or iv.low is None:
                continue
            more = _more(params, values, iv.low, iv.low_inclusive)
            if more is None:
                continue
            target = {
                "vi": ("" if iv.low_inclusive else "trên ") + format_number(iv.low, "vi") + "%",
                "en": ("" if iv.low_inclusive else "above ") + format_number(iv.low, "en") + "%",
            }
            args = {"now": quantize_fraction(percent), "target": target, **more}
            gains.append(Gain(band.points, "plan.share", args))
        return gains

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return describe_bands(params.bands, lang, "%")


class ProportionalParams(_RatioParams):
    kind: Literal["proportional"]
    may_exceed: bool = Field(
        default=False,
        description="the share may pass 100% (revenue collected against the estimate): the part "
        "may exceed the total and the points stay at the maximum",
    )
    full_at: Number | None = Field(
        default=None,
        gt=0,
        le=100,
        description="percentage at or above which the full points are given",
    )


class Proportional(_RatioKind):
    """Points in proportion to a share, optionally full at or above a target.

    Points are share × max, rounded to two decimals (half up).

    Criteria (3.2: on-time dossiers / dossiers settled × 5)::

        rule:
          kind: proportional
          part: {name: on_time, label: {vi: Số hồ sơ giải quyết đúng hạn, en: Settled on time}}
          total: {name: settled, label: {vi: Tổng số hồ sơ đã giải quyết, en: Settled}}

    Evidence: ``on_time: 1150`` and ``settled: 1200`` → 95.83% × 5 = 4.79 points.
    With ``full_at: 60``, 60% or more gives the full points.
    """

    name = "proportional"
    Params = ProportionalParams

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        percent = ratio_percent(params.part, params.total, values)
        if percent is None:
            return Scored(Decimal(0), "reason.nothing", {}, nothing_occurred=True)
        args = ratio_args(params.part, params.total, values, percent)
        if params.full_at is not None and percent >= Fraction(params.full_at):
            args.update(target=params.full_at, points=maximum)
            return Scored(maximum, "reason.proportional-target", args)
        points = min(maximum, quantize_fraction(percent / 100 * Fraction(maximum)))
        args.update(points=points, max=points_phrase(maximum))
        return Scored(points, "reason.proportional", args)

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        percent = ratio_percent(params.part, params.total, values)
        if percent is None or points >= maximum:
            return []
        full = params.full_at if params.full_at is not None else Decimal(100)
        more = _more(params, values, full, True)
        if more is None:
            return []
        target = {"vi": format_number(full, "vi") + "%", "en": format_number(full, "en") + "%"}
        return [
            Gain(
                maximum, "plan.share", {"now": quantize_fraction(percent), "target": target, **more}
            )
        ]

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        if lang == "vi":
            text = f"tỷ lệ × {points_text(maximum, lang)}"
            if params.full_at is not None:
                text += f"; từ {format_number(params.full_at, lang)}% trở lên được đủ điểm"
            return text
        text = f"share × {points_text(maximum, lang)}"
        if params.full_at is not None:
            text += f"; full points at {format_number(params.full_at, lang)}% or more"
        return text


class SurveyShareParams(_RatioParams):
    kind: Literal["survey_share"]
    part: InputName = Field(
        default=InputName(
            name="satisfied", label=label("Số phiếu hài lòng", "Satisfied responses")
        ),
        description="the evidence's name for the satisfied responses",
    )
    total: InputName = Field(
        default=InputName(name="responses", label=label("Tổng số phiếu", "Responses")),
        description="the evidence's name for all responses",
    )


class SurveyShare(_RatioKind):
    """Survey points, received from outside the commune.

    Satisfied share × max (two decimals, half up), or the points as the surveying body sent them.

    Criteria::

        rule: {kind: survey_share}

    Evidence (under ``survey:``): ``satisfied: 412`` and ``responses: 450``, or
    ``percent: 91.5``, or ``points: 4.58``.
    """

    name = "survey_share"
    Params = SurveyShareParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return super().inputs(params) + [
            InputSpec(
                "points", "points", label("Điểm nhận được", "Points received"), group="points"
            )
        ]

    @classmethod
    def is_given(cls, params: Any, values: dict[str, Any], ctx: Context) -> bool:
        return "points" in values or super().is_given(params, values, ctx)

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        return []  # survey points are not the commune's to score

    @classmethod
    def check_inputs(
        cls, params: Any, values: dict[str, Any], maximum: Decimal, ctx: Context
    ) -> list[InputProblem]:
        if "points" in values:
            others = [k for k in values if k != "points"]
            if others:
                return [
                    (
                        "evidence.inputs-conflict",
                        others[0],
                        {"first": "points", "second": others[0]},
                    )
                ]
            if values["points"] > maximum:
                return [
                    (
                        "evidence.points-over-max",
                        "points",
                        {"value": values["points"], "max": maximum},
                    )
                ]
            return []
        return super().check_inputs(params, values, maximum, ctx)

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        if "points" in values:
            return Scored(
                Decimal(values["points"]), "reason.survey-points", {"points": values["points"]}
            )
        percent = ratio_percent(params.part, params.total, values)
        if percent is None:
            return Scored(Decimal(0), "reason.nothing", {}, nothing_occurred=True)
        points = quantize_fraction(percent / 100 * Fraction(maximum))
        args = ratio_args(params.part, params.total, values, percent)
        args.update(points=points, max=points_phrase(maximum))
        return Scored(points, "reason.survey", args)

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        if lang == "vi":
            return f"tỷ lệ hài lòng × {points_text(maximum, lang)} (do đơn vị điều tra chấm)"
        return f"satisfied share × {points_text(maximum, lang)} (scored by the survey)"
