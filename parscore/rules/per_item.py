"""The ``per_item`` rule kind: points for each item counted, up to a cap."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from parscore.decimals import tidy
from parscore.model.common import Points
from parscore.rules.base import (
    Context,
    Gain,
    Goal,
    InputName,
    InputSpec,
    RuleKind,
    RuleParams,
    Scored,
    count_gain,
    count_noun,
    label,
    points_phrase,
    points_text,
    text_arg,
    words,
)


class PerItemParams(RuleParams):
    kind: Literal["per_item"]
    count: InputName = Field(
        default=InputName(name="items", label=label("rule.input.items")),
        description="the evidence's name (and label) for the number of items counted",
    )
    per_item: Points = Field(
        gt=0, description="points for each item counted; the node's maximum is the cap"
    )


class PerItem(RuleKind):
    """Points for each item counted, up to the node's maximum.

    The points are the count × ``per_item``, exact, never above the maximum (a lower cap would
    leave the full points unreachable, which criteria sets may not do).

    Criteria ("Mỗi sáng kiến, giải pháp CCHC được công nhận: 0,25 điểm, tối đa 1 điểm"; the
    reference set's 1.5 gives 1 for each, up to 1)::

        rule:
          kind: per_item
          count: {name: initiatives, label: {vi: Số sáng kiến được công nhận, en: Initiatives}}
          per_item: 0.25

    Evidence: ``initiatives: 3`` → 0.75 points; 4 or more → 1 point.
    """

    name = "per_item"
    Params = PerItemParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec(params.count.name, "count", params.count.label, rising=True)]

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        count = values[params.count.name]
        cap = maximum
        earned = tidy(params.per_item * count)  # exact: 4 × 0.25 is 1, not 1.00
        args = {"count": count, "per": params.per_item}
        if earned > cap:
            return Scored(cap, "reason.per-item-cap", {**args, "cap": points_phrase(cap)})
        return Scored(earned, "reason.per-item", {**args, "points": points_phrase(earned)})

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        count = values[params.count.name]
        cap = maximum
        if points >= cap:
            return []
        shown = text_arg(params.count.label or label("rule.input.items"))
        full = math.ceil(cap / params.per_item)  # the fewest items that reach the cap
        gains = [count_gain(cap, shown, count, full)]
        if full > count + 1:  # and the next step: one more item
            after = tidy(params.per_item * (count + 1))
            gains.append(count_gain(after, shown, count, count + 1))
        return gains

    @classmethod
    def goal(cls, params: Any, maximum: Decimal, year: int) -> Goal | None:
        needed = math.ceil(maximum / params.per_item)  # the fewest items that reach the maximum
        return Goal("plan-year.goal.at-least", {"count": needed, "what": count_noun(params.count)})

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return words(
            "rule.per_item.describe",
            lang,
            per=points_text(params.per_item, lang),
            what=count_noun(params.count)[lang],
            cap=points_text(maximum, lang),
        )


KIND = PerItem
