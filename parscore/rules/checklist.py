"""The ``checklist`` rule kind: several requirements whose points add up."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from pydantic import Field

from parscore.messages import LANGS
from parscore.rules.base import (
    Context,
    Gain,
    InputSpec,
    Level,
    ParamProblem,
    RuleKind,
    RuleParams,
    Scored,
    duplicate_ids,
    labelled_points,
    text_arg,
)


class ChecklistParams(RuleParams):
    kind: Literal["checklist"]
    items: list[Level] = Field(
        min_length=1, description="id, points and label of each requirement; they add up to max"
    )


class Checklist(RuleKind):
    """Several requirements, each worth its points; the points add up.

    Criteria (2.1: every assigned document issued 1 + every one lawful 2)::

        rule:
          kind: checklist
          items:
            - {id: issued, points: 1, label: {vi: Ban hành đầy đủ, en: All issued}}
            - {id: lawful, points: 2, label: {vi: Đúng quy định, en: All lawful}}

    Evidence: ``issued: true`` and ``lawful: false``. Every item must be answered.
    """

    name = "checklist"
    Params = ChecklistParams

    @classmethod
    def inputs(cls, params: Any) -> list[InputSpec]:
        return [InputSpec(item.id, "bool", item.label, rising=True) for item in params.items]

    @classmethod
    def check_params(cls, params: Any, maximum: Decimal) -> list[ParamProblem]:
        problems = duplicate_ids(params.items, "items")
        total = sum((item.points for item in params.items), Decimal(0))
        if total != maximum:
            problems.append(
                ParamProblem("criteria.checklist-sum", ("items",), {"sum": total, "max": maximum})
            )
        return problems

    @classmethod
    def is_given(cls, params: Any, values: dict[str, Any], ctx: Context) -> bool:
        return all(item.id in values for item in params.items)

    @classmethod
    def score(cls, params: Any, maximum: Decimal, values: dict[str, Any], ctx: Context) -> Scored:
        met = [item for item in params.items if values[item.id]]
        points = sum((item.points for item in met), Decimal(0))
        unmet = [item for item in params.items if not values[item.id]]
        if not unmet:
            return Scored(points, "reason.checklist-all", {"count": len(params.items)})
        missed = {lang: "; ".join(item.label.get(lang) for item in unmet) for lang in LANGS}
        args = {"met": len(met), "count": len(params.items), "missed": missed, "points": points}
        return Scored(points, "reason.checklist", args)

    @classmethod
    def improve(
        cls, params: Any, maximum: Decimal, values: dict[str, Any], points: Decimal
    ) -> list[Gain]:
        unmet = [item for item in params.items if not values.get(item.id)]
        gains = [
            Gain(points + item.points, "plan.item", {"item": text_arg(item.label)})
            for item in sorted(unmet, key=lambda i: -i.points)
        ]
        if len(unmet) > 1:
            gains.insert(0, Gain(maximum, "plan.full"))
        return gains

    @classmethod
    def describe(cls, params: Any, maximum: Decimal, lang: str) -> str:
        return " + ".join(labelled_points(item.label, item.points, lang) for item in params.items)


KIND = Checklist
