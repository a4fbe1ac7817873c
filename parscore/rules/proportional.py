"""The ``proportional`` rule kind: points in proportion to a share."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

from pydantic import Field

from parscore.model.common import Number
from parscore.rules.base import (
    Context,
    Gain,
    Goal,
    Scored,
    ShareKind,
    ShareParams,
    both,
    named_goal,
    points_phrase,
    points_text,
    share_args,
    share_gain,
    share_more,
    share_percent,
    share_points,
    words,
)


class ProportionalParams(ShareParams):
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


class Proportional(ShareKind):
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
        percent = share_percent(params, values)
        if percent is None:
            return Scored(Decimal(0), "reason.nothing", {}, nothing_occurred=True)
        if params.full_at is not None and percent >= Fraction(params.full_at):

            def at_target() -> dict[str, Any]:  # the reason's, made only if it is shown
                made = share_args(params, values, percent, [params.full_at])
                made.update(target=params.full_at, points=maximum)
                return made

            return Scored(maximum, "reason.proportional-target", at_target)
        points = min(maximum, share_points(percent, maximum))

        def args() -> dict[str, Any]:
            made = share_args(params, values, percent, [params.full_at])
            made.update(points=points, max=points_phrase(maximum))
            return made

        return Scored(points, "reason.proportional", args)

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        percent = share_percent(params, values)
        if percent is None or points >= maximum:
            return []
        full = params.full_at if params.full_at is not None else Decimal(100)
        more = share_more(params, values, full, True)
        if more is None:
            return []
        target = both("rule.share.at", bound=full)
        return [share_gain(maximum, percent, target, more, [params.full_at])]

    @classmethod
    def goal(cls, params: Any, maximum: Decimal, year: int) -> Goal | None:
        if params.full_at is not None:  # full points at the set's target
            args = {"target": params.full_at}
            return named_goal("plan-year.goal.share-at", params.part, args)
        return named_goal("plan-year.goal.share-all", params.part)

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        shown = points_text(maximum, lang)
        if params.full_at is not None:
            code = "rule.proportional.describe-target"
            return words(code, lang, max=shown, target=params.full_at)
        return words("rule.proportional.describe", lang, max=shown)


KIND = Proportional
