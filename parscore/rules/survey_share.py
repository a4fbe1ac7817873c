"""The ``survey_share`` rule kind: survey points, received from outside the commune."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from parscore.rules.base import (
    Context,
    Gain,
    InputName,
    InputProblem,
    InputSpec,
    Scored,
    ShareKind,
    ShareParams,
    label,
    points_phrase,
    points_text,
    share_args,
    share_percent,
    share_points,
    words,
)


class SurveyShareParams(ShareParams):
    kind: Literal["survey_share"]
    part: InputName = Field(
        default=InputName(name="satisfied", label=label("rule.input.satisfied")),
        description="the evidence's name for the satisfied responses",
    )
    total: InputName = Field(
        default=InputName(name="responses", label=label("rule.input.responses")),
        description="the evidence's name for all responses",
    )


class SurveyShare(ShareKind):
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
        received = label("rule.input.survey-points")
        return super().inputs(params) + [
            InputSpec("points", "points", received, group="points", rising=True)
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
                args: dict[str, Any] = {"first": "points", "second": others[0]}
                return [InputProblem("evidence.inputs-conflict", others[0], args)]
            if values["points"] > maximum:
                args = {"value": values["points"], "max": maximum}
                return [InputProblem("evidence.points-over-max", "points", args)]
            return []
        return super().check_inputs(params, values, maximum, ctx)

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        if "points" in values:
            given = {"points": values["points"]}
            return Scored(Decimal(values["points"]), "reason.survey-points", given)
        percent = share_percent(params, values)
        if percent is None:
            return Scored(Decimal(0), "reason.nothing", {}, nothing_occurred=True)
        points = share_points(percent, maximum)

        def args() -> dict[str, Any]:  # the reason's, made only if it is shown
            made = share_args(params, values, percent)
            made.update(points=points, max=points_phrase(maximum))
            return made

        return Scored(points, "reason.survey", args)

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return words("rule.survey_share.describe", lang, max=points_text(maximum, lang))


KIND = SurveyShare
