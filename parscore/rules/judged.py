"""The ``judged`` rule kind: the assessors choose the points, in steps, and explain them."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from parscore.model.common import Points
from parscore.rules.base import (
    Context,
    InputProblem,
    InputSpec,
    ParamProblem,
    RuleKind,
    RuleParams,
    Scored,
    label,
    points_text,
    words,
)


class JudgedParams(RuleParams):
    kind: Literal["judged"]
    step: Points = Field(gt=0, description="the points go in steps of this (0.5, 0.25)")


class Judged(RuleKind):
    """The assessors choose the points within [0, max] in declared steps, and must explain why.

    Criteria (7.5, judged 0–2 in steps of 0.5)::

        rule: {kind: judged, step: 0.5}

    Evidence: ``points: 1.5`` and an ``explanation``. Without the explanation the points do not
    count yet (the item shows as missing evidence).
    """

    name = "judged"
    Params = JudgedParams
    needs_explanation = True

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec("points", "points", label("rule.input.judged"), rising=True)]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        if maximum % params.step != 0:
            return [ParamProblem("criteria.step", ("step",), {"step": params.step, "max": maximum})]
        return []

    @classmethod
    def check_inputs(
        cls, params: Any, values: dict[str, Any], maximum: Decimal, ctx: Context
    ) -> list[InputProblem]:
        points = values.get("points")
        if points is None:
            return []
        if points > maximum:
            args = {"value": points, "max": maximum}
            return [InputProblem("evidence.points-over-max", "points", args)]
        if points % params.step != 0:
            args = {"value": points, "step": params.step}
            return [InputProblem("evidence.judged-step", "points", args)]
        return []

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        return Scored(Decimal(values["points"]), "reason.judged", {"points": values["points"]})

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return words("rule.judged.describe", lang, max=points_text(maximum, lang), step=params.step)


KIND = Judged
