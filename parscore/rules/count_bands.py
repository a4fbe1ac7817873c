"""The ``count_bands`` rule kind: points by the band a count falls in."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from parscore.bands import find
from parscore.rules.base import (
    Context,
    Gain,
    Goal,
    InputName,
    InputSpec,
    ParamProblem,
    RuleBand,
    RuleKind,
    RuleParams,
    Scored,
    band_arg,
    band_problems,
    best_band,
    count_gain,
    count_input,
    describe_bands,
    label,
    named_goal,
    text_arg,
)


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
    # whether more is better depends on what is counted: no input is claimed to be rising

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [count_input(params)]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        return band_problems(params.bands, maximum, Decimal(0), None, whole=True)

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        count = values[params.count.name]
        index = find([b.interval for b in params.bands], count)
        assert index is not None, "count bands are checked to cover 0 and up when the set loads"
        band = params.bands[index]
        args = {"count": count, "band": band_arg(band), "points": band.points}
        return Scored(band.points, "reason.count-band", args)

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        count = values[params.count.name]
        shown = text_arg(params.count.label or label("rule.input.count"))
        gains = []
        for band in sorted(params.bands, key=lambda b: -b.points):  # best first
            if band.points <= points:
                continue
            whole = band.interval.on_whole_numbers()  # the band as [low, high) over counts
            low = max(int(whole.low), 0) if whole.low is not None else 0
            high = int(whole.high) - 1 if whole.high is not None else None
            target = low if count < low else high if high is not None and count > high else count
            gains.append(count_gain(band.points, shown, count, target))
        return gains

    @classmethod
    def goal(cls, params: Any, maximum: Decimal, year: int) -> Goal | None:
        best = best_band(params.bands).interval
        if best.high == 0 and best.high_inclusive:  # "at most 0": none at all
            return named_goal("plan-year.goal.none", params.count)
        return named_goal(
            "plan-year.goal.count", params.count, {"band": band_arg(best_band(params.bands))}
        )

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return describe_bands(params.bands, lang, "")


KIND = CountBands
