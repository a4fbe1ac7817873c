"""Rule kinds over a count of events: count bands and deduction per incident."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from parscore.bands import find
from parscore.messages import format_number
from parscore.model.common import Points
from parscore.rules.base import (
    Context,
    Gain,
    InputName,
    InputSpec,
    ParamProblem,
    RuleKind,
    RuleParams,
    Scored,
    label,
    points_text,
)
from parscore.rules.ratio import RuleBand, band_problems, describe_bands

_COUNT_LABEL = label("Số lượng", "Count")


def _count_label(name: InputName) -> dict[str, str]:
    shown = name.label or _COUNT_LABEL
    return {"vi": shown.get("vi"), "en": shown.get("en")}


class CountBandsParams(RuleParams):
    kind: Literal["count_bands"]
    count: InputName = Field(
        default=InputName(name="count"), description="the evidence's name (and label) for the count"
    )
    bands: list[RuleBand] = Field(
        min_length=1, description="bounds over whole numbers, and points of each band"
    )


class CountBands(RuleKind):
    """Points by the band a count falls in; the bands cover 0 and up with no gap.

    Criteria (4.2: staff within the quota 2, over it 0)::

        rule:
          kind: count_bands
          count: {name: over_quota, label: {vi: Số người vượt định mức, en: Staff over quota}}
          bands:
            - {at_most: 0, points: 2}
            - {at_least: 1, points: 0}

    Evidence: ``over_quota: 0``.
    """

    name = "count_bands"
    Params = CountBandsParams
    monotone = False  # whether more is better depends on what is counted

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec(params.count.name, "count", params.count.label or _COUNT_LABEL)]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        return band_problems(params.bands, maximum, Decimal(0), None, whole=True)

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        count = values[params.count.name]
        index = find([b.interval for b in params.bands], count)
        assert index is not None, "count bands are checked to cover 0 and up when the set loads"
        band = params.bands[index]
        return Scored(
            band.points,
            "reason.count-band",
            {
                "count": count,
                "band": {"vi": band.interval.text("vi"), "en": band.interval.text("en")},
                "points": band.points,
            },
        )

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        count = values[params.count.name]
        gains = []
        for band in sorted(params.bands, key=lambda b: -b.points):  # best first
            if band.points <= points:
                continue
            whole = band.interval.on_whole_numbers()  # the band as [low, high) over counts
            low = max(int(whole.low), 0) if whole.low is not None else 0
            high = int(whole.high) - 1 if whole.high is not None else None
            target = low if count < low else high if high is not None and count > high else count
            gains.append(
                Gain(
                    band.points,
                    "plan.count",
                    {"label": _count_label(params.count), "count": count, "target": target},
                )
            )
        return gains

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return describe_bands(params.bands, lang, "")


class DeductionParams(RuleParams):
    kind: Literal["deduction"]
    count: InputName = Field(
        default=InputName(name="incidents"), description="the evidence's name for the incidents"
    )
    per_incident: Points = Field(gt=0, description="points taken off per incident")
    floor: Points = Field(default=Decimal(0), description="the points never go below this")


class Deduction(RuleKind):
    """Start from the maximum and take off a fixed amount per incident, never below the floor.

    Criteria (5.4: 2 points, minus 2 for each official disciplined)::

        rule:
          kind: deduction
          count: {name: disciplined, label: {vi: Số người bị kỷ luật, en: Officials disciplined}}
          per_incident: 2
          floor: 0

    Evidence: ``disciplined: 0`` → 2 points.
    """

    name = "deduction"
    Params = DeductionParams
    monotone = False  # fewer incidents is better: monotone the other way

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec(params.count.name, "count", params.count.label or _COUNT_LABEL)]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        if params.floor > maximum:
            return [
                ("criteria.points-over-max", ("floor",), {"points": params.floor, "max": maximum})
            ]
        return []

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        count = values[params.count.name]
        if count == 0:
            return []
        return [
            Gain(
                maximum,
                "plan.count",
                {"label": _count_label(params.count), "count": count, "target": 0},
            )
        ]

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        count = values[params.count.name]
        points = max(params.floor, maximum - params.per_incident * count)
        if count == 0:
            return Scored(points, "reason.deduction-none", {"points": points})
        return Scored(
            points,
            "reason.deduction",
            {"count": count, "per": params.per_incident, "points": points},
        )

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        per = format_number(params.per_incident, lang)
        floor = points_text(params.floor, lang)
        if lang == "vi":
            return f"{points_text(maximum, lang)}, trừ {per} cho mỗi trường hợp, thấp nhất {floor}"
        return f"{points_text(maximum, lang)}, minus {per} per incident, not below {floor}"
