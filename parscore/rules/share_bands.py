"""The ``bands`` rule kind: points by the band a percentage (a share) falls in.

Named ``share_bands`` so as not to be taken for :mod:`parscore.bands`, the intervals it uses.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from parscore.bands import find
from parscore.rules.base import (
    HUNDRED,
    Context,
    Gain,
    Goal,
    ParamProblem,
    RuleBand,
    Scored,
    ShareKind,
    ShareParams,
    band_arg,
    band_bounds,
    band_problems,
    best_band,
    both,
    describe_bands,
    named_goal,
    share_args,
    share_gain,
    share_more,
    share_percent,
)


class BandsParams(ShareParams):
    kind: Literal["bands"]
    may_exceed: bool = Field(
        default=False,
        description="the share may pass 100% (revenue collected against the estimate): the part "
        "may exceed the total and bands run upward without end",
    )
    bands: list[RuleBand] = Field(
        min_length=1, description="bounds (at_least/above, below/at_most) and points of each band"
    )


class Bands(ShareKind):
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
        percent = share_percent(params, values)
        if percent is None:
            return Scored(Decimal(0), "reason.nothing", {}, nothing_occurred=True)
        index = find([b.interval for b in params.bands], percent)
        assert index is not None, "bands are checked to cover 0-100% when the set loads"
        band = params.bands[index]

        def args() -> dict[str, Any]:  # the reason's, made only if it is shown
            made = share_args(params, values, percent, band_bounds(params.bands))
            made.update(band=band_arg(band, "%"), points=band.points)
            return made

        return Scored(band.points, "reason.band", args)

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        percent = share_percent(params, values)
        if percent is None:
            return []
        gains = []
        for band in sorted(params.bands, key=lambda b: -b.points):  # best first
            iv = band.interval
            if band.points <= points or iv.low is None:
                continue
            more = share_more(params, values, iv.low, iv.low_inclusive)
            if more is None:
                continue
            target = both("rule.share.at" if iv.low_inclusive else "rule.share.above", bound=iv.low)
            gains.append(share_gain(band.points, percent, target, more, band_bounds(params.bands)))
        return gains

    @classmethod
    def goal(cls, params: Any, maximum: Decimal, year: int) -> Goal | None:
        best = best_band(params.bands)
        iv = best.interval
        if iv.low == HUNDRED and iv.low_inclusive and not params.may_exceed:
            return named_goal("plan-year.goal.share-all", params.part)  # "from 100%": all
        return named_goal("plan-year.goal.share", params.part, {"band": band_arg(best, "%")})

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return describe_bands(params.bands, lang, "%")


KIND = Bands
