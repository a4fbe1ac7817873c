"""The ``levels`` rule kind: the evidence names one of several declared levels."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from parscore.rules.base import (
    Context,
    Gain,
    Goal,
    InputSpec,
    Level,
    ParamProblem,
    RuleKind,
    RuleParams,
    Scored,
    duplicate_ids,
    joined_labels,
    label,
    labelled_points,
    text_arg,
)


class LevelsParams(RuleParams):
    kind: Literal["levels"]
    levels: list[Level] = Field(min_length=2, description="id, points and label of each level")


class Levels(RuleKind):
    """The evidence names one of several declared levels, each worth its points.

    Criteria (1.4: a plan and every item done 1; a plan, not every item done 0.5; none 0)::

        rule:
          kind: levels
          levels:
            - id: done
              points: 1
              label: {vi: "Có kế hoạch, thực hiện đầy đủ", en: "Planned and all done"}
            - id: partly
              points: 0.5
              label: {vi: "Có kế hoạch, chưa đầy đủ", en: "Planned, not all done"}
            - id: none
              points: 0
              label: {vi: "Không có kế hoạch", en: "No plan"}

    Evidence: ``level: partly``.
    """

    name = "levels"
    Params = LevelsParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [
            InputSpec(
                "level",
                "choice",
                label("rule.input.level"),
                choices=tuple(level.id for level in params.levels),
                choice_labels=tuple(level.label for level in params.levels),
                unknown_choice="evidence.unknown-level",
            )
        ]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        problems = duplicate_ids(params.levels, "levels")
        for index, level in enumerate(params.levels):
            if level.points > maximum:
                problems.append(
                    ParamProblem(
                        "criteria.points-over-max",
                        ("levels", index, "points"),
                        {"points": level.points, "max": maximum},
                    )
                )
        if all(level.points != maximum for level in params.levels):
            problems.append(
                ParamProblem("criteria.full-unreachable", ("levels",), {"max": maximum})
            )
        return problems

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        level = next(lv for lv in params.levels if lv.id == values["level"])
        return Scored(
            level.points, "reason.level", {"level": text_arg(level.label), "points": level.points}
        )

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        better = sorted(
            (lv for lv in params.levels if lv.points > points), key=lambda lv: -lv.points
        )
        return [Gain(lv.points, "plan.level", {"level": text_arg(lv.label)}) for lv in better]

    @classmethod
    def goal(cls, params: Any, maximum: Decimal, year: int) -> Goal | None:
        best = max(params.levels, key=lambda lv: lv.points)  # the first of the best
        return Goal("plan-year.goal.level", {"level": joined_labels([best.label])})

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return "; ".join(labelled_points(lv.label, lv.points, lang) for lv in params.levels)


KIND = Levels
