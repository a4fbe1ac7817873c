"""The ``deduction`` rule kind: the maximum, less a fixed amount per incident."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from parscore.model.common import Points
from parscore.rules.base import (
    Context,
    Gain,
    Goal,
    InputName,
    InputSpec,
    ParamProblem,
    RuleKind,
    RuleParams,
    Scored,
    count_gain,
    count_input,
    label,
    named_goal,
    points_text,
    text_arg,
    words,
)


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
    # fewer incidents is better: no input is claimed to be rising

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [count_input(params)]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        if params.floor > maximum:
            args = {"points": params.floor, "max": maximum}
            return [ParamProblem("criteria.points-over-max", ("floor",), args)]
        return []

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        count = values[params.count.name]
        if count == 0 or points >= maximum:  # a floor at the maximum: nothing to gain
            return []
        shown = text_arg(params.count.label or label("rule.input.count"))
        return [count_gain(maximum, shown, count, 0)]

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        count = values[params.count.name]
        points = max(params.floor, maximum - params.per_incident * count)
        if count == 0:
            return Scored(points, "reason.deduction-none", {"points": points})
        args = {"count": count, "per": params.per_incident, "points": points}
        return Scored(points, "reason.deduction", args)

    @classmethod
    def goal(cls, params: Any, maximum: Decimal, year: int) -> Goal | None:
        return named_goal("plan-year.goal.none", params.count)

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return words(
            "rule.deduction.describe",
            lang,
            max=points_text(maximum, lang),
            per=params.per_incident,
            floor=points_text(params.floor, lang),
        )


KIND = Deduction
